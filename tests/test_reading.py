from __future__ import annotations

import io
import re
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


HEBREW = "ד\"ר אנה ברג הגיעה ללישבון ב-3 במאי 1936. היא נשאה שתי מזוודות ומכתב מאחיה.\n"


@pytest.mark.parametrize("text, codec, name", [
    # Hebrew was read as Greek (``ξδ ωμεξκ?``: ς inside words, ΰ for א), Thai as KOI8-R,
    # Arabic as Greek.
    (HEBREW, "cp1255", "Windows-1255"),
    ("מה שלומך? אני בסדר. תודה רבה! הוא הלך לבית הספר.\n", "cp1255", "Windows-1255"),
    ("สวัสดีครับ วันนี้อากาศดีมาก ฉันไปตลาด\n", "cp874", "Thai (Windows-874, TIS-620)"),
    ("هل أنت بخير؟ نعم، أنا بخير. شكرا لك! ذهب إلى المدرسة.\n", "cp1256", "Windows-1256"),
])
def test_hebrew_arabic_and_thai_code_pages_are_read(text, codec, name):
    decoded, encoding, warnings = decode_bytes(text.encode(codec), "a.txt")
    assert (decoded, encoding) == (text, codec)
    assert warnings == [f"a.txt: not UTF-8; read as {name}"]
    # ISO-8859-8 writes Hebrew letters as Windows-1255 does.
    assert decode_bytes(HEBREW.encode("iso8859-8"), "a.txt")[0] == HEBREW


