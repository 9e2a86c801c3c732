from django import forms
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import OUTAGE_REPORT
from gridportal.accounts.forms import ConsentField
from gridportal.core.exceptions import ApplicationError

from .choices import Cause, CrewStatus, Level, Open311ServiceCode, Problem
from .rules import callback_requested_label
from .selectors import address_get
from .services import Submission


class ReportIntakeMixin:
    """A form that feeds the report intake: the address picked, the submission, its errors.

    Contacts are not cleaned here: the intake normalises them once, and a refusal of the
    intake is put back on the field it concerns.
    """

    def clean_address(self):
        address = address_get(self.cleaned_data["address"])
        if address is None:
            raise forms.ValidationError(_("Choose your address from the list."))
        return address

    def submission(self) -> Submission:
        return Submission.from_cleaned(self.cleaned_data)

    def intake_refused(self, error: ApplicationError) -> int:
        """Show the intake's refusal on its field (or the form); the HTTP status to answer."""
        self.add_error(error.code if error.code in self.fields else None, error.message)
        return error.status


class ServiceChoiceField(forms.ChoiceField):
    """The one list of what can be wrong, shared with Open311 (its service codes).

    The older web values (`partial`, `low_voltage`, `hazard`) still arrive from open
    pages and bookmarks; they mean the matching service.
    """

    LEGACY = {"partial": "partial_power", "low_voltage": "voltage", "hazard": "hazard_wire"}

    def to_python(self, value):
        value = super().to_python(value)
        return self.LEGACY.get(value, value)


