"""Admin panels that depend on apps which may not be installed yet."""

from django.apps import apps
from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser

LEGAL_DOCUMENT_PAGE = ("documents", "LegalDocumentPage")


def legal_document_model():
    """The Văn bản page model (documents.LegalDocumentPage), or None while it does not exist."""
    try:
        return apps.get_model(*LEGAL_DOCUMENT_PAGE)
    except LookupError:
        return None


class LegalDocumentChooserPanel(PageChooserPanel):
    """A page chooser limited to legal documents once that page type exists; any page before."""

    def get_form_options(self):
        options = super().get_form_options()
        model = legal_document_model()
        if model is not None:
            options.setdefault("widgets", {})[self.field_name] = AdminPageChooser(target_models=[model])
        return options
