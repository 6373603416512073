"""The public routes of QuestionIndexPage: list, one answer, the question form, the look-up."""

import logging
import re
from urllib.parse import urlencode

from django.db import transaction
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Site

from eportal.core.archive import closed_when_archived
from eportal.core.models import Sector
from eportal.news.pagination import paginate
from eportal.province.sites import is_province

from . import antispam
from .forms import LookupForm, QuestionForm
from .models import Question, Status
from .notifications import send_confirmation
from .tracking import normalize_tracking_code

logger = logging.getLogger(__name__)

SECTOR_PARAM = "linh-vuc"
SEARCH_PARAM = "q"
MAX_SEARCH_LENGTH = 100
LOOKUP_MISSES_PER_HOUR = 20
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_SLUG = re.compile(r"[-a-z0-9_]{1,200}")


def _render(page, request, template, context, status=200):
    full = page.get_context(request)
    full.update(context)
    full["page_url"] = page.get_url(request)
    return TemplateResponse(request, template, full, status=status)


def _of_this_site(request):
    """The questions sent on the request's site: a commune's Q&A page never shows another's."""
    return Question.objects.filter(site=Site.find_for_request(request))


def _lookup_url_base(page, request) -> str:
    """Where the confirmation mail sends the asker: the province portal's public address, or the
    commune site's own host (WAGTAILADMIN_BASE_URL names the province portal only)."""
    url = page.get_url(request)
    if is_province(Site.find_for_request(request)):
        return url
    return request.build_absolute_uri(url)


def listing(page, request):
    questions = _of_this_site(request).published().select_related("sector")
    questions = questions.defer("answer", "search_text", "question")
    messages = []
    sectors = list(Sector.objects.order_by("sort_order", "name"))

    sector = None
    slug = request.GET.get(SECTOR_PARAM, "")
    if slug:
        sector = next((s for s in sectors if _SLUG.fullmatch(slug) and s.slug == slug), None)
        if sector:
            questions = questions.filter(sector=sector)
        else:
            messages.append("Không có lĩnh vực đã chọn; đang hiện câu hỏi của mọi lĩnh vực.")

    query = _CONTROL_CHARACTERS.sub(" ", request.GET.get(SEARCH_PARAM, ""))[:MAX_SEARCH_LENGTH].strip()
    if query:
        questions = questions.search(query)

    items = paginate(request, questions.order_by("-answered_at", "-pk"), page.PER_PAGE)
    filters = [(SECTOR_PARAM, sector.slug if sector else ""), (SEARCH_PARAM, query)]
    return _render(page, request, "questions/index.html", {
        "questions": items,
        "sectors": sectors,
        "selected_sector": sector,
        "query": query,
        "filter_messages": messages,
        "filter_query": urlencode([(k, v) for k, v in filters if v]),
    })


def detail(page, request, pk):
    question = _of_this_site(request).published().select_related("sector").filter(pk=pk).first()
    if question is None:
        raise Http404("Không tìm thấy câu hỏi.")
    return _render(page, request, "questions/detail.html", {"question": question})


def _form_page(page, request, form, status=200, refusal=None):
    return _render(page, request, "questions/submit.html", {"form": form, "refusal": refusal}, status=status)


def _refused(page, request, message, status):
    return _render(page, request, "questions/refused.html", {"message": message}, status=status)


def _fresh_form(data, challenge):
    """A new form keeping the visitor's text, with a new token (the timer starts again)."""
    kept = ["asker_name", "hide_name", "email", "phone", "address", "sector", "title", "question"]
    initial = {name: data.get(name) for name in kept if data.get(name)}
    initial["token"] = antispam.make_token(challenge)
    return QuestionForm(initial=initial, challenge=challenge)


@closed_when_archived
def submit(page, request):
    client = antispam.client_hash(request)
    submissions = antispam.RateLimit("submit", client, antispam.submissions_per_hour())

    if request.method != "POST":
        challenge = antispam.Challenge.random() if antispam.challenge_required(submissions) else None
        form = QuestionForm(initial={"token": antispam.make_token(challenge)}, challenge=challenge)
        return _form_page(page, request, form)

    if submissions.exceeded():
        return _refused(page, request, (
            "Bạn đã gửi quá nhiều câu hỏi trong một giờ. Vui lòng thử lại sau, hoặc liên hệ trực tiếp "
            "bộ phận tiếp nhận của Ủy ban nhân dân."
        ), status=429)

    new_challenge = antispam.Challenge.random() if antispam.challenge_required(submissions) else None
    if request.POST.get(antispam.HONEYPOT_FIELD):
        submissions.hit()
        return _form_page(page, request, _fresh_form(request.POST, new_challenge), status=400, refusal=(
            "Không gửi được câu hỏi: ô “Để trống ô này” phải để trống."
        ))
    try:
        token = antispam.read_token(request.POST.get("token"))
    except antispam.TokenError as error:
        submissions.hit()
        return _form_page(page, request, _fresh_form(request.POST, new_challenge), status=400, refusal=str(error))

    form = QuestionForm(request.POST, request.FILES, challenge=token.challenge)
    if not form.is_valid():
        return _form_page(page, request, form, status=400)
    if antispam.too_fast(token):
        submissions.hit()
        return _form_page(page, request, _fresh_form(request.POST, new_challenge), status=400,
                          refusal=antispam.TOO_FAST)
    if not antispam.claim_token(token):
        return _refused(page, request, (
            "Câu hỏi này đã được gửi rồi. Nếu bạn muốn gửi câu hỏi khác, hãy mở lại biểu mẫu."
        ), status=400)

    question = form.save(commit=False)
    question.client_hash = client
    question.site = Site.find_for_request(request)
    mail_url = _lookup_url_base(page, request)
    try:
        with transaction.atomic():
            question.save()
            transaction.on_commit(lambda: send_confirmation(question, mail_url))
    except Exception:
        # Nothing half-written: the row was rolled back, so remove the file stored for it.
        antispam.release_token(token)
        stored = question.attachment
        if stored and stored._committed and stored.name.startswith("questions/"):
            stored.storage.delete(stored.name)
        raise
    submissions.hit()
    return _render(page, request, "questions/submitted.html", {"question": question})


def lookup(page, request):
    if request.method != "POST":
        return _render(page, request, "questions/lookup.html", {"form": LookupForm()})

    misses = antispam.RateLimit("lookup-miss", antispam.client_hash(request), LOOKUP_MISSES_PER_HOUR)
    if misses.exceeded():
        return _refused(page, request, (
            "Bạn đã tra cứu sai mã quá nhiều lần trong một giờ. Vui lòng thử lại sau."
        ), status=429)
    typed = request.POST.get("ma", "")
    if not typed.strip():
        form = LookupForm(data={"ma": ""})
        form.is_valid()  # shows "Vui lòng nhập mã tra cứu."
        return _render(page, request, "questions/lookup.html", {"form": form}, status=400)

    code = normalize_tracking_code(typed)
    question = None
    if code:
        question = _of_this_site(request).select_related("sector").filter(tracking_code=code).first()
    if question is None:
        misses.hit()
        shown = LookupForm(initial={"ma": _CONTROL_CHARACTERS.sub("", typed)[:MAX_SEARCH_LENGTH]})
        return _render(page, request, "questions/lookup.html", {"form": shown, "not_found": True}, status=404)
    return _render(page, request, "questions/lookup.html", {
        "form": LookupForm(),
        "found": question,
        "show_answer": question.status == Status.ANSWERED,
    })
