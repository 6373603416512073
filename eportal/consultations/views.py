"""The consultation page and its comment form (served by ConsultationPage's routes)."""

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone

from eportal.core.archive import FORM_CLOSED, closed_when_archived, is_archived
from eportal.news.pagination import paginate

from . import antispam
from .forms import CommentForm
from .listings import published_comments
from .models import ConsultationComment
from .models.pages import CLOSED, UPCOMING

NOT_YET = "Chưa đến thời gian góp ý."
TOO_LATE = "Đã hết thời hạn góp ý."
TOO_MANY = "Bạn đã gửi quá nhiều góp ý trong thời gian ngắn. Vui lòng thử lại sau một giờ."
SPAM = "Không gửi được góp ý. Vui lòng để trống ô “Để trống ô này” rồi gửi lại."
FIX_ERRORS = "Góp ý chưa được gửi. Vui lòng sửa các lỗi được nêu bên dưới."


def fresh_form(page):
    return CommentForm(initial={"started": antispam.issue_token(page)})


def render_consultation(page, request, *, form=None, refusal="", submitted=False, status=200):
    now = timezone.now()
    state = page.state(now)
    # A preview of a page not saved yet has no comments.
    comments_qs = published_comments(page) if page.pk else ConsultationComment.objects.none()
    comments = paginate(request, comments_qs, page.COMMENTS_PER_PAGE)
    if is_archived(request):
        # An archived site takes no comments: the draft and its comments stay readable.
        form = None
        if state != CLOSED and not refusal:
            refusal = FORM_CLOSED
    elif form is None and state not in (UPCOMING, CLOSED) and not submitted:
        form = fresh_form(page)
    response = page.render(request, context_overrides={
        "state": state,
        "attachments": list(page.attachments.select_related("document")),
        "comments": comments,
        "comment_count": comments.paginator.count,
        "form": form,
        "refusal": refusal,
        "submitted": submitted,
    })
    response.status_code = status
    return response


def _refuse(page, request, message, status, form=None):
    if form is not None:
        # Show the visitor's text again, with a new start time for the next try.
        form.data = form.data.copy()
        form.data["started"] = antispam.issue_token(page)
    return render_consultation(page, request, form=form, refusal=message, status=status)


@closed_when_archived
def submit_comment(page, request):
    if request.method != "POST":
        return redirect(page.url + "#gop-y")
    state = page.state()
    if state == UPCOMING:
        return _refuse(page, request, NOT_YET, 403)
    if state == CLOSED:
        return _refuse(page, request, TOO_LATE, 403)
    if not antispam.allow_submission(request):
        return _refuse(page, request, TOO_MANY, 429)

    form = CommentForm(request.POST)
    if form.is_spam:
        return _refuse(page, request, SPAM, 400)
    try:
        antispam.check_token(request.POST.get("started"), page)
    except antispam.FormTimingError as error:
        form.is_valid()  # show field errors too, if any
        return _refuse(page, request, error.message, 400, form=form)
    if not form.is_valid():
        return _refuse(page, request, FIX_ERRORS, 400, form=form)

    data = form.cleaned_data
    with transaction.atomic():
        ConsultationComment.objects.create(
            page=page,
            name=data["name"],
            organisation=data["organisation"],
            email=data["email"],
            phone=data["phone"],
            article_ref=data["article_ref"],
            text=data["text"],
        )
    return redirect(page.url + page.reverse_subpage("thanks") + "#gop-y", permanent=False)
