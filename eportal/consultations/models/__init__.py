from .comments import ConsultationComment
from .pages import ConsultationAttachment, ConsultationIndexPage, ConsultationPage

__all__ = ["ConsultationAttachment", "ConsultationComment", "ConsultationIndexPage", "ConsultationPage"]
