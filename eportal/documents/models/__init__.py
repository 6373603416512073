from .document_type import DocumentType
from .pages import DocumentIndexPage, LegalDocumentAttachment, LegalDocumentPage

__all__ = ["DocumentIndexPage", "DocumentType", "LegalDocumentAttachment", "LegalDocumentPage"]
