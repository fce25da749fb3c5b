"""generate_corpus: N synthetic articles in all five layouts, which import_seeds imports as N."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from articles.ingest.pipeline import parse_path
from articles.models import Article


def generate(directory, *args) -> str:
    out = io.StringIO()
    call_command("generate_corpus", str(directory), *map(str, args), stdout=out)
    return out.getvalue()


def test_generate_corpus_writes_n_articles_in_all_five_layouts(tmp_path):
    output = generate(tmp_path, "--articles", 13, "--per-file", 3)
    paths = sorted(tmp_path.glob("*.txt"))
    assert output.strip() == f"wrote 13 articles in 5 files to {tmp_path}"
    parsed = [parse_path(path, 10**6) for path in paths]
    assert [len(items) for _, items, _ in parsed] == [3, 3, 3, 3, 1]
    assert len({report.layout for _, _, report in parsed}) == 5
    assert all(item.title and item.summary for _, items, _ in parsed for item in items)


def test_generate_corpus_is_the_same_for_the_same_seed(tmp_path):
    first, again, other = tmp_path / "first", tmp_path / "again", tmp_path / "other"
    generate(first, "--articles", 6, "--per-file", 2, "--seed", 7)
    generate(again, "--articles", 6, "--per-file", 2, "--seed", 7)
    generate(other, "--articles", 6, "--per-file", 2, "--seed", 8)

    def texts(folder):
        return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]

    assert texts(first) == texts(again)
    assert texts(first) != texts(other)


def test_generate_corpus_of_no_articles_writes_no_file(tmp_path):
    output = generate(tmp_path / "empty", "--articles", 0)
    assert "wrote 0 articles in 0 files" in output
    assert list((tmp_path / "empty").iterdir()) == []


def test_generate_corpus_imports_as_n_articles(db, tmp_path):
    generate(tmp_path, "--articles", 10, "--per-file", 2)
    out = io.StringIO()
    call_command("import_seeds", str(tmp_path), "--json", stdout=out, stderr=io.StringIO())
    report = json.loads(out.getvalue())
    totals = report["totals"]
    assert (totals["files"], totals["failed_files"], totals["skipped"]) == (5, 0, 0)
    assert totals["created"] == Article.objects.count() == 10
    assert len({file["layout"] for file in report["files"]}) == 5
    # every synthetic article names a person and a country
    linked = Article.objects.annotate(
        persons_n=Count("person_links", distinct=True),
        countries_n=Count("country_links", distinct=True),
    )
    assert all(a.persons_n >= 1 and a.countries_n >= 1 for a in linked)


@pytest.mark.parametrize(("option", "value"), [("--articles", -3), ("--per-file", 0)])
def test_generate_corpus_refuses_counts_that_cannot_be(tmp_path, option, value):
    with pytest.raises(CommandError, match=option.lstrip("-")):
        generate(tmp_path, option, value)
    assert not list(tmp_path.glob("*.txt"))
