from django.urls import path

from .views import account, public

app_name = "connection"
urlpatterns = [
    path("", public.intention, name="intention"),
    path("applications/", account.application_list, name="applications"),
    path("applications/new/", account.application_form, name="application-new"),
    path("applications/drafts/<int:pk>/", account.application_form, name="draft"),
    path("applications/<str:number>/", account.application_detail, name="application"),
    path(
        "applications/<str:number>/documents/<int:pk>/",
        account.application_document,
        name="application-document",
    ),
]
