import pytest

from gridportal.core.choices import AuditAction
from gridportal.core.models import AuditLogEntry
from gridportal.core.services import audit_record


@pytest.fixture
def entry(officer, branch, rf):
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="pytest")
    return audit_record(
        actor=officer,
        action=AuditAction.VIEW,
        obj=branch,
        branch=branch,
        request=request,
        details={"field": "phone"},
    )


def test_it_records_who_what_when_and_from_where(entry, officer, branch):
    stored = AuditLogEntry.objects.get()
    assert stored.actor == officer
    assert stored.action == AuditAction.VIEW
    assert stored.object_type == "core.branch"
    assert stored.object_id == str(branch.pk)
    assert stored.ip_address == "10.1.2.3"
    assert stored.user_agent == "pytest"
    assert stored.at is not None


def test_entries_cannot_be_changed_or_deleted(entry):
    entry.action = AuditAction.DELETE
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditLogEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditLogEntry.objects.update(action=AuditAction.DELETE)
    assert AuditLogEntry.objects.get().action == AuditAction.VIEW


def test_the_admin_site_offers_no_way_to_edit_or_delete_entries(client, administrator, entry):
    client.force_login(administrator)
    response = client.get(f"/admin/core/auditlogentry/{entry.pk}/delete/")
    assert response.status_code == 403
