"""Helpers that create outage records the way the application does (through services)."""

import itertools

from gridportal.outages.choices import Channel, Problem
from gridportal.outages.services import report_submit

_phones = itertools.count(1000)


def report(address, *, problem=Problem.NO_POWER, phone=None, now=None, **kwargs):
    """A web report from a distinct phone (so it is never taken for a repeat)."""
    phone = phone if phone is not None else f"+7900000{next(_phones):04d}"
    return report_submit(
        address=address,
        problem=problem,
        channel=kwargs.pop("channel", Channel.WEB),
        phone=phone,
        now=now,
        **kwargs,
    ).report
