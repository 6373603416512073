from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import SectionBodyBlock
from .base import CleanedBodyMixin, VietnamesePageMixin


class AboutPage(CleanedBodyMixin, VietnamesePageMixin, Page):
    """A section about the agency (Giới thiệu, Chức năng nhiệm vụ, Lịch sử - Văn hóa, Bản đồ hành chính)."""

    intro = models.TextField("Tóm tắt", blank=True)
    body = StreamField(SectionBodyBlock(), verbose_name="Nội dung", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["news.HomePage", "about.AboutPage"]
    subpage_types = ["about.AboutPage", "about.LeadershipPage", "about.DepartmentsPage", "about.SpokespersonPage"]
    template = "about/about_page.html"

    CHILDREN_PER_PAGE = 20

    class Meta:
        verbose_name = "Trang giới thiệu"
        verbose_name_plural = "Trang giới thiệu"

    def child_pages(self):
        # One query for the pages plus one per page type (not per page) for their intros.
        return self.get_children().live().public().defer_streamfields().specific().order_by("path")

    def section_context(self, request):
        from eportal.news.pagination import paginate

        return {"children": paginate(request, self.child_pages(), self.CHILDREN_PER_PAGE)}
