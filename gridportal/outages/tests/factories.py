"""Helpers that create outage records the way the application does (through services)."""

import itertools

from gridportal.core.intake import Origin
from gridportal.outages.choices import Channel, Problem
from gridportal.outages.services import Submission, report_submit

_phones = itertools.count(1000)


def submit(
    address,
    *,
    problem=Problem.NO_POWER,
    channel=Channel.WEB,
    phone="",
    email="",
    comment="",
    ip_address=None,
    consent=None,
    callback_requested=False,
    created_by=None,
    now=None,
):
    """Submit a report through the intake as `channel` would (consent given with contacts)."""
    return report_submit(
        submission=Submission(
            address=address,
            problem=problem,
            phone=phone,
            email=email,
            comment=comment,
            consent_given=bool(phone or email) if consent is None else consent,
            callback_requested=callback_requested,
        ),
        origin=Origin(channel=channel, ip_address=ip_address, user=created_by),
        now=now,
    )


def report(address, *, problem=Problem.NO_POWER, phone=None, now=None, **kwargs):
    """A web report from a distinct phone (so it is never taken for a repeat)."""
    phone = phone if phone is not None else f"+7900000{next(_phones):04d}"
    return submit(address, problem=problem, phone=phone, now=now, **kwargs).report
