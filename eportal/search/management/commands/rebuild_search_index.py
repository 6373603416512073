from django.core.management.base import BaseCommand

from eportal.search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the portal's search index from the published content."

    def handle(self, *args, **options):
        out = self.stdout if options["verbosity"] > 1 else None
        count = rebuild_index(stdout=out)
        self.stdout.write(f"Search index rebuilt: {count} entries.")
