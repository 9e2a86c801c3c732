import re

import pytest

from gridportal.accounts.models import ConsentRecord, User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "Sidorova@Example.ru",
    "first_name": "Анна",
    "password1": "a-long-enough-secret-42",
    "password2": "a-long-enough-secret-42",
    "consent": "on",
}


def test_a_customer_signs_up_confirms_by_email_and_signs_in(client, smtp_server):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 200
    assert "sidorova@example.ru" in response.content.decode()
    user = User.objects.get(email="sidorova@example.ru")
    assert not user.email_confirmed and not user.is_staff
    assert ConsentRecord.objects.filter(user=user, subject="signup").exists()

    mail = smtp_server.wait_for(1)[0]
    assert mail["to"] == ["sidorova@example.ru"]
    link = re.search(r"http://\S+/accounts/confirm/\S+/", mail["body"]).group(0)
    path = link.split("testserver", 1)[-1]
    response = client.get(path, follow=True)
    assert "подтвержд" in response.content.decode().lower()
    user.refresh_from_db()
    assert user.email_confirmed
    response = client.post(
        "/accounts/login/", {"username": "sidorova@example.ru", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_without_consent_is_refused_with_a_message(client):
    data = {**SIGNUP, "consent": ""}
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 400
    assert "согласи" in response.content.decode()
    assert not User.objects.exists()


def test_a_tampered_confirmation_link_is_rejected(client):
    response = client.get("/accounts/confirm/not-a-token/")
    assert response.status_code == 400


def test_mismatched_passwords_are_reported(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "password2": "another-secret-99"})
    assert response.status_code == 400
    assert "не совпадают" in response.content.decode()


def test_roles_exist_as_groups_after_migrate():
    from django.contrib.auth.models import Group

    from gridportal.accounts.choices import StaffRole

    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in StaffRole}
    assert (
        Group.objects.get(name="administrator")
        .permissions.filter(codename="view_auditlogentry")
        .exists()
    )


def test_the_confirmation_link_does_not_reveal_the_e_mail(client, smtp_server):
    import base64

    client.post("/accounts/signup/", SIGNUP)
    link = re.search(r"http://\S+/accounts/confirm/(\S+)/", smtp_server.wait_for(1)[0]["body"])
    token = link.group(1)
    for part in token.split(":"):
        try:
            decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:  # not base64 at all
            continue
        assert b"sidorova" not in decoded.lower()
    assert "sidorova" not in token.lower()
    assert client.get(f"/accounts/confirm/{token}/").status_code == 302
    assert User.objects.get(email="sidorova@example.ru").email_confirmed
