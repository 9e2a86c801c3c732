"""Public pages: the indices per branch and district, month by month, and the same as CSV."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from gridportal.core.tabular import write_csv

from .. import charts, selectors
from ..forms import YearForm
from ..rules import params_on


def _year(request) -> tuple[YearForm, int]:
    form = YearForm(request.GET or None)
    return form, form.year_or_current()


def index(request):
    form, year = _year(request)
    first_year = selectors.archive_first_year()
    # Before the archive begins every figure would read 0: «no interruptions», which is not
    # what the company knows. Say that there is no data instead. (An empty archive still
    # shows this year's zeros: nothing has been recorded since the portal started.)
    before_archive = first_year is not None and year < first_year
    rows = [] if before_archive else selectors.monthly_table(year=year)
    sections = []
    for row in rows:
        if row.kind != "branch":
            continue
        districts = [r for r in rows if r.kind == "district" and r.branch.pk == row.obj.pk]
        sections.append(
            {
                "branch": row,
                "districts": districts,
                "chart": charts.month_bars([(c.month, c.indices.saidi) for c in row.cells]),
            }
        )
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "reliability/public/index.html",
        {
            "form": form,
            "year": year,
            "first_year": first_year,
            "sections": sections,
            "months": selectors.months_of(year),
            "params": params_on(selectors.months_of(year)[0][0]) if rows else None,
        },
        status=status,
    )


CSV_HEADER = [
    "year",
    "month",
    "area",
    "branch",
    "district",
    "name",
    "customers_served",
    "saifi",
    "saidi_minutes",
    "caidi_minutes",
    "maifi_e",
    "p_saidi_hours",
    "p_saifi",
]


def table_rows(rows):
    for row in rows:
        district = row.obj.code if row.kind == "district" else ""
        for cell in row.cells:
            ix = cell.indices
            yield [
                cell.month.year,
                cell.month.month,
                row.kind,
                row.branch.code,
                district,
                row.obj.name,
                row.customers,
                round(ix.saifi, 4),
                round(ix.saidi, 2),
                "" if ix.caidi is None else round(ix.caidi, 2),
                round(ix.maifi_e, 4),
                round(ix.p_saidi["total"], 4),
                round(ix.p_saifi["total"], 4),
            ]


def data_csv(request):
    form, year = _year(request)
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            "; ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    body = write_csv(CSV_HEADER, table_rows(selectors.monthly_table(year=year)))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reliability-{year}.csv"'
    return response
