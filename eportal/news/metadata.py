"""Page metadata for every public page: Dublin Core (Thông tư 24/2011/TT-BTTTT), the
canonical URL, schema.org JSON-LD for articles and the links of the share snippet.

Everything here works for any page type, and for views that have no page at all. It
reads what the request already holds (the SiteIdentity setting, the site's root paths,
renditions from the cache), so it adds no SQL query per page once caches are warm.
"""

import datetime
import json
from urllib.parse import quote, urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Page, Site

from eportal.core.dates import day_start
from eportal.core.fragments import cached_fragment
from eportal.core.richtext import plain_text

DC_SCHEMA = "http://purl.org/dc/elements/1.1/"
LANGUAGE = "vi"
DESCRIPTION_WORDS = 60
# Fields that hold a page's summary, in order of preference, whatever its type; else the
# beginning of its body.
DESCRIPTION_FIELDS = ("search_description", "lead", "intro", "summary", "description", "welcome")
# The renditions the article template and the header already use: no extra rendition.
ARTICLE_IMAGE_SPEC = "width-800|format-webp"
LOGO_SPEC = "height-80"
PRINT_PARAM = "in"


def _plain(text) -> str:
    return " ".join(plain_text(text).split())


def _body_text(page) -> str:
    """The text of a StreamField body's text blocks (rich text paragraphs), if the page has one."""
    raw = getattr(getattr(page, "body", None), "raw_data", None)
    if raw is None:
        return ""
    return _plain(" ".join(block["value"] for block in raw if isinstance(block.get("value"), str)))


def page_title(page) -> str:
    return (getattr(page, "seo_title", "") or getattr(page, "title", "")).strip()


def page_description(page) -> str:
    for field in DESCRIPTION_FIELDS:
        text = _plain(getattr(page, field, ""))
        if text:
            return Truncator(text).words(DESCRIPTION_WORDS)
    return Truncator(_body_text(page)).words(DESCRIPTION_WORDS)


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return day_start(value)
    return None


def page_date(page):
    """The page's own date if it has one (articles, videos...), else when it was last published."""
    for field in ("date", "last_published_at", "first_published_at", "latest_revision_created_at"):
        value = _as_datetime(getattr(page, field, None))
        if value is not None:
            return value
    return None


def page_modified(page):
    return _as_datetime(getattr(page, "last_published_at", None)) or page_date(page)


def iso(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def site_last_published(request):
    """When anything on the request's site was last published (cached per content version)."""
    site = Site.find_for_request(request)
    if site is None:
        return None

    def build():
        value = (
            Page.objects.live().descendant_of(site.root_page, inclusive=True)
            .aggregate(latest=Max("last_published_at"))["latest"]
        )
        return value.isoformat() if value else ""

    value = cached_fragment("last-published", site.pk, build)
    return datetime.datetime.fromisoformat(value) if value else None


def canonical_url(request, page=None) -> str:
    """The page's absolute URL on the host the visitor used, without query string."""
    elsewhere = getattr(page, "canonical_elsewhere", None)  # a copy of a page published elsewhere
    url = elsewhere(request) if elsewhere is not None else ""
    if url:
        return url
    if page is not None and getattr(page, "url_path", None):
        url = page.get_url(request)
        if url:
            return request.build_absolute_uri(url)
    return request.build_absolute_uri(request.path)


def dublin_core(request, identity, page=None, title="", description="") -> list[tuple[str, str]]:
    """(name, content) pairs of the DC.* meta elements; views without a page pass title/description."""
    portal = identity.portal_title if identity else ""
    agency = (identity.agency_name if identity else "") or portal
    date = None
    if page is not None:
        title = page_title(page) or title
        description = page_description(page) or description
        date = page_date(page)
    if date is None:
        date = site_last_published(request)
    title = title or portal
    description = description or " - ".join(part for part in (portal, agency) if part)
    return [
        ("DC.title", title),
        ("DC.creator", agency),
        ("DC.date", iso(date or timezone.now())),
        ("DC.description", description),
        ("DC.publisher", portal),
        ("DC.identifier", canonical_url(request, page)),
        ("DC.language", LANGUAGE),
    ]


# The characters that could end a <script> element or open an HTML comment in it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_for_script(data) -> str:
    """JSON that is safe inside <script>: "</script>" in a title cannot close the element."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


def _rendition_url(request, image, spec):
    if image is None:
        return ""
    return request.build_absolute_uri(image.get_rendition(spec).url)


def article_json_ld(request, page, identity) -> dict:
    """schema.org NewsArticle for an article page (or any page with a date and a lead)."""
    url = canonical_url(request, page)
    publisher_name = (identity.agency_name or identity.portal_title) if identity else ""
    publisher = {"@type": "GovernmentOrganization", "name": publisher_name}
    logo_url = _rendition_url(request, identity.logo if identity else None, LOGO_SPEC)
    if logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": logo_url}
    author_name = getattr(page, "author_name", "")
    if author_name:
        author = {"@type": "Person", "name": author_name}
        if getattr(page, "author_position", ""):
            author["jobTitle"] = page.author_position
    else:
        author = {"@type": "GovernmentOrganization", "name": publisher_name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": iso(page_date(page)),
        "dateModified": iso(page_modified(page)),
        "author": author,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": LANGUAGE,
    }
    description = page_description(page)
    if description:
        data["description"] = description
    image_url = _rendition_url(request, getattr(page, "featured_image", None), ARTICLE_IMAGE_SPEC)
    if image_url:
        data["image"] = [image_url]
    return data


def share_links(request, page=None, title="") -> dict:
    """Plain links to share or print a page: built here, nothing is loaded from elsewhere."""
    url = canonical_url(request, page)
    title = (page_title(page) if page is not None else "") or title
    query = request.GET.copy()
    query[PRINT_PARAM] = "1"
    return {
        "url": url,
        "title": title,
        "print_url": f"{request.path}?{query.urlencode()}",
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "mailto": f"mailto:?subject={quote(title)}&body={quote(title + chr(10) + url)}",
    }


def is_print_view(request) -> bool:
    return request is not None and request.GET.get(PRINT_PARAM) == "1"
