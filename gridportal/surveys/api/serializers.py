from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gridportal.api.serializers import JSONTypesMixin, PlainCharField

from ..choices import ResponseChannel


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField(source="display_label")


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    text = serializers.CharField(source="display_text")
    required = serializers.BooleanField()
    condition_key = serializers.CharField(help_text="Shown only if this question…")
    condition_value = serializers.CharField(help_text="…has this answer.")
    choices = ChoiceSerializer(many=True)


class SurveyListSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField(source="display_title")
    version = serializers.IntegerField()


class SurveyDetailSerializer(SurveyListSerializer):
    intro = serializers.CharField(source="display_intro")
    questions = QuestionSerializer(many=True)


class AnswerCreateSerializer(JSONTypesMixin, serializers.Serializer):
    client_id = serializers.UUIDField(
        help_text="Made by the client once per filled questionnaire; a repeat returns the first record."
    )
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The version the answers were given to (default: the published one).",
    )
    channel = serializers.ChoiceField(
        choices=[ResponseChannel.ONLINE, ResponseChannel.KIOSK, ResponseChannel.PAPER],
        default=ResponseChannel.ONLINE,
        help_text="`paper` only for staff entering a paper form.",
    )
    branch = PlainCharField(required=False, allow_blank=True, max_length=20)
    office = PlainCharField(required=False, allow_blank=True, max_length=120)
    answered_at = serializers.DateTimeField(required=False)
    answers = serializers.DictField(
        child=serializers.JSONField(allow_null=True),
        help_text="Question key → a score (number), yes/no, an option code, a list of codes or text.",
    )

    def validate_answers(self, value):
        if len(value) > 100:
            raise serializers.ValidationError(_("Too many answers."))
        for key, answer in value.items():
            if isinstance(answer, dict) or (
                isinstance(answer, list) and any(not isinstance(a, str) for a in answer)
            ):
                raise serializers.ValidationError(
                    _("«{key}»: not an answer of any question kind.").format(key=key[:40])
                )
        return value


class AnswerReceiptSerializer(serializers.Serializer):
    client_id = serializers.UUIDField()
    created = serializers.BooleanField(help_text="False when this client_id was already stored.")
    received_at = serializers.DateTimeField()


class QuestionSummarySerializer(serializers.Serializer):
    key = serializers.CharField()
    kind = serializers.CharField()
    answered = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())
    mean = serializers.FloatField(allow_null=True)
    csat = serializers.FloatField(allow_null=True)
    nps = serializers.FloatField(allow_null=True)


class BreakdownSerializer(serializers.Serializer):
    label = serializers.CharField()
    responses = serializers.IntegerField()
    csat = serializers.FloatField(allow_null=True)
    nps = serializers.FloatField(allow_null=True)


class SummarySerializer(serializers.Serializer):
    responses = serializers.IntegerField()
    questions = QuestionSummarySerializer(many=True)
    channels = BreakdownSerializer(many=True)
    offices = BreakdownSerializer(many=True)
    months = BreakdownSerializer(many=True)
