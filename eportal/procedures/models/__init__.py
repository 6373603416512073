from .index_page import ProcedureIndexPage
from .life_event import LifeEvent
from .procedure import DossierItem, LegalBasis, Level, ProcedurePage, ProcedureStep, SubmissionMethod

__all__ = [
    "DossierItem",
    "LegalBasis",
    "Level",
    "LifeEvent",
    "ProcedureIndexPage",
    "ProcedurePage",
    "ProcedureStep",
    "SubmissionMethod",
]
