import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from gridportal.grid.importers import ImportFailed, import_file
from gridportal.grid.models import Feeder, PowerCentre, PowerTransformer, ServiceAddress, Substation
from gridportal.testing.factories import DistrictFactory

pytestmark = pytest.mark.django_db

POWER_CENTRES = """branch,district,dispatch_number,name,voltage_kv,voltage_levels,latitude,longitude
karelia,kar-1,ПС-1,ПС 110 кВ «Северная»,110,110/35/10,61.80,34.35
karelia,kar-1,ПС-2,ПС 35 кВ «Южная»,35,35/10,61.70,34.40
"""
TRANSFORMERS = """branch;power_centre;name;rated_mva;voltage
karelia;ПС-1;Т-1;25;110/10
karelia;ПС-1;Т-2;25;110/10
karelia;ПС-2;Т-1;6,3;35/10
"""
FEEDERS = """branch,power_centre,name,voltage_kv
karelia,ПС-1,Ф-1,10
"""
SUBSTATIONS = """branch,power_centre,feeder,name,kind,rated_kva,latitude,longitude
karelia,ПС-1,Ф-1,ТП-12,КТП,400,61.79,34.36
"""
ADDRESSES = """branch,district,settlement,settlement_kind,street_kind,street,house,substation,customer_count
karelia,kar-1,Петрозаводск,г.,ул.,Ленина,5,ТП-12,48
karelia,kar-1,Петрозаводск,г.,ул.,Ленина,7 А,ТП-12,1
"""


@pytest.fixture
def district(branch):
    return DistrictFactory(branch=branch, code="kar-1")


def load_network():
    for kind, text, name in (
        ("power_centres", POWER_CENTRES, "pc.csv"),
        ("transformers", TRANSFORMERS, "t.csv"),
        ("feeders", FEEDERS, "f.csv"),
        ("substations", SUBSTATIONS, "s.csv"),
        ("addresses", ADDRESSES, "a.csv"),
    ):
        import_file(kind=kind, data=text.encode(), filename=name)


def test_a_whole_network_imports_from_csv(district):
    load_network()
    assert PowerCentre.objects.count() == 2
    assert PowerTransformer.objects.filter(
        power_centre__dispatch_number="ПС-2"
    ).get().rated_mva == Decimal("6.3")
    assert Substation.objects.get().kind == "ktp"
    address = ServiceAddress.objects.get(house_key="7а")
    assert address.label == "г. Петрозаводск, ул. Ленина, д. 7 А"
    assert address.substation.name == "ТП-12"
    assert address.branch == district.branch


def test_importing_the_same_file_twice_changes_nothing(district):
    load_network()
    result = import_file(kind="addresses", data=ADDRESSES.encode(), filename="a.csv")
    assert (result.created, result.updated) == (0, 2)
    assert ServiceAddress.objects.count() == 2


def test_a_file_with_one_bad_row_is_rejected_whole_with_row_numbers(district):
    bad = POWER_CENTRES + "karelia,kar-1,ПС-3,ПС «Плохая»,111,,95,34\nnowhere,,ПС-4,ПС,110,,,\n"
    with pytest.raises(ImportFailed) as failure:
        import_file(kind="power_centres", data=bad.encode(), filename="pc.csv")
    errors = failure.value.errors
    assert any(e.startswith("Строка 4:") and "35, 110" in e for e in errors)
    assert any(e.startswith("Строка 4:") and "latitude" in e for e in errors)
    assert any(e.startswith("Строка 5:") and "nowhere" in e for e in errors)
    assert PowerCentre.objects.count() == 0


def test_missing_columns_are_named(district):
    with pytest.raises(ImportFailed) as failure:
        import_file(kind="feeders", data=b"branch,name\nkarelia,x\n", filename="f.csv")
    assert "power_centre" in failure.value.errors[0]


def test_geojson_points_give_the_coordinates(district):
    document = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [34.35, 61.8]},
                "properties": {
                    "branch": "karelia",
                    "dispatch_number": "ПС-9",
                    "name": "ПС 110 кВ «Озёрная»",
                    "voltage_kv": 110,
                },
            }
        ],
    }
    import_file(kind="power_centres", data=json.dumps(document).encode(), filename="pc.geojson")
    pc = PowerCentre.objects.get()
    assert (pc.latitude, pc.longitude) == (61.8, 34.35)


def test_the_command_reports_errors_and_exits_with_failure(district, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("branch,power_centre,name,voltage_kv\nkarelia,ПС-404,Ф-1,10\n")
    with pytest.raises(CommandError, match="ПС-404"):
        call_command("import_grid", "feeders", str(path))
    assert Feeder.objects.count() == 0


def test_the_command_imports_a_good_file(district, tmp_path, capsys):
    path = tmp_path / "pc.csv"
    path.write_text(POWER_CENTRES)
    call_command("import_grid", "power_centres", str(path))
    assert "2 created" in capsys.readouterr().out
