from wagtail import hooks

from .admin_views import QuestionViewSet


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()


@hooks.register("register_log_actions")
def register_question_log_actions(actions):
    actions.register_action("questions.assign", "Phân công trả lời", "Đã phân công trả lời")
    actions.register_action("questions.answer", "Trả lời câu hỏi", "Đã trả lời câu hỏi")
    actions.register_action("questions.reject", "Từ chối câu hỏi", "Đã từ chối câu hỏi")
    actions.register_action("questions.publish", "Công khai câu trả lời", "Đã công khai câu trả lời")
    actions.register_action("questions.unpublish", "Gỡ công khai câu trả lời", "Đã gỡ công khai câu trả lời")
