from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from align.errors import InputError
from align.reading import decode_bytes, normalise_for_comparison, read_document

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
FRENCH = "L’été où j’ai lu « Œdipe » — déjà vu, ça.\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- encodings --------------------------------------------------------------------------


def test_utf8_is_read_without_warnings(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", FRENCH.encode()))
    assert (doc.text, doc.encoding, doc.warnings) == (FRENCH, "utf-8", [])
    assert doc.path.endswith("a.txt")


def test_utf8_bom_is_dropped(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + FRENCH.encode()))
    assert (doc.text, doc.encoding, doc.warnings) == (FRENCH, "utf-8-sig", [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    doc = read_document(write(tmp_path, "a.txt", bom + FRENCH.encode(codec)))
    assert (doc.text, doc.encoding) == (FRENCH, "utf-16")


@pytest.mark.parametrize("text", [FRENCH, "Plain ASCII text.\n"])
def test_utf16_without_bom_is_recognised_and_reported(text):
    decoded, encoding, warnings = decode_bytes(text.encode("utf-16-le"), "a.txt")
    assert (decoded, encoding) == (text, "utf-16-le")
    assert warnings == ["a.txt: UTF-16 without a byte-order mark; read as UTF-16LE"]


def test_crlf_and_cr_line_endings_become_lf():
    text, _, _ = decode_bytes(b"one\r\ntwo\rthree\n\r\nfour", "a.txt")
    assert text == "one\ntwo\nthree\n\nfour"


def test_windows_1252_is_read_and_reported():
    data = FRENCH.encode("cp1252")
    assert b"\x92" in data and b"\x8c" in data  # ’ and Œ: bytes Latin-1 lacks
    text, encoding, warnings = decode_bytes(data, "source.txt")
    assert (text, encoding) == (FRENCH, "cp1252")
    assert warnings == ["source.txt: not UTF-8; read as Windows-1252"]


def test_latin1_only_when_windows_1252_cannot_decode():
    data = "Café crème".encode("latin-1") + b"\x81"
    text, encoding, warnings = decode_bytes(data, "a.txt")
    assert (text, encoding) == ("Café crème\x81", "latin-1")
    assert warnings[0] == "a.txt: not UTF-8; read as Latin-1 (ISO-8859-1)"
    assert "control character" in warnings[1]


def test_other_scripts_in_legacy_encodings_are_guessed():
    text = "Привет, как дела? Это короткий русский текст для проверки."
    decoded, encoding, warnings = decode_bytes(text.encode("cp1251"), "ru.txt")
    assert decoded == text
    assert encoding == "cp1251" and warnings == ["ru.txt: not UTF-8; read as Windows-1251"]


RUSSIAN = [
    "Привет, как дела?\n",
    "Да.\n",
    "Кошка спит на диване, а собака лежит у двери.\n",
    "Вчера вечером мы долго гуляли по набережной. Он сказал: 'Завтра я уеду в Петербург'.\n"
    "\nСъешь же ещё этих мягких французских булок да выпей чаю.\n",
    "ВНИМАНИЕ! ПОЕЗД ОТПРАВЛЯЕТСЯ В ДЕСЯТЬ ЧАСОВ.\n",
]


@pytest.mark.parametrize("text", RUSSIAN)
@pytest.mark.parametrize("codec, name", [("koi8-r", "KOI8-R"), ("cp1251", "Windows-1251"),
                                         ("cp866", "DOS Cyrillic (CP866)"),
                                         ("iso8859-5", "ISO-8859-5")])
def test_russian_in_each_cyrillic_code_page_reads_as_russian(text, codec, name):
    # KOI8-R was read as Shift-JIS (``汙ﾛﾋﾁ ﾓﾐﾉﾔ``), CP866 as Windows-1252 (``„\xa0.``).
    decoded, encoding, warnings = decode_bytes(text.encode(codec), "ru.txt")
    assert (decoded, encoding) == (text, codec)
    assert warnings == [f"ru.txt: not UTF-8; read as {name}"]


@pytest.mark.parametrize("codec", ["koi8-u", "cp1251"])
def test_ukrainian_reads_as_ukrainian(codec):
    text = "Їжак їсть яблука в саду, а ґава сидить на гілці. Це є правда.\n"
    assert decode_bytes(text.encode(codec), "uk.txt")[:2] == (text, codec)
    # Russian in KOI8-U is Russian in KOI8-R: the same bytes, the same text.
    assert decode_bytes(RUSSIAN[2].encode("koi8-u"), "ru.txt")[0] == RUSSIAN[2]


@pytest.mark.parametrize("text, codec", [
    ("猫がソファで寝ています。今日はいい天気です。\n", "shift_jis"),
    ("東京駅から新幹線に乗って、大阪へ行きました。\n", "shift_jis"),
    ("猫在沙发上睡觉。今天天气很好。\n", "gb18030"),
    ("玛丽在里昂的市场上买了三个苹果。她付了五欧元。\n", "gb18030"),
    ("貓在沙發上睡覺。今天天氣很好。瑪麗在里昂的市場上買了三個蘋果。\n", "big5"),
    ("Η γάτα κοιμάται στον καναπέ. Σήμερα ο καιρός είναι ωραίος.\n", "cp1253"),
])
def test_other_legacy_code_pages_still_read(text, codec):
    decoded, encoding, _ = decode_bytes(text.encode(codec), "a.txt")
    assert (decoded, encoding) == (text, codec)


@pytest.mark.parametrize("text", ["été\n", "Ça.\n", "« Non ! »\n", "Où ?\n", "Déjà ?\n"])
def test_short_french_with_few_ascii_letters_stays_windows_1252(text):
    # Most of these letters are high bytes, so every code page is weighed: the French
    # reading wins (``Lйtй``, a Cyrillic letter between Latin ones, is not a word).
    assert decode_bytes(text.encode("cp1252"), "a.txt")[:2] == (text, "cp1252")


def test_damaged_utf8_says_where():
    data = "Première ligne.\nDeuxième é".encode() + b"\xe9t\xc3\xa9.\n"
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "a.txt")
    message = str(caught.value)
    assert message.startswith("a.txt: invalid UTF-8 at line 2, column 11 (byte ")
    assert "re-save it as UTF-8" in message and "\n" not in message


def test_control_characters_are_kept_and_reported_but_odd_spaces_are_silent():
    text, _, warnings = decode_bytes("a\u00a0b\u200bc\u2028d\te\x07f\x0c".encode(), "a.txt")
    assert text == "a\u00a0b\u200bc\u2028d\te\x07f\x0c"
    assert warnings == [
        "a.txt: 2 control characters (first U+0007 at line 1, column 10); "
        "they are kept in the text"
    ]


# -- files that are not usable text -----------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match=r"no such file: check the path$"):
        read_document(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_document(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", b"text")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match=r"cannot be read \(permission denied\)"):
        read_document(path)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", "\u00a0\n".encode(), b"\xef\xbb\xbf\n",
                                  "\u200b\u200b\n".encode(), " \u200c\u200d\u2060\t\n".encode(),
                                  "\ufeff\ufeff\u200b".encode("utf-16")])
def test_empty_or_blank_file(tmp_path, data):
    # Zero-width characters are blank, as for segmentation: alone they are no text.
    with pytest.raises(InputError, match="a.txt is empty"):
        read_document(write(tmp_path, "a.txt", data))


def zip_bytes(tmp_path: Path, entries: dict[str, str]) -> bytes:
    path = tmp_path / "z.zip"
    with zipfile.ZipFile(path, "w") as z:
        for name, content in entries.items():
            z.writestr(name, content)
    return path.read_bytes()


def test_damaged_pdf_message_says_what_to_do(tmp_path):
    with pytest.raises(InputError) as caught:
        read_document(write(tmp_path, "report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
    message = str(caught.value)
    assert message.startswith("report.pdf is a damaged PDF document (")
    assert message.endswith("(e.g. `pdftotext report.pdf`) and align the .txt")


def test_a_zip_archive_is_named(tmp_path):
    data = zip_bytes(tmp_path, {"notes.txt": "hello"})
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "book.x")
    assert str(caught.value).startswith("book.x is a zip archive, not plain text: ")


@pytest.mark.parametrize(
    ("entries", "kind"),
    [
        ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x"},
         "an OpenDocument text (ODT)"),
        ({"mimetype": "application/epub+zip", "OEBPS/a.xhtml": "<x/>"}, "an EPUB e-book"),
    ],
)
def test_damaged_packaged_documents_say_so(tmp_path, entries, kind):
    data = zip_bytes(tmp_path, entries)
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "book.x")
    assert str(caught.value).startswith(f"book.x looks like {kind} but cannot be read as one: ")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Microsoft Office document"),
        (b"{\\rtf1\\ansi Bonjour}", "RTF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"II*\x00\x08\x00\x00\x00", "TIFF image"),
        (b"MM\x00*\x00\x00\x00\x08", "TIFF image"),
    ],
)
def test_binary_formats_are_named(data, kind):
    with pytest.raises(InputError, match=f"^scan.bin is an? {kind}"):
        decode_bytes(data, "scan.bin")


