"""What the registry and the review queue make of changed links: after an imported file and
after a ``reextract`` run alike, so both leave articles and persons in the same state.

Folding and judging can change what other articles' links say (a lone "Prigozhin" folded into
"Yevgeny Prigozhin", a person now flagged a duplicate), so their reasons are worked out again too.
"""

from collections.abc import Iterable

from articles.ingest.batching import chunked
from articles.ingest.persist import surnames, suspects
from articles.models import Article, ArticlePerson, Person

# Articles whose review reasons are worked out in one query and one bulk update.
REVIEW_BATCH = 2000


def settle_persons(after_pk: int) -> set[int]:
    """Fold the surnames persons made after ``after_pk`` resolve and judge those persons;
    the ids of persons whose links or flags changed."""
    changed = surnames.fold_surnames(after_pk)
    new_persons = Person.objects.filter(pk__gt=after_pk).values_list("pk", flat=True)
    return changed | suspects.rejudge_persons(new_persons)


def requeue(article_ids: Iterable[int], changed_persons: set[int]) -> None:
    """Review reasons as the links say now, the way an import queues articles (an editor's
    choice stands): of these articles, and of the articles linked to ``changed_persons``."""
    for batch in chunked(article_ids, REVIEW_BATCH):
        Article.objects.filter(pk__in=batch).refresh_review_reasons(queue=True)
    if changed_persons:
        # Read first, then write: some may be among the articles above (working an article's
        # reasons out twice gives the same result).
        linked = ArticlePerson.objects.filter(person__in=changed_persons)
        requeue(sorted(set(linked.values_list("article_id", flat=True))), set())
