from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.url_routing import RouteResult


class HomePage(Page):
    """The portal's home page: featured news and the newest articles of each category."""

    welcome = models.TextField("Lời giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    # No subpage_types: each section's index page names HomePage in its parent_page_types.
    template = "news/home_page.html"

    class Meta:
        verbose_name = "Trang chủ"

    def route(self, request, path_components):
        """Wagtail's routing, remembered per content version for plain pages (articles...).

        Routing walks the tree a level at a time, two queries a level; a remembered route
        costs one query for the page. Pages that route further themselves (listings with
        their own URLs, forms) are routed as usual.
        """
        if not path_components:
            return super().route(request, path_components)
        from eportal.core.fragments import cached_fragment

        def build():
            result = super(HomePage, self).route(request, path_components)
            page = result[0]
            plain = not result[1] and not result[2] and page.live
            return (page.pk, page.content_type_id) if plain else None

        found = cached_fragment(f"route:{self.pk}:{'/'.join(path_components)}", 0, build)
        if found is None:
            return super().route(request, path_components)
        pk, content_type_id = found
        from django.contrib.contenttypes.models import ContentType

        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk, live=True).first()
        if page is None:  # unpublished since: route as usual (and answer 404)
            return super().route(request, path_components)
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        from ..listings import featured_articles, newest_per_category
        from .category import NewsCategoryPage

        context = super().get_context(request, *args, **kwargs)

        def category_blocks():
            categories = NewsCategoryPage.objects.child_of(self).live().public().filter(show_on_home=True)
            return [(category, items) for category, items in newest_per_category(categories).items() if items]

        # Lazy: read only when the page's cached block is rendered (see the template).
        context["featured"] = SimpleLazyObject(lambda: list(featured_articles(self)))
        context["category_blocks"] = SimpleLazyObject(category_blocks)
        return context
