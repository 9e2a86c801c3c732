"""Edge validation of the connection forms: shape and choices, localized messages."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import CONNECTION_INTENTION
from gridportal.accounts.forms import ConsentField

from .choices import (
    APPLICANT_DOCUMENT_KINDS,
    ApplicantKind,
    IntentionStatus,
    ObjectKind,
    Reason,
    Reliability,
    Voltage,
)
from .points import LATITUDE_MESSAGE, LONGITUDE_MESSAGE, coordinate_parse
from .selectors import address_get
from .services.intake import BOTH_COORDINATES_MESSAGE, BOTH_MESSAGE, WHERE_MESSAGE

POWER_MESSAGES = {
    "min_value": _("The power must be more than 0 kW."),
    "max_digits": _("That is not a power we can connect; check the number of kW."),
    "max_whole_digits": _("That is not a power we can connect; check the number of kW."),
}


class CoordinateField(forms.CharField):
    """Degrees as typed or set by a click on the map: "61,78912", "61.78912°"; five decimals."""

    def __init__(self, *, limit: float, message, **kwargs):
        self.limit = limit
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("error_messages", {"required": message, "max_length": message})
        super().__init__(**kwargs)
        self.message = message

    def clean(self, value):
        text = super().clean(value)
        if text in (None, ""):
            return None
        number = coordinate_parse(text, limit=self.limit)
        if number is None:
            raise forms.ValidationError(self.message, code="invalid")
        return number


def _coordinate_attrs(name: str) -> dict:
    return {
        "inputmode": "decimal",
        "autocomplete": "off",
        "spellcheck": "false",
        "data-point": name,
    }


class PointForm(forms.Form):
    """«Или укажите точку на карте»: the two coordinates a click on the map fills in."""

    latitude = CoordinateField(
        label=_("Latitude, degrees north"),
        limit=90,
        message=LATITUDE_MESSAGE,
        widget=forms.TextInput(attrs=_coordinate_attrs("latitude")),
    )
    longitude = CoordinateField(
        label=_("Longitude, degrees east"),
        limit=180,
        message=LONGITUDE_MESSAGE,
        widget=forms.TextInput(attrs=_coordinate_attrs("longitude")),
    )

    def point(self) -> tuple[float, float]:
        return (self.cleaned_data["latitude"], self.cleaned_data["longitude"])


class IntentionForm(forms.Form):
    """«Отправить заявку-намерение»: who, what, where (an address or a point on the map),
    how much, contact, consent."""

    address = forms.IntegerField(widget=forms.HiddenInput, required=False)
    latitude = CoordinateField(
        limit=90, message=LATITUDE_MESSAGE, required=False, widget=forms.HiddenInput
    )
    longitude = CoordinateField(
        limit=180, message=LONGITUDE_MESSAGE, required=False, widget=forms.HiddenInput
    )
    applicant_kind = forms.ChoiceField(
        label=_("Who applies"), choices=ApplicantKind.choices, widget=forms.RadioSelect
    )
    object_kind = forms.ChoiceField(label=_("What you connect"), choices=ObjectKind.choices)
    power_new_kw = forms.DecimalField(
        label=_("New power, kW"),
        min_value=Decimal("0.1"),
        max_digits=9,
        decimal_places=1,
        localize=True,
        error_messages=POWER_MESSAGES,
    )
    power_existing_kw = forms.DecimalField(
        label=_("Power already connected here, kW"),
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=1,
        localize=True,
        required=False,
        initial=0,
        help_text=_("0 for a new connection."),
        error_messages={**POWER_MESSAGES, "min_value": _("The power cannot be negative.")},
    )
    voltage = forms.ChoiceField(label=_("Voltage"), choices=Voltage.choices, initial=Voltage.LV)
    reliability = forms.ChoiceField(
        label=_("Reliability category"),
        choices=Reliability.choices,
        initial=Reliability.III,
        help_text=_("Households need III: one source."),
    )
    social = forms.BooleanField(
        label=_("I belong to a social category (large family, disabled person, veteran …)"),
        required=False,
    )
    name = forms.CharField(label=_("Your name or the company's"), max_length=200)
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("We send the answer here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = ConsentField(purpose=CONNECTION_INTENTION)

    def clean_address(self):
        if self.cleaned_data.get("address") is None:
            return None  # a point on the map instead (checked in clean)
        address = address_get(self.cleaned_data["address"])
        if address is None:
            raise forms.ValidationError(
                _("This address is not served by our network. Choose an address from the list.")
            )
        return address

    def clean(self):
        data = super().clean()
        if not data.get("phone") and not data.get("email"):
            self.add_error("email", _("Give a phone number or an e-mail address."))
        lat, lon = data.get("latitude"), data.get("longitude")
        data["point"] = (lat, lon) if lat is not None and lon is not None else None
        if (
            self.errors.get("address")
            or self.errors.get("latitude")
            or self.errors.get("longitude")
        ):
            return data
        if (lat is None) != (lon is None):
            self.add_error(None, BOTH_COORDINATES_MESSAGE)
        elif data.get("address") is not None and data["point"] is not None:
            self.add_error(None, BOTH_MESSAGE)
        elif data.get("address") is None and data["point"] is None:
            self.add_error(None, WHERE_MESSAGE)
        return data


class LeadForm(forms.Form):
    """A connection officer's handling of a lead."""

    status = forms.ChoiceField(label=_("Status"), choices=IntentionStatus.choices)
    staff_note = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


