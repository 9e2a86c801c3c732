"""Demo questionnaires with a year of answers across channels, branches and offices."""

import datetime as dt
import random
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from gridportal.core.models import Branch

from ... import demo
from ...choices import QuestionKind, ResponseChannel
from ...models import Answer, FollowUp, Response, Survey
from ...services import question_add, survey_create, version_publish

CHANNEL_WEIGHTS = [
    (ResponseChannel.ONLINE, 40),
    (ResponseChannel.KIOSK, 35),
    (ResponseChannel.PAPER, 20),
    (ResponseChannel.INVITATION, 5),
]


def build(spec) -> Survey:
    survey = survey_create(
        slug=spec["slug"],
        title=spec["title"],
        title_en=spec["title_en"],
        intro=spec["intro"],
        intro_en=spec["intro_en"],
    )
    survey.event_kinds = [str(k) for k in spec["event_kinds"]]
    survey.is_public = not spec["event_kinds"]
    survey.save(update_fields=["event_kinds", "is_public"])
    for key, kind, text, text_en, required, choices, cond_key, cond_value in spec["questions"]:
        question_add(
            survey=survey,
            key=key,
            kind=kind,
            text=text,
            text_en=text_en,
            required=required,
            choices=choices,
            condition_key=cond_key,
            condition_value=cond_value,
        )
    version_publish(survey=survey)
    return survey


class Command(BaseCommand):
    help = "Create the demo questionnaires and a year of generated answers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when questionnaires exist."
        )
        parser.add_argument("--responses", type=int, default=1500)
        parser.add_argument("--seed", type=int, default=14)

    @transaction.atomic
    def handle(self, *args, if_empty=False, responses=1500, seed=14, **options):
        if if_empty and Survey.objects.exists():
            self.stdout.write("Questionnaires exist; leaving them as they are.")
            return
        rng = random.Random(seed)
        quality = build(demo.SERVICE_QUALITY)
        build(demo.AFTER_SERVICE)
        branches = list(Branch.objects.prefetch_related("districts").order_by("code"))
        if not branches:
            self.stdout.write(
                "No branches: run seed_demo first; questionnaires created without answers."
            )
            return
        version = quality.published_version()
        questions = {q.key: q for q in version.questions.prefetch_related("choices")}
        now = timezone.now()
        made = []
        answers = []
        channels = [c for c, _w in CHANNEL_WEIGHTS]
        weights = [w for _c, w in CHANNEL_WEIGHTS]
        for _ in range(responses):
            branch = rng.choice(branches)
            districts = list(branch.districts.all())
            district = rng.choice(districts) if districts else None
            channel = rng.choices(channels, weights)[0]
            office = ""
            if channel in (ResponseChannel.KIOSK, ResponseChannel.PAPER) and district:
                office = f"ЦОК {district.name}"
            mood = rng.random() + (0.1 if branch.code.endswith(("1", "3")) else 0)
            answered = now - dt.timedelta(days=rng.uniform(0, 365), hours=rng.uniform(0, 10))
            made.append(
                Response(
                    version=version,
                    client_id=uuid.UUID(int=rng.getrandbits(128)),
                    channel=channel,
                    branch=branch,
                    district=district,
                    office=office,
                    answered_at=answered,
                    received_at=answered,
                )
            )
            answers.append(self._answers(rng, mood))
        Response.objects.bulk_create(made, batch_size=500)
        rows = []
        for response, values in zip(made, answers, strict=True):
            for key, value in values.items():
                question = questions[key]
                if question.kind in (QuestionKind.CSAT, QuestionKind.NPS):
                    rows.append(Answer(response=response, question=question, number=value))
                elif question.kind == QuestionKind.LONG_TEXT:
                    rows.append(Answer(response=response, question=question, text=value))
                else:
                    rows.append(Answer(response=response, question=question, choices=[value]))
        Answer.objects.bulk_create(rows, batch_size=2000)
        low = [
            r
            for r, v in zip(made, answers, strict=True)
            if r.channel == ResponseChannel.INVITATION and v["overall"] <= 2
        ]
        FollowUp.objects.bulk_create(
            FollowUp(
                response=r,
                branch=r.branch,
                reason="«Насколько вы довольны обслуживанием в целом?»: 1–2",
            )
            for r in low[:20]
        )
        self.stdout.write(
            f"Questionnaires: 2; answers: {len(made)}; follow-ups: {min(len(low), 20)}."
        )

    @staticmethod
    def _answers(rng, mood) -> dict:
        good = mood > 0.35
        overall = rng.choice([4, 5, 5]) if good else rng.choice([1, 2, 3, 3, 4])
        values = {
            "topic": rng.choice(["connection", "metering", "outage", "contract", "other"]),
            "overall": overall,
            "wait": rng.choice(["lt10", "lt10", "10to30"])
            if good
            else rng.choice(["10to30", "gt30"]),
            "staff": min(5, overall + rng.choice([0, 0, 1])),
            "clear": "yes" if good or rng.random() < 0.3 else "no",
            "recommend": rng.choice([8, 9, 10, 10]) if good else rng.choice([2, 4, 5, 6, 7]),
        }
        if values["clear"] == "no" and rng.random() < 0.6:
            values["missing"] = rng.choice(demo.COMMENTS_BAD)
        if rng.random() < 0.3:
            values["improve"] = rng.choice(demo.COMMENTS_GOOD if good else demo.COMMENTS_BAD)
        return values
