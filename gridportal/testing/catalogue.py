"""Which of an app's Russian translations the page would not show.

Django merges every app's catalogue into one; for a msgid that two apps translate
differently, the app listed first in INSTALLED_APPS wins. So «closed» of an office's
opening hours read «закрыта» (the Open311 request status) until the offices app gave
it a context. An app's test calls `shadowed_translations("offices")` and expects none.
"""

import gettext
from pathlib import Path

from django.apps import apps
from django.utils import translation


def shadowed_translations(app_label: str) -> list[tuple[str, str, str]]:
    """(msgid, the app's msgstr, what Russian pages show instead) for each overridden entry."""
    path = Path(apps.get_app_config(app_label).path) / "locale/ru/LC_MESSAGES/django.mo"
    with path.open("rb") as mo:
        own = gettext.GNUTranslations(mo)._catalog
    with translation.override("ru"):
        merged = translation.trans_real.translation("ru")._catalog
        return [
            (str(key), value, merged.get(key))
            for key, value in own.items()
            if key != "" and merged.get(key) != value
        ]
