"""Signing in: throttling of wrong passwords (django-axes), the lock-out page, the audit log,
password rules for new accounts."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from gridportal.core.choices import AuditAction
from gridportal.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
RIGHT = "correct-horse-battery"
OFFICE = "192.0.2.10"
ELSEWHERE = "198.51.100.7"


def _sign_in(client, user_or_name, password, *, ip=OFFICE, url=LOGIN):
    username = getattr(user_or_name, "username", user_or_name)
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _signed_in(client):
    return "_auth_user_id" in client.session


def test_forty_wrong_passwords_lock_the_user_out_and_the_right_one_is_refused_too(client, officer):
    limit = settings.AXES_FAILURE_LIMIT
    answers = [_sign_in(client, officer, f"guess-{n}").status_code for n in range(40)]
    assert answers[: limit - 1] == [200] * (limit - 1)  # the form again, with its error
    assert answers[limit - 1 :] == [429] * (40 - limit + 1)

    response = _sign_in(client, officer, RIGHT)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Вход временно заблокирован" in body
    assert "даже правильный пароль" in body
    assert "службу ИТ-поддержки" in body  # whom staff should call
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert not _signed_in(client)

    failures = AuditLogEntry.objects.filter(action=AuditAction.LOGIN_FAILED).order_by("id")
    assert failures.count() == 41
    first, last = failures.first(), failures.last()
    assert (first.actor, first.object_id, first.ip_address) == (None, str(officer.pk), OFFICE)
    assert first.details == {"username": "officer", "locked_out": False, "path": LOGIN}
    assert last.details["locked_out"] is True
    assert not AuditLogEntry.objects.filter(action=AuditAction.LOGIN).exists()


def test_the_lock_out_names_the_help_contact_from_the_settings(client, officer, settings):
    settings.SIGNIN_HELP_CONTACT = "ИТ-поддержка, +7 812 000-00-00, доб. 1234"
    for n in range(settings.AXES_FAILURE_LIMIT):
        response = _sign_in(client, officer, f"guess-{n}")
    assert response.status_code == 429
    assert "позвоните: ИТ-поддержка, +7 812 000-00-00, доб. 1234" in response.content.decode()


def test_the_lock_out_page_speaks_english_to_an_english_reader(client, officer):
    client.cookies["django_language"] = "en"
    for n in range(settings.AXES_FAILURE_LIMIT):
        response = _sign_in(client, officer, f"guess-{n}")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in is temporarily blocked" in body
    assert "even the right password will not be accepted" in body


def test_another_network_and_another_user_are_not_locked_out(client, officer, other_officer):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, officer, f"guess-{n}")
    assert _sign_in(client, officer, RIGHT).status_code == 429

    # The same person from another network: the pair (user name, address) is what is locked.
    elsewhere = _sign_in(client, officer, RIGHT, ip=ELSEWHERE)
    assert elsewhere.status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)
    client.logout()

    # A colleague behind the same office address.
    colleague = _sign_in(client, other_officer, RIGHT)
    assert colleague.status_code == 302
    assert client.session["_auth_user_id"] == str(other_officer.pk)

    entries = AuditLogEntry.objects.filter(action=AuditAction.LOGIN).order_by("id")
    assert [(e.actor, e.ip_address) for e in entries] == [
        (officer, ELSEWHERE),
        (other_officer, OFFICE),
    ]


def test_the_lock_out_ends_after_the_cool_off(client, officer):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(client, officer, f"guess-{n}")
    assert _sign_in(client, officer, RIGHT).status_code == 429
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        assert _sign_in(client, officer, RIGHT).status_code == 302
    assert _signed_in(client)


def test_a_successful_sign_in_forgets_earlier_failures(client, officer):
    limit = settings.AXES_FAILURE_LIMIT
    for n in range(limit - 1):
        _sign_in(client, officer, f"guess-{n}")
    assert _sign_in(client, officer, RIGHT).status_code == 302
    client.logout()
    for n in range(limit - 1):
        assert _sign_in(client, officer, f"again-{n}").status_code == 200
    assert _sign_in(client, officer, RIGHT).status_code == 302


def test_the_admin_login_is_throttled_by_the_same_count(client, administrator):
    limit = settings.AXES_FAILURE_LIMIT
    for n in range(limit - 1):
        assert _sign_in(client, administrator, f"guess-{n}", url=ADMIN_LOGIN).status_code == 200
    # The last allowed failure on the other form: both forms share one count.
    assert _sign_in(client, administrator, "guess-last").status_code == 429
    response = _sign_in(client, administrator, RIGHT, url=ADMIN_LOGIN)
    assert response.status_code == 429
    assert "Вход временно заблокирован" in response.content.decode()
    assert not _signed_in(client)
    assert client.get("/admin/").status_code == 302  # still the admin's login page
    paths = set(
        AuditLogEntry.objects.filter(action=AuditAction.LOGIN_FAILED).values_list(
            "details__path", flat=True
        )
    )
    assert paths == {LOGIN, ADMIN_LOGIN}


def test_a_staff_sign_in_is_audited_and_a_customer_sign_in_is_not(client, officer, customer):
    assert _sign_in(client, officer, RIGHT).status_code == 302
    entry = AuditLogEntry.objects.get(action=AuditAction.LOGIN)
    assert (entry.actor, entry.object_id, entry.ip_address) == (officer, str(officer.pk), OFFICE)
    client.logout()
    assert _sign_in(client, customer, RIGHT).status_code == 302
    assert AuditLogEntry.objects.filter(action=AuditAction.LOGIN).count() == 1


def test_a_sign_in_as_nobody_is_audited_with_the_name_tried(client, administrator):
    assert _sign_in(client, "root", "toor").status_code == 200
    entry = AuditLogEntry.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (entry.actor, entry.object_type, entry.details["username"]) == (None, "", "root")

    client.force_login(administrator)
    page = client.get("/staff/audit/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "Неудачный вход" in body and "root" in body


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678", "состоит только из цифр"),
        ("short1", "слишком короткий"),
        ("password123", "слишком широко распространён"),
    ],
)
def test_a_customer_account_needs_a_good_password(client, password, message):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "sidorova@example.ru",
            "password1": password,
            "password2": password,
            "consent": "on",
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_staff_account_made_in_the_admin_needs_a_good_password(client, administrator):
    from gridportal.accounts.models import User

    client.force_login(administrator)
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "username": "dispatcher2",
            "usable_password": "true",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert "состоит только из цифр" in response.content.decode()
    assert not User.objects.filter(username="dispatcher2").exists()


@pytest.mark.redis
def test_every_web_node_sees_the_count_through_redis(client, officer, settings, redis_url):
    import redis
    from axes.handlers.cache import AxesCacheHandler
    from axes.handlers.proxy import AxesProxyHandler
    from django.core.cache.backends.redis import RedisCache

    settings.CACHES = {
        "default": {"BACKEND": "gridportal.core.cache.RedisCache", "LOCATION": redis_url}
    }
    AxesProxyHandler.get_implementation(force=True)
    try:
        for n in range(settings.AXES_FAILURE_LIMIT):
            _sign_in(client, officer, f"guess-{n}")
        assert any(b"axes" in key for key in redis.Redis.from_url(redis_url).keys("*"))

        # Another web node: a handler of its own with its own connection to the same Redis.
        other_node = AxesCacheHandler()
        other_node.cache = RedisCache(redis_url, {})
        AxesProxyHandler.implementation = other_node
        response = _sign_in(client, officer, RIGHT)
        assert response.status_code == 429
        assert not _signed_in(client)
    finally:
        AxesProxyHandler.implementation = None  # made again from the restored settings
