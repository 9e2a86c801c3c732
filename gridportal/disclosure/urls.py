"""Public pages of information disclosure (mounted at / by config/urls.py)."""

from django.urls import path, re_path

from .feeds import DocumentFeed
from .views import public

app_name = "disclosure"
urlpatterns = [
    path("documents/", public.documents, name="documents"),
    path("documents/feed/", DocumentFeed(), name="feed"),
    path("documents/number/<str:number>/", public.document_by_number, name="by-number"),
    path("documents/<int:pk>/file/", public.document_file, name="file"),
    path("documents/<int:pk>/", public.document_detail, name="document-short"),
    re_path(
        r"^documents/(?P<pk>\d+)-(?P<slug>[a-z0-9-]+)/$", public.document_detail, name="document"
    ),
    path("guides/", public.guides, name="guides"),
    path("guides/<slug:slug>/", public.guide_detail, name="guide"),
    path("guides/<slug:slug>/feedback/", public.guide_feedback, name="guide-feedback"),
    path("disclosure/", public.disclosure, name="disclosure"),
]
