from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    """Staff roles; each is a Django group of the same name with its permissions."""

    DISPATCHER = "dispatcher", _("Dispatcher")
    CONNECTION_OFFICER = "connection_officer", _("Connection officer")
    APPEALS_OFFICER = "appeals_officer", _("Appeals officer")
    OFFICE_OPERATOR = "office_operator", _("Customer office operator")
    CONTENT_EDITOR = "content_editor", _("Content editor")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")
