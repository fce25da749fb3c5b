import hashlib

import pytest

from articles.ingest.errors import TruncatedDump, UnreadableDump
from articles.ingest.reader import read_document
from tests.ingest.conftest import MAX_BYTES


def test_read_document_keeps_provenance(sample_path):
    path = sample_path("pairs.txt")
    document = read_document(str(path), MAX_BYTES)
    assert document.name == "pairs.txt"
    assert document.path == str(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.lines()[0] == "Can Solar Power Save the Sahel's Farms?"


def test_read_document_strips_bom_and_normalises_crlf(sample_path):
    path = sample_path("bom_crlf.txt")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the sample really is BOM + CRLF
    document = read_document(path, MAX_BYTES)
    assert "\r" not in document.text and not document.text.startswith("\ufeff")
    assert document.lines()[0] == "Ferry Workers Vote to Strike"
    assert document.sha256 == hashlib.sha256(raw).hexdigest()  # of the raw bytes, BOM included


def test_read_document_normalises_lone_carriage_returns(tmp_path):
    path = tmp_path / "old_mac.txt"
    path.write_bytes(b"Headline\r\rSummary of the story.\r")
    assert read_document(path, MAX_BYTES).lines() == ["Headline", "", "Summary of the story.", ""]


def test_read_document_accepts_a_missing_final_newline(sample_path):
    document = read_document(sample_path("paragraphs.txt"), MAX_BYTES)
    assert not document.text.endswith("\n")
    assert document.lines()[-1].endswith("the fisheries ministry said.")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty"),
        ("whitespace_only.txt", "only white space"),
        ("binary.bin", "binary data (a NUL byte)"),
        ("control_chars.txt", "binary data (control characters)"),
    ],
)
def test_read_document_refuses_unreadable_files(sample_path, name, message):
    with pytest.raises(UnreadableDump) as caught:
        read_document(sample_path(name), MAX_BYTES)
    assert message in str(caught.value)
    assert name in str(caught.value)


def test_read_document_reports_the_line_of_a_bad_utf8_byte(sample_path):
    with pytest.raises(UnreadableDump) as caught:
        read_document(sample_path("bad_utf8.txt"), MAX_BYTES)
    assert caught.value.line == 4
    assert "bad_utf8.txt:4: not valid UTF-8 (byte 0xff); re-save the file as UTF-8" in str(
        caught.value
    )


def test_read_document_counts_crlf_lines_before_a_bad_byte(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"one\r\ntwo\r\n\xc3(three\r\n")
    with pytest.raises(UnreadableDump) as caught:
        read_document(path, MAX_BYTES)
    assert caught.value.line == 3


def test_read_document_reports_a_file_cut_inside_a_character_as_truncated(sample_path):
    with pytest.raises(TruncatedDump) as caught:
        read_document(sample_path("cut_multibyte.txt"), MAX_BYTES)
    assert caught.value.line == 3
    assert "multi-byte" in str(caught.value)


def test_read_document_refuses_oversized_files_before_reading(sample_path, monkeypatch):
    path = sample_path("bullets.txt")
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read too early"))
    with pytest.raises(UnreadableDump) as caught:
        read_document(path, max_bytes=100)
    assert "over the 100-byte limit" in str(caught.value)
    assert "NEWSDB_MAX_DUMP_BYTES" in str(caught.value)


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_read_document_refuses_what_is_not_a_regular_file(tmp_path, kind):
    path = tmp_path / "missing.txt" if kind == "missing" else tmp_path
    with pytest.raises(UnreadableDump, match="not a regular file"):
        read_document(path, MAX_BYTES)
