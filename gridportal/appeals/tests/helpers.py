"""Create appeals the way the application does: through the intake service."""

from gridportal.appeals.choices import AppealType, Channel, Topic
from gridportal.appeals.services import Submission, appeal_submit
from gridportal.core.intake import Origin

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def file_appeal(
    address=None,
    *,
    appeal_type=AppealType.COMPLAINT,
    topic=Topic.POWER_QUALITY,
    text="Напряжение в сети 180 В по вечерам, техника отключается.",
    email="ivanova@example.ru",
    channel=Channel.WEB,
    ip_address="203.0.113.7",
    user=None,
    staff=None,
    now=None,
    **extra,
):
    extra.setdefault("consent_given", True)
    receipt = appeal_submit(
        submission=Submission(
            appeal_type=appeal_type,
            topic=topic,
            text=text,
            address=address,
            email=email,
            user=user,
            **extra,
        ),
        origin=Origin(channel=channel, ip_address=ip_address, user=staff),
        now=now,
    )
    return receipt
