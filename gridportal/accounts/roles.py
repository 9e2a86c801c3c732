"""Staff roles as Django groups. The groups are kept in sync after every migrate.

The foundation's roles are below. A capability app adds the permissions of its own
models in its AppConfig, `role_permissions = {StaffRole.APPEALS_OFFICER: ["appeals.view_appeal"]}`,
so that no app edits this file; a permission whose app is not installed is skipped.
"""

from django.contrib.auth.models import Group, Permission

from .choices import StaffRole

ROLE_PERMISSIONS: dict[str, list[str]] = {
    StaffRole.DISPATCHER: [
        "grid.view_substation",
        "grid.view_serviceaddress",
        "outages.view_incident",
        "outages.change_incident",
        "outages.view_outagereport",
        "outages.add_outagereport",
        "outages.change_outagereport",
        "outages.view_criticalfacility",
        "outages.view_plannedoutage",
        "outages.add_plannedoutage",
        "outages.change_plannedoutage",
        "capacity.view_capacityassessment",
        "capacity.add_loadmeasurement",
        "notifications.view_delivery",
        "notifications.change_delivery",
        "notifications.view_subscription",
    ],
    StaffRole.CONNECTION_OFFICER: [
        "grid.view_powercentre",
        "grid.view_substation",
        "capacity.view_capacityassessment",
        "capacity.add_committedcapacity",
    ],
    StaffRole.APPEALS_OFFICER: ["grid.view_serviceaddress"],
    StaffRole.OFFICE_OPERATOR: ["grid.view_serviceaddress"],
    StaffRole.CONTENT_EDITOR: [],
    StaffRole.ANALYST: [
        "grid.view_powercentre",
        "grid.view_substation",
        "grid.view_feeder",
        "capacity.view_capacityassessment",
    ],
    StaffRole.ADMINISTRATOR: [
        "core.view_auditlogentry",
        "core.change_calendarexception",
        "core.add_calendarexception",
        "core.view_rule",
        "core.add_rule",
        "core.change_rule",
        "grid.add_powercentre",
        "grid.change_powercentre",
        "grid.change_substation",
        "grid.change_serviceaddress",
        "notifications.view_delivery",
        "notifications.change_delivery",
        "notifications.view_subscription",
        "outages.add_plannedoutage",
        "outages.change_plannedoutage",
        "outages.add_criticalfacility",
        "outages.change_criticalfacility",
        "accounts.view_user",
        "accounts.change_user",
        "capacity.view_capacityassessment",
        "capacity.add_loadmeasurement",
        "capacity.add_committedcapacity",
        "capacity.add_capacitysnapshot",
        "capacity.add_sensitivesubstation",
        "capacity.change_sensitivesubstation",
        "capacity.delete_sensitivesubstation",
    ],
}


def sync_role_groups(*, app_config=None, **kwargs) -> None:
    from django.apps import apps

    # post_migrate is sent once per app that has models, in INSTALLED_APPS order.
    configs = [c for c in apps.get_app_configs() if c.models_module is not None]
    if app_config is not None and app_config is not configs[-1]:
        return  # wait for the last app, when every permission exists
    for role in StaffRole:
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = []
        dotted_names = list(ROLE_PERMISSIONS.get(role, []))
        for config in apps.get_app_configs():
            dotted_names += getattr(config, "role_permissions", {}).get(role, [])
        for dotted in dotted_names:
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                wanted.append(perm)
        group.permissions.add(*wanted)
