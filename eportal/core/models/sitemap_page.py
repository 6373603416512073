from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site, get_page_models

from ..fragments import cached_fragment


def item_page_models():
    """Page types that are items of a section (articles, videos...), not sections themselves.

    An item type has no subpages and cannot sit directly under the home page. A page type
    may decide for itself with `show_in_html_sitemap = True / False`.
    """
    from eportal.news.models import HomePage

    items = []
    for model in get_page_models():
        explicit = getattr(model, "show_in_html_sitemap", None)
        if explicit is not None:
            if not explicit:
                items.append(model)
        elif not model.allowed_subpage_models() and HomePage not in model.allowed_parent_page_models():
            items.append(model)
    return items


class HtmlSitemapPage(Page):
    """Sơ đồ cổng: the tree of the portal's sections, as nested lists (no articles)."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    template = "core/html_sitemap_page.html"

    # Levels below the home page that are shown.
    MAX_DEPTH = 3

    class Meta:
        verbose_name = "Sơ đồ cổng"
        verbose_name_plural = "Sơ đồ cổng"

    def section_tree(self, request):
        """The home page as a node {title, url, children}, its sections nested below it.

        Two queries (the pages, and the view restrictions behind .public()), cached until
        the next publication.
        """
        home_path, home_depth = self.path[: -self.steplen], self.depth - 1

        def build():
            excluded = [ct.pk for ct in ContentType.objects.get_for_models(*item_page_models()).values()]
            pages = (
                Page.objects.live().public()
                .filter(path__startswith=home_path, depth__gte=home_depth, depth__lte=home_depth + self.MAX_DEPTH)
                .exclude(content_type_id__in=excluded)
                .order_by("path")
            )
            nodes = {}
            root = None
            for page in pages:
                node = {"title": page.title, "url": page.get_url(request) or "", "children": []}
                if page.depth == home_depth:
                    root = node
                else:
                    parent = nodes.get(page.path[: -page.steplen])
                    if parent is None:  # under a hidden page (draft, private or an item)
                        continue
                    parent["children"].append(node)
                nodes[page.path] = node
            return root

        site = Site.find_for_request(request)
        return cached_fragment(f"html-sitemap-{self.pk}", site.pk if site else 0, build)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = self.section_tree(request)
        return context

    @classmethod
    def url_for_request(cls, request):
        """The URL of the request's site's sitemap page, or "" (cached until the next publication)."""
        site = Site.find_for_request(request)
        if site is None:
            return ""

        def build():
            page = cls.objects.live().public().filter(path__startswith=site.root_page.path).first()
            return (page.get_url(request) or "") if page else ""

        return cached_fragment("html-sitemap-url", site.pk, build)
