from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The portal's home page: featured news and the newest articles of each category."""

    welcome = models.TextField("Lời giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    # No subpage_types: each section's index page names HomePage in its parent_page_types.
    template = "news/home_page.html"

    class Meta:
        verbose_name = "Trang chủ"

    def get_context(self, request, *args, **kwargs):
        from ..listings import featured_articles, newest_per_category
        from .category import NewsCategoryPage

        context = super().get_context(request, *args, **kwargs)
        categories = (
            NewsCategoryPage.objects.child_of(self).live().public().filter(show_on_home=True)
        )
        context["featured"] = list(featured_articles(self))
        context["category_blocks"] = [
            (category, items) for category, items in newest_per_category(categories).items() if items
        ]
        return context
