"""Văn bản: the index page with its filters, and one page per legal or directive document."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from eportal.core.richtext import ARTICLE_FEATURES, clean_rich_text
from eportal.core.text import vn_slugify
from eportal.media.validators import CONTENT_TYPES, DESCRIPTIONS, DOC, DOCX, PDF, detect_document_type

from .. import numbers
from ..forms import LegalDocumentForm
from ..validity import Validity, status_on

# The content types of the files a document may carry.
ATTACHMENT_TYPES = {PDF, DOC, DOCX}


def _day(value):
    return value.strftime("%d/%m/%Y")


class DocumentIndexPage(Page):
    """The list of documents, filtered and sorted by the visitor (GET parameters, no JavaScript)."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["documents.LegalDocumentPage"]
    template = "documents/document_index_page.html"

    PER_PAGE = 20

    class Meta:
        verbose_name = "Danh mục văn bản"
        verbose_name_plural = "Danh mục văn bản"

    def get_context(self, request, *args, **kwargs):
        from eportal.news.pagination import paginate

        from ..listing import DocumentListing

        context = super().get_context(request, *args, **kwargs)
        listing = DocumentListing.for_page(self, request.GET)
        context["listing"] = listing
        context["documents"] = paginate(request, listing.documents(), self.PER_PAGE)
        return context


