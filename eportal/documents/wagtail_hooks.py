"""Admin: a flat list of all documents (Văn bản) with their number and type, filterable."""

from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import LegalDocumentPage


class LegalDocumentIndexView(IndexView):
    def get_base_queryset(self):
        # The listing loads specific pages; their type and issuing body come with them.
        return super().get_base_queryset().select_related(
            "document_type", "issuing_body", for_specific_subqueries=True
        )


class LegalDocumentListing(PageListingViewSet):
    model = LegalDocumentPage
    index_view_class = LegalDocumentIndexView
    icon = "doc-full-inverse"
    menu_label = "Văn bản"
    menu_order = 150
    add_to_admin_menu = True
    name = "van-ban"
    list_filter = ["document_type", "issuing_body", "validity", "issued_on"]
    columns = [
        BulkActionsColumn("bulk_actions"),
        Column("number", label="Số ký hiệu", sort_key="number_serial", width="14%"),
        PageTitleColumn("title", label="Trích yếu", sort_key="title", classname="title"),
        Column("document_type", label="Loại văn bản", width="12%"),
        Column("issuing_body", label="Cơ quan ban hành", width="16%"),
        DateColumn("issued_on", label="Ngày ban hành", sort_key="issued_on", width="12%"),
        PageStatusColumn("status", label="Trạng thái", sort_key="live", width="10%"),
    ]


@hooks.register("register_admin_viewset")
def register_document_listing():
    return LegalDocumentListing("van-ban")
