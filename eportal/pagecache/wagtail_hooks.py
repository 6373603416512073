from wagtail import hooks

from .recorder import record, tree_tag

# Page types that show the tree of sections below their parent (the home page).
WHOLE_TREE_PAGE_TYPES = {"core.htmlsitemappage"}


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    """An index page (documents, procedures, videos...) lists its descendants.

    The home page (a site root) is left out: it records the categories it shows.
    """
    if page.depth <= 2:
        return
    record(tree_tag(page))
    if page.specific_class._meta.label_lower in WHOLE_TREE_PAGE_TYPES:
        record(f"tree:{page.path[: -page.steplen]}")
