from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class LifeEvent(index.Indexed, models.Model):
    """Sự kiện cuộc sống: a moment in a citizen's life (birth, marriage...) that needs procedures."""

    name = models.CharField("Tên sự kiện", max_length=200, unique=True)
    slug = models.SlugField("Đường dẫn", max_length=200, unique=True, allow_unicode=False)
    description = models.CharField("Mô tả ngắn", max_length=300, blank=True)
    sort_order = models.PositiveIntegerField("Thứ tự", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "Sự kiện cuộc sống"
        verbose_name_plural = "Sự kiện cuộc sống"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name
