"""News articles (tin bài) of the request's site: live, public pages only."""

import datetime
import re
from typing import Optional

from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError
from wagtail.models import Site

from eportal.core.dates import day_start
from eportal.news.listings import LISTING_RENDITION, articles
from eportal.news.metadata import ARTICLE_IMAGE_SPEC
from eportal.news.models import ArticlePage, NewsCategoryPage

from .errors import BadParameter, ErrorOut

router = Router(tags=["Tin bài"])

MAX_ID = 2**63 - 1
MAX_PAGE = 10_000
MAX_PAGE_SIZE = 100
# Dates the database can hold in any time zone; a bound outside them is no bound.
EARLIEST, LATEST = datetime.date(1900, 1, 1), datetime.date(2999, 12, 31)
NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ERRORS = {404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


class CategoryOut(Schema):
    id: int
    title: str
    slug: str
    url: str


class ArticleOut(Schema):
    id: int
    title: str
    slug: str
    url: str = Field(description="Địa chỉ của tin bài trên cổng / the article's public URL")
    date: datetime.datetime = Field(description="Thời gian đăng / publication time (ISO 8601)")
    lead: str
    author: str = Field(description="Tác giả, chức vụ / byline")
    source: str
    category: Optional[CategoryOut]
    image: Optional[str] = Field(description="Ảnh đại diện / featured image URL")


class ArticleDetailOut(ArticleOut):
    updated: Optional[datetime.datetime] = Field(description="Lần xuất bản gần nhất / last published")
    body: str = Field(description="Nội dung (HTML) / body as HTML")
    tags: list[str]


class ArticleListOut(Schema):
    count: int
    page: int
    page_size: int
    num_pages: int
    next: Optional[str]
    previous: Optional[str]
    items: list[ArticleOut]


class ArticleFilters(Schema):
    category: Optional[str] = Field(
        None, max_length=200, pattern=NO_CONTROL,
        description="Mã số hoặc đường dẫn (slug) của chuyên mục; gồm cả các chuyên mục con / category id or slug",
    )
    q: Optional[str] = Field(
        None, max_length=200, pattern=NO_CONTROL,
        description="Tìm trong tiêu đề và tóm tắt / search in title and lead",
    )
    date_from: Optional[datetime.date] = Field(None, description="Từ ngày (NNNN-TT-NN) / from date, inclusive")
    date_to: Optional[datetime.date] = Field(None, description="Đến ngày (NNNN-TT-NN) / to date, inclusive")
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Trang / page number")
    page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="Số tin mỗi trang / items per page")

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def only_iso_dates(cls, value):
        # pydantic would also take "0" or "1700000000" as Unix times.
        if isinstance(value, str) and not ISO_DATE.fullmatch(value):
            raise PydanticCustomError("date_parsing", "Input should be a valid date in the format YYYY-MM-DD")
        return value


def _single_values(request):
    """A filter given twice (?q=a&q=b) is ambiguous: refuse it rather than pick one."""
    for name in ArticleFilters.model_fields:
        if len(request.GET.getlist(name)) > 1:
            raise BadParameter(name, f"Tham số “{name}” chỉ được có một giá trị.")


