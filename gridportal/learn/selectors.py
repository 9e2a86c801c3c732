"""Reads of the energy reference and the safety portal."""

from __future__ import annotations

import datetime as dt

from django.db.models import Avg, Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from .choices import ApplianceCategory, Half, LessonStatus
from .models import Appliance, Choice, ClassCode, ClassResult, Lesson, LessonVersion, Tariff


def appliance_list() -> QuerySet[Appliance]:
    # Categories in the order of ApplianceCategory (lighting first), then the catalogue's order.
    rank = Case(
        *(When(category=c, then=Value(i)) for i, c in enumerate(ApplianceCategory.values)),
        default=Value(len(ApplianceCategory.values)),
        output_field=IntegerField(),
    )
    return Appliance.objects.select_related("better").order_by(rank, "order", "name")


def half_of(day: dt.date) -> tuple[int, int]:
    """The (year, half) of a date: tariffs change on 1 July."""
    return day.year, Half.FIRST if day.month < 7 else Half.SECOND


def tariffs_in_force(*, on: dt.date, region: str | None = None) -> list[Tariff]:
    """Each region's tariffs of the latest half-year that has begun by `on`, per kind."""
    year, half = half_of(on)
    rows = Tariff.objects.filter(Q(year__lt=year) | Q(year=year, half__lte=half))
    if region:
        rows = rows.filter(region=region)
    newest: dict[tuple[str, str], Tariff] = {}
    for tariff in rows.order_by("region", "kind", "-year", "-half"):
        newest.setdefault((tariff.region, tariff.kind), tariff)
    return list(newest.values())


def tariff_regions(*, on: dt.date) -> list[tuple[str, str]]:
    """(code, name) of the regions that have a tariff in force."""
    seen = {}
    for tariff in tariffs_in_force(on=on):
        seen.setdefault(tariff.region, tariff.display_region)
    return sorted(seen.items(), key=lambda item: item[1])


def tariff_get(*, region: str, kind: str, on: dt.date) -> Tariff | None:
    for tariff in tariffs_in_force(on=on, region=region):
        if tariff.kind == kind:
            return tariff
    return None


def published_lessons() -> QuerySet[Lesson]:
    return (
        Lesson.objects.filter(status=LessonStatus.PUBLISHED)
        .annotate(question_count=Count("questions"))
        .order_by("age_group", "order", "title")
    )


def lesson_get_published(slug: str) -> Lesson | None:
    return (
        Lesson.objects.filter(status=LessonStatus.PUBLISHED, slug=slug)
        .prefetch_related(
            "questions", Prefetch("questions__choices", queryset=Choice.objects.order_by("order"))
        )
        .first()
    )


def hazard_lessons() -> QuerySet[Lesson]:
    return published_lessons().filter(hazard=True)


def lessons_for_staff() -> QuerySet[Lesson]:
    return Lesson.objects.annotate(version_count=Count("versions")).order_by("age_group", "order")


def lesson_versions(*, lesson: Lesson) -> QuerySet[LessonVersion]:
    return lesson.versions.select_related("editor")


def class_get(code: str) -> ClassCode | None:
    return ClassCode.objects.filter(code=(code or "").strip().upper()).first()


def classes_for_teacher(*, user) -> QuerySet[ClassCode]:
    return ClassCode.objects.filter(teacher=user).annotate(
        result_count=Count("results"), average=Avg("results__score")
    )


def class_for_teacher(*, user, code: str) -> ClassCode | None:
    return classes_for_teacher(user=user).filter(code=code).first()


def class_results(*, class_code: ClassCode) -> QuerySet[ClassResult]:
    return class_code.results.select_related("lesson")
