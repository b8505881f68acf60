"""Reading a glossary (``--glossary``): its encodings."""

from __future__ import annotations

from align.checks import read_glossary


def test_a_windows_1252_glossary_is_read(tmp_path):
    """A glossary saved by a spreadsheet on Windows: Windows-1252, refused as "not UTF-8"
    before; decoded as a text of that code page is."""
    path = tmp_path / "terms.tsv"
    path.write_bytes("café\tcafé\r\nsummer\tété\r\n".encode("cp1252"))
    assert read_glossary(path) == [("café", "café"), ("summer", "été")]


def test_a_utf16_glossary_is_read(tmp_path):
    """Excel's "Unicode Text": UTF-16 with a byte-order mark, and without one."""
    path = tmp_path / "terms.tsv"
    path.write_bytes("# terms\r\nsummer\tété\r\n".encode("utf-16"))
    assert read_glossary(path) == [("summer", "été")]
    path.write_bytes("summer\tété\r\n".encode("utf-16-le"))
    assert read_glossary(path) == [("summer", "été")]


def test_a_utf8_glossary_with_a_byte_order_mark_is_read_without_it(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_bytes("summer\tété\n".encode("utf-8-sig"))
    assert read_glossary(path) == [("summer", "été")]
