from django.db import models


class CachedFileTag(models.Model):
    """One dependency of one cached file: purging `tag` deletes `path`.

    Kept in the database so that several app servers sharing one database and one
    cache directory purge the same files.
    """

    tag = models.CharField(max_length=80, db_index=True)
    path = models.CharField(max_length=500, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "path"], name="pagecache_unique_tag_path")]

    def __str__(self):
        return f"{self.tag} → {self.path}"
