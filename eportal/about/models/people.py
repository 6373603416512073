"""The agency's leaders and its departments (phòng, ban), each edited inline on one page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import structured_data as schema
from ..fields import email_field, phone_field
from ..structured_data import organisation
from .base import VietnamesePageMixin

PHOTO_SPEC = "fill-240x300|format-webp"


class LeadershipPage(VietnamesePageMixin, Page):
    """Lãnh đạo: the chairperson, vice-chairpersons and members, with their areas in charge."""

    intro = models.TextField("Tóm tắt", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("leaders", label="Lãnh đạo", heading="Danh sách lãnh đạo"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("leaders", [
            index.SearchField("full_name"), index.SearchField("position"), index.SearchField("areas"),
        ]),
    ]
    parent_page_types = ["about.AboutPage"]
    subpage_types = []
    template = "about/leadership_page.html"

    class Meta:
        verbose_name = "Trang lãnh đạo"
        verbose_name_plural = "Trang lãnh đạo"

    def leader_list(self):
        images = get_image_model().objects.prefetch_renditions(PHOTO_SPEC)
        return list(self.leaders.all().prefetch_related(Prefetch("photo", queryset=images)))

    def section_context(self, request):
        return {"leaders": self.leader_list()}

    def structured_data(self, request, identity, context):
        return organisation(
            request, identity, employee=[schema.leader(request, item, PHOTO_SPEC) for item in context["leaders"]]
        )


class Leader(Orderable):
    page = ParentalKey(LeadershipPage, related_name="leaders", on_delete=models.CASCADE)
    full_name = models.CharField("Họ và tên", max_length=255)
    position = models.CharField("Chức vụ", max_length=255)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh chân dung", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    phone = phone_field("Điện thoại cơ quan")
    email = email_field("Thư điện tử công vụ")
    areas = models.TextField("Lĩnh vực phụ trách", blank=True)

    panels = [
        FieldPanel("full_name"), FieldPanel("position"), FieldPanel("photo"),
        FieldPanel("phone"), FieldPanel("email"), FieldPanel("areas"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Lãnh đạo"
        verbose_name_plural = "Lãnh đạo"

    def __str__(self):
        return f"{self.full_name} - {self.position}"


class DepartmentsPage(VietnamesePageMixin, Page):
    """Các phòng, ban: the agency's specialised departments and their functions."""

    intro = models.TextField("Tóm tắt", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("departments", label="Phòng, ban", heading="Danh sách phòng, ban"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields("departments", [index.SearchField("name"), index.SearchField("functions")]),
    ]
    parent_page_types = ["about.AboutPage"]
    subpage_types = []
    template = "about/departments_page.html"

    class Meta:
        verbose_name = "Trang các phòng, ban"
        verbose_name_plural = "Trang các phòng, ban"

    def department_list(self):
        return list(self.departments.all().select_related("agency"))

    def section_context(self, request):
        return {"departments": self.department_list()}

    def structured_data(self, request, identity, context):
        return organisation(
            request, identity, department=[schema.department(item) for item in context["departments"]]
        )


class Department(Orderable):
    """A department; it may point to the shared agency list, whose contacts then fill the gaps."""

    page = ParentalKey(DepartmentsPage, related_name="departments", on_delete=models.CASCADE)
    agency = models.ForeignKey(
        "core.Agency", verbose_name="Cơ quan trong danh mục dùng chung", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Không bắt buộc. Địa chỉ, điện thoại, thư điện tử để trống sẽ lấy từ danh mục.",
    )
    name = models.CharField("Tên phòng, ban", max_length=255, blank=True)
    head_title = models.CharField("Chức vụ người đứng đầu", max_length=100, blank=True, default="Trưởng phòng")
    head_name = models.CharField("Họ và tên người đứng đầu", max_length=255, blank=True)
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = phone_field()
    email = email_field()
    functions = models.TextField("Chức năng, nhiệm vụ", blank=True)

    panels = [
        FieldPanel("agency"), FieldPanel("name"),
        MultiFieldPanel([FieldPanel("head_title"), FieldPanel("head_name")], heading="Người đứng đầu"),
        FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("functions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Phòng, ban"
        verbose_name_plural = "Phòng, ban"

    def clean(self):
        super().clean()
        if not self.name.strip() and self.agency_id is None:
            raise ValidationError({"name": "Nhập tên phòng, ban hoặc chọn cơ quan trong danh mục dùng chung."})

    def __str__(self):
        return self.display_name

    def _from_agency(self, field):
        return getattr(self, field) or (getattr(self.agency, field, "") if self.agency_id else "")

    @property
    def display_name(self):
        return self._from_agency("name")

    @property
    def display_address(self):
        return self._from_agency("address")

    @property
    def display_phone(self):
        return self._from_agency("phone")

    @property
    def display_email(self):
        return self._from_agency("email")
