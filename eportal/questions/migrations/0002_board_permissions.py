"""Gives the editorial board's groups their permissions on questions.

Contributors and editors read, assign and answer questions; only the head of the board
(Trưởng ban biên tập) may make an answer public (`publish_question`) or delete a question.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles

PERMISSIONS = {
    roles.CONTRIBUTOR: ["view_question", "change_question"],
    roles.EDITOR: ["view_question", "add_question", "change_question"],
    roles.HEAD: ["view_question", "add_question", "change_question", "delete_question", "publish_question"],
}


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs them now.
    app_config = apps.get_app_config("questions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for role, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="questions", codename__in=codenames)
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="questions")
    for group in Group.objects.filter(name__in=list(PERMISSIONS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0001_initial"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
