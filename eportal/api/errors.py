"""JSON errors with Vietnamese messages, in one shape: {"detail": ..., "errors": [...]}."""

import logging

from django.http import Http404
from ninja import Schema
from ninja.errors import HttpError, Throttled, ValidationError

logger = logging.getLogger(__name__)

NOT_FOUND = "Không tìm thấy."
INVALID = "Tham số không hợp lệ."
THROTTLED = "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."
SERVER_ERROR = "Lỗi hệ thống. Vui lòng thử lại sau."

# pydantic error types -> what is wrong with the value, in Vietnamese.
_REASONS = {
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "date_parsing": "phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)",
    "date_from_datetime_parsing": "phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)",
    "date_from_datetime_inexact": "phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)",
    "date_type": "phải là ngày theo dạng NNNN-TT-NN (ví dụ 2015-11-11)",
    "string_too_long": "dài quá {max_length} ký tự",
    "string_too_short": "phải có ít nhất {min_length} ký tự",
    "string_pattern_mismatch": "chứa ký tự không được phép",
    "string_type": "phải là chuỗi ký tự",
    "missing": "là bắt buộc",
}


class ErrorItem(Schema):
    loc: list[str]
    msg: str


class ErrorOut(Schema):
    detail: str
    errors: list[ErrorItem] = []


class BadParameter(Exception):
    """A query parameter that is well-formed but unusable (an unknown category, a reversed range)."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


def _message(error: dict) -> str:
    loc = [str(part) for part in error.get("loc", ())]
    name = loc[-1] if loc else ""
    reason = _REASONS.get(error.get("type", ""), "có giá trị không hợp lệ")
    try:
        reason = reason.format(**error.get("ctx", {}))
    except (KeyError, IndexError, ValueError):
        reason = "có giá trị không hợp lệ"
    return f"Tham số “{name}” {reason}." if name else f"Dữ liệu {reason}."


def install(api):
    """Register the handlers on a NinjaAPI."""

    def error(request, status, detail, errors=()):
        return api.create_response(request, {"detail": detail, "errors": list(errors)}, status=status)

    def on_validation_error(request, exc: ValidationError):
        items = [
            {"loc": [str(part) for part in e.get("loc", ())], "msg": _message(e)} for e in exc.errors
        ]
        return error(request, 422, INVALID, items)

    def on_bad_parameter(request, exc: BadParameter):
        return error(request, 422, INVALID, [{"loc": ["query", exc.name], "msg": exc.message}])

    def on_not_found(request, exc):
        message = str(exc)
        # Our own messages are Vietnamese and start with the word; anything else is generic.
        return error(request, 404, message if message.startswith("Không tìm thấy") else NOT_FOUND)

    def on_throttled(request, exc: Throttled):
        response = error(request, 429, THROTTLED)
        if exc.wait:
            response["Retry-After"] = str(max(1, int(exc.wait)))
        return response

    def on_http_error(request, exc: HttpError):
        return error(request, exc.status_code, str(exc))

    def on_exception(request, exc):
        logger.exception("API error on %s", request.path, exc_info=exc)
        return error(request, 500, SERVER_ERROR)

    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(BadParameter, on_bad_parameter)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(Throttled, on_throttled)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Exception, on_exception)
