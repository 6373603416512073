import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_confirmation(question, page_url: str) -> bool:
    """E-mail the tracking code to the asker, if they gave an address. A failure is logged, not raised."""
    if not question.email:
        return False
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    lookup_url = (base + page_url if page_url.startswith("/") else page_url) + "tra-cuu/"
    body = render_to_string("questions/email/confirmation.txt", {"question": question, "lookup_url": lookup_url})
    try:
        send_mail(
            f"Đã nhận câu hỏi của bạn - mã tra cứu {question.tracking_code}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [question.email],
        )
    except Exception:  # the question is saved; a mail server problem must not lose it
        logger.exception("could not e-mail the tracking code of question %s", question.pk)
        return False
    return True
