from django.urls import path

from .views import public

app_name = "surveys"
urlpatterns = [
    path("", public.survey_list, name="list"),
    path("sw.js", public.service_worker, name="service-worker"),
    path("i/<str:token>/", public.invitation_answer, name="invitation"),
    path("i/<str:token>/opt-out/", public.invitation_opt_out, name="opt-out"),
    path("<slug:slug>/", public.survey_answer, name="answer"),
    path("<slug:slug>/thanks/", public.thanks, name="thanks"),
    path("<slug:slug>/kiosk/", public.kiosk, name="kiosk"),
]
