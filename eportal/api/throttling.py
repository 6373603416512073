import hashlib
import hmac

from django.conf import settings
from django.utils import timezone
from ninja.conf import settings as ninja_settings
from ninja.throttling import AnonRateThrottle

ANON_RATE = "60/min"


class AnonymousRateThrottle(AnonRateThrottle):
    """ninja's anonymous throttle, keyed on a daily-salted hash of the address, never the address.

    X-Forwarded-For is trusted only when NINJA_NUM_PROXIES says how many proxies add to it;
    otherwise anyone could dodge the limit by sending a new one with every request.
    """

    def get_ident(self, request):
        if ninja_settings.NUM_PROXIES is not None:
            address = super().get_ident(request) or ""
        else:
            address = request.META.get("REMOTE_ADDR", "")
        day = timezone.localdate().isoformat()
        return hmac.new(settings.SECRET_KEY.encode(), f"api|{day}|{address}".encode(), hashlib.sha256).hexdigest()[:32]
