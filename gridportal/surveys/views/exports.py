"""Downloads of a questionnaire's answers: raw rows and the summary, CSV or XLSX (core/tabular)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gridportal.core.tabular import write_csv, write_xlsx

from .. import selectors
from ..choices import ResponseChannel

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _raw(user, survey, filters):
    version = selectors.survey_definition_version(survey)
    questions = list(version.questions.all()) if version else []
    responses = selectors.responses_for_user(
        user=user, survey=survey, filters=filters
    ).select_related("branch", "district", "version")
    sets = selectors.answer_sets(responses)
    channels = dict(ResponseChannel.choices)
    header = [
        _("Answer id"),
        pgettext("surveys", "Answered"),
        _("Channel"),
        _("Branch"),
        _("District"),
        _("Office"),
        _("Version"),
        *[q.text for q in questions],
    ]
    rows = []
    for response in responses.order_by("answered_at"):
        answers = sets.get(response.pk, {})
        rows.append(
            [
                str(response.client_id),
                timezone.localtime(response.answered_at).strftime("%Y-%m-%d %H:%M"),
                str(channels.get(response.channel, response.channel)),
                response.branch.name if response.branch else "",
                response.district.name if response.district else "",
                response.office,
                response.version.number,
                *[
                    "; ".join(v) if isinstance(v := answers.get(q.key), list) else v
                    for q in questions
                ],
            ]
        )
    return header, rows


def _summary(user, survey, filters):
    result = selectors.survey_analytics(user=user, survey=survey, filters=filters)
    header = [
        _("Question"),
        pgettext("surveys", "Answered"),
        _("Answer"),
        _("Count"),
        _("Mean"),
        _("CSAT, %"),
        _("NPS"),
    ]
    rows = [[_("All responses"), result.total, "", "", "", "", ""]]
    for question, summary in result.questions:
        rows.append(
            [question.text, summary.answered, "", "", summary.mean, summary.csat, summary.nps]
        )
        for value, count in summary.counts.items():
            rows.append(["", "", value, count, "", "", ""])
    for title, breakdown in (
        (_("Channel"), result.channels),
        (_("Office"), result.offices),
        (_("Month"), result.months),
    ):
        for row in breakdown:
            rows.append([f"{title}: {row.label}", row.responses, "", "", "", row.csat, row.nps])
    return header, rows


def survey_export(*, user, survey, filters, kind: str, fmt: str) -> tuple[bytes, str]:
    header, rows = (_raw if kind == "raw" else _summary)(user, survey, filters)
    if fmt == "csv":
        return write_csv(header, rows), "text/csv; charset=utf-8"
    return write_xlsx([header, *rows], sheet_title=survey.slug[:31]), XLSX
