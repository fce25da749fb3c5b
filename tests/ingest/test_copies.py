"""Shingles, band keys and the copy rule: plain Python, no database."""

from articles.ingest.copies import (
    BANDS,
    Candidate,
    CopyRule,
    Similarity,
    best_original,
    shingles,
    similarity,
    sketch,
)

TEXT = (
    "The port workers of Genoa refused on Monday to load a cargo ship bound for the war zone, "
    "saying that the containers held weapons and that their union would not take part in the "
    "arms trade whatever the shipping company offered them in overtime pay this month."
)


def test_shingles_fold_case_accents_and_punctuation():
    assert shingles("Café au lait, SERVED hot!") == shingles("cafe  au LAIT served -- hot")
    assert len(shingles("one two three four")) == 2


def test_sketch_is_stable_across_calls_and_has_one_key_per_band():
    first, second = sketch(TEXT, ""), sketch(TEXT, "")
    assert first == second and len(first.band_keys) == BANDS
    assert all(-(2**63) <= key < 2**63 for key in first.band_keys)


def test_sketch_of_a_cut_copy_with_a_trailer_shares_bands():
    cut = TEXT[: TEXT.index(" whatever")] + ". Read more stories like this on our website."
    original, copy = sketch(TEXT, ""), sketch(cut, "")
    assert set(original.band_keys) & set(copy.band_keys)
    found = similarity(original.shingles, copy.shingles)
    assert found.containment > 0.8 and 0.5 < found.jaccard < 1


def test_sketch_of_an_empty_text_has_no_bands():
    assert sketch("", "").band_keys == ()


def test_best_original_answers_the_root_of_the_most_similar_match():
    rule = CopyRule()
    text = sketch(TEXT, "")
    other = sketch("A different story about a strike of teachers in Tehran over pay " * 2, "")
    candidates = [Candidate(3, other.shingles), Candidate(7, text.shingles, original_pk=2)]
    assert best_original(text, candidates, rule) == 2
    assert best_original(text, candidates[:1], rule) is None


def test_best_original_refuses_a_text_too_short_to_tell():
    short = sketch("Ships sail from Odesa again.", "")
    assert best_original(short, [Candidate(1, short.shingles)], CopyRule()) is None


def test_copy_rule_needs_both_jaccard_and_containment():
    rule = CopyRule(min_jaccard=0.3, min_containment=0.8)
    quoted = shingles(TEXT[:120])
    long_piece = shingles(TEXT + " " + " ".join(f"word{n} other{n}" for n in range(60)))
    assert similarity(quoted, long_piece).containment == 1.0
    assert not rule.matches(similarity(quoted, long_piece))


def test_copy_rule_takes_a_lightly_edited_copy_without_containment():
    rule = CopyRule(min_containment=0.8, min_jaccard=0.3, edited_jaccard=0.5)
    assert rule.matches(Similarity(jaccard=0.55, containment=0.7))
    assert not rule.matches(Similarity(jaccard=0.45, containment=0.7))
    assert rule.matches(Similarity(jaccard=0.35, containment=0.9))
