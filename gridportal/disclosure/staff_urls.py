"""The disclosure console, mounted at /staff/disclosure/ (staff:disclosure:calendar)."""

from django.urls import path

from .views import staff

app_name = "disclosure"
urlpatterns = [
    path("", staff.calendar, name="calendar"),
    path("items/<int:pk>/publish/", staff.item_publish, name="item-publish"),
    path("documents/", staff.documents, name="documents"),
    path("documents/new/", staff.document_new, name="document-new"),
    path("documents/<int:pk>/", staff.document_detail, name="document"),
    path("documents/<int:pk>/new-version/", staff.document_new_version, name="document-version"),
    path("documents/<int:pk>/publish/", staff.document_publish, name="document-publish"),
    path("guides/", staff.guides, name="guides"),
    path("guides/<slug:slug>/", staff.guide_edit, name="guide"),
]
