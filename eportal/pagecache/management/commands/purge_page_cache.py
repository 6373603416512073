from django.core.management.base import BaseCommand, CommandError

from eportal.pagecache import store


class Command(BaseCommand):
    help = (
        "Delete cached pages: all of them (--all, e.g. daily at midnight for pages that "
        "depend on the date), or those depending on the given tags (e.g. page:12)."
    )

    def add_arguments(self, parser):
        parser.add_argument("tags", nargs="*", help="dependency tags, e.g. page:12 tree:00010002 sitemap")
        parser.add_argument("--all", action="store_true", help="delete every cached page")

    def handle(self, *args, tags, all, **options):
        if store.cache_dir() is None:
            raise CommandError("The page cache is off (EPORTAL_PAGE_CACHE_DIR is empty).")
        if all == bool(tags):
            raise CommandError("Give either --all or one or more tags.")
        count = store.purge_all() if all else store.purge(tags)
        self.stdout.write(f"Deleted {count} cached page(s).")
