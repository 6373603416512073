"""A table-less model that only carries the permission to read the editorial statistics."""

from django.db import models


class EditorialReport(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", "Xem thống kê biên tập")]
        verbose_name = "Thống kê biên tập"
        verbose_name_plural = "Thống kê biên tập"
