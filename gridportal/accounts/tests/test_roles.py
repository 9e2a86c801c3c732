"""Staff roles: an app adds its own permissions to a role from its AppConfig."""

from django.apps import apps
from django.contrib.auth.models import Group

from gridportal.accounts.choices import StaffRole
from gridportal.accounts.roles import sync_role_groups


def test_an_apps_role_permissions_reach_the_role_group(db, monkeypatch):
    config = apps.get_app_config("grid")
    monkeypatch.setattr(
        config,
        "role_permissions",
        {StaffRole.APPEALS_OFFICER: ["grid.view_feeder", "absent_app.view_nothing"]},
        raising=False,
    )
    sync_role_groups()
    group = Group.objects.get(name=StaffRole.APPEALS_OFFICER)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "view_feeder" in codenames  # added by the app
    assert "view_serviceaddress" in codenames  # the foundation's own still there


def test_without_the_app_entry_the_role_does_not_get_it(db):
    sync_role_groups()
    group = Group.objects.get(name=StaffRole.APPEALS_OFFICER)
    assert not group.permissions.filter(codename="view_feeder").exists()
