import datetime
from typing import NamedTuple

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Site

from eportal.core import ratelimit
from eportal.core.dates import day_start
from eportal.core.fragments import cached_fragment
from eportal.core.models import SiteIdentity
from eportal.news.models import NewsCategoryPage
from eportal.province.addresses import site_url
from eportal.province.sites import is_province
from eportal.news.pagination import paginate

from . import highlight
from .backends import Filters
from .forms import SearchForm
from .models import Kind, SearchEntry
from .query import MAX_RESULTS, search

PER_PAGE = 10
TOO_MANY = "Bạn tìm kiếm quá nhiều lần trong một phút. Vui lòng chờ một lát rồi tìm lại."
KIND_LABELS = dict(Kind.choices)


def _filters(form: SearchForm, site: Site | None, province_wide: bool) -> Filters:
    data = form.cleaned_data
    category = form.category_page()
    if province_wide:
        site_id = data.get("site")  # None: every site
    else:
        site_id = site.pk if site else 0
    return Filters(
        site_id=site_id,
        kind=data.get("kind") or "",
        category_path=category.path if category else "",
        date_from=day_start(data["date_from"]) if data.get("date_from") else None,
        date_to=day_start(data["date_to"] + datetime.timedelta(days=1)) if data.get("date_to") else None,
    )


class Category(NamedTuple):
    pk: int
    title: str
    path: str


def _categories(site: Site) -> list[tuple]:
    """The site's news categories in tree order. Sorted here: ordering by path in SQL
    walks the whole page tree's index on SQLite."""
    rows = NewsCategoryPage.objects.live().filter(path__startswith=site.root_page.path).values_list("pk", "title", "path")
    return sorted(rows, key=lambda row: row[2])


def _site_choices() -> list[tuple[int, str]]:
    """Every site of the installation, the province portal first, for the province's search."""
    rows = SiteIdentity.objects.select_related("site").values_list("site_id", "portal_title", "site__is_default_site")
    return [(pk, title) for pk, title, _ in sorted(rows, key=lambda row: (not row[2], row[1]))]


def _result(entry: SearchEntry, query, request, site_names: dict) -> dict:
    return {
        "kind": KIND_LABELS.get(entry.kind, ""),
        "url": site_url(entry.site_id, entry.url, request),
        "site": site_names.get(entry.site_id, ""),
        "title": highlight.title(entry.title, query),
        "subtitle": entry.subtitle,
        "date": timezone.localtime(entry.date),
        "excerpt": highlight.excerpt(entry.text, query),
    }


def searches_per_minute() -> int:
    return getattr(settings, "EPORTAL_SEARCHES_PER_MINUTE", 60)


def _over_limit(request) -> bool:
    """Counts one search of this client; True once it made too many this minute."""
    client = ratelimit.client_hash(request, "search")
    limit = ratelimit.RateLimit("search", "query", client, searches_per_minute(), window=60)
    return limit.hit() > limit.limit


def search_page(request):
    site = Site.find_for_request(request)
    categories = []
    if site is not None:
        rows = cached_fragment("search-categories", site.pk, lambda: _categories(site))
        categories = [Category(*row) for row in rows]
    province_wide = is_province(site)
    sites = cached_fragment("search-sites", 0, _site_choices) if province_wide else []
    form = SearchForm(request.GET, categories, sites)
    context = {
        "form": form, "query": None, "results": None, "kinds": Kind.choices, "categories": categories, "sites": sites,
    }
    if form.is_valid() and form.cleaned_data["q"]:
        if _over_limit(request):
            context["refusal"] = TOO_MANY
            response = TemplateResponse(request, "search/search_page.html", context, status=429)
            response["Retry-After"] = "60"
            return response
        query = form.query
        context["query"] = query
        if not query.is_empty:
            page = paginate(request, search(query, _filters(form, site, province_wide)), PER_PAGE)
            site_names = dict(sites) if province_wide and form.cleaned_data.get("site") is None else {}
            page.object_list = [_result(entry, query, request, site_names) for entry in page.object_list]
            context["capped"] = page.paginator.count >= MAX_RESULTS
            context["max_results"] = f"{MAX_RESULTS:,}".replace(",", ".")
            context["results"] = page
    return TemplateResponse(request, "search/search_page.html", context)