@pytest.mark.parametrize("text, codec", [
    # Few high bytes: these were read as Windows-1252 (``przyjecha³a``, ``siê``, ``Iþýk``).
    ("Dr Anna Berg przyjechała do Lizbony 3 maja 1936 r.\n", "cp1250"),
    ("Zażółć gęślą jaźń. Mam psa. Pies się nazywa Łatek.\n", "cp1250"),
    ("Zażółć gęślą jaźń.\n", "iso8859-2"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.\n", "cp1250"),
    ("Árvíztűrő tükörfúrógép.\n", "cp1250"),
    ("Işık yandı. İstanbul'a gittik. Güzel bir gündü.\n", "cp1254"),
    ("Dr. Anna Berg 3 Mayıs 1936'da Lizbon'a vardı. Yanında iki bavul ve kardeşinden bir "
     "mektup vardı. Otel küçüktü ama odalar temizdi.\n", "cp1254"),
    # ... and Western European text stays Windows-1252.
    ("Straße über Köln, Enttäuschung und Grüße.\n", "cp1252"),
    ("Þórður og Guðrún fóru til Reykjavíkur.\n", "cp1252"),
    ("¿Qué pasó? ¡Año nuevo en España!\n", "cp1252"),
    ("Les expériences faites dans un camp d'entraînement, où l'on mange bien.\n", "cp1252"),
])
def test_latin_script_text_is_read_in_its_code_page(text, codec):
    assert decode_bytes(text.encode(codec), "a.txt")[:2] == (text, codec)


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


@pytest.mark.parametrize("text, codec", [
    ("你好。我很好！你呢？我也很好。", "gbk"),
    ("你好。我很好！你呢？我也很好。", "big5"),
])
def test_short_cjk_text_whose_bytes_pair_as_utf8_does_is_not_damaged_utf8(text, codec):
    # Its bytes hold well-formed UTF-8 sequences (``\xc3\xa1``), yet it is not UTF-8.
    decoded, encoding, _ = decode_bytes(text.encode(codec), "zh.txt")
    assert decoded == text and encoding in (codec, "gb18030")


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


def test_a_password_protected_word_document_says_so():
    # Encrypted, a .docx is an OLE container (as a .doc is) holding "EncryptedPackage".
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
    stream = "EncryptedPackage".encode("utf-16-le")
    for data, name in ((ole + stream + b"\x00" * 50, "lettre.bin"),
                       (ole + stream, "lettre.docx")):
        with pytest.raises(InputError, match=f"^{name} is a password-protected Word document, "
                                             "not plain text: open it .* with its password"):
            decode_bytes(data, name)
    # Without the stream, an OLE container named .docx is an old .doc renamed.
    with pytest.raises(InputError, match="^lettre.docx is a legacy Microsoft Office document"):
        decode_bytes(ole, "lettre.docx")


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


_RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
_TEXT_BOX_CONTENT = ("<w:txbxContent><w:p>" + _RUN.format("Dans la boîte.")
                     + "</w:p></w:txbxContent>")
_BLOCKS = (
    # A block-level content control holding a paragraph.
    "<w:sdt><w:sdtPr/><w:sdtContent><w:p>" + _RUN.format("Dans le contrôle.")
    + "</w:p></w:sdtContent></w:sdt>",
    # A text box, drawn as DrawingML and again as VML for older programs.
    "<w:p>" + _RUN.format("Avant la boîte. ") + "<w:r><mc:AlternateContent>"
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp>'
    "<wps:txbx>" + _TEXT_BOX_CONTENT + "</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
    "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    + _TEXT_BOX_CONTENT + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
    "</w:r>" + _RUN.format("Après la boîte.") + "</w:p>",
    # A cell merged over two rows.
    '<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p>'
    + _RUN.format("Fusionnée.") + "</w:p></w:tc><w:tc><w:p>" + _RUN.format("B1")
    + "</w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p>"
    + _RUN.format("B2") + "</w:p></w:tc></w:tr></w:tbl>",
)


def test_content_controls_text_boxes_and_vertically_merged_cells_are_read_once(tmp_path):
    import docx
    from docx.oxml import parse_xml

    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"')
    document = docx.Document()
    document.add_paragraph("Début.")
    end = document.add_paragraph("Fin.")
    for block in _BLOCKS:
        end._p.addprevious(parse_xml(_with_namespaces(block, namespaces)))
    document.save(tmp_path / "boites.docx")
    # The content control was dropped, the text box read twice and glued to its
    # paragraph, the merged cell read in each row it spans.
    assert read_document(tmp_path / "boites.docx").text == (
        "Début.\n\nDans le contrôle.\n\nAvant la boîte. Après la boîte.\n\nDans la boîte.\n\n"
        "Fusionnée.\n\nB1\n\nB2\n\nFin.")


def _with_namespaces(xml: str, namespaces: str) -> str:
    """``xml`` with the namespace declarations on its root element."""
    name_end = xml.index(">") if " " not in xml[:xml.index(">")] else xml.index(" ")
    return f"{xml[:name_end]} {namespaces}{xml[name_end:]}"


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


@pytest.mark.parametrize("data, name", [
    # XHTML opens with an XML declaration; its encoding is declared there.
    (b'<?xml version="1.0" encoding="windows-1252"?>\n<html xmlns="http://www.w3.org/1999/'
     b'xhtml"><body><p>Caf\xe9 cr\xe8me. Second.</p></body></html>', "page.xhtml"),
    (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html><body><p>Caf\xc3\xa9 '
     b"cr\xc3\xa8me. Second.</p></body></html>", "page.txt"),
    # Fragments that editors save: whatever the name when they open as a page does ...
    (b'<meta charset="utf-8"><p>Caf\xc3\xa9 cr\xc3\xa8me. Second.</p>', "frag.txt"),
    (b"<body><p>Caf\xc3\xa9 cr\xc3\xa8me. Second.</p><script>x=1</script></body>", "b.txt"),
    # ... and any element in a file named as a page.
    (b"\n<p>Caf\xc3\xa9 cr\xc3\xa8me. <b>Second.</b></p>\n", "frag.html"),
    (b"<!-- saved -->\n<div><p>Caf\xc3\xa9 cr\xc3\xa8me. Second.</p></div>", "frag.HTM"),
])
def test_xhtml_and_html_fragments_are_read_as_pages(data, name):
    assert decode_bytes(data, name)[:2] == ("Café crème. Second.", "html")


def test_hidden_elements_of_a_page_are_not_text():
    page = ('<!DOCTYPE html><html><body><p>Un.</p><p hidden>Caché.</p>'
            '<div style="color: red; display:none">Caché aussi.</div>'
            '<p>Deux <span style="visibility: hidden">rien</span>trois.</p>'
            '<p style="display: block">Quatre.</p></body></html>')
    assert decode_bytes(page.encode(), "a.html")[0] == "Un.\n\nDeux trois.\n\nQuatre."


NOTED_PAGE = """<!doctype html><html lang=en><head><title>Serge to Nin</title></head><body>
<nav><a href='/'>Home</a></nav><h1>Victor Serge 1936</h1>
<p>2. I advised them to address themselves to the other comrades of the POUM.<sup><a
 href='#fn1'>1</a></sup> This serves as their letter of introduction.</p>
<p>3. I can\u2019t travel at this time.<sup>2</sup> Nevertheless, I hope to.</p>
<hr><p id=fn1>1. Partido Obrero de Unificaci\u00f3n Marxista, founded 1935.</p>
<p><sup>2</sup> Stripped of his Soviet nationality.</p>
<footer>marxists.org</footer></body></html>"""


def test_a_web_pages_note_references_are_raised_and_its_notes_are_paragraphs_of_their_own():
    # The reference is the page's raised mark, not a "1" glued to "POUM.", so that no
    # check reads a number there and the sentence ends after it; the notes stay where the
    # page has them, each a paragraph; the page's footer is the site's, as its navigation.
    text, encoding, _ = decode_bytes(NOTED_PAGE.encode(), "letter.html")
    assert encoding == "html"
    assert text == (
        "Victor Serge 1936\n\n"
        "2. I advised them to address themselves to the other comrades of the POUM.\u00b9 "
        "This serves as their letter of introduction.\n\n"
        "3. I can\u2019t travel at this time.\u00b2 Nevertheless, I hope to.\n\n"
        "1. Partido Obrero de Unificaci\u00f3n Marxista, founded 1935.\n\n"
        "\u00b2 Stripped of his Soviet nationality.")


def test_a_note_reference_read_from_a_page_is_no_number_of_its_sentence():
    from align.checks import check_alignment
    from align.checks.pairs import document_text, pairs_alignment
    from align.segment import segment

    text = decode_bytes(NOTED_PAGE.encode(), "letter.html")[0]
    english = [s.text for s in segment(text, language="en").sentences]
    assert english[1:3] == [
        "2. I advised them to address themselves to the other comrades of the POUM.\u00b9",
        "This serves as their letter of introduction."]
    record = pairs_alignment([
        ("2. Je leur ai conseillé de s\u2019adresser aux autres camarades du POUM.",
         english[1])], languages=("fr", "en"))
    record = check_alignment(record, source_text=document_text(record.source),
                             translation_text=document_text(record.translation))
    assert [f.reason for f in record.links[0].findings if f.kind == "number"] == []


@pytest.mark.parametrize(("page", "expected"), [
    # Exponents, ordinals and abbreviations raised are text, as before.
    ("<p>An area of 12 m<sup>2</sup>, 10<sup>6</sup> people, (x+1)<sup>2</sup>.</p>",
     "An area of 12 m2, 106 people, (x+1)2."),
    ("<p>Le 1<sup>er</sup> mai, au XIX<sup>e</sup> si\u00e8cle, M<sup>me</sup> Costa.</p>",
     "Le 1er mai, au XIXe si\u00e8cle, Mme Costa."),
    # pandoc's notes: the reference a link holding a superscript, the notes a list whose
    # numbers the page draws, each written with its mark; the link back is no text.
    ('<p>Of the POUM.<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref">'
     "<sup>1</sup></a> Then.</p>"
     '<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes">'
     '<hr /><ol><li id="fn1"><p>Founded 1935.<a href="#fnref1" class="footnote-back" '
     'role="doc-backlink">\u21a9\ufe0e</a></p></li></ol></section>',
     "Of the POUM.\u00b9 Then.\n\n\u00b9 Founded 1935."),
    # Python-Markdown, Wikipedia, an e-book's note reference and its note, a mark.
    ('<p>One.<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">a</a></sup> Two.'
     '<sup class="reference"><a href="#cite_note-2">[2]</a></sup> Three'
     '<a epub:type="noteref" href="#n3">3</a>. Four.<sup>*</sup></p>'
     '<aside epub:type="footnote" id="n3"><p>An e-book\u2019s note.</p></aside>',
     "One.\u1d43 Two.\u00b2 Three\u00b3. Four.*\n\n\u00b3 An e-book\u2019s note."),
])
def test_raised_text_of_a_page_is_a_note_reference_only_where_it_refers_to_a_note(page,
                                                                                  expected):
    assert decode_bytes(f"<!doctype html><html><body>{page}</body></html>".encode(),
                        "a.html")[0] == expected


def test_a_pages_banner_and_footer_are_the_sites_but_an_articles_are_its_text():
    page = ("<!doctype html><html><body>"
            "<header><a href='/'>marxists.org</a></header>"
            "<div role='banner'>Internet Archive</div>"
            "<header><h1>Letter to Andres Nin</h1></header>"  # the banner holds the title
            "<main><article><header>By Victor Serge</header><p>My Dear Andres,</p>"
            "<footer>Translated by Mitch Abidor.</footer></article></main>"
            "<footer>CopyLeft marxists.org 2005</footer>"
            "<div role='contentinfo'>Contact us</div></body></html>")
    assert decode_bytes(page.encode(), "a.html")[0] == (
        "Letter to Andres Nin\n\nBy Victor Serge\n\nMy Dear Andres,\n\n"
        "Translated by Mitch Abidor.")
    # A page's header of text, no heading, no links: a book's page, its text.
    chapter = ("<!doctype html><html><body><header><p>Chapter One</p></header>"
               "<header><span>Site</span><nav><a href='/'>Home</a></nav></header>"
               "<header><img alt='ACME'><span>ACME Journal</span></header>"
               "<header><a href='/'><img alt=''></a> ACME Journal</header>"
               "<p>It was cold.</p></body></html>")
    assert decode_bytes(chapter.encode(), "c.html")[0] == "Chapter One\n\nIt was cold."


def test_markup_like_text_that_is_no_page_stays_text():
    for data, name in ((b"<p>Hello</p>\n", "notes.txt"), (b"<foo>Hello</foo>\n", "a.html"),
                       (b"a <p> b\n", "a.html")):
        assert decode_bytes(data, name) == (data.decode(), "utf-8", [])


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


def _repacked(data: bytes, tmp_path: Path, *, compress: bool, mimetype_last: bool,
              mimetype: bool = True) -> bytes:
    """The package `data` zipped again: its ``mimetype`` entry deflated, or last, or left out."""
    path = tmp_path / "repacked.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        entries = [(i.filename, source.read(i)) for i in source.infolist()]
        if mimetype_last:
            entries.sort(key=lambda entry: entry[0] == "mimetype")
        for entry, content in entries:
            if entry != "mimetype" or mimetype:
                target.writestr(entry, content, compress_type=zipfile.ZIP_DEFLATED
                                if compress else zipfile.ZIP_STORED)
    return path.read_bytes()


@pytest.mark.parametrize("compress, mimetype_last", [(True, False), (False, True), (True, True)])
def test_packages_whose_mimetype_is_compressed_or_not_first_are_read(tmp_path, compress,
                                                                      mimetype_last):
    # The standards want "mimetype" first and stored; not every program writes it so.
    epub = _repacked(_epub(tmp_path), tmp_path, compress=compress, mimetype_last=mimetype_last)
    assert decode_bytes(epub, "roman.x")[:2] == (
        "Chapitre I\n\nIl partit.\n\nChapitre II\n\nIl revint.", "epub")
    odt = _repacked(zip_bytes(tmp_path, {"mimetype": "application/vnd.oasis.opendocument.text",
                                         "content.xml": ODT_CONTENT}),
                    tmp_path, compress=compress, mimetype_last=mimetype_last)
    assert decode_bytes(odt, "lettre.x")[1] == "odt"


def test_packages_without_mimetype_or_damaged_are_told_by_their_name(tmp_path):
    epub = _repacked(_epub(tmp_path), tmp_path, compress=True, mimetype_last=False,
                     mimetype=False)
    assert decode_bytes(epub, "roman.epub")[1] == "epub"
    with pytest.raises(InputError, match="is a zip archive"):
        decode_bytes(epub, "roman.zip")
    for name, kind in (("a.epub", "an EPUB e-book"), ("a.odt", "an OpenDocument text (ODT)"),
                       ("a.docx", "a Word document (DOCX)")):
        with pytest.raises(InputError, match=f"^{name} looks like {re.escape(kind)} but"):
            decode_bytes(b"PK\x03\x04garbage", name)


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
    # follows the body, marked where the text refers to it, raised as the page shows it.
    assert text == ("Lettre à Andrés Nin\n\n"
                    "Mon cher Andrés,  voici¹ la lettre.\n\n"
                    "Première ligne\nseconde\tligne\n\n"
                    "Il est parti.\n\n"
                    "un\n\nA1\n\nB1\n\n"
                    "¹ Une note.")


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
        "Mon cher Andrés,¹\n\n"  # raised, as Word shows it: no number of the sentence
        "les camarades du POUM.²\n\n"
        "Fin.\n\n"
        "¹ Andrés Nin.\n\n"  # numbered as the body refers to them, not by their ids
        "² Le POUM, parti ouvrier.\n\n"
        "Fondé en 1935."  # a note's second paragraph; the separators are not notes
    )
    assert read_document(plain).text == "Mon cher Andrés,\n\nles camarades du POUM.\n\nFin."


