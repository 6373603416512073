from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from .weeks import Week, day_label

INVALID_WEEK = "Tuần “{value}” không hợp lệ (ví dụ đúng: {example}). Đang hiển thị lịch tuần hiện tại."
END_BEFORE_START = "Giờ kết thúc phải sau giờ bắt đầu."


class WorkSchedulePage(RoutablePageMixin, Page):
    """Lịch công tác: the leaders' schedule, one ISO week at a time (?tuan=2026-W48)."""

    intro = models.TextField(
        "Giới thiệu", blank=True,
        help_text="Ví dụ: Lịch công tác tuần của Thường trực Huyện ủy và Lãnh đạo UBND huyện.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    template = "schedule/work_schedule_page.html"
    print_template = "schedule/work_schedule_print.html"

    class Meta:
        verbose_name = "Lịch công tác"
        verbose_name_plural = "Lịch công tác"

    @path("")
    def week_view(self, request):
        current = Week.containing(timezone.localdate())
        raw = request.GET.get("tuan", "").strip()
        week, note = current, ""
        if raw:
            try:
                week = Week.parse(raw)
            except ValueError:
                note = INVALID_WEEK.format(value=raw[:20], example=current.param)
        context = {
            "week": week,
            "current_week": current,
            "week_note": note,
            "days": self.days_of(week),
        }
        template = self.print_template if request.GET.get("in") == "1" else self.template
        return self.render(request, context_overrides=context, template=template)

    def days_of(self, week):
        """The week's days with their entries, in one query. Weekend days only when they have entries."""
        today = timezone.localdate()
        by_day = {day: [] for day in week.days()}
        entries = ScheduleEntry.objects.filter(page_id=self.pk, date__range=(week.monday, week.sunday))
        for entry in entries.order_by("date", "start_time", "pk") if self.pk else []:
            by_day[entry.date].append(entry)
        return [
            {"date": day, "label": day_label(day), "entries": entries, "is_today": day == today}
            for day, entries in by_day.items()
            if entries or day.weekday() < 5
        ]


class ScheduleEntryForm(WagtailAdminModelForm):
    class Meta:
        error_messages = {
            "date": {"required": "Hãy nhập ngày.", "invalid": "Ngày không hợp lệ."},
            "start_time": {"required": "Hãy nhập giờ bắt đầu.", "invalid": "Giờ không hợp lệ."},
            "end_time": {"invalid": "Giờ không hợp lệ."},
            "content": {"required": "Hãy nhập nội dung công việc."},
            "page": {"required": "Hãy chọn trang Lịch công tác."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "page" in self.fields and not self.instance.pk and not self.initial.get("page"):
            only = list(self.fields["page"].queryset.values_list("pk", flat=True)[:2])
            if len(only) == 1:
                self.initial["page"] = only[0]


class ScheduleEntry(models.Model):
    """One item of the schedule: what, when, who presides, who attends, where."""

    page = models.ForeignKey(
        WorkSchedulePage, verbose_name="Trang lịch công tác", on_delete=models.CASCADE, related_name="entries"
    )
    date = models.DateField("Ngày", db_index=True)
    start_time = models.TimeField("Giờ bắt đầu")
    end_time = models.TimeField("Giờ kết thúc", null=True, blank=True)
    content = models.TextField("Nội dung")
    presiding = models.CharField(
        "Chủ trì", max_length=255, blank=True, help_text="Chức danh người chủ trì, ví dụ: Lãnh đạo UBND huyện."
    )
    participants = models.TextField("Thành phần", blank=True)
    place = models.CharField("Địa điểm", max_length=255, blank=True)
    notes = models.TextField("Ghi chú", blank=True)

    base_form_class = ScheduleEntryForm
    panels = [
        FieldPanel("page", widget=forms.Select),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")], heading="Thời gian"),
        FieldPanel("content", widget=forms.Textarea(attrs={"rows": 3})),
        MultiFieldPanel(
            [FieldPanel("presiding"), FieldPanel("participants", widget=forms.Textarea(attrs={"rows": 2})),
             FieldPanel("place"), FieldPanel("notes", widget=forms.Textarea(attrs={"rows": 2}))],
            heading="Chủ trì, thành phần, địa điểm",
        ),
    ]

    class Meta:
        verbose_name = "Mục lịch công tác"
        verbose_name_plural = "Lịch công tác"
        ordering = ["-date", "start_time", "pk"]
        indexes = [models.Index(fields=["page", "date", "start_time"])]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} – {self.content[:80]}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": END_BEFORE_START})

    @property
    def time_label(self):
        if self.end_time:
            return f"{self.start_time:%H:%M} – {self.end_time:%H:%M}"
        return f"{self.start_time:%H:%M}"

    @property
    def date_label(self):
        return day_label(self.date)