class ReportForm(ReportIntakeMixin, forms.Form):
    """The public «report an outage» form."""

    address = forms.IntegerField(widget=forms.HiddenInput)
    problem = ServiceChoiceField(
        label=_("What is wrong?"),
        choices=Open311ServiceCode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is wrong with the power.")},
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=32,
        help_text=_("So that we can call you back or tell you when the power is back."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    comment = forms.CharField(
        label=_("Anything else we should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    callback_requested = forms.BooleanField(label=_("Please call me back"), required=False)
    consent = ConsentField(purpose=OUTAGE_REPORT)
    # Honeypot: people never see it, simple robots fill every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("The form could not be accepted. Please call the hotline."), code="honeypot"
            )
        if cleaned.get("callback_requested") and not cleaned.get("phone"):
            self.add_error("phone", _("Give a phone number so that we can call you back."))
        return cleaned

    def submission(self) -> Submission:
        """The service chosen becomes the problem; a hazard's kind opens the comment."""
        from .open311 import SERVICES, service_comment

        service = SERVICES[self.cleaned_data["problem"]]
        data = dict(self.cleaned_data)
        data["problem"] = service.problem
        data["comment"] = service_comment(service, data.get("comment", ""))
        return Submission.from_cleaned(data)


class CallForm(ReportIntakeMixin, forms.Form):
    """An operator registers a phone call through the same intake."""

    address = forms.IntegerField(widget=forms.HiddenInput)
    problem = forms.ChoiceField(label=_("What is wrong?"), choices=Problem.choices)
    phone = forms.CharField(label=_("Caller's phone"), required=False, max_length=32)
    comment = forms.CharField(
        label=_("Notes"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    callback_requested = forms.BooleanField(label=callback_requested_label, required=False)
    consent = forms.BooleanField(
        label=_("The caller agreed to the processing of their phone number"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("phone") and not cleaned.get("consent"):
            self.add_error(
                "consent", _("Ask the caller for consent before recording their phone number.")
            )
        if cleaned.get("callback_requested") and not cleaned.get("phone"):
            self.add_error("phone", _("A call back needs the caller's phone number."))
        return cleaned


class IncidentUpdateForm(forms.Form):
    cause = forms.ChoiceField(label=_("Cause"), choices=Cause.choices)
    etr = forms.DateTimeField(
        label=_("Estimated restoration"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    crew_status = forms.ChoiceField(label=_("Crew"), choices=CrewStatus.choices)
    public_message = forms.CharField(
        label=_("Message to the public"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EtrForm(forms.Form):
    """The board's one-field form: only the estimate, nothing else is overwritten."""

    etr = forms.DateTimeField(
        label=_("Estimated restoration"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        error_messages={"required": _("Enter the estimated restoration time.")},
    )


class ElementMoveForm(forms.Form):
    """Move an incident by the element's dispatch name («ТП-110», «ПС-1 Ф-3», «ПС-1»)."""

    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    element = forms.CharField(
        label=_("Dispatch name"),
        max_length=200,
        help_text=_("Start typing: ТП-110, ПС-1 Ф-3 or ПС-1; choose from the list."),
        widget=forms.TextInput(attrs={"list": "element-names", "autocomplete": "off"}),
    )

    def __init__(self, *args, choices_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if choices_url:
            # The typeahead: what is typed (and the level) fetches matching names into the list.
            self.fields["element"].widget.attrs.update(
                {
                    "hx-get": choices_url,
                    "hx-trigger": "input changed delay:200ms, focus once",
                    "hx-target": "#element-names",
                    "hx-swap": "innerHTML",
                    "hx-include": "closest form",
                    "hx-params": "level,element",
                    "hx-sync": "this:replace",
                }
            )


class BoardFilterForm(forms.Form):
    """The board's filters and order (GET): what a dispatcher needs on a busy night."""

    SORTS = [
        ("priority", _("Priority")),
        ("started", _("Oldest first")),
        ("customers", _("Most customers out")),
        ("etr", _("Estimated restoration time")),
    ]
    branch = forms.ModelChoiceField(
        label=_("Branch"), queryset=None, required=False, to_field_name="code", empty_label=_("All")
    )
    district = forms.ModelChoiceField(
        label=_("District"), queryset=None, required=False, empty_label=_("All")
    )
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All"))])
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))])
    overdue = forms.BooleanField(label=_("Overdue estimate only"), required=False)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=SORTS)

    def __init__(self, *args, branches=None, **kwargs):
        from gridportal.core.models import District

        from .choices import IncidentStatus

        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches.order_by("name")
        self.fields["district"].queryset = District.objects.filter(branch__in=branches).order_by(
            "name"
        )
        self.fields["level"].choices += list(Level.choices)
        self.fields["status"].choices += [
            (IncidentStatus.PREDICTED, IncidentStatus.PREDICTED.label),
            (IncidentStatus.CONFIRMED, IncidentStatus.CONFIRMED.label),
        ]


class BulkEtrForm(forms.Form):
    """One estimated restoration time for many incidents at once (a storm)."""

    incidents = forms.TypedMultipleChoiceField(label=_("Incidents"), coerce=int, choices=())
    etr = forms.DateTimeField(
        label=_("Estimated restoration time for the chosen incidents"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        error_messages={"required": _("Enter the estimated restoration time.")},
    )

    def __init__(self, *args, incidents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incidents"].choices = [(i.pk, i.number) for i in incidents]


class MergeForm(forms.Form):
    sources = forms.TypedMultipleChoiceField(
        label=_("Merge these incidents into this one"), coerce=int, choices=()
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].choices = [(i.pk, str(i)) for i in candidates]


class ReportsMoveForm(forms.Form):
    reports = forms.TypedMultipleChoiceField(
        label=_("Reports"), coerce=int, choices=(), widget=forms.CheckboxSelectMultiple
    )
    target = forms.TypedChoiceField(
        label=_("Move to"), coerce=int, required=False, empty_value=None, choices=()
    )

    def __init__(self, *args, reports=(), targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].choices = [(r.pk, f"{r.number} {r.address.label}") for r in reports]
        self.fields["target"].choices = [("", _("no incident (unassigned)"))] + [
            (i.pk, str(i)) for i in targets
        ]


class StepRestoreForm(forms.Form):
    substations = forms.TypedMultipleChoiceField(
        label=_("Substations back on"), coerce=int, choices=(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, substations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substations"].choices = [(s.pk, s.name) for s in substations]


class PlannedFilterForm(forms.Form):
    """Filters of the public planned-work list; the region comes from the region selector."""

    district = forms.ModelChoiceField(
        label=_("District"), queryset=None, required=False, empty_label=_("All")
    )
    place = forms.CharField(label=_("Settlement or street"), required=False, max_length=100)
    day = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, region=None, **kwargs):
        from gridportal.core.models import District

        super().__init__(*args, **kwargs)
        districts = District.objects.order_by("name")
        if region is not None:
            districts = districts.filter(branch=region)
        self.fields["district"].queryset = districts


class PlannedOutageForm(forms.Form):
    """A dispatcher publishes planned work in one of their branches."""

    branch = forms.ModelChoiceField(label=_("Branch"), queryset=None)
    district = forms.ModelChoiceField(label=_("District"), queryset=None, required=False)
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    reason = forms.CharField(label=_("Reason (published)"), max_length=500)
    substations = forms.CharField(
        label=_("Substations switched off"),
        max_length=2000,
        help_text=_("Dispatch names separated by commas, e.g. ТП-12, ТП-15."),
    )
    area_description = forms.CharField(
        label=_("Streets and houses (published)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, branches, **kwargs):
        from gridportal.core.models import District

        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches
        self.fields["district"].queryset = District.objects.filter(branch__in=branches)

    def clean(self):
        from gridportal.grid.models import Substation

        cleaned = super().clean()
        branch, names = cleaned.get("branch"), cleaned.get("substations")
        if branch and names:
            wanted = [n.strip() for n in names.split(",") if n.strip()]
            found = {s.name: s for s in Substation.objects.filter(branch=branch, name__in=wanted)}
            unknown = [n for n in wanted if n not in found]
            if unknown:
                self.add_error(
                    "substations",
                    _("No such substations in this branch: {names}.").format(
                        names=", ".join(unknown)
                    ),
                )
            cleaned["substation_list"] = list(found.values())
        district = cleaned.get("district")
        if branch and district and district.branch_id != branch.pk:
            self.add_error("district", _("The district belongs to another branch."))
        return cleaned


class CrewForm(forms.Form):
    """A new crew in the register of one of the dispatcher's branches."""

    branch = forms.ModelChoiceField(label=_("Branch"), queryset=None)
    name = forms.CharField(label=_("Crew"), max_length=100, help_text=_("e.g. ОВБ-3"))
    leader = forms.CharField(label=_("Crew leader"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=32)
    members = forms.CharField(label=_("Members"), max_length=500, required=False)

    def __init__(self, *args, branches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches.order_by("name")


class SpecialNeedsForm(forms.Form):
    """A person added to the special-needs register (by a dispatcher, at the person's request)."""

    address = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=32)
    need = forms.ChoiceField(label=_("Need"), choices=())
    notes = forms.CharField(label=_("Notes"), max_length=500, required=False)
    consent = forms.BooleanField(
        label=_("The person gave explicit consent to processing of their health data"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        from gridportal.accounts.consents import SPECIAL_NEEDS, consent_text

        from .choices import SpecialNeed

        super().__init__(*args, **kwargs)
        self.fields["need"].choices = SpecialNeed.choices
        self.fields["consent"].help_text = consent_text(SPECIAL_NEEDS).text


class PlannedMoveForm(forms.Form):
    """New start and end of planned work (local time of its branch)."""

    starts_at = forms.DateTimeField(
        label=_("Starts"), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]
    )
