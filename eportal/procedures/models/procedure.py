from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from ..panels import LegalDocumentChooserPanel, legal_document_model
from ..validators import validate_online_url, validate_procedure_code


class Level(models.TextChoices):
    COMMUNE = "xa", "Cấp xã"
    DISTRICT = "huyen", "Cấp huyện"
    PROVINCE = "tinh", "Cấp tỉnh"
    CENTRAL = "trung-uong", "Cấp trung ương"


class ProcedurePage(Page):
    """Một thủ tục hành chính: what a citizen brings, where, how long it takes and what it costs."""

    code = models.CharField(
        "Mã thủ tục", max_length=20, blank=True, db_index=True, validators=[validate_procedure_code],
        help_text="Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193. Để trống nếu chưa có.",
    )
    summary = models.TextField("Tóm tắt", blank=True)
    sector = models.ForeignKey(
        "core.Sector", verbose_name="Lĩnh vực", null=True, on_delete=models.SET_NULL,
        related_name="procedure_pages",
    )
    level = models.CharField("Cấp thực hiện", max_length=20, choices=Level.choices, default=Level.COMMUNE)
    handling_agency = models.ForeignKey(
        "core.Agency", verbose_name="Cơ quan thực hiện", null=True, on_delete=models.SET_NULL,
        related_name="handled_procedures",
    )
    life_events = ParentalManyToManyField(
        "procedures.LifeEvent", verbose_name="Sự kiện cuộc sống", blank=True, related_name="procedures",
    )
    processing_time = models.TextField("Thời hạn giải quyết", blank=True)
    fees = models.TextField("Phí, lệ phí", blank=True)
    requirements = models.TextField("Yêu cầu, điều kiện thực hiện", blank=True)
    result = models.TextField("Kết quả thực hiện", blank=True)
    online_url = models.URLField(
        "Liên kết nộp hồ sơ trực tuyến", max_length=500, blank=True, validators=[validate_online_url],
        help_text="Địa chỉ https của thủ tục trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) hoặc cổng "
                  "dịch vụ công của tỉnh (.gov.vn). Cổng thông tin chỉ dẫn liên kết, không tiếp nhận hồ sơ.",
    )

    content_panels = [
        TitleFieldPanel("title", heading="Tên thủ tục"),
        FieldPanel("code"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("sector"), FieldPanel("level")]),
                FieldPanel("handling_agency"),
                FieldPanel("life_events", widget=CheckboxSelectMultiple),
            ],
            heading="Phân loại",
        ),
        InlinePanel("steps", heading="Trình tự thực hiện", label="Bước"),
        InlinePanel("submission_methods", heading="Cách thức thực hiện", label="Cách thức"),
        InlinePanel("dossier_items", heading="Thành phần hồ sơ", label="Giấy tờ"),
        FieldPanel("processing_time"),
        FieldPanel("fees"),
        FieldPanel("requirements"),
        FieldPanel("result"),
        InlinePanel("legal_bases", heading="Căn cứ pháp lý", label="Căn cứ"),
        FieldPanel("online_url"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("requirements"),
        index.SearchField("result"),
        index.RelatedFields("sector", [index.SearchField("name")]),
        index.RelatedFields("life_events", [index.SearchField("name")]),
        index.FilterField("sector"),
        index.FilterField("level"),
        index.FilterField("handling_agency"),
    ]
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []
    # A copy must not carry the code: codes are unique.
    exclude_fields_in_copy = ["code"]
    template = "procedures/procedure_page.html"

    class Meta:
        verbose_name = "Thủ tục hành chính"
        verbose_name_plural = "Thủ tục hành chính"
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=~models.Q(code=""), name="procedures_unique_code",
                violation_error_message="Mã thủ tục này đã được dùng cho một thủ tục khác.",
            ),
        ]

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip()
        if self.code and self._code_taken():
            raise ValidationError({"code": "Mã thủ tục này đã được dùng cho một thủ tục khác."})

    def _code_taken(self):
        """Another procedure holds the code, published or in its latest draft."""
        others = ProcedurePage.objects.exclude(pk=self.pk) if self.pk else ProcedurePage.objects.all()
        if others.filter(code=self.code).exists():
            return True
        latest_drafts = Revision.page_revisions.filter(
            pk__in=others.filter(has_unpublished_changes=True).values("latest_revision_id"),
        )
        return latest_drafts.filter(content__code=self.code).exists()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = self.get_parent()
        context["steps"] = list(self.steps.all())
        context["submission_methods"] = list(self.submission_methods.all())
        context["dossier_items"] = list(self.dossier_items.select_related("form_template"))
        context["legal_bases"] = list(self.legal_bases.select_related("document"))
        context["life_events_list"] = list(self.life_events.all())
        return context