# -- what a Word document shows: moves, hidden text, symbols, generated indexes ------------

_WORD_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_text(tmp_path: Path, *blocks: str, styles: str = "") -> str:
    """The text read from a Word document whose body holds `blocks` (XML, in the ``w:``
    namespace) and whose styles part also holds `styles` (``w:style`` elements)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for block in blocks:
        body.insert(len(body) - 1, parse_xml(_with_namespaces(block, _WORD_NAMESPACE)))
    for style in re.findall(r"<w:style .*?</w:style>", styles, re.S):
        document.styles.element.append(parse_xml(_with_namespaces(style, _WORD_NAMESPACE)))
    path = tmp_path / "manual.docx"
    document.save(path)
    return read_document(path).text


def _p(*runs: str, properties: str = "") -> str:
    """A paragraph of runs (their XML) with paragraph `properties` (the inside of w:pPr)."""
    return f"<w:p><w:pPr>{properties}</w:pPr>{''.join(runs)}</w:p>"


def _r(text: str, properties: str = "") -> str:
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_a_tracked_move_is_read_where_it_went_not_where_it_was(tmp_path):
    """A move's origin (``w:moveFrom``) is a deletion; its destination (``w:moveTo``) is
    the text, as an insertion is."""
    mark = 'w:id="{}" w:author="R" w:date="2024-01-01T00:00:00Z"'
    assert word_text(
        tmp_path,
        # A sentence moved out of a paragraph, and the paragraph it went to.
        _p(_r("Open the project folder. "),
           f'<w:moveFromRangeStart {mark.format(1)} w:name="move1"/>'
           f'<w:moveFrom {mark.format(2)}>{_r("Make a backup copy first.")}</w:moveFrom>'
           '<w:moveFromRangeEnd w:id="1"/>'),
        _p(f'<w:moveToRangeStart {mark.format(3)} w:name="move1"/>'
           f'<w:moveTo {mark.format(4)}>{_r("Make a backup copy first. ")}</w:moveTo>'
           '<w:moveToRangeEnd w:id="3"/>', _r("Then run the setup program.")),
        # A whole paragraph moved away: its mark is moved too.
        _p(f'<w:moveFrom {mark.format(5)}>{_r("A paragraph moved elsewhere.")}</w:moveFrom>',
           properties=f"<w:rPr><w:moveFrom {mark.format(6)}/></w:rPr>"),
        # A deletion inside a move's destination is still a deletion.
        _p(f'<w:moveTo {mark.format(7)}>{_r("Kept ")}<w:del {mark.format(8)}><w:r>'
           '<w:delText>deleted </w:delText></w:r></w:del>' + _r("text.") + "</w:moveTo>"),
    ) == ("Open the project folder.\n\n"
          "Make a backup copy first. Then run the setup program.\n\n"
          "Kept text.")


def test_hidden_text_of_a_word_document_is_not_read(tmp_path):
    """Text formatted hidden (``w:vanish``) on its run, through its character or paragraph
    style, or on a whole paragraph, is not shown, so not read; ``w:vanish w:val="0"``
    shows it again."""
    styles = ('<w:style w:type="character" w:styleId="Note"><w:name w:val="Writer note"/>'
              "<w:rPr><w:vanish/></w:rPr></w:style>"
              '<w:style w:type="character" w:styleId="NoteChild"><w:name w:val="Child"/>'
              '<w:basedOn w:val="Note"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Hidden"><w:name w:val="Hidden para"/>'
              "<w:rPr><w:vanish/></w:rPr></w:style>")
    assert word_text(
        tmp_path,
        _p(_r("Read it before you install the program.")),
        _p(_r("TODO: check this section again.", "<w:vanish/>")),
        _p(_r("Visible "), _r("[hidden note] ", '<w:rStyle w:val="Note"/>'),
           _r("[hidden too] ", '<w:rStyle w:val="NoteChild"/>'),
           _r("and shown ", '<w:rStyle w:val="Note"/><w:vanish w:val="0"/>'), _r("text.")),
        _p(_r("Internal remark."), properties='<w:pStyle w:val="Hidden"/>'),
        # A whole paragraph hidden, its mark too.
        _p(_r("A hidden paragraph.", "<w:vanish/>"), properties="<w:rPr><w:vanish/></w:rPr>"),
        # Its mark alone hidden: Word shows it run into the next paragraph (a "style
        # separator" puts a heading and its paragraph on one line so).
        _p(_r("Note:"), properties="<w:rPr><w:vanish/></w:rPr>"),
        _p(_r(" the end.")),
        styles=styles,
    ) == ("Read it before you install the program.\n\nVisible and shown text.\n\n"
          "Note: the end.")


def test_a_symbol_character_is_read_as_the_character_it_shows(tmp_path):
    """``w:sym`` (Insert > Symbol): Symbol and Wingdings arrows are read as arrows, a
    character of another font as its code point; one of a symbol font that cannot be
    told (Word writes them at U+F0xx, whatever the glyph) as a space, so that the words
    around it stay apart."""
    def sym(font: str, char: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'

    assert word_text(
        tmp_path,
        _p(_r("Choose File "), sym("Symbol", "F0AE"), _r(" Export.")),
        _p(_r("Choose File"), sym("Wingdings", "F0E0"), _r("Export.")),
        _p(_r("Then"), sym("Wingdings", "F0E8"), _r("Save "), sym("Wingdings", "F0FC"), _r(".")),
        _p(_r("Angle "), sym("Symbol", "F061"), _r(" and "), sym("Symbol", "F0B3"), _r(" 2.")),
        _p(_r("A"), sym("Arial", "2192"), _r("B and C"), sym("Webdings", "F0FE"), _r("D.")),
    ) == ("Choose File → Export.\n\nChoose File→Export.\n\nThen→Save ✓.\n\n"
          "Angle α and ≥ 2.\n\nA→B and C D.")


_TOC_FIELD = (
    # The field opens in the first entry's paragraph and closes in the last one's; its
    # entries are hyperlinks holding PAGEREF fields of their own.
    _p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
       ' TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
       '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
       '<w:hyperlink w:anchor="_Toc1">' + _r("Getting started") + "<w:r><w:tab/></w:r>"
       '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
       ' PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
       '</w:r>' + _r("3") + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>',
       properties='<w:pStyle w:val="TOC1"/>'),
    _p(_r("Scripting"), "<w:r><w:tab/></w:r>", _r("5"),
       '<w:r><w:fldChar w:fldCharType="end"/></w:r>', properties='<w:pStyle w:val="TOC1"/>'),
)


def test_a_word_table_of_contents_and_page_numbers_are_not_read(tmp_path):
    """A table of contents is generated (its page numbers differ between languages): its
    field's result is left out, in a content control of the gallery "Table of Contents"
    with its title too; so are the results of PAGE, NUMPAGES and PAGEREF fields, not the
    text around them, nor the results of other fields."""
    toc_control = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>'
        + _p(_r("Contents"), properties='<w:pStyle w:val="TOCHeading"/>')
        + '<w:p><w:fldSimple w:instr=" TOC \\o &quot;1-3&quot; ">'
        + _r("Scripting\t5") + "</w:fldSimple></w:p></w:sdtContent></w:sdt>")
    assert word_text(
        tmp_path,
        _p(_r("Contents")), *_TOC_FIELD, toc_control,
        _p(_r("Getting started")),
        _p(_r("See page "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
           "PAGEREF _Ref1 \\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/>"
           "</w:r>", _r("12"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
           _r(" for details.")),
        _p(_r("Page "), '<w:fldSimple w:instr=" PAGE ">' + _r("4") + "</w:fldSimple>",
           _r(" of "), '<w:fldSimple w:instr="NUMPAGES \\* MERGEFORMAT">' + _r("9")
           + "</w:fldSimple>", _r(".")),
        # Other fields show their result: a cross-reference's text, a date.
        _p(_r("As "), '<w:fldSimple w:instr=" REF _Ref2 \\h ">' + _r("Table 2")
           + "</w:fldSimple>", _r(" shows.")),
    ) == ("Contents\n\nGetting started\n\nSee page  for details.\n\nPage  of .\n\n"
          "As Table 2 shows.")


def test_a_field_that_is_not_closed_hides_nothing(tmp_path):
    """A damaged document whose TOC field never ends keeps its text (the entries too),
    rather than losing everything after the field."""
    unstyled = _TOC_FIELD[0].replace('<w:pStyle w:val="TOC1"/>', "")
    assert word_text(tmp_path, unstyled, _p(_r("The first chapter."))) == (
        "Getting started\t3\n\nThe first chapter.")


_ODT_INDEXES = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:text>
<text:table-of-content text:name="TOC1"><text:table-of-content-source text:outline-level="2">
<text:index-title-template>Table of Contents</text:index-title-template>
</text:table-of-content-source><text:index-body><text:index-title text:name="t">
<text:p>Table of Contents</text:p></text:index-title>
<text:p text:style-name="Contents_20_1">Installation<text:tab/>2</text:p>
<text:p text:style-name="Contents_20_1">Configuration<text:tab/>4</text:p>
</text:index-body></text:table-of-content>
<text:h text:outline-level="1">Installation</text:h>
<text:p>See page <text:bookmark-ref text:reference-format="page"
 text:ref-name="b1">4</text:bookmark-ref> and <text:bookmark-ref
 text:reference-format="text" text:ref-name="b1">Configuration</text:bookmark-ref>.</text:p>
<text:p>Page <text:page-number text:select-page="current">1</text:page-number> of
 <text:page-count>9</text:page-count>.</text:p>
<text:illustration-index text:name="I1"><text:index-body><text:p>Figure 1<text:tab/>3</text:p>
</text:index-body></text:illustration-index>
<text:alphabetical-index text:name="A1"><text:index-body><text:p>backup, 2</text:p>
</text:index-body></text:alphabetical-index>
</office:text></office:body></office:document-content>
"""


