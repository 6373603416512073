"""Template tags for page metadata, JSON-LD and the share/print snippet.

    {% load page_metadata %}
    {% page_metadata %}            in <head> (base.html): description, canonical, Dublin Core
    {% article_json_ld page %}     in an article's <head>: schema.org NewsArticle
    {% share_links as share %}     used by core/includes/share.html
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from eportal.core.models import SiteIdentity

from .. import metadata

register = template.Library()


def _identity(request):
    # Cached on the request: the same instance the header and footer use.
    return SiteIdentity.for_request(request) if request is not None else None


def _page(context):
    page = context.get("page")
    # Only Wagtail pages: other views may put something else called "page" in the context.
    return page if hasattr(page, "url_path") else None


@register.simple_tag(takes_context=True)
def page_metadata(context):
    request = context.get("request")
    if request is None:
        return ""
    page = _page(context)
    pairs = metadata.dublin_core(
        request, _identity(request), page,
        title=context.get("meta_title", ""), description=context.get("meta_description", ""),
    )
    fields = dict(pairs)
    parts = [
        format_html('<meta name="description" content="{}">', fields["DC.description"]),
        format_html('<link rel="canonical" href="{}">', fields["DC.identifier"]),
        format_html('<link rel="schema.DC" href="{}">', metadata.DC_SCHEMA),
        format_html_join("\n  ", '<meta name="{}" content="{}">', pairs),
    ]
    if metadata.is_print_view(request):
        parts.append(mark_safe('<meta name="robots" content="noindex, follow">'))
    return format_html_join("\n  ", "{}", ((part,) for part in parts))


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    request = context["request"]
    data = metadata.article_json_ld(request, page, _identity(request))
    return format_html('<script type="application/ld+json">{}</script>', metadata.json_for_script(data))


@register.simple_tag(takes_context=True)
def share_links(context):
    request = context["request"]
    return metadata.share_links(request, _page(context), title=context.get("meta_title", ""))


@register.simple_tag(takes_context=True)
def is_print_view(context):
    return metadata.is_print_view(context.get("request"))


@register.simple_tag(takes_context=True)
def html_sitemap_url(context):
    """The URL of the site's "Sơ đồ cổng" page, or "" (cached: no query on a warm cache)."""
    from eportal.core.models import HtmlSitemapPage

    request = context.get("request")
    return HtmlSitemapPage.url_for_request(request) if request is not None else ""
