"""Django's admin with Gridportal's site (INSTALLED_APPS names this instead of django.contrib.admin).

Kept apart from `admin_site.py`: an AppConfig module is imported before the models are
ready, so it may name the site only as a string.
"""

from django.contrib.admin.apps import AdminConfig


class GridAdminConfig(AdminConfig):
    """The admin for administrators only, branch-scoped and audited (decision 0013)."""

    default_site = "gridportal.accounts.admin_site.GridAdminSite"
