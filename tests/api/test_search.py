"""GET /api/articles/?search=: one query syntax on both databases, bounded, never a 500."""

import pytest
from django.db import connection

from articles import search
from articles.models import Article

URL = "/api/articles/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def found(api, text: str) -> set[str]:
    return set(titles(api.get(URL, {"search": text})))


@pytest.fixture
def strikes(make_article):
    make_article("Striking dockers march", summary="Dock workers marched on the port.")
    make_article("Strike ends", summary="Workers return to the port.")
    make_article("Port reopens", body="Vladimir Putin spoke; the grain corridor is open.")
    make_article("Putin and the port", body="Officials met Vladimir in Kyiv.")


def test_search_stems_and_understands_websearch_syntax(api, strikes):
    both = {"Striking dockers march", "Strike ends"}
    assert found(api, "strikes worker") == both
    assert found(api, '"dock workers" -ends') == {"Striking dockers march"}
    assert found(api, '"Vladimir Putin"') == {"Port reopens"}
    assert found(api, "Vladimir Putin") == {"Port reopens", "Putin and the port"}
    assert found(api, "dockers or corridor") == {"Striking dockers march", "Port reopens"}
    assert found(api, 'port -"dock workers" -putin') == {"Strike ends"}
    assert found(api, "OR port or") == found(api, "port")  # a stray `or` is ignored


def test_search_ignores_stop_words_and_punctuation(api, strikes):
    assert found(api, "the strike") == found(api, "strike")
    assert found(api, "the") == set()  # nothing left to look for: nothing found
    assert found(api, "---") == set()


@pytest.mark.parametrize(
    "text",
    [
        "-" * 33,
        "-" * 40 + "port",
        "- " * 15 + "port",
        '"' * 33,
        'port "unterminated phrase',
        "port:* & !strike | (dock) <-> <2>",
        'NEAR(port strike) AND title:port ^port port* "a""b"',
        "port\\ ' \\\" ;-- %s {}",
        "’“”– …",
    ],
)
def test_search_never_fails_on_syntax(api, strikes, text):
    """Operators of tsquery and FTS5 typed by a user are words or nothing, not errors."""
    response = api.get(URL, {"search": text})
    assert response.status_code in (200, 400), response.content
    assert response["Content-Type"] == "application/json"


def test_search_syntax_of_one_backend_is_plain_text(api, strikes):
    assert found(api, "title:strike") == found(api, "title strike") == set()
    assert found(api, "port* strike") == found(api, "port strike")


def test_search_too_long_is_a_400(api, db):
    response = api.get(URL, {"search": "a" * (search.MAX_CHARS + 1)})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["errors"]["search"] == [
        f"A search may have at most {search.MAX_CHARS} characters ({search.MAX_CHARS + 1} given)."
    ]
    assert api.get(URL, {"search": "a" * search.MAX_CHARS}).status_code == 200


def test_search_with_too_many_terms_is_a_400(api, db):
    many = " ".join(f"w{n}" for n in range(search.MAX_TERMS + 1))
    response = api.get(URL, {"search": many})
    assert response.status_code == 400
    assert "at most 16 words and operators" in response.json()["errors"]["search"][0]
    assert api.get(URL, {"search": "-x " * 9}).status_code == 400  # 9 words + 9 operators
    assert api.get(URL, {"search": many.rsplit(" ", 1)[0]}).status_code == 200


def test_search_of_only_exclusions_is_a_400(api, db):
    for text in ("-war", "strike or -war", '-"dock workers"'):
        response = api.get(URL, {"search": text})
        assert response.status_code == 400
        assert "needs a word to look for" in response.json()["errors"]["search"][0]


def test_search_errors_on_stats_too(api, db):
    assert api.get("/api/stats/", {"search": "-war"}).status_code == 400


