from pathlib import Path

from django.core.management.base import BaseCommand

from eportal.operations.backups import eportal_version, restore_backup
from eportal.operations.errors import reported_as_command_errors


class Command(BaseCommand):
    help = (
        "Restore a backup written by `eportal backup` into this installation, whose database "
        "must be empty (not migrated) and whose media folders must be empty. Checksums are "
        "verified before anything is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, metavar="DIR")

    def handle(self, *args, directory, **options):
        with reported_as_command_errors():
            manifest = restore_backup(directory)
        self.stdout.write(f"Restored the backup of {manifest['created']} from {directory.absolute()}.")
        self.stdout.write(
            f"It was made by eportal {manifest['eportal_version']}; this is {eportal_version()}. Next: run "
            "`eportal migrate` (it applies newer migrations, if any), then restart the app and the timers."
        )
