"""Uploads: the type from the content, a size limit, private storage (core.uploads)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from gridportal.core.uploads import (
    Upload,
    UploadField,
    UploadRejected,
    private_file_response,
    upload_accept,
    upload_sniff,
    upload_store,
)
from gridportal.testing.files import random_bytes, truncated, xlsx_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def private_root(settings, tmp_path):
    root = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


def refusal(**kwargs) -> str:
    with pytest.raises(UploadRejected) as caught:
        upload_accept(**kwargs)
    return caught.value.message


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (xlsx_bytes([["a", "b"]]), "xlsx"),
        ("ЦП;Т\nПС-1;Т-1\n".encode(), "csv"),
        ("ЦП;Т\nПС-1;Т-1\n".encode("cp1251"), "csv"),
        (b'\xef\xbb\xbf  {"type": "FeatureCollection"}', "json"),
        (PNG, "png"),
        (PDF, "pdf"),
        (random_bytes(), None),
        ("ЦП;Т\n".encode("utf-16-le"), None),
        (truncated(xlsx_bytes([["a"]] * 300)), "xlsx"),  # so that the reader says «damaged»
    ],
    ids=["xlsx", "utf8", "cp1251", "geojson", "png", "pdf", "random", "utf16", "cut-xlsx"],
)
def test_the_type_comes_from_the_content(content, kind):
    assert upload_sniff(content) == kind


def test_a_name_does_not_make_a_file_what_it_is_not():
    workbook = xlsx_bytes([["a"]])
    assert upload_accept(name="june.csv.xlsx", content=workbook).kind == "xlsx"
    assert upload_accept(name="no-extension", content=workbook).kind == "xlsx"
    message = "Upload a .csv or .xlsx file."
    assert refusal(name="june.csv", content=workbook, refusal=message) == message
    assert refusal(name="photo.jpg", content=b"\xff\xd8", refusal=message) == message
    assert refusal(name="june.xlsx", content=b"not a zip") == (
        "The file is not a readable XLSX workbook."
    )
    assert refusal(name="scan.pdf", content=PDF, refusal=message) == message


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    assert refusal(name="a.csv", content=b"a,b\n" * 300_000) == "The file is larger than 1 MB."
    field = UploadField()
    with pytest.raises(Exception, match="larger than 1 MB"):
        field.clean(SimpleUploadedFile("a.csv", b"a,b\n" * 300_000))


def test_the_form_field_gives_an_upload():
    upload = UploadField().clean(SimpleUploadedFile("../../june.csv", "ЦП;Т\n".encode()))
    assert upload == Upload(name="june.csv", content="ЦП;Т\n".encode(), kind="csv")


def test_a_stored_upload_has_a_new_name_outside_the_web_root(private_root):
    upload = upload_accept(name="../../etc/Мой файл.xlsx", content=xlsx_bytes([["a"]]))
    stored = upload_store(upload=upload, folder="imports")
    assert re.fullmatch(r"imports/\d{4}/\d{2}/[0-9a-f]{32}\.xlsx", stored)
    path = private_root / stored
    assert path.read_bytes() == upload.content
    for public in (django_settings.STATIC_ROOT, django_settings.MEDIA_ROOT):
        assert not path.resolve().is_relative_to(Path(str(public)).resolve())
    response = private_file_response(stored_name=stored, download_name=upload.name)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == upload.content
    with pytest.raises(ValueError):
        private_file_response(stored_name="../settings.py", download_name="x")


def test_the_default_private_root_is_not_served():
    root = Path(str(django_settings.PRIVATE_MEDIA_ROOT)).resolve()
    for public in (django_settings.STATIC_ROOT, django_settings.MEDIA_ROOT):
        assert not root.is_relative_to(Path(str(public)).resolve())


def test_settings_refuse_a_private_root_inside_the_media_root(tmp_path):
    env = {
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "media" / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=Path(django_settings.BASE_DIR),
    )
    assert result.returncode != 0
    assert "PRIVATE_MEDIA_ROOT" in result.stderr
