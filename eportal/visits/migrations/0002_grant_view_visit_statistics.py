"""Lets the head of the board, the editors and administrators read the visit statistics."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles

GROUPS = [roles.HEAD, roles.ADMINISTRATOR, roles.EDITOR]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    app_config = apps.get_app_config("visits")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="visits", codename="view_visit_statistics")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="visits"))


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0001_visit_tally"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
