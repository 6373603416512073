"""django-axes glue: which address a login comes from and what a locked-out user sees."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import HttpResponse


def client_ip(request):
    # TrustedProxyMiddleware has already replaced REMOTE_ADDR with the visitor's address
    # when, and only when, the request came through one of our proxies; X-Forwarded-For
    # itself is never read here, so a client cannot forge a fresh address per attempt.
    return request.META.get("REMOTE_ADDR")


def lockout_message() -> str:
    cool_off = get_cool_off()
    if cool_off:
        minutes = max(1, round(cool_off.total_seconds() / 60))
        wait = f"Vui lòng thử lại sau {minutes} phút hoặc đề nghị quản trị viên mở khóa."
    else:
        wait = "Vui lòng đề nghị quản trị viên mở khóa."
    return f"Đăng nhập tạm thời bị khóa vì nhập sai quá nhiều lần. {wait}"


def lockout_response(request, original_response=None, credentials=None):
    """Keep the page the view rendered (the login form with our message), answered 429.

    The login form and the code page put the Vietnamese explanation on the page
    themselves; redirects (the code page logging a locked-out user out) go through.
    """
    if original_response is None:
        return HttpResponse(lockout_message(), status=settings.AXES_HTTP_RESPONSE_CODE,
                            content_type="text/plain; charset=utf-8")
    if original_response.status_code == 200:
        original_response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    return original_response
