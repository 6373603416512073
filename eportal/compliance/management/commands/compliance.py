"""`eportal compliance [--json] [--site HOST]`: the compliance check of every site, for monitoring."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eportal.compliance.report import all_sites, report_for


class Command(BaseCommand):
    help = "Check what each site publishes against the legal requirements (the admin's “Tuân thủ” view)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print a JSON list of sites with their items.")
        parser.add_argument("--site", metavar="HOST", help="Only the site with this host name.")

    def handle(self, *args, **options):
        sites = all_sites()
        if options["site"]:
            host = options["site"].strip().lower()
            sites = sites.filter(hostname__iexact=host)
            if not sites:
                known = ", ".join(all_sites().values_list("hostname", flat=True)) or "none"
                raise CommandError(f"Unknown site host name: {options['site']!r}. Known sites: {known}.")
        today = timezone.localdate()
        reports = [report_for(site, today) for site in sites]
        if options["json"]:
            self.stdout.write(json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=2))
            return
        for report in reports:
            self._print_table(report)

    def _print_table(self, report):
        site = report.site
        self.stdout.write(f"{report.name} ({site.hostname}:{site.port}) — {report.status_label}")
        if report.archived:
            self.stdout.write("  Archived site: not checked.\n")
            return
        counts = report.counts
        self.stdout.write(f"  Đạt: {counts['green']}  Cần cập nhật: {counts['amber']}  Chưa đạt: {counts['red']}")
        width = max(len(item.rule.title) for item in report.items)
        for item in report.items:
            last = item.result.last_updated
            self.stdout.write(
                f"  {item.rule.title:<{width}}  {item.result.label:<12}  "
                f"{last.strftime('%d/%m/%Y') if last else '-':<10}  {item.result.reason}"
            )
        self.stdout.write("")
