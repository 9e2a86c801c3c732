"""Forms at the edge: the answer form built from a version, the builder's and filters' forms.

The answer form checks shape only (choices, lengths); which questions must be answered
under the conditions is decided by `analytics.clean_answers` in the service, and its
verdicts are put back on the fields here.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.core.models import Branch, District

from .choices import QuestionKind, ResponseChannel

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
ERRORS = {
    "required": _("Please answer this question."),
    "invalid": _("This answer is not one of the options."),
}


def _field_for(question) -> forms.Field:
    label = question.display_text
    kind = question.kind
    if kind == QuestionKind.CSAT:
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[(str(i), str(i)) for i in range(1, 6)],
            widget=forms.RadioSelect(attrs={"class": "scale"}),
        )
    if kind == QuestionKind.NPS:
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[(str(i), str(i)) for i in range(0, 11)],
            widget=forms.RadioSelect(attrs={"class": "scale"}),
        )
    if kind == QuestionKind.YES_NO:
        return forms.ChoiceField(
            label=label, required=False, choices=YES_NO, widget=forms.RadioSelect
        )
    options = [(c.value, c.display_label) for c in question.choices.all()]
    if kind == QuestionKind.SINGLE:
        return forms.ChoiceField(
            label=label, required=False, choices=options, widget=forms.RadioSelect
        )
    if kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            label=label, required=False, choices=options, widget=forms.CheckboxSelectMultiple
        )
    if kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(label=label, required=False, max_length=300)
    return forms.CharField(
        label=label, required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerForm(forms.Form):
    """The questions of one version, as a person sees them."""

    def __init__(self, *args, version, with_region=False, paper=False, branches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(version.questions.prefetch_related("choices"))
        if with_region or paper:
            queryset = branches if branches is not None else Branch.objects.order_by("name")
            self.fields["region"] = forms.ModelChoiceField(
                label=_("Your region") if not paper else _("Branch"),
                queryset=queryset,
                to_field_name="code",
                required=paper,
                empty_label=_("— not saying —") if not paper else None,
            )
        if paper:
            self.fields["office"] = forms.CharField(
                label=_("Office or unit"), max_length=120, required=False
            )
            self.fields["answered_on"] = forms.DateField(
                label=_("Date on the form"), widget=forms.DateInput(attrs={"type": "date"})
            )
        for question in self.questions:
            field = _field_for(question)
            field.question = question
            self.fields[f"q_{question.key}"] = field

    def question_fields(self):
        return [self[f"q_{q.key}"] for q in self.questions]

    def raw_answers(self) -> dict:
        data = self.cleaned_data
        return {q.key: data.get(f"q_{q.key}") for q in self.questions}

    def add_answer_errors(self, errors: dict[str, str]) -> None:
        for key, code in errors.items():
            self.add_error(f"q_{key}", ERRORS.get(code, ERRORS["invalid"]))


class SurveyCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    slug = forms.SlugField(label=_("Link name (latin letters, digits, dashes)"), max_length=60)
    intro = forms.CharField(
        label=_("Introduction"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    intro_en = forms.CharField(
        label=_("Introduction in English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class QuestionAddForm(forms.Form):
    key = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("Stays the same across versions, e.g. «overall»."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    text = forms.CharField(label=_("Question"), max_length=300)
    text_en = forms.CharField(label=_("Question in English"), max_length=300, required=False)
    required = forms.BooleanField(label=_("Required"), required=False, initial=True)
    options = forms.CharField(
        label=_("Options, one per line: code | Russian | English"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    condition_key = forms.SlugField(label=_("Show only if the question with code"), required=False)
    condition_value = forms.CharField(
        label=_("has the answer (an option code, yes / no or a score)"),
        max_length=60,
        required=False,
    )

    def clean_options(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["options"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(
                    _("Line {number}: write «code | Russian | English».").format(number=number)
                )
            code = parts[0]
            try:
                forms.SlugField().clean(code)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Line {number}: the code may hold latin letters, digits and dashes.").format(
                        number=number
                    )
                ) from None
            rows.append((code, parts[1], parts[2] if len(parts) > 2 else ""))
        return rows

    def clean(self):
        data = super().clean()
        if data.get("condition_key") and not data.get("condition_value"):
            self.add_error("condition_value", _("Say which answer shows the question."))
        return data


class AnalyticsFilterForm(forms.Form):
    date_from = forms.DateField(
        label=pgettext_lazy("surveys", "From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    branch = forms.ModelChoiceField(
        label=_("Branch"),
        queryset=Branch.objects.none(),
        required=False,
        empty_label=_("All branches"),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("All districts"),
    )
    office = forms.ChoiceField(label=_("Office"), required=False)
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("All channels")), *ResponseChannel.choices],
    )

    def __init__(self, *args, branches, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches
        self.fields["district"].queryset = District.objects.filter(branch__in=branches).order_by(
            "name"
        )
        self.fields["office"].choices = [("", _("All offices")), *[(o, o) for o in offices]]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end of the period is before its start."))
        return data


class FollowUpCloseForm(forms.Form):
    note = forms.CharField(
        label=_("What was done"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
