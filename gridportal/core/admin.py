from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import AuditLogEntry, Branch, CalendarException, Company, District, Rule
from .services import rule_delete, rule_save


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "inn", "hotline_phone"]


@admin.register(Branch)
class BranchAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region", "hotline_phone"]
    search_fields = ["name", "code", "region"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "branch", "kind"]
    list_filter = ["branch", "kind"]
    search_fields = ["name", "code"]


@admin.register(CalendarException)
class CalendarExceptionAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "source"]
    list_filter = ["kind"]


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = ["at", "actor", "action", "object_type", "object_id", "branch", "ip_address"]
    list_filter = ["action", "object_type", "branch"]
    search_fields = ["actor__username", "object_id", "object_repr"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RuleAdminForm(forms.ModelForm):
    """Pick a declared rule; the value is checked against its declared type and range."""

    rule = forms.ChoiceField(label=_("rule"))

    class Meta:
        model = Rule
        fields = ["value", "valid_from", "source", "verified", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [("", "---------")] + [
            (
                f"{namespace}.{key}",
                f"{namespace} · {declared.label} ({key})",
            )
            for namespace in rules.namespaces()
            for key, declared in rules.specs(namespace).items()
        ]
        if self.instance.pk:
            self.initial["rule"] = f"{self.instance.namespace}.{self.instance.key}"
        self.order_fields(["rule", "value", "valid_from", "source", "verified", "note"])

    def clean(self):
        cleaned = super().clean()
        namespace, _dot, key = (cleaned.get("rule") or "").partition(".")
        if not key:
            return cleaned
        declared = rules.spec(namespace, key)
        if "value" in cleaned:
            try:
                cleaned["value"] = rules.format_value(declared.clean(cleaned["value"]))
            except ValidationError as error:
                self.add_error("value", error)
        valid_from = cleaned.get("valid_from")
        if valid_from is not None:
            clash = Rule.objects.filter(namespace=namespace, key=key, valid_from=valid_from)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "valid_from",
                    _("This rule already has a value from this date; change that row instead."),
                )
        self.instance.namespace = namespace
        self.instance.key = key
        self.instance.unit = declared.unit
        return cleaned


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    """Dated rules of every app; each change is written to the audit log."""

    # rule_save and rule_delete write the audit entries themselves.
    audit_in_service = True
    form = RuleAdminForm
    list_display = [
        "namespace",
        "rule_label",
        "value",
        "unit",
        "valid_from",
        "in_force",
        "verified",
        "history",
    ]
    list_display_links = ["rule_label"]
    list_filter = ["namespace", "verified", "key"]
    search_fields = ["namespace", "key", "value", "source", "note"]
    readonly_fields = ["declaration"]
    date_hierarchy = "valid_from"

    def get_fields(self, request, obj=None):
        return ["rule", "declaration", "value", "valid_from", "source", "verified", "note"]

    @admin.display(description=_("rule"), ordering="key")
    def rule_label(self, obj):
        try:
            return f"{rules.spec(obj.namespace, obj.key).label} ({obj.key})"
        except LookupError:
            return obj.key

    @admin.display(description=_("in force today"), boolean=True)
    def in_force(self, obj):
        return rules.row_in_force_pk(obj.namespace, obj.key) == obj.pk

    @admin.display(description=_("history"))
    def history(self, obj):
        url = reverse("admin:core_rule_changelist")
        query = urlencode({"namespace__exact": obj.namespace, "key__exact": obj.key})
        return format_html('<a href="{}?{}">{}</a>', url, query, _("all dates"))

    @admin.display(description=_("declaration"))
    def declaration(self, obj):
        if obj is None or not obj.pk:
            return "—"
        try:
            declared = rules.spec(obj.namespace, obj.key)
        except LookupError:
            return _("Not declared by any app.")
        limits = []
        if declared.minimum is not None:
            limits.append(_("at least {limit}").format(limit=declared.minimum))
        if declared.above is not None:
            limits.append(_("greater than {limit}").format(limit=declared.above))
        if declared.maximum is not None:
            limits.append(_("at most {limit}").format(limit=declared.maximum))
        return _("{kind}, {unit}; default {default} from {day}; {limits}").format(
            kind=_("whole number") if declared.type is int else _("number"),
            unit=declared.unit_label or "—",
            default=declared.default_text,
            day=declared.valid_from.isoformat(),
            limits=", ".join(str(limit) for limit in limits) or _("no limits"),
        )

    def save_model(self, request, obj, form, change):
        before = None
        if change:
            before = {name: str(form.initial.get(name)) for name in form.changed_data}
        rule_save(rule=obj, actor=request.user, request=request, before=before)

    def delete_model(self, request, obj):
        rule_delete(rule=obj, actor=request.user, request=request)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            rule_delete(rule=obj, actor=request.user, request=request)
