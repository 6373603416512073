from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site


class QuestionIndexPage(RoutablePageMixin, Page):
    """Hỏi đáp: published answers, the question form and the look-up by tracking code."""

    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    template = "questions/index.html"

    PER_PAGE = 10

    class Meta:
        verbose_name = "Trang hỏi đáp"
        verbose_name_plural = "Trang hỏi đáp"

    @path("", name="listing")
    def listing(self, request):
        from .. import views

        return views.listing(self, request)

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        from .. import views

        return views.detail(self, request, pk)

    @path("gui-cau-hoi/", name="submit")
    def submit(self, request):
        from .. import views

        return views.submit(self, request)

    @path("tra-cuu/", name="lookup")
    def lookup(self, request):
        from .. import views

        return views.lookup(self, request)

    def get_sitemap_urls(self, request=None):
        from .question import Question

        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"]
        site = Site.find_for_request(request) if request is not None else self.get_site()
        answers = (
            Question.objects.filter(site=site).published().order_by("-answered_at").values_list("pk", "answered_at")
        )
        urls += [{"location": f"{base}{pk}/", "lastmod": answered_at} for pk, answered_at in answers]
        return urls
