"""Wagtail's publish_scheduled, which leaves archived sites alone.

An archived site is read-only (eportal.core.archive): a publication or an expiry that was
scheduled before the site was archived is cancelled rather than carried out, and said so.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Page, Revision

from eportal.core.archive import first_archive


def cancel_schedules_in_archives() -> tuple[int, int]:
    """(publications, expiries) cancelled on pages of archived sites."""
    publications = 0
    for revision in Revision.page_revisions.filter(approved_go_live_at__isnull=False):
        page = Page.objects.filter(pk=revision.object_id).first()
        if page is not None and first_archive([page]):
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            publications += 1
    expiries = 0
    for page in Page.objects.filter(live=True, expire_at__isnull=False):
        if first_archive([page]):
            Page.objects.filter(pk=page.pk).update(expire_at=None)
            expiries += 1
    return publications, expiries


class Command(WagtailCommand):
    help = "Publish and unpublish scheduled pages, except on archived sites (their schedules are cancelled)."

    def handle(self, *args, **options):
        if not options.get("dryrun"):
            publications, expiries = cancel_schedules_in_archives()
            if publications or expiries:
                self.stdout.write(
                    f"Archived sites are read-only: cancelled {publications} scheduled publication(s) "
                    f"and {expiries} scheduled expiry(ies)."
                )
        super().handle(*args, **options)
