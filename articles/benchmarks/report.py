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
