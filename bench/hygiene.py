"""What the input-hygiene middleware costs a storm look-up (decision 0009).

    .venv/bin/python bench/hygiene.py

Times `InputHygieneMiddleware.__call__` around a view that does nothing, on a request
built like a browser's storm look-up (`GET /outages/live/status.json?substation=123&address=456`
with a dozen ordinary headers and cookies), against the same view without the middleware,
and the same for a form POST (the report form; its body parsed before the timing, since
CSRF and the view parse it anyway). Building the requests is kept out of the timing.
Prints microseconds per request: without, with, and the difference.
"""

from __future__ import annotations

import os
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from gridportal.core.hygiene import InputHygieneMiddleware  # noqa: E402

HEADERS = {
    "HTTP_HOST": "portal.example.ru",
    "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36",
    "HTTP_ACCEPT": "application/json, text/plain, */*",
    "HTTP_ACCEPT_LANGUAGE": "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7",
    "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
    "HTTP_REFERER": "https://portal.example.ru/outages/status/?address=456",
    "HTTP_COOKIE": "gp_branch=karelia; django_language=ru; csrftoken=" + "x" * 32,
    "HTTP_CONNECTION": "keep-alive",
    "HTTP_SEC_FETCH_DEST": "empty",
    "HTTP_SEC_FETCH_MODE": "cors",
    "HTTP_SEC_FETCH_SITE": "same-origin",
    "HTTP_X_REQUESTED_WITH": "XMLHttpRequest",
}


def view(request):
    return HttpResponse(b"{}", content_type="application/json")


def per_call_us(function, request, number):
    best = min(timeit.repeat(lambda: function(request), number=number, repeat=7))
    return best / number * 1e6


def main():
    factory = RequestFactory()
    middleware = InputHygieneMiddleware(view)
    lookup = factory.get(
        "/outages/live/status.json", {"substation": "123", "address": "456"}, **HEADERS
    )
    form = factory.post(
        "/outages/report/",
        {
            "address": "456",
            "problem": "no_power",
            "phone": "+7 900 123-45-67",
            "comment": "Нет света во всём доме\r\nс 14:05",
            "consent": "on",
        },
        **HEADERS,
    )
    _ = form.POST  # parsed once before timing: CSRF and the view would parse it anyway
    number = 20000
    for name, request in (("storm look-up (GET)", lookup), ("report form (POST)", form)):
        before = per_call_us(view, request, number)
        after = per_call_us(middleware, request, number)
        print(
            f"{name:22} without: {before:6.2f} µs   with: {after:6.2f} µs   "
            f"cost: {after - before:5.2f} µs/request"
        )


if __name__ == "__main__":
    main()
