"""The admin actions on an archived site that Wagtail offers no "before" hook for.

Approving or rejecting a workflow task, reordering pages, changing a page's privacy,
unscheduling a revision and saving a setting (menu, links, counter) of an archived site
are refused with the same 403 as editing (eportal.editorial.wagtail_hooks). The site's
SiteIdentity stays editable: it holds the switch that ends the archive.
"""

from wagtail.models import Page, Site

# URL name → the view argument that names the page.
PAGE_ACTIONS = {
    "wagtailadmin_pages:workflow_action": "page_id",
    "wagtailadmin_pages:collect_workflow_action_data": "page_id",
    "wagtailadmin_pages:set_page_position": "page_to_move_id",
    "wagtailadmin_pages:set_privacy": "page_id",
    "wagtailadmin_pages:revisions_unschedule": "page_id",
}
SETTINGS_EDIT = "wagtailsettings:edit"
ARCHIVE_SWITCH = ("core", "siteidentity")


class ArchiveAdminGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        from eportal.core import archive

        name = request.resolver_match.view_name
        if name in PAGE_ACTIONS:
            page = Page.objects.filter(pk=view_kwargs.get(PAGE_ACTIONS[name])).first()
            identity = archive.first_archive([page]) if page is not None else None
        elif name == SETTINGS_EDIT and "pk" in view_kwargs:
            if (view_kwargs.get("app_name"), view_kwargs.get("model_name")) == ARCHIVE_SWITCH:
                return None
            identity = archive.archive_of(Site.objects.filter(pk=view_kwargs["pk"]).first())
        else:
            return None
        return archive.refusal_response(request, identity) if identity else None
