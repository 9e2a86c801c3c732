"""Demo data of «Подружись с электричеством» and the energy reference.

The lessons and quizzes (Russian and English), the appliance catalogue and example
tariffs for the demo regions (`verified=False`: examples, not approved rates).
"""

from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from ...choices import LessonStatus
from ...demo_catalogue import APPLIANCES, tariff_rows
from ...demo_lessons import LESSONS
from ...models import Appliance, Choice, Lesson, Question, Tariff
from ...services import LessonText, lesson_save


def seed_catalogue() -> None:
    by_slug = {}
    for order, row in enumerate(APPLIANCES):
        slug, name, name_en, category, power, standby, hours, profile, klass, movable, _b, lm = row
        by_slug[slug], _ = Appliance.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "category": category,
                "power_w": Decimal(power),
                "standby_w": Decimal(standby),
                "usual_hours": Decimal(hours),
                "profile": profile,
                "efficiency_class": klass,
                "movable": movable,
                "lamp_lumens": lm,
                "order": order,
            },
        )
    for row in APPLIANCES:
        if row[10]:
            Appliance.objects.filter(slug=row[0]).update(better=by_slug[row[10]])


def seed_tariffs(year: int = 2026) -> None:
    for row in tariff_rows(year):
        key = {k: row.pop(k) for k in ("region", "year", "half", "kind")}
        Tariff.objects.update_or_create(**key, defaults=row)


def seed_lessons() -> None:
    for data in LESSONS:
        lesson = Lesson(
            slug=data["slug"],
            age_group=data["age_group"],
            topic=data["topic"],
            illustration=data["illustration"],
            hazard=data.get("hazard", False),
            order=data["order"],
        )
        lesson_save(
            lesson=lesson,
            text=LessonText(
                title=data["title"],
                title_en=data["title_en"],
                summary=data["summary"],
                summary_en=data["summary_en"],
                body=data["body"],
                body_en=data["body_en"],
                status=LessonStatus.PUBLISHED,
            ),
        )
        for q_order, (text, text_en, why, why_en, answers) in enumerate(data["questions"]):
            question = Question.objects.create(
                lesson=lesson,
                order=q_order,
                text=text,
                text_en=text_en,
                explanation=why,
                explanation_en=why_en,
            )
            Choice.objects.bulk_create(
                Choice(question=question, order=i, text=a, text_en=a_en, correct=right)
                for i, (a, a_en, right) in enumerate(answers)
            )


class Command(BaseCommand):
    help = "Create the safety lessons, the appliance catalogue and example tariffs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when lessons already exist."
        )

    @transaction.atomic
    def handle(self, *args, if_empty=False, **options):
        if if_empty and Lesson.objects.exists():
            self.stdout.write("Lessons are already there; leaving them as they are.")
            return
        seed_catalogue()
        seed_tariffs()
        if not Lesson.objects.exists():
            seed_lessons()
        self.stdout.write(
            f"{Lesson.objects.count()} lessons, {Appliance.objects.count()} appliances, "
            f"{Tariff.objects.count()} tariffs."
        )
