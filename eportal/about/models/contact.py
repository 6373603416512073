from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from ..fields import email_field, phone_field
from ..structured_data import contact_point, hotline_point, organisation
from ..validators import validate_hotline
from .base import VietnamesePageMixin


class ContactPointFields(Orderable):
    """A contact point: a unit with its address, phone, e-mail and office hours."""

    unit = models.CharField("Đơn vị, bộ phận", max_length=255)
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = phone_field()
    email = email_field()
    hours = models.CharField("Thời gian làm việc", max_length=255, blank=True)

    panels = [FieldPanel("unit"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("hours")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.unit


class ContactPage(VietnamesePageMixin, Page):
    """Liên hệ: contact points, the hotline and the portal's editorial board. No form here."""

    intro = models.TextField("Lời dẫn", blank=True)
    hotline = models.CharField("Đường dây nóng", max_length=50, blank=True, validators=[validate_hotline])
    hotline_note = models.CharField(
        "Ghi chú đường dây nóng", max_length=255, blank=True,
        help_text="Ví dụ: tiếp nhận phản ánh, kiến nghị của người dân và doanh nghiệp.",
    )
    show_editorial_board = models.BooleanField(
        "Hiện liên hệ Ban biên tập", default=True,
        help_text="Lấy từ Cài đặt → Thông tin cổng.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hotline"), FieldPanel("hotline_note")], heading="Đường dây nóng"),
        InlinePanel("contact_points", label="Đầu mối liên hệ", heading="Các đầu mối liên hệ"),
        FieldPanel("show_editorial_board"),
    ]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "about/contact_page.html"

    class Meta:
        verbose_name = "Trang liên hệ"
        verbose_name_plural = "Trang liên hệ"

    def section_context(self, request):
        return {"contact_list": list(self.contact_points.all())}

    def structured_data(self, request, identity, context):
        points = [contact_point(point) for point in context["contact_list"]]
        if self.hotline:
            points.insert(0, hotline_point(self.hotline, self.hotline_note))
        return organisation(request, identity, contactPoint=points)


class ContactPoint(ContactPointFields):
    page = ParentalKey(ContactPage, related_name="contact_points", on_delete=models.CASCADE)

    class Meta(ContactPointFields.Meta):
        verbose_name = "Đầu mối liên hệ"
        verbose_name_plural = "Đầu mối liên hệ"
