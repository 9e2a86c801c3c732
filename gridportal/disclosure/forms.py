"""Forms of the disclosure app: shape and choices at the edge, localized messages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.accounts.scoping import user_branch_ids, user_branches
from gridportal.api.filters import MAX_QUERY_LENGTH
from gridportal.core.uploads import UploadField

from .choices import DocumentKind, DocumentStatus, GuideStatus, Topic
from .models import Category
from .selectors import DocumentFilters
from .services import DocumentData

ANY = [("", _("Any"))]


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=ANY + DocumentKind.choices)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=ANY + DocumentStatus.choices
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=ANY + Topic.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    category = forms.SlugField(required=False, max_length=80, widget=forms.HiddenInput)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_category(self):
        slug = self.cleaned_data.get("category")
        if not slug:
            return None
        category = Category.objects.filter(slug=slug).first()
        if category is None:
            raise forms.ValidationError(_("No such heading."))
        return category

    def filters(self) -> DocumentFilters:
        data = self.cleaned_data
        return DocumentFilters(
            q=data.get("q") or "",
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            topic=data.get("topic") or "",
            year=data.get("year"),
            category=data.get("category"),
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    number = forms.CharField(label=_("Number"), max_length=60, required=False)
    date = forms.DateField(label=_("Date"), widget=DateInput)
    issuing_body = forms.CharField(label=_("Issuing body"), max_length=200)
    title = forms.CharField(label=_("Title"), max_length=1000)
    title_en = forms.CharField(label=_("Title in English"), max_length=1000, required=False)
    summary = forms.CharField(
        label=pgettext_lazy("disclosure", "Summary"), widget=forms.Textarea, required=False
    )
    summary_en = forms.CharField(
        label=pgettext_lazy("disclosure", "Summary in English"),
        widget=forms.Textarea,
        required=False,
    )
    effective_from = forms.DateField(label=_("In force from"), required=False, widget=DateInput)
    effective_until = forms.DateField(label=_("In force until"), required=False, widget=DateInput)
    status = forms.ChoiceField(label=_("Status"), choices=DocumentStatus.choices)
    category = forms.ModelChoiceField(
        label=_("Heading"), queryset=Category.objects.all(), required=False
    )
    branch = forms.ModelChoiceField(
        label=_("Branch"),
        queryset=None,
        required=False,
        empty_label=_("Company-wide"),
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    file = UploadField(
        label=_("File (PDF or DOCX)"),
        kinds=("pdf", "docx"),
        refusal=_("Upload a PDF or DOCX file."),
        required=False,
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["branch"].queryset = user_branches(user)
        if user_branch_ids(user) is not None:
            # Branch staff add their branch's documents; company-wide ones are the head office's.
            self.fields["branch"].required = True
            self.fields["branch"].empty_label = None

    def clean(self):
        data = super().clean()
        start, end = data.get("effective_from"), data.get("effective_until")
        if start and end and end < start:
            self.add_error("effective_until", _("The end is before the start."))
        return data

    def document_data(self) -> DocumentData:
        d = self.cleaned_data
        return DocumentData(
            kind=d["kind"],
            number=d["number"].strip(),
            date=d["date"],
            issuing_body=d["issuing_body"].strip(),
            title=d["title"].strip(),
            title_en=d["title_en"].strip(),
            summary=d["summary"].strip(),
            summary_en=d["summary_en"].strip(),
            effective_from=d["effective_from"],
            effective_until=d["effective_until"],
            status=d["status"],
            category=d["category"],
            branch_id=d["branch"].pk if d["branch"] else None,
            topics=list(d["topics"]),
        )


class GuideForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    body = forms.CharField(
        label=_("Text (Markdown)"), widget=forms.Textarea(attrs={"rows": 20}), max_length=60000
    )
    body_en = forms.CharField(
        label=_("Text in English (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        max_length=60000,
    )
    status = forms.ChoiceField(label=_("Status"), choices=GuideStatus.choices)


class PublicationForm(forms.Form):
    period = forms.CharField(label=pgettext_lazy("disclosure", "Period"), max_length=16)
    url = forms.CharField(label=_("Link"), max_length=300, required=False)

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        if url and not (url.startswith("/") or url.startswith("https://")):
            raise forms.ValidationError(_("Give a link that starts with / or https://."))
        return url


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda v: v == "yes"
    )
