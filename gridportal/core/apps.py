from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gridportal.core"
    label = "core"
    verbose_name = _("Company")

    public_nav = [("core:home", _("Home"), None)]

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save

        from . import checks  # noqa: F401  (registers the deploy checks)
        from .degraded import contacts_forget
        from .models import Branch, Company, Rule
        from .rules import rules_cache_bump, rules_changed

        # Admin edits take effect at once in every process; migrations write rows through
        # historical models, which send no signals to these receivers, so migrate bumps too.
        post_save.connect(rules_changed, sender=Rule, dispatch_uid="core-rule-saved")
        post_delete.connect(rules_changed, sender=Rule, dispatch_uid="core-rule-deleted")
        post_migrate.connect(rules_cache_bump, dispatch_uid="core-rules-migrated")
        # The contacts kept for degraded mode (core/degraded.py) follow every edit.
        for model in (Company, Branch):
            name = model._meta.model_name
            post_save.connect(contacts_forget, sender=model, dispatch_uid=f"core-{name}-contacts")
            post_delete.connect(
                contacts_forget, sender=model, dispatch_uid=f"core-{name}-contacts-deleted"
            )
