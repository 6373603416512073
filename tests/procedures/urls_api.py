"""Test-only URLs: the procedures router on a throwaway NinjaAPI, beside the portal's URLs.

The portal API's error handlers are installed as in production (Vietnamese 422 messages).
"""

from django.urls import path
from ninja import NinjaAPI

from eportal import urls as portal_urls
from eportal.api import errors
from eportal.procedures.api import router

api = NinjaAPI(urls_namespace="test-procedures", title="Thử nghiệm thủ tục hành chính")
errors.install(api)
api.add_router("/procedures", router)

urlpatterns = [path("api/thu-nghiem/", api.urls), *portal_urls.urlpatterns]
