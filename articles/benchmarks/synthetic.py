"""A generator of synthetic news dumps in the five layouts, for benchmarks and scale tests.

The text is made up from templates and small name lists, seeded, so the same arguments always
give the same corpus. It is not meant to read well: it has the shape, length and entity density
of the real dumps.
"""

import random
from collections.abc import Iterator
from pathlib import Path

FIRST_NAMES = ["Amal", "Boris", "Chiara", "Dmytro", "Elena", "Farid", "Greta", "Hamid", "Ines"]
LAST_NAMES = ["Kovalenko", "Haddad", "Moretti", "Petrov", "Nasser", "Lindqvist", "Okafor"]
COUNTRIES = ["Ukraine", "Russia", "Israel", "Italy", "Iran", "Canada", "Afghanistan", "Poland"]
DEMONYMS = ["Ukrainian", "Russian", "Palestinian", "Italian", "Iranian", "Afghan", "Polish"]
SUBJECTS = ["dock workers", "teachers", "students", "nurses", "farmers", "journalists"]
VERBS = ["strike over", "protest against", "demand an end to", "organise against", "report on"]
OBJECTS = ["unpaid wages", "the war", "new detention laws", "arms shipments", "rising rents"]
OUTLETS = ["Dissident Voice", "PopularResistance.Org", "Canary", "Radio Free"]
FILLER = (
    "Organisers said the action would continue until their demands were met, while officials "
    "declined to comment on the talks or on the arrests reported earlier in the week."
)


class ArticleText:
    """One made-up article: a headline, a summary and body paragraphs."""

    def __init__(self, rng: random.Random, number: int):
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        country, demonym = rng.choice(COUNTRIES), rng.choice(DEMONYMS)
        subject, verb, obj = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
        self.headline = f"{demonym} {subject} {verb} {obj} ({number})"
        self.summary = (
            f"{demonym} {subject} in {country} {verb} {obj}, said {person}, a spokesperson, "
            f"on day {number} of the campaign."
        )
        self.body = [
            f"{person} told reporters in {country} that {FILLER.lower()}",
            f"{person.split()[1]} added that {subject} across {rng.choice(COUNTRIES)} "
            f"would join them. {FILLER}",
        ]
        self.outlet = rng.choice(OUTLETS)


def _paragraphs(articles: list[ArticleText]) -> str:
    return "\n\n".join(f"{a.headline}: {a.summary} {' '.join(a.body)}" for a in articles)


def _pairs(articles: list[ArticleText]) -> str:
    return "\n\n".join(f"{a.headline}\n\n{a.summary}" for a in articles)


def _captioned(articles: list[ArticleText]) -> str:
    blocks = []
    for n, a in enumerate(articles):
        caption = "\n\nA crowd holding banners outside the gates" if n % 3 == 0 else ""
        blocks.append(f"{a.headline}{caption}\n\n{a.summary}")
    return "\n\n".join(blocks)


def _sectioned(articles: list[ArticleText]) -> str:
    return "Labour news\n" + _pairs(articles)


def _bullets(articles: list[ArticleText]) -> str:
    lines = ["Category: Synthetic", ""]
    for a in articles:
        lines += [f"  • {a.summary}", ""]
        for paragraph in a.body:
            lines += [f"    {paragraph}", ""]
        lines += [f"    The post {a.headline} appeared first on {a.outlet}.", ""]
        lines += [f"    This post was originally published on {a.outlet}.", ""]
    return "\n".join(lines)


LAYOUT_WRITERS = [_paragraphs, _captioned, _pairs, _sectioned, _bullets]


def synthetic_dumps(articles: int, per_file: int = 100, seed: int = 0) -> Iterator[str]:
    """Yield dump texts holding ``articles`` articles in all, cycling through the layouts."""
    rng = random.Random(seed)
    made = 0
    file_number = 0
    while made < articles:
        count = min(per_file, articles - made)
        batch = [ArticleText(rng, made + n + 1) for n in range(count)]
        writer = LAYOUT_WRITERS[file_number % len(LAYOUT_WRITERS)]
        yield writer(batch) + "\n"
        made += count
        file_number += 1


def write_corpus(directory: Path, articles: int, per_file: int = 100, seed: int = 0) -> list[Path]:
    """Write a synthetic corpus as ``synthetic_NNNN.txt`` files and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(synthetic_dumps(articles, per_file, seed)):
        path = directory / f"synthetic_{number:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
