"""What the importer remembers: old URLs of imported pages, imported media, imported files."""

from django.db import models
from wagtail.models import Page, Site


class LegacyURL(models.Model):
    """An address of the old portal that now answers with a 301 to `page` (see redirects.py).

    `key` is a normalised form of the address (redirects.url_keys): "path:/web/..." for the
    path of a friendly URL, "article:12345" for a Liferay articleId in the query string.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    url = models.TextField("original URL", blank=True)

    class Meta:
        verbose_name = "legacy URL"
        constraints = [models.UniqueConstraint(fields=["site", "key"], name="legacy_url_site_key")]

    def __str__(self):
        return f"{self.key} -> {self.page_id}"


class LegacyMedia(models.Model):
    """An image or document imported from a legacy page, by the SHA-256 of its content."""

    sha256 = models.CharField(max_length=64, unique=True)
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")

    class Meta:
        verbose_name = "legacy media file"


class ImportedFile(models.Model):
    """The journal of `import-legacy`: a file imported into a site, by its content hash.

    A later run skips a file whose content (SHA-256) was imported already, without parsing
    it again, wherever the file now lies. `path` is where it was last seen, for people.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    sha256 = models.CharField(max_length=64)
    path = models.TextField(blank=True)
    articles = models.PositiveIntegerField(default=0)
    hit_count = models.PositiveBigIntegerField(null=True, blank=True)  # a text dump's counter (--counter)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported legacy file"
        constraints = [models.UniqueConstraint(fields=["site", "sha256"], name="legacy_imported_file_site_sha256")]
