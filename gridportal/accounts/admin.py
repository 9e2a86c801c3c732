from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ConsentRecord, User


@admin.register(User)
class GridUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (
        ("Gridportal", {"fields": ("branches", "all_branches", "phone", "email_confirmed")}),
    )
    filter_horizontal = ("groups", "user_permissions", "branches")
    list_display = ["username", "email", "is_staff", "all_branches"]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    list_display = ["given_at", "subject", "text_version", "contact", "withdrawn_at"]
    list_filter = ["subject", "text_version"]

    def has_change_permission(self, request, obj=None):
        return False
