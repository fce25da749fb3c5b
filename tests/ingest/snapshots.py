"""What an import leaves in the database, by natural keys, so two imports can be compared.

Row ids differ between two databases or two runs; names, fingerprints and codes do not. Runnable
as a script (``python -m tests.ingest.snapshots``) to print the snapshot of the database that
``DATABASE_URL`` names, for tests whose imports run in other processes.
"""

import json


def database_snapshot() -> dict:
    """Articles, persons, sources and every link, sorted, by natural keys."""
    from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic, Person, Source

    return {
        "articles": sorted(
            Article.objects.values_list(
                "fingerprint", "title", "summary", "source__name", "original_source__name",
                "needs_review", "provenance_file", "provenance_line_start",
            )
        ),
        "persons": sorted(Person.objects.values_list("name", "slug")),
        "sources": sorted(Source.objects.values_list("name", "slug")),
        "person_links": sorted(
            ArticlePerson.objects.values_list(
                "article__fingerprint", "person__name", "role", "count", "origin"
            )
        ),
        "country_links": sorted(
            ArticleCountry.objects.values_list("article__fingerprint", "country__code", "count")
        ),
        "topic_links": sorted(
            ArticleTopic.objects.values_list("article__fingerprint", "topic__slug", "score")
        ),
    }  # fmt: skip


def as_json(snapshot: dict) -> dict:
    """The snapshot as JSON gives it back (tuples become lists), for comparing with a script's."""
    return json.loads(json.dumps(snapshot))


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(database_snapshot()))
