"""columns: values cut to fit the list, whole on hover."""

from articles.admin.columns import clipped, compact_provenance, hover_cell


def test_clipped_cuts_at_a_word_with_an_ellipsis():
    assert clipped("Dissident Voice", 22) == "Dissident Voice"
    cut = clipped("The International Federation of Broadcasters", 22)
    assert cut == "The International…" and len(cut) <= 22


def test_clipped_cuts_a_long_word_inside():
    assert clipped("PopularResistance.Org.Mirror", 12) == "PopularResi…"


def test_hover_cell_escapes_and_shows_the_full_value():
    html = hover_cell("Tom & Jerry's <Daily>", 40)
    assert 'title="Tom &amp; Jerry&#x27;s &lt;Daily&gt;"' in html
    assert hover_cell("", 10) == "-"


def test_compact_provenance_keeps_short_names():
    assert ">dump:3<" in compact_provenance("dump.txt", 3, 7)
    assert 'title="dump.txt:3-7"' in compact_provenance("dump.txt", 3, 7)
