"""Per-client throttling: anonymous and signed-in clients each have their own rate."""

import pytest
from rest_framework.throttling import SimpleRateThrottle


@pytest.fixture
def low_rates(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "3/min"})


def test_throttling_limits_anonymous_clients(api, low_rates, db):
    assert [api.get("/api/topics/").status_code for _ in range(3)] == [200, 200, 429]
    response = api.get("/api/topics/")
    assert response.json()["code"] == "throttled" and int(response["Retry-After"]) > 0


def test_throttling_counts_each_client_apart(api, editor_api, low_rates, db):
    assert [api.get("/api/topics/").status_code for _ in range(3)] == [200, 200, 429]
    other = api.get("/api/topics/", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200  # another address has its own budget
    statuses = [editor_api.get("/api/topics/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_throttling_rates_come_from_settings(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert set(rates) == {"anon", "user"}
    assert rates == SimpleRateThrottle.THROTTLE_RATES
