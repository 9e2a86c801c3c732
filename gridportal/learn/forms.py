"""Validation at the edge: the calculator, the quiz, the certificate, classes and lesson editing."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .calculator import Line
from .choices import LessonStatus, TariffKind
from .models import Lesson

MAX_COUNT = 50

# Typical flat the calculator starts from: appliance → count.
TYPICAL_HOUSEHOLD = {
    "lamp-incandescent-60": 4,
    "lamp-led-8": 2,
    "kettle": 1,
    "microwave": 1,
    "fridge-old": 1,
    "washer": 1,
    "tv-old": 1,
    "router": 1,
    "laptop": 1,
    "phone-charger": 2,
}


def plain(value: Decimal) -> Decimal:
    """5.0 → 5 and 0.30 → 0.3, without the exponent Decimal.normalize() gives 10."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


class EnergyForm(forms.Form):
    """The household: region, tariff kind and, per catalogue appliance, count, hours, «at night»."""

    region = forms.ChoiceField(label=_("Region"))
    kind = forms.ChoiceField(label=_("Tariff"), choices=TariffKind.choices)

    def __init__(self, *args, appliances, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.appliances = list(appliances)
        self.fields["region"].choices = regions
        self.rows = []
        for appliance in self.appliances:
            described = f"name-{appliance.slug}"
            count = forms.IntegerField(
                label=_("How many"),
                min_value=0,
                max_value=MAX_COUNT,
                required=False,
                initial=TYPICAL_HOUSEHOLD.get(appliance.slug, 0),
                widget=forms.NumberInput(attrs={"class": "count", "aria-describedby": described}),
            )
            hours = forms.DecimalField(
                label=_("Hours a day"),
                min_value=Decimal(0),
                max_value=Decimal(24),
                max_digits=4,
                decimal_places=1,
                required=False,
                initial=plain(appliance.usual_hours),
                localize=True,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "decimal",
                        "class": "hours",
                        "aria-describedby": described,
                        "placeholder": formats.localize(plain(appliance.usual_hours)),
                    }
                ),
            )
            names = [f"n_{appliance.slug}", f"h_{appliance.slug}"]
            self.fields[names[0]], self.fields[names[1]] = count, hours
            if appliance.movable:
                names.append(f"night_{appliance.slug}")
                self.fields[names[2]] = forms.BooleanField(
                    label=_("At night"),
                    required=False,
                    widget=forms.CheckboxInput(attrs={"aria-describedby": described}),
                )
            self.rows.append((appliance, names))

    def bound_rows(self):
        """(appliance, count field, hours field, night field or None) for the template."""
        for appliance, names in self.rows:
            fields = [self[name] for name in names]
            yield appliance, fields[0], fields[1], fields[2] if len(fields) > 2 else None

    def lines(self) -> list[Line]:
        data = self.cleaned_data
        lines = []
        for appliance, names in self.rows:
            count = data.get(names[0]) or 0
            hours = data.get(names[1])
            if not count:
                continue
            lines.append(
                Line(
                    appliance=appliance,
                    count=count,
                    hours=appliance.usual_hours if hours is None else hours,
                    night=bool(len(names) > 2 and data.get(names[2])),
                )
            )
        return lines

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.lines():
            raise forms.ValidationError(_("Enter how many of at least one appliance you have."))
        return cleaned


class QuizForm(forms.Form):
    """A lesson's quiz: one radio group per question, and an optional class code."""

    class_code = forms.CharField(
        label=_("Class code (if your teacher gave you one)"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.display_text,
                choices=[(c.pk, c.display_text) for c in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )
        self.order_fields([f"q{q.pk}" for q in self.questions] + ["class_code"])

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}


class CertificateForm(forms.Form):
    """The name printed on the certificate; used for the PDF only and never stored."""

    name = forms.CharField(
        label=_("Your first name for the certificate"),
        max_length=40,
        help_text=_("We print it on the certificate and do not keep it."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    result = forms.CharField(widget=forms.HiddenInput)


class ClassForm(forms.Form):
    label = forms.CharField(
        label=_("Class"), max_length=60, help_text=_("For example, 3 «Б», School No. 5.")
    )


class LessonMetaForm(forms.ModelForm):
    """What a new lesson is about; its text follows in LessonForm."""

    class Meta:
        model = Lesson
        fields = ["slug", "age_group", "topic", "illustration", "hazard", "order"]


class LessonForm(forms.Form):
    """A content editor's text of a lesson (Markdown; sanitised when shown)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    summary = forms.CharField(
        label=pgettext_lazy("learn", "Summary"), max_length=300, required=False
    )
    summary_en = forms.CharField(label=_("Summary in English"), max_length=300, required=False)
    body = forms.CharField(
        label=_("Text (Markdown)"), max_length=20000, widget=forms.Textarea(attrs={"rows": 16})
    )
    body_en = forms.CharField(
        label=_("Text in English (Markdown)"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=LessonStatus.choices)
