"""Issue 9 row 6: four import_seeds processes at once, each in another file order, on PostgreSQL."""

import io
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.benchmarks.import_bench import reset_imported_rows
from tests.ingest.processes import child_env, manage_command, require_postgres
from tests.ingest.snapshots import as_json, database_snapshot

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TIMEOUT = 600


def file_orders(paths: list[Path]) -> list[list[Path]]:
    """Sorted, reversed and two rotations: each file comes early in one run, late in another."""
    third = len(paths) // 3
    return [
        paths,
        paths[::-1],
        paths[third:] + paths[:third],
        paths[2 * third :] + paths[: 2 * third],
    ]


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_import_seeds_four_processes_in_any_order_give_the_sequential_result():
    require_postgres()
    paths = sorted(SEEDS.glob("*.txt"))
    call_command("import_seeds", *map(str, paths), "--workers", "1", "--json", stdout=io.StringIO())
    expected = as_json(database_snapshot())
    reset_imported_rows()
    children = [
        subprocess.Popen(
            manage_command("import_seeds", *map(str, order), "--json"),
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for order in file_orders(paths)
    ]
    errors = [child.communicate(timeout=TIMEOUT)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], errors
    assert as_json(database_snapshot()) == expected
