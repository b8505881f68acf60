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


def test_a_csv_glossary_is_read_with_its_quoting_and_delimiter(tmp_path):
    """A termbase exported to CSV: commas, or semicolons where the comma is the decimal
    separator (a French or German Excel), fields with the delimiter quoted."""
    path = tmp_path / "terms.csv"
    path.write_text('summer,été\n"Smith, John","Smith, Jean"\n', encoding="utf-8")
    assert read_glossary(path) == [("summer", "été"), ("Smith, John", "Smith, Jean")]
    path.write_text("summer;été\nworkers' council;conseil ouvrier\n", encoding="utf-8")
    assert read_glossary(path) == [("summer", "été"), ("workers' council", "conseil ouvrier")]
    # Semicolons between terms that hold commas: the delimiter that makes pairs of them.
    path.write_text("salt, pepper;sel, poivre\nSmith, John;Smith, Jean\n", encoding="utf-8")
    assert read_glossary(path) == [("salt, pepper", "sel, poivre"), ("Smith, John", "Smith, Jean")]


def test_a_header_row_of_languages_or_column_names_is_not_a_term(tmp_path):
    """Spreadsheets and terminology tools export a header row; read as a term pair, `en`
    would be required to be translated `fr` wherever the word *en* appears."""
    path = tmp_path / "terms.csv"
    path.write_text("en,fr-FR\nsummer,été\n", encoding="utf-8")
    assert read_glossary(path) == [("summer", "été")]
    path.write_text("Source term;Target term\nsummer;été\n", encoding="utf-8")
    assert read_glossary(path) == [("summer", "été")]
    tsv = tmp_path / "terms.tsv"
    tsv.write_text("source\ttarget\nsummer\tété\n", encoding="utf-8")
    assert read_glossary(tsv) == [("summer", "été")]
    # A first row of terms stays a pair of terms, short ones too.
    tsv.write_text("strike\tgrève\n", encoding="utf-8")
    assert read_glossary(tsv) == [("strike", "grève")]
    tsv.write_text("sea\tmer\n", encoding="utf-8")
    assert read_glossary(tsv) == [("sea", "mer")]


def test_a_csv_row_without_a_translation_is_refused_with_its_line(tmp_path):
    import pytest

    from align.errors import InputError

    path = tmp_path / "terms.csv"
    path.write_text("summer,été\nwinter\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: expected 'source term,translation'"):
        read_glossary(path)
