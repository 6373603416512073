from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import ConsultationComment

Status = ConsultationComment.Status


class ModerateBulkAction(SnippetBulkAction):
    """Set the status of the chosen comments, recording who did it and when."""

    models = [ConsultationComment]
    template_name = "consultations/admin/confirm_bulk_moderate.html"
    new_status = None
    question = ""
    button = ""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied("Bạn không có quyền duyệt góp ý.")
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        # Ignore ids that are not numbers (a hand-edited address) instead of failing.
        return super().get_queryset(model, [i for i in object_ids if str(i).isdigit()])

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", obj)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "question": self.question, "button": self.button}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        updated = ConsultationComment.objects.filter(pk__in=[obj.pk for obj in objects]).update(
            status=cls.new_status, moderated_by=user, moderated_at=timezone.now()
        )
        return updated, 0

    def get_execution_context(self):
        return {"user": self.request.user}


class ApproveBulkAction(ModerateBulkAction):
    display_name = "Duyệt công khai"
    action_type = "approve"
    aria_label = "Duyệt công khai các góp ý đã chọn"
    action_priority = 10
    new_status = Status.APPROVED
    question = "Công khai các góp ý sau trên trang dự thảo?"
    button = "Duyệt công khai"

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Đã duyệt công khai {num_parent_objects} góp ý."


class HideBulkAction(ModerateBulkAction):
    display_name = "Không công khai"
    action_type = "hide"
    aria_label = "Không công khai các góp ý đã chọn"
    action_priority = 20
    new_status = Status.HIDDEN
    question = "Không công khai các góp ý sau?"
    button = "Không công khai"

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"Đã chuyển {num_parent_objects} góp ý sang không công khai."
