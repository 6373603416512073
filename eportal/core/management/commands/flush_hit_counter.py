from django.core.management.base import BaseCommand
from redis.exceptions import RedisError
from wagtail.models import Site

from eportal.core.hitcounter import RedisCounter, get_counter


class Command(BaseCommand):
    help = (
        "Write the hits buffered in Redis into the database and set the running totals "
        "again from the database (run it on a timer)."
    )

    def handle(self, *args, **options):
        counter = get_counter()
        moved = 0
        try:
            for site in Site.objects.all():
                moved += counter.flush(site.pk)
                if isinstance(counter, RedisCounter):
                    counter.resync(site.pk)
        except RedisError as error:  # the hits wait in Redis, or are counted in the database meanwhile
            if options["verbosity"] >= 1:
                self.stderr.write(f"Redis is unreachable ({error}); nothing flushed this time.")
            return
        if options["verbosity"] >= 1:
            self.stdout.write(f"Flushed {moved} buffered hits.")
