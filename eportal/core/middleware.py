from django.conf import settings


class TrustedProxyMiddleware:
    """Take the client address from X-Forwarded-For when the request comes from our proxy.

    Behind nginx every request arrives from 127.0.0.1; the hit counter's "Đang online",
    rate limits and the survey's one-rating-a-day need the visitor's address. Only the
    proxies listed in EPORTAL_TRUSTED_PROXIES are believed, and only the address the
    nearest of them saw (the last one in the header), which a client cannot forge.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = set(settings.EPORTAL_TRUSTED_PROXIES)

    def __call__(self, request):
        if self.trusted and request.META.get("REMOTE_ADDR") in self.trusted:
            forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
            if forwarded:
                request.META["REMOTE_ADDR"] = forwarded[-1]
        return self.get_response(request)
