from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator

MAX_TEXT_LENGTH = 5000


class ConsultationComment(models.Model):
    """A visitor's comment on a draft. Public only once a moderator approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ duyệt"
        APPROVED = "approved", "Đã duyệt - công khai"
        HIDDEN = "hidden", "Không công khai"

    page = models.ForeignKey(
        "consultations.ConsultationPage", verbose_name="Dự thảo", on_delete=models.CASCADE, related_name="comments",
    )
    name = models.CharField("Họ và tên", max_length=200)
    organisation = models.CharField("Cơ quan, tổ chức", max_length=255, blank=True)
    # Contact data: for the drafting agency only, never shown on the public site.
    email = models.EmailField("Thư điện tử", blank=True)
    phone = models.CharField("Số điện thoại", max_length=30, blank=True)
    article_ref = models.CharField("Góp ý cho Điều/khoản", max_length=200, blank=True)
    text = models.TextField("Nội dung góp ý", validators=[MaxLengthValidator(MAX_TEXT_LENGTH)])
    status = models.CharField(
        "Trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True,
    )
    created_at = models.DateTimeField("Thời gian gửi", default=timezone.now, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người duyệt", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    moderated_at = models.DateTimeField("Thời gian duyệt", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "Góp ý dự thảo"
        verbose_name_plural = "Góp ý dự thảo"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "status", "-created_at"], name="consult_comment_public")]

    def __str__(self):
        return f"{self.name}: {Truncator(self.text).chars(60)}"

    def excerpt(self):
        return Truncator(self.text).chars(120)

    excerpt.short_description = "Nội dung góp ý"

    def moderate(self, status, user):
        self.status = status
        self.moderated_by = user
        self.moderated_at = timezone.now()
