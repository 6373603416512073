import logging
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

logger = logging.getLogger(__name__)

# Jobs that must run on a timer: scheduled publishing and unpublishing of pages, and
# writing hits buffered in Redis to the database.
JOBS = ["publish_scheduled", "flush_hit_counter"]


class Command(BaseCommand):
    help = (
        "Run the portal's periodic jobs (scheduled publishing, hit counter flush) every "
        "--interval seconds. Use --once from cron or a systemd timer."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=30, help="seconds between runs (default 30)")
        parser.add_argument("--once", action="store_true", help="run the jobs once and exit")

    def handle(self, *args, interval, once, **options):
        if interval < 1:
            from django.core.management.base import CommandError

            raise CommandError("--interval must be at least 1 second.")
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while True:
            self.run_jobs()
            if once:
                return
            for _ in range(interval):
                if stopping:
                    return
                time.sleep(1)
            # A long-running loop must not keep a connection the database has dropped.
            close_old_connections()

    def run_jobs(self):
        for job in JOBS:
            try:
                call_command(job, verbosity=0, stdout=self.stdout)
            except Exception:  # a failing job must not stop the others or the loop
                logger.exception("Periodic job %s failed", job)