def test_generic_binary_with_nul_bytes():
    with pytest.raises(InputError, match=r"does not look like a text file \(it contains NUL"):
        decode_bytes(b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", "blob.dat")


def test_error_messages_are_one_line(tmp_path):
    for data in (b"%PDF-1.4", b"\x89PNG\r\n\x1a\n", b"", b"\x00\x01\x00"):
        with pytest.raises(InputError) as caught:
            decode_bytes(data, "f")
        assert "\n" not in str(caught.value) and ": " in str(caught.value)


# -- comparison key ------------------------------------------------------------------------


def test_normalise_for_comparison_unifies_typography():
    assert normalise_for_comparison("« L’ÉTÉ » — déjà\u00a0!") == normalise_for_comparison(
        '"l\'été" - déjà!'
    )
    assert normalise_for_comparison("ﬁn\u200b  de\tla\nFÊTE") == "fin de la fête"
    assert normalise_for_comparison("Straße") == "strasse"
    assert normalise_for_comparison("“Yes,” he said.") == '"yes," he said.'


def test_normalise_keeps_what_differs():
    assert normalise_for_comparison("chat") != normalise_for_comparison("chats")
    assert normalise_for_comparison("a-b") != normalise_for_comparison("a b")


# -- real files ------------------------------------------------------------------------------


def test_reference_texts_are_utf8():
    folder = Path(__file__).resolve().parents[1] / "texts" / "serge-nin-1936"
    for name in ("en.txt", "fr-retranslation.txt"):
        doc = read_document(folder / name)
        assert (doc.encoding, doc.warnings) == ("utf-8", [])


@pytest.mark.skipif(not SHARED.is_dir(), reason="development data (../shared/data) is absent")
def test_shared_literary_files_read_cleanly_in_every_encoding():
    for path in sorted((SHARED / "literary-pairs").glob("*.txt")):
        original = path.read_text(encoding="utf-8")
        assert read_document(path).text == original
        legacy = original.encode("cp1252", errors="replace")
        text, encoding, _ = decode_bytes(legacy, path.name)
        assert encoding == "cp1252"
        assert text == legacy.decode("cp1252")


def _word_document(path: Path) -> Path:
    """A .docx with what Word documents hold: a heading, formatted runs, a line break
    inside a paragraph, a table with a merged cell, an empty paragraph, and tracked
    changes (an insertion and a deletion)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Lettre à Andrés Nin", level=1)
    greeting = document.add_paragraph("Mon cher Andrés, ")
    greeting.add_run("voici").bold = True
    greeting.add_run(" la lettre.")
    broken = document.add_paragraph("Première ligne").add_run()
    broken.add_break()
    broken.add_text("seconde ligne")
    document.add_paragraph("")
    edited = document.add_paragraph("Il est ")
    for tag, text_tag, text in (("w:ins", "w:t", "déjà "), ("w:del", "w:delText", "trop ")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
        change.set(qn("w:author"), "Relecteur")
        run, piece = OxmlElement("w:r"), OxmlElement(text_tag)
        piece.text = text
        piece.set(qn("xml:space"), "preserve")
        run.append(piece)
        change.append(run)
        edited._p.append(change)
    edited.add_run("parti.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "A1"
    table.cell(0, 1).text = "B1"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "fusionnée"
    document.add_paragraph("Fin.")
    document.save(path)
    return path


def test_a_word_document_is_read_as_its_text(tmp_path):
    found = read_document(_word_document(tmp_path / "lettre.docx"))
    assert found.encoding == "docx"
    assert found.text == (
        "Lettre à Andrés Nin\n\n"
        "Mon cher Andrés, voici la lettre.\n\n"
        "Première ligne\nseconde ligne\n\n"
        "Il est déjà parti.\n\n"  # the insertion in, the deletion out
        "A1\n\nB1\n\nfusionnée\n\n"  # a merged cell once
        "Fin."
    )


def test_a_damaged_word_document_says_so(tmp_path):
    data = zip_bytes(tmp_path, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "book.docx")
    assert str(caught.value).startswith(
        "book.docx looks like a Word document (DOCX) but cannot be read as one: ")


def test_a_word_document_that_unpacks_to_too_much_is_refused_before_unpacking(
    tmp_path, monkeypatch
):
    from align import markup

    monkeypatch.setattr(markup, "UNPACKED_LIMIT", 8 * 2**20)  # 512 MB in use
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (12 * 2**20))
    assert path.stat().st_size < 2**17
    with pytest.raises(InputError, match="unpacks to 12 MB, more than the 8 MB"):
        read_document(path)


# -- web pages, e-books, OpenDocument ------------------------------------------------------

WEB_PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="windows-1252"><title>Victor Serge</title>
<style>p { margin: 0 }</style><script>var note = "pas du texte";</script></head>
<body>
<nav><a href="/">Archive</a> | <a href="/serge">Victor Serge</a></nav>
<div role="navigation">Index</div>
<h3>Victor Serge 1936</h3>
<h1>Lettre \u00e0 Andr\u00e9s Nin</h1>
<p class="information"><span>Source&nbsp;:</span> La Lutte contre le stalinisme.<br>
   Traduction : pour marxists.org</p>
<hr>
<p>1. Pierre Schavitz et   Pierre
   Boul sont deux <em>camarades</em> d\u2019ici.</p>
<!-- a comment -->
<ul><li>Gorkin</li><li>Andrade</li></ul>
<table><tr><td>A1</td><td>B1</td></tr></table>
</body></html>
"""
WEB_PAGE_TEXT = (
    "Victor Serge 1936\n\n"
    "Lettre \u00e0 Andr\u00e9s Nin\n\n"
    "Source\u00a0: La Lutte contre le stalinisme.\nTraduction : pour marxists.org\n\n"
    "1. Pierre Schavitz et Pierre Boul sont deux camarades d\u2019ici.\n\n"
    "Gorkin\n\nAndrade\n\nA1\n\nB1"
)


def test_a_web_page_is_read_as_the_text_a_browser_shows(tmp_path):
    # Its meta tag's encoding decides; head, script, style, comments and the site's
    # navigation are not text.
    found = read_document(write(tmp_path, "lettre.html",
                                WEB_PAGE.replace("\u2019", "'").encode("cp1252")))
    assert found.encoding == "html" and found.warnings == []
    assert found.text == WEB_PAGE_TEXT.replace("\u2019", "'")
    # Undeclared, the bytes decide as for any text file; the name does not matter.
    utf8 = WEB_PAGE.replace(' charset="windows-1252"', "").encode("utf-8")
    assert decode_bytes(utf8, "page.txt")[0] == WEB_PAGE_TEXT
    # A page that is not HTML from its first bytes stays plain text.
    assert decode_bytes(b"Text about <html> tags.\\n", "a.txt")[1] == "utf-8"


def _epub(tmp_path: Path) -> bytes:
    chapter = ("<?xml version='1.0' encoding='utf-8'?><html xmlns='http://www.w3.org/1999/xhtml'>"
               "<head><title>t</title></head><body><h1>{}</h1><p>{}</p></body></html>")
    return zip_bytes(tmp_path, {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            "<?xml version='1.0'?><container version='1.0' "
            "xmlns='urn:oasis:names:tc:opendocument:xmlns:container'><rootfiles>"
            "<rootfile full-path='OEBPS/content.opf' "
            "media-type='application/oebps-package+xml'/></rootfiles></container>"),
        "OEBPS/content.opf": (
            "<?xml version='1.0'?><package xmlns='http://www.idpf.org/2007/opf' version='3.0'>"
            "<manifest>"
            "<item id='nav' href='nav.xhtml' media-type='application/xhtml+xml' "
            "properties='nav'/>"
            "<item id='c2' href='Text/chapitre%202.xhtml' media-type='application/xhtml+xml'/>"
            "<item id='c1' href='Text/c1.xhtml' media-type='application/xhtml+xml'/>"
            "<item id='notes' href='notes.xhtml' media-type='application/xhtml+xml'/>"
            "<item id='css' href='style.css' media-type='text/css'/></manifest>"
            "<spine><itemref idref='nav'/><itemref idref='c1'/><itemref idref='c2'/>"
            "<itemref idref='notes' linear='no'/></spine></package>"),
        "OEBPS/nav.xhtml": chapter.format("Sommaire", "Chapitre I"),
        "OEBPS/Text/c1.xhtml": chapter.format("Chapitre I", "Il partit."),
        "OEBPS/Text/chapitre 2.xhtml": chapter.format("Chapitre II", "Il revint."),
        "OEBPS/notes.xhtml": chapter.format("Notes", "Une note."),
        "OEBPS/style.css": "p { }",
    })


