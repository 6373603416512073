from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from eportal.operations.retention import prune


class Command(BaseCommand):
    help = (
        "Delete old backups under ROOT (folders written by `eportal backup`), keeping the newest "
        "backup of each of the last --daily days, --weekly weeks and --monthly months."
    )

    def add_arguments(self, parser):
        parser.add_argument("root", type=Path, metavar="ROOT")
        parser.add_argument("--daily", type=int, default=7)
        parser.add_argument("--weekly", type=int, default=4)
        parser.add_argument("--monthly", type=int, default=12)
        parser.add_argument("--dry-run", action="store_true", help="only list what would be deleted")

    def handle(self, *args, root, daily, weekly, monthly, dry_run, **options):
        if min(daily, weekly, monthly) < 0:
            raise CommandError("--daily, --weekly and --monthly must not be negative.")
        if not root.is_dir():
            raise CommandError(f"{root} is not a directory.")
        kept, deleted = prune(root, daily, weekly, monthly, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for path in deleted:
            self.stdout.write(f"{verb} {path}")
        self.stdout.write(f"Kept {len(kept)} backup(s), {verb.lower()} {len(deleted)}.")
