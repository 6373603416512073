"""The board's admin for questions: list with deadlines, assigning, answering, publishing.

Contact data (e-mail, phone, address) and attachments are shown only here, to users
holding the questions permissions (the board's groups, see migration 0002). Making an
answer public, or changing an answer that is public, needs `questions.publish_question`
(Trưởng ban biên tập); anyone else is refused with 403, not silently ignored.
"""

import mimetypes

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusFlagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from eportal.core.models import Sector
from eportal.core.richtext import clean_rich_text
from eportal.province.access import SiteChoiceFormMixin, scoped_urlpatterns, site_filter

from .models import Question, Status
from .validators import normalize_phone

PUBLISH_PERMISSION = "questions.publish_question"
READ_PERMISSION = "questions.change_question"
# What the public sees of a published question: changing it re-publishes.
PUBLISHED_FIELDS = ("title", "question", "answer", "answered_by", "answered_at", "hide_name", "sector_id", "status")


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def _date(value):
    return timezone.localtime(value).strftime("%d/%m/%Y") if value else ""


class QuestionAdminForm(SiteChoiceFormMixin, WagtailAdminModelForm):
    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone", ""))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("assigned_to") and cleaned.get("status") == Status.NEW:
            cleaned["status"] = Status.ASSIGNED
        return cleaned


