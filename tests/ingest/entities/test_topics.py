"""Topic assignment: section topic, keyword scores, the always-one-topic fallback."""

from articles.ingest.entities.taxonomy import GENERAL_SLUG, default_topics
from articles.ingest.entities.topics import assign_topics, build_automaton, keyword_hits

RULES = default_topics()
AUTOMATON = build_automaton(RULES)


def slugs(title, text, section=""):
    return [m.slug for m in assign_topics(title, text, section, RULES, AUTOMATON)]


def test_topics_taxonomy_covers_required_subjects():
    names = {rule.slug for rule in RULES}
    assert 15 <= len(names) <= 25
    for slug in (
        "war-and-conflict", "israel-palestine", "labour-and-strikes", "human-rights",
        "political-prisoners-and-repression", "migration", "elections-and-parties", "racism",
        "disasters", "health",
    ):  # fmt: skip
        assert slug in names


def test_topics_section_becomes_first_topic_without_its_prefix():
    matches = assign_topics("Hello", "Nothing to see.", "Category: Ukraine", RULES, AUTOMATON)
    assert (matches[0].slug, matches[0].name, matches[0].score) == ("ukraine", "Ukraine", 1.0)


def test_topics_keywords_assign_strikes():
    found = slugs(
        "Deliveroo drivers on wildcat strike",
        "Workers are taking wildcat strike action over pay and conditions.",
    )
    assert found[0] == "labour-and-strikes"


def test_topics_fall_back_to_general_when_nothing_matches():
    assert slugs("Hello", "Nothing here at all.") == [GENERAL_SLUG]


def test_topics_prefix_keyword_needs_only_left_boundary():
    hits = keyword_hits(AUTOMATON, "The strikers and the restrikes")
    assert hits["labour-and-strikes"] == 1  # "strikers", not "restrikes"


def test_topics_whole_word_keyword_needs_both_boundaries():
    assert keyword_hits(AUTOMATON, "The warden smiled.")["war-and-conflict"] == 0
