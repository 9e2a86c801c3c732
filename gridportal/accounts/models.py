from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import Branch


class User(AbstractUser):
    """A person who signs in: a staff member scoped to branches, or a customer."""

    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    email_confirmed = models.BooleanField(_("e-mail confirmed"), default=False)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    branches = models.ManyToManyField(
        Branch,
        blank=True,
        related_name="staff",
        verbose_name=_("branches"),
        help_text=_("Branches whose records this staff member works with."),
    )
    all_branches = models.BooleanField(
        _("all branches"),
        default=False,
        help_text=_("Company-wide access (head office): sees every branch."),
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, role: str) -> bool:
        if self.is_superuser:
            return True
        return any(g.name == role for g in self.groups.all())


class ConsentRecord(models.Model):
    """Consent to personal-data processing (152-FZ) given with a form: what text, when, from where."""

    subject = models.CharField(_("purpose"), max_length=64)
    text_version = models.CharField(_("consent text version"), max_length=32)
    channel = models.CharField(_("channel"), max_length=16, blank=True)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        return f"{self.subject} {self.text_version} {self.given_at:%Y-%m-%d}"
