from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

CRITERIA = [
    ("interface", "Giao diện"),
    ("content", "Nội dung thông tin"),
    ("service", "Chất lượng dịch vụ / tốc độ"),
    ("support", "Hỗ trợ người dùng"),
]
SCORES = [
    (1, "Rất không hài lòng"),
    (2, "Không hài lòng"),
    (3, "Bình thường"),
    (4, "Hài lòng"),
    (5, "Rất hài lòng"),
]
COMMENT_MAX_LENGTH = 1000


class SatisfactionSurveyPage(Page):
    """Đánh giá mức độ hài lòng: visitors rate the portal anonymously."""

    intro = models.TextField(
        "Giới thiệu", blank=True,
        default="Ý kiến của bạn giúp chúng tôi nâng cao chất lượng Cổng thông tin điện tử. "
                "Việc đánh giá là ẩn danh: cổng không lưu tên, địa chỉ IP hay thông tin nhận dạng của bạn.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    template = "satisfaction/survey_page.html"

    class Meta:
        verbose_name = "Đánh giá mức độ hài lòng"
        verbose_name_plural = "Đánh giá mức độ hài lòng"

    def serve(self, request, *args, **kwargs):
        from .views import survey

        return survey(request, self)


def _score_field(label):
    return models.PositiveSmallIntegerField(
        label, choices=SCORES, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class SatisfactionRating(models.Model):
    """One anonymous rating: four scores and an optional comment, dated by day only.

    Nothing identifies the visitor: the once-a-day limit lives in the cache, not here.
    """

    date = models.DateField("Ngày đánh giá", default=timezone.localdate, db_index=True)
    interface = _score_field("Giao diện")
    content = _score_field("Nội dung thông tin")
    service = _score_field("Chất lượng dịch vụ / tốc độ")
    support = _score_field("Hỗ trợ người dùng")
    comment = models.TextField("Ý kiến góp ý", max_length=COMMENT_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = "Lượt đánh giá mức độ hài lòng"
        verbose_name_plural = "Lượt đánh giá mức độ hài lòng"
        # Ratings are never edited: the only permission is to read the results.
        default_permissions = ()
        permissions = [("view_results", "Xem kết quả đánh giá mức độ hài lòng")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                name=f"satisfaction_{field}_1_to_5",
            )
            for field, _ in CRITERIA
        ]

    def __str__(self):
        return f"Đánh giá ngày {self.date:%d/%m/%Y}"
