from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import DatabaseError


class BackupError(Exception):
    """A backup or restore that cannot go on; the message tells the operator why."""


@contextmanager
def reported_as_command_errors():
    """An operator gets one clear line, not a traceback, for the failures they can fix."""
    try:
        yield
    except BackupError as error:
        raise CommandError(str(error)) from None
    except DatabaseError as error:
        raise CommandError(f"Database error: {error}") from None
    except OSError as error:  # a full disk, a folder that cannot be written
        raise CommandError(str(error)) from None
