from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.choices import StaffRole

# Content editors write the lessons (Markdown, sanitised, every save a version).
LESSON_PERMISSIONS = [
    "learn.view_lesson",
    "learn.add_lesson",
    "learn.change_lesson",
    "learn.view_lessonversion",
]


class LearnConfig(AppConfig):
    """«Подружись с электричеством» (safety lessons for children) and the energy reference."""

    name = "gridportal.learn"
    label = "learn"
    verbose_name = _("Learning")

    public_nav = [
        ("learn:safety", _("Electrical safety for children"), None),
        ("learn:energy", _("Energy calculator"), None),
    ]
    staff_nav = [
        ("staff:learn:lessons", _("Safety lessons"), "learn.change_lesson"),
    ]

    role_permissions = {
        StaffRole.CONTENT_EDITOR: LESSON_PERMISSIONS,
        StaffRole.ADMINISTRATOR: LESSON_PERMISSIONS,
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        from gridportal.accounts.roles import sync_role_groups

        # Role groups are synced after accounts migrate, which may run before this app's
        # permissions exist (a flushed test database); sync again once they do.
        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="learn-roles")

        from . import rules  # noqa: F401  (declares the learning pages' dated rules)
