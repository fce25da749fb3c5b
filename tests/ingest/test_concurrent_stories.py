"""Two importers at once, each with one report of the same event: one story (PostgreSQL)."""

import subprocess

import pytest

from articles.models import Article, Story
from tests.ingest.processes import child_env, manage_command, require_postgres

REPORTS = [
    ("Volcano erupts near Catania, flights grounded", "Etna sent ash over Catania airport."),
    ("Catania airport shut as Etna volcano erupts", "Ash from the eruption closed Catania."),
]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_imports_put_one_event_in_one_story(tmp_path):
    require_postgres()
    paths = []
    for n, (title, summary) in enumerate(REPORTS):
        paths.append(tmp_path / f"outlet{n}.txt")
        paths[-1].write_text(f"{title}\n\n{summary}\n", encoding="utf-8")
    children = [
        subprocess.Popen(
            manage_command("import_seeds", str(path)),
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in paths
    ]
    errors = [child.communicate(timeout=600)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0], errors
    assert Article.objects.count() == 2
    (story,) = Story.objects.all()
    assert story.size == 2 and set(Article.objects.values_list("story_id", flat=True)) == {story.pk}
