from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "gridportal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    # The console's own pages (accounts/staff_urls.py); every app adds its own entries.
    staff_nav = [
        ("staff:home", _("Console"), None),
        ("staff:audit-log", _("Audit log"), "core.view_auditlogentry"),
    ]

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.api.scope import branch_scope_set

        from .roles import sync_role_groups
        from .scoping import user_sees_branch

        # After every app's migrate: later apps' permissions exist only by then.
        post_migrate.connect(sync_role_groups, dispatch_uid="gridportal.sync_role_groups")
        # The API plumbing sits below accounts: hand it the one branch-scope decision.
        branch_scope_set(user_sees_branch)
