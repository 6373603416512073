from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from eportal.province.site_template import SiteTemplateError, create_site


def find_site(address: str) -> Site:
    """A site by host name, by path prefix, or by id."""
    from eportal.core.models import SiteIdentity

    site = Site.objects.filter(hostname=address).first()
    if site is None:
        identity = SiteIdentity.objects.filter(path_prefix=address.strip("/")).select_related("site").first()
        site = identity.site if identity else None
    if site is None and address.isdigit():
        site = Site.objects.filter(pk=int(address)).first()
    if site is None:
        raise CommandError(f"No site has the host name, path prefix or id {address!r}.")
    return site


class Command(BaseCommand):
    help = (
        "Create a component site (a commune, a department) from a template site: home page, categories and "
        "section pages, menu, links, identity, media collection, editorial groups and approval workflow."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help='The site\'s name, shown as its portal title, e.g. "Cổng thông tin điện tử xã Kế Sách".')
        parser.add_argument("--host", default="", help="Its own host name, e.g. kesach.cantho.gov.vn.")
        parser.add_argument("--prefix", default="", help="Its path on the province portal, e.g. xa-ke-sach.")
        parser.add_argument("--template", default="", help="Host name, prefix or id of the site to copy (default: the province portal).")
        parser.add_argument("--agency", default="", help='The agency, e.g. "UBND xã Kế Sách".')
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, name, host, prefix, template, agency, port, **options):
        template_site = find_site(template) if template else None
        try:
            made = create_site(name, hostname=host, prefix=prefix.strip("/"), template=template_site, agency=agency, port=port)
        except SiteTemplateError as error:
            raise CommandError(str(error)) from None
        where = f"/{prefix.strip('/')}/" if prefix else f"http://{host}/"
        self.stdout.write(self.style.SUCCESS(f"Created {name!r} at {where}: {made.pages} pages, collection {made.collection.name!r}."))
        for group in made.groups:
            self.stdout.write(f"  group: {group.name}")
        self.stdout.write(f"  workflow: {made.workflow.name}")
