from django.core.management import call_command

from gridportal.appeals.models import Appeal


def test_the_demo_fills_every_channel_and_state_once(addresses, other_addresses, clerk, mailoutbox):
    call_command("seed_appeals_demo", "--if-empty", "--count", "120")
    assert Appeal.objects.count() == 120
    assert set(Appeal.objects.values_list("channel", flat=True)) == {
        "web",
        "phone",
        "office",
        "post",
        "other",
    }
    assert {"answered", "in_progress", "waiting"} <= set(
        Appeal.objects.values_list("status", flat=True)
    )
    assert Appeal.objects.values("branch").distinct().count() == 2
    assert not mailoutbox  # the demo mails nobody
    call_command("seed_appeals_demo", "--if-empty")
    assert Appeal.objects.count() == 120
