"""Public pages, downloads, staff pages, as people use them."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from gridportal.capacity import services
from gridportal.capacity.models import LoadMeasurement

pytestmark = pytest.mark.django_db


def table(response) -> str:
    html = response.content.decode()
    return html[html.index("<tbody>") : html.index("</tbody>")]


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def test_the_map_page_lists_centres_in_an_accessible_sortable_table(en, network):
    page = en.get("/capacity/?sort=-reserve")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'aria-sort="descending"' in html
    assert html.index("Псковская") < html.index("Северная") < html.index("Озёрная")
    assert "/capacity/power-centres.csv" in html and "power-centres.geojson" in html


def test_filters_narrow_the_table_to_open_centres_of_one_branch(en, network):
    html = table(en.get("/capacity/?branch=karelia&status=open"))
    assert "Северная" in html
    assert "Озёрная" not in html and "Псковская" not in html


def test_search_finds_a_centre_by_name(en, network):
    html = table(en.get("/capacity/?q=озёрн"))
    assert "Озёрная" in html and "Северная" not in html


def test_a_bad_filter_gets_a_localized_message_and_a_400(client, network):
    page = client.get("/capacity/?min_reserve=много")
    assert page.status_code == 400
    assert "Введите число" in page.content.decode()


def test_the_map_data_carries_status_and_reserve(client, network):
    data = json.loads(client.get("/capacity/map.geojson?status=closed").content)
    names = {f["properties"]["name"] for f in data["features"]}
    assert names == {"ПС 110 кВ «Озёрная» (ПС-2)", "ПС 35 кВ «Лесная» (ПС-3)"}
    assert all(f["properties"]["status"] == "closed" for f in data["features"])


def test_the_csv_download_has_russian_headers_and_words(client, network):
    response = client.get("/capacity/power-centres.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    north = next(r for r in rows if r["Центр питания"] == "ПС 110 кВ «Северная»")
    assert north["Резерв, МВА"] == "12.2"
    assert north["Допустимая нагрузка (N-1), МВА"] == "35.0"
    assert north["Статус"] == "Открыт"  # a word, not «open»
    assert north["Филиал"] == network["north"].branch.display_name  # not the code «karelia»
    assert north["По состоянию на"]
    assert "open" not in response.content.decode("utf-8-sig")


def test_the_xlsx_download_opens_in_a_spreadsheet(client, network):
    response = client.get("/capacity/power-centres.xlsx?branch=karelia")
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.active.iter_rows(values_only=True))
    header = rows[1]
    assert "Резерв, МВА" in header
    assert len(rows) == 2 + 3
    by_name = {r[header.index("Центр питания")]: r for r in rows[2:]}
    assert by_name["ПС 110 кВ «Озёрная»"][header.index("Ограничение")] == "Перегрузка"


def test_the_geojson_download_is_a_feature_collection(client, network):
    data = json.loads(client.get("/capacity/power-centres.geojson").content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 4
    feature = data["features"][0]
    assert feature["geometry"]["type"] == "Point"
    assert {"reserve_mva", "status", "constraint", "load_mva"} <= feature["properties"].keys()


def test_an_unknown_download_format_is_not_found(client, network):
    assert client.get("/capacity/power-centres.pdf").status_code == 404


def test_the_centre_page_shows_the_calculation_line_by_line(en, network):
    html = en.get("/capacity/centres/{}/".format(network["north"].pk)).content.decode()
    assert "1.40 × (50.000 − 25.000)" in html
    assert "35.000" in html and "12.200" in html
    assert "3 applications, 1 site: 800.000 kW counted" in html
    assert "<svg" in html and "Measured load against the permissible N-1 load" in html
    # applicants' plots are not disclosed to the public
    assert "10:20:0010101:55" not in html


def test_the_centre_page_says_yes_for_100_kw_at_an_open_centre(en, network):
    html = en.get("/capacity/centres/{}/?kw=100".format(network["north"].pk)).content.decode()
    assert "Yes: 100 kW fits in the reserve" in html


def test_the_centre_page_says_no_at_an_overloaded_centre(en, network):
    html = en.get("/capacity/centres/{}/?kw=100".format(network["lake"].pk)).content.decode()
    assert "No: this power centre is closed for connection (Overloaded)" in html


def test_a_single_transformer_centre_explains_why_it_has_no_reserve(en, network):
    html = en.get("/capacity/centres/{}/".format(network["forest"].pk)).content.decode()
    assert "single transformer" in html


def test_a_bad_power_is_refused_with_a_400(client, network):
    page = client.get("/capacity/centres/{}/?kw=-3".format(network["north"].pk))
    assert page.status_code == 400
    assert "Убедитесь, что это значение больше либо равно" in page.content.decode()


def test_where_can_i_connect_lists_centres_of_the_voltage_within_the_distance_rule(en, network):
    html = en.get("/capacity/nearby/?kw=1000&voltage=10&lat=61.79&lon=34.36").content.decode()
    html = html[html.index('data-testid="candidates"') :]
    assert "Северная" in html
    assert "1,000 / 0.9 = 1,111.1 kVA" in html  # the person's kW, through cos φ
    assert "Yes: 1,000 kW fits." in html
    assert "Озёрная" not in html  # ≈ 17 km, beyond the 10 km of the rule for 10 kV
    assert "Псковская" not in html  # hundreds of km away


def test_where_can_i_connect_needs_a_place(en, network):
    page = en.get("/capacity/nearby/?kw=10")
    assert page.status_code == 400
    assert "Give an address or both coordinates." in page.content.decode()


def test_an_earlier_quarter_stays_open_to_the_public(en, network):
    services.capacity_snapshot_publish(as_of=date(2026, 7, 1))
    LoadMeasurement.objects.filter(power_centre=network["north"]).update(load_mva=1)
    services.capacity_recalculate()
    quarter = en.get("/capacity/quarters/2026-07-01/").content.decode()
    assert "Power-centre load map as of 01.07.2026" in quarter
    assert "12.200" in quarter
    listing = en.get("/capacity/quarters/").content.decode()
    assert "/capacity/quarters/2026-07-01/power-centres.csv" in listing
    rows = list(
        csv.DictReader(
            io.StringIO(
                en.get("/capacity/quarters/2026-07-01/power-centres.csv").content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert {r["As of"] for r in rows} == {"2026-07-01"}
    assert en.get("/capacity/quarters/2026-04-01/").status_code == 404


# --- staff ---------------------------------------------------------------------


def test_a_customer_cannot_open_the_staff_pages(client, customer, network):
    client.force_login(customer)
    assert client.get("/staff/capacity/").status_code == 403


def test_the_overloaded_list_is_narrowed_to_the_officers_branch(
    client, officer, other_officer, network
):
    client.force_login(officer)
    assert "Озёрная" in table(client.get("/staff/capacity/overloaded/"))
    client.force_login(other_officer)
    assert "Озёрная" not in table(client.get("/staff/capacity/overloaded/"))


def test_an_officer_uploads_measurements_and_sees_row_errors(en, officer, network):
    en.force_login(officer)
    bad = SimpleUploadedFile(
        "june.csv",
        "ЦП;Трансформатор;Нагрузка;Дата;Филиал\nПС-1;Т-9;1;18.06.2026;karelia\n".encode(),
    )
    page = en.post("/staff/capacity/import/measurements/", {"measurements-file": bad})
    assert page.status_code == 400
    assert "Row 2: power centre «ПС-1» has no transformer «Т-9»." in page.content.decode()
    good = SimpleUploadedFile(
        "june.csv",
        "ЦП;Трансформатор;Нагрузка;Дата;Филиал\nПС-1;Т-1;1;18.06.2026;karelia\n".encode(),
    )
    page = en.post("/staff/capacity/import/measurements/", {"measurements-file": good}, follow=True)
    assert "Imported: 1 new and 0 corrected measurements" in page.content.decode()


def test_only_an_administrator_publishes_a_quarter(client, officer, administrator, network):
    client.force_login(officer)
    assert (
        client.post("/staff/capacity/publish/", {"publish-as_of": "2026-10-01"}).status_code == 403
    )
    client.force_login(administrator)
    page = client.post("/staff/capacity/publish/", {"publish-as_of": "2026-10-01"}, follow=True)
    assert page.status_code == 200
    assert client.get("/capacity/quarters/2026-10-01/").status_code == 200
    again = client.post("/staff/capacity/publish/", {"publish-as_of": "2026-10-01"})
    assert again.status_code == 400


def test_the_map_page_makes_a_fixed_number_of_queries(
    client, network, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get("/capacity/")


def test_an_upload_that_is_not_a_table_is_refused_on_the_form(en, officer, network):
    en.force_login(officer)
    page = en.post(
        "/staff/capacity/import/measurements/",
        {"measurements-file": SimpleUploadedFile("photo.jpg", b"\xff\xd8")},
    )
    assert page.status_code == 400
    assert "Upload a .csv or .xlsx file." in page.content.decode()


def test_a_centre_added_since_the_last_recalculation_still_has_a_page(en, network, district):
    from .conftest import centre

    new = centre(district=district, number="ПС-9", name="ПС 35 кВ «Новая»", rated=["6.3", "6.3"])
    html = en.get(f"/capacity/centres/{new.pk}/").content.decode()
    assert "No measurement" in html
    assert "8.820" in html  # 1.4 × 6.3


def test_the_history_chart_keeps_svg_numbers_unlocalized_in_russian(client, network):
    import re

    html = client.get("/capacity/centres/{}/".format(network["north"].pk)).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.findall(r'cx="[\d.]+"', svg)
    assert not re.findall(r'(?:cx|cy|x|y)="\d+,\d+"', svg)


def test_a_download_with_a_bad_filter_is_a_400_not_an_empty_file(client, network):
    response = client.get("/capacity/power-centres.csv?status=maybe")
    assert response.status_code == 400
    assert "status" in response.json()["error"]["fields"]
    assert client.get("/capacity/map.geojson?min_reserve=x").status_code == 400


def test_open_data_is_cacheable_and_a_published_quarter_for_long(client, network):
    assert "max-age=60" in client.get("/capacity/map.geojson")["Cache-Control"]
    services.capacity_snapshot_publish(as_of=date(2026, 7, 1))
    quarter = client.get("/capacity/quarters/2026-07-01/power-centres.geojson")
    assert "max-age=86400" in quarter["Cache-Control"]


def test_the_method_page_shows_every_factor_with_its_unit_date_and_source(client, network):
    from gridportal.testing.factories import rule_set

    rule_set("capacity", "overload_factor", "1.2", valid_from=date(2020, 1, 1), source="СТО 7")
    with translation.override("ru"):
        html = client.get(reverse("capacity:method")).content.decode()
    assert 'data-testid="factor-overload_factor">1,2<' in html
    assert 'data-testid="factor-cos_phi">0,9<' in html
    assert "01.01.2020" in html and "СТО 7" in html
    assert "06.05.2014" in html and "ГОСТ 14209" in html  # the earlier value, in the history
    # Sources in Russian, unverified values marked in the reader's language, no machine word.
    assert "UNVERIFIED" not in html and "не проверено" in html
    assert "1,4" in html


def test_the_chosen_region_narrows_the_map_table_and_files(client, network):
    client.cookies["django_language"] = "en"
    html = client.get("/capacity/?region=pskov").content.decode()
    table_html = html[html.index("<table") :]
    assert "Псковская" in table_html and "Северная" not in table_html
    assert 'data-testid="region-scope"' in html and "region=pskov" in html
    # Remembered: the next page and the download show the same region.
    rows = client.get("/capacity/power-centres.csv").content.decode("utf-8-sig")
    assert "Псковская" in rows and "Северная" not in rows
    # «All regions» is one click away.
    html = client.get("/capacity/?region=all").content.decode()
    table_html = html[html.index("<table") :]
    assert "Псковская" in table_html and "Северная" in table_html
