"""Lets editors and the head of the board handle information requests; nobody else (except superusers)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.editorial import roles

EDIT = ["add_informationrequest", "change_informationrequest", "view_informationrequest"]
GRANTS = {
    roles.EDITOR: EDIT,
    roles.HEAD: EDIT + ["delete_informationrequest"],
}


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    app_config = apps.get_app_config("access")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, codenames in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="access", codename__in=codenames)
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="access"))


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0001_initial"),
        ("editorial", "0001_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
