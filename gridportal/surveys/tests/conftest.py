import pytest

from gridportal.surveys.choices import QuestionKind
from gridportal.surveys.services import question_add, survey_create, version_publish


@pytest.fixture
def questionnaire(db):
    """The office questionnaire: overall rating, a yes/no with a follow-up text, NPS."""
    survey = survey_create(slug="office", title="Качество обслуживания", title_en="Service quality")
    question_add(
        survey=survey, key="overall", kind=QuestionKind.CSAT, text="Общая оценка", text_en="Overall"
    )
    question_add(
        survey=survey,
        key="clear",
        kind=QuestionKind.YES_NO,
        text="Ответ понятен?",
        text_en="Was the answer clear?",
    )
    question_add(
        survey=survey,
        key="missing",
        kind=QuestionKind.LONG_TEXT,
        text="Чего не хватило?",
        text_en="What was missing?",
        condition_key="clear",
        condition_value="no",
    )
    question_add(
        survey=survey,
        key="recommend",
        kind=QuestionKind.NPS,
        text="Порекомендуете?",
        text_en="Recommend?",
    )
    version_publish(survey=survey)
    return survey


@pytest.fixture
def after_service(db):
    """The short questionnaire sent after a closed appeal."""
    survey = survey_create(slug="after", title="Как мы справились?")
    survey.event_kinds = ["appeal_closed", "office_visit_served"]
    survey.save()
    question_add(survey=survey, key="overall", kind=QuestionKind.CSAT, text="Оценка")
    version_publish(survey=survey)
    return survey
