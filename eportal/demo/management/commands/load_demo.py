from django.core.management.base import BaseCommand

from eportal.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo portal (UBND Huyện Kế Sách) once; running it again changes nothing."

    def handle(self, *args, **options):
        site = load_demo(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo portal ready: {site.site_name}"))
