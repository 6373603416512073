from pathlib import Path

from django.core.management.base import BaseCommand

from eportal.operations.backups import create_backup
from eportal.operations.errors import reported_as_command_errors


class Command(BaseCommand):
    help = (
        "Write a consistent backup (database snapshot, media, private attachments and a manifest "
        "of checksums) to DIR, a new or empty folder. Restore it with `eportal restore DIR`."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, metavar="DIR")

    def handle(self, *args, directory, **options):
        with reported_as_command_errors():
            manifest = create_backup(directory)
        rows = sum(manifest["tables"].values())
        files = sum(manifest["media_files"].values())
        self.stdout.write(
            f"Backup written to {directory.absolute()}: {manifest['database']['engine']} database "
            f"({len(manifest['tables'])} tables, {rows} rows), {files} media files."
        )
