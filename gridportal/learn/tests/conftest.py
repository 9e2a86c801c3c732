import pytest


@pytest.fixture
def learn_demo(db):
    """The shipped demo: lessons with quizzes, the appliance catalogue, example tariffs."""
    from gridportal.learn.management.commands.seed_learn_demo import (
        seed_catalogue,
        seed_lessons,
        seed_tariffs,
    )

    seed_catalogue()
    seed_tariffs()
    seed_lessons()


@pytest.fixture
def content_editor(branch):
    from gridportal.accounts.choices import StaffRole
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username="editor",
        password="correct-horse-battery",
        roles=[StaffRole.CONTENT_EDITOR],
        branches=[branch],
    )


def right_answers(lesson) -> dict[str, str]:
    """The POST data of a quiz with every answer right."""
    return {
        f"q{q.pk}": str(next(c.pk for c in q.choices.all() if c.correct))
        for q in lesson.questions.all()
    }
