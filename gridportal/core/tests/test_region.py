"""The region a visitor chose: remembered in a cookie, overridden and shared by ?region=."""

from django.template import Context, Template
from django.test import RequestFactory

from gridportal.core.middleware import BRANCH_COOKIE, BranchSelectionMiddleware
from gridportal.core.region import page_region, region_param, region_query, url_with_region


def _request(path="/outages/planned/", cookie=None):
    request = RequestFactory().get(path)
    if cookie:
        request.COOKIES[BRANCH_COOKIE] = cookie
    seen = {}

    def view(req):
        from django.http import HttpResponse

        seen["branch"] = page_region(req)
        seen["request"] = req
        return HttpResponse("ok")

    response = BranchSelectionMiddleware(view)(request)
    return seen["branch"], response, seen["request"]


def test_the_remembered_region_is_the_default(branch, other_branch):
    shown, response, _ = _request(cookie="pskov")
    assert shown == other_branch
    assert BRANCH_COOKIE not in response.cookies


def test_a_shared_link_shows_its_region_and_remembers_it(branch, other_branch):
    shown, response, _ = _request("/outages/planned/?region=karelia", cookie="pskov")
    assert shown == branch
    assert response.cookies[BRANCH_COOKIE].value == "karelia"


def test_all_regions_is_one_link_away_and_forgets_the_choice(branch):
    shown, response, _ = _request("/outages/?region=all", cookie="karelia")
    assert shown is None
    assert response.cookies[BRANCH_COOKIE].value == ""  # deleted


def test_an_unknown_or_malformed_region_changes_nothing(branch):
    shown, response, _ = _request("/outages/?region=atlantis", cookie="karelia")
    assert shown is None  # nothing of Atlantis to show, and no 500
    assert BRANCH_COOKIE not in response.cookies
    shown, response, _ = _request("/outages/?region=%3Cscript%3E", cookie="karelia")
    assert shown == branch
    assert BRANCH_COOKIE not in response.cookies


def test_the_api_reads_the_region_but_sets_no_cookie(branch):
    shown, response, _ = _request("/api/v1/outages/planned/?region=karelia")
    assert shown == branch
    assert BRANCH_COOKIE not in response.cookies


def test_region_param_reads_codes_and_all():
    factory = RequestFactory()
    assert region_param(factory.get("/")) is None
    assert region_param(factory.get("/?region=ALL")) == ""
    assert region_param(factory.get("/?region=vologda")) == "vologda"
    assert region_param(factory.get("/?region=a b")) is None


def test_links_keep_the_page_filters_and_drop_the_page_number(branch):
    _, _, request = _request("/outages/planned/?day=2026-12-07&page=3", cookie="karelia")
    assert url_with_region(request, "all") == "/outages/planned/?day=2026-12-07&region=all"
    assert region_query(request) == "region=karelia"


def test_the_scope_line_names_the_region_and_links_to_all(branch):
    _, _, request = _request("/outages/planned/?day=2026-12-07", cookie="karelia")
    html = Template("{% load region %}{% region_scope %}").render(Context({"request": request}))
    assert "Республика Карелия" in html
    assert 'href="/outages/planned/?day=2026-12-07&amp;region=all"' in html
    _, _, request = _request("/outages/planned/")
    html = Template("{% load region %}{% region_scope %}").render(Context({"request": request}))
    assert "region=all" not in html
