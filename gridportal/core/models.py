from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .choices import AuditAction, CalendarDayKind, DistrictKind, RuleUnit


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def bilingual(ru: str, en: str) -> str:
    """The English text when English is active and there is one; the Russian otherwise."""
    return en if en and (get_language() or "ru").startswith("en") else ru


class BilingualNameMixin(models.Model):
    """Russian name with an optional English one, shown by the active language."""

    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_en)


class Company(BilingualNameMixin, TimeStampedModel):
    """The grid company (сетевая организация) that runs this portal."""

    short_name = models.CharField(_("short name"), max_length=100)
    inn = models.CharField(_("INN"), max_length=12, blank=True)
    ogrn = models.CharField(_("OGRN"), max_length=15, blank=True)
    website = models.URLField(_("website"), blank=True)
    hotline_phone = models.CharField(_("hotline phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")


class Branch(BilingualNameMixin, TimeStampedModel):
    """A branch (филиал) of the company, serving one region."""

    # How rows reach their branch, for the branch scope (accounts/scoping.py, decision 0013).
    branch_path = "pk"

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="branches")
    code = models.SlugField(_("code"), max_length=32, unique=True)
    region = models.CharField(_("region"), max_length=200)
    region_en = models.CharField(_("region in English"), max_length=200, blank=True)
    hotline_phone = models.CharField(_("hotline phone"), max_length=32, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Moscow")

    class Meta:
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["name"]


class District(BilingualNameMixin, TimeStampedModel):
    """A distribution zone (РЭС) or production unit inside a branch."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="districts")
    code = models.SlugField(_("code"), max_length=48, unique=True)
    kind = models.CharField(
        _("kind"), max_length=8, choices=DistrictKind.choices, default=DistrictKind.RES
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["branch__name", "name"]


class CalendarException(models.Model):
    """An official change to the working-day calendar (a transferred working Saturday, a day off, a shortened day)."""

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=CalendarDayKind.choices)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date}: {self.get_kind_display()}"


class Rule(TimeStampedModel):
    """A dated, sourced number set by regulation or company policy: a deadline, a limit, a factor.

    The value in force on a date is the row of its (namespace, key) with the latest
    `valid_from` not after that date; what each key means, its type and its default are
    declared by the owning app in its `rules.py` (see `gridportal.core.rules`).
    """

    namespace = models.CharField(_("area"), max_length=40)
    key = models.CharField(_("rule"), max_length=60)
    value = models.CharField(_("value"), max_length=100)
    unit = models.CharField(_("unit"), max_length=16, choices=RuleUnit.choices, blank=True)
    valid_from = models.DateField(_("valid from"))
    source = models.TextField(
        _("source"), help_text=_("The legal act or company decision that sets this value.")
    )
    verified = models.BooleanField(
        _("verified"),
        default=False,
        help_text=_("Checked against the text of the source in force."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["namespace", "key", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["namespace", "key", "valid_from"], name="core_rule_unique_date"
            )
        ]

    def __str__(self):
        return f"{self.namespace}.{self.key} = {self.value} ({self.valid_from:%Y-%m-%d})"


class AuditLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only.")

    def delete(self):
        raise PermissionError("The audit log is append-only.")


class AuditLogEntry(models.Model):
    """One staff action on a customer record: who, what, when and from where. Append-only."""

    branch_path = "branch"

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True, editable=False)
    # Empty only for what nobody signed in did: a failed sign-in.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    branch = models.ForeignKey(
        Branch, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("branch")
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only.")
