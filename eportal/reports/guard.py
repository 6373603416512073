"""The gate of the admin's report pages (Thống kê biên tập, Thống kê truy cập)."""

from functools import wraps

from django.views.decorators.cache import never_cache

from eportal.editorial.permissions import forbidden
from eportal.province.access import visible_sites


def report_view(may_view):
    """403 unless `may_view(user)` and the user may read some site; the view gets (request, sites)."""

    def decorate(view):
        @never_cache
        @wraps(view)
        def wrapper(request):
            if not may_view(request.user):
                return forbidden(request)
            sites = visible_sites(request.user)
            if not sites:
                return forbidden(request)
            return view(request, sites)

        return wrapper

    return decorate
