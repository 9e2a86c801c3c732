from .indices import Area, Report, area_report, served_customers
from .limits import LimitRow, limit_rows
from .tables import archive_first_year, monthly_table, months_of, worst_feeders

__all__ = [
    "Area",
    "LimitRow",
    "Report",
    "archive_first_year",
    "area_report",
    "limit_rows",
    "monthly_table",
    "months_of",
    "served_customers",
    "worst_feeders",
]
