"""Lets the head of the board and administrators read the survey's results."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles

GROUPS = [roles.HEAD, roles.ADMINISTRATOR]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    app_config = apps.get_app_config("satisfaction")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(content_type__app_label="satisfaction", codename="view_results")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="satisfaction"))


class Migration(migrations.Migration):
    dependencies = [
        ("satisfaction", "0001_initial"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
