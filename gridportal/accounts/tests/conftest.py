import pytest


@pytest.fixture(autouse=True)
def _fresh_signin_counters():
    """django-axes counts failed sign-ins in the shared cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
