"""Log records carry the request id; LOG_FORMAT=json writes one JSON object a line.

Loaded by the LOGGING setting, before the apps: nothing here may import models.
"""

import json
import logging
from datetime import datetime, timezone

from .requestid import current_request


class RequestContextFilter(logging.Filter):
    """Adds request_id, method and path of the request being handled ('-' outside one)."""

    def filter(self, record):
        info = current_request.get()
        if not hasattr(record, "request_id"):
            record.request_id = info.id if info else "-"
        if info is not None:
            record.__dict__.setdefault("method", info.method)
            record.__dict__.setdefault("path", info.path)
        return True


class JsonFormatter(logging.Formatter):
    """time, level, logger, message, request_id, and method, path, status, duration_ms
    and exc_info when known. The traceback goes to the log only, never to a visitor."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for field, attribute in (("method", "method"), ("path", "path"), ("status", "status_code"), ("duration_ms", "duration_ms")):
            value = getattr(record, attribute, None)
            if value is not None:
                entry[field] = value
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
