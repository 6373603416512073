"""The board's thresholds for the compliance check ("Quy tắc tuân thủ"), one row per site."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _days(label, default, help_text, maximum=365):
    return models.PositiveSmallIntegerField(
        label, default=default, help_text=help_text,
        validators=[MinValueValidator(1), MaxValueValidator(maximum)],
    )


@register_setting(icon="tasks")
class ComplianceRules(BaseSiteSetting):
    question_working_days = _days(
        "Hạn trả lời câu hỏi (ngày làm việc)", 15,
        "Câu hỏi chưa trả lời quá số ngày làm việc này kể từ ngày nhận bị tính là quá hạn.", 60,
    )
    document_working_days = _days(
        "Hạn đăng văn bản (ngày làm việc)", 2,
        "Văn bản phải được đăng trong số ngày làm việc này kể từ ngày ban hành.", 60,
    )
    document_window_days = _days(
        "Xét văn bản đăng trong (ngày)", 90,
        "Chỉ xét thời hạn đăng của các văn bản đăng trong số ngày gần nhất này.",
    )
    require_weekly_schedule = models.BooleanField(
        "Phải có lịch công tác tuần này", default=True,
        help_text="Cảnh báo khi lịch công tác chưa có mục nào trong tuần hiện tại.",
    )
    category_stale_days = _days(
        "Chuyên mục bắt buộc cần tin mới trong (ngày)", 90,
        "Cảnh báo khi một chuyên mục bắt buộc (Chỉ đạo điều hành, Thống kê...) không có tin mới "
        "trong số ngày này.", 730,
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("question_working_days"), FieldPanel("document_working_days"),
             FieldPanel("document_window_days")],
            heading="Thời hạn",
        ),
        MultiFieldPanel(
            [FieldPanel("require_weekly_schedule"), FieldPanel("category_stale_days")],
            heading="Cập nhật thường xuyên",
        ),
    ]

    class Meta:
        verbose_name = "Quy tắc tuân thủ"
        verbose_name_plural = "Quy tắc tuân thủ"
        permissions = [("view_compliance", "Xem kiểm tra tuân thủ")]
