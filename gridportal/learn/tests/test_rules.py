"""The learning pages' rules ship as dated rows and are read from them."""

import pytest

from gridportal.core.models import Rule
from gridportal.learn.choices import RuleKey
from gridportal.learn.rules import SPECS, rule


@pytest.mark.django_db
def test_the_migration_ships_every_declared_default():
    shipped = {r.key: r.value for r in Rule.objects.filter(namespace="learn")}
    assert shipped == {s.key: str(s.default) for s in SPECS}
    assert set(shipped) == set(RuleKey.values)
    assert rule(RuleKey.CLASS_RESULTS_PER_HOUR) == 300
