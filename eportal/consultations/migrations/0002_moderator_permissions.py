"""Editors and the head of the board moderate comments on drafts (view and change)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles

MODERATORS = [roles.EDITOR, roles.HEAD]
CODENAMES = ["view_consultationcomment", "change_consultationcomment"]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="consultations", codename__in=CODENAMES)
    for name in MODERATORS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="consultations", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=MODERATORS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
