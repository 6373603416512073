"""Two-step verification (TOTP from an authenticator app, plus one-time backup codes)."""

import math
from base64 import b32encode

import segno
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
HAS_DEVICE_CACHE_SECONDS = 300


def _cache_key(user_id) -> str:
    return f"eportal-2fa:{user_id}"


def has_two_factor(user) -> bool:
    # Asked on every request of a signed-in user: remembered in the cache (dropped by the
    # signals below whenever a device changes) instead of two queries each time.
    key = _cache_key(user.pk)
    answer = cache.get(key)
    if answer is None:
        answer = user_has_device(user, confirmed=True)
        cache.set(key, answer, HAS_DEVICE_CACHE_SECONDS)
    return answer


@receiver([post_save, post_delete], sender=TOTPDevice)
@receiver([post_save, post_delete], sender=StaticDevice)
def _forget_has_two_factor(sender, instance, **kwargs):
    cache.delete(_cache_key(instance.user_id))


def two_factor_required(user) -> bool:
    return settings.EPORTAL_REQUIRE_2FA and user.has_perm("wagtailadmin.access_admin")


def confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user) -> TOTPDevice:
    """The not yet confirmed device whose key the setup page shows (kept across reloads)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=False)


def readable_key(device) -> str:
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device) -> str:
    # Drawn here as inline SVG: the secret never leaves the server for a QR service.
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title="Mã QR để thêm tài khoản vào ứng dụng xác thực"
    )


def new_backup_codes(user) -> list[str]:
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_backup_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def confirm(device, code) -> bool:
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def matching_device(user, code):
    """The user's confirmed device that accepts this code (each code works once), or None."""
    return match_token(user, code)


def throttle_wait_seconds(device) -> int:
    """Seconds before the authenticator app's codes are checked again after wrong ones.

    django-otp doubles this wait with every wrong code and only a right code clears it,
    so logging in again with the password does not buy fresh guesses.
    """
    if device is None:
        return 0
    allowed, info = device.verify_is_allowed()
    if allowed or not info or "locked_until" not in info:
        return 0
    return max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))


def remove_two_factor(user) -> None:
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=None):
            device.delete()
