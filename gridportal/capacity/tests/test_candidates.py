"""«Where can I connect?» at a demo address, checked against numbers worked by hand.

The address: ул. Ленина, 1, fed from ТП-110 (250 kVA, 10/0,4 kV) on a 10 kV feeder of
ПС 110 кВ «Северная» (2 × 25 MVA). cos φ 0.9 (the shipped rule).

ТП-110: winter 17.12.2025 225 kVA, summer 17.06.2026 150 kVA → the larger, 225 kVA, is
used: reserve 250 − 225 = 25,0 kVA = 25,0 × 0,9 = 22,5 kW.

«Северная»: permissible 1.4 × 25 = 35 MVA; winter 12 + 10 = 22 MVA, summer 9 + 8 = 17 MVA
→ 22 MVA used; committed 800 kW once: 0.9 × 800 / 1000 / 0.9 = 0.8 MVA;
reserve 35 − 22 − 0.8 = 12.2 MVA.
"""

from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import translation

from gridportal.capacity import candidates, selectors, services
from gridportal.capacity.models import LoadMeasurement, SubstationLoad
from gridportal.testing.factories import SubstationFactory, address_create

WINTER, SUMMER = date(2025, 12, 17), date(2026, 6, 17)


@pytest.fixture
def home(network):
    north = network["north"]
    for t, load in zip(north.transformers.order_by("name"), ("9", "8"), strict=True):
        LoadMeasurement.objects.create(
            transformer=t, power_centre=north, measured_on=SUMMER, season="summer", load_mva=load
        )
    services.capacity_recalculate()
    tp = SubstationFactory(
        feeder__power_centre=north, name="ТП-110", rated_kva=250, latitude=61.79, longitude=34.36
    )
    SubstationLoad.objects.create(substation=tp, measured_on=WINTER, load_kva=D("225"))
    SubstationLoad.objects.create(substation=tp, measured_on=SUMMER, load_kva=D("150"))
    return address_create(substation=tp, house="1")


def test_10_kw_fits_in_the_addresss_own_tp(home, network):
    with translation.override("en"):
        answer = selectors.connection_candidates(
            address=home, power_kw=D("10"), voltage_kv=D("0.4")
        )
    assert answer.route == candidates.ROUTE_SUBSTATION
    assert answer.need_kva == D("11.1")  # 10 kW / 0.9
    tp, centre = answer.candidates
    assert (tp.kind, tp.name, tp.unit) == ("substation", "ТП-110", "kVA")
    assert tp.reserve == D("25.0") and tp.reserve_kw == D("22.5")
    assert tp.need == D("11.1") and tp.left == D("13.9") and tp.fits is True
    assert tp.measured_on == WINTER  # the larger load, not the later summer day
    assert tp.measurement == (
        "the larger of the control measurements: 17.12.2025 (225.0 kVA); "
        "other days: 17.06.2026 — 150.0 kVA"
    )
    assert centre.kind == "power_centre" and centre.element_id == network["north"].pk
    assert centre.need == D("0.011") and centre.reserve == D("12.200")
    assert answer.first_fit == tp and not answer.closed and answer.blocked_by is None


def test_100_kw_does_not_fit_the_tp_and_goes_to_the_feeders_centre(home, network):
    answer = selectors.connection_candidates(address=home, power_kw=D("100"), voltage_kv=D("0.4"))
    tp, centre = answer.candidates  # no 35 or 110 kV centres far away
    assert tp.need == D("111.1")  # 100 kW / 0.9, not 0.100 MVA
    assert tp.left == D("-86.1") and tp.fits is False
    assert centre.name == "ПС 110 кВ «Северная»"
    assert centre.need == D("0.111") and centre.left == D("12.089") and centre.fits is True
    assert centre.reserve_kw == D("10980.0")  # 12.2 MVA × 1000 × 0.9
    assert centre.measured_on == WINTER
    assert answer.first_fit == centre
    assert answer.blocked_by == tp  # the load goes through the full ТП whatever the centre has


def test_1000_kw_at_10_kv_looks_for_centres_with_10_kv_within_the_distance_rule(home, network):
    answer = selectors.connection_candidates(address=home, power_kw=D("1000"), voltage_kv=D("10"))
    assert answer.route == candidates.ROUTE_CENTRE
    assert answer.need_kva == D("1111.1")
    # «Озёрная» (≈ 17 km) and «Лесная» (≈ 15 km) are beyond 10 km; «Псковская» is far away.
    assert [c.name for c in answer.candidates] == ["ПС 110 кВ «Северная»"]
    (north,) = answer.candidates
    assert north.need == D("1.111") and north.left == D("11.089") and north.fits
    assert north.distance_km == pytest.approx(2.4, abs=0.05)  # √(1.11² + 2.11²) km


def test_a_load_larger_than_every_reserve_gets_a_plain_closed_answer(home):
    answer = selectors.connection_candidates(address=home, power_kw=D("20000"), voltage_kv=D("10"))
    assert answer.candidates and all(c.fits is False for c in answer.candidates)
    assert answer.closed


def test_a_point_without_an_address_uses_the_nearest_tp(home):
    answer = selectors.connection_candidates(
        point=(61.7901, 34.3601), power_kw=D("10"), voltage_kv=D("0.4")
    )
    assert answer.candidates[0].name == "ТП-110"


def test_the_address_page_panel_shows_the_tp_and_centre_headroom(rf, home):
    from gridportal.capacity.panels import address_panel

    request = rf.get("/")
    with translation.override("ru"):
        panel = address_panel(request, home)
    assert panel.key == "capacity" and panel.order == 50
    assert [c["name"] for c in panel.data["candidates"]] == ["ТП-110", "ПС 110 кВ «Северная»"]
    assert panel.data["candidates"][0]["reserve"] == "25.0"
    assert "25,0 кВА" in panel.html and "22,5 кВт" in panel.html
