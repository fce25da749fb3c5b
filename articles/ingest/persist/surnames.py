"""Fold one-word persons into the full name they turned out to mean, so file order stops mattering.

``catalog.resolve_person`` links a one-word name ("Putin") to the one known person whose name ends
in that word ("Vladimir Putin"). When the one-word name comes first, in an earlier file or earlier
in the same file, it becomes a person of its own instead, and the result depends on the order the
files were imported in. After each file, every one-word person that the same rule now resolves
to exactly one full-name person is merged into it, as if the files had come the other way round.

Editors' work is never folded: a one-word person with an alias or with a link an editor made is
left alone (an editor may have made "Madonna" on purpose).
"""

from articles.choices import Origin
from articles.ingest.entities.variants import surname_key
from articles.ingest.persist.catalog import surname_matches
from articles.models import Person, PersonAlias


def newest_person_pk() -> int:
    """The highest person id now: persons created after this are the file's new ones."""
    return Person.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def fold_surnames(after_pk: int) -> set[int]:
    """Fold the one-word persons that persons created after ``after_pk`` resolve; the ids of
    the persons folded into (their articles' links changed)."""
    full_names = Person.objects.filter(pk__gt=after_pk, name__contains=" ")
    surname_keys = {surname_key(name) for name in full_names.values_list("name", flat=True)}
    targets = set()
    lone_persons = Person.objects.filter(variant_key__in=surname_keys)
    for lone in lone_persons.exclude(name__contains=" "):
        target = surname_target(lone)
        if target is not None and _foldable(lone):
            _fold(lone, target)
            targets.add(target.pk)
    return targets


def surname_target(lone: Person) -> Person | None:
    """The one full-name person ``resolve_person`` would link this one-word name to, if any."""
    candidates = list(surname_matches(lone.name)[:2])
    return candidates[0] if len(candidates) == 1 else None


def _foldable(lone: Person) -> bool:
    """Only a person the importer made and nobody touched: no alias, no editor's link."""
    if lone.aliases.exists() or PersonAlias.objects.filter(key=lone.key).exists():
        return False
    return not lone.article_links.exclude(origin=Origin.AUTO).exists()


def _fold(lone: Person, target: Person) -> None:
    lone.merge_into(target)
    # merge_into keeps the old name as an alias; the surname rule already resolves it while it
    # is unambiguous, and an alias would keep resolving it after a second "… Putin" appears,
    # which a run that met the full name first would not do.
    PersonAlias.objects.filter(key=lone.key, person=target).delete()
