from articles.benchmarks.parse_bench import CASES, HELPERS, parse_figures
from articles.benchmarks.report import render_parse_section
from articles.ingest.parsers import PARSERS

SIZES = (400, 1600)


def test_parse_bench_cases_grow_with_the_size_asked_for():
    for build in CASES.values():
        small, large = (len(build(size).encode()) for size in (4_000, 16_000))
        assert 3 * small < large


def test_parse_figures_time_every_dump_parser_and_helper_at_each_size():
    figures = parse_figures(SIZES)
    assert set(figures["dumps"]) == set(CASES)
    expected = {f"parser {name}" for name in PARSERS} | {f"helper {name}" for name in HELPERS}
    assert set(figures["subjects"]) == expected
    for row in [*figures["dumps"].values(), *figures["subjects"].values()]:
        assert set(row["seconds"]) == set(SIZES)
        assert all(seconds >= 0 for seconds in row["seconds"].values())
    assert figures["dumps"]["bullet headline then dots"]["read_as"] == "bullets, 1 item(s)"
    assert figures["dumps"]["one headline, many summaries"]["read_as"] == "UnknownLayout"


def test_render_parse_section_has_a_row_per_dump_and_subject_with_the_growth():
    dots = {"read_as": "bullets, 1 item(s)", "seconds": {64_000: 0.01, 1_000_000: 0.16}}
    helper = {"case": "dots", "seconds": {64_000: 0.02, 1_000_000: 0.2}}
    figures = {"sizes": [64_000, 1_000_000], "dumps": {"dots": dots}}
    figures["subjects"] = {"helper x": helper}
    text = render_parse_section(figures)
    assert "| dump (detection + parsing) | read as | 64 KB | 1 MB | 1 MB / 64 KB |" in text
    assert "| dots | bullets, 1 item(s) | 0.010 | 0.160 | 16.0 |" in text
    assert "| helper x | dots | 0.020 | 0.200 | 10.0 |" in text
