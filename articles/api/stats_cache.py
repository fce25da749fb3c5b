"""``/api/stats/`` answers from the cache for ``NEWSDB_STATS_CACHE_SECONDS``.

Filtered stats count the links of every article the filter selects: at a million articles a
topic of a hundred thousand takes seconds, and dashboards and scripts ask the same questions
again and again. Each distinct query (its parameters, in any order) is computed once per
period; the answer may be that many seconds old, which is what a count over an archive can be.
The cache is Redis when ``REDIS_URL`` is set (shared by every web process), else local memory.
"""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache


def cached(request, compute: Callable[[], dict]) -> dict:
    """The answer for this request's parameters: cached, or computed and kept."""
    seconds = settings.NEWSDB_STATS_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    key = cache_key(request)
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.set(key, answer, seconds)
    return answer


def cache_key(request) -> str:
    """The same for the same parameters in any order (and a repeated one in the same order)."""
    params = sorted(
        (name, tuple(request.query_params.getlist(name))) for name in request.query_params
    )
    digest = hashlib.sha256(repr(params).encode()).hexdigest()
    return f"stats:{digest}"
