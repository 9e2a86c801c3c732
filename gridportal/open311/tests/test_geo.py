"""Pure arithmetic of the Open311 edge: distances, boxes, rounding, dates, masking."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.open311.geo import (
    bounding_box,
    coarse,
    distance_m,
    mask_contacts,
    parse_w3c,
    w3c,
)


def test_distance_between_two_known_points():
    # Petrozavodsk to Moscow, about 700 km as the crow flies.
    assert 690_000 < distance_m(61.79, 34.36, 55.75, 37.62) < 710_000
    assert distance_m(61.79, 34.36, 61.79, 34.36) == 0


def test_one_thousandth_of_a_degree_of_latitude_is_about_111_metres():
    assert 110 < distance_m(61.790, 34.36, 61.791, 34.36) < 112


latitudes = st.floats(min_value=-85, max_value=85, allow_nan=False)
longitudes = st.floats(min_value=-179, max_value=179, allow_nan=False)


@given(
    lat=latitudes,
    lon=longitudes,
    d_lat=st.floats(min_value=-0.05, max_value=0.05),
    d_lon=st.floats(min_value=-0.1, max_value=0.1),
    radius=st.floats(min_value=10, max_value=5000),
)
def test_every_point_within_the_radius_lies_in_the_bounding_box(lat, lon, d_lat, d_lon, radius):
    south, north, west, east = bounding_box(lat, lon, radius)
    p_lat, p_lon = lat + d_lat, lon + d_lon
    if distance_m(lat, lon, p_lat, p_lon) <= radius:
        assert south <= p_lat <= north
        assert west <= p_lon <= east


@given(value=st.floats(min_value=-90, max_value=90, allow_nan=False))
def test_coarse_coordinates_are_never_more_than_56_metres_of_latitude_off(value):
    assert abs(coarse(value) - value) <= 0.0005 + 1e-12


def test_coarse_keeps_none():
    assert coarse(None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-26T12:00:00Z", dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)),
        ("2026-11-26T15:00:00+03:00", dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)),
        # An unencoded «+» in a query string arrives as a space.
        ("2026-11-26T15:00:00 03:00", dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)),
        ("2026-11-26T12:00:00", dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)),
        ("2026-11-26", dt.datetime(2026, 11, 26, tzinfo=dt.UTC)),
    ],
)
def test_w3c_dates_are_read_as_utc(text, expected):
    assert parse_w3c(text) == expected


def test_a_plain_end_date_means_the_end_of_that_day():
    end = parse_w3c("2026-11-26", end_of_day=True)
    assert end.date() == dt.date(2026, 11, 26) and end.hour == 23


@pytest.mark.parametrize("text", ["yesterday", "2026-13-45", "2026-02-30", "26.11.2026", "12:00"])
def test_what_is_not_a_w3c_date_is_none(text):
    assert parse_w3c(text) is None


def test_w3c_output_is_utc_with_z():
    moscow = dt.timezone(dt.timedelta(hours=3))
    assert w3c(dt.datetime(2026, 11, 26, 15, tzinfo=moscow)) == "2026-11-26T12:00:00Z"
    assert w3c(None) is None


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("звоните 8 900 765-43-21 вечером", "765-43-21"),
        ("тел. +7(900)7654321", "7654321"),
        ("пишите anna.petrova+grid@mail.example.ru", "anna.petrova"),
    ],
)
def test_contacts_typed_into_a_description_are_masked(text, hidden):
    masked = mask_contacts(text)
    assert hidden not in masked and "…" in masked


def test_ordinary_text_with_numbers_is_kept():
    text = "Ленина 12, ТП-123, с 14:05, 26.11.2026"
    assert mask_contacts(text) == text
