from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .hitcounter import forget_start_value
from .models import HitCounterSettings


@receiver([post_save, post_delete], sender=HitCounterSettings)
def hit_counter_settings_changed(sender, instance, **kwargs):
    forget_start_value(instance.site_id)
