"""The routers mounted under /api/v1/: ours, and those other apps provide when they exist.

Each entry is (URL prefix, dotted path of a module defining `router = Router(...)`). A
module that does not exist yet is skipped; one that fails to import is logged and
skipped, so that a broken section never takes the API (or the portal's URLs) down.
"""

import importlib
import logging

from ninja import Router

logger = logging.getLogger(__name__)

ROUTERS = [
    ("/articles", "eportal.api.articles"),
    ("/documents", "eportal.documents.api"),
    ("/procedures", "eportal.procedures.api"),
]


def _missing(exc: ModuleNotFoundError, dotted: str) -> bool:
    """Is the missing module the one we asked for (or a package on its path)?"""
    return bool(exc.name) and (dotted == exc.name or dotted.startswith(exc.name + "."))


def available_routers(entries=None):
    """(prefix, router) for each entry whose module imports and defines a Router."""
    found = []
    for prefix, dotted in ROUTERS if entries is None else entries:
        try:
            module = importlib.import_module(dotted)
        except ModuleNotFoundError as exc:
            if not _missing(exc, dotted):
                logger.exception("API router %s could not be imported", dotted)
            continue
        except Exception:
            logger.exception("API router %s could not be imported", dotted)
            continue
        router = getattr(module, "router", None)
        if not isinstance(router, Router):
            logger.warning("API module %s defines no `router = Router(...)`", dotted)
            continue
        found.append((prefix, router))
    return found
