from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.cache import cache_control

from .main import api

SECTION_LABELS = {
    "/articles": "Tin bài (tin tức, sự kiện)",
    "/documents": "Văn bản (văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành)",
    "/procedures": "Thủ tục hành chính",
}


@cache_control(public=True, max_age=300)
def open_data(request):
    """ "Dữ liệu mở (API)": what the API offers, in Vietnamese, with the OpenAPI document."""
    namespace = api.urls_namespace
    prefixes = api.section_prefixes
    context = {
        "meta_title": "Dữ liệu mở (API)",
        "meta_description": "Giao diện lập trình (API) chỉ đọc của cổng thông tin điện tử: tin bài và dữ liệu đã công bố, dạng JSON.",
        "api_root": request.build_absolute_uri(reverse(f"{namespace}:api-root")),
        "openapi_url": request.build_absolute_uri(reverse(f"{namespace}:openapi-json")),
        "docs_url": request.build_absolute_uri(reverse(f"{namespace}:openapi-view")),
        "sections": [(p.strip("/"), SECTION_LABELS.get(p, p.strip("/"))) for p in prefixes],
    }
    return render(request, "api/open_data.html", context)


def not_found(request, rest=""):
    """Unknown addresses under /api/v1/ answer in JSON too, not with the HTML 404 page."""
    if not request.path.endswith("/"):
        # What APPEND_SLASH would do, had this catch-all not matched: /articles -> /articles/
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    return api.create_response(request, {"detail": "Không tìm thấy.", "errors": []}, status=404)
