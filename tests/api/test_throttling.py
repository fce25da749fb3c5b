"""Per-client throttling: a real client identity and counters every worker process shares."""

import os
import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache.backends.redis import RedisCache
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import SimpleRateThrottle

from articles.api.throttling import AnonThrottle, client_address

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")


@pytest.fixture
def low_rates(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/min", "user": "3/min"})
    # One fixed window for the whole test, wherever the clock is.
    monkeypatch.setattr(SimpleRateThrottle, "timer", staticmethod(lambda: 6_000_010.0))


def request(remote_addr="203.0.113.7", forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    made = APIRequestFactory().get("/api/topics/", REMOTE_ADDR=remote_addr, **headers)
    made.user = AnonymousUser()
    return made


def test_throttling_limits_anonymous_clients(api, low_rates, db):
    assert [api.get("/api/topics/").status_code for _ in range(3)] == [200, 200, 429]
    response = api.get("/api/topics/")
    assert response.json()["code"] == "throttled" and int(response["Retry-After"]) == 50


def test_throttling_counts_each_client_apart(api, editor_api, low_rates, db):
    assert [api.get("/api/topics/").status_code for _ in range(3)] == [200, 200, 429]
    other = api.get("/api/topics/", REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 200  # another address has its own budget
    statuses = [editor_api.get("/api/topics/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_throttling_rotating_forwarded_for_does_not_bypass(api, low_rates, db):
    statuses = [
        api.get("/api/topics/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 429, 429]


def test_throttling_new_window_restores_the_budget(api, low_rates, monkeypatch, db):
    assert [api.get("/api/topics/").status_code for _ in range(3)] == [200, 200, 429]
    monkeypatch.setattr(SimpleRateThrottle, "timer", staticmethod(lambda: 6_000_070.0))
    assert api.get("/api/topics/").status_code == 200


def test_throttling_rates_come_from_settings(settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert set(rates) == {"anon", "user", "export"}
    assert rates == SimpleRateThrottle.THROTTLE_RATES


def test_client_address_ignores_forwarded_for_without_trusted_proxies(settings):
    settings.NEWSDB_TRUSTED_PROXIES = 0
    assert client_address(request(forwarded="1.2.3.4")) == "203.0.113.7"


def test_client_address_honours_a_trusted_proxy_count(settings):
    settings.NEWSDB_TRUSTED_PROXIES = 2
    forged_then_real = request("10.0.0.1", forwarded="6.6.6.6, 198.51.100.9, 10.0.0.2")
    assert client_address(forged_then_real) == "198.51.100.9"
    settings.NEWSDB_TRUSTED_PROXIES = 1
    assert client_address(forged_then_real) == "10.0.0.2"
    assert client_address(request("10.0.0.1")) == "10.0.0.1"  # nothing forwarded: the peer


def test_client_address_walks_trusted_proxy_networks(settings):
    settings.NEWSDB_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.1"]
    chain = request("192.0.2.1", forwarded="6.6.6.6, 198.51.100.9, 10.1.2.3")
    assert client_address(chain) == "198.51.100.9"
    untrusted_peer = request("198.51.100.20", forwarded="6.6.6.6")
    assert client_address(untrusted_peer) == "198.51.100.20"
    garbage = request("192.0.2.1", forwarded="not-an-address")
    assert client_address(garbage) == "192.0.2.1"


def test_client_address_groups_ipv6_by_64(settings):
    settings.NEWSDB_TRUSTED_PROXIES = 0
    assert client_address(request("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"


def test_settings_refuse_a_bad_trusted_proxy(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from newsdb.settings import env_proxies

    monkeypatch.setenv("NEWSDB_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example.org")
    with pytest.raises(ImproperlyConfigured, match=r"proxy\.example\.org"):
        env_proxies("NEWSDB_TRUSTED_PROXIES")
    monkeypatch.setenv("NEWSDB_TRUSTED_PROXIES", "3")
    assert env_proxies("NEWSDB_TRUSTED_PROXIES") == 3


@pytest.fixture
def redis_caches():
    """Two cache clients with their own connections to the real Redis, as two workers have."""
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis is unreachable at {REDIS_URL}: {error}")
    prefix = f"test-{uuid.uuid4().hex}"
    return [RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}) for _ in range(2)]


def throttle_on(cache) -> AnonThrottle:
    throttle = AnonThrottle()
    throttle.cache = cache
    return throttle


def test_throttling_counts_are_shared_through_redis(redis_caches, low_rates, settings):
    settings.NEWSDB_TRUSTED_PROXIES = 0
    first, second = redis_caches
    assert first._cache is not second._cache  # separate clients, separate connection pools
    answers = [throttle_on(cache).allow_request(request(), None) for cache in [*redis_caches] * 2]
    assert answers == [True, True, False, False]
    other_client = throttle_on(second).allow_request(request("198.51.100.1"), None)
    assert other_client is True


class BrokenCache:
    def add(self, *args, **kwargs):
        raise ConnectionError("cache down")


def test_throttling_lets_requests_through_when_the_cache_is_down(low_rates, settings, caplog):
    settings.NEWSDB_TRUSTED_PROXIES = 0
    throttle = throttle_on(BrokenCache())
    assert all(throttle.allow_request(request(), None) for _ in range(3))
    assert "Rate-limit cache unavailable" in caplog.text
