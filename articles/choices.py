"""Choices and limits shared by the models, their QuerySets and the adapters."""

from django.db import models

# simple-history's change-reason column: longer reasons are cut to fit.
REASON_LENGTH = 100


class Origin(models.TextChoices):
    """Who made a link: the importer's extractors, or an editor."""

    AUTO = "auto", "automatic"
    EDITOR = "editor", "editor"


class ReviewReason(models.TextChoices):
    """Why an article is on the review queue (``Article.review_reasons`` holds their codes)."""

    DERIVED_TITLE = "derived_title", "derived title"
    SUSPECT_PERSON = "suspect_person", "suspect person"
    LOW_CONFIDENCE = "low_confidence", "low-confidence person link"
    NO_COUNTRY = "no_country", "no country"


class Suspicion(models.TextChoices):
    """Why a person looks wrong (``Person.suspicion`` holds their codes; see the suspects queue).

    ``NO_ARTICLES`` is not stored: it is read from ``article_count``, which is kept exact.
    """

    SINGLE_WORD = "single_word", "single word"
    PLACE = "place", "named like a place"
    OUTLET = "outlet", "named like a news outlet"
    ORGANISATION = "organisation", "named like an organisation"
    DUPLICATE = "duplicate", "likely duplicate"
    NO_ARTICLES = "no_articles", "no articles"


def codes_text(codes) -> str:
    """Reason codes as stored: sorted, space-separated (a row's column, filtered by word)."""
    return " ".join(sorted(set(codes)))


def codes_of(text: str) -> list[str]:
    return text.split()
