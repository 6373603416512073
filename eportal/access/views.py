"""The public information request form of an AccessToInformationPage (route "yeu-cau/")."""

import datetime

from django.core import signing
from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from eportal.core.archive import closed_when_archived

from . import formguard
from .forms import InformationRequestForm

PURPOSE = "access-request"
MIN_FILL_SECONDS = 5
DAILY_LIMIT = formguard.DailyLimit(
    PURPOSE, limit=3,
    message="Hôm nay bạn đã gửi nhiều yêu cầu. Vui lòng gửi tiếp vào ngày mai "
            "hoặc liên hệ trực tiếp đầu mối cung cấp thông tin.",
)
RECEIPT_SALT = "eportal.access.receipt"


def _render(request, page, form, message="", status=200):
    context = {
        "page": page,
        "self": page,
        "form": form,
        "refusal": message,
        "token": formguard.issue_token(PURPOSE),
        "honeypot_field": formguard.HONEYPOT_FIELD,
        "token_field": formguard.TOKEN_FIELD,
        "focal": page.focal_contact,
    }
    return TemplateResponse(request, "access/request_form.html", context, status=status)


@never_cache
@closed_when_archived
def request_form(request, page):
    if request.method == "GET":
        return _render(request, page, InformationRequestForm())
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])

    form = InformationRequestForm(request.POST)
    try:
        formguard.check_honeypot(request.POST)
        formguard.check_token(PURPOSE, request.POST.get(formguard.TOKEN_FIELD, ""), MIN_FILL_SECONDS)
        DAILY_LIMIT.check(request)
    except formguard.Refusal as refusal:
        return _render(request, page, form, refusal.message, refusal.status)
    if not form.is_valid():
        return _render(request, page, form, "Yêu cầu chưa được gửi. Vui lòng sửa các lỗi bên dưới.", 400)
    try:
        DAILY_LIMIT.take(request)
    except formguard.Refusal as refusal:
        return _render(request, page, form, refusal.message, refusal.status)
    try:
        with transaction.atomic():
            form.instance.site = Site.find_for_request(request)
            information_request = form.save()
    except Exception:
        DAILY_LIMIT.give_back(request)
        raise
    receipt = signing.dumps(
        {"ref": information_request.reference, "due": information_request.due_date.isoformat()},
        salt=RECEIPT_SALT,
    )
    url = page.url + page.reverse_subpage("request_sent") + "?" + f"ma={receipt}"
    return HttpResponseRedirect(url, status=303)


def request_sent(request, page):
    """The receipt shown after a request is saved: its reference and due date, nothing personal."""
    try:
        receipt = signing.loads(request.GET.get("ma", ""), salt=RECEIPT_SALT)
        due = datetime.date.fromisoformat(receipt["due"])
        reference = str(receipt["ref"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return TemplateResponse(
            request, "access/request_sent.html",
            {"page": page, "self": page, "invalid": True}, status=400,
        )
    return TemplateResponse(
        request, "access/request_sent.html",
        {"page": page, "self": page, "reference": reference, "due": due, "focal": page.focal_contact},
    )