class LegalDocumentPage(Page):
    """A legal or directive document (văn bản). The page title is its summary (trích yếu)."""

    number = models.CharField(
        "Số ký hiệu", max_length=numbers.MAX_LENGTH,
        help_text=f"Ví dụ: {numbers.EXAMPLES}.",
        error_messages={"blank": "Hãy nhập số ký hiệu của văn bản, ví dụ 83-TB/HU."},
    )
    # Derived from the number on save: the case-insensitive key and the leading serial number.
    number_key = models.CharField(max_length=numbers.MAX_LENGTH, editable=False, db_index=True, default="")
    number_serial = models.PositiveIntegerField(editable=False, default=0)
    document_type = models.ForeignKey(
        "documents.DocumentType", verbose_name="Loại văn bản", null=True, on_delete=models.SET_NULL,
        related_name="legal_documents",
        error_messages={"null": "Hãy chọn loại văn bản.", "blank": "Hãy chọn loại văn bản."},
    )
    issuing_body = models.ForeignKey(
        "core.Agency", verbose_name="Cơ quan ban hành", null=True, on_delete=models.SET_NULL,
        related_name="issued_documents",
        error_messages={"null": "Hãy chọn cơ quan ban hành.", "blank": "Hãy chọn cơ quan ban hành."},
    )
    signer = models.CharField("Người ký", max_length=255, blank=True, help_text="Họ và tên người ký.")
    signer_position = models.CharField(
        "Chức vụ người ký", max_length=255, blank=True, help_text="Ví dụ: T/M Ban Thường vụ, Phó Bí thư.",
    )
    issued_on = models.DateField(
        "Ngày ban hành", db_index=True,
        error_messages={"null": "Hãy nhập ngày ban hành.", "blank": "Hãy nhập ngày ban hành."},
    )
    effective_on = models.DateField(
        "Ngày có hiệu lực", null=True, blank=True,
        help_text="Để trống nếu văn bản có hiệu lực từ ngày ban hành.",
    )
    expires_on = models.DateField("Ngày hết hiệu lực", null=True, blank=True)
    validity = models.CharField(
        "Tình trạng hiệu lực", max_length=30, choices=Validity.choices, default=Validity.IN_FORCE,
        help_text=(
            "Ngày tháng được ưu tiên: khi đến ngày hết hiệu lực, văn bản tự chuyển sang “Hết hiệu lực toàn bộ”; "
            "trước ngày có hiệu lực, văn bản hiện là “Chưa có hiệu lực”."
        ),
    )
    sectors = ParentalManyToManyField(
        "core.Sector", verbose_name="Lĩnh vực", blank=True, related_name="legal_documents",
    )
    body = RichTextField("Nội dung", blank=True, features=ARTICLE_FEATURES)
    note = models.TextField("Ghi chú", blank=True)
    amends = ParentalManyToManyField(
        "self", verbose_name="Sửa đổi, bổ sung văn bản", symmetrical=False, blank=True,
        related_name="amended_by",
    )
    replaces = ParentalManyToManyField(
        "self", verbose_name="Thay thế văn bản", symmetrical=False, blank=True, related_name="replaced_by",
    )

    content_panels = [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("issuing_body")]),
                TitleFieldPanel(
                    "title", heading="Trích yếu", targets=[], placeholder="Trích yếu nội dung văn bản*",
                    help_text="Trích yếu nội dung, ví dụ: Về tiếp tục đẩy mạnh việc học tập và làm theo "
                    "tấm gương đạo đức Hồ Chí Minh.",
                ),
            ],
            heading="Số ký hiệu, loại văn bản và trích yếu",
        ),
        MultiFieldPanel([FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")])], heading="Người ký"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
                FieldPanel("validity"),
            ],
            heading="Ngày tháng và hiệu lực",
        ),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        InlinePanel("attachments", heading="Tệp đính kèm", label="Tệp"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("amends"), FieldPanel("replaces")],
            heading="Quan hệ với văn bản khác",
        ),
        FieldPanel("note"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number", boost=4),
        index.AutocompleteField("number"),
        index.SearchField("signer"),
        index.SearchField("body"),
        index.RelatedFields("document_type", [index.SearchField("name")]),
        index.RelatedFields("issuing_body", [index.SearchField("name")]),
        index.FilterField("issued_on"),
        index.FilterField("document_type"),
        index.FilterField("issuing_body"),
        index.FilterField("validity"),
    ]
    base_form_class = LegalDocumentForm
    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []
    template = "documents/legal_document_page.html"
    print_template = "documents/legal_document_print.html"

    # "Văn bản cùng lĩnh vực" shown on a document's page.
    SAME_SECTOR_COUNT = 5

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"

    def __str__(self):
        return f"{self.number} – {self.title}" if self.number else self.title

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        return f"{self.number} – {title}" if self.number else title

    # --- Validation -------------------------------------------------------------------------

    def full_clean(self, *args, **kwargs):
        # A blank slug is made from the number (83-TB/HU -> 83-tb-hu), not from the long summary.
        if not self.slug and self.number and (self.path or getattr(self, "_cached_parent_obj", None)):
            base = vn_slugify(numbers.normalize(self.number).replace("/", "-"))
            if base:
                self.slug = self._get_autogenerated_slug(base)
        super().full_clean(*args, **kwargs)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)

        def refuse(field, message):
            errors.setdefault(field, []).append(ValidationError(message))

        self.number = numbers.normalize(self.number)
        self.body = clean_rich_text(self.body)
        if self.number:  # a blank number is reported by the field itself
            try:
                numbers.validate(self.number)
            except ValidationError as error:
                refuse("number", error.message)
            else:
                clash = self.number_clash()
                if clash is not None:
                    refuse(
                        "number",
                        f"{self.issuing_body} đã có văn bản số {clash[0]} (“{clash[1]}”). "
                        "Số ký hiệu của một cơ quan không được trùng nhau.",
                    )

        if self.issued_on and self.effective_on is None and self.validity != Validity.NOT_YET:
            self.effective_on = self.issued_on
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            refuse(
                "effective_on",
                f"Ngày có hiệu lực ({_day(self.effective_on)}) không được trước ngày ban hành "
                f"({_day(self.issued_on)}).",
            )
        start = self.effective_on or self.issued_on
        if self.expires_on and start and self.expires_on <= start:
            which = "ngày có hiệu lực" if self.effective_on else "ngày ban hành"
            refuse("expires_on", f"Ngày hết hiệu lực phải sau {which} ({_day(start)}).")
        if self.validity == Validity.EXPIRED and not self.expires_on and not self.is_replaced():
            refuse(
                "validity",
                "Văn bản hết hiệu lực toàn bộ cần có ngày hết hiệu lực, hoặc một văn bản trên cổng "
                "thay thế nó (chọn ở mục “Thay thế văn bản” của văn bản mới).",
            )
        # No rule here depends on today's date: a revision approved or published on a schedule
        # must pass the same checks later. The dates take precedence when the status is shown.
        if errors:
            raise ValidationError(errors)

    def number_clash(self):
        """(number, summary) of another document of the same issuing body with the same number, or None.

        Published documents and drafts count alike: a draft's number lives in its latest revision.
        """
        if not (self.number and self.issuing_body_id):
            return None
        key = numbers.key(self.number)
        others = LegalDocumentPage.objects.filter(alias_of__isnull=True)
        if self.pk:
            others = others.exclude(pk=self.pk)
        clash = others.filter(issuing_body_id=self.issuing_body_id, number_key=key).first()
        if clash is not None:
            return clash.number, clash.draft_title or clash.title
        drafts = Revision.objects.filter(
            pk__in=others.filter(has_unpublished_changes=True).values("latest_revision_id")
        ).values_list("content__number", "content__issuing_body", "content__title")
        for number, body, title in drafts:
            if str(body) == str(self.issuing_body_id) and numbers.key(number) == key:
                return number, title
        return None

    def is_replaced(self):
        return bool(self.pk) and self.replaced_by.exists()

    def save(self, *args, **kwargs):
        self.number = numbers.normalize(self.number)
        self.number_key = numbers.key(self.number)
        self.number_serial = numbers.serial(self.number)
        self.body = clean_rich_text(self.body)
        return super().save(*args, **kwargs)

    # --- Display ----------------------------------------------------------------------------

    @property
    def current_status(self) -> Validity:
        """The status today (listings annotate it as `status_today`; see validity.status_expression)."""
        annotated = getattr(self, "status_today", None)
        if annotated:
            return Validity(annotated)
        return status_on(self.validity, self.effective_on, self.expires_on, timezone.localdate())

    @property
    def signed_by(self):
        return ", ".join(part for part in (self.signer_position, self.signer) if part)

    def relations(self, visible=None):
        """The live, public documents this one amends or replaces, and those amending or replacing it.

        One query for the four lists, however many documents exist. `visible` (the live, public
        documents) may be given to share its view-restriction lookup with other queries.
        """
        result = {"amends": [], "replaces": [], "amended_by": [], "replaced_by": []}
        if not self.pk:
            return result
        flags = {}
        for relation, through in (("amends", self.amends.through), ("replaces", self.replaces.through)):
            # "amends" holds the documents this one amends; "amended_by" those that amend this one.
            reverse = {"amends": "amended_by", "replaces": "replaced_by"}[relation]
            flags[f"in_{relation}"] = Exists(through.objects.filter(
                from_legaldocumentpage_id=self.pk, to_legaldocumentpage_id=OuterRef("pk")))
            flags[f"in_{reverse}"] = Exists(through.objects.filter(
                from_legaldocumentpage_id=OuterRef("pk"), to_legaldocumentpage_id=self.pk))
        if visible is None:
            visible = LegalDocumentPage.objects.live().public()
        related = (
            visible.annotate(**flags)
            .filter(Q(in_amends=True) | Q(in_amended_by=True) | Q(in_replaces=True) | Q(in_replaced_by=True))
            .select_related("document_type").defer("body").order_by("-issued_on", "-pk")
        )
        for document in related:
            for key, documents in result.items():
                if getattr(document, f"in_{key}"):
                    documents.append(document)
        return result

    def same_sector_documents(self, sector_ids, visible):
        if not sector_ids:
            return visible.none()
        return (
            visible.filter(sectors__in=sector_ids).exclude(pk=self.pk).distinct()
            .select_related("document_type").defer("body")
            .order_by("-issued_on", "-pk")[: self.SAME_SECTOR_COUNT]
        )

    @staticmethod
    def wants_print(request):
        """`?in=1` asks for the print layout: the document alone, without the portal's chrome."""
        return request.GET.get("in") == "1"

    def get_template(self, request, *args, **kwargs):
        if self.wants_print(request):
            return self.print_template
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The view restrictions are read once (by public()) for all the lists of documents below.
        visible = LegalDocumentPage.objects.live().public()
        sectors = list(self.sectors.all())
        context.update(
            status=self.current_status,
            sectors=sectors,
            attachments=list(self.attachments.select_related("document")),
            **self.relations(visible),
        )
        if not self.wants_print(request):
            context["index"] = self.get_parent()
            context["same_sector"] = list(self.same_sector_documents([sector.pk for sector in sectors], visible))
        return context


