"""Seed the usual document types (loại văn bản) and let the board manage them.

A type that already exists by name or slug is left as the editors made it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from eportal.documents.seeds import DOCUMENT_TYPES, ensure_document_type
from eportal.editorial import roles

# Who may add and change document types: the head of the board and the administrator.
ROLES = [roles.HEAD, roles.ADMINISTRATOR]
CODENAMES = ["add_documenttype", "change_documenttype", "delete_documenttype"]


def seed(apps, schema_editor):
    DocumentType = apps.get_model("documents", "DocumentType")
    for slug, _, _ in DOCUMENT_TYPES:
        ensure_document_type(DocumentType, slug)

    app_config = apps.get_app_config("documents")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(content_type__app_label="documents", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("editorial", "0001_roles_and_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