def test_an_opendocument_texts_indexes_and_page_numbers_are_not_read(tmp_path):
    """A table of contents and the other generated indexes are left out, as an EPUB's
    navigation document is, and so are page numbers and page references (they differ
    between languages); the text around them stays."""
    data = zip_bytes(tmp_path, {"mimetype": "application/vnd.oasis.opendocument.text",
                                "content.xml": _ODT_INDEXES})
    assert decode_bytes(data, "guide.odt")[0] == (
        "Installation\n\nSee page  and Configuration.\n\nPage  of .")


# -- files of aligned pairs given as a text ----------------------------------------------

_TMX = (b"<?xml version='1.0' encoding='utf-8'?>\n<tmx version=\"1.4\"><header srclang=\"fr\"/>"
        b"<body><tu><tuv xml:lang=\"fr\"><seg>Le chat dort.</seg></tuv><tuv xml:lang=\"en\">"
        b"<seg>The cat sleeps.</seg></tuv></tu></body></tmx>\n")
_XLIFF = (b'<?xml version="1.0"?>\n<!-- exported -->\n<xliff version="1.2" '
          b'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" '
          b'target-language="en"><body><trans-unit id="1"><source>Le chat dort.</source>'
          b"<target>The cat sleeps.</target></trans-unit></body></file></xliff>\n")
