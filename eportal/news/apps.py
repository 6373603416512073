from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "eportal.news"
    label = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from wagtail.signals import post_page_move

        # Connected before eportal.pagecache's receiver (apps are readied in order), so the
        # page cache computes a moved article's new neighbours from its new category.
        post_page_move.connect(article_moved, dispatch_uid="news-article-moved")


def article_moved(sender, instance, parent_page_after, **kwargs):
    from .models import ArticlePage

    # Treebeard moves pages with raw SQL updates; save() never sees the new parent.
    ArticlePage.objects.filter(pk=instance.pk).update(category=parent_page_after.pk)
