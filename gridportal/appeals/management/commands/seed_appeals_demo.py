"""Demo data for the appeals desk: a year and a bit of appeals across channels, types,
branches and every state, so the queue, the registry and the yearly report have numbers.

Everything is registered through the intake and handled through the services; only the
dates are then moved back to when the demo says it happened. Run after `seed_demo`.
"""

import datetime as dt
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation

from gridportal.core.intake import Origin
from gridportal.grid.models import ServiceAddress

from ...choices import (
    AnswerChannel,
    AppealType,
    Channel,
    ComplaintSubject,
    EventKind,
    Justified,
    Topic,
)
from ...models import AnswerTemplate, Appeal, AppealEvent
from ...services import (
    Submission,
    appeal_answer,
    appeal_assign,
    appeal_extend,
    appeal_info_request,
    appeal_rate,
    appeal_redirect_outside,
    appeal_submit,
)

TEXTS = {
    Topic.CONNECTION: [
        "Подал заявку на технологическое присоединение дачного дома 15 кВт, прошло два месяца, "
        "договор так и не прислали.",
        "Подскажите, какие документы нужны для увеличения мощности частного дома до 30 кВт?",
    ],
    Topic.INTERRUPTIONS: [
        "За последний месяц свет отключали пять раз, каждый раз по несколько часов.",
        "Плановое отключение не было объявлено заранее, испортились продукты.",
    ],
    Topic.POWER_QUALITY: [
        "По вечерам напряжение падает до 170 В, холодильник не запускается.",
        "Мигает свет, сгорел блок питания компьютера. Прошу проверить напряжение на вводе.",
    ],
    Topic.METERING: [
        "Прошу заменить прибор учёта, срок поверки истёк в прошлом году.",
        "Счётчик установлен на опоре, показания не передаются в личный кабинет.",
    ],
    Topic.BILLING: ["Пришёл счёт с начислением по нормативу, хотя показания передаю ежемесячно."],
    Topic.OFFICE_SERVICE: [
        "В офисе обслуживания прождал в очереди больше часа.",
        "Благодарю сотрудников офиса в Сортавале за быструю консультацию.",
    ],
    Topic.OTHER: [
        "Предлагаю установить освещение на остановке у подстанции.",
        "Ветки деревьев касаются проводов у дома, прошу обрезать.",
    ],
}
NAMES = [
    "Иванова Мария Петровна",
    "Петров Сергей Николаевич",
    "Смирнова Ольга Викторовна",
    "Кузнецов Андрей Игоревич",
    "Васильева Татьяна Сергеевна",
    "Попов Дмитрий Александрович",
]
CHANNEL_WEIGHTS = [
    (Channel.WEB, 45),
    (Channel.PHONE, 25),
    (Channel.OFFICE, 15),
    (Channel.POST, 10),
    (Channel.OTHER, 5),
]
TYPE_WEIGHTS = [
    (AppealType.QUESTION, 40),
    (AppealType.COMPLAINT, 30),
    (AppealType.SERVICE_REQUEST, 15),
    (AppealType.PROPOSAL, 8),
    (AppealType.GRATITUDE, 7),
]
TEMPLATES = [
    (
        "Напряжение восстановлено",
        Topic.POWER_QUALITY,
        "Уважаемый(ая) потребитель! По Вашему обращению проведены замеры напряжения. "
        "Выполнена регулировка ответвлений трансформатора, напряжение в точке поставки "
        "соответствует ГОСТ 32144-2013.",
    ),
    (
        "Ответ по технологическому присоединению",
        Topic.CONNECTION,
        "Уважаемый(ая) заявитель! Проект договора об осуществлении технологического "
        "присоединения направлен в Ваш личный кабинет.",
    ),
    (
        "Переадресация в сбытовую компанию",
        "",
        "Вопросы начисления платы за электроэнергию относятся к компетенции гарантирующего "
        "поставщика. Ваше обращение направлено по принадлежности.",
    ),
]


def _pick(rng, weights):
    values, w = zip(*weights, strict=True)
    return rng.choices(values, weights=w)[0]


