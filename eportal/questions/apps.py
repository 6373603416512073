from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "eportal.questions"
    label = "questions"
    verbose_name = "Hỏi đáp"
