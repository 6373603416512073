"""The portal's URLs plus views that fail, for tests/security/test_error_pages.py."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

import eportal.urls as portal_urls

SECRET_DETAIL = "mat-khau-csdl=hunter2 at /srv/eportal/eportal/core/views.py"


def crash(request):
    raise RuntimeError(SECRET_DETAIL)


def forbidden(request):
    raise PermissionDenied(SECRET_DETAIL)


def suspicious(request):
    raise SuspiciousOperation(SECRET_DETAIL)


urlpatterns = [
    path("loi/500/", crash),
    path("loi/403/", forbidden),
    path("loi/400/", suspicious),
    *portal_urls.urlpatterns,
]
handler500 = getattr(portal_urls, "handler500", "django.views.defaults.server_error")
