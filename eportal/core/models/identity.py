from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="home")
class SiteIdentity(BaseSiteSetting):
    """Who publishes this portal: shown in the header, the footer and the feeds."""

    portal_title = models.CharField(
        "Tên cổng thông tin", max_length=255, default="Cổng thông tin điện tử"
    )
    agency_name = models.CharField("Cơ quan chủ quản", max_length=255, blank=True)
    province = models.CharField("Tỉnh / thành phố", max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Biểu trưng (logo)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    responsible_person = models.CharField(
        "Người chịu trách nhiệm", max_length=255, blank=True,
        help_text="Trưởng Ban biên tập, ghi kèm chức vụ.",
    )
    license_note = models.CharField(
        "Giấy phép / ghi chú bản quyền", max_length=255, blank=True
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("portal_title"), FieldPanel("agency_name"), FieldPanel("province"), FieldPanel("logo")],
            heading="Nhận diện",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Liên hệ",
        ),
        MultiFieldPanel(
            [FieldPanel("responsible_person"), FieldPanel("license_note")],
            heading="Ban biên tập",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin cổng"
        verbose_name_plural = "Thông tin cổng"

    def __str__(self):
        return self.portal_title
