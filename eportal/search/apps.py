from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "eportal.search"
    label = "portal_search"  # "search" would clash with the label of wagtail.search
    verbose_name = "Tìm kiếm"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401

        post_migrate.connect(_fill_index, sender=self)


def _fill_index(sender, using="default", **kwargs):
    from . import indexing

    indexing.fill_if_empty()
