import datetime as dt

import pytest

from gridportal.accounts.choices import StaffRole
from gridportal.disclosure import services
from gridportal.disclosure.choices import DocumentKind, Frequency, GuideStage, GuideStatus
from gridportal.disclosure.models import DisclosureItem, Guide

from .factories import pdf_upload


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }


@pytest.fixture
def editor(branch):
    """A content editor of the whole company."""
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username="editor",
        password="correct-horse-battery",
        roles=[StaffRole.CONTENT_EDITOR],
        all_branches=True,
        email="editor@example.ru",
        first_name="Елена",
    )


@pytest.fixture
def rules_861(db):
    """ПП РФ № 861 as published, with the connection rules' text in its PDF."""
    return services.document_create(
        data=services.DocumentData(
            kind=DocumentKind.GOVERNMENT_DECREE,
            number="861",
            date=dt.date(2004, 12, 27),
            issuing_body="Правительство Российской Федерации",
            title="Об утверждении Правил технологического присоединения энергопринимающих устройств",
            summary="Порядок и сроки технологического присоединения к электрическим сетям.",
            topics=["connection"],
        ),
        upload=pdf_upload(
            "Правила технологического присоединения",
            [
                "Заявитель направляет заявку в сетевую организацию через личный кабинет.",
                "Сетевая организация размещает условия типового договора и технические условия.",
            ],
        ),
        publish=True,
    )


@pytest.fixture
def free_capacity_item(db):
    return DisclosureItem.objects.create(
        code="free_capacity",
        title="Свободная мощность центров питания",
        legal_source="ПП РФ от 21.01.2004 № 24",
        frequency=Frequency.QUARTERLY,
        due_offset_days=-75,
        tracked_from=dt.date(2026, 7, 1),
    )


@pytest.fixture
def connection_guide(db):
    guide = Guide.objects.create(
        slug="connection", stage=GuideStage.CONNECTION, title="x", body="x"
    )
    return services.guide_save(
        guide=guide,
        title="Технологическое присоединение",
        body="## Шаг 1\n\nПодайте заявку.\n",
        status=GuideStatus.PUBLISHED,
    )