class Command(BaseCommand):
    help = "Create a year of demo appeals across channels, types, branches and states."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=240)
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when appeals already exist."
        )

    @transaction.atomic
    def handle(self, *args, count, seed, if_empty=False, **options):
        if if_empty and Appeal.objects.exists():
            self.stdout.write("Appeals are already registered; leaving them as they are.")
            return
        translation.activate(settings.LANGUAGE_CODE)
        rng = random.Random(seed)
        addresses = list(ServiceAddress.objects.select_related("branch").order_by("id")[:3000])
        if not addresses:
            self.stdout.write("No addresses: run seed_demo first.")
            return
        for title, topic, body in TEMPLATES:
            AnswerTemplate.objects.get_or_create(
                title=title, defaults={"topic": topic, "body": body}
            )
        staff = get_user_model().objects.filter(is_staff=True).order_by("id").first()
        now = timezone.now()
        start = now - dt.timedelta(days=400)
        moments = sorted(
            start + dt.timedelta(seconds=rng.uniform(0, (now - start).total_seconds()))
            for _ in range(count)
        )
        made = 0
        for index, at in enumerate(moments):
            self._one(rng, index, at, now, rng.choice(addresses), staff)
            made += 1
        self.stdout.write(self.style.SUCCESS(f"{made} demo appeals registered."))

    def _one(self, rng, index, at, now, address, staff):
        topic = rng.choice(list(TEXTS))
        appeal_type = _pick(rng, TYPE_WEIGHTS)
        if topic == Topic.OFFICE_SERVICE and "Благодарю" in TEXTS[topic][-1] and rng.random() < 0.3:
            appeal_type = AppealType.GRATITUDE
        channel = _pick(rng, CHANNEL_WEIGHTS)
        anonymous = channel == Channel.WEB and rng.random() < 0.05
        name = rng.choice(NAMES)
        quality = topic == Topic.POWER_QUALITY and appeal_type == AppealType.COMPLAINT
        receipt = appeal_submit(
            submission=Submission(
                appeal_type=appeal_type,
                topic=topic,
                text=rng.choice(TEXTS[topic]),
                address=address,
                anonymous=anonymous,
                name=name,
                # E-mail addresses are set after the handling below, so the demo sends no mail.
                phone=f"+7921{rng.randint(1000000, 9999999)}",
                postal_address=address.label if channel == Channel.POST else "",
                answer_channel=AnswerChannel.POST
                if channel == Channel.POST
                else AnswerChannel.EMAIL
                if channel == Channel.WEB
                else AnswerChannel.PHONE,
                consent_given=True,
                contract_number=f"{rng.randint(10, 99)}-{rng.randint(100000, 999999)}"
                if quality
                else "",
                problem_started_at=at - dt.timedelta(days=rng.randint(1, 10)) if quality else None,
                demand="Привести напряжение в соответствие с ГОСТ" if quality else "",
            ),
            origin=Origin(channel=channel, user=staff if channel != Channel.WEB else None),
            now=at,
        )
        appeal = receipt.appeal
        age = (now - at).days
        roll = rng.random()
        recent = age <= 45
        if staff is not None and (not recent or roll < 0.85):
            appeal = appeal_assign(appeal=appeal, assignee=staff, actor=staff)
        # Old appeals are mostly answered (a few left overdue); recent ones in every state.
        answer_it = roll < 0.93 if not recent else roll < 0.4
        if answer_it:
            if topic == Topic.BILLING and rng.random() < 0.5:
                appeal = appeal_redirect_outside(
                    appeal=appeal,
                    body="Гарантирующий поставщик (сбытовая компания)",
                    reason="Начисление платы относится к компетенции сбытовой компании",
                    actor=staff,
                )
            else:
                complaint = appeal.appeal_type == AppealType.COMPLAINT
                appeal = appeal_answer(
                    appeal=appeal,
                    answer="Ваше обращение рассмотрено. " + rng.choice(TEMPLATES)[2],
                    actor=staff,
                    justified=rng.choice([Justified.JUSTIFIED, Justified.UNJUSTIFIED])
                    if complaint
                    else "",
                    subject=rng.choice([ComplaintSubject.CONNECTION, ComplaintSubject.TRANSMISSION])
                    if complaint
                    else "",
                )
                if rng.random() < 0.4 and not appeal.anonymous:
                    appeal_rate(appeal=appeal, rating=rng.randint(2, 5))
            answered = min(at + dt.timedelta(days=rng.randint(2, 28)), now)
            Appeal.objects.filter(pk=appeal.pk).update(answered_at=answered)
            AppealEvent.objects.filter(appeal=appeal).exclude(kind=EventKind.REGISTERED).update(
                at=answered
            )
        elif recent and roll < 0.55 and not appeal.anonymous:
            appeal_info_request(
                appeal=appeal, question="Уточните, пожалуйста, номер договора.", actor=staff
            )
        elif recent and roll < 0.65:
            appeal_extend(
                appeal=appeal, days=20, reason="Требуется выезд на место для замеров", actor=staff
            )
        if channel == Channel.WEB and not appeal.anonymous:
            Appeal.objects.filter(pk=appeal.pk).update(email=f"demo{index}@example.ru")
