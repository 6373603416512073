"""Which sites' submissions and admin records a user may see.

A commune's board gets its own groups, with page permissions on the commune's home page
(or pages inside it) and the model permissions of its roles. The province board keeps
the global roles of eportal.editorial.roles, whose page permissions are on the root of
the page tree: they, and superusers, see every site.

`sites_of(user)` is read once per request (kept on the user object, which Django builds
anew for each request): one query for the province board, two for a commune's, none after.

Objects are tied to a site by a `site` foreign key (questions, information requests) or by
their page (schedule entries, consultation comments: the page's path starts with the site
root's path).
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, Site

from eportal.editorial import roles

_CACHE_ATTRIBUTE = "_eportal_site_roots"


def _site_roots(user) -> dict[int, str] | None:
    """{site id: root page path} of the sites `user` may see; None for every site."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    if user.is_superuser:
        return None
    if hasattr(user, _CACHE_ATTRIBUTE):
        return getattr(user, _CACHE_ATTRIBUTE)
    rows = list(user.groups.values_list("name", "page_permissions__page__path").distinct())
    paths = {path for _, path in rows if path}
    if any(name in roles.ROLES for name, _ in rows) or any(len(path) == Page.steplen for path in paths):
        roots = None
    elif not paths:
        roots = {}
    else:
        roots = {
            site_id: root_path
            for site_id, root_path in Site.objects.values_list("pk", "root_page__path")
            if any(root_path.startswith(path) or path.startswith(root_path) for path in paths)
        }
    setattr(user, _CACHE_ATTRIBUTE, roots)
    return roots


def sites_of(user) -> set[int] | None:
    """Ids of the sites whose submissions `user` may see in the admin; None means every site."""
    roots = _site_roots(user)
    return None if roots is None else set(roots)


NOT_VISIBLE = "Không tìm thấy trang thông tin này hoặc bạn không được xem."


def visible_sites(user) -> list[Site]:
    """The sites `user` may read reports of, by site name, for a site chooser."""
    site_ids = sites_of(user)
    queryset = Site.objects.select_related("root_page").order_by("site_name", "hostname", "port")
    if site_ids is not None:
        queryset = queryset.filter(pk__in=site_ids)
    return list(queryset)


def chosen_site(request, sites: list[Site]) -> Site:
    """The site asked for by ?site=<id> (404 if it is not one of `sites`), else the request's
    own site if it is one of them, else the first. `sites` must not be empty."""
    raw = request.GET.get("site", "").strip()
    if raw:
        for site in sites:
            if str(site.pk) == raw:
                return site
        raise Http404(NOT_VISIBLE)
    current = Site.find_for_request(request)
    if current is not None:
        for site in sites:
            if site.pk == current.pk:
                return site
    return sites[0]


def site_of_page(page) -> Site | None:
    """The site whose root page is `page` or one of its ancestors."""
    return page.get_site()


def site_filter(user, field: str = "site") -> Q:
    """A filter keeping the objects of `user`'s sites, for models with a Site foreign key.

    Objects without a site (older rows of a deleted site) are seen by the province board only.
    """
    site_ids = sites_of(user)
    if site_ids is None:
        return Q()
    return Q(**{f"{field}__in": site_ids})


def page_filter(user, field: str | None = "page") -> Q:
    """A filter keeping the objects whose page (foreign key `field`) lies inside one of `user`'s
    sites; with `field=None`, a filter of the pages themselves."""
    roots = _site_roots(user)
    if roots is None:
        return Q()
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    condition = Q(pk__in=[])
    for root_path in set(roots.values()):
        condition |= Q(**{lookup: root_path})
    return condition


class PageChoiceViewMixin:
    """For admin create/edit/copy views of objects tied to a page (foreign key `page`): the
    page list offers only pages inside the user's sites, so a board cannot file an object on
    another site's page."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields.get("page")
        if field is not None:
            field.queryset = field.queryset.filter(page_filter(self.request.user, None))
            if not form.instance.pk and not form.is_bound:
                only = list(field.queryset.values_list("pk", flat=True)[:2])
                if len(only) == 1:
                    form.initial["page"] = only[0]
        return form


def scoped_urlpatterns(patterns, model, scope):
    """Wrap every admin URL of one object (`pk` in the URL) so that an object outside the
    user's sites answers 404, whatever the view: edit, delete, inspect, history, usage,
    copy, attachments. `scope(user)` is the Q filter of the objects the user may see."""
    for pattern in patterns:
        if "pk" in pattern.pattern.regex.groupindex:
            pattern.callback = _scoped_view(pattern.callback, model, scope)
    return patterns


def _scoped_view(view, model, scope):
    def scoped(request, *args, pk, **kwargs):
        if not _visible(request.user, model, scope, pk):
            raise Http404("Không tìm thấy mục này.")
        return view(request, *args, pk=pk, **kwargs)

    scoped.__name__ = getattr(view, "__name__", "scoped")
    scoped.__doc__ = view.__doc__
    for attribute in ("view_class", "view_initkwargs", "csrf_exempt"):
        if hasattr(view, attribute):
            setattr(scoped, attribute, getattr(view, attribute))
    return scoped


def _visible(user, model, scope, pk) -> bool:
    condition = scope(user)
    if not condition:  # every site: let the view answer for a missing object
        return True
    try:
        return model._default_manager.filter(condition, pk=unquote(str(pk))).exists()
    except (ValueError, TypeError):
        return False


class SiteChoiceFormMixin:
    """For admin model forms with a `site` field (papers entered by hand).

    A board picks among its own sites only; a board of one site gets that site, shown but
    not changeable. For the province board the province portal is preselected.
    """

    NO_SITE = "Vui lòng chọn trang thông tin (cổng tỉnh hoặc trang của xã, phường) nhận mục này."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None:
            return
        user = getattr(self, "for_user", None)
        site_ids = sites_of(user) if user is not None else None
        queryset = Site.objects.order_by("-is_default_site", "site_name", "hostname")
        if site_ids is not None:
            queryset = queryset.filter(pk__in=site_ids)
        field.queryset = queryset
        field.required = False
        field.empty_label = None
        choices = list(queryset.values_list("pk", flat=True)[:2])
        if not self.instance.site_id:
            if site_ids is None:
                self.initial["site"] = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
            elif choices:
                self.initial["site"] = choices[0]
        if site_ids is not None and len(choices) == 1:
            field.disabled = True

    def clean_site(self):
        site = self.cleaned_data.get("site")
        if site is None and self.instance.site_id:
            site = self.instance.site
        if site is None and self.initial.get("site"):
            site = self.fields["site"].queryset.filter(pk=self.initial["site"]).first()
        if site is None:
            raise ValidationError(self.NO_SITE)
        return site


def scoped_index_view(base, scope):
    """An admin index view class listing only the objects `scope(user)` keeps."""

    class ScopedIndexView(base):
        def get_base_queryset(self):
            return super().get_base_queryset().filter(scope(self.request.user))

    ScopedIndexView.__name__ = f"Scoped{base.__name__}"
    return ScopedIndexView
