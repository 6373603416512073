from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from ..blocks import SectionBodyBlock
from ..structured_data import contact_point, organisation
from .base import CleanedBodyMixin
from .contact import ContactPointFields


class EnglishPage(CleanedBodyMixin, Page):
    """The English version: a short introduction of the agency and its contacts.

    Its content is marked lang="en" in the template (the site's base language is Vietnamese).
    """

    organisation_name = models.CharField(
        "Tên cơ quan bằng tiếng Anh", max_length=255,
        help_text="Ví dụ: People's Committee of Ke Sach District",
    )
    intro = models.TextField("Giới thiệu ngắn (tiếng Anh)", blank=True)
    body = StreamField(SectionBodyBlock(), verbose_name="Nội dung (tiếng Anh)", blank=True)
    address = models.CharField("Địa chỉ (tiếng Anh)", max_length=255, blank=True)
    vietnamese_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang tiếng Việt tương ứng", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Liên kết “Tiếng Việt”; để trống sẽ về trang chủ.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("organisation_name"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("address"),
        InlinePanel("contact_points", label="Đầu mối liên hệ (tiếng Anh)", heading="Đầu mối liên hệ (tiếng Anh)"),
        PageChooserPanel("vietnamese_page"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "about/english_page.html"
    content_language = "en"  # for shared page metadata (DC.language) and block templates

    class Meta:
        verbose_name = "Trang tiếng Anh (English)"
        verbose_name_plural = "Trang tiếng Anh (English)"

    def vietnamese_url_page(self, request):
        if self.vietnamese_page_id:
            page = Page.objects.live().public().filter(pk=self.vietnamese_page_id).first()
            if page:
                return page
        site = Site.find_for_request(request)
        return site.root_page if site else None

    def structured_data(self, request, contacts):
        from eportal.core.models import SiteIdentity

        identity = SiteIdentity.for_request(request)
        data = organisation(request, identity, contactPoint=[contact_point(point) for point in contacts])
        data["name"] = self.organisation_name
        data["address"] = {"@type": "PostalAddress", "streetAddress": self.address, "addressCountry": "VN"}
        if not self.address:
            del data["address"]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact_list"] = contacts = list(self.contact_points.all())
        context["vietnamese_page"] = self.vietnamese_url_page(request)
        context["structured_data"] = self.structured_data(request, contacts)
        context["content_language"] = self.content_language
        return context


class EnglishContactPoint(ContactPointFields):
    page = ParentalKey(EnglishPage, related_name="contact_points", on_delete=models.CASCADE)

    class Meta(ContactPointFields.Meta):
        verbose_name = "Đầu mối liên hệ (tiếng Anh)"
        verbose_name_plural = "Đầu mối liên hệ (tiếng Anh)"
