from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.http import urlencode
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from eportal.core.richtext import ARTICLE_FEATURES, clean_rich_text
from eportal.media import validators as media

# What a draft may be attached as: documents people can open and comment on.
ATTACHMENT_TYPES = {media.PDF, media.DOC, media.DOCX, media.ODT}

OPEN, UPCOMING, CLOSED = "dang-lay-y-kien", "sap-dien-ra", "da-ket-thuc"
STATE_LABELS = {OPEN: "Đang lấy ý kiến", UPCOMING: "Sắp diễn ra", CLOSED: "Đã kết thúc"}


def state_at(opens_at, closes_at, now):
    if now < opens_at:
        return UPCOMING
    if now >= closes_at:
        return CLOSED
    return OPEN


def has_content(html):
    """False for rich text that shows nothing (an empty editor leaves "<p></p>")."""
    return bool(strip_tags(html or "").strip()) or "<embed" in (html or "")


class ConsultationIndexPage(Page):
    """Lấy ý kiến dự thảo: the list of drafts put to public consultation."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    template = "consultations/consultation_index_page.html"

    PER_PAGE = 10

    class Meta:
        verbose_name = "Trang lấy ý kiến dự thảo"
        verbose_name_plural = "Trang lấy ý kiến dự thảo"

    def get_context(self, request, *args, **kwargs):
        from eportal.news.pagination import paginate

        from ..listings import consultations_under, state_counts

        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        state = request.GET.get("trang-thai", "")
        if state not in STATE_LABELS:
            state = ""
        context["state"] = state
        context["states"] = state_counts(self, now)
        context["consultations"] = paginate(request, consultations_under(self, now, state), self.PER_PAGE)
        # Pagination links keep the chosen state.
        context["page_query"] = urlencode({"trang-thai": state}) + "&" if state else ""
        return context


class ConsultationPage(RoutablePageMixin, Page):
    """One draft (dự thảo) put to public consultation for a period."""

    agency = models.ForeignKey(
        "core.Agency", verbose_name="Cơ quan soạn thảo", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    sector = models.ForeignKey(
        "core.Sector", verbose_name="Lĩnh vực", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    summary = models.TextField("Tóm tắt dự thảo", blank=True)
    body = RichTextField("Toàn văn dự thảo", features=ARTICLE_FEATURES, blank=True)
    opens_at = models.DateTimeField("Bắt đầu lấy ý kiến", db_index=True)
    closes_at = models.DateTimeField("Hạn góp ý", db_index=True)
    summary_of_comments = RichTextField(
        "Tổng hợp, tiếp thu, giải trình ý kiến", features=ARTICLE_FEATURES, blank=True,
        help_text="Chỉ nhập sau khi hết hạn góp ý.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("agency"), FieldPanel("sector")], heading="Cơ quan soạn thảo và lĩnh vực"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading="Thời gian lấy ý kiến"),
        FieldPanel("body"),
        InlinePanel("attachments", heading="Tệp dự thảo đính kèm", label="Tệp đính kèm"),
        FieldPanel("summary_of_comments"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []
    template = "consultations/consultation_page.html"

    COMMENTS_PER_PAGE = 20

    class Meta:
        verbose_name = "Dự thảo lấy ý kiến"
        verbose_name_plural = "Dự thảo lấy ý kiến"

    def state(self, now=None):
        return state_at(self.opens_at, self.closes_at, now or timezone.now())

    @property
    def state_label(self):
        return STATE_LABELS[self.state()]

    def _clean_rich_text(self):
        self.body = clean_rich_text(self.body)
        summary = clean_rich_text(self.summary_of_comments)
        self.summary_of_comments = summary if has_content(summary) else ""

    def clean(self):
        super().clean()
        self._clean_rich_text()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "Hạn góp ý phải sau ngày bắt đầu lấy ý kiến."
        if self.summary_of_comments and self.closes_at and self.closes_at > timezone.now():
            errors["summary_of_comments"] = (
                "Chỉ nhập tổng hợp, tiếp thu, giải trình ý kiến sau khi hết hạn góp ý "
                f"({timezone.localtime(self.closes_at):%H:%M ngày %d/%m/%Y})."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self._clean_rich_text()
        return super().save(*args, **kwargs)

    @path("")
    def detail(self, request):
        from ..views import render_consultation

        return render_consultation(self, request)

    @path("gop-y/")
    def comment(self, request):
        from ..views import submit_comment

        return submit_comment(self, request)

    @path("da-gui/")
    def thanks(self, request):
        from ..views import render_consultation

        return render_consultation(self, request, submitted=True)


class ConsultationAttachment(Orderable):
    page = ParentalKey(ConsultationPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp (PDF, DOC, DOCX, ODT)", on_delete=models.CASCADE, related_name="+",
    )
    title = models.CharField(
        "Tên hiển thị", max_length=255, blank=True, help_text="Để trống để dùng tên của tài liệu.",
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp dự thảo đính kèm"
        verbose_name_plural = "Tệp dự thảo đính kèm"

    @property
    def display_title(self):
        return self.title or self.document.title

    def clean(self):
        super().clean()
        if not self.document_id:
            return
        try:
            with self.document.file.open("rb") as fh:
                detected = media.detect_document_type(fh)
        except (OSError, ValueError):
            raise ValidationError({"document": "Không đọc được nội dung tệp này. Hãy tải tệp lên lại."})
        if detected not in ATTACHMENT_TYPES:
            actual = media.DESCRIPTIONS.get(detected, "không xác định được")
            raise ValidationError({
                "document": (
                    f"Tệp “{self.document.title}” không phải văn bản PDF, DOC, DOCX hoặc ODT "
                    f"(nội dung thực tế: {actual}). Hãy chọn tệp dự thảo đúng định dạng."
                )
            })
