from django import template
from django.db.models import Prefetch
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from eportal.pagecache.recorder import record

from ..fragments import cached_fragment
from ..models import MainMenu, WebsiteLinks

register = template.Library()


def _site(request):
    return Site.find_for_request(request)


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    site = _site(request)

    def build():
        menu = MainMenu.for_site(site)
        return [
            {"label": item.label, "url": item.link_page.get_url(request) if item.link_page else item.link_url}
            for item in menu.items.select_related("link_page")
            if not item.link_page or item.link_page.live
        ]

    items = cached_fragment("main-menu", site.pk, build) if site else []
    return {"items": items, "current": request.path}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context["request"]
    site = _site(request)
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth) if site else []
    return {"ancestors": ancestors, "page": page, "request": request}


@register.inclusion_tag("core/portlets/website_links.html", takes_context=True)
def website_links_portlet(context):
    site = _site(context["request"])

    def build():
        return [{"title": link.title, "url": link.url} for link in WebsiteLinks.for_site(site).links.all()]

    return {"links": cached_fragment("website-links", site.pk, build) if site else []}


@register.inclusion_tag("core/portlets/hit_counter.html", takes_context=True)
def hit_counter_portlet(context):
    request = context["request"]
    page = context.get("page")
    # The frame's address names the page, for the visit statistics (eportal.visits).
    query = f"?p={page.pk}" if isinstance(page, Page) and page.pk else ""
    # Previews must not count as visits.
    return {"counting": not getattr(request, "is_preview", False), "frame_url": reverse("hit_counter") + query}


POSTER_SPEC = "fill-640x360|format-webp"


@register.inclusion_tag("core/portlets/video.html", takes_context=True)
def video_portlet(context):
    from eportal.news.models import VideoIndexPage, VideoPage

    request = context["request"]
    site = _site(request)

    def build():
        record("videos")  # a newer video replaces this one on every cached page
        images = get_image_model().objects.prefetch_renditions(POSTER_SPEC)
        video = (
            VideoPage.objects.live().public().descendant_of(site.root_page)
            .select_related("video_file", "captions")
            .prefetch_related(Prefetch("poster", queryset=images))
            .order_by("-date", "-pk").first()
        )
        library = VideoIndexPage.objects.live().public().descendant_of(site.root_page).first()
        if video is None:
            return {"video": None}
        return {
            "video": {
                "title": video.title,
                "page_url": video.get_url(request),
                "file_url": video.video_file.file.url if video.video_file else "",
                "mime_type": video.video_mime_type,
                "captions_url": video.captions_url if video.video_file else "",
                "embed_url": video.embed_url,
                "poster_url": video.poster.get_rendition(POSTER_SPEC).url if video.poster else "",
            },
            "library_url": library.get_url(request) if library else "",
        }

    return cached_fragment("video-portlet", site.pk, build) if site else {"video": None}
