from django.apps import AppConfig


class ProvinceConfig(AppConfig):
    name = "eportal.province"
    label = "province"
    verbose_name = "Cổng tỉnh và các trang thành phần"

    def ready(self):
        _give_pages_their_prefixed_address()


def _give_pages_their_prefixed_address():
    """Wagtail builds every page URL in Page.get_url_parts, which knows host names only;
    pages of a site served under a path prefix get that prefix here, once for every page
    type (eportal.province.addresses)."""
    from wagtail.models import Page

    from . import addresses

    original = Page.get_url_parts
    if getattr(original, "adds_path_prefix", False):
        return

    def get_url_parts(self, request=None):
        parts = original(self, request=request)
        if parts is None or parts[2] is None:
            return parts
        return addresses.url_parts(*parts, request=request)

    get_url_parts.adds_path_prefix = True
    Page.get_url_parts = get_url_parts
