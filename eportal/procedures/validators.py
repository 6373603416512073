"""Validators for procedure codes and links to the public-service portals."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

# Codes of the national database of administrative procedures: "1.001193", "2.000488".
CODE_PATTERN = re.compile(r"^\d{1,2}\.\d{6}$")

# Hosts a procedure may send visitors to for online submission. "*.gov.vn" covers the
# provincial public-service portals (dichvucong.soctrang.gov.vn and the like).
DEFAULT_ONLINE_HOSTS = ["dichvucong.gov.vn", "*.gov.vn"]


def validate_procedure_code(value):
    if not CODE_PATTERN.match(value or ""):
        raise ValidationError(
            "Mã thủ tục không đúng định dạng. Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính "
            "gồm chữ số và một dấu chấm, ví dụ 1.001193.",
            code="invalid_code",
        )


def online_hosts():
    return getattr(settings, "EPORTAL_PROCEDURE_ONLINE_HOSTS", DEFAULT_ONLINE_HOSTS)


def host_allowed(hostname, patterns):
    hostname = (hostname or "").lower()
    for pattern in patterns:
        pattern = pattern.lower()
        if pattern.startswith("*."):
            if hostname.endswith(pattern[1:]) and len(hostname) > len(pattern) - 1:
                return True
        elif hostname == pattern:
            return True
    return False


def validate_online_url(value):
    try:
        parts = urlsplit(value)
        hostname = parts.hostname
    except ValueError:
        parts, hostname = None, None
    if parts is None or parts.scheme != "https":
        raise ValidationError(
            "Liên kết nộp hồ sơ trực tuyến phải bắt đầu bằng https:// (kết nối bảo mật).",
            code="not_https",
        )
    if parts.username or parts.password or not host_allowed(hostname, online_hosts()):
        raise ValidationError(
            "Liên kết nộp hồ sơ trực tuyến phải dẫn đến Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) "
            "hoặc một cổng dịch vụ công có tên miền .gov.vn.",
            code="host_not_allowed",
        )
