"""Staff console of the service centres (branch-scoped, audited)."""

from django.shortcuts import render

from gridportal.accounts.decorators import staff_required

from .. import selectors

VIEW = "offices.view_visit"


@staff_required(permission=VIEW)
def index(request):
    return render(
        request, "offices/staff/index.html", {"offices": selectors.offices_for_user(request.user)}
    )
