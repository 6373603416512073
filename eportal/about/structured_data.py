"""schema.org data (JSON-LD) for the agency, its leaders, departments and contact points."""

import json

from django.utils.safestring import mark_safe

# Inside <script>, "</script>" or "<!--" in a value must not end or change the element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _compact(data):
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def organisation(request, identity, **extra):
    address = _compact({
        "@type": "PostalAddress",
        "streetAddress": identity.address,
        "addressRegion": identity.province,
        "addressCountry": "VN",
    })
    return _compact({
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": identity.agency_name or identity.portal_title,
        "url": request.build_absolute_uri("/"),
        "address": address,
        "telephone": identity.phone,
        "email": identity.email,
        **extra,
    })


def person(name, job_title, phone="", email="", image_url="", description=""):
    return _compact({
        "@type": "Person",
        "name": name,
        "jobTitle": job_title,
        "telephone": phone,
        "email": email,
        "image": image_url,
        "description": description,
    })


def contact_point(point):
    hours = {"@type": "OpeningHoursSpecification", "description": point.hours} if point.hours else None
    return _compact({
        "@type": "ContactPoint",
        "name": point.unit,
        "contactType": point.unit,
        "telephone": point.phone,
        "email": point.email,
        "description": point.address,
        "hoursAvailable": hours,
    })


def hotline_point(number, note):
    return _compact({"@type": "ContactPoint", "contactType": "Đường dây nóng", "telephone": number,
                     "description": note})


def leader(request, item, photo_spec):
    image_url = ""
    if item.photo:
        image_url = request.build_absolute_uri(item.photo.get_rendition(photo_spec).url)
    return person(item.full_name, item.position, item.phone, item.email, image_url, item.areas)


def department(item):
    head = person(item.head_name, item.head_title) if item.head_name else None
    return _compact({
        "@type": "GovernmentOrganization",
        "name": item.display_name,
        "address": item.display_address,
        "telephone": item.display_phone,
        "email": item.display_email,
        "description": item.functions,
        "employee": head,
    })