def test_an_e_book_is_read_in_its_reading_order(tmp_path):
    # The spine's order, not the manifest's; no table of contents, no linear="no" notes.
    text, encoding, _ = decode_bytes(_epub(tmp_path), "roman.epub")
    assert encoding == "epub"
    assert text == "Chapitre I\n\nIl partit.\n\nChapitre II\n\nIl revint."


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
<office:body><office:text>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
 <text:p>trop </text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">Lettre à Andrés Nin</text:h>
<text:p>Mon cher <text:span>Andrés</text:span>,<text:s text:c="2"/>voici<text:note
 text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
 <text:p>Une note.</text:p></text:note-body></text:note> la lettre.<office:annotation>
 <text:p>Un commentaire</text:p></office:annotation></text:p>
<text:p>Première ligne<text:line-break/>seconde<text:tab/>ligne</text:p>
<text:p>Il est <text:change text:change-id="c1"/>parti.</text:p>
<text:list><text:list-item><text:p>un</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>A1</text:p></table:table-cell>
<table:table-cell><text:p>B1</text:p></table:table-cell></table:table-row></table:table>
<text:p/>
</office:text></office:body></office:document-content>
"""


def test_an_opendocument_text_is_read_as_its_text(tmp_path):
    data = zip_bytes(tmp_path, {"mimetype": "application/vnd.oasis.opendocument.text",
                                "content.xml": ODT_CONTENT})
    text, encoding, _ = decode_bytes(data, "lettre.odt")
    assert encoding == "odt"
    # Comments and tracked deletions are not the text; text:s is its spaces; a footnote
    # follows the body, marked where the text refers to it.
    assert text == ("Lettre à Andrés Nin\n\n"
                    "Mon cher Andrés,  voici[1] la lettre.\n\n"
                    "Première ligne\nseconde\tligne\n\n"
                    "Il est parti.\n\n"
                    "un\n\nA1\n\nB1\n\n"
                    "[1] Une note.")


_FOOTNOTES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
 <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>
  </w:r></w:p></w:footnote>
 <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>
  <w:r><w:t xml:space="preserve"> Le POUM, parti ouvrier.</w:t></w:r></w:p>
  <w:p><w:r><w:t>Fondé en 1935.</w:t></w:r></w:p></w:footnote>
 <w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Andrés Nin.</w:t></w:r></w:p>
 </w:footnote>
 <w:footnote w:id="9"><w:p><w:r><w:t>Never referred to.</w:t></w:r></w:p></w:footnote>
</w:footnotes>
"""


def test_a_word_documents_footnotes_follow_its_body_in_the_order_it_refers_to_them(tmp_path):
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for text, note in (("Mon cher Andrés,", "3"), ("les camarades du POUM.", "7")):
        paragraph = document.add_paragraph(text)
        run, reference = OxmlElement("w:r"), OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), note)
        run.append(reference)
        paragraph._p.append(run)
    document.add_paragraph("Fin.")
    plain = tmp_path / "plain.docx"
    document.save(plain)
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                    b"</Types>"))
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>"))
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", _FOOTNOTES)
    assert read_document(path).text == (
        "Mon cher Andrés,[1]\n\n"
        "les camarades du POUM.[2]\n\n"
        "Fin.\n\n"
        "[1] Andrés Nin.\n\n"  # numbered as the body refers to them, not by their ids
        "[2] Le POUM, parti ouvrier.\n\n"
        "Fondé en 1935."  # a note's second paragraph; the separators are not notes
    )
    assert read_document(plain).text == "Mon cher Andrés,\n\nles camarades du POUM.\n\nFin."
