from .contact import ContactPage, ContactPoint
from .english import EnglishContactPoint, EnglishPage
from .people import Department, DepartmentsPage, Leader, LeadershipPage
from .section import AboutPage
from .spokesperson import SpokespersonPage

__all__ = [
    "AboutPage",
    "ContactPage",
    "ContactPoint",
    "Department",
    "DepartmentsPage",
    "EnglishContactPoint",
    "EnglishPage",
    "Leader",
    "LeadershipPage",
    "SpokespersonPage",
]
