"""Which site is which in a province installation.

One deployment serves the province portal and its component sites (communes, wards,
departments), and keeps former district portals as archives. The province portal is
Wagtail's default site; every other site is a component site or an archive
(SiteIdentity.archived).
"""

from wagtail.models import Site


def province_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def is_province(site: Site | None) -> bool:
    return site is not None and site.is_default_site
