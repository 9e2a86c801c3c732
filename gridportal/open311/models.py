from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.outages.models import OutageReport

from .choices import ServiceCode


class ServiceRequest(models.Model):
    """An outage or hazard report that came in through Open311, with the service the client chose."""

    report = models.OneToOneField(
        OutageReport,
        on_delete=models.CASCADE,
        related_name="open311",
        verbose_name=_("outage report"),
    )
    service_code = models.CharField(_("service"), max_length=20, choices=ServiceCode.choices)
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("Open311 request")
        verbose_name_plural = _("Open311 requests")
        ordering = ["-received_at", "-id"]

    def __str__(self):
        return f"{self.report_id}: {self.service_code}"
