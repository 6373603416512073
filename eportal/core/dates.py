import datetime

from django.utils import timezone


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day`, in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
