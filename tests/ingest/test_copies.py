"""Shingles, facts, band keys and the copy rule: plain Python, no database."""

from articles.ingest.copies import (
    BANDS,
    MAX_VERIFIED,
    Candidate,
    CopyRule,
    Similarity,
    best_original,
    facts,
    likeliest,
    shingles,
    similarity,
    sketch,
)

TEXT = (
    "The port workers of Genoa refused on Monday to load a cargo ship bound for the war zone, "
    "saying that the containers held weapons and that their union would not take part in the "
    "arms trade whatever the shipping company offered them in overtime pay this month."
)


def candidate(pk: int, summary: str, original_pk: int | None = None) -> Candidate:
    return Candidate.from_text(pk, summary, "", original_pk)


def test_shingles_fold_case_accents_and_punctuation():
    assert shingles("Café au lait, SERVED hot!") == shingles("cafe  au LAIT served -- hot")
    assert len(shingles("one two three four")) == 2


def test_facts_are_names_and_numbers_not_sentence_starts():
    found = facts("Police came. The union of Genoa met Karim Haddad on day 26: Workers left.")
    assert found == {"genoa", "karim", "haddad", "26"}


def test_sketch_is_stable_across_calls_and_has_one_key_per_band():
    first, second = sketch(TEXT, ""), sketch(TEXT, "")
    assert first == second and len(first.band_keys) == BANDS
    assert all(-(2**63) <= key < 2**63 for key in first.band_keys)


def test_sketch_of_a_cut_copy_with_a_trailer_shares_bands():
    cut = TEXT[: TEXT.index(" whatever")] + ". Read more stories like this on our website."
    original, copy = sketch(TEXT, ""), sketch(cut, "")
    assert set(original.band_keys) & set(copy.band_keys)
    found = similarity(original, copy)
    assert found.containment > 0.8 and 0.5 < found.jaccard < 1 and found.facts == 1.0


def test_sketch_of_an_empty_text_has_no_bands():
    assert sketch("", "").band_keys == ()


def test_best_original_answers_the_root_of_the_most_similar_match():
    text = sketch(TEXT, "")
    other = "A different story about a strike of teachers in Tehran over pay " * 2
    candidates = [candidate(3, other), candidate(7, TEXT, original_pk=2)]
    assert best_original(text, candidates, CopyRule()) == 2
    assert best_original(text, candidates[:1], CopyRule()) is None


def test_best_original_refuses_a_text_too_short_to_tell():
    short = "Ships sail from Odesa again."
    assert best_original(sketch(short, ""), [candidate(1, short)], CopyRule()) is None


def test_best_original_refuses_the_same_template_with_other_names_and_numbers():
    template = (
        "{name} told reporters in {place} on day {day} that the action would continue until "
        "the demands were met, while officials declined to comment on the talks or on the "
        "arrests reported earlier in the week, and the union would meet again on Friday."
    )
    one = template.format(name="Greta Okafor", place="Poland", day=26)
    other = template.format(name="Boris Haddad", place="Canada", day=59)
    assert similarity(sketch(one, ""), sketch(other, "")).jaccard > 0.5
    assert best_original(sketch(one, ""), [candidate(1, other)], CopyRule()) is None


def test_copy_rule_needs_both_jaccard_and_containment():
    rule = CopyRule(min_jaccard=0.3, min_containment=0.8)
    quoted = sketch(TEXT[:120], "")
    long_piece = sketch(TEXT + " " + " ".join(f"word{n} other{n}" for n in range(60)), "")
    assert similarity(quoted, long_piece).containment == 1.0
    assert not rule.matches(similarity(quoted, long_piece))


def test_copy_rule_takes_a_lightly_edited_copy_without_containment():
    rule = CopyRule(min_containment=0.8, min_jaccard=0.3, edited_jaccard=0.5)
    assert rule.matches(Similarity(jaccard=0.55, containment=0.7))
    assert not rule.matches(Similarity(jaccard=0.45, containment=0.7))
    assert rule.matches(Similarity(jaccard=0.35, containment=0.9))
    assert not rule.matches(Similarity(jaccard=0.9, containment=0.9, facts=0.5))
    assert not rule.matches(Similarity(jaccard=0.9, containment=0.9, numbers=0.5))


def test_likeliest_verifies_those_sharing_most_keys_first_and_bounded():
    text = sketch(TEXT, "")
    by_key = {key: list(range(100)) for key in text.band_keys[:2]}
    by_key[text.band_keys[2]] = [70, 80]
    assert likeliest(text, by_key)[:2] == [70, 80]
    assert len(likeliest(text, by_key)) == MAX_VERIFIED
    assert max(likeliest(text, by_key, before=50)) < 50
