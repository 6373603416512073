"""A throw-away API mounting only the documents router, for its tests (the real API is another app's).

The router is mounted under "/documents", as eportal.api mounts it.
"""

from django.urls import include, path
from ninja import NinjaAPI
from wagtail import urls as wagtail_urls
from wagtail.documents import urls as wagtaildocs_urls

from eportal.documents.api import router

api = NinjaAPI(urls_namespace="test-documents", title="Văn bản (thử nghiệm)")
api.add_router("/documents", router)

urlpatterns = [
    path("api/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(wagtail_urls)),
]
