"""Loads the demo portal. Every step is idempotent and leaves editors' changes alone."""

from importlib import import_module

from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from eportal.core.models import MainMenu, MainMenuItem, SiteIdentity, WebsiteLink, WebsiteLinks
from eportal.core.pages import publish_child
from eportal.core.text import vn_slugify
from eportal.news.models import HomePage, NewsCategoryPage, VideoIndexPage

from . import content


def ensure_home_page() -> Site:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).first()
    if home is None:
        # Wagtail's initial "Welcome" page holds the slug we want; it has no content.
        for welcome in Page.objects.child_of(root).filter(content_type__model="page"):
            welcome.delete()
        home = HomePage(title="Trang chủ", slug="trang-chu", seo_title=content.IDENTITY["portal_title"])
        publish_child(root, home)
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, root_page=home)
    site.root_page = home
    site.site_name = content.IDENTITY["portal_title"]
    site.save()
    return site


def ensure_identity(site):
    identity = SiteIdentity.for_site(site)
    changed = False
    for field, value in content.IDENTITY.items():
        current = getattr(identity, field)
        if not current or current == SiteIdentity._meta.get_field(field).default:
            setattr(identity, field, value)
            changed = True
    if changed:
        identity.save()


def ensure_categories(home):
    pages = {}
    for title in content.CATEGORIES:
        slug = vn_slugify(title)
        page = NewsCategoryPage.objects.child_of(home).filter(slug=slug).first()
        pages[title] = page or publish_child(home, NewsCategoryPage(title=title, slug=slug))
    video = VideoIndexPage.objects.child_of(home).first()
    if video is None:
        video = publish_child(home, VideoIndexPage(title=content.VIDEO_LIBRARY_TITLE, slug="video-clip"))
    return pages, video


def load_sections(site, home):
    for dotted in content.SECTION_DEMOS:
        import_module(dotted).load(site, home)


def ensure_menu(site, home):
    menu = MainMenu.for_site(site)
    if menu.items.exists():
        return
    sections = {page.slug: page for page in Page.objects.child_of(home).filter(slug__in=content.MAIN_MENU)}
    targets = [home] + [sections[slug] for slug in content.MAIN_MENU if slug in sections]
    for order, page in enumerate(targets):
        MainMenuItem.objects.create(menu=menu, link_page=page, sort_order=order)


def ensure_links(site):
    owner = WebsiteLinks.for_site(site)
    if owner.links.exists():
        return
    for order, (title, url) in enumerate(content.WEBSITE_LINKS):
        WebsiteLink.objects.create(owner=owner, title=title, url=url, sort_order=order)


def load_demo(stdout=None):
    with transaction.atomic():
        site = ensure_home_page()
        home = site.root_page.specific
        ensure_identity(site)
        ensure_categories(home)
        ensure_links(site)
        load_sections(site, home)
        ensure_menu(site, home)
    seeds = sorted(str(p) for p in content.SEED_DIR.glob("*.txt"))
    call_command("import_legacy", *seeds, "--counter", stdout=stdout)
    return site
