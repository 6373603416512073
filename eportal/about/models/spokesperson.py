from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page
from wagtail.search import index

from ..fields import email_field, phone_field
from ..structured_data import organisation, person
from .base import VietnamesePageMixin


class SpokespersonPage(VietnamesePageMixin, Page):
    """Người phát ngôn và cung cấp thông tin cho báo chí."""

    intro = models.TextField("Tóm tắt", blank=True)
    full_name = models.CharField("Họ và tên", max_length=255)
    position = models.CharField("Chức vụ", max_length=255)
    phone = phone_field()
    email = email_field()
    decision = models.TextField(
        "Quyết định giao nhiệm vụ phát ngôn", blank=True,
        help_text="Số, ngày và cơ quan ban hành quyết định, ví dụ: Quyết định số .../QĐ-UBND ngày ...",
    )
    decision_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang văn bản quyết định", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Không bắt buộc: trang đăng toàn văn quyết định.",
    )
    duties = models.TextField("Nhiệm vụ", blank=True, help_text="Mỗi nhiệm vụ một dòng.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("full_name"), FieldPanel("position"), FieldPanel("phone"), FieldPanel("email")],
            heading="Người phát ngôn",
        ),
        MultiFieldPanel([FieldPanel("decision"), PageChooserPanel("decision_page")], heading="Quyết định"),
        FieldPanel("duties"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("full_name"), index.SearchField("position"), index.SearchField("duties"),
    ]
    parent_page_types = ["news.HomePage", "about.AboutPage"]
    subpage_types = []
    template = "about/spokesperson_page.html"

    class Meta:
        verbose_name = "Người phát ngôn"
        verbose_name_plural = "Người phát ngôn"

    def structured_data(self, request, identity, context):
        spokesperson = person(self.full_name, self.position, self.phone, self.email,
                              description="Người phát ngôn và cung cấp thông tin cho báo chí")
        return {"@context": "https://schema.org", **spokesperson,
                "worksFor": {k: v for k, v in organisation(request, identity).items() if k != "@context"}}

    @property
    def duty_lines(self):
        return [line.strip(" -•\t") for line in self.duties.splitlines() if line.strip(" -•\t")]
