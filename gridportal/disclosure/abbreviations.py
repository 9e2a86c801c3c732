"""Abbreviations people type into the registry's search, and what they stand for.

The words are docs/glossary.md's. An abbreviation typed on its own (not inside quotes,
not part of a dispatch name such as «ТП-110») finds documents that use it or any of its
full forms. «ТП» is both технологическое присоединение and трансформаторная подстанция
(the glossary warns of it), so it finds both.
"""

from __future__ import annotations

ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "тп": ("технологическое присоединение", "трансформаторная подстанция"),
    "ктп": ("комплектная трансформаторная подстанция",),
    "рп": ("распределительный пункт",),
    "цп": ("центр питания",),
    "пс": ("подстанция",),
    "рэс": ("район электрических сетей",),
    "цок": ("центр обслуживания клиентов",),
    "лэп": ("линия электропередачи",),
    "вл": ("воздушная линия",),
    "кл": ("кабельная линия",),
    "пу": ("прибор учета",),
    "ипу": ("индивидуальный прибор учета",),
    "ту": ("технические условия",),
    "пдн": ("персональные данные",),
    "лк": ("личный кабинет",),
    "фас": ("федеральная антимонопольная служба",),
}
