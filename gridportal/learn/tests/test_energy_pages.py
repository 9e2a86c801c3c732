"""The calculator page and its API twin: the same figures, strict about bad input."""

from decimal import Decimal

import pytest

from gridportal.learn.models import Tariff

pytestmark = pytest.mark.django_db


@pytest.fixture
def testland(learn_demo):
    """A single-rate tariff of 6.00 RUB/kWh, in force since the first half of 2020."""
    return Tariff.objects.create(
        region="testland",
        region_name="Тестовая область",
        year=2020,
        half=1,
        kind="single",
        rates={"all_day": "6.00"},
        source="test",
    )


def household(**counts):
    params = {"region": "testland", "kind": "single"}
    for slug, (count, hours) in counts.items():
        params[f"n_{slug}"], params[f"h_{slug}"] = count, hours
    return params


def test_the_page_prices_a_household_and_shows_the_saving(client, testland):
    """5 incandescent lamps × 60 W × 4 h × 30 = 36 kWh × 6.00 = 216.00 RUB;
    LED 8 W instead: 4.8 kWh, 28.80 RUB, so the saving is 187.20 RUB."""
    response = client.get("/learn/energy/", household(**{"lamp-incandescent-60": (5, 4)}))
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"].estimate.total_cost == Decimal("216.00")
    assert "216,00" in page  # Russian: decimal comma
    assert "187,20" in page
    assert "Example rates" in page or "Пример" in page or "Примерные" in page


def test_bad_input_is_a_400_with_a_message(client, testland):
    response = client.get("/learn/energy/", household(**{"lamp-incandescent-60": (5, 25)}))
    assert response.status_code == 400
    assert response.context["form"].errors
    empty = client.get("/learn/energy/", {"region": "testland", "kind": "single"})
    assert empty.status_code == 400
    wrong_kind = client.get("/learn/energy/", {**household(kettle=(1, 1)), "kind": "two_zone"})
    assert wrong_kind.status_code == 400
    unknown = client.get("/learn/energy/", {**household(kettle=(1, 1)), "region": "mars"})
    assert unknown.status_code == 400


def test_the_region_comes_from_the_selected_branch(client, learn_demo, branch):
    client.post("/branch/", {"branch": branch.code})
    page = client.get("/learn/energy/")
    assert page.context["form"].initial["region"] == branch.code


def test_the_catalogue_lists_forty_appliances(client, learn_demo):
    page = client.get("/learn/energy/appliances/")
    assert page.status_code == 200 and len(page.context["appliances"]) == 40


def test_the_api_gives_the_same_figures_as_the_page(client, testland):
    body = {
        "region": "testland",
        "tariff": "single",
        "appliances": [{"appliance": "lamp-incandescent-60", "count": 5, "hours": 4}],
    }
    answer = client.post("/api/v1/energy/estimate/", body, content_type="application/json")
    assert answer.status_code == 200, answer.content
    data = answer.json()
    assert data["total_kwh"] == "36.00" and data["total_cost"] == "216.00"
    assert data["zones"] == [
        {
            "zone": "all_day",
            "kwh": "36.00",
            "within_norm_kwh": "36.00",
            "above_norm_kwh": "0.00",
            "rate": "6.00",
            "above_norm_rate": None,
            "cost": "216.00",
        }
    ]
    assert data["savings"][0]["replacement"] == "lamp-led-8"
    assert data["savings"][0]["cost"] == "187.20"
    page = client.get("/learn/energy/", household(**{"lamp-incandescent-60": (5, 4)}))
    assert str(page.context["result"].estimate.total_cost) == data["total_cost"]


@pytest.mark.parametrize(
    "change",
    [
        {"appliances": [{"appliance": "perpetuum", "count": 1}]},
        {"appliances": [{"appliance": "kettle", "count": 1, "hours": 25}]},
        {"appliances": [{"appliance": "kettle", "count": "1"}]},
        {"appliances": [{"appliance": "kettle", "count": 0}]},
        {"appliances": []},
        {"tariff": "four_zone"},
        {"tariff": "two_zone"},
        {"region": "mars"},
    ],
)
def test_the_api_refuses_bad_input_with_a_400(client, testland, change):
    body = {
        "region": "testland",
        "tariff": "single",
        "appliances": [{"appliance": "kettle", "count": 1}],
    }
    answer = client.post(
        "/api/v1/energy/estimate/", {**body, **change}, content_type="application/json"
    )
    assert answer.status_code == 400, answer.content


def test_the_api_lists_appliances_and_tariffs_in_force(client, testland):
    appliances = client.get("/api/v1/energy/appliances/").json()
    assert appliances["count"] == 40
    tariffs = client.get("/api/v1/energy/tariffs/", {"region": "vologda"}).json()
    assert {t["kind"] for t in tariffs} == {"single", "two_zone", "three_zone"}
    assert all(t["verified"] is False and t["norm_kwh"] for t in tariffs)
    assert client.get("/api/v1/energy/tariffs/", {"region": ""}).status_code == 400


def test_the_api_lists_published_lessons_without_the_right_answers(client, learn_demo):
    lessons = client.get("/api/v1/learn/lessons/").json()
    assert lessons["count"] == 9
    lesson = client.get("/api/v1/learn/lessons/upal-provod/").json()
    assert len(lesson["questions"]) == 3
    assert "correct" not in repr(lesson)
    assert client.get("/api/v1/learn/lessons/nope/").status_code == 404


def test_the_api_marks_quiz_answers_with_explanations(client, learn_demo):
    from gridportal.learn.models import Lesson

    lesson = Lesson.objects.get(slug="upal-provod")
    questions = list(lesson.questions.all())
    answers = [
        {"question": q.pk, "choice": next(c.pk for c in q.choices.all() if c.correct)}
        for q in questions
    ]
    wrong = next(c.pk for c in questions[0].choices.all() if not c.correct)
    answers[0]["choice"] = wrong
    url = "/api/v1/learn/lessons/upal-provod/quiz/"
    result = client.post(url, {"answers": answers}, content_type="application/json").json()
    assert (result["score"], result["total"], result["passed"]) == (2, 3, False)
    assert result["questions"][0]["correct"] is False
    assert result["questions"][0]["explanation"] == questions[0].explanation

    one = client.post(url, {"answers": answers[1:2]}, content_type="application/json").json()
    assert (one["score"], one["total"], one["passed"]) == (1, 1, False)

    other = Lesson.objects.get(slug="zimoy").questions.first()
    foreign = {"answers": [{"question": other.pk, "choice": other.choices.first().pk}]}
    assert client.post(url, foreign, content_type="application/json").status_code == 400
    bad = {"answers": [{"question": "1", "choice": 1}]}
    assert client.post(url, bad, content_type="application/json").status_code == 400
    assert (
        client.post(
            "/api/v1/learn/lessons/nope/quiz/", {"answers": []}, content_type="application/json"
        ).status_code
        == 404
    )
