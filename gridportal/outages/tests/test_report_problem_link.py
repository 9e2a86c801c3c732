"""A link may name the problem (the safety lessons' «report a danger»): it survives the
address search and is preselected on the form."""

from django.urls import reverse


def test_the_named_hazard_is_kept_through_the_search_and_preselected(client, network):
    address = network.addresses[0]
    url = reverse("outages:report")
    search = client.get(url, {"problem": "hazard", "q": address.label})
    html = search.content.decode()
    assert f"{url}?problem=hazard_wire&amp;address={address.pk}" in html
    assert 'name="problem" value="hazard_wire"' in html  # carried by the search form
    form = client.get(url, {"problem": "hazard_wire", "address": address.pk}).content.decode()
    assert 'value="hazard_wire" required id="id_problem_' in form.replace(" checked", "") or (
        'value="hazard_wire"' in form and "checked" in form.split('value="hazard_wire"')[1][:40]
    )


def test_an_unknown_problem_is_ignored(client, network):
    address = network.addresses[0]
    page = client.get(reverse("outages:report"), {"problem": "<script>", "address": address.pk})
    assert page.status_code == 200
    assert "&lt;script&gt;" not in page.content.decode()
    assert "checked" not in page.content.decode().split('name="problem"')[1][:200]
