"""Pieces shared by the section's page types."""

from wagtail.models import Site

from eportal.core.fragments import cached_fragment
from eportal.core.richtext import CleanedBodyMixin  # noqa: F401 (re-exported for the section's pages)

from ..structured_data import organisation


class VietnamesePageMixin:
    """A Vietnamese page of the section: it links to the site's English page, when there is
    one, and describes the agency in JSON-LD, built from the site identity.

    Subclasses add their own context in `section_context` and extend `structured_data`.
    """

    def english_link(self, request):
        """{"url", "full_url"} of the site's English page, or None; cached until the next publish."""
        from .english import EnglishPage

        site = Site.find_for_request(request)
        if site is None:
            return None

        def build():
            page = EnglishPage.objects.live().public().descendant_of(site.root_page).order_by("path").first()
            return {"url": page.get_url(request), "full_url": page.get_full_url(request)} if page else {}

        return cached_fragment("about-english-link", site.pk, build) or None

    def section_context(self, request):
        return {}

    def structured_data(self, request, identity, context):
        return organisation(request, identity)

    def get_context(self, request, *args, **kwargs):
        from eportal.core.models import SiteIdentity

        context = super().get_context(request, *args, **kwargs)
        context.update(self.section_context(request))
        context["identity"] = identity = SiteIdentity.for_request(request)
        context["english_link"] = self.english_link(request)
        context["structured_data"] = self.structured_data(request, identity, context)
        return context
