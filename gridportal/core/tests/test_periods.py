"""Periods are written with one date when start and end share a day (in the reader's zone)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone, translation

from gridportal.core.templatetags.periods import period_text

MSK = ZoneInfo("Europe/Moscow")


def test_one_day_one_date():
    with translation.override("ru"), timezone.override(MSK):
        start = dt.datetime(2026, 12, 7, 10, 0, tzinfo=MSK)
        assert period_text(start, start + dt.timedelta(hours=2)) == "7 декабря 10:00–12:00"


def test_two_days_two_dates():
    with translation.override("ru"), timezone.override(MSK):
        start = dt.datetime(2026, 12, 7, 22, 0, tzinfo=MSK)
        text = period_text(start, start + dt.timedelta(hours=6))
        assert text == "7 декабря 22:00 – 8 декабря 04:00"


def test_the_day_is_the_readers_day():
    # 22:00 UTC on the 7th is 01:00 on the 8th in Moscow: one date, the 8th.
    start = dt.datetime(2026, 12, 7, 22, 0, tzinfo=dt.UTC)
    with translation.override("ru"), timezone.override(MSK):
        assert period_text(start, start + dt.timedelta(hours=1)) == "8 декабря 01:00–02:00"
    with translation.override("en"), timezone.override(MSK):
        assert period_text(start, start + dt.timedelta(hours=1)).endswith("01:00–02:00")
