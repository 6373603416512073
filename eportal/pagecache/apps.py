from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "eportal.pagecache"
    label = "pagecache"
    verbose_name = "Bộ nhớ đệm trang"

    def ready(self):
        from . import recorder, signals

        recorder.connect_page_loading()
        signals.connect()
