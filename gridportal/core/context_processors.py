from django.conf import settings

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
    context["company"] = company_get()
    context["selected_branch"] = selected_branch(request)
    context["public_nav"] = public_navigation()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        context["staff_nav"] = staff_navigation(user)
    return context
