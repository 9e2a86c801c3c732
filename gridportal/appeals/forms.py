"""Forms at the edge of the appeals desk: shape and choices, localized messages."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.accounts.consents import APPEAL
from gridportal.accounts.forms import ConsentField
from gridportal.core.exceptions import ApplicationError
from gridportal.core.uploads import UploadField, upload_max_megabytes
from gridportal.grid.models import ServiceAddress

from .choices import (
    AnswerChannel,
    AppealType,
    Channel,
    ComplaintSubject,
    Justified,
    Topic,
)
from .services import ATTACHMENT_KINDS, Submission

FILE_REFUSAL = _("Attach PDF documents or JPEG/PNG photos; other files are not accepted.")
MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(UploadField):
    """Up to five documents or photos; each is checked by its content (core/uploads)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        # Lazy: the field is built when the module is imported, in the default language; an
        # evaluated .format() froze the Russian hint on the English page.
        kwargs.setdefault(
            "help_text",
            format_lazy(
                _("Up to {n} files, PDF, JPEG or PNG, at most {size} MB each."),
                n=MAX_FILES,
                size=upload_max_megabytes(),
            ),
        )
        super().__init__(kinds=ATTACHMENT_KINDS, refusal=FILE_REFUSAL, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("You can attach at most {n} files.").format(n=MAX_FILES), code="too_many"
            )
        uploads, errors = [], []
        for file in files:
            try:
                uploads.append(super().clean(file, initial))
            except forms.ValidationError as error:
                errors.extend(f"{file.name}: {message}" for message in error.messages)
        if errors:
            raise forms.ValidationError(errors)
        return tuple(uploads)


class IntakeRefusalMixin:
    def intake_refused(self, error: ApplicationError) -> int:
        """Show the intake's refusal on its field (or the form); the HTTP status to answer."""
        self.add_error(error.code if error.code in self.fields else None, error.message)
        return error.status


def _address(value):
    try:
        return ServiceAddress.objects.select_related("branch", "district").get(pk=int(value))
    except (TypeError, ValueError, ServiceAddress.DoesNotExist):
        return None


class AppealForm(IntakeRefusalMixin, forms.Form):
    """The public appeal form; the power-quality fields are for complaints on that topic."""

    address = forms.IntegerField(widget=forms.HiddenInput)
    appeal_type = forms.ChoiceField(
        label=_("Type of appeal"),
        choices=AppealType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the type of the appeal.")},
    )
    topic = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("— choose —")), *Topic.choices],
        error_messages={"required": _("Choose what the appeal is about.")},
    )
    text = forms.CharField(
        label=_("Your appeal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write what the appeal is about.")},
    )
    attachments = AttachmentsField(label=_("Files (optional)"))
    # Complaints about reliability and quality of supply.
    contract_number = forms.CharField(label=_("Contract number"), required=False, max_length=64)
    device_address = forms.CharField(
        label=_("Address of the connected device, if different"), required=False, max_length=400
    )
    problem_started_at = forms.DateTimeField(
        label=_("When did the problem happen?"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M"],
    )
    demand = forms.CharField(
        label=_("What do you ask us to do?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    anonymous = forms.BooleanField(
        label=_("Send anonymously"),
        required=False,
        help_text=_(
            "An anonymous appeal is registered and considered, but we cannot answer it: "
            "there is nobody to send the answer to."
        ),
    )
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=32,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_address = forms.CharField(
        label=_("Postal address (for an answer by post)"), required=False, max_length=400
    )
    answer_channel = forms.ChoiceField(
        label=_("How should we answer?"),
        choices=AnswerChannel.choices,
        initial=AnswerChannel.EMAIL,
        widget=forms.RadioSelect,
        required=False,
    )
    consent = ConsentField(purpose=APPEAL, required=False)
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_address(self):
        address = _address(self.cleaned_data["address"])
        if address is None:
            raise forms.ValidationError(_("Choose the address from the list."))
        return address

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("The form could not be accepted. Please call the hotline."), code="honeypot"
            )
        if cleaned.get("anonymous"):
            return cleaned
        if not (cleaned.get("email") or cleaned.get("phone") or cleaned.get("postal_address")):
            self.add_error(
                "email",
                _(
                    "Give an e-mail, a phone number or a postal address so that we can answer "
                    "you, or send the appeal anonymously."
                ),
            )
        channel = cleaned.get("answer_channel")
        needed = {
            AnswerChannel.EMAIL: ("email", _("Give the e-mail for the answer.")),
            AnswerChannel.POST: ("postal_address", _("Give the postal address for the answer.")),
            AnswerChannel.PHONE: ("phone", _("Give the phone number for the answer.")),
        }
        if channel in needed and not cleaned.get(needed[channel][0]) and not self.errors:
            self.add_error(needed[channel][0], needed[channel][1])
        if not cleaned.get("consent"):
            self.add_error(
                "consent", _("We can accept the appeal only with your consent to data processing.")
            )
        return cleaned

    def submission(self, *, user=None) -> Submission:
        return Submission.from_cleaned(self.cleaned_data, user=user)


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("Registration number"),
        max_length=30,
        widget=forms.TextInput(attrs={"placeholder": "А-2026-000123", "autocomplete": "off"}),
    )
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class InfoAddForm(forms.Form):
    text = forms.CharField(
        label=_("The information we asked for"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write the information we asked for.")},
    )
    attachments = AttachmentsField(label=_("Files (optional)"))


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the answer?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("What is still not solved?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Tell us what is still not solved.")},
    )


