"""The helper that future data migrations use to give the board's roles an app's permissions."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from eportal.editorial import roles


def holders(codename):
    return set(Group.objects.filter(permissions__codename=codename).values_list("name", flat=True))


def test_grants_to_the_named_roles_and_takes_back_only_that(db):
    assert holders("view_results") == {roles.HEAD, roles.ADMINISTRATOR}
    forwards, backwards = roles.grant_to_roles(
        "satisfaction", {roles.EDITOR: ["view_results"], "Nhóm không tồn tại": ["view_results"]}
    )
    forwards(django_apps, None)
    forwards(django_apps, None)  # running twice changes nothing
    assert holders("view_results") == {roles.HEAD, roles.ADMINISTRATOR, roles.EDITOR}
    assert not Group.objects.filter(name="Nhóm không tồn tại").exists()

    backwards(django_apps, None)
    assert holders("view_results") == {roles.HEAD, roles.ADMINISTRATOR}
    # The editors keep what other migrations gave them.
    assert Group.objects.get(name=roles.EDITOR).permissions.filter(codename="view_reports").exists()


def test_an_unknown_codename_is_an_error(db):
    forwards, _ = roles.grant_to_roles("satisfaction", {roles.HEAD: ["view_resutls"]})
    with pytest.raises(LookupError, match="view_resutls"):
        forwards(django_apps, None)


def test_works_on_a_migration_state_before_the_permissions_exist(db):
    """As in a migration: the app's permissions are created from the historical models."""
    Permission.objects.filter(content_type__app_label="satisfaction").delete()
    state = MigrationExecutor(connection).loader.project_state(("satisfaction", "0002_results_permission"))
    forwards, _ = roles.grant_to_roles("satisfaction", dict.fromkeys([roles.HEAD, roles.EDITOR], ["view_results"]))
    forwards(state.apps, None)
    assert holders("view_results") == {roles.HEAD, roles.EDITOR}


def test_the_boards_of_component_sites_get_it_too(db):
    """Groups made by `eportal create-site` copied their role's permissions when they were made."""
    commune_editors = Group.objects.create(name=f"Xã Ba Trinh – {roles.EDITOR}")
    commune_heads = Group.objects.create(name=f"Xã Ba Trinh – {roles.HEAD}")
    forwards, backwards = roles.grant_to_roles("satisfaction", {roles.EDITOR: ["view_results"]})
    forwards(django_apps, None)
    assert commune_editors.permissions.filter(codename="view_results").exists()
    assert not commune_heads.permissions.filter(codename="view_results").exists()
    backwards(django_apps, None)
    assert not commune_editors.permissions.filter(codename="view_results").exists()