class AttachmentPanel(HelpPanel):
    """A link to the private attachment, served by `attachment_download`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "questions/admin/attachment_panel.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            question = self.instance
            context["question"] = question
            if question and question.pk and question.attachment:
                context["download_url"] = reverse("hoi-dap:attachment", args=[question.pk])
            return context


edit_handler = ObjectList(
    [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("asker_name"), FieldPanel("hide_name")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("address"),
            ],
            heading="Người hỏi (thông tin liên hệ chỉ Ban biên tập được xem)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("site", widget=forms.Select),
                # A plain list, not the snippet chooser: contributors have no rights on snippets.
                FieldPanel("sector", widget=forms.Select),
                FieldPanel("title"),
                FieldPanel("question"),
                AttachmentPanel(heading="Tệp đính kèm"),
                FieldPanel("received_at"),
            ],
            heading="Câu hỏi",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("assigned_to")]),
                FieldPanel("answer"),
                FieldRowPanel([FieldPanel("answered_by"), FieldPanel("answered_at")]),
                FieldPanel("is_public"),
            ],
            heading="Xử lý và trả lời",
        ),
    ],
    base_form_class=QuestionAdminForm,
)


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Trạng thái", choices=Status.choices, empty_label="Tất cả")
    sector = django_filters.ModelChoiceFilter(
        label="Lĩnh vực", queryset=Sector.objects.order_by("sort_order", "name"), empty_label="Tất cả"
    )
    overdue = django_filters.ChoiceFilter(
        label="Quá hạn", choices=[("1", "Quá hạn"), ("0", "Chưa quá hạn")], empty_label="Tất cả",
        method="filter_overdue",
    )
    is_public = django_filters.ChoiceFilter(
        label="Công khai", choices=[("1", "Đã công khai"), ("0", "Chưa công khai")], empty_label="Tất cả",
        method="filter_public",
    )

    class Meta:
        model = Question
        fields = ["status", "sector", "assigned_to"]

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value == "1" else queryset.not_overdue()

    def filter_public(self, queryset, name, value):
        return queryset.filter(is_public=value == "1")


class QuestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        # A commune's board lists the questions of its own site only (eportal.province.access).
        queryset = super().get_base_queryset().filter(site_filter(self.request.user))
        return queryset.select_related("sector", "assigned_to", "site").defer("answer", "search_text")


def _snapshot(question):
    values = {name: getattr(question, name) for name in PUBLISHED_FIELDS + ("is_public",)}
    values["answer"] = clean_rich_text(question.answer or "")
    # The public sees the day of the answer; the admin form drops seconds.
    values["answered_at"] = timezone.localdate(question.answered_at) if question.answered_at else None
    values["assigned_id"] = question.assigned_to_id
    return values


class PublishGuardMixin:
    """Refuse (403) a save that would publish, unpublish or change a public answer without the permission."""

    before = None

    def _publishes(self, after) -> bool:
        before = self.before or {"is_public": False}
        if before["is_public"] != after["is_public"]:
            return True
        return bool(before["is_public"]) and any(before[name] != after[name] for name in PUBLISHED_FIELDS)

    def form_valid(self, form):
        if self._publishes(_snapshot(form.instance)) and not can_publish(self.request.user):
            return render(self.request, "questions/admin/forbidden.html", {
                "reason": "Chỉ Trưởng ban biên tập được công khai câu trả lời, gỡ công khai, "
                          "hoặc sửa một câu trả lời đã công khai.",
            }, status=403)
        return super().form_valid(form)

    def save_instance(self):
        instance = super().save_instance()
        before = self.before or {"is_public": False, "status": None, "assigned_id": None}
        user = self.request.user
        if instance.assigned_to_id and instance.assigned_to_id != before["assigned_id"]:
            log(instance, "questions.assign", user=user, data={"assigned_to": str(instance.assigned_to)})
        if instance.status != before["status"] and instance.status == Status.ANSWERED:
            log(instance, "questions.answer", user=user, data={"answered_by": instance.answered_by})
        if instance.status != before["status"] and instance.status == Status.REJECTED:
            log(instance, "questions.reject", user=user)
        if instance.is_public and not before["is_public"]:
            log(instance, "questions.publish", user=user)
        elif before["is_public"] and not instance.is_public:
            log(instance, "questions.unpublish", user=user)
        return instance


class QuestionCreateView(PublishGuardMixin, generic.CreateView):
    success_message = "Đã thêm câu hỏi “%(object)s”."
    error_message = "Chưa lưu được câu hỏi vì còn lỗi. Vui lòng sửa các ô được đánh dấu."


class QuestionEditView(PublishGuardMixin, generic.EditView):
    success_message = "Đã lưu câu hỏi “%(object)s”."
    error_message = "Chưa lưu được câu hỏi vì còn lỗi. Vui lòng sửa các ô được đánh dấu."

    def get_object(self, queryset=None):
        question = super().get_object(queryset)
        self.before = _snapshot(question)
        return question


class QuestionDeleteView(generic.DeleteView):
    success_message = "Đã xóa câu hỏi “%(object)s”."


def attachment_download(request, pk):
    """Send a question's attachment to a board member; it has no public URL."""
    if not request.user.has_perm(READ_PERMISSION):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    if not question.attachment:
        raise Http404("Câu hỏi không có tệp đính kèm.")
    try:
        handle = question.attachment.open("rb")
    except FileNotFoundError:
        raise Http404("Không tìm thấy tệp đính kèm.") from None
    content_type = mimetypes.guess_type(question.attachment.name)[0] or "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=question.attachment_name or "tep-dinh-kem", content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "hoi-dap"
    icon = "help"
    menu_label = "Hỏi đáp"
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    edit_handler = edit_handler
    filterset_class = QuestionFilterSet
    index_view_class = QuestionIndexView
    add_view_class = QuestionCreateView
    edit_view_class = QuestionEditView
    delete_view_class = QuestionDeleteView
    search_fields = ["title", "tracking_code", "asker_name", "email", "phone", "question"]
    list_per_page = 30
    list_display = [
        "title",
        Column("tracking_code", label="Mã tra cứu"),
        Column("status", label="Trạng thái", accessor="get_status_display", sort_key="status"),
        Column("sector", label="Lĩnh vực", accessor="sector"),
        Column("site", label="Trang nhận", accessor="site"),
        Column("received", label="Ngày nhận", accessor=lambda q: _date(q.received_at), sort_key="received_at"),
        Column("due", label="Hạn trả lời", accessor=lambda q: q.due_on.strftime("%d/%m/%Y"), sort_key="due_on"),
        StatusFlagColumn("is_overdue", label="Quá hạn", true_label="Quá hạn"),
        Column("assigned_to", label="Người được phân công", accessor="assigned_to"),
        StatusFlagColumn("is_public", label="Công khai", true_label="Đã công khai"),
    ]

    def get_urlpatterns(self):
        from django.urls import path

        patterns = super().get_urlpatterns() + [
            path("attachment/<int:pk>/", attachment_download, name="attachment"),
        ]
        # Every view of one question (edit, delete, history, attachment...) answers 404 for
        # a question of a site the user's board does not work on.
        return scoped_urlpatterns(patterns, Question, site_filter)
