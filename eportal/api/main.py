"""The read-only JSON API for the province's data-sharing platform, at /api/v1/."""

from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from . import errors
from .docs import PlainDocs
from .routers import available_routers
from .throttling import ANON_RATE, AnonymousRateThrottle

TITLE = "eportal API"
VERSION = "1"
DESCRIPTION = """\
API chỉ đọc của cổng thông tin điện tử, phục vụ nền tảng chia sẻ dữ liệu của tỉnh: tin bài \
và các dữ liệu khác đã công bố trên cổng, dạng JSON. Không cần đăng nhập; mỗi địa chỉ được \
gửi tối đa 60 yêu cầu mỗi phút. Lỗi được trả về dạng JSON với thông báo tiếng Việt.

Read-only API of the electronic information portal for the province's data-sharing \
platform: articles and other data published on the portal, as JSON. No login is needed; \
each client may send up to 60 requests a minute. Errors are JSON with Vietnamese messages.
"""
MAX_AGE = 60


class Renderer(JSONRenderer):
    # Vietnamese stays readable in the JSON (it is UTF-8 anyway).
    json_dumps_params = {"ensure_ascii": False}


class PortalAPI(NinjaAPI):
    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        if response.status_code == 429 or response.status_code >= 500:
            patch_cache_control(response, no_store=True)
        else:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        # Public, read-only data: any web page may read it.
        response["Access-Control-Allow-Origin"] = "*"
        return response


def build_api(entries=None, urls_namespace="api-1"):
    api = PortalAPI(
        title=TITLE,
        version=VERSION,
        description=DESCRIPTION,
        renderer=Renderer(),
        docs=PlainDocs(),
        docs_url="/docs",
        openapi_url="/openapi.json",
        docs_decorator=cache_control(public=True, max_age=MAX_AGE),
        throttle=[AnonymousRateThrottle(ANON_RATE)],
        urls_namespace=urls_namespace,
    )
    errors.install(api)
    api.section_prefixes = []
    for prefix, router in available_routers(entries):
        api.add_router(prefix, router)
        api.section_prefixes.append(prefix)
    return api


api = build_api()
