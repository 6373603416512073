from django.core.management.base import BaseCommand
from wagtail.models import Site

from eportal.core.hitcounter import get_counter


class Command(BaseCommand):
    help = "Write the hits buffered in Redis into the database (run it on a timer)."

    def handle(self, *args, **options):
        counter = get_counter()
        moved = sum(counter.flush(site.pk) for site in Site.objects.all())
        if options["verbosity"] >= 1:
            self.stdout.write(f"Flushed {moved} buffered hits.")