_PO = (b'# French\nmsgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
       b'msgid "The cat sleeps."\nmsgstr "Le chat dort."\n')


def _xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Le chat dort.", "The cat sleeps."])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("out.tmx", _TMX, "TMX"),
    ("strings.xlf", _XLIFF, "XLIFF"),
    ("strings.xml", _XLIFF, "XLIFF"),
    ("fr.po", _PO, "PO"),
    ("review.xlsx", None, "XLSX"),
    ("pairs.tsv", b"Le chat dort.\tThe cat sleeps.\nIl pleut.\tIt rains.\n", "TSV"),
    ("out.tsv", b"Un.\tOne.\t0.9\t0.1\t\nDeux.\t\t0.000\t1.000\tomission\n", "TSV"),
])
def test_a_file_of_aligned_pairs_is_refused_as_a_text(tmp_path, name, data, kind):
    path = write(tmp_path, name, _xlsx() if data is None else data)
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = str(caught.value)
    assert f"is a file of aligned pairs ({kind})" in message
    assert f"align check --pairs {path}" in message and "\n" not in message


@pytest.mark.parametrize("text", [
    # A few tabs inside prose, a poem indented with tabs, a short table in a text.
    "Le chat dort.\tIl rêve.\n\nLa pluie tombe sur la ville depuis ce matin.\n\n"
    "Personne ne sort.\nLe soir vient.\nLa lampe s'allume.\n",
    "\tLe vent se lève,\n\til faut tenter de vivre.\n\tL'air immense ouvre et referme mon livre.\n",
    "Résultats :\nNom\tScore\nA\t1\nB\t2\n\nLe reste du rapport suit ici, en prose.\n"
    "Deuxième paragraphe.\nTroisième.\nQuatrième.\n",
    "Un texte sur gettext : msgid \"x\" puis msgstr \"y\" dans un fichier.\n",
    # Tabs a PDF or word processor leaves after each line, a poem indented by two, a play's
    # speakers: the name, not the tabs, makes a file of pairs (`pairs.txt` is a text too).
    "".join(f"Ligne {i} de prose copiée d'un PDF.\t\n" for i in range(8)),
    "".join(f"\t\tVers {i} du poème,\n" for i in range(8)),
    "".join(f"HAMLET\tÊtre ou ne pas être, {i}.\n" for i in range(8)),
    # Prose about the formats, which names their elements.
    "Wrap your units in an <xliff> element, or export a <tmx> file.\n",
    "<p>A page about <xliff> files.</p>\n",
])
def test_a_text_with_tabs_or_po_words_is_still_a_text(tmp_path, text):
    assert read_document(write(tmp_path, "a.txt", text.encode())).text == text
