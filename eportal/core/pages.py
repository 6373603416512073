from wagtail.models import Page


def publish_child(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` and publish it as a first revision."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
