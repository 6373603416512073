"""A new component site made from a template site, in one transaction.

The new site gets: a home page; the template's structure (news categories with their
sub-categories, and the empty section pages: videos, documents, procedures, Q&A,
consultations, work schedule, access to information, survey, HTML sitemap), without
their content; the main menu and "Liên kết Website" remapped to its own pages; its
identity; a media collection; and its own editorial board: three groups holding the
board's roles on its pages and collection only, and a two-step approval workflow run by
those groups. Editors put in these groups see and change nothing of other sites.

Agency-specific pages (about, contacts, spokesperson, English) are not copied: their
content would be the template's agency. The commune's board writes them.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection, GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Page, Site, Workflow,
    WorkflowPage, WorkflowTask,
)

from eportal.core.models import HitCounterSettings, MainMenu, MainMenuItem, SiteIdentity, WebsiteLink, WebsiteLinks
from eportal.core.text import vn_slugify
from eportal.editorial import roles
from eportal.news.models import HomePage

# Page types copied from the template (without their children, except categories').
SECTION_TYPES = {
    "news.newscategorypage", "news.videoindexpage", "documents.documentindexpage",
    "procedures.procedureindexpage", "questions.questionindexpage", "consultations.consultationindexpage",
    "schedule.workschedulepage", "access.accesstoinformationpage", "satisfaction.satisfactionsurveypage",
    "core.htmlsitemappage",
}
CATEGORY_TYPE = "news.newscategorypage"
BOARD_ROLES = [roles.CONTRIBUTOR, roles.EDITOR, roles.HEAD]
IDENTITY_FIELDS = ("province", "license_note")


class SiteTemplateError(ValueError):
    """A site cannot be made as asked (message in English, for the command line)."""


@dataclass
class NewSite:
    site: Site
    pages: int
    groups: list[Group]
    collection: Collection
    workflow: Workflow


def _label(page) -> str:
    return f"{page.content_type.app_label}.{page.content_type.model}"


def copy_structure(source: Page, target: Page, mapping: dict) -> int:
    copied = 0
    for child in source.get_children().live().select_related("content_type").order_by("path"):
        if _label(child) not in SECTION_TYPES:
            continue
        new = child.specific.copy(
            to=target, recursive=False, keep_live=True, copy_revisions=False, log_action=None,
            update_attrs={"first_published_at": None, "last_published_at": None},
            process_child_object=None,
        )
        mapping[child.pk] = new
        copied += 1
        if _label(child) == CATEGORY_TYPE:
            copied += copy_structure(child, new, mapping)
    return copied


def copy_menu(template: Site, site: Site, mapping: dict, home: Page) -> None:
    menu = MainMenu.for_site(site)
    for item in MainMenu.for_site(template).items.select_related("link_page").order_by("sort_order"):
        if item.link_page_id == template.root_page_id:
            page = home
        elif item.link_page_id:
            page = mapping.get(item.link_page_id)
            if page is None:  # a page that was not copied (about, contacts): left out
                continue
        else:
            page = None
        MainMenuItem.objects.create(
            menu=menu, title=item.title, link_page=page, link_url=item.link_url if page is None else "",
            sort_order=item.sort_order,
        )
    links = WebsiteLinks.for_site(site)
    for link in WebsiteLinks.for_site(template).links.order_by("sort_order"):
        WebsiteLink.objects.create(owner=links, title=link.title, url=link.url, sort_order=link.sort_order)


def _board(name: str, home: Page, collection: Collection) -> tuple[list[Group], Workflow]:
    groups = {}
    for role in BOARD_ROLES:
        group = Group.objects.create(name=f"{name} – {role}")
        # The model permissions of the role (admin access, Q&A, schedule…); the objects they
        # reach are limited to this site's by eportal.province.access.
        global_role = Group.objects.filter(name=role).first()
        if global_role is not None:
            group.permissions.set(global_role.permissions.all())
        for codename in roles.PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.create(
                group=group, page=home, permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            )
        for codename in roles.COLLECTION_PERMISSIONS[role]:
            app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
            GroupCollectionPermission.objects.create(
                group=group, collection=collection,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
            )
        groups[role] = group
    workflow = Workflow.objects.create(name=f"{roles.WORKFLOW} ({name})", active=True)
    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    steps = [(roles.EDITOR_TASK, roles.EDITOR), (roles.HEAD_TASK, roles.HEAD)]
    for order, (task_name, role) in enumerate(steps):
        task = GroupApprovalTask.objects.create(name=f"{task_name} ({name})", content_type=task_type, active=True)
        task.groups.set([groups[role]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(page=home, workflow=workflow)
    return list(groups.values()), workflow


def _check(name, hostname, prefix, template):
    if not name.strip():
        raise SiteTemplateError("The site needs a name.")
    if not hostname and not prefix:
        raise SiteTemplateError("Give the site a host name (--host), a path prefix (--prefix), or both.")
    if hostname and Site.objects.filter(hostname=hostname).exists():
        raise SiteTemplateError(f"A site already answers to the host name {hostname}.")
    if Group.objects.filter(name__startswith=f"{name} – ").exists():
        raise SiteTemplateError(f"Editorial groups named after {name!r} exist already: is the site made already?")
    if template is not None and not isinstance(template.root_page.specific, HomePage):
        raise SiteTemplateError("The template site's home page is not a portal home page.")


def create_site(
    name: str, *, hostname: str = "", prefix: str = "", template: Site | None = None,
    agency: str = "", port: int = 80,
) -> NewSite:
    """Make a component site called `name` from `template` (default: the province portal)."""
    from .addresses import prefix_problem
    from .sites import province_site

    template = template or province_site()
    _check(name, hostname, prefix, template)
    if prefix:
        problem = prefix_problem(prefix, None)
        if problem:
            raise SiteTemplateError(f"The path prefix {prefix!r} cannot be used: {problem}")
    slug = prefix or vn_slugify(name)
    root = Page.get_first_root_node()
    if root.get_children().filter(slug=slug).exists():
        raise SiteTemplateError(f"A home page with the slug {slug!r} exists already.")
    with transaction.atomic():
        home = HomePage(title="Trang chủ", slug=slug, seo_title=name)
        root.add_child(instance=home)
        home.save_revision().publish(log_action=None)
        site = Site.objects.create(
            hostname=hostname or f"{slug}.invalid", port=port, root_page=home, site_name=name, is_default_site=False
        )
        identity = SiteIdentity.for_site(site)
        identity.portal_title = name
        identity.agency_name = agency
        identity.path_prefix = prefix
        mapping = {}
        pages = 1
        if template is not None:
            for field in IDENTITY_FIELDS:
                setattr(identity, field, getattr(SiteIdentity.for_site(template), field))
            pages += copy_structure(template.root_page, home, mapping)
            copy_menu(template, site, mapping, home)
        identity.save()
        HitCounterSettings.for_site(site)
        collection = Collection.get_first_root_node().add_child(name=name)
        groups, workflow = _board(name, home, collection)
    return NewSite(site=site, pages=pages, groups=groups, collection=collection, workflow=workflow)
