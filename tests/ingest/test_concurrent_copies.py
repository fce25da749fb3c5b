"""Two import_seeds processes at once on the copies gold, in opposite file orders (PostgreSQL)."""

import json
import subprocess
from pathlib import Path

import pytest

from articles.models import Article
from tests.ingest.processes import child_env, manage_command, require_postgres

GOLD = Path(__file__).resolve().parents[1] / "gold" / "copies"
TIMEOUT = 600


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_imports_agree_on_one_first_seen_article_per_copy_group():
    require_postgres()
    paths = sorted(map(str, GOLD.glob("*.txt")))
    children = [
        subprocess.Popen(
            manage_command("import_seeds", *order, "--json"),
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in (paths, paths[::-1])
    ]
    errors = [child.communicate(timeout=TIMEOUT)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0], errors
    by_ref = {
        f"{a.provenance_file}:{a.provenance_line_start}": a
        for a in Article.objects.filter(provenance_file__in=[Path(p).name for p in paths])
    }
    for group in json.loads((GOLD / "gold.json").read_text())["groups"]:
        articles = [by_ref[ref] for ref in group]
        roots = {article.duplicate_of_id or article.pk for article in articles}
        assert len(roots) == 1, group  # one first-seen article, whichever process stored it
        originals = [article for article in articles if article.duplicate_of_id is None]
        assert len(originals) == 1 and originals[0].pk == roots.pop()
    assert Article.objects.filter(duplicate_of__duplicate_of__isnull=False).count() == 0
