"""Django admin for administrators; the site scopes by branch and audits writes (decision 0013)."""

from django.contrib import admin

from .models import Category, DisclosureItem, Document, Guide, Publication


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "order"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "number", "date", "status", "branch", "published_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "number"]
    readonly_fields = ["file_name", "file_kind", "file_size", "file_text", "supersedes"]
    exclude = ["search_stems"]


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "status", "updated_at"]


@admin.register(DisclosureItem)
class DisclosureItemAdmin(admin.ModelAdmin):
    list_display = ["title", "frequency", "due_offset_days", "responsible", "branch"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["item", "period", "published_at", "source"]
