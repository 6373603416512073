"""Creates the editorial board's groups and the two-step approval workflow.

Replaces Wagtail's initial "Moderators"/"Editors" groups (when nobody belongs to them)
and its one-step "Moderators approval" workflow.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles


def create_all_permissions(apps):
    # Permissions are normally created after all migrations; this migration needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def forwards(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()

    groups = {}
    for role in roles.ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        groups[role] = group
        for dotted in roles.MODEL_PERMISSIONS[role]:
            group.permissions.add(permission(apps, *dotted.split(".")))
        for codename in roles.PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
            )
        for codename in roles.COLLECTION_PERMISSIONS[role]:
            app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, app_label, codename)
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, _ = Workflow.objects.get_or_create(name=roles.WORKFLOW, defaults={"active": True})
    for order, (name, role) in enumerate([(roles.EDITOR_TASK, roles.EDITOR), (roles.HEAD_TASK, roles.HEAD)]):
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=name, defaults={"content_type": task_type, "active": True}
        )
        task.groups.set([groups[role]])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    WorkflowPage.objects.filter(page=root_page).delete()
    WorkflowPage.objects.create(page=root_page, workflow=workflow)
    Workflow.objects.filter(name="Moderators approval").update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
