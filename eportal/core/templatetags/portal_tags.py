from django import template
from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Site

from ..models import MainMenu, WebsiteLinks

register = template.Library()


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    menu = MainMenu.for_request(request)
    items = [
        {"label": item.label, "url": item.link_page.get_url(request) if item.link_page else item.link_url}
        for item in menu.items.select_related("link_page")
    ]
    current = request.path
    for item in items:
        item["current"] = item["url"] == current
    return {"items": items}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context["request"]
    site = Site.find_for_request(request)
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth) if site else []
    return {"ancestors": ancestors, "page": page, "request": request}


@register.inclusion_tag("core/portlets/website_links.html", takes_context=True)
def website_links_portlet(context):
    links = WebsiteLinks.for_request(context["request"]).links.all()
    return {"links": links}


@register.inclusion_tag("core/portlets/hit_counter.html", takes_context=True)
def hit_counter_portlet(context):
    request = context["request"]
    # Previews and admin views must not count as visits.
    return {"counting": not getattr(request, "is_preview", False)}


@register.inclusion_tag("core/portlets/video.html", takes_context=True)
def video_portlet(context):
    from eportal.news.models import VideoIndexPage, VideoPage

    request = context["request"]
    site = Site.find_for_request(request)
    latest = None
    index_page = None
    if site:
        images = get_image_model().objects.prefetch_renditions("fill-640x360")
        latest = (
            VideoPage.objects.live().public().descendant_of(site.root_page)
            .select_related("video_file")
            .prefetch_related(Prefetch("poster", queryset=images))
            .order_by("-date", "-pk").first()
        )
        index_page = VideoIndexPage.objects.live().public().descendant_of(site.root_page).first()
    return {"video": latest, "index_page": index_page, "request": request}
