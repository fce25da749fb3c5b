from articles.benchmarks.search_bench import render
from articles.management.commands.bench import replace_section


def figures(matches: int, median: float) -> dict:
    timing = {"median_ms": median, "p99_ms": median * 2}
    result = {"query": "dock workers", "matches": matches, "search": timing, "page": timing}
    return {"articles": 5000, "repeat": 50, "results": [result]}


def test_render_search_section_puts_databases_side_by_side():
    text = render({"SQLite": figures(861, 1.5), "PostgreSQL": figures(861, 2.0)})
    assert text.startswith("## Search (5,000 synthetic articles)")
    assert "| `dock workers` | 861 | 1.5 | 3.0 | 1.5 | 3.0 | 2.0 | 4.0 | 2.0 | 4.0 |" in text
    assert "| 860 / 861 |" in render({"SQLite": figures(861, 1), "PostgreSQL": figures(860, 1)})


def test_replace_section_replaces_or_appends(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Benchmarks\n\n## Search (10 x)\n\nold\n\n## Memory\n\nm\n")
    replace_section(str(path), "## Search (5 y)\n\nnew")
    assert path.read_text() == "# Benchmarks\n\n## Search (5 y)\n\nnew\n\n## Memory\n\nm\n"
    path.write_text("# Benchmarks\n")
    replace_section(str(path), "## Search (5 y)\n\nnew")
    assert path.read_text() == "# Benchmarks\n\n## Search (5 y)\n\nnew\n"
