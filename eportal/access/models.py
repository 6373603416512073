from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, Site

from eportal.core.richtext import clean_rich_text

from .workdays import request_due_date

GUIDE_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
RICH_TEXT_FIELDS = ("request_guide", "complaint_text")


class AccessToInformationPage(RoutablePageMixin, Page):
    """Tiếp cận thông tin: what the agency publishes, whom to ask, how to ask and complain."""

    intro = models.TextField(
        "Giới thiệu", blank=True,
        help_text="Ví dụ: căn cứ Luật Tiếp cận thông tin năm 2016, UBND huyện công khai các thông tin sau.",
    )
    focal_agency = models.ForeignKey(
        "core.Agency", verbose_name="Đơn vị đầu mối", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    focal_person = models.CharField(
        "Người phụ trách / chức vụ", max_length=255, blank=True,
        help_text="Ghi chức vụ, ví dụ: Chánh Văn phòng HĐND và UBND huyện.",
    )
    focal_address = models.CharField(
        "Địa chỉ", max_length=255, blank=True, help_text="Để trống để dùng địa chỉ của đơn vị đầu mối."
    )
    focal_phone = models.CharField(
        "Điện thoại", max_length=100, blank=True, help_text="Để trống để dùng điện thoại của đơn vị đầu mối."
    )
    focal_email = models.EmailField(
        "Thư điện tử", blank=True, help_text="Để trống để dùng thư điện tử của đơn vị đầu mối."
    )
    request_guide = RichTextField("Cách thức yêu cầu cung cấp thông tin", features=GUIDE_FEATURES, blank=True)
    complaint_text = RichTextField("Khiếu nại, tố cáo", features=GUIDE_FEATURES, blank=True)
    complaint_contact = models.TextField(
        "Nơi tiếp nhận khiếu nại, tố cáo", blank=True, help_text="Đơn vị, địa chỉ, điện thoại, thư điện tử."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("published_items", heading="Danh mục thông tin phải được công khai", label="Thông tin"),
        MultiFieldPanel(
            [FieldPanel("focal_agency"), FieldPanel("focal_person"), FieldPanel("focal_address"),
             FieldPanel("focal_phone"), FieldPanel("focal_email")],
            heading="Đầu mối cung cấp thông tin",
        ),
        FieldPanel("request_guide"),
        MultiFieldPanel([FieldPanel("complaint_text"), FieldPanel("complaint_contact")], heading="Khiếu nại, tố cáo"),
    ]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    template = "access/access_page.html"

    class Meta:
        verbose_name = "Tiếp cận thông tin"
        verbose_name_plural = "Tiếp cận thông tin"

    def clean_rich_text_fields(self):
        for name in RICH_TEXT_FIELDS:
            setattr(self, name, clean_rich_text(getattr(self, name)))

    def clean(self):
        super().clean()
        self.clean_rich_text_fields()

    def save(self, *args, **kwargs):
        self.clean_rich_text_fields()
        return super().save(*args, **kwargs)

    # The focal point's contacts: the page's own, else the focal agency's.
    def _focal(self, own, agency_field):
        return own or (getattr(self.focal_agency, agency_field, "") if self.focal_agency_id else "")

    @property
    def focal_contact(self):
        return {
            "unit": self.focal_agency.name if self.focal_agency_id else "",
            "person": self.focal_person,
            "address": self._focal(self.focal_address, "address"),
            "phone": self._focal(self.focal_phone, "phone"),
            "email": self._focal(self.focal_email, "email"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["published_items"] = list(self.published_items.select_related("link_page"))
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("yeu-cau/", name="request_form")
    def request_form(self, request):
        from .views import request_form

        return request_form(request, self)

    @path("yeu-cau/da-gui/", name="request_sent")
    def request_sent(self, request):
        from .views import request_sent

        return request_sent(request, self)

    @property
    def request_form_url(self):
        return self.url + self.reverse_subpage("request_form")


class PublishedInformationItem(Orderable):
    """One line of "danh mục thông tin phải được công khai"."""

    page = ParentalKey(AccessToInformationPage, on_delete=models.CASCADE, related_name="published_items")
    title = models.CharField("Thông tin", max_length=500)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang đăng tải trên cổng", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    link_url = models.URLField("hoặc địa chỉ trang web", blank=True)
    place = models.CharField(
        "Nơi công khai khác", max_length=255, blank=True,
        help_text="Ví dụ: bảng niêm yết tại trụ sở UBND huyện, Bộ phận Một cửa.",
    )
    form = models.CharField("Hình thức công khai", max_length=255, blank=True)
    timing = models.CharField("Thời điểm / thời hạn công khai", max_length=255, blank=True)

    panels = [
        FieldPanel("title"), PageChooserPanel("link_page"), FieldPanel("link_url"),
        FieldPanel("place"), FieldPanel("form"), FieldPanel("timing"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Thông tin công khai"
        verbose_name_plural = "Danh mục thông tin công khai"

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "Chỉ chọn một: trang trên cổng hoặc địa chỉ trang web."})


phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 .()\-]{6,18}[0-9]$", "Số điện thoại không hợp lệ (ví dụ: 0299 3870 000)."
)


class InformationRequest(models.Model):
    """A request for information (phiếu yêu cầu cung cấp thông tin), from the portal or on paper.

    Holds personal contact data: shown only in the admin, to the board.
    """

    class Status(models.TextChoices):
        NEW = "new", "Mới"
        IN_PROGRESS = "in_progress", "Đang xử lý"
        PROVIDED = "provided", "Đã cung cấp"
        REFUSED = "refused", "Từ chối"

    class Delivery(models.TextChoices):
        ON_SITE = "on_site", "Đọc, xem, nghe, ghi chép tại nơi cung cấp thông tin"
        COPY = "copy", "Nhận bản sao, bản chụp tại nơi cung cấp thông tin"
        POST = "post", "Gửi qua đường bưu điện"
        EMAIL = "email", "Gửi qua thư điện tử"

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Trang thông tin", null=True, on_delete=models.SET_NULL,
        related_name="information_requests", help_text="Cổng hoặc trang của xã, phường nhận yêu cầu này.",
    )
    name = models.CharField("Họ và tên người yêu cầu", max_length=200)
    address = models.CharField("Địa chỉ", max_length=300)
    email = models.EmailField("Thư điện tử", blank=True)
    phone = models.CharField("Điện thoại", max_length=30, blank=True, validators=[phone_validator])
    information = models.TextField("Thông tin cần cung cấp", max_length=5000)
    purpose = models.TextField("Mục đích sử dụng thông tin", max_length=2000)
    delivery = models.CharField(
        "Hình thức nhận thông tin", max_length=20, choices=Delivery.choices, default=Delivery.EMAIL
    )
    status = models.CharField("Tình trạng", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    refusal_reason = models.TextField("Lý do từ chối", blank=True)
    handling_note = models.TextField("Ghi chú xử lý", blank=True)
    received_at = models.DateTimeField("Thời điểm nhận", default=timezone.now, db_index=True)
    due_date = models.DateField(
        "Hạn trả lời", blank=True,
        help_text="Để trống để tính 15 ngày làm việc từ ngày nhận; sửa khi gia hạn hoặc có ngày nghỉ Tết, lễ.",
    )
    answered_on = models.DateField("Ngày trả lời", null=True, blank=True)

    class Meta:
        verbose_name = "Yêu cầu cung cấp thông tin"
        verbose_name_plural = "Yêu cầu cung cấp thông tin"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        # Also the label of the admin's history log, which every board with a permission on
        # requests reads: no requester's name there (Nghị định 13/2023/NĐ-CP, data minimisation).
        return self.reference

    @property
    def reference(self):
        return f"YC-{self.pk:05d}" if self.pk else "YC-mới"

    @property
    def received_on(self):
        return timezone.localdate(self.received_at) if self.received_at else None

    @property
    def is_open(self):
        return self.status in (self.Status.NEW, self.Status.IN_PROGRESS)

    @property
    def is_overdue(self):
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    def clean(self):
        super().clean()
        errors = {}
        if not self.email and not self.phone:
            errors["email"] = "Hãy để lại ít nhất một cách liên lạc: thư điện tử hoặc số điện thoại."
        if self.delivery == self.Delivery.EMAIL and not self.email and self.phone:
            errors["email"] = "Bạn chọn nhận thông tin qua thư điện tử: hãy nhập địa chỉ thư điện tử."
        if self.status == self.Status.REFUSED and not self.refusal_reason.strip():
            errors["refusal_reason"] = "Hãy ghi lý do từ chối cung cấp thông tin."
        if self.due_date and self.received_at and self.due_date < self.received_on:
            errors["due_date"] = "Hạn trả lời không được trước ngày nhận yêu cầu."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self._state.adding and self.site_id is None:
            # Created in code (demo content, imports): a one-site installation's only portal.
            self.site = Site.objects.filter(is_default_site=True).first()
        if self.due_date is None:
            self.due_date = request_due_date(self.received_on or timezone.localdate())
        if not self.is_open and self.answered_on is None:
            self.answered_on = timezone.localdate()
        if self.is_open:
            self.answered_on = None
        return super().save(*args, **kwargs)
