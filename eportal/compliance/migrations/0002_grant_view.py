"""Lets the head of the board and administrators see the compliance check and set its rules."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles

GROUPS = [roles.HEAD, roles.ADMINISTRATOR]
CODENAMES = ["view_compliance", "change_compliancerules"]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    app_config = apps.get_app_config("compliance")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="compliance", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="compliance"))


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0001_rules"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
