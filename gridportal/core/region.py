"""The region a visitor looks at: one choice that filters every public list, map and file.

A grid company's customers live in one region; the portal remembers the region they chose
(the header's selector, a cookie) and every list, table, map and download shows that
region by default, with «все регионы» one click away. The choice also travels in the URL
so a shared link shows what its sender saw:

    ?region=vologda     that region (and it becomes the remembered one)
    ?region=all         every region (and the remembered choice is forgotten)

Pages read the region with `page_region(request)` (a Branch or None for all) and include
the scope line with `{% load region %}{% region_scope %}`; links to data files and API
feeds carry it with `region_query(request)`. The middleware (core/middleware.py) does the
URL → cookie part, so a page only reads.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.utils import translation

from .middleware import selected_branch

REGION_PARAM = "region"
ALL_REGIONS = "all"
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def region_param(request) -> str | None:
    """The region asked for in the URL: a branch code, "" for all regions, None if not asked.

    A malformed value is treated as not asked (the remembered region stays).
    """
    value = request.GET.get(REGION_PARAM)
    if value is None:
        return None
    value = value.strip()
    if value.lower() == ALL_REGIONS:
        return ""
    return value if _CODE.match(value) else None


def page_region(request):
    """The Branch whose data the page shows by default, or None for all regions."""
    return selected_branch(request)


def url_with_region(request, code: str) -> str:
    """This page's URL with the region set to `code` (a branch code or "all"), page reset."""
    params = request.GET.copy()
    params[REGION_PARAM] = code
    params.pop("page", None)
    return f"{request.path}?{params.urlencode()}"


def region_query(request) -> str:
    """`region=<code>` for links to files and feeds of the region shown ("region=all" if none)."""
    branch = page_region(request)
    return urlencode({REGION_PARAM: branch.code if branch else ALL_REGIONS})


def region_scope_context(request) -> dict:
    """What the scope line needs: the region shown, and the links to all regions / share."""
    branch = page_region(request)
    english = translation.get_language() == "en"
    return {
        "region": branch,
        "region_name": (branch.region_en if english and branch.region_en else branch.region)
        if branch
        else "",
        "all_regions_url": url_with_region(request, ALL_REGIONS),
        "share_url": url_with_region(request, branch.code) if branch else "",
    }
