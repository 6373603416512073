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
