"""Content-Security-Policy and Permissions-Policy on every response the app sends.

The public pages run only the portal's own files: no inline script, no inline style, nothing
from another origin. Wagtail's admin still has inline scripts and style attributes, so it
gets its own policy that allows those but keeps everything else on the portal's origin.
Django's SecurityMiddleware sends the other headers (nosniff, Referrer-Policy,
Cross-Origin-Opener-Policy, HSTS). deploy/nginx sends the same for the files it serves
itself; tests/security/test_headers.py keeps the two in step.
"""

ADMIN_PREFIX = "/admin/"

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    # The hit counter frame is embedded by the portal's own pages; no other site may frame us.
    "frame-ancestors": ["'self'"],
    # Browsers check every redirect after a form is sent: without JavaScript the "Liên kết
    # Website" form goes through /lien-ket/, which redirects to the chosen (https) site.
    "form-action": ["'self'", "https:"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "form-action": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Upload previews are blob: URLs; the editor's icon font may be inlined.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
}

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def policy_header(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


PUBLIC_CSP = policy_header(PUBLIC_POLICY)
ADMIN_CSP = policy_header(ADMIN_POLICY)


def public_headers():
    """The headers of a public page, for responses made outside Django's middleware."""
    return [("Content-Security-Policy", PUBLIC_CSP), ("Permissions-Policy", PERMISSIONS_POLICY)]


class SecurityHeadersMiddleware:
    """Adds the policies unless the view chose its own (documents and attachments are sandboxed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        csp = ADMIN_CSP if request.path_info.startswith(ADMIN_PREFIX) else PUBLIC_CSP
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
