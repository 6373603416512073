from django.core.management.base import BaseCommand

from eportal.demo.loader import load_demo
from eportal.demo.province import load_province_demo


class Command(BaseCommand):
    help = (
        "Load the demo portal (UBND Huyện Kế Sách) once; running it again changes nothing. "
        "With --province: a province installation (province portal, an example commune site, "
        "and the Kế Sách portal as an archive)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--province", action="store_true", help="Load the province installation instead.")

    def handle(self, *args, province=False, **options):
        if province:
            site = load_province_demo(stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(
                f"Province demo ready: {site.site_name} at /, the commune at /xa-ke-sach/, the archive at /huyen-ke-sach/"
            ))
            return
        site = load_demo(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo portal ready: {site.site_name}"))
