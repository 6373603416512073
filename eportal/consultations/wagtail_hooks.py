"""Moderation of comments in the admin, under its own menu item "Góp ý dự thảo".

Editors and the head of the board hold the view/change permissions (data migration
0002); nobody, not even a superuser, writes comments in the admin. A commune's board
moderates only the comments on its own site's drafts (eportal.province.access): the list,
every view of one comment and the bulk actions leave out the other sites' comments.
"""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from eportal.province.access import page_filter, scoped_urlpatterns

from .bulk_actions import ApproveBulkAction, HideBulkAction
from .forms import CommentModerationForm
from .models import ConsultationComment


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Comments come only from visitors: no one may add or copy one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and _in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and _in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions).filter(page_filter(user))


def _in_scope(user, comment) -> bool:
    condition = page_filter(user)
    return not condition or ConsultationComment.objects.filter(condition, pk=comment.pk).exists()


register_permission_policy(ConsultationComment, CommentPermissionPolicy(ConsultationComment), exact_class=True)


def read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class CommentViewSet(SnippetViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = "Góp ý dự thảo"
    menu_name = "gop-y-du-thao"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["excerpt", "name", "page", "status", "created_at"]
    list_filter = ["status", "page"]
    list_per_page = 50
    search_fields = ["name", "organisation", "text", "article_ref"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("status", heading="Trạng thái duyệt"),
            MultiFieldPanel(read_only("page", "article_ref", "text", "created_at"), heading="Góp ý"),
            MultiFieldPanel(
                read_only("name", "organisation", "email", "phone"),
                heading="Người góp ý (thông tin liên hệ không công khai)",
            ),
        ],
        base_form_class=CommentModerationForm,
    )

    def get_queryset(self, request):
        return ConsultationComment.objects.filter(page_filter(request.user)).select_related("page", "moderated_by")

    def get_urlpatterns(self):
        return scoped_urlpatterns(super().get_urlpatterns(), ConsultationComment, page_filter)


register_snippet(CommentViewSet)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", HideBulkAction)
