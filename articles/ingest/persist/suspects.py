"""Persons that look wrong, flagged where they are made: the suspects queue reads the flags.

The rules are ``entities.suspicion`` (plain Python); this module gives them what the registry
knows and stores their verdicts in ``Person.suspicion`` and ``Person.suspected_duplicate``.
After each imported file the new persons (and those they may duplicate) are judged; the
``flag_suspects`` command judges every person again (after editing sources or country aliases).
"""

from collections.abc import Iterable

from articles.choices import codes_text
from articles.ingest.entities.duplicates import Name, VariantIndex
from articles.ingest.entities.suspicion import Known, judge
from articles.models import Country, CountryAlias, Person, Source
from articles.normalise import name_key

_STORED = ("id", "name", "article_count", "suspicion", "suspected_duplicate_id")


def known_registry(rows: Iterable[tuple]) -> Known:
    """Place and outlet names, and the variant index of these person rows (``_STORED``)."""
    places = {*Country.objects.values_list("name", flat=True)}
    places |= set(CountryAlias.objects.filter(is_active=True).values_list("text", flat=True))
    return Known(
        places=frozenset(name_key(place) for place in places),
        outlets=frozenset(Source.objects.values_list("key", flat=True)),
        index=VariantIndex(Name(pk, name, count) for pk, name, count, *_ in rows),
    )


def refresh_suspicion(ids: Iterable[int] | None = None) -> int:
    """Judge these persons (all when None) and those they may duplicate; how many changed."""
    return len(rejudge_persons(ids))


def rejudge_persons(ids: Iterable[int] | None = None) -> set[int]:
    """Judge these persons (all when None) and those they may duplicate; the ids whose flags
    changed (their articles' review reasons may have too).

    One read of the registry's names (tens of thousands of short rows), one bulk update.
    """
    if ids is not None:
        ids = set(ids)
        if not ids:
            return set()
    rows = list(Person.objects.order_by().values_list(*_STORED))
    known = known_registry(rows)
    stored = {row[0]: row[3:] for row in rows}
    if ids is None:
        judged = set(stored)
    else:
        judged = {pk for pk in ids if pk in stored}
        judged |= {
            other for pk in set(judged) for other in known.index.matches(known.index.names[pk])
        }
    changed = []
    for pk in sorted(judged):
        verdict = judge(known.index.names[pk], known)
        flags = (codes_text(verdict.codes), verdict.duplicate_of)
        if flags != stored[pk]:
            changed.append(Person(pk=pk, suspicion=flags[0], suspected_duplicate_id=flags[1]))
    Person.objects.bulk_update(changed, ["suspicion", "suspected_duplicate"], batch_size=500)
    return {person.pk for person in changed}
