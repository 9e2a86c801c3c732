"""Navigation that only shows what exists: each app lists its own entries.

An app's AppConfig may define `public_nav` and `staff_nav`: lists of
(url name, label, permission or None). The context processor collects them
from the installed apps in INSTALLED_APPS order.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse


def _entries(attribute, user=None):
    items = []
    for config in apps.get_app_configs():
        for url_name, label, permission in getattr(config, attribute, ()):
            if permission and not (user and user.has_perm(permission)):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            items.append({"url": url, "label": label, "name": url_name})
    return items


def public_navigation():
    return _entries("public_nav")


def staff_navigation(user):
    return _entries("staff_nav", user)
