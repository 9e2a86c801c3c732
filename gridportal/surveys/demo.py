"""The company's questionnaires for the demo: the service-quality questionnaire (the questions
the service standards ask about) and the short one sent after a service."""

from gridportal.core.signals import ServiceEventKind

from .choices import QuestionKind as K

SERVICE_QUALITY = {
    "slug": "kachestvo-obsluzhivaniya",
    "title": "Оценка качества обслуживания потребителей",
    "title_en": "How well do we serve you?",
    "intro": (
        "Сетевая организация регулярно изучает мнение потребителей о качестве обслуживания. "
        "Ответьте, пожалуйста, на несколько вопросов — это займёт две минуты."
    ),
    "intro_en": (
        "The grid company regularly asks its customers how well it serves them. "
        "Please answer a few questions: it takes two minutes."
    ),
    "event_kinds": [],
    "questions": [
        (
            "topic",
            K.SINGLE,
            "По какому вопросу вы обращались?",
            "What did you contact us about?",
            True,
            [
                ("connection", "Технологическое присоединение", "Grid connection"),
                ("metering", "Приборы учёта", "Metering devices"),
                ("outage", "Перерыв в электроснабжении", "Power interruption"),
                ("contract", "Договор, документы", "Contract, documents"),
                ("other", "Другое", "Other"),
            ],
            "",
            "",
        ),
        (
            "overall",
            K.CSAT,
            "Насколько вы довольны обслуживанием в целом?",
            "How satisfied are you with the service overall?",
            True,
            [],
            "",
            "",
        ),
        (
            "wait",
            K.SINGLE,
            "Сколько времени вы ждали приёма или ответа?",
            "How long did you wait to be served or answered?",
            True,
            [
                ("lt10", "Меньше 10 минут", "Less than 10 minutes"),
                ("10to30", "От 10 до 30 минут", "10 to 30 minutes"),
                ("gt30", "Больше 30 минут", "More than 30 minutes"),
            ],
            "",
            "",
        ),
        (
            "staff",
            K.CSAT,
            "Вежливость и компетентность сотрудников",
            "Politeness and competence of the staff",
            True,
            [],
            "",
            "",
        ),
        (
            "clear",
            K.YES_NO,
            "Получили ли вы исчерпывающий ответ на свой вопрос?",
            "Did you get a full answer to your question?",
            True,
            [],
            "",
            "",
        ),
        (
            "missing",
            K.LONG_TEXT,
            "Чего не хватило в ответе?",
            "What was missing in the answer?",
            False,
            [],
            "clear",
            "no",
        ),
        (
            "recommend",
            K.NPS,
            "Насколько вероятно, что вы посоветуете знакомым обращаться к нам через портал и центры обслуживания?",
            "How likely are you to recommend our portal and service centres to people you know?",
            True,
            [],
            "",
            "",
        ),
        ("improve", K.LONG_TEXT, "Что нам улучшить?", "What should we improve?", False, [], "", ""),
    ],
}

AFTER_SERVICE = {
    "slug": "posle-obrashcheniya",
    "title": "Как мы справились?",
    "title_en": "How did we do?",
    "intro": "Вы недавно воспользовались нашей услугой. Оцените, пожалуйста, как всё прошло.",
    "intro_en": "You have recently used one of our services. Please tell us how it went.",
    "event_kinds": [
        ServiceEventKind.APPEAL_CLOSED,
        ServiceEventKind.OFFICE_VISIT_SERVED,
        ServiceEventKind.CONNECTION_COMPLETED,
        ServiceEventKind.POWER_RESTORED,
    ],
    "questions": [
        (
            "overall",
            K.CSAT,
            "Как вы оцениваете, как был решён ваш вопрос?",
            "How would you rate the way your matter was handled?",
            True,
            [],
            "",
            "",
        ),
        (
            "comment",
            K.LONG_TEXT,
            "Что пошло не так или что понравилось?",
            "What went wrong, or what did you like?",
            False,
            [],
            "",
            "",
        ),
    ],
}

COMMENTS_GOOD = [
    "Вежливые сотрудники, всё объяснили понятно",
    "Быстро приняли, очереди не было",
    "Спасибо за помощь с заявкой на подключение",
    "Удобная запись на приём через сайт",
    "Свет дали быстрее, чем обещали, спасибо бригаде",
    "Понятно рассказали, какие документы нужны",
]
COMMENTS_BAD = [
    "Долго ждали в очереди, работало одно окно",
    "Не смогли дозвониться на горячую линию",
    "Не объяснили сроки подключения",
    "Ждала больше получаса, сотрудник отвлекался",
    "Сайт не показывал отключение по моему адресу",
    "Долго ждали ответа на обращение",
    "Очередь большая, мало окон обслуживания",
]
