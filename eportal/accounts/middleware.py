import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .twofactor import has_two_factor, two_factor_required

LAST_ACTIVITY_KEY = "eportal_last_activity"
# Writing the session on every click would cost a database write per request.
ACTIVITY_RESOLUTION_SECONDS = 60

# Admin pages a half-logged-in user may still open.
ALWAYS_OPEN = {
    "wagtailadmin_login", "wagtailadmin_logout", "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
OPEN_BEFORE_CODE = ALWAYS_OPEN | {"eportal_2fa_verify"}
OPEN_BEFORE_SETUP = ALWAYS_OPEN | {"eportal_2fa_setup"}


def is_admin_path(request) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))


def url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


def mark_activity(request) -> None:
    request.session[LAST_ACTIVITY_KEY] = int(time.time())


class SessionIdleTimeoutMiddleware:
    """Log out a signed-in user who has made no request for EPORTAL_SESSION_IDLE_MINUTES."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; touching request.user would read the
        # session and mark every visitor's page "Vary: Cookie", uncacheable.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY_KEY)
            if last is not None and now - last > settings.EPORTAL_SESSION_IDLE_MINUTES * 60:
                logout(request)
                if is_admin_path(request):
                    messages.warning(
                        request,
                        f"Phiên làm việc đã kết thúc vì không hoạt động quá "
                        f"{settings.EPORTAL_SESSION_IDLE_MINUTES} phút. Vui lòng đăng nhập lại.",
                    )
                    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            elif last is None or now - last >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[LAST_ACTIVITY_KEY] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """After the password, a user with two-step verification must give a code before the
    admin works; with EPORTAL_REQUIRE_2FA an admin user without it must set it up first.
    Until then the user counts as signed out everywhere outside the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified():
            if has_two_factor(user):
                response = self._hold(request, OPEN_BEFORE_CODE, "eportal_2fa_verify")
            elif two_factor_required(user):
                response = self._hold(request, OPEN_BEFORE_SETUP, "eportal_2fa_setup")
            else:
                response = None
            if response is not None:
                return response
        return self.get_response(request)

    def _hold(self, request, open_names, target):
        if not is_admin_path(request):
            request.user = AnonymousUser()
            return None
        if url_name(request) in open_names:
            return None
        return redirect(reverse(target) + "?" + urlencode({"next": request.get_full_path()}))
