from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from eportal.core.richtext import CleanedBodyMixin
from eportal.media.alt_text import AltTextPageFormMixin

from ..blocks import ArticleBodyBlock


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class ArticlePageForm(AltTextPageFormMixin, WagtailAdminPageForm):
    """The featured image is shown with its description as alt text: publishing needs one."""


class ArticlePage(CleanedBodyMixin, Page):
    """A news article (tin bài)."""

    base_form_class = ArticlePageForm
    # Shown on the article page with the image's description as alt text (listings show
    # it as a decorative thumbnail beside the title).
    ALT_TEXT_IMAGE_FIELDS = ("featured_image",)

    date = models.DateTimeField("Thời gian đăng", default=timezone.now, db_index=True)
    lead = models.TextField("Tóm tắt (sapo)", blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name="Nội dung", blank=True)
    author_name = models.CharField("Tác giả", max_length=255, blank=True)
    author_position = models.CharField("Chức vụ / đơn vị của tác giả", max_length=255, blank=True)
    source = models.CharField("Nguồn", max_length=255, blank=True)
    featured_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh đại diện", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    tags = ClusterTaggableManager("Từ khóa", through=ArticleTag, blank=True)
    is_featured = models.BooleanField("Tin nổi bật", default=False)
    legacy_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # The parent category, kept by save() and on moves: with the index below, "Tin đã đưa"
    # and a category's listing read only the rows they show, however many articles exist
    # (the tree's path and the article's date live in two tables, which no index spans).
    category = models.ForeignKey(
        Page, null=True, editable=False, on_delete=models.SET_NULL, related_name="+", db_index=False,
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author_name"), FieldPanel("author_position"), FieldPanel("source")],
            heading="Tác giả và nguồn",
        ),
        FieldPanel("tags"),
        FieldPanel("is_featured"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsCategoryPage"]
    subpage_types = []
    template = "news/article_page.html"

    EARLIER_COUNT = 10

    class Meta:
        verbose_name = "Tin bài"
        verbose_name_plural = "Tin bài"
        ordering = ["-date"]
        indexes = [models.Index(fields=["category", "date", "page_ptr"], name="news_article_category_date")]

    def save(self, *args, **kwargs):
        if self.path and self.depth > 1:
            self.category_id = self._parent_id()
        return super().save(*args, **kwargs)

    def _parent_id(self):
        parent_path = self.path[: -self.steplen]
        parent = getattr(self, "_cached_parent_obj", None)  # set by treebeard's add_child
        if parent is not None and parent.path == parent_path:
            return parent.pk
        return Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()

    @property
    def body_html(self):
        """The HTML of a body that is a single paragraph block (as imported), else None."""
        raw = list(self.body.raw_data)
        if len(raw) == 1 and raw[0]["type"] == "paragraph":
            return raw[0]["value"]
        return None

    @property
    def byline(self):
        return ", ".join(part for part in (self.author_name, self.author_position) if part)

    def earlier_articles(self):
        """ "Tin đã đưa": the articles of the same category published before this one."""
        from ..listings import articles

        category_id = self.category_id or self._parent_id()  # a new article in preview has none
        return (
            articles()
            .filter(category_id=category_id)
            # A new article being previewed has no pk yet: then only strictly earlier dates.
            .filter(models.Q(date__lt=self.date) | (models.Q(date=self.date, pk__lt=self.pk) if self.pk else models.Q(pk__in=[])))
            .exclude(pk=self.pk)[: self.EARLIER_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read only when the article's cached block is rendered (see the template).
        context["earlier_articles"] = SimpleLazyObject(lambda: list(self.earlier_articles()))
        context["category"] = SimpleLazyObject(self.get_parent)
        return context
