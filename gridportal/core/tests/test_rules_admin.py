"""The rules admin: every dated row visible, values checked, changes audited."""

import datetime as dt

import pytest
from django.urls import reverse

from gridportal.core import rules
from gridportal.core.choices import AuditAction
from gridportal.core.models import AuditLogEntry, Rule

pytestmark = pytest.mark.django_db


def _post(client, url, **data):
    form = {
        "rule": "outages.callback_hours",
        "value": "2",
        "valid_from": "2020-01-01",
        "source": "Решение главного инженера от 01.12.2019 № 7",
        "note": "",
    }
    form.update(data)
    return client.post(url, form)


def test_an_administrator_adds_a_dated_value_and_the_audit_log_records_it(client, administrator):
    client.force_login(administrator)
    assert rules.rule_value("outages", "callback_hours") == 4
    response = _post(client, reverse("admin:core_rule_add"))
    assert response.status_code == 302
    row = Rule.objects.get(namespace="outages", key="callback_hours", valid_from="2020-01-01")
    assert (row.value, row.unit) == ("2", "hours")
    assert rules.rule_value("outages", "callback_hours") == 2
    entry = AuditLogEntry.objects.get(object_type="core.rule")
    assert (entry.actor, entry.action, entry.object_id) == (
        administrator,
        AuditAction.CREATE,
        str(row.pk),
    )
    assert entry.details["value"] == "2"


def test_a_change_and_a_deletion_are_audited_with_what_was_there(client, administrator):
    client.force_login(administrator)
    row = Rule.objects.get(namespace="outages", key="callback_hours", valid_from="2014-04-15")
    url = reverse("admin:core_rule_change", args=[row.pk])
    response = _post(client, url, value="3", valid_from="2014-04-15", verified="on")
    assert response.status_code == 302
    assert rules.rule_value("outages", "callback_hours") == 3
    change = AuditLogEntry.objects.get(action=AuditAction.UPDATE)
    assert change.details["before"]["value"] == "4"
    response = client.post(reverse("admin:core_rule_delete", args=[row.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert AuditLogEntry.objects.filter(action=AuditAction.DELETE, object_id=str(row.pk)).exists()
    assert rules.rule_value("outages", "callback_hours") == 4  # the declared default


def test_a_bad_value_is_refused_with_a_localized_message(client, administrator):
    client.force_login(administrator)
    response = _post(client, reverse("admin:core_rule_add"), value="2.5", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert "Введите целое число." in response.content.decode()
    response = _post(client, reverse("admin:core_rule_add"), rule="capacity.cos_phi", value="1.2")
    assert "Введите значение не больше 1." in response.content.decode()
    assert not Rule.objects.filter(valid_from="2020-01-01").exists()
    assert not AuditLogEntry.objects.exists()


def test_a_second_value_for_the_same_date_is_refused(client, administrator):
    client.force_login(administrator)
    response = _post(client, reverse("admin:core_rule_add"), valid_from="2014-04-15")
    assert response.status_code == 200
    assert Rule.objects.filter(namespace="outages", key="callback_hours").count() == 1


def test_the_list_shows_labels_and_the_history_of_one_key(client, administrator):
    client.force_login(administrator)
    Rule.objects.create(
        namespace="outages",
        key="callback_hours",
        value="3",
        unit="hours",
        valid_from=dt.date(2027, 1, 1),
        source="test",
    )
    page = client.get(reverse("admin:core_rule_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "callback_hours" in html and "key__exact=callback_hours" in html
    history = client.get(
        reverse("admin:core_rule_changelist"),
        {"namespace__exact": "outages", "key__exact": "callback_hours"},
    )
    assert history.status_code == 200
    assert history.context["cl"].result_count == 2
    change = client.get(reverse("admin:core_rule_change", args=[Rule.objects.first().pk]))
    assert change.status_code == 200