class LegalDocumentAttachment(Orderable):
    """A file of a document: the full text, an appendix... PDF, DOC or DOCX only."""

    page = ParentalKey(LegalDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Tệp (PDF, DOC, DOCX)", on_delete=models.CASCADE, related_name="+",
    )
    title = models.CharField(
        "Tên hiển thị", max_length=255, blank=True,
        help_text="Ví dụ: Toàn văn, Phụ lục. Để trống thì dùng tên của tệp.",
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Tệp đính kèm"
        verbose_name_plural = "Tệp đính kèm"

    def clean(self):
        super().clean()
        if self.document_id is None:
            return
        document = self.document
        try:
            with document.open_file() as fileobj:
                detected = detect_document_type(fileobj)
        except (OSError, ValueError):
            raise ValidationError(
                {"document": f"Không đọc được tệp “{document.title}”. Hãy tải tệp lên lại."}
            ) from None
        expected = CONTENT_TYPES.get(document.file_extension.lower())
        if detected not in ATTACHMENT_TYPES or detected != expected:
            what = DESCRIPTIONS.get(detected, "một loại tệp không được nhận")
            raise ValidationError({
                "document": f"Văn bản chỉ đính kèm được tệp PDF, DOC hoặc DOCX; tệp “{document.title}” là {what}."
            })

    @property
    def label(self):
        return self.title or self.document.title

    @property
    def file_type(self):
        return self.document.file_extension.upper()

    @property
    def is_pdf(self):
        return self.document.file_extension.lower() == "pdf"

    @property
    def file_size(self):
        return self.document.get_file_size()
