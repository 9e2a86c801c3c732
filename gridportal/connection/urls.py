from django.urls import path

from .views import account, public, wizard

app_name = "connection"
urlpatterns = [
    path("", public.intention, name="intention"),
    path("applications/", account.application_list, name="applications"),
    path("applications/new/", wizard.application_start, name="application-new"),
    path("applications/drafts/<int:pk>/", wizard.application_resume, name="draft"),
    path("applications/drafts/<int:pk>/<slug:step>/", wizard.application_step, name="step"),
    path("applications/<str:number>/", account.application_detail, name="application"),
    path(
        "applications/<str:number>/documents/<int:pk>/",
        account.application_document,
        name="application-document",
    ),
]
