from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_PARAM = "trang"


class CountedPaginator(Paginator):
    """A paginator told the number of items (counted once and cached) instead of counting."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count  # Paginator.count is a cached_property


def paginate(request, queryset, per_page, count=None):
    """Paginate without ever failing: a bad or out-of-range ?trang= shows the nearest page."""
    paginator = Paginator(queryset, per_page) if count is None else CountedPaginator(queryset, per_page, count)
    raw = request.GET.get(PAGE_PARAM, "1")
    try:
        return paginator.page(raw)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        try:
            number = int(raw)
        except (TypeError, ValueError):
            number = 1
        return paginator.page(paginator.num_pages if number > 1 else 1)
