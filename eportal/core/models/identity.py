from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


GENERIC_TITLE = "Cổng thông tin điện tử"


@register_setting(icon="home")
class SiteIdentity(BaseSiteSetting):
    """Who publishes this portal: shown in the header, the footer and the feeds."""

    portal_title = models.CharField(
        "Tên cổng thông tin", max_length=255, default=GENERIC_TITLE
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
    # A component site of a province installation served at /<prefix>/ on the province
    # portal's address (eportal.province.addresses); empty: by its own host name only.
    path_prefix = models.SlugField(
        "Đường dẫn trên cổng tỉnh", max_length=60, blank=True,
        help_text="Ví dụ: xa-ke-sach → trang thành phần mở tại <địa chỉ cổng tỉnh>/xa-ke-sach/. "
                  "Để trống nếu trang chỉ mở bằng tên miền riêng.",
    )
    # Archive mode (eportal.core.archive): a former portal kept read-only with a banner.
    # Only superusers see and change these fields; `eportal archive-site` sets them too.
    archived = models.BooleanField(
        "Trang lưu trữ (chỉ đọc)", default=False,
        help_text="Cổng đã ngừng hoạt động: hiện dải thông báo lưu trữ, đóng mọi biểu mẫu, "
                  "không cho sửa, thêm, xóa, chuyển, xuất bản trang. Bỏ chọn để sửa lại nội dung.",
    )
    archived_until = models.DateField("Hoạt động đến ngày", null=True, blank=True)
    archived_name = models.CharField(
        "Tên cổng trước đây", max_length=255, blank=True,
        help_text="Ví dụ: Cổng thông tin điện tử UBND Huyện Kế Sách. "
                  "Để trống: dùng tên cổng (kèm cơ quan chủ quản nếu tên cổng chỉ là tên chung).",
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
        MultiFieldPanel(
            [FieldPanel("path_prefix", permission="superuser")],
            heading="Địa chỉ",
            permission="superuser",
        ),
        MultiFieldPanel(
            [
                FieldPanel("archived", permission="superuser"),
                FieldPanel("archived_until", permission="superuser"),
                FieldPanel("archived_name", permission="superuser"),
            ],
            heading="Lưu trữ",
            permission="superuser",
        ),
    ]

    class Meta:
        verbose_name = "Thông tin cổng"
        verbose_name_plural = "Thông tin cổng"
        constraints = [
            models.UniqueConstraint(
                fields=["path_prefix"], condition=~models.Q(path_prefix=""), name="core_siteidentity_unique_prefix"
            )
        ]

    def __str__(self):
        return self.portal_title

    def clean(self):
        super().clean()
        if self.archived and not self.archived_until:
            raise ValidationError({"archived_until": "Nhập ngày cuối cùng cổng còn hoạt động."})
        if self.path_prefix:
            from eportal.province.addresses import prefix_problem

            problem = prefix_problem(self.path_prefix, self.site_id)
            if problem:
                raise ValidationError({"path_prefix": problem})

    @property
    def agency_line(self) -> str:
        """The agency and its province for the header: "UBND huyện X - tỉnh Y"; the province
        is given as typed when it says what it is ("thành phố Cần Thơ"), and left out when
        the agency's name already ends with it."""
        province = self.province.strip()
        if not province:
            return self.agency_name
        place = province if province.casefold().startswith(("tỉnh", "thành phố")) else f"tỉnh {province}"
        if self.agency_name.casefold().endswith(place.casefold()):
            return self.agency_name
        return f"{self.agency_name} - {place}"

    @property
    def former_name(self) -> str:
        """Whose portal the archive was: the name given, or the portal title (with the agency
        when the title is only the generic one)."""
        if self.archived_name:
            return self.archived_name
        title = self.portal_title.strip()
        if self.agency_name and title.casefold() == GENERIC_TITLE.casefold():
            return f"{title} {self.agency_name}"
        return title
