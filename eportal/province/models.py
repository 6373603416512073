"""A commune's article proposed to the province portal's news, and its shared copy there.

The shared copy is a page of the province site (so listings, "Tin đã đưa", RSS and the
page cache treat it as any article) whose content always follows the commune's original:
eportal.province.proposals.sync keeps it in step. Its canonical address is the original's.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from eportal.news.models import ArticlePage


class SharedArticlePage(ArticlePage):
    """An article of a component site shown in a province news category, never edited here."""

    original = models.ForeignKey(
        "news.ArticlePage", verbose_name="Bài gốc", null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="shared_copies",
    )

    is_creatable = False
    parent_page_types = ["news.NewsCategoryPage"]
    subpage_types = []
    template = "news/article_page.html"
    # The original is indexed and is the canonical page: eportal.search skips copies.
    indexed_elsewhere = True

    class Meta:
        verbose_name = "Tin từ trang thành phần"
        verbose_name_plural = "Tin từ trang thành phần"

    @property
    def shared_source(self) -> dict | None:
        """{"url": the original's full URL, "name": its site's portal title}, cached per content version."""
        if self.original_id is None:
            return None
        from eportal.core.fragments import cached_fragment

        from .proposals.sync import source_of

        return cached_fragment(f"shared-source:{self.pk}", 0, lambda: source_of(self.original_id))

    def canonical_elsewhere(self, request=None) -> str:
        """The address search engines should index: the original's (eportal.news.metadata)."""
        source = self.shared_source
        return source["url"] if source else ""

    def get_sitemap_urls(self, request=None):
        return []  # the original's site lists it


class ProvinceProposal(models.Model):
    """A commune article proposed to a news category of the province portal."""

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ duyệt"
        APPROVED = "approved", "Đã duyệt"
        REFUSED = "refused", "Từ chối"

    article = models.ForeignKey(
        "news.ArticlePage", verbose_name="Tin bài", on_delete=models.CASCADE, related_name="province_proposals",
    )
    category = models.ForeignKey(
        "news.NewsCategoryPage", verbose_name="Chuyên mục trên cổng tỉnh", on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField("Trạng thái", max_length=16, choices=Status.choices, default=Status.PENDING)
    note = models.TextField("Ghi chú của người đề xuất", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người đề xuất", null=True, on_delete=models.SET_NULL, related_name="+",
    )
    proposed_at = models.DateTimeField("Thời gian đề xuất", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người duyệt", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField("Thời gian duyệt", null=True, blank=True)
    reason = models.TextField("Lý do từ chối", blank=True)
    shared_page = models.ForeignKey(
        SharedArticlePage, verbose_name="Tin trên cổng tỉnh", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = "Đề xuất đưa tin lên cổng tỉnh"
        verbose_name_plural = "Đề xuất đưa tin lên cổng tỉnh"
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article"], condition=Q(status="pending"), name="province_one_open_proposal_per_article",
            ),
        ]
        indexes = [models.Index(fields=["status", "proposed_at"], name="province_proposal_status")]

    def __str__(self):
        return f"{self.article.title} → {self.category.title}"


# The shared copies follow their originals from the moment the app is loaded.
from .proposals import sync  # noqa: E402

sync.connect()
