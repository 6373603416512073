from .index import QuestionIndexPage
from .question import Question, Status

__all__ = ["Question", "QuestionIndexPage", "Status"]
