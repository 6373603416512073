from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site


@register_setting(icon="view")
class HitCounterSettings(BaseSiteSetting):
    """Settings of the "Lượt truy cập" portlet. The counted hits live in HitCount."""

    start_value = models.PositiveBigIntegerField(
        "Giá trị khởi đầu",
        default=0,
        help_text="Số lượt truy cập của cổng cũ, cộng vào số lượt đếm được trên cổng này.",
    )

    panels = [
        FieldPanel("start_value"),
        HelpPanel(
            "Số hiển thị = giá trị khởi đầu + số lượt truy cập đếm được. "
            "Số đếm được không bao giờ bị đặt lại."
        ),
    ]

    class Meta:
        verbose_name = "Bộ đếm truy cập"
        verbose_name_plural = "Bộ đếm truy cập"


class HitCount(models.Model):
    """Page views counted on this portal, per site (never reset)."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, related_name="hit_count")
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "Số lượt truy cập"


class OnlineVisitor(models.Model):
    """Last time a visitor (a daily-rotated keyed hash, never an IP) was seen.

    Used for "Đang online" when Redis is not configured.
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    visitor = models.CharField(max_length=64)
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "visitor"], name="core_online_visitor_unique")
        ]


class CounterGeneration(models.Model):
    """One lifetime of a site's running total in Redis, and how much of it reached the database.

    Redis may restart and forget the hits it buffered. Each app process remembers the hits it
    recorded by (generation, flush batch); flushes record here, in the same transaction as
    the count, the last batch they wrote. After a restart a process adds back exactly its
    hits of later batches (eportal.core.hitcounter.RedisCounter.recount).
    """

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    generation = models.CharField(max_length=32)
    flushed_epoch = models.BigIntegerField(default=-1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "generation"], name="core_counter_generation_unique")
        ]