class ProcedureStep(Orderable):
    page = ParentalKey(ProcedurePage, related_name="steps", on_delete=models.CASCADE)
    title = models.CharField("Nội dung bước", max_length=500)
    detail = models.TextField("Chi tiết", blank=True)

    panels = [FieldPanel("title"), FieldPanel("detail")]

    class Meta(Orderable.Meta):
        verbose_name = "Bước thực hiện"
        verbose_name_plural = "Trình tự thực hiện"


class SubmissionMethod(Orderable):
    class Method(models.TextChoices):
        IN_PERSON = "truc-tiep", "Trực tiếp"
        POST = "buu-chinh", "Qua dịch vụ bưu chính"
        ONLINE = "truc-tuyen", "Trực tuyến"

    page = ParentalKey(ProcedurePage, related_name="submission_methods", on_delete=models.CASCADE)
    method = models.CharField("Cách thức", max_length=20, choices=Method.choices)
    details = models.TextField(
        "Chi tiết", blank=True, help_text="Nơi nộp, thời gian tiếp nhận, thời hạn và phí riêng của cách thức này.",
    )

    panels = [FieldPanel("method"), FieldPanel("details")]

    class Meta(Orderable.Meta):
        verbose_name = "Cách thức thực hiện"
        verbose_name_plural = "Cách thức thực hiện"


class DossierItem(Orderable):
    page = ParentalKey(ProcedurePage, related_name="dossier_items", on_delete=models.CASCADE)
    name = models.CharField("Tên giấy tờ", max_length=500)
    originals = models.PositiveSmallIntegerField("Số bản chính", default=1, validators=[MaxValueValidator(99)])
    copies = models.PositiveSmallIntegerField("Số bản sao", default=0, validators=[MaxValueValidator(99)])
    note = models.CharField(
        "Ghi chú", max_length=300, blank=True, help_text="Ví dụ: xuất trình bản chính để đối chiếu.",
    )
    form_template = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Mẫu đơn, tờ khai", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Tệp mẫu để người dân tải về (PDF, Word, Excel, OpenDocument).",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("originals"), FieldPanel("copies")]),
        FieldPanel("note"),
        FieldPanel("form_template"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Thành phần hồ sơ"
        verbose_name_plural = "Thành phần hồ sơ"


class LegalBasis(Orderable):
    """A legal basis: a document page of the portal, or a citation of a text published elsewhere."""

    page = ParentalKey(ProcedurePage, related_name="legal_bases", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Văn bản trên cổng", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    citation = models.CharField(
        "Trích dẫn", max_length=500, blank=True,
        help_text="Số, ký hiệu và tên văn bản, ví dụ cho văn bản chưa đăng trên cổng.",
    )

    panels = [LegalDocumentChooserPanel("document"), FieldPanel("citation")]

    class Meta(Orderable.Meta):
        verbose_name = "Căn cứ pháp lý"
        verbose_name_plural = "Căn cứ pháp lý"

    def clean(self):
        super().clean()
        if self.document_id is None and not self.citation.strip():
            raise ValidationError("Hãy chọn một văn bản trên cổng hoặc ghi trích dẫn văn bản.")
        model = legal_document_model()
        if self.document_id is not None and model is not None:
            if not issubclass(self.document.specific_class or Page, model):
                raise ValidationError({"document": "Chỉ được chọn một trang văn bản."})

    @property
    def label(self):
        return self.citation or (self.document.title if self.document else "")
