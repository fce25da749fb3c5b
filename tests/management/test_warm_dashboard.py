"""warm_dashboard: counts the unfiltered dashboard into the cache."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from articles.admin.dashboard import DashboardForm, dashboard


@pytest.fixture(autouse=True)
def empty_cache(settings):
    # This process's own cache: test workers sharing a Redis would empty each other's.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def test_warm_dashboard_stores_what_the_home_page_reads(make_article, django_assert_num_queries):
    make_article()
    out = io.StringIO()
    call_command("warm_dashboard", "--period", "month", "--period", "day", stdout=out)
    assert "month: 1 articles counted" in out.getvalue()
    assert "day: 1 articles counted" in out.getvalue()
    make_article()  # counted after the warm-up: the cached dashboard does not see it yet
    for period in ("month", "day"):
        form = DashboardForm({"period": period})
        with django_assert_num_queries(0):
            assert dashboard(form)["article_count"] == 1
