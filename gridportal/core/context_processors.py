from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from .degraded import DATABASE_DOWN, company_contacts
from .middleware import selected_branch
from .navigation import public_navigation, staff_navigation
from .selectors import company_get


def portal(request):
    context = {
        "portal_name": settings.PORTAL_NAME,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    path = request.path
    if path.startswith("/api/") or path.startswith("/admin/"):
        return context
    context["public_nav"] = public_navigation()
    try:
        context["company"] = company_get()
        context["selected_branch"] = selected_branch(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            context["staff_nav"] = staff_navigation(user)
    except DATABASE_DOWN:
        # Degraded mode (core/degraded.py): a page that could answer without the database
        # (from the storm snapshot) still gets a header and the hotline in the footer.
        # Signed-in visitors are shown the page as anyone would see it: their session is
        # in the database too.
        contacts = company_contacts()
        code = getattr(request, "_branch_code", "")
        context.update(
            company=None,
            contacts=contacts,
            selected_branch=contacts.branch(code) if code else None,
            degraded=True,
            user=AnonymousUser(),
        )
    return context
