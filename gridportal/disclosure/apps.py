from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.choices import StaffRole

EDITOR_PERMISSIONS = [
    "disclosure.view_document",
    "disclosure.add_document",
    "disclosure.change_document",
    "disclosure.view_guide",
    "disclosure.change_guide",
    "disclosure.view_disclosureitem",
    "disclosure.add_publication",
]


class DisclosureConfig(AppConfig):
    name = "gridportal.disclosure"
    label = "disclosure"
    verbose_name = _("Information disclosure")

    public_nav = [
        ("disclosure:documents", _("Documents"), None),
        ("disclosure:guides", _("Guides"), None),
        ("disclosure:disclosure", _("Information disclosure"), None),
    ]
    staff_nav = [
        ("staff:disclosure:calendar", _("Disclosure calendar"), "disclosure.view_disclosureitem"),
        ("staff:disclosure:documents", _("Normative documents"), "disclosure.view_document"),
        ("staff:disclosure:guides", _("Guides"), "disclosure.view_guide"),
    ]
    role_permissions = {
        StaffRole.CONTENT_EDITOR: EDITOR_PERMISSIONS,
        StaffRole.ANALYST: ["disclosure.view_disclosureitem", "disclosure.view_document"],
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.accounts.roles import sync_role_groups
        from gridportal.core.signals import service_event

        from .services import on_service_event

        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="disclosure-roles")
        # The load map and the connection reports mark their publications (decision 0015).
        service_event.connect(on_service_event, dispatch_uid="disclosure-publication-made")
        from . import tasks  # noqa: F401  (registers the reminders in the beat schedule)