def _site_root(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Không tìm thấy cổng thông tin ở địa chỉ này.")
    return site.root_page


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def _categories_by_path(request, paths):
    """The parent category of each article, in one query."""
    categories = NewsCategoryPage.objects.filter(path__in=set(paths)).only("id", "title", "slug", "url_path", "path")
    return {
        c.path: {"id": c.pk, "title": c.title, "slug": c.slug, "url": _absolute(request, c.get_url(request))}
        for c in categories
    }


def _article_data(request, article, categories, image_spec=LISTING_RENDITION):
    image = article.featured_image
    return {
        "id": article.pk,
        "title": article.title,
        "slug": article.slug,
        "url": _absolute(request, article.get_url(request)),
        "date": timezone.localtime(article.date),
        "lead": article.lead,
        "author": article.byline,
        "source": article.source,
        "category": categories.get(article.path[: -article.steplen]),
        "image": _absolute(request, image.get_rendition(image_spec).url) if image else None,
    }


def _day_start(value):
    """The start of a day in local time; days the database cannot hold mean "no bound"."""
    if value is None or not EARLIEST <= value <= LATEST:
        return None
    return day_start(value)


def _filter(request, queryset, filters: ArticleFilters):
    if filters.category:
        value = filters.category.strip()
        match = Q(slug=value)
        if value.isascii() and value.isdigit() and int(value) <= MAX_ID:
            match |= Q(pk=int(value))
        root = _site_root(request)
        paths = list(
            NewsCategoryPage.objects.live().public().descendant_of(root).filter(match).values_list("path", flat=True)
        )
        if not paths:
            raise Http404(f"Không tìm thấy chuyên mục “{value}”.")
        in_any = Q()
        for path in paths:
            in_any |= Q(path__startswith=path)
        queryset = queryset.filter(in_any)
    if filters.q and filters.q.strip():
        for word in filters.q.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(lead__icontains=word))
    start = _day_start(filters.date_from)
    if start:
        queryset = queryset.filter(date__gte=start)
    end = _day_start(filters.date_to)
    if end:
        queryset = queryset.filter(date__lt=end + datetime.timedelta(days=1))
    return queryset


def _page_link(request, number):
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@router.get("/", response={200: ArticleListOut, **ERRORS}, summary="Danh sách tin bài / list articles")
def list_articles(request, filters: Query[ArticleFilters]):
    """Tin bài đã xuất bản, mới nhất trước, có lọc và phân trang.

    Published articles, newest first, with filters and pagination.
    """
    _single_values(request)
    root = _site_root(request)
    queryset = _filter(request, articles().filter(path__startswith=root.path, depth__gt=root.depth), filters)
    count = queryset.count()
    num_pages = -(-count // filters.page_size)
    offset = (filters.page - 1) * filters.page_size
    items = list(queryset[offset : offset + filters.page_size]) if offset < count else []
    categories = _categories_by_path(request, [a.path[: -a.steplen] for a in items]) if items else {}
    return {
        "count": count,
        "page": filters.page,
        "page_size": filters.page_size,
        "num_pages": num_pages,
        "next": _page_link(request, filters.page + 1) if filters.page < num_pages else None,
        "previous": _page_link(request, min(filters.page - 1, max(num_pages, 1))) if filters.page > 1 else None,
        "items": [_article_data(request, a, categories) for a in items],
    }


_ROOT_RELATIVE = re.compile(r'(\s(?:src|href)=")(/(?!/))')


@router.get(
    "/{article_id}/", response={200: ArticleDetailOut, **ERRORS}, summary="Một tin bài / one article"
)
def get_article(request, article_id: int = Path(..., ge=1, le=MAX_ID, description="Mã số tin bài / article id")):
    """Một tin bài đã xuất bản, cùng nội dung HTML. / One published article with its HTML body."""
    root = _site_root(request)
    article = (
        ArticlePage.objects.live().public().filter(pk=article_id, path__startswith=root.path)
        .select_related("featured_image").prefetch_related("tags").first()
    )
    if article is None:
        raise Http404("Không tìm thấy tin bài.")
    parent_path = article.path[: -article.steplen]
    data = _article_data(request, article, _categories_by_path(request, [parent_path]), ARTICLE_IMAGE_SPEC)
    base = request.build_absolute_uri("/")[:-1]
    data.update(
        updated=timezone.localtime(article.last_published_at) if article.last_published_at else None,
        body=_ROOT_RELATIVE.sub(lambda m: m.group(1) + base + m.group(2), str(article.body)),
        tags=sorted(tag.name for tag in article.tags.all()),
    )
    return data

