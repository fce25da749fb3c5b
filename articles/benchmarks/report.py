"""Markdown for docs/benchmarks.md from the benchmark figures."""


def render_import_section(label: str, figures: dict) -> str:
    synthetic, baseline = figures["synthetic"], figures["ner_baseline"]
    stage_total = synthetic["seconds"] or 1.0
    share = {
        stage: 100 * synthetic[f"{stage}_seconds"] / stage_total
        for stage in ("parse", "extract", "database")
    }
    return "\n".join(
        [
            f"## Import on {label}",
            "",
            "| run | articles | seconds |",
            "| --- | ---: | ---: |",
            f"| `seeds/` from scratch | {figures['seeds_scratch']['articles']} "
            f"| {figures['seeds_scratch']['seconds']:.2f} |",
            f"| `seeds/` again (nothing new) | {figures['seeds_again']['articles']} "
            f"| {figures['seeds_again']['seconds']:.2f} |",
            f"| synthetic corpus | {synthetic['articles']} | {synthetic['seconds']:.2f} |",
            "",
            f"- Synthetic corpus: **{synthetic['articles_per_second']:.0f} articles/s**, "
            f"{synthetic['words_per_second']:.0f} words/s.",
            f"- Bare NER model (ner only, same texts): {baseline['words_per_second']:.0f} words/s; "
            f"the whole import runs at **{100 * figures['import_vs_ner']:.0f}%** of it "
            "(target ≥ 80%).",
            f"- Share of import time: NER and extraction {share['extract']:.0f}%, parsing "
            f"{share['parse']:.0f}%, database {share['database']:.0f}%.",
        ]
    )


def render_memory_section(figures: dict[int, float]) -> str:
    rows = [f"| {size} | {mb:.0f} |" for size, mb in sorted(figures.items())]
    return "\n".join(
        [
            "## Memory",
            "",
            "Peak resident memory of `import_seeds` (a whole process, model included) on synthetic "
            "corpora of growing size, SQLite. Flat means the import streams.",
            "",
            "| articles | peak RSS (MB) |",
            "| ---: | ---: |",
            *rows,
        ]
    )


def render_extraction_section(figures: dict) -> str:
    return "\n".join(
        [
            "## Entity extraction",
            "",
            f"On the seed articles ({figures['words']} words, best of 3 runs):",
            "",
            "| stage | words/s |",
            "| --- | ---: |",
            f"| bare spaCy model (ner only) | {figures['model_words_per_second']:.0f} |",
            f"| whole Extractor (model + cleaning + linking) | "
            f"{figures['extractor_words_per_second']:.0f} |",
            "",
            f"Cleaning and linking cost **{100 * figures['overhead']:.0f}%** on top of the model "
            "(target < 25%).",
        ]
    )


def render_parse_section(figures: dict) -> str:
    """Parse time against dump size (``parse_bench``): linear means 1 MB ≈ 16 × 64 KB."""
    sizes = figures["sizes"]
    head = " | ".join(_size_label(size) for size in sizes)
    rule = " | ".join("---:" for _ in sizes)
    ratio = f"{_size_label(sizes[-1])} / {_size_label(sizes[0])}"
    dumps = [
        f"| {case} | {row['read_as']} | {_seconds_cells(row['seconds'], sizes)} |"
        for case, row in figures["dumps"].items()
    ]
    subjects = [
        f"| {name} | {row['case']} | {_seconds_cells(row['seconds'], sizes)} |"
        for name, row in figures["subjects"].items()
    ]
    return "\n".join(
        [
            "## Parsing time on pathological dumps",
            "",
            "Seconds to parse dumps made of one troublesome pattern repeated (`manage.py "
            "bench_parse`, no database). Linear time: the last column is about the size ratio "
            f"({sizes[-1] / sizes[0]:.0f}); a quadratic regex would make it its square. Budget: "
            "a 1 MB dump under 1 s through detection and parsing.",
            "",
            f"| dump (detection + parsing) | read as | {head} | {ratio} |",
            f"| --- | --- | {rule} | ---: |",
            *dumps,
            "",
            f"| parser or helper alone | its slowest dump | {head} | {ratio} |",
            f"| --- | --- | {rule} | ---: |",
            *subjects,
        ]
    )


def _size_label(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1000:g} KB"


def _seconds_cells(seconds: dict, sizes: list[int]) -> str:
    """The seconds at each size, then the growth from the first size to the last."""
    values = [seconds[size] for size in sizes]
    growth = values[-1] / values[0] if values[0] else float("inf")
    return " | ".join([*(f"{value:.3f}" for value in values), f"{growth:.1f}"])