DOCUMENT_KINDS = ("pdf", "jpeg", "png")
DOCUMENT_REFUSAL = _("Attach a PDF, JPEG or PNG file.")


def _document_field(label):
    from gridportal.core.uploads import UploadField

    return UploadField(kinds=DOCUMENT_KINDS, refusal=DOCUMENT_REFUSAL, label=label, required=False)


class ApplicationForm(forms.Form):
    """The fields of the full application (ПП 861 п. 9): applicant, object, power, schedule,
    supplier, files. The pages ask them step by step (`STEPS`, `step_form`)."""

    address = forms.IntegerField(widget=forms.HiddenInput)
    applicant_kind = forms.ChoiceField(label=_("Who applies"), choices=ApplicantKind.choices)
    applicant_name = forms.CharField(label=_("Full name or company"), max_length=200)
    identity = forms.CharField(
        label=_("Passport (series, number, issued by, date) or ОГРН and ИНН"), max_length=200
    )
    cadastral_number = forms.RegexField(
        label=_("Cadastral number of the plot"),
        regex=r"^\d{2}:\d{2}:\d{6,7}:\d{1,6}$",
        required=False,
        help_text=_("e.g. 10:01:0100101:55"),
        error_messages={"invalid": _("Write the cadastral number as 10:01:0100101:55.")},
    )
    object_kind = forms.ChoiceField(label=_("What you connect"), choices=ObjectKind.choices)
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices)
    power_new_kw = IntentionForm.base_fields["power_new_kw"]
    power_existing_kw = IntentionForm.base_fields["power_existing_kw"]
    voltage = forms.ChoiceField(label=_("Voltage"), choices=Voltage.choices, initial=Voltage.LV)
    reliability = forms.ChoiceField(
        label=_("Reliability category"), choices=Reliability.choices, initial=Reliability.III
    )
    schedule = forms.CharField(
        label=_("Staged commissioning schedule (if in stages)"), max_length=500, required=False
    )
    supplier = forms.CharField(label=_("Future supplier (guaranteeing supplier)"), max_length=200)
    social = IntentionForm.base_fields["social"]
    procurement = forms.BooleanField(
        label=_("We buy under 44-ФЗ or 275-ФЗ (15 working days to pay)"), required=False
    )
    location_plan = _document_field(_("Plan of the location of the devices"))
    title = _document_field(_("Title document for the plot or building"))
    power_of_attorney = _document_field(_("Power of attorney (if a representative applies)"))
    social_proof = _document_field(_("Proof of the social category"))
    consent = ConsentField(purpose=CONNECTION_INTENTION, required=False)

    def clean_address(self):
        return IntentionForm.clean_address(self)


