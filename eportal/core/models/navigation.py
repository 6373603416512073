from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="list-ul")
class MainMenu(ClusterableModel, BaseSiteSetting):
    """The main menu, stored as a setting so that rendering it needs no tree walk."""

    panels = [InlinePanel("items", label="Mục menu")]

    class Meta:
        verbose_name = "Menu chính"
        verbose_name_plural = "Menu chính"


class MainMenuItem(Orderable):
    menu = ParentalKey(MainMenu, related_name="items", on_delete=models.CASCADE)
    title = models.CharField("Tiêu đề", max_length=100, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="Trang", null=True, blank=True,
        on_delete=models.CASCADE, related_name="+",
    )
    link_url = models.CharField("hoặc địa chỉ", max_length=500, blank=True)

    panels = [FieldPanel("title"), FieldPanel("link_page"), FieldPanel("link_url")]

    def clean(self):
        if not self.link_page and not self.link_url:
            raise ValidationError("Hãy chọn một trang hoặc nhập một địa chỉ.")
        if not self.title and not self.link_page:
            raise ValidationError({"title": "Mục menu trỏ đến địa chỉ ngoài cần có tiêu đề."})

    @property
    def label(self):
        return self.title or (self.link_page.title if self.link_page else self.link_url)

    @property
    def url(self):
        return self.link_page.url if self.link_page else self.link_url


@register_setting(icon="link")
class WebsiteLinks(ClusterableModel, BaseSiteSetting):
    """The "Liên kết Website" portlet: the only targets the link redirect will go to."""

    panels = [InlinePanel("links", label="Liên kết")]

    class Meta:
        verbose_name = "Liên kết Website"
        verbose_name_plural = "Liên kết Website"


class WebsiteLink(Orderable):
    owner = ParentalKey(WebsiteLinks, related_name="links", on_delete=models.CASCADE)
    title = models.CharField("Tên trang", max_length=200)
    url = models.URLField("Địa chỉ", max_length=500)

    panels = [FieldPanel("title"), FieldPanel("url")]

    def __str__(self):
        return self.title
