from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class DocumentType(index.Indexed, models.Model):
    """Loại văn bản: Nghị quyết, Quyết định, Chỉ thị, Kế hoạch, Thông báo, Công văn..."""

    name = models.CharField("Tên loại văn bản", max_length=100, unique=True)
    abbreviation = models.CharField(
        "Chữ viết tắt", max_length=20, blank=True,
        help_text="Chữ viết tắt trong số ký hiệu, ví dụ NQ, QĐ, CT, KH, TB.",
    )
    slug = models.SlugField(
        "Đường dẫn", max_length=100, unique=True, allow_unicode=False,
        help_text="Dùng trong bộ lọc của trang văn bản, ví dụ chi-thi.",
    )
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("abbreviation")]

    class Meta:
        verbose_name = "Loại văn bản"
        verbose_name_plural = "Loại văn bản"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
