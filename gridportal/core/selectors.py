from .calendar import WorkingCalendar
from .choices import CalendarDayKind
from .models import Branch, CalendarException, Company, District


def working_calendar() -> WorkingCalendar:
    """The official calendar with the administrators' overrides applied."""
    rows = list(CalendarException.objects.all())
    overrides = {row.date: row.kind != CalendarDayKind.DAY_OFF for row in rows}
    shortened = frozenset(row.date for row in rows if row.kind == CalendarDayKind.SHORTENED)
    return WorkingCalendar(overrides=overrides, shortened=shortened)


def add_working_days(start, days):
    return working_calendar().add_working_days(start, days)


def working_days_between(start, end):
    return working_calendar().working_days_between(start, end)


def company_get():
    return Company.objects.order_by("id").first()


def branch_list():
    return Branch.objects.order_by("name")


def district_list(*, branch=None):
    qs = District.objects.select_related("branch").order_by("branch__name", "name")
    if branch is not None:
        qs = qs.filter(branch=branch)
    return qs
