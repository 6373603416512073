"""Component sites served under a path prefix of the installation's address.

Every site of an installation is reached by its own host name (Wagtail's Site). A site
whose SiteIdentity has a path prefix is also served at /<prefix>/ on the other hosts, and
that becomes its address: https://cantho.gov.vn/xa-ke-sach/ serves the commune site
"xa-ke-sach" from the same process as the province portal at https://cantho.gov.vn/.

PathPrefixMiddleware strips the prefix from the path Django routes and makes it the
script prefix, so every reverse() and every page URL rendered in that request carries
it. Page.get_url_parts (patched in apps.py) gives pages of prefixed sites their address
when they are linked from elsewhere: the province's search, shared articles, feeds.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, get_script_prefix, resolve, set_script_prefix
from django.utils.http import escape_leading_slashes
from wagtail.models import Site

from eportal.core.fragments import content_version

TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Addresses:
    site_of_prefix: dict[str, int]
    prefix_of_site: dict[int, str]
    default_site_id: int | None
    default_root_url: str
    default_root_path: str
    # Host names of the sites that are not the default one: a request to one of them is
    # for that site and keeps its own links host-relative.
    own_hosts: frozenset[str]


_memo: tuple[str, Addresses] | None = None


def _build() -> Addresses:
    sites = list(Site.objects.values_list(
        "pk", "hostname", "port", "is_default_site", "siteidentity__path_prefix", "root_page__path",
    ))
    prefixes = {prefix: pk for pk, _, _, _, prefix, _ in sites if prefix}
    default = next((site for site in sites if site[3]), None)
    default_root_url = Site(hostname=default[1], port=default[2]).root_url if default else ""
    return Addresses(
        site_of_prefix=prefixes,
        prefix_of_site={site_id: prefix for prefix, site_id in prefixes.items()},
        default_site_id=default[0] if default else None,
        default_root_url=default_root_url,
        default_root_path=default[5] if default else "",
        own_hosts=frozenset(hostname for _, hostname, _, is_default, _, _ in sites if not is_default),
    )


def addresses() -> Addresses:
    """The prefix map, kept per content version (a site or identity change renews it) in
    the cache and in this process: no query and no cache read per request."""
    global _memo
    version = content_version()
    if _memo is not None and _memo[0] == version:
        return _memo[1]
    key = f"site-addresses:{version}"
    value = cache.get(key)
    if value is None:
        value = _build()
        cache.set(key, value, TIMEOUT)
    _memo = (version, value)
    return value


def prefix_problem(prefix: str, site_id: int | None) -> str | None:
    """Why `prefix` cannot be a site's path prefix (Vietnamese), or None."""
    from eportal.core.models import SiteIdentity

    taken = SiteIdentity.objects.filter(path_prefix=prefix).exclude(site_id=site_id).exists()
    if taken:
        return "Đường dẫn này đã dùng cho một trang thành phần khác."
    try:
        match = resolve(f"/{prefix}/")
    except Resolver404:
        match = None
    if match is not None and match.url_name != "wagtail_serve":
        return "Đường dẫn này trùng với một chức năng của cổng (quản trị, tìm kiếm, RSS…)."
    default = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if default is not None and default.pk != site_id and default.root_page.get_children().filter(slug=prefix).exists():
        return "Cổng tỉnh đã có trang với đường dẫn này; hãy chọn đường dẫn khác."
    return None


def site_by_id(site_id: int) -> Site | None:
    """The site and its specific root page, cached per content version like the host lookup
    of eportal.pagecache.sites."""
    key = f"site-by-id:{site_id}:{content_version()}"
    site = cache.get(key)
    if site is None:
        site = Site.objects.select_related("root_page").filter(pk=site_id).first()
        if site is None:
            return None
        site.root_page = site.root_page.specific
        cache.set(key, site, TIMEOUT)
    return site


def _hostname(request) -> str:
    return request._get_raw_host().rsplit(":", 1)[0].lower() if request._get_raw_host() else ""


def on_own_host(request) -> bool:
    """Whether the request came by the host name of a non-default site."""
    return _hostname(request) in addresses().own_hosts


class PathPrefixMiddleware:
    """Serve /<prefix>/… as the site that has that prefix (after CachedSiteMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = addresses()
        if not found.site_of_prefix:
            return self.get_response(request)
        segment, slash, rest = request.path_info.lstrip("/").partition("/")
        site_id = found.site_of_prefix.get(segment)
        if site_id is None:
            return self.get_response(request)
        if not slash:  # /xa-ke-sach → /xa-ke-sach/
            query = request.META.get("QUERY_STRING", "")
            target = escape_leading_slashes(f"{request.path}/") + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(target)
        site = site_by_id(site_id)
        if site is None:
            return self.get_response(request)
        script = f"{request.META.get('SCRIPT_NAME', '').rstrip('/')}/{segment}"
        request.META["SCRIPT_NAME"] = script
        request.path_info = request.META["PATH_INFO"] = f"/{rest}"
        request._wagtail_site = site
        previous = get_script_prefix()
        set_script_prefix(f"{script}/")
        try:
            return self.get_response(request)
        finally:
            set_script_prefix(previous)


def _hub_root_url(request) -> str:
    """Where the default site and prefixed sites live, as seen from this request: the
    request's own scheme and host when it came by one of them, else the default site's."""
    if request is not None and hasattr(request, "get_host") and not on_own_host(request):
        try:
            return f"{request.scheme}://{request.get_host()}"
        except Exception:  # DisallowedHost: fall back to the configured address
            pass
    return addresses().default_root_url


def url_parts(site_id: int, root_url: str, page_path: str, request=None) -> tuple[int, str, str]:
    """Wagtail's (site id, root URL, path) for a page, with path prefixes applied."""
    script = get_script_prefix()
    if script != "/" and page_path.startswith(script):
        page_path = page_path[len(script) - 1 :]
    found = addresses()
    prefix = found.prefix_of_site.get(site_id)
    if prefix:
        return site_id, _hub_root_url(request), f"/{prefix}{page_path}"
    if site_id == found.default_site_id:
        return site_id, _hub_root_url(request), page_path
    return site_id, root_url, page_path


def site_url(site_id: int | None, path: str, request) -> str:
    """The address of `path` (relative to a site's root, starting with "/") on that site,
    as a link from the page `request` shows: relative when it is on the same site."""
    current = Site.find_for_request(request)
    if site_id is None or (current is not None and current.pk == site_id):
        return get_script_prefix().rstrip("/") + path
    found = addresses()
    prefix = found.prefix_of_site.get(site_id)
    if prefix or site_id == found.default_site_id:
        base = "" if not on_own_host(request) else found.default_root_url
        return f"{base}/{prefix}{path}" if prefix else f"{base}{path}"
    site = site_by_id(site_id)
    return f"{site.root_url}{path}" if site else path
