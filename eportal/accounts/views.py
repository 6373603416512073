from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as reset_attempts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import twofactor
from .forms import TokenForm
from .lockout import client_ip, lockout_message

WRONG_CODE = "Mã xác thực không đúng hoặc đã được dùng. Vui lòng thử lại."


def wrong_code_message(wait_seconds):
    if wait_seconds:
        return f"Bạn đã nhập sai nhiều lần. Vui lòng chờ {wait_seconds} giây rồi nhập mã mới."
    return WRONG_CODE


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _logout_locked(request):
    logout(request)
    messages.error(request, lockout_message())
    return redirect("wagtailadmin_login")


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """"Nhập mã xác thực": the second step after the password.

    Wrong codes count as failed logins for axes (per account and per address), so the
    code cannot be guessed faster than the password.
    """
    user = request.user
    if user.is_verified() or not twofactor.has_two_factor(user):
        return redirect(_next_url(request))
    credentials = {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}
    form = TokenForm(request.POST or None)
    if request.method == "POST":
        if not AxesProxyHandler.is_allowed(request, credentials):
            return _logout_locked(request)
        if form.is_valid():
            wait = twofactor.throttle_wait_seconds(twofactor.confirmed_totp(user))
            device = twofactor.matching_device(user, form.cleaned_data["token"])
            if device is not None:
                otp_login(request, device)
                reset_attempts(username=user.get_username())
                reset_attempts(ip=client_ip(request))
                return redirect(_next_url(request))
            form.add_error("token", wrong_code_message(wait))
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return _logout_locked(request)
    return TemplateResponse(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


@method_decorator([never_cache, sensitive_post_parameters("token")], name="dispatch")
class SetupView(WagtailAdminTemplateMixin, TemplateView):
    """"Xác thực hai bước" under the user's account: turn it on (QR code, key, first code),
    make new backup codes, or turn it off (with a current code)."""

    template_name = "accounts/setup.html"
    page_title = "Xác thực hai bước"
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": "Tài khoản"},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, form=None, backup_codes=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = twofactor.confirmed_totp(user)
        context.update({
            "form": form or TokenForm(),
            "enabled": device is not None,
            "required": settings.EPORTAL_REQUIRE_2FA,
            "backup_codes": backup_codes,
        })
        if device is None:
            pending = twofactor.pending_totp(user)
            context.update({"qr_svg": twofactor.qr_code_svg(pending), "key": twofactor.readable_key(pending)})
        else:
            context["remaining_backup_codes"] = twofactor.remaining_backup_codes(user)
        return context

    def post(self, request):
        user = request.user
        action = request.POST.get("action")
        form = TokenForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        code = form.cleaned_data["token"]
        enabled = twofactor.confirmed_totp(user) is not None

        if action == "enable" and not enabled:
            device = twofactor.pending_totp(user)
            wait = twofactor.throttle_wait_seconds(device)
            if not twofactor.confirm(device, code):
                form.add_error("token", wrong_code_message(wait))
                return self.render_to_response(self.get_context_data(form=form))
            otp_login(request, device)
            codes = twofactor.new_backup_codes(user)
            messages.success(request, "Đã bật xác thực hai bước.")
            return self.render_to_response(self.get_context_data(backup_codes=codes))

        if action in {"disable", "backup_codes"} and enabled:
            if action == "disable" and settings.EPORTAL_REQUIRE_2FA:
                form.add_error(None, "Cổng yêu cầu xác thực hai bước với mọi tài khoản quản trị; không thể tắt.")
                return self.render_to_response(self.get_context_data(form=form))
            wait = twofactor.throttle_wait_seconds(twofactor.confirmed_totp(user))
            if twofactor.matching_device(user, code) is None:
                form.add_error("token", wrong_code_message(wait))
                return self.render_to_response(self.get_context_data(form=form))
            if action == "disable":
                twofactor.remove_two_factor(user)
                messages.success(request, "Đã tắt xác thực hai bước.")
                return redirect("eportal_2fa_setup")
            codes = twofactor.new_backup_codes(user)
            return self.render_to_response(self.get_context_data(backup_codes=codes))

        return redirect("eportal_2fa_setup")
