from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.utils import timezone
from redis.exceptions import RedisError
from wagtail.models import Site

from eportal.core.hitcounter import RedisCounter, get_counter
from eportal.visits.recording import prune


class Command(BaseCommand):
    help = (
        "Write the hits and visits buffered in Redis into the database, set the running totals "
        "again from the database, and prune old daily visit rows once a day (run it on a timer)."
    )

    def handle(self, *args, **options):
        counter = get_counter()
        moved = 0
        try:
            for site in Site.objects.all():
                moved += counter.flush(site.pk)
                if isinstance(counter, RedisCounter):
                    counter.resync(site.pk)
                    counter.flush_visits(site.pk)
        except RedisError as error:  # the hits wait in Redis, or are counted in the database meanwhile
            if options["verbosity"] >= 1:
                self.stderr.write(f"Redis is unreachable ({error}); nothing flushed this time.")
            return
        finally:
            # Once a day: the daily rows of pages, referrers and devices past their keeping time.
            if cache.add(f"eportal:visits:pruned:{timezone.localdate()}", 1, 2 * 86400):
                prune()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Flushed {moved} buffered hits.")
