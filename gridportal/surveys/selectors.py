"""Reads of the surveys app. Staff reads take the user and see their branches only."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.http import Http404
from django.utils import timezone

from gridportal.accounts.scoping import restrict_to_branches

from . import analytics
from .choices import QuestionKind, ResponseChannel, VersionStatus
from .models import Answer, FollowUp, Response, Survey
from .services.responses import version_definition


def survey_public_list():
    return [s for s in Survey.objects.filter(is_public=True) if s.published_version()]


def survey_get_published(*, slug: str):
    survey = Survey.objects.filter(slug=slug).first()
    version = survey.published_version() if survey else None
    if version is None:
        raise Http404
    return survey, version


def survey_definition_version(survey: Survey):
    """The version whose questions the analytics are shown by: published, else the latest."""
    return survey.published_version() or survey.versions.order_by("-number").first()


@dataclass(frozen=True)
class ResponseFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    branch_id: int | None = None
    district_id: int | None = None
    office: str = ""
    channel: str = ""


def responses_for_user(*, user, survey: Survey, filters: ResponseFilter | None = None):
    filters = filters or ResponseFilter()
    qs = restrict_to_branches(Response.objects.filter(version__survey=survey), user)
    if filters.date_from:
        qs = qs.filter(answered_at__date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(answered_at__date__lte=filters.date_to)
    if filters.branch_id:
        qs = qs.filter(branch_id=filters.branch_id)
    if filters.district_id:
        qs = qs.filter(district_id=filters.district_id)
    if filters.office:
        qs = qs.filter(office=filters.office)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    return qs


def answer_sets(responses) -> dict[int, dict[str, object]]:
    """{response id: typed answers} for a queryset of responses, in one query."""
    sets: dict[int, dict[str, object]] = defaultdict(dict)
    rows = Answer.objects.filter(response__in=responses.values("pk")).values_list(
        "response_id", "question__key", "question__kind", "number", "choices", "text"
    )
    for response_id, key, kind, number, choices, text in rows:
        if kind in analytics.SCALES:
            value = number
        elif kind == QuestionKind.MULTIPLE:
            value = list(choices)
        elif kind in analytics.TEXT_LIMIT:
            value = text
        else:
            value = choices[0] if choices else None
        sets[response_id][key] = value
    return sets


@dataclass
class Breakdown:
    label: str
    responses: int = 0
    csat: float | None = None
    nps: float | None = None


@dataclass
class SurveyAnalytics:
    total: int
    questions: list  # (Question, QuestionSummary)
    channels: list[Breakdown] = field(default_factory=list)
    offices: list[Breakdown] = field(default_factory=list)
    months: list[Breakdown] = field(default_factory=list)
    csat_key: str = ""
    nps_key: str = ""


def _breakdown(label, ids, sets, csat_key, nps_key) -> Breakdown:
    row = Breakdown(label=label, responses=len(ids))
    if csat_key:
        row.csat = analytics.csat(
            [sets[i][csat_key] for i in ids if sets.get(i, {}).get(csat_key) is not None]
        )
    if nps_key:
        row.nps = analytics.nps(
            [sets[i][nps_key] for i in ids if sets.get(i, {}).get(nps_key) is not None]
        )
    return row


def survey_analytics(
    *, user, survey: Survey, filters: ResponseFilter | None = None
) -> SurveyAnalytics:
    version = survey_definition_version(survey)
    questions = list(version.questions.prefetch_related("choices")) if version else []
    definition = version_definition(version) if version else []
    responses = responses_for_user(user=user, survey=survey, filters=filters)
    meta = list(responses.values_list("pk", "channel", "office", "answered_at"))
    sets = answer_sets(responses)
    total, summaries = analytics.summarize(definition, [sets.get(pk, {}) for pk, *_ in meta])
    csat_key = next((q.key for q in questions if q.kind == QuestionKind.CSAT), "")
    nps_key = next((q.key for q in questions if q.kind == QuestionKind.NPS), "")
    by_channel, by_office, by_month = defaultdict(list), defaultdict(list), defaultdict(list)
    for pk, channel, office, answered_at in meta:
        by_channel[channel].append(pk)
        if office:
            by_office[office].append(pk)
        by_month[timezone.localtime(answered_at).strftime("%Y-%m")].append(pk)
    labels = dict(ResponseChannel.choices)
    return SurveyAnalytics(
        total=total,
        questions=[(q, summaries[q.key]) for q in questions],
        channels=[
            _breakdown(labels[c], by_channel[c], sets, csat_key, nps_key)
            for c in ResponseChannel.values
            if c in by_channel
        ],
        offices=[
            _breakdown(o, ids, sets, csat_key, nps_key) for o, ids in sorted(by_office.items())
        ],
        months=[_breakdown(m, ids, sets, csat_key, nps_key) for m, ids in sorted(by_month.items())],
        csat_key=csat_key,
        nps_key=nps_key,
    )


def offices_for_user(*, user, survey: Survey) -> list[str]:
    qs = responses_for_user(user=user, survey=survey).exclude(office="")
    return sorted(set(qs.values_list("office", flat=True)))


def follow_ups_for_user(*, user):
    return restrict_to_branches(
        FollowUp.objects.select_related("response__invitation", "branch"), user
    )


def follow_up_get_for_user(*, user, pk: int) -> FollowUp:
    follow_up = follow_ups_for_user(user=user).filter(pk=pk).first()
    if follow_up is None:
        raise Http404
    return follow_up


def surveys_for_staff():
    return Survey.objects.prefetch_related("versions").order_by("title")


def published_or_retired(survey: Survey):
    return survey.versions.exclude(status=VersionStatus.DRAFT)


@dataclass
class YearRow:
    channel: str  # a ResponseChannel value, or "total"
    previous: Breakdown
    current: Breakdown

    @property
    def label(self) -> str:
        return str(dict(ResponseChannel.choices).get(self.channel, ""))

    @property
    def change(self) -> float | None:
        """Change of the number of responses, per cent of the previous year."""
        if not self.previous.responses:
            return None
        return round(
            100.0 * (self.current.responses - self.previous.responses) / self.previous.responses, 1
        )


def yearly_report(*, user, survey: Survey, year: int) -> list[YearRow]:
    """The questionnaire section of the yearly service-quality report: per channel, N−1 vs N."""
    version = survey_definition_version(survey)
    questions = list(version.questions.all()) if version else []
    csat_key = next((q.key for q in questions if q.kind == QuestionKind.CSAT), "")
    nps_key = next((q.key for q in questions if q.kind == QuestionKind.NPS), "")
    base = responses_for_user(user=user, survey=survey).filter(
        answered_at__year__in=[year - 1, year]
    )
    sets = answer_sets(base)
    ids: dict[tuple[int, str], list[int]] = defaultdict(list)
    for pk, channel, answered_at in base.values_list("pk", "channel", "answered_at"):
        ids[(answered_at.year, channel)].append(pk)
    labels = dict(ResponseChannel.choices)
    rows = []
    for channel in [*ResponseChannel.values, ""]:

        def pick(y, channel=channel):
            if channel:
                return ids.get((y, channel), [])
            return [pk for (yy, _c), pks in ids.items() if yy == y for pk in pks]

        label = str(labels.get(channel, "")) if channel else "total"
        rows.append(
            YearRow(
                channel=channel or "total",
                previous=_breakdown(label, pick(year - 1), sets, csat_key, nps_key),
                current=_breakdown(label, pick(year), sets, csat_key, nps_key),
            )
        )
    return rows
