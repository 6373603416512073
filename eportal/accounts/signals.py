from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import mark_activity


@receiver(user_logged_in)
def start_idle_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        mark_activity(request)
