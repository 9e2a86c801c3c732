"""Teachers' classes and the anonymous results children add to them."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.limits import limit_hit

from ..choices import RuleKey
from ..models import ClassCode, ClassResult, Lesson
from ..rules import rule

# No 0/O, 1/I/L: a child copies the code from the blackboard.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


@transaction.atomic
def class_create(*, teacher, label: str) -> ClassCode:
    """A new class with a fresh code for a signed-in teacher."""
    if ClassCode.objects.filter(teacher=teacher).count() >= rule(RuleKey.CLASSES_PER_TEACHER):
        raise ApplicationError(_("You already have the largest number of classes."), code="label")
    for _attempt in range(10):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with transaction.atomic():
                return ClassCode.objects.create(teacher=teacher, code=code, label=label.strip())
        except IntegrityError:
            continue
    raise ApplicationError(_("No free class code; please try again."), code="label")


def class_result_record(
    *, class_code: ClassCode, lesson: Lesson, score: int, total: int
) -> ClassResult:
    """Record a child's score in the class: lesson, score and date; nothing about the child.

    A class accepts a limited number of results an hour, so nobody can flood a teacher's
    table (counted per class, not per address: a school shares one).
    """
    if limit_hit(
        group="learn:class-results",
        value=class_code.code,
        limit=rule(RuleKey.CLASS_RESULTS_PER_HOUR),
    ):
        raise RateLimited(
            _("This class has received many results in the last hour. Please try again later.")
        )
    return ClassResult.objects.create(
        class_code=class_code, lesson=lesson, score=score, total=total
    )
