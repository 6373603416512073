from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page


class NewsCategoryPage(RoutablePageMixin, Page):
    """A news category (chuyên mục); categories nest, and list their subcategories' articles."""

    intro = models.TextField("Giới thiệu", blank=True)
    show_on_home = models.BooleanField("Hiện trên trang chủ", default=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + [FieldPanel("show_on_home")]
    parent_page_types = ["news.HomePage", "news.NewsCategoryPage"]
    subpage_types = ["news.NewsCategoryPage", "news.ArticlePage", "province.SharedArticlePage"]
    template = "news/category_page.html"

    PER_PAGE = 10

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    @path("")
    def listing(self, request):
        from ..listings import articles_in, count_in
        from ..pagination import paginate

        listed = articles_in(self)
        items = paginate(request, listed, self.PER_PAGE, count=count_in(self, listed))
        return self.render(request, context_overrides={"articles": items})

    @path("rss/")
    def feed(self, request):
        from ..feeds import NewsFeed

        return NewsFeed(self)(request)

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")