# --- staff ---------------------------------------------------------------------------


class StaffAppealForm(AppealForm):
    """Staff register a paper, phone or office appeal through the same intake."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(c.value, c.label) for c in Channel if c != Channel.WEB],
    )
    callback_requested = forms.BooleanField(
        label=_("Could not answer during the call: call back"), required=False
    )
    consent = forms.BooleanField(
        label=_("The person agreed to the processing of their personal data"), required=False
    )


class QueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", pgettext_lazy("appeals", "open"))]
    )
    appeal_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("any")), *AppealType.choices]
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("any")), *Topic.choices]
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("any")), *Channel.choices]
    )
    branch = forms.ModelChoiceField(
        label=_("Branch"), required=False, queryset=None, empty_label=_("all of mine")
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)

    def __init__(self, *args, branches=None, **kwargs):
        from .choices import Status

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", pgettext_lazy("appeals", "open")),
            ("all", _("all")),
            *Status.choices,
        ]
        self.fields["branch"].queryset = branches


class RegistryFilterForm(forms.Form):
    date_from = forms.DateField(
        label=_("Registered from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("any")), *Channel.choices]
    )
    appeal_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("any")), *AppealType.choices]
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class InfoRequestForm(forms.Form):
    question = forms.CharField(
        label=_("What do you need from the person?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("Extend by (days)"), min_value=1, max_value=365)
    reason = forms.CharField(label=_("Reason (the person is told)"), max_length=2000)


class RedirectBranchForm(forms.Form):
    branch = forms.ModelChoiceField(label=_("Branch"), queryset=None, empty_label=_("— choose —"))
    reason = forms.CharField(label=_("Reason"), max_length=2000)

    def __init__(self, *args, branches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches


class RedirectOutsideForm(forms.Form):
    body = forms.CharField(label=_("Body responsible (name)"), max_length=300)
    reason = forms.CharField(label=_("Reason (the person is told)"), max_length=2000)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer on the merits"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )
    attachments = AttachmentsField(label=_("Files for the person (optional)"))
    justified = forms.ChoiceField(
        label=_("Complaint justified?"), required=False, choices=Justified.choices
    )
    subject = forms.ChoiceField(
        label=_("Subject of the complaint"), required=False, choices=ComplaintSubject.choices
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, empty_label=_("— choose —")
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff
