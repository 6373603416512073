"""{% cachedblock "name" key... %}...{% endcachedblock %}: a part of a page rendered once per
content version (eportal.core.fragments), with the page-cache tags its first render recorded.

Only requests without a query string, or with the print view's, use it: the block may
show the URL (share and print links), and visitors' query strings must not fill the cache.
"""

from django import template
from django.utils.safestring import mark_safe

from eportal.core.fragments import cached_fragment

from ..metadata import PRINT_PARAM

register = template.Library()
CACHED_QUERY_STRINGS = {"", f"{PRINT_PARAM}=1"}


class CachedBlockNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist, self.name, self.keys = nodelist, name, keys

    def render(self, context):
        request = context.get("request")
        query = request.META.get("QUERY_STRING", "") if request is not None else None
        if query not in CACHED_QUERY_STRINGS or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [self.name.resolve(context), *(key.resolve(context) for key in self.keys)]
        name = ":".join(["block", request.scheme, request.get_host(), query, *map(str, parts)])
        site = getattr(request, "_wagtail_site", None)
        return mark_safe(cached_fragment(name, site.pk if site else 0, lambda: str(self.nodelist.render(context))))


@register.tag
def cachedblock(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cachedblock needs a name")
    nodelist = parser.parse(("endcachedblock",))
    parser.delete_first_token()
    return CachedBlockNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
