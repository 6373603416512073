"""A citizen's question (câu hỏi) and the board's answer. Not a page: it is private until published."""

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.fields import RichTextField
from wagtail.models import Site

from eportal.core.richtext import clean_rich_text
from eportal.editorial import roles

from .. import tracking, workdays
from ..storage import attachment_path, private_storage
from ..validators import validate_vietnamese_phone

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]
ANONYMOUS = "Ẩn danh"


class Status(models.TextChoices):
    NEW = "new", "Mới nhận"
    ASSIGNED = "assigned", "Đã phân công"
    ANSWERING = "answering", "Đang trả lời"
    ANSWERED = "answered", "Đã trả lời"
    REJECTED = "rejected", "Từ chối"


# Questions still waiting for an answer: these can be late.
OPEN_STATUSES = [Status.NEW, Status.ASSIGNED, Status.ANSWERING]

BOARD_MEMBERS = Q(is_active=True) & (Q(is_superuser=True) | Q(groups__name__in=roles.ROLES[:3]))


def fold(text: str) -> str:
    """Lower-case ASCII text for searching without diacritics ("Đất đai" -> "dat dai")."""
    return anyascii(text or "").lower()


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_public=True, status=Status.ANSWERED)

    def overdue(self, today=None):
        return self.filter(status__in=OPEN_STATUSES, due_on__lt=today or timezone.localdate())

    def not_overdue(self, today=None):
        return self.exclude(status__in=OPEN_STATUSES, due_on__lt=today or timezone.localdate())

    def search(self, query: str):
        """Every word of `query` must appear in title, question or answer, diacritics ignored."""
        queryset = self
        for word in fold(query).split()[:8]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class Question(models.Model):
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name="Trang thông tin", null=True, on_delete=models.SET_NULL,
        related_name="questions", help_text="Cổng hoặc trang của xã, phường nhận câu hỏi này.",
    )
    tracking_code = models.CharField("Mã tra cứu", max_length=32, unique=True, editable=False)
    asker_name = models.CharField("Họ và tên người hỏi", max_length=200)
    hide_name = models.BooleanField(
        "Không công khai tên", default=False,
        help_text="Khi câu trả lời được công khai, người hỏi được ghi là “Ẩn danh”.",
    )
    email = models.EmailField("Thư điện tử", blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True, validators=[validate_vietnamese_phone])
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    sector = models.ForeignKey(
        "core.Sector", verbose_name="Lĩnh vực", null=True, on_delete=models.SET_NULL, related_name="questions"
    )
    title = models.CharField("Tiêu đề", max_length=255)
    question = models.TextField("Nội dung câu hỏi")
    attachment = models.FileField(
        "Tệp đính kèm", upload_to=attachment_path, storage=private_storage, blank=True, max_length=200
    )
    attachment_name = models.CharField("Tên tệp gốc", max_length=255, blank=True, editable=False)

    status = models.CharField("Trạng thái", max_length=20, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người được phân công", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="assigned_questions", limit_choices_to=BOARD_MEMBERS,
    )
    answer = RichTextField("Câu trả lời", blank=True, features=ANSWER_FEATURES)
    answered_by = models.CharField(
        "Cơ quan, người trả lời", max_length=255, blank=True,
        help_text="Hiện công khai cùng câu trả lời, ví dụ: Phòng Tư pháp huyện.",
    )
    answered_at = models.DateTimeField("Ngày trả lời", null=True, blank=True)
    is_public = models.BooleanField(
        "Công khai câu trả lời", default=False,
        help_text="Đăng câu hỏi và câu trả lời lên trang Hỏi đáp (không kèm thông tin liên hệ). "
        "Chỉ Trưởng ban biên tập được công khai.",
    )

    received_at = models.DateTimeField("Ngày nhận", default=timezone.now)
    due_on = models.DateField("Hạn trả lời", editable=False)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = "Câu hỏi"
        verbose_name_plural = "Câu hỏi"
        ordering = ["-received_at", "-pk"]
        permissions = [("publish_question", "Có thể công khai câu trả lời hỏi đáp")]
        indexes = [
            models.Index(fields=["is_public", "status", "answered_at"], name="questions_public_idx"),
            models.Index(fields=["status", "due_on"], name="questions_due_idx"),
        ]

    def __str__(self):
        return f"{self.tracking_code} - {self.title}" if self.tracking_code else self.title

    @property
    def public_name(self) -> str:
        return ANONYMOUS if self.hide_name else self.asker_name

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_STATUSES and bool(self.due_on) and timezone.localdate() > self.due_on

    @property
    def is_published(self) -> bool:
        return self.is_public and self.status == Status.ANSWERED

    def clean(self):
        errors = {}
        self.phone = self.phone.strip()
        if not self.email and not self.phone:
            message = "Vui lòng nhập ít nhất một cách liên hệ: thư điện tử hoặc số điện thoại."
            errors["email"] = message
            errors["phone"] = message
        if not (self.question or "").strip():
            errors["question"] = "Vui lòng nhập nội dung câu hỏi."
        answered = self.status == Status.ANSWERED
        if answered and not strip_tags(self.answer or "").strip():
            errors["answer"] = "Câu hỏi ở trạng thái “Đã trả lời” phải có câu trả lời."
        if answered and not self.answered_by.strip():
            errors["answered_by"] = "Ghi rõ cơ quan hoặc người trả lời."
        if self.is_public and not answered:
            errors["is_public"] = "Chỉ công khai được câu hỏi đã trả lời."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self._state.adding and self.site_id is None:
            # Created in code (demo content, imports): a one-site installation's only portal.
            self.site = Site.objects.filter(is_default_site=True).first()
        if not self.tracking_code:
            self.tracking_code = self._unused_tracking_code()
        self.answer = clean_rich_text(self.answer) if self.answer else ""
        if self.status == Status.ANSWERED and not self.answered_at:
            self.answered_at = timezone.now()
        self.due_on = workdays.answer_due_date(timezone.localdate(self.received_at), workdays.public_holidays())
        self.search_text = fold(" ".join([self.title, self.question, strip_tags(self.answer)]))
        if self.attachment and not self.attachment_name:
            self.attachment_name = self.attachment.name.rsplit("/", 1)[-1][:255]
        super().save(*args, **kwargs)

    @classmethod
    def _unused_tracking_code(cls):
        while True:
            code = tracking.new_tracking_code()
            if not cls.objects.filter(tracking_code=code).exists():
                return code


@receiver(post_delete, sender=Question)
def delete_attachment_file(sender, instance, **kwargs):
    """A deleted question takes its private attachment with it (once the deletion is committed)."""
    if instance.attachment:
        name, storage = instance.attachment.name, instance.attachment.storage
        transaction.on_commit(lambda: storage.delete(name))
