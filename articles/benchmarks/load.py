"""A bounded load test of the API: N clients for T seconds against a server on this machine.

Each client is a thread holding one keep-alive connection and sending, back to back, a seeded mix
of article lists, searches and stats. Only loopback servers are accepted: this is a tool for
measuring our own server, not for loading someone else's.
"""

import http.client
import ipaddress
import json
import math
import random
import re
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

MAX_CLIENTS = 64
MAX_SECONDS = 300
MIX = {"list": 40, "search": 35, "stats": 25}  # per cent of the requests
WORD = re.compile(r"[A-Za-z]{5,}")


@dataclass(frozen=True)
class Sample:
    """One request: its kind, HTTP status (0: no answer) and time in milliseconds."""

    kind: str
    status: int
    ms: float


def loopback_target(url: str) -> tuple[str, int]:
    """The host and port of ``url``, if every address the host resolves to is loopback."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"{url}: give an http:// URL of a server on this machine.")
    port = parts.port or 80
    try:
        found = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise ValueError(f"{url}: cannot resolve {parts.hostname} ({error}).") from None
    addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in found}
    if not addresses or not all(address.is_loopback for address in addresses):
        raise ValueError(f"{url}: {parts.hostname} is not a loopback address; refused.")
    return parts.hostname, port


def check_bounds(clients: int, seconds: float) -> None:
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"--clients must be between 1 and {MAX_CLIENTS}.")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"--seconds must be above 0 and at most {MAX_SECONDS}.")


def request_mix(words: list[str], countries: list[str]) -> dict[str, list[str]]:
    """The paths each kind of request picks from."""
    return {
        "list": [
            "/api/articles/?page_size=20",
            *(f"/api/articles/?country={code}&page_size=20" for code in countries),
        ],
        "search": [f"/api/articles/?search={quote(word)}&page_size=20" for word in words],
        "stats": ["/api/stats/", *(f"/api/stats/?country={code}" for code in countries)],
    }


def discover(host: str, port: int) -> dict[str, list[str]]:
    """Words from the newest titles and the most named countries, so requests find rows."""
    titles = _get_json(host, port, "/api/articles/?page_size=50&fields=title")
    text = " ".join(row["title"] for row in titles.get("results", []))
    words = sorted({word.lower() for word in WORD.findall(text)})[:20] or ["news"]
    found = _get_json(host, port, "/api/countries/?ordering=-count&page_size=5")
    countries = [row["code"] for row in found.get("results", [])] or ["US"]
    return request_mix(words, countries)


def _get_json(host: str, port: int, path: str) -> dict:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}; is the API up?")
    return json.loads(body)


def client(host: str, port: int, paths: dict, deadline: float, seed: int) -> list[Sample]:
    """One client's requests until ``deadline`` (a ``time.monotonic`` value)."""
    chooser = random.Random(seed)
    kinds, weights = list(MIX), list(MIX.values())
    connection = http.client.HTTPConnection(host, port, timeout=60)
    samples = []
    while time.monotonic() < deadline:
        kind = chooser.choices(kinds, weights)[0]
        path = chooser.choice(paths[kind])
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept": "application/json"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()  # reconnects on the next request
        samples.append(Sample(kind, status, (time.perf_counter() - started) * 1000))
    connection.close()
    return samples


def run(url: str, clients: int, seconds: float, seed: int = 0) -> dict:
    """Load the server at ``url`` with ``clients`` clients for ``seconds``; the report."""
    check_bounds(clients, seconds)
    host, port = loopback_target(url)
    paths = discover(host, port)
    results: list[list[Sample]] = [[] for _ in range(clients)]
    deadline = time.monotonic() + seconds

    def work(number: int) -> None:
        results[number] = client(host, port, paths, deadline, seed + number)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    samples = [sample for batch in results for sample in batch]
    return {"url": url, "clients": clients, **summarize(samples, elapsed)}


def summarize(samples: list[Sample], elapsed: float) -> dict:
    """Throughput, latency percentiles and error counts, overall and per kind of request."""
    report = {"seconds": round(elapsed, 2), **_figures(samples)}
    report["throughput_per_s"] = round(len(samples) / elapsed, 1) if elapsed else 0.0
    report["by_kind"] = {
        kind: _figures([sample for sample in samples if sample.kind == kind]) for kind in MIX
    }
    return report


def _figures(samples: list[Sample]) -> dict:
    times = sorted(sample.ms for sample in samples)
    statuses = [sample.status for sample in samples]
    return {
        "requests": len(samples),
        "p50_ms": round(_percentile(times, 0.50), 1),
        "p99_ms": round(_percentile(times, 0.99), 1),
        "server_errors": sum(1 for status in statuses if status >= 500),
        "throttled": statuses.count(429),
        "client_errors": sum(1 for status in statuses if 400 <= status < 500 and status != 429),
        "no_answer": statuses.count(0),
    }


def _percentile(ordered: list[float], fraction: float) -> float:
    """Nearest-rank percentile of sorted values (0 for none)."""
    if not ordered:
        return 0.0
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def render(report: dict) -> str:
    """The report as a markdown table, overall and per kind."""
    lines = [
        f"{report['clients']} clients for {report['seconds']} s against {report['url']}: "
        f"**{report['throughput_per_s']} requests/s**.",
        "",
        "| requests | count | p50 ms | p99 ms | 5xx | 429 | other 4xx | no answer |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = [("all", report), *report["by_kind"].items()]
    for name, figures in rows:
        lines.append(
            f"| {name} | {figures['requests']} | {figures['p50_ms']} | {figures['p99_ms']} "
            f"| {figures['server_errors']} | {figures['throttled']} "
            f"| {figures['client_errors']} | {figures['no_answer']} |"
        )
    return "\n".join(lines)
