"""Production static files: `collectstatic` with the manifest storage, pages that use it,
and the deploy check that catches a missing manifest before every page is a 500."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gridportal.core.checks import static_manifest_present

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "gridportal.core.staticstorage.ManifestStaticFilesStorage"},
}


@pytest.fixture
def production_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, **PRODUCTION_STORAGES}
    return settings.STATIC_ROOT


def test_a_missing_manifest_is_a_deploy_error_until_collectstatic(production_static):
    errors = static_manifest_present()
    assert [error.id for error in errors] == ["core.E001"]
    assert "collectstatic" in errors[0].hint

    call_command("collectstatic", interactive=False, verbosity=0)

    assert static_manifest_present() == []
    cluster = sorted(
        (production_static / "leaflet_markercluster").glob("leaflet.markercluster.*.js")
    )
    hashed = [path for path in cluster if re.search(r"\.[0-9a-f]{12}\.js$", path.name)]
    assert hashed, cluster
    # The package ships no leaflet.markercluster.js.map: its dangling reference is dropped…
    assert "sourceMappingURL" not in hashed[0].read_text()
    # …while Leaflet's, whose map exists, points at the hashed map.
    leaflet = next(
        path
        for path in (production_static / "leaflet").glob("leaflet.*.js")
        if re.search(r"^leaflet\.[0-9a-f]{12}\.js$", path.name)
    )
    reference = re.search(r"sourceMappingURL=(\S+)", leaflet.read_text()).group(1)
    assert (production_static / "leaflet" / reference).exists()


def test_a_missing_file_referenced_from_css_still_fails(production_static, settings, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "broken.css").write_text('body { background: url("nowhere.png"); }\n')
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, extra]
    with pytest.raises((CommandError, ValueError), match="nowhere.png"):
        call_command("collectstatic", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_map_pages_render_with_hashed_assets(production_static, settings, client, company):
    call_command("collectstatic", interactive=False, verbosity=0)
    settings.DEBUG = False
    for url in ("/", "/outages/", "/capacity/"):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get("/outages/").content.decode()
    assert re.search(r"leaflet_markercluster/leaflet\.markercluster\.[0-9a-f]{12}\.js", page)
