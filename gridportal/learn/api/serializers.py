from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gridportal.api.serializers import IdField, JSONTypesMixin, PlainCharField, QuerySerializer

from ..choices import SavingKind, TariffKind, Zone
from ..forms import MAX_COUNT
from ..models import Appliance, Choice, Lesson, Question, Tariff

MAX_LINES = 100


class ApplianceSerializer(serializers.ModelSerializer):
    better = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    name = serializers.CharField(source="display_name", read_only=True)
    name_ru = serializers.CharField(source="name", read_only=True)

    class Meta:
        model = Appliance
        fields = [
            "slug", "name", "name_ru", "name_en", "category", "power_w", "standby_w",
            "usual_hours", "profile", "efficiency_class", "movable", "better", "lamp_lumens",
        ]  # fmt: skip


class TariffSerializer(serializers.ModelSerializer):
    region_name = serializers.CharField(source="display_region", read_only=True)
    rates = serializers.DictField(child=serializers.DecimalField(max_digits=8, decimal_places=2))
    above_norm_rates = serializers.DictField(
        child=serializers.DecimalField(max_digits=8, decimal_places=2)
    )
    zone_hours = serializers.DictField(
        child=serializers.ListField(child=serializers.ListField(child=serializers.IntegerField())),
        help_text="Empty: the standard zones (day 7–23, night 23–7; peak 7–10 and 17–21, "
        "half-peak 10–17 and 21–23, night 23–7).",
    )

    class Meta:
        model = Tariff
        fields = [
            "id", "region", "region_name", "year", "half", "kind", "rates", "zone_hours",
            "norm_kwh", "above_norm_rates", "source", "verified",
        ]  # fmt: skip


class TariffQuerySerializer(QuerySerializer):
    region = serializers.SlugField(required=False, max_length=32)


class EstimateLineSerializer(JSONTypesMixin, serializers.Serializer):
    appliance = serializers.SlugField(max_length=48, help_text="An appliance's slug.")
    count = serializers.IntegerField(min_value=0, max_value=MAX_COUNT)
    hours = serializers.DecimalField(
        max_digits=4, decimal_places=1, min_value=0, max_value=24, required=False,
        help_text="Hours a day; the appliance's usual hours if left out.",
    )  # fmt: skip
    night = serializers.BooleanField(
        required=False, default=False, help_text="Runs at night (23:00–7:00)."
    )


class EstimateRequestSerializer(JSONTypesMixin, serializers.Serializer):
    region = PlainCharField(max_length=32, help_text="A region's code, as in the tariffs.")
    tariff = serializers.ChoiceField(choices=TariffKind.choices, help_text="The tariff's kind.")
    appliances = EstimateLineSerializer(many=True, allow_empty=False, max_length=MAX_LINES)

    def validate_appliances(self, value):
        slugs = {line["appliance"] for line in value}
        found = {
            a.slug: a for a in Appliance.objects.filter(slug__in=slugs).select_related("better")
        }
        missing = sorted(slugs - set(found))
        if missing:
            raise serializers.ValidationError(
                _("Unknown appliance: {slugs}.").format(slugs=", ".join(missing))
            )
        if not any(line["count"] for line in value):
            raise serializers.ValidationError(_("At least one appliance needs a count above 0."))
        for line in value:
            line["appliance"] = found[line["appliance"]]
        return value


class ZoneSerializer(serializers.Serializer):
    zone = serializers.ChoiceField(choices=Zone.choices)
    kwh = serializers.DecimalField(max_digits=10, decimal_places=2)
    within_norm_kwh = serializers.DecimalField(max_digits=10, decimal_places=2)
    above_norm_kwh = serializers.DecimalField(max_digits=10, decimal_places=2)
    rate = serializers.DecimalField(max_digits=8, decimal_places=2)
    above_norm_rate = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    cost = serializers.DecimalField(max_digits=12, decimal_places=2)


class LineResultSerializer(serializers.Serializer):
    appliance = serializers.CharField()
    count = serializers.IntegerField()
    hours = serializers.DecimalField(max_digits=4, decimal_places=1)
    night = serializers.BooleanField()
    kwh = serializers.DecimalField(max_digits=10, decimal_places=2)


class SavingSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SavingKind.choices)
    appliance = serializers.CharField()
    replacement = serializers.CharField()
    kwh = serializers.DecimalField(max_digits=10, decimal_places=2)
    cost = serializers.DecimalField(max_digits=12, decimal_places=2)


class EstimateSerializer(serializers.Serializer):
    tariff = TariffSerializer()
    zones = ZoneSerializer(many=True)
    total_kwh = serializers.DecimalField(max_digits=10, decimal_places=2)
    total_cost = serializers.DecimalField(max_digits=12, decimal_places=2)
    appliances = LineResultSerializer(many=True)
    savings = SavingSerializer(many=True)


class QuizChoiceSerializer(serializers.ModelSerializer):
    text = serializers.CharField(source="display_text")

    class Meta:
        model = Choice
        fields = ["id", "text"]


class QuizQuestionSerializer(serializers.ModelSerializer):
    text = serializers.CharField(source="display_text")
    choices = QuizChoiceSerializer(many=True)

    class Meta:
        model = Question
        fields = ["id", "text", "choices"]


class LessonSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="display_title")
    summary = serializers.CharField(source="display_summary")

    class Meta:
        model = Lesson
        fields = ["slug", "age_group", "topic", "title", "summary", "hazard"]


class LessonDetailSerializer(LessonSerializer):
    body_markdown = serializers.CharField(source="display_body")
    questions = QuizQuestionSerializer(many=True)

    class Meta(LessonSerializer.Meta):
        fields = [*LessonSerializer.Meta.fields, "body_markdown", "questions"]


class QuizAnswerSerializer(JSONTypesMixin, serializers.Serializer):
    question = IdField()
    choice = IdField()


class QuizAnswersSerializer(JSONTypesMixin, serializers.Serializer):
    answers = QuizAnswerSerializer(many=True, max_length=100)


class QuizMarkedSerializer(serializers.Serializer):
    question = serializers.IntegerField()
    choice = serializers.IntegerField(allow_null=True)
    correct = serializers.BooleanField()
    right_choice = serializers.IntegerField()
    explanation = serializers.CharField()


class QuizScoreSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    total = serializers.IntegerField()
    passed = serializers.BooleanField()
    questions = QuizMarkedSerializer(many=True)
