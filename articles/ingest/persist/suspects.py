"""Persons that look wrong, flagged where they are made: the suspects queue reads the flags.

The rules are ``entities.suspicion`` (plain Python); this module gives them what the registry
knows and stores their verdicts in ``Person.suspicion`` and ``Person.suspected_duplicate``.
After each imported file the new persons (and those they may duplicate) are judged; the
``flag_suspects`` command judges every person again (after editing sources or country aliases).
"""

from collections.abc import Iterable

from articles.choices import codes_text
from articles.ingest.batching import chunked
from articles.ingest.entities.duplicates import Name, VariantIndex, candidate_keys, lookup_keys
from articles.ingest.entities.suspicion import Known, judge
from articles.models import Country, CountryAlias, Person, Source
from articles.normalise import name_key

_STORED = ("id", "name", "article_count", "suspicion", "suspected_duplicate_id")
# Keys per candidate query: well under every database's limit of bound parameters.
_KEYS_PER_QUERY = 400


def known_registry(rows: Iterable[tuple], outlets: Iterable[str] | None = None) -> Known:
    """Place and outlet names, and the variant index of these person rows (``_STORED``).

    ``outlets``: only the sources with these keys are read (all when None).
    """
    places = {*Country.objects.values_list("name", flat=True)}
    places |= set(CountryAlias.objects.filter(is_active=True).values_list("text", flat=True))
    if outlets is None:
        outlets = Source.objects.values_list("key", flat=True)
    else:
        outlets = [key for batch in _batches(outlets) for key in _source_keys(batch)]
    return Known(
        places=frozenset(name_key(place) for place in places),
        outlets=frozenset(outlets),
        index=VariantIndex(Name(pk, name, count) for pk, name, count, *_ in rows),
    )


def refresh_suspicion(ids: Iterable[int] | None = None) -> int:
    """Judge these persons (all when None) and those they may duplicate; how many changed."""
    return len(rejudge_persons(ids))


def rejudge_persons(ids: Iterable[int] | None = None) -> set[int]:
    """Judge these persons (all when None) and those they may duplicate; the ids whose flags
    changed (their articles' review reasons may have too).

    All persons: one read of the registry's names. Some: only the rows the duplicate rules
    may pair them with (``neighbourhood``), so a file's cost follows its new persons.
    """
    if ids is None:
        rows = list(Person.objects.order_by().values_list(*_STORED))
        return _store_verdicts({row[0] for row in rows}, rows, known_registry(rows))
    ids = set(ids)
    if not ids:
        return set()
    judged, rows = neighbourhood(ids)
    outlets = {name_key(rows[pk][1]) for pk in judged}
    known = known_registry(rows.values(), outlets)
    return _store_verdicts(judged, rows.values(), known)


def neighbourhood(ids: set[int]) -> tuple[set[int], dict[int, tuple]]:
    """The persons to judge (these, and those they may duplicate) and the rows (``_STORED``)
    judging them needs: the candidates of every judged person, so the verdicts are those of
    the whole registry."""
    rows = _rows("pk", ids)
    rows |= _candidates(rows.values())
    index = VariantIndex(Name(pk, name, count) for pk, name, count, *_ in rows.values())
    judged = {pk for pk in ids if pk in rows}
    judged |= {other for pk in set(judged) for other in index.matches(index.names[pk])}
    rows |= _candidates(rows[pk] for pk in judged - ids)
    return judged, rows


def refresh_lookup_keys() -> int:
    """Store the lookup keys of persons whose stored ones are stale (rows written without
    ``save``: a ``loaddata``); how many changed."""
    stale = []
    columns = ("pk", "name", "match_surname", "match_given")
    for pk, name, *stored in Person.objects.values_list(*columns).iterator(chunk_size=2000):
        surname, given = lookup_keys(name)
        if [surname, given] != stored:
            stale.append(Person(pk=pk, match_surname=surname, match_given=given))
    Person.objects.bulk_update(stale, ["match_surname", "match_given"], batch_size=500)
    return len(stale)


def _candidates(rows: Iterable[tuple]) -> dict[int, tuple]:
    """The rows whose stored lookup keys ``candidate_keys`` gives for these rows' names."""
    surnames, prefixes = set(), set()
    for row in rows:
        row_surnames, row_prefixes = candidate_keys(row[1])
        surnames |= row_surnames
        prefixes |= row_prefixes
    return _rows("match_surname", surnames) | _rows("match_given", prefixes)


def _rows(field: str, values: Iterable) -> dict[int, tuple]:
    """The persons (``_STORED``) whose ``field`` is one of these values, by id."""
    found = {}
    for batch in _batches(values):
        persons = Person.objects.filter(**{f"{field}__in": batch}).order_by()
        found |= {row[0]: row for row in persons.values_list(*_STORED)}
    return found


def _source_keys(keys: list[str]) -> list[str]:
    return list(Source.objects.filter(key__in=keys).values_list("key", flat=True))


def _batches(values: Iterable) -> Iterable[list]:
    return chunked(sorted(values), _KEYS_PER_QUERY)


def _store_verdicts(judged: set[int], rows: Iterable[tuple], known: Known) -> set[int]:
    """Judge these persons, store the flags that changed; the ids of those persons."""
    stored = {row[0]: row[3:] for row in rows}
    changed = []
    for pk in sorted(judged):
        verdict = judge(known.index.names[pk], known)
        flags = (codes_text(verdict.codes), verdict.duplicate_of)
        if flags != stored[pk]:
            changed.append(Person(pk=pk, suspicion=flags[0], suspected_duplicate_id=flags[1]))
    Person.objects.bulk_update(changed, ["suspicion", "suspected_duplicate"], batch_size=500)
    return {person.pk for person in changed}