# The application step by step: (slug, title, the fields of ApplicationForm on that step).
STEPS = [
    ("applicant", _("The applicant"), ["applicant_kind", "applicant_name", "identity"]),
    ("object", _("The object and its address"), ["cadastral_number", "object_kind", "reason"]),
    (
        "power",
        _("Power and voltage"),
        [
            "power_new_kw",
            "power_existing_kw",
            "voltage",
            "reliability",
            "schedule",
            "supplier",
            "social",
            "procurement",
        ],
    ),
    (
        "attachments",
        _("Attachments"),
        ["location_plan", "title", "power_of_attorney", "social_proof"],
    ),
    ("review", _("Consent and review"), ["consent"]),
]
STEP_NAMES = [slug for slug, _title, _fields in STEPS]
FILE_FIELDS = ("location_plan", "title", "power_of_attorney", "social_proof")


def step_of(field: str) -> str | None:
    return next((slug for slug, _t, fields in STEPS if field in fields), None)


class StepForm(forms.Form):
    """One step of the application; what it asks depends on the draft (applicant and category)."""

    def __init__(self, *args, draft=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.draft = draft
        kind = draft.applicant_kind if draft is not None else ""
        self.cleared = {}  # a question that does not apply is answered «no»
        if "social" in self.fields and kind and kind != ApplicantKind.INDIVIDUAL:
            del self.fields["social"]  # social categories are people
            self.cleared["social"] = False
        if "procurement" in self.fields and kind == ApplicantKind.INDIVIDUAL:
            del self.fields["procurement"]  # 44-ФЗ and 275-ФЗ buyers are organisations
            self.cleared["procurement"] = False
        if "social_proof" in self.fields and not (draft is not None and draft.social):
            del self.fields["social_proof"]

    def _has(self, kind: str) -> bool:
        return self.draft is not None and self.draft.documents.filter(kind=kind).exists()

    def clean(self):
        data = super().clean()
        required = {
            "location_plan": _("Attach the plan of the location of the devices."),
            "social_proof": _("Attach the proof of the social category."),
        }
        for kind, message in required.items():
            missing = kind in self.fields and not data.get(kind) and kind not in self.errors
            if missing and not self._has(kind):
                self.add_error(kind, message)
        return data

    def documents(self):
        return [(kind, self.cleaned_data.get(kind)) for kind in FILE_FIELDS if kind in self.fields]

    def draft_data(self) -> dict:
        answers = {
            k: v for k, v in self.cleaned_data.items() if k not in FILE_FIELDS and k != "consent"
        }
        if "power_existing_kw" in answers and answers["power_existing_kw"] is None:
            answers["power_existing_kw"] = Decimal("0")  # left empty: nothing connected yet
        return {**self.cleared, **answers}


def step_form(slug: str):
    """The form class of a step, its fields taken from ApplicationForm."""
    names = next(fields for s, _t, fields in STEPS if s == slug)
    attrs = {name: ApplicationForm.base_fields[name] for name in names}
    return type(f"{slug.title()}StepForm", (StepForm,), attrs)


class MissingDocumentsForm(forms.Form):
    document = _document_field(_("Document"))
    kind = forms.ChoiceField(
        label=_("What it is"), choices=[(k.value, k.label) for k in APPLICANT_DOCUMENT_KINDS]
    )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload is None:
            raise forms.ValidationError(_("Attach the document."))
        return upload


class DocumentsRequestForm(forms.Form):
    text = forms.CharField(
        label=_("What is missing (the applicant sees this)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class OfferForm(forms.Form):
    power_centre = forms.TypedChoiceField(label=_("Power centre"), coerce=int)
    substation_name = forms.CharField(label=_("Substation (ТП)"), max_length=64, required=False)
    fee_total = forms.DecimalField(
        label=_("Fee, ₽"), min_value=0, max_digits=14, decimal_places=2, localize=True
    )

    def __init__(self, *args, centres=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["power_centre"].choices = centres


def _date_field(label):
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date.")},
    )


class PaymentForm(forms.Form):
    paid_on = _date_field(_("Paid on"))


class CompanyWorksForm(forms.Form):
    done_on = _date_field(_("Company's works done on"))


class InspectionForm(forms.Form):
    inspected_on = _date_field(_("Inspected on"))
    note = forms.CharField(
        label=_("Result of the inspection (the applicant sees this)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EnergizeForm(forms.Form):
    energized_on = _date_field(_("Energized on"))


class ReadinessNoticeForm(forms.Form):
    """The applicant's notice that their part of the technical conditions is carried out."""

    text = forms.CharField(
        label=_("What you did (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    document = _document_field(_("Notice or photos of the works as a file (optional)"))


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Internal comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
