"""Rate limits per client, counted in the shared cache so they hold across worker processes.

A client is the connecting address (``REMOTE_ADDR``). ``X-Forwarded-For`` names it only through
hops the operator trusts (``NEWSDB_TRUSTED_PROXIES``): anything else in that header is written by
the client and could be rotated to get a fresh budget on every request.
"""

import functools
import ipaddress
import logging

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
log = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's address: the peer, or the first untrusted ``X-Forwarded-For`` hop.

    IPv6 clients are counted per /64, the block one subscriber usually holds.
    """
    peer = _address(request.META.get("REMOTE_ADDR", ""))
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    client = _through_proxies(peer, hops, settings.NEWSDB_TRUSTED_PROXIES) if peer else None
    if client is None:
        return request.META.get("REMOTE_ADDR", "")
    if client.version == 6:
        return str(ipaddress.ip_network(f"{client}/64", strict=False))
    return str(client)


def _through_proxies(peer: Address, hops: list[str], trusted) -> Address:
    """Walk ``X-Forwarded-For`` from the right while the address at hand is a trusted proxy."""
    if isinstance(trusted, int):
        # A count: the last ``trusted`` entries of the chain (peer included) are proxies.
        chain = [*hops, str(peer)]
        return _address(chain[-min(trusted + 1, len(chain))]) or peer
    networks = _networks(tuple(trusted))
    client = peer
    while hops and any(client in network for network in networks):
        forwarded = _address(hops.pop())
        if forwarded is None:  # garbage a trusted proxy passed on: the proxy is all we know
            break
        client = forwarded
    return client


@functools.lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> list:
    return [ipaddress.ip_network(item, strict=False) for item in trusted]


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class SharedCounterMixin:
    """Fixed windows counted with the cache's atomic ``incr`` (Redis ``INCR``).

    DRF's own throttles read a list of timestamps, append and write it back: two workers
    answering the same client at once both write, and one request goes uncounted. A counter
    incremented in the cache has no such gap. A client may spend up to twice its rate across a
    window boundary; ``Retry-After`` is the time left in the window.
    """

    def get_ident(self, request) -> str:
        return client_address(request)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window = int(self.now // self.duration)
        self.window_end = (window + 1) * self.duration
        try:
            return self._count(f"{self.key}:{window}") <= self.num_requests
        except Exception:  # any cache failure: an outage of the cache must not stop the API
            log.warning("Rate-limit cache unavailable; request let through.", exc_info=True)
            return True

    def _count(self, key: str) -> int:
        """Add one to this window's counter, creating it (with its expiry) if it is new."""
        if self.cache.add(key, 1, timeout=self.duration + 1):
            return 1
        try:
            return self.cache.incr(key)
        except ValueError:  # expired between ``add`` and ``incr``: a new window
            self.cache.add(key, 1, timeout=self.duration + 1)
            return 1

    def wait(self) -> float:
        return max(self.window_end - self.now, 1)


class AnonThrottle(SharedCounterMixin, AnonRateThrottle):
    """Anonymous clients, by address (``NEWSDB_THROTTLE_ANON``)."""


class UserThrottle(SharedCounterMixin, UserRateThrottle):
    """Signed-in clients by user, others by address (``NEWSDB_THROTTLE_USER``)."""


class ExportThrottle(SharedCounterMixin, ScopedRateThrottle):
    """Exports (a whole filtered table each), by user or address (``NEWSDB_THROTTLE_EXPORT``)."""

    def allow_request(self, request, view) -> bool:
        # ScopedRateThrottle reads its rate from the view here; the shared counter then counts.
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)
