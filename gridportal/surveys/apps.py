from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "gridportal.surveys"
    label = "surveys"
    verbose_name = _("Questionnaires")

    public_nav = [("surveys:list", _("Questionnaires"), None)]
    staff_nav = [("staff:surveys:list", _("Questionnaires"), "surveys.view_response")]

    @property
    def role_permissions(self):
        from gridportal.accounts.choices import StaffRole

        read = ["surveys.view_survey", "surveys.view_response", "surveys.view_followup"]
        return {
            # Dispatchers read the answers after restorations and follow up the low ones.
            StaffRole.DISPATCHER: read,
            StaffRole.ANALYST: read,
            StaffRole.OFFICE_OPERATOR: [*read, "surveys.add_response"],
            StaffRole.APPEALS_OFFICER: [*read, "surveys.change_followup"],
            StaffRole.CONTENT_EDITOR: [*read, "surveys.add_survey", "surveys.change_survey"],
            StaffRole.ADMINISTRATOR: [
                *read,
                "surveys.add_survey",
                "surveys.change_survey",
                "surveys.add_response",
                "surveys.change_followup",
            ],
        }

    def ready(self):
        from gridportal.core.signals import service_event

        from . import rules  # noqa: F401  (declares this app's dated rules)
        from .services import on_service_event

        # Invitations after appeals, visits, connections and restorations: surveys hear the
        # event from core and import none of the apps that send it (decision 0015).
        service_event.connect(on_service_event, dispatch_uid="surveys-invitations")
