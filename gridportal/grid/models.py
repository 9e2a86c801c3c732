from django.db import models
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import Branch, District, TimeStampedModel

from .choices import SettlementKind, SubstationKind, SubstationOwner

SETTLEMENT_PREFIX = {
    SettlementKind.CITY: "г.",
    SettlementKind.TOWN: "пгт",
    SettlementKind.VILLAGE: "с.",
    SettlementKind.HAMLET: "д.",
}


class NetworkElement(TimeStampedModel):
    """Common part of every network element: where it is and who runs it."""

    # How rows reach their branch, for the branch scope (accounts/scoping.py, decision 0013).
    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        abstract = True


class PowerCentre(NetworkElement):
    """A power centre (центр питания): a 35–220 kV substation feeding the distribution network."""

    name = models.CharField(_("name"), max_length=200)
    dispatch_number = models.CharField(_("dispatch number"), max_length=32)
    voltage_kv = models.PositiveSmallIntegerField(_("higher voltage, kV"))
    voltage_levels = models.CharField(_("voltage levels"), max_length=32, help_text="110/35/10")

    class Meta:
        verbose_name = _("power centre")
        verbose_name_plural = _("power centres")
        ordering = ["branch__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["branch", "dispatch_number"], name="pc_unique_dispatch_number"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """«ПС 110 кВ «Приморская» (ПС-1)»: the name, and the dispatch number unless it repeats."""
        if not self.dispatch_number or self.dispatch_number in self.name:
            return self.name
        return f"{self.name} ({self.dispatch_number})"


class PowerTransformer(TimeStampedModel):
    """A power transformer installed at a power centre, with its rated power."""

    branch_path = "power_centre__branch"

    power_centre = models.ForeignKey(
        PowerCentre, on_delete=models.CASCADE, related_name="transformers"
    )
    name = models.CharField(_("name"), max_length=32, help_text="Т-1")
    rated_mva = models.DecimalField(_("rated power, MVA"), max_digits=8, decimal_places=3)
    voltage = models.CharField(_("voltage"), max_length=32, blank=True, help_text="110/10")

    class Meta:
        verbose_name = _("power transformer")
        verbose_name_plural = _("power transformers")
        ordering = ["power_centre", "name"]
        constraints = [
            models.UniqueConstraint(fields=["power_centre", "name"], name="pt_unique_name"),
            models.CheckConstraint(condition=models.Q(rated_mva__gt=0), name="pt_rated_positive"),
        ]

    def __str__(self):
        return f"{self.name} {self.rated_mva} MVA"


class Feeder(NetworkElement):
    """A 6–20 kV line (фидер) leaving a power centre."""

    power_centre = models.ForeignKey(PowerCentre, on_delete=models.PROTECT, related_name="feeders")
    name = models.CharField(_("name"), max_length=64)
    voltage_kv = models.DecimalField(_("voltage, kV"), max_digits=4, decimal_places=1)

    class Meta:
        verbose_name = _("feeder")
        verbose_name_plural = _("feeders")
        ordering = ["power_centre", "name"]
        constraints = [
            models.UniqueConstraint(fields=["power_centre", "name"], name="feeder_unique_name")
        ]

    def __str__(self):
        return f"{self.power_centre.dispatch_number} {self.name}"


class SubstationQuerySet(models.QuerySet):
    def of_company(self):
        """The grid company's own ТП: the only ones a new applicant connects through, and the
        only ones whose free capacity the company publishes (a consumer's ТП is its own)."""
        return self.filter(owner=SubstationOwner.COMPANY)


class Substation(NetworkElement):
    """A 6–10/0.4 kV transformer substation (ТП/КТП) feeding buildings."""

    feeder = models.ForeignKey(Feeder, on_delete=models.PROTECT, related_name="substations")
    name = models.CharField(_("dispatch name"), max_length=64, help_text="ТП-123")
    kind = models.CharField(
        _("kind"), max_length=8, choices=SubstationKind.choices, default=SubstationKind.TP
    )
    rated_kva = models.PositiveIntegerField(_("rated power, kVA"))
    owner = models.CharField(
        _("owner"),
        max_length=8,
        choices=SubstationOwner.choices,
        default=SubstationOwner.COMPANY,
        help_text=_(
            "A consumer's own substation is supplied at the feeder's voltage: its point of "
            "supply is at medium voltage, not 0.4 kV."
        ),
    )

    objects = SubstationQuerySet.as_manager()

    class Meta:
        verbose_name = _("substation")
        verbose_name_plural = _("substations")
        ordering = ["branch__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["branch", "name"], name="substation_unique_name")
        ]

    def __str__(self):
        return self.name


class Settlement(TimeStampedModel):
    """A city, town or village in the company's territory."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=8, choices=SettlementKind.choices)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")
        ordering = ["name"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return f"{SETTLEMENT_PREFIX[self.kind]} {self.name}"


class Street(models.Model):
    """A street of a settlement; the unit the address search matches words against."""

    branch_path = "settlement__branch"

    settlement = models.ForeignKey(Settlement, on_delete=models.CASCADE, related_name="streets")
    kind = models.CharField(_("kind"), max_length=16, default="ул.", help_text="ул., пр-т, пер.")
    name = models.CharField(_("name"), max_length=200)
    search_text = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("street")
        verbose_name_plural = _("streets")
        constraints = [
            models.UniqueConstraint(
                fields=["settlement", "kind", "name"], name="street_unique_name"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.name}"


class ServiceAddress(TimeStampedModel):
    """A building supplied by the company: its address, customers and the substation that feeds it."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    street = models.ForeignKey(Street, on_delete=models.PROTECT, related_name="addresses")
    house = models.CharField(_("house"), max_length=32)
    house_key = models.CharField(max_length=32, editable=False)
    label = models.CharField(_("address"), max_length=400)
    fias_id = models.UUIDField(_("FIAS/GAR id"), null=True, blank=True, unique=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    customer_count = models.PositiveIntegerField(_("customer accounts"), default=1)
    substation = models.ForeignKey(
        Substation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="addresses",
        verbose_name=_("substation"),
    )

    class Meta:
        verbose_name = _("service address")
        verbose_name_plural = _("service addresses")
        constraints = [
            models.UniqueConstraint(fields=["street", "house_key"], name="address_unique_house")
        ]
        # «Nearest building to this point» (Open311, where-can-I-connect) filters a box first.
        indexes = [models.Index(fields=["latitude", "longitude"], name="address_lat_lon")]

    def __str__(self):
        return self.label
