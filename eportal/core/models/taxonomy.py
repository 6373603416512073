"""Shared vocabularies: fields of state management and the agencies of the portal."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Sector(index.Indexed, models.Model):
    """Lĩnh vực: a field of state management (Đất đai, Tư pháp, Giáo dục, ...).

    Shared by documents, administrative procedures and citizens' questions.
    """

    name = models.CharField("Tên lĩnh vực", max_length=200, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=200, unique=True, allow_unicode=False)
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Lĩnh vực"
        verbose_name_plural = "Lĩnh vực"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


@register_snippet
class Agency(index.Indexed, models.Model):
    """Cơ quan: an issuing body or a handling agency (Huyện ủy, UBND huyện, Phòng Tư pháp...)."""

    name = models.CharField("Tên cơ quan", max_length=255, unique=True)
    short_name = models.CharField(
        "Tên viết tắt", max_length=50, blank=True,
        help_text="Dùng trong số ký hiệu văn bản, ví dụ HU (Huyện ủy), UBND.",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=100, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    panels = [
        FieldPanel("name"), FieldPanel("short_name"), FieldPanel("address"),
        FieldPanel("phone"), FieldPanel("email"), FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Cơ quan"
        verbose_name_plural = "Cơ quan"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
