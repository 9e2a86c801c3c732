"""Pure rules: masks, codes, retries, short signed tokens. No database."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.notifications import rules

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
POLICY = rules.SubscriptionPolicy(code_ttl_minutes=15, code_max_attempts=5, code_resend_seconds=60)


def test_it_masks_contacts_for_staff_lists():
    assert rules.mask_contact("email", "ivanova@example.ru") == "i***@example.ru"
    assert rules.mask_contact("sms", "+79123456789") == "+7******6789"


@given(st.emails())
def test_a_masked_e_mail_never_shows_the_whole_local_part(email):
    masked = rules.mask_contact("email", email.lower())
    local, _at, domain = email.lower().rpartition("@")
    # Only the first character of the local part is shown, whatever it is made of.
    assert masked == local[:1] + "***@" + domain


def test_a_code_is_six_digits():
    code = rules.code_generate()
    assert len(code) == 6 and code.isdigit()


def _check(given_code, *, attempts=0, sent_at=NOW, now=NOW):
    expected = rules.code_digest("123456", subscription_id=7, key="k")
    return rules.code_check(
        policy=POLICY,
        expected_digest=expected,
        given_digest=rules.code_digest(given_code, subscription_id=7, key="k"),
        attempts_before=attempts,
        sent_at=sent_at,
        now=now,
    )


def test_it_accepts_the_right_code_in_time():
    assert _check("123456", now=NOW + timedelta(minutes=14)) is rules.CodeCheck.OK


def test_it_refuses_a_wrong_code():
    assert _check("654321") is rules.CodeCheck.WRONG


def test_it_refuses_an_expired_code_even_if_right():
    assert _check("123456", now=NOW + timedelta(minutes=16)) is rules.CodeCheck.EXPIRED


def test_it_refuses_even_the_right_code_after_too_many_tries():
    assert _check("123456", attempts=5) is rules.CodeCheck.LOCKED


def test_a_code_hash_depends_on_the_subscription_and_the_key():
    digest = rules.code_digest("123456", subscription_id=1, key="a")
    assert digest != rules.code_digest("123456", subscription_id=2, key="a")
    assert digest != rules.code_digest("123456", subscription_id=1, key="b")
    assert "123456" not in digest


def test_a_new_code_waits_for_the_resend_interval():
    assert rules.code_resend_wait(policy=POLICY, sent_at=NOW, now=NOW + timedelta(seconds=20)) == 40
    assert rules.code_resend_wait(policy=POLICY, sent_at=NOW, now=NOW + timedelta(seconds=61)) == 0
    assert rules.code_resend_wait(policy=POLICY, sent_at=None, now=NOW) == 0


@given(st.integers(min_value=1, max_value=60))
def test_backoff_grows_and_is_capped(attempt):
    delay = rules.retry_delay(attempt, base=30, cap=3600)
    assert 30 <= delay <= 3600
    assert rules.retry_delay(attempt + 1, base=30, cap=3600) >= delay


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (200, rules.Outcome.SENT),
        (202, rules.Outcome.SENT),
        (400, rules.Outcome.PERMANENT),
        (401, rules.Outcome.PERMANENT),
        (404, rules.Outcome.PERMANENT),
        (429, rules.Outcome.TEMPORARY),
        (500, rules.Outcome.TEMPORARY),
        (503, rules.Outcome.TEMPORARY),
    ],
)
def test_gateway_answers_are_classified(status, outcome):
    assert rules.classify_http_status(status) is outcome


def test_smtp_5xx_is_permanent_and_4xx_temporary():
    assert rules.classify_smtp_code(550) is rules.Outcome.PERMANENT
    assert rules.classify_smtp_code(451) is rules.Outcome.TEMPORARY
    assert rules.classify_smtp_code(None) is rules.Outcome.TEMPORARY


def test_a_temporary_failure_is_retried_until_the_attempts_run_out():
    temporary = rules.Outcome.TEMPORARY
    assert rules.after_failure(outcome=temporary, attempts=1, max_attempts=3) == "queued"
    assert rules.after_failure(outcome=temporary, attempts=3, max_attempts=3) == "failed"
    assert (
        rules.after_failure(outcome=rules.Outcome.PERMANENT, attempts=1, max_attempts=3) == "failed"
    )


@given(st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12))
def test_a_signed_token_round_trips_and_resists_tampering(value):
    token = rules.sign_token(value, key="secret", salt="s")
    assert rules.unsign_token(token, key="secret", salt="s") == value
    assert rules.unsign_token(token, key="other", salt="s") is None
    assert rules.unsign_token(token, key="secret", salt="t") is None
    assert (
        rules.unsign_token(value + "x-" + token.rpartition("-")[2], key="secret", salt="s") is None
    )


def test_the_confirmation_letter_counts_the_hours_of_the_rule_in_russian():
    from types import SimpleNamespace

    from django.utils import translation

    from gridportal.notifications.rendering import render_text

    address = SimpleNamespace(label="Петрозаводск, ул. Ленина, 5")
    with translation.override("ru"):
        for hours, words in ((72, "72 часов"), (1, "1 часа"), (24, "24 часов")):
            body = render_text(
                "notifications/messages/confirm.body.txt",
                {"address": address, "hours": hours, "confirm_url": "u", "portal_name": "p"},
            )
            assert f"в течение {words}:" in body
    with translation.override("en"):
        body = render_text(
            "notifications/messages/confirm.body.txt",
            {"address": address, "hours": 1, "confirm_url": "u", "portal_name": "p"},
        )
        assert "within 1 hour:" in body
