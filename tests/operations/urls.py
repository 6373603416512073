"""The portal's URLs plus a view that fails, for the error-logging tests."""

from django.urls import path

from eportal.urls import handler500  # noqa: F401  (Django reads it from ROOT_URLCONF)
from eportal.urls import urlpatterns as portal_urlpatterns


def failing_view(request):
    raise RuntimeError("secret detail of the failure")


urlpatterns = [path("hong/", failing_view), *portal_urlpatterns]
