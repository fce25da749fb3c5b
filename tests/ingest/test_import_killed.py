"""A killed import leaves whole files or nothing: never part of a file."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articles.benchmarks.synthetic import write_corpus
from articles.ingest.pipeline import parse_path

ROOT = Path(__file__).resolve().parents[2]
PER_FILE = 120


def manage(args, env, **kwargs):
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, **kwargs
    )


def children_of(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux: from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def wait_until_gone(pids: set[int], seconds: float = 30) -> bool:
    """Whether every process in ``pids`` has ended within ``seconds`` (a bound, not a timing)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() for pid in pids):
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
def test_import_killed_mid_file_leaves_no_partial_file(tmp_path):
    database = tmp_path / "killed.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    assert manage(["migrate", "--noinput", "-v0"], env).wait() == 0
    corpus = write_corpus(tmp_path / "corpus", articles=PER_FILE * 4, per_file=PER_FILE)
    expected = {path.name: len(parse_path(path, 10**7)[1]) for path in corpus}

    child = manage(
        ["import_seeds", str(tmp_path / "corpus"), "--workers", "2"],
        env,
        stderr=subprocess.PIPE,
        text=True,
    )
    started_files = 0
    for line in child.stderr:
        started_files += line.startswith("importing ")
        if started_files == 3:  # two files are committed, the third is under way
            workers = children_of(child.pid)
            child.send_signal(signal.SIGKILL)
            break
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert len(workers) >= 2  # the NER pool
    assert wait_until_gone(workers), f"pool workers outlived the killed import: {workers}"

    with sqlite3.connect(database) as db:
        per_file = dict(
            db.execute(
                "SELECT provenance_file, COUNT(*) FROM articles_article GROUP BY provenance_file"
            )
        )
    assert len(per_file) >= 2, per_file
    assert all(count == expected[name] for name, count in per_file.items()), (per_file, expected)
