"""The editorial board's roles and its two-step approval workflow.

Applied by a data migration (0001_roles_and_workflow); kept here so that tests and a
future migration can read the same definitions.
"""

CONTRIBUTOR = "Cộng tác viên / Phóng viên"
EDITOR = "Biên tập viên"
HEAD = "Trưởng ban biên tập"
ADMINISTRATOR = "Quản trị hệ thống"

WORKFLOW = "Duyệt hai bước: Biên tập viên → Trưởng ban biên tập"
EDITOR_TASK = "Biên tập viên duyệt"
HEAD_TASK = "Trưởng ban biên tập duyệt"

# Page permissions granted on the root of the page tree (so on every site). To limit a
# role to some categories, give a group the same permissions on those categories only.
PAGE_PERMISSIONS = {
    CONTRIBUTOR: ["add_page"],
    EDITOR: ["add_page", "change_page"],
    HEAD: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    ADMINISTRATOR: [],
}

# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    CONTRIBUTOR: ["add_image", "choose_image", "add_document", "choose_document"],
    EDITOR: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    HEAD: ["add_image", "change_image", "choose_image", "delete_image",
           "add_document", "change_document", "choose_document", "delete_document"],
    ADMINISTRATOR: [],
}

# Model permissions, as "app_label.codename".
MODEL_PERMISSIONS = {
    CONTRIBUTOR: ["wagtailadmin.access_admin"],
    EDITOR: ["wagtailadmin.access_admin"],
    HEAD: ["wagtailadmin.access_admin"],
    ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "auth.add_user", "auth.change_user", "auth.delete_user",
        "auth.add_group", "auth.change_group", "auth.delete_group",
        "wagtailcore.add_site", "wagtailcore.change_site",
        "wagtailcore.add_collection", "wagtailcore.change_collection",
        "wagtailcore.add_workflow", "wagtailcore.change_workflow",
        "wagtailcore.add_task", "wagtailcore.change_task",
        "core.change_siteidentity", "core.change_mainmenu", "core.change_websitelinks",
        "core.change_hitcountersettings",
        "wagtailredirects.add_redirect", "wagtailredirects.change_redirect", "wagtailredirects.delete_redirect",
    ],
}

ROLES = [CONTRIBUTOR, EDITOR, HEAD, ADMINISTRATOR]


def grant_to_roles(app_label, grants):
    """The forwards and backwards functions of a data migration that gives the board's role
    groups model permissions of one app, as in ``<app>/migrations/0002_*``::

        operations = [migrations.RunPython(*roles.grant_to_roles(
            "reports", dict.fromkeys([roles.HEAD, roles.EDITOR], ["view_reports"]),
        ))]

    `grants` maps a role (group name) to the codenames it gets. The permissions are created
    first (Django normally creates them after all migrations); a codename the app does not
    have is an error, a role group that does not exist is skipped. The component sites'
    boards made by `eportal create-site` ("<site> – <role>") get them too: they copied their
    role's permissions when they were made, not those granted since. Going backwards removes
    exactly what was granted. The migration must depend on the app's migration that defines
    the models and on ``("editorial", "0001_roles_and_workflow")``.
    """
    grants = {role: list(codenames) for role, codenames in grants.items()}

    def permissions(apps, codenames):
        Permission = apps.get_model("auth.Permission")
        found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
        missing = set(codenames) - {permission.codename for permission in found}
        if missing:
            raise LookupError(f"No permission {', '.join(sorted(missing))} in app {app_label!r}")
        return found

    def forwards(apps, schema_editor):
        from django.contrib.auth.management import create_permissions

        app_config = apps.get_app_config(app_label)
        models_module = getattr(app_config, "models_module", None)
        # create_permissions skips an app without models module, as a migration state's is.
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module
        permissions(apps, {codename for codenames in grants.values() for codename in codenames})
        for role, codenames in grants.items():
            for group in _role_groups(apps, role):
                group.permissions.add(*permissions(apps, codenames))

    def backwards(apps, schema_editor):
        for role, codenames in grants.items():
            for group in _role_groups(apps, role):
                group.permissions.remove(*permissions(apps, codenames))

    return forwards, backwards


def _role_groups(apps, role):
    """The role's group, and the groups of the same role on each component site ("<site> – <role>")."""
    Group = apps.get_model("auth.Group")
    return Group.objects.filter(name=role) | Group.objects.filter(name__endswith=f" – {role}")
