from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class ProcedureIndexPage(Page):
    """Thủ tục hành chính: browse the procedures by field, life event and level, or search them."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["procedures.ProcedurePage"]
    template = "procedures/procedure_index_page.html"

    PER_PAGE = 20

    class Meta:
        verbose_name = "Danh mục thủ tục hành chính"
        verbose_name_plural = "Danh mục thủ tục hành chính"

    def get_context(self, request, *args, **kwargs):
        from eportal.news.pagination import paginate

        from ..browse import browse_context, read_filters

        context = super().get_context(request, *args, **kwargs)
        params = request.GET
        filters = read_filters(
            sector=params.get("linh-vuc"), life_event=params.get("su-kien"),
            level=params.get("cap"), query=params.get("q"),
        )
        context.update(browse_context(self, filters))
        context["procedures"] = paginate(request, context.pop("results"), self.PER_PAGE)
        return context
