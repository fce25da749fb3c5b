"""The README's API examples: every ``curl`` line runs against a live server and succeeds."""

import re
import shlex
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management.color import no_style
from django.db import connection
from rest_framework.authtoken.models import Token

from articles.api.filtersets import ArticleFilterSet, PersonFilterSet
from articles.ingest.persist.stories import move_articles
from articles.models import Article, Country, Person, Source, Story, Topic
from tests.api.conftest import link

README = Path(__file__).resolve().parents[2] / "README.md"
BASE = "http://127.0.0.1:8000"


def api_section() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("\n## API\n", 1)[1].split("\n## ", 1)[0]


def curl_lines() -> list[str]:
    return [line for line in api_section().splitlines() if line.startswith("curl ")]


def request_for(line: str, base_url: str, token: str) -> urllib.request.Request:
    """The request a README ``curl`` line makes (its -X, -H and -d options and its URL)."""
    words = shlex.split(line.replace("$TOKEN", token))[1:]
    method, headers, data = "GET", {}, None
    while words[0].startswith("-"):
        option, value, words = words[0], words[1], words[2:]
        if option == "-X":
            method = value
        elif option == "-H":
            name, _, header = value.partition(": ")
            headers[name] = header
        elif option == "-d":
            data = value.encode()
    (url,) = words
    assert url.startswith(BASE), line
    return urllib.request.Request(base_url + url[len(BASE) :], data, headers, method=method)


@pytest.fixture
def readme_data(editor):
    """The rows the examples name, with the ids they use."""
    topic = Topic.objects.get(pk=1)
    assert topic.slug == "war-and-conflict", "the README assumes the taxonomy's first topic"
    Source.objects.create(id=1, name="Dissident Voice")
    Source.objects.create(id=2, name="The Guardian")
    putin, zelensky = (Person.objects.create(id=n, name=name) for n, name in PEOPLE)
    Person.objects.create(id=3, name="Jane Writer")
    geneva = article(1, "Putin and Zelensky meet in Geneva", "The leaders held peace talks.")
    grain = article(2, "Grain corridor reopens", "Ships sail from Odesa again.", source_id=2)
    code = {c.code: c for c in Country.objects.filter(code__in=["UA", "RU", "TR"])}
    link(geneva, person=putin, country=code["UA"], topic=topic)
    link(geneva, person=zelensky, country=code["RU"])
    link(grain, person=zelensky, country=code["UA"])
    link(grain, country=code["TR"])
    seen = geneva.created_at
    story = Story.objects.create(id=1, label="Geneva", first_seen=seen, last_seen=seen)
    move_articles([geneva.pk, grain.pk], story)
    with connection.cursor() as cursor:  # explicit ids: move the id sequences past them
        for sql in connection.ops.sequence_reset_sql(no_style(), [Article, Person, Source, Story]):
            cursor.execute(sql)
    return Token.objects.create(user=editor).key


PEOPLE = [(1, "Vladimir Putin"), (2, "Volodymyr Zelensky")]


def article(pk: int, title: str, summary: str, source_id: int = 1) -> Article:
    return Article.objects.create(
        id=pk,
        title=title,
        summary=summary,
        section="World",
        source_id=source_id,
        fingerprint=f"{pk:064x}",
        provenance_file="geneva.txt" if pk == 1 else "odesa.txt",
        provenance_line_start=1,
        provenance_line_end=3,
        provenance_sha256="0" * 64,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_readme_curl_examples_succeed_on_a_live_server(live_server, readme_data):
    lines = curl_lines()
    assert len(lines) > 30
    for line in lines:
        try:
            with urllib.request.urlopen(request_for(line, live_server.url, readme_data)) as answer:
                assert 200 <= answer.status < 300, line
        except urllib.error.HTTPError as error:
            pytest.fail(f"{error.code} {error.read()[:300]!r} from README line: {line}")


def test_readme_shows_every_article_filter_and_endpoint():
    examples = "\n".join(curl_lines())
    used = set(re.findall(r"[?&]([a-z_]+)=", examples))
    assert set(ArticleFilterSet.base_filters) <= used
    assert set(PersonFilterSet.base_filters) <= used
    paths = ["articles", "related", "persons", "countries", "topics", "sources", "stats"]
    for path in [*paths, "stories"]:
        assert f"/{path}/" in examples
    for method in ["PATCH", "POST", "DELETE"]:
        assert f"-X {method}" in examples
