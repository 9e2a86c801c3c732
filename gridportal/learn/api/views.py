from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from gridportal.api.schema import error_responses

from .. import selectors
from ..calculator import Line, household_estimate
from ..quiz import quiz_score
from .serializers import (
    ApplianceSerializer,
    EstimateRequestSerializer,
    EstimateSerializer,
    LessonDetailSerializer,
    LessonSerializer,
    QuizAnswersSerializer,
    QuizScoreSerializer,
    TariffQuerySerializer,
    TariffSerializer,
)


class ApplianceListView(generics.ListAPIView):
    """The appliance catalogue: typical power, standby, usual hours, efficiency class."""

    serializer_class = ApplianceSerializer
    queryset = selectors.appliance_list()


class TariffListView(APIView):
    """The household tariffs in force today, per region and kind (`verified`: checked rates)."""

    @extend_schema(
        parameters=[TariffQuerySerializer],
        responses={200: TariffSerializer(many=True), **error_responses(400)},
    )
    def get(self, request):
        params = TariffQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        tariffs = selectors.tariffs_in_force(
            on=timezone.localdate(), region=params.validated_data.get("region")
        )
        return Response(TariffSerializer(tariffs, many=True).data)


class EstimateView(APIView):
    """A household's month: kWh and cost per zone, the same figures as /learn/energy/."""

    @extend_schema(
        request=EstimateRequestSerializer,
        responses={200: EstimateSerializer, **error_responses(400)},
    )
    def post(self, request):
        body = EstimateRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        tariff = selectors.tariff_get(
            region=data["region"], kind=data["tariff"], on=timezone.localdate()
        )
        if tariff is None:
            raise ValidationError({"tariff": [_("This region has no tariff of this kind.")]})
        lines = [
            Line(
                appliance=row["appliance"],
                count=row["count"],
                hours=row.get("hours", row["appliance"].usual_hours),
                night=row["night"],
            )
            for row in data["appliances"]
        ]
        result = household_estimate(
            tariff=tariff, lines=lines, catalogue=selectors.appliance_list()
        )
        estimate = result.estimate
        payload = {
            "tariff": tariff,
            "zones": [vars(z) for z in estimate.zones],
            "total_kwh": estimate.total_kwh,
            "total_cost": estimate.total_cost,
            "appliances": [
                {
                    "appliance": line.appliance.slug,
                    "count": line.count,
                    "hours": line.hours,
                    "night": line.night,
                    "kwh": energy.kwh,
                }
                for line, energy in result.lines
            ],
            "savings": [
                {
                    "kind": s.kind,
                    "appliance": s.key,
                    "replacement": s.replacement_key,
                    "kwh": s.kwh,
                    "cost": s.cost,
                }
                for s, _was, _now in result.savings
            ],
        }
        return Response(EstimateSerializer(payload).data)


class LessonListView(generics.ListAPIView):
    """Published safety lessons."""

    serializer_class = LessonSerializer
    queryset = selectors.published_lessons()


class LessonDetailView(APIView):
    """A published lesson with its Markdown text and quiz (answers without the right one)."""

    @extend_schema(responses={200: LessonDetailSerializer, **error_responses(404)})
    def get(self, request, slug):
        lesson = selectors.lesson_get_published(slug)
        if lesson is None:
            raise Http404
        return Response(LessonDetailSerializer(lesson).data)


class QuizScoreView(APIView):
    """Mark answers to a lesson's quiz: each one right or not, with its explanation, and the score.

    Give every question to get the score; give one to check a single answer (the page's
    «Check» buttons do). A question left out is not scored.
    """

    @extend_schema(
        request=QuizAnswersSerializer,
        responses={200: QuizScoreSerializer, **error_responses(400, 404)},
    )
    def post(self, request, slug):
        lesson = selectors.lesson_get_published(slug)
        if lesson is None:
            raise Http404
        body = QuizAnswersSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        questions = {q.pk: q for q in lesson.questions.all()}
        answers = {}
        for answer in body.validated_data["answers"]:
            question = questions.get(answer["question"])
            if question is None or answer["choice"] not in {c.pk for c in question.choices.all()}:
                raise ValidationError({"answers": [_("No such question or answer in this quiz.")]})
            answers[question.pk] = answer["choice"]
        key = {
            pk: next(c.pk for c in q.choices.all() if c.correct)
            for pk, q in questions.items()
            if pk in answers
        }
        score = quiz_score(key=key, answers=answers)
        return Response(
            QuizScoreSerializer(
                {
                    "score": score.score,
                    "total": score.total,
                    "passed": score.passed and score.total == len(questions),
                    "questions": [
                        {
                            "question": m.question,
                            "choice": m.chosen,
                            "correct": m.correct,
                            "right_choice": m.right,
                            "explanation": questions[m.question].display_explanation,
                        }
                        for m in score.marked
                    ],
                }
            ).data
        )