def test_search_index_follows_every_write_path(db, make_article):
    """Triggers keep SQLite's FTS5 index in sync; PostgreSQL's vectors are generated columns."""

    def ids(text):
        return set(Article.objects.search(text).values_list("pk", flat=True))

    saved = make_article("Harbour cranes")
    Article.objects.bulk_create(
        [Article(title="Bulk harbour", fingerprint="f" * 64, provenance_file="x", **LINES)]
    )
    bulk = Article.objects.get(title="Bulk harbour")
    assert ids("harbour") == {saved.pk, bulk.pk}
    Article.objects.filter(pk=bulk.pk).update(title="Bulk quay", body="Harbor.")
    assert ids("harbour") == {saved.pk} and ids("quay") == {bulk.pk}
    saved.summary = "A quay too."
    saved.save()
    assert ids("quay") == {saved.pk, bulk.pk}
    Article.objects.filter(pk=saved.pk).update(status="reviewed")  # not a text: no reindex
    assert ids("quay") == {saved.pk, bulk.pk}
    saved.delete()
    assert ids("quay") == {bulk.pk} and ids("cranes") == set()


LINES = {"provenance_line_start": 1, "provenance_line_end": 1, "provenance_sha256": "0" * 64}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index is SQLite's")
def test_search_index_triggers_exist_after_all_migrations(db):
    """Altering the article table on SQLite rebuilds it and drops its triggers: catch that."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
    assert {f"{search.FTS_TABLE}_{event}" for event in ("insert", "update", "delete")} <= triggers


def test_search_parse_renders_one_query_for_each_backend():
    query = search.parse('Dock "grain-corridor deal" or -putin strikes -"big talks" x*')
    assert search.to_websearch(query) == (
        '"Dock" "grain-corridor deal" or -"putin" "strikes" -"big talks" "x*"'
    )
    assert search.to_fts5(query) == (
        '("dock" AND "grain corridor deal") OR (("strikes" AND "x") NOT ("putin" OR "big talks"))'
    )


def _rum_installed() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        return cursor.fetchone() is not None


def test_ranked_search_reads_the_rum_index_in_rank_order(db, strikes):
    if not _rum_installed():
        pytest.skip("needs PostgreSQL with the rum extension (Debian's postgresql-15-rum)")
    assert search.has_rum_index(connection.alias)
    ranked = Article.objects.search("port workers").order_by("distance")  # the index's order
    with connection.cursor() as cursor:  # four rows: the planner would rather read the table
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")  # can the index give the order alone?
    plan = ranked[:50].explain()
    assert "article_search_rum" in plan and "Order By" in plan  # best-first, no sort of all
    # Both words in the summary (weight B) rank above "port" alone in a title.
    assert {article.title for article in ranked[:2]} == {"Striking dockers march", "Strike ends"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's two rankings")
def test_search_without_the_rum_index_ranks_with_ts_rank(api, strikes, monkeypatch):
    """A server without the extension keeps its GIN index: same matches, ts_rank's order."""
    monkeypatch.setattr(search, "has_rum_index", lambda alias: False)
    assert found(api, "strikes worker") == {"Striking dockers march", "Strike ends"}
    plan = str(Article.objects.search("port").order_by("distance", "-id").query)
    assert "ts_rank" in plan and "<=>" not in plan
    pages, url = [], f"{URL}?search=port&page_size=1"
    while url:
        page = api.get(url).json()
        pages += [row["title"] for row in page["results"]]
        url = page["next"]
    assert len(pages) == len(set(pages)) == 4


@pytest.mark.parametrize("room", [0, 1, 1000])
def test_search_pages_put_ties_in_id_order_whatever_the_index_reads(api, make_article, room):
    """Ties on distance (RUM orders by distance alone) come newest first across pages, with
    room for the tie past the page or without it (every match sorted)."""
    from articles.api import pagination

    for n in range(5):
        make_article(f"Harbour {n}", summary="Cranes.")  # five title hits: one distance
        make_article(f"Quay {n}", body="Cranes at the harbour.")  # five body hits: another
    expected = [
        (row.distance, -row.pk)
        for row in Article.objects.search("harbour").order_by("distance", "-id")
    ]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pagination, "TIE_ROOM", room)
        seen, url, previous = [], f"{URL}?search=harbour&page_size=3", []
        while url:
            page = api.get(url).json()
            seen += [row["id"] for row in page["results"]]
            url, previous = page["next"], [*previous, page["previous"]]
        back = [row["id"] for row in api.get(previous[-1]).json()["results"]]
    assert seen == [-key for _, key in expected] and len(seen) == 10
    assert back == seen[6:9]  # the page before the last, read backwards
