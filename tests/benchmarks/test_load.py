"""The load tool: bounded, loopback only, and a report of what the server answered."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from rest_framework.throttling import SimpleRateThrottle

from articles.benchmarks import load
from articles.models import ArticleCountry, Country


@pytest.mark.parametrize(
    "url",
    ["http://192.0.2.1:8000", "http://10.0.0.1/", "https://127.0.0.1:8000", "ftp://127.0.0.1"],
)
def test_load_refuses_servers_off_this_machine(url):
    with pytest.raises(ValueError, match=r"refused|http://"):
        load.loopback_target(url)


def test_load_accepts_loopback_names_and_addresses():
    assert load.loopback_target("http://127.0.0.1:8123") == ("127.0.0.1", 8123)
    assert load.loopback_target("http://[::1]:8000/")[1] == 8000


@pytest.mark.parametrize(("clients", "seconds"), [(0, 1), (load.MAX_CLIENTS + 1, 1), (1, 0)])
def test_load_refuses_unbounded_runs(clients, seconds):
    with pytest.raises(ValueError, match=r"--clients|--seconds"):
        load.check_bounds(clients, seconds)


def test_load_command_names_the_refusal():
    with pytest.raises(CommandError, match="not a loopback address"):
        call_command("bench_load", "--url", "http://192.0.2.1:8000", "--seconds", "1")


def test_load_summary_counts_errors_by_class():
    samples = [load.Sample("list", 200, 10.0), load.Sample("stats", 503, 30.0)]
    samples += [load.Sample("search", 429, 5.0), load.Sample("search", 400, 1.0)]
    report = load.summarize([*samples, load.Sample("list", 0, 60.0)], elapsed=2.0)
    assert report["requests"] == 5 and report["throughput_per_s"] == 2.5
    assert (report["server_errors"], report["throttled"], report["client_errors"]) == (1, 1, 1)
    assert report["no_answer"] == 1 and report["p50_ms"] == 10.0 and report["p99_ms"] == 60.0
    assert report["by_kind"]["stats"]["server_errors"] == 1


@pytest.fixture
def unthrottled(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_runs_against_a_live_server(live_server, make_article, unthrottled):
    for title in ["Grain corridor talks resume", "Strikes close ports", "Parliament votes"]:
        article = make_article(title)
        ArticleCountry.objects.create(article=article, country=Country.objects.get(code="UA"))
    out = io.StringIO()
    call_command(
        "bench_load", "--url", live_server.url, "--clients", "2", "--seconds", "2", "--json",
        stdout=out,
    )  # fmt: skip
    report = json.loads(out.getvalue())
    assert report["clients"] == 2 and report["requests"] > 0
    assert set(report["by_kind"]) == {"list", "search", "stats"}
    assert report["server_errors"] == 0 and report["no_answer"] == 0
    assert report["p99_ms"] >= report["p50_ms"] > 0
    assert "requests/s" in load.render(report)
