import datetime

from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Site

from eportal.news.models import NewsCategoryPage
from eportal.news.pagination import paginate

from . import highlight
from .forms import SearchForm
from .models import Kind, SearchEntry
from .query import search

PER_PAGE = 10
KIND_LABELS = dict(Kind.choices)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _filtered(form: SearchForm, site: Site | None):
    entries = SearchEntry.objects.filter(site=site)
    data = form.cleaned_data
    if data.get("kind"):
        entries = entries.filter(kind=data["kind"])
    category = form.category_page()
    if category is not None:
        entries = entries.filter(category_path__startswith=category.path)
    if data.get("date_from"):
        entries = entries.filter(date__gte=_midnight(data["date_from"]))
    if data.get("date_to"):
        entries = entries.filter(date__lt=_midnight(data["date_to"] + datetime.timedelta(days=1)))
    return entries


def _result(entry: SearchEntry, query) -> dict:
    return {
        "kind": KIND_LABELS.get(entry.kind, ""),
        "url": entry.url,
        "title": highlight.title(entry.title, query),
        "subtitle": entry.subtitle,
        "date": timezone.localtime(entry.date),
        "excerpt": highlight.excerpt(entry.text, query),
    }


def search_page(request):
    site = Site.find_for_request(request)
    categories = []
    if site is not None:
        categories = list(
            NewsCategoryPage.objects.live().descendant_of(site.root_page).order_by("path").only("title", "path")
        )
    form = SearchForm(request.GET, categories)
    context = {"form": form, "query": None, "results": None, "kinds": Kind.choices, "categories": categories}
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.query
        context["query"] = query
        if not query.is_empty:
            # Rank ids only, then read the ten rows shown: sorting whole rows (with their
            # text) of every match would cost more than the ranking itself.
            page = paginate(request, search(query, _filtered(form, site)).values_list("id", flat=True), PER_PAGE)
            shown = SearchEntry.objects.in_bulk(list(page.object_list))
            page.object_list = [_result(shown[pk], query) for pk in page.object_list if pk in shown]
            context["results"] = page
    return TemplateResponse(request, "search/search_page.html", context)
