import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from eportal.core.archive import banner_text
from eportal.core.models import SiteIdentity


def find_site(value: str) -> Site:
    """A site by host name, or by host:port when several sites share the host name."""
    hostname, _, port = value.strip().lower().rpartition(":") if ":" in value else (value.strip().lower(), "", "")
    sites = Site.objects.filter(hostname__iexact=hostname)
    if port:
        if not port.isdigit():
            raise CommandError(f"Bad port in {value!r}: use HOSTNAME or HOSTNAME:PORT.")
        sites = sites.filter(port=int(port))
    found = list(sites)
    if not found:
        known = ", ".join(f"{s.hostname}:{s.port}" for s in Site.objects.order_by("hostname", "port")) or "none"
        raise CommandError(f"No site with host name {value!r}. Known sites: {known}.")
    if len(found) > 1:
        ports = ", ".join(f"{s.hostname}:{s.port}" for s in found)
        raise CommandError(f"Several sites have host name {value!r} ({ports}): give HOSTNAME:PORT.")
    return found[0]


def parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"Bad date {value!r}: use YYYY-MM-DD, e.g. --until 2025-06-30.") from None


class Command(BaseCommand):
    help = (
        "Make a site an archive of a former portal: read-only, with a banner saying whose portal it "
        "was and until when (`eportal archive-site kesach.example.vn --until 2025-06-30`). "
        "--undo makes it editable again."
    )

    def add_arguments(self, parser):
        parser.add_argument("hostname", help="the site's host name (HOSTNAME or HOSTNAME:PORT)")
        parser.add_argument("--until", help="the portal's last day in service, YYYY-MM-DD")
        parser.add_argument(
            "--name",
            help="the former portal's name for the banner, e.g. \"Cổng thông tin điện tử UBND Huyện Kế Sách\" "
                 "(default: the portal title set in Cài đặt → Thông tin cổng)",
        )
        parser.add_argument("--undo", action="store_true", help="turn the archive off: the site is editable again")

    def handle(self, *args, hostname, until, name, undo, **options):
        if undo and (until or name):
            raise CommandError("--undo takes no --until or --name.")
        if not undo and not until:
            raise CommandError("Give --until YYYY-MM-DD (the portal's last day in service), or --undo.")
        day = None if undo else parse_date(until)
        if name is not None and not name.strip():
            raise CommandError("--name is empty.")
        if name is not None and len(name.strip()) > SiteIdentity._meta.get_field("archived_name").max_length:
            raise CommandError("--name is longer than 255 characters.")
        site = find_site(hostname)

        with transaction.atomic():
            identity = SiteIdentity.for_site(site)
            if undo:
                if not identity.archived:
                    self.stdout.write(f"Site {site.hostname}:{site.port} was not archived; nothing changed.")
                    return
                identity.archived = False
                identity.save(update_fields=["archived"])
                self.stdout.write(
                    f"Site {site.hostname}:{site.port} is no longer archived: no banner, its forms are open "
                    f"and its pages can be edited again."
                )
                return
            identity.archived = True
            identity.archived_until = day
            if name is not None:
                identity.archived_name = name.strip()
            identity.save()
        self.stdout.write(
            f"Archived site {site.hostname}:{site.port} (root page {site.root_page_id}): read-only, "
            f"forms closed. Banner: {banner_text(identity)}"
        )
