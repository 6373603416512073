"""Visit history in compact aggregate tables: one row per site, period and dimension, never one per view.

A row counts the page views of people and of bots (eportal.visits.classify) in one period:
- the whole site per hour, day and month;
- each page, referring host and device class per day and month.
Years are the sum of their months. Daily rows of pages, referrers and devices are pruned after
EPORTAL_VISIT_DAYS_KEPT days (their months stay); the site's rows are kept for ever.
"""

from django.db import models
from wagtail.models import Site


class VisitTally(models.Model):
    HOUR, DAY, MONTH = "h", "d", "m"
    PERIODS = [(HOUR, "Giờ"), (DAY, "Ngày"), (MONTH, "Tháng")]
    SITE, PAGE, REFERRER, DEVICE = "site", "page", "referrer", "device"
    DIMENSIONS = [(SITE, "Toàn trang"), (PAGE, "Trang"), (REFERRER, "Nguồn truy cập"), (DEVICE, "Thiết bị")]

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    dimension = models.CharField(max_length=8, choices=DIMENSIONS)
    period = models.CharField(max_length=1, choices=PERIODS)
    start = models.DateTimeField(help_text="Start of the period, local time (Asia/Ho_Chi_Minh).")
    # "" for the site; a page id; a referring host ("" direct, "@" inside the portal); a device class.
    key = models.CharField(max_length=200, blank=True, default="")
    people = models.PositiveBigIntegerField(default=0)
    bots = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "Số liệu truy cập"
        verbose_name_plural = "Số liệu truy cập"
        default_permissions = ()
        permissions = [("view_visit_statistics", "Xem thống kê truy cập")]
        constraints = [
            # Also the index of every read: one site, one dimension and period, a range of starts.
            models.UniqueConstraint(
                fields=["site", "dimension", "period", "start", "key"], name="visits_tally_unique"
            )
        ]

    def __str__(self):
        return f"{self.site_id} {self.dimension}:{self.key} {self.period} {self.start:%Y-%m-%d %H:%M}"
