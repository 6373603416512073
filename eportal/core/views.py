from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.models import Site

from .hitcounter import record_hit
from .models import WebsiteLink


def _site_or_404(request):
    site = Site.find_for_request(request)
    if site is None:
        from django.http import Http404

        raise Http404("Không có cổng thông tin nào ở địa chỉ này.")
    return site


def website_link_redirect(request):
    """Go to a registered "Liên kết Website" target; anything else is refused.

    This is what the links dropdown submits to when JavaScript is off.
    """
    site = _site_or_404(request)
    target = request.GET.get("url", "").strip()
    if not target:
        return render(
            request, "core/link_refused.html",
            {"message": "Bạn chưa chọn liên kết nào. Hãy chọn một trang trong danh sách."},
            status=400,
        )
    # A registered link is printable and fits its column; anything else is not looked up
    # (PostgreSQL rejects a NUL character in a query with an error).
    plausible = target.isprintable() and len(target) <= WebsiteLink._meta.get_field("url").max_length
    registered = plausible and WebsiteLink.objects.filter(owner__site=site, url=target).exists()
    if not registered:
        return render(
            request, "core/link_refused.html",
            {"message": "Địa chỉ này không có trong danh sách Liên kết Website của cổng."},
            status=400,
        )
    return HttpResponseRedirect(target)


@never_cache
@xframe_options_sameorigin
def hit_counter(request):
    """The counter frame: counts one page view and shows the total and who is online."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    site = _site_or_404(request)
    reading = record_hit(request, site)
    response = render(request, "core/hit_counter.html", {"reading": reading})
    response["X-Robots-Tag"] = "noindex"
    return response


@cache_control(public=True, max_age=86400)
def robots_txt(request):
    from eportal.province.addresses import addresses

    # Component sites served under a path prefix share this host's robots.txt.
    prefixes = [""] + [f"/{prefix}" for prefix in sorted(addresses().site_of_prefix)]
    lines = ["User-agent: *", "Disallow: /admin/"]
    for prefix in prefixes:
        lines += [f"Disallow: {prefix}/luot-truy-cap/", f"Disallow: {prefix}/lien-ket/", f"Disallow: {prefix}/tim-kiem/"]
    lines.append("")
    lines += [f"Sitemap: {request.build_absolute_uri(f'{prefix}/sitemap.xml')}" for prefix in prefixes]
    lines.append("")
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A refused form (expired session, blocked cookies) explained in Vietnamese."""
    return render(request, "core/csrf_failure.html", status=403)
