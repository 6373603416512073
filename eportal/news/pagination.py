from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_PARAM = "trang"


def paginate(request, queryset, per_page):
    """Paginate without ever failing: a bad or out-of-range ?trang= shows the nearest page."""
    paginator = Paginator(queryset, per_page)
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
