"""Refusals in the admin are real 403 responses.

Wagtail turns every PermissionDenied in its admin views into a redirect to the dashboard
with a message. The board's rules must be visibly enforced by the server, so a refused
action answers 403 with the reason, and a link back to the dashboard.
"""

from django.shortcuts import render


def forbidden(request):
    from django.core.exceptions import PermissionDenied

    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return render(request, "editorial/forbidden.html", status=403)


def install():
    import wagtail.admin.auth

    wagtail.admin.auth.permission_denied = forbidden
