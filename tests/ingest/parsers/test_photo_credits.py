import pytest

from articles.ingest.parsers.photo_credits import photographers


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("was a target. (Reuters/Toby Melville). The", ["Toby Melville"]),
        ("a fire in Dhaka. Credit: AP Photo/Mahmud Hossain Opu. A fire", ["Mahmud Hossain Opu"]),
        ("A man walks (Carl Recine/Reuters) past", ["Carl Recine"]),
        ("(AP Photo/Evan Vucci, File)", ["Evan Vucci"]),
        ("REUTERS/Toby Melville/File Photo", ["Toby Melville"]),
        ("Photograph: Sean Smith/The Guardian", ["Sean Smith"]),
        ("Photos by: María José Pérez and Luis Ortega.", ["María José Pérez", "Luis Ortega"]),
        ("(Photo: Anna Moneymaker/Getty Images)", ["Anna Moneymaker"]),
        ("Photo credit: Ana Lima/AFP via Getty Images", ["Ana Lima"]),
        # An agency's name that is also a surname, where the credit names its agency apart.
        ("Photo: Lucas Sipa/AFP", ["Lucas Sipa"]),
        ("Credit: AP Photo/Tomasz Wąsowski", ["Tomasz Wąsowski"]),  # Latin Extended-A letters
        ("records. Credit: AP Photo/Jeff McIntosh", ["Jeff McIntosh"]),  # a capital inside
        ("(Reuters/Ana DeLuca)", ["Ana DeLuca"]),
        ("(Antara Foto/Dewi Lestari Putri/via Reuters)", ["Dewi Lestari Putri"]),  # "Foto"
    ],
)
def test_photographers_found_in_credits_with_their_offsets(text, names):
    found = photographers(text)
    assert [credit.name for credit in found] == names
    assert [text[credit.start : credit.end] for credit in found] == names


@pytest.mark.parametrize(
    "text",
    [
        "Credit: Reuters",  # an agency alone
        "Photo: Getty Images",
        "(File Photo/Staff)",
        "Photo: Sipa USA/Reuters",  # an agency's own name, not a photographer's
        "(Kremlin Pool/Sputnik)",  # a credit word, not a surname
        "Image via Marc",  # where an image came from, not who took it
        "flights (New York/Los Angeles) resumed",  # a slash with no agency is no credit
        "the ratio (1/2) and President Biden (left) in Paris",
    ],
)
def test_photographers_none_where_no_person_is_credited(text):
    assert photographers(text) == []
