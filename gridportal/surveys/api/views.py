"""Questionnaires in the API: published definitions (public), answers (idempotent), summaries (staff)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf_serializers
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from gridportal.api.permissions import is_staff_request
from gridportal.api.schema import error_responses
from gridportal.api.serializers import QuerySerializer
from gridportal.core.intake import Origin

from .. import selectors, services
from ..choices import ResponseChannel
from ..models import Survey
from . import serializers


def _survey_body(survey, version, *, detail=False) -> dict:
    body = {"slug": survey.slug, "display_title": survey.display_title, "version": version.number}
    if detail:
        body["display_intro"] = survey.display_intro
        body["questions"] = list(version.questions.prefetch_related("choices"))
    return body


class SurveyListView(APIView):
    """Questionnaires open for answers."""

    @extend_schema(responses={200: serializers.SurveyListSerializer(many=True)})
    def get(self, request):
        rows = [_survey_body(s, s.published_version()) for s in selectors.survey_public_list()]
        return ApiResponse(serializers.SurveyListSerializer(rows, many=True).data)


class SurveyDetailView(APIView):
    """One published questionnaire with its questions, options and conditions."""

    @extend_schema(responses={200: serializers.SurveyDetailSerializer, **error_responses(404)})
    def get(self, request, slug):
        survey, version = selectors.survey_get_published(slug=slug)
        return ApiResponse(
            serializers.SurveyDetailSerializer(_survey_body(survey, version, detail=True)).data
        )


class AnswerCreateView(APIView):
    """Answers to a questionnaire. Send again safely: the same `client_id` returns the first record."""

    @extend_schema(
        request=serializers.AnswerCreateSerializer,
        responses={
            201: serializers.AnswerReceiptSerializer,
            200: serializers.AnswerReceiptSerializer,
            **error_responses(404, 429),
        },
    )
    def post(self, request, slug):
        get_object_or_404(Survey, slug=slug)
        data = serializers.AnswerCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        staff = bool(
            request.user.is_authenticated and request.user.has_perm("surveys.add_response")
        )
        if values["channel"] == ResponseChannel.PAPER and not staff:
            raise drf_serializers.ValidationError({"channel": [_("Only staff enter paper forms.")]})
        submission = services.ResponseSubmission(
            survey_slug=slug,
            answers=values["answers"],
            channel=values["channel"],
            client_id=values["client_id"],
            version_number=values.get("version"),
            branch_code=values.get("branch", ""),
            office=values.get("office", ""),
            answered_at=values.get("answered_at"),
            language=(request.LANGUAGE_CODE or "ru")[:2],
        )
        try:
            response, created = services.response_submit(
                submission=submission,
                origin=Origin.from_request(request, channel=values["channel"], staff=staff),
            )
        except services.AnswersInvalid as error:
            messages = {
                "required": _("Please answer this question."),
                "invalid": _("Not an answer to this question."),
            }
            raise drf_serializers.ValidationError(
                {f"answers.{key}": [messages[code]] for key, code in error.extra["fields"].items()}
            ) from None
        body = {
            "client_id": response.client_id,
            "created": created,
            "received_at": response.received_at,
        }
        return ApiResponse(
            serializers.AnswerReceiptSerializer(body).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class SummaryQuery(QuerySerializer):
    date_from = drf_serializers.DateField(required=False)
    date_to = drf_serializers.DateField(required=False)
    channel = drf_serializers.ChoiceField(choices=ResponseChannel.choices, required=False)


class SummaryView(APIView):
    """Response counts, CSAT, NPS and distributions of the answers of the staff member's branches."""

    @extend_schema(
        parameters=[
            OpenApiParameter("date_from", str, description="YYYY-MM-DD, included"),
            OpenApiParameter("date_to", str, description="YYYY-MM-DD, included"),
            OpenApiParameter("channel", str, enum=ResponseChannel.values),
        ],
        responses={200: serializers.SummarySerializer, **error_responses(403, 404)},
    )
    def get(self, request, slug):
        # Staff only; checked here rather than by permission classes so that the document
        # keeps anonymous access possible (a visitor gets 403, as it says).
        if not (is_staff_request(request) and request.user.has_perm("surveys.view_response")):
            raise PermissionDenied
        survey = get_object_or_404(Survey, slug=slug)
        query = SummaryQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = selectors.ResponseFilter(
            date_from=query.validated_data.get("date_from"),
            date_to=query.validated_data.get("date_to"),
            channel=query.validated_data.get("channel", ""),
        )
        result = selectors.survey_analytics(user=request.user, survey=survey, filters=filters)
        body = {
            "responses": result.total,
            "questions": [summary for _q, summary in result.questions],
            "channels": result.channels,
            "offices": result.offices,
            "months": result.months,
        }
        return ApiResponse(serializers.SummarySerializer(body).data)
