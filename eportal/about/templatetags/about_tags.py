from django import template

from ..structured_data import json_ld_script
from ..validators import phone_digits

register = template.Library()


@register.simple_tag
def json_ld(data):
    return json_ld_script(data) if data else ""


@register.filter
def tel_href(number):
    """A tel: link target for a number as typed: "0299 3 000 000" -> "tel:02993000000"."""
    return "tel:" + phone_digits(number)
