"""Where each link of a file of pairs came from (`Link.origin`): the line of a TSV, CSV,
Moses or PO file, the row of a workbook, the unit of a TMX or XLIFF file; in the record
and beside the link's number in the report of ``align check``."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from align.checks.pairs import read_pairs
from align.checks.report import print_report, report_dict
from align.errors import RecordError
from align.record import Alignment, Finding, Link, Sentence, Side


def origins(record: Alignment) -> list[dict | None]:
    return [link.origin for link in record.links]


def test_tsv_links_carry_their_line_past_a_header_and_a_blank_line(tmp_path):
    path = tmp_path / "pairs.tsv"
    # line 1: header; 2: a pair; 3: blank (an empty link); 4: a pair; 5: blank at the end
    path.write_text("source\ttranslation\nBonjour.\tHello.\n\nMerci.\tThanks.\n\n", "utf-8")
    assert origins(read_pairs(path)) == [{"line": 2}, {"line": 3}, {"line": 4}]


def test_tsv_without_header_counts_from_line_one_and_crlf_changes_nothing(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_bytes(b"A\tB\r\nC\tD\r\n")
    assert origins(read_pairs(path)) == [{"line": 1}, {"line": 2}]


def test_csv_link_is_the_line_its_row_begins_on(tmp_path):
    path = tmp_path / "pairs.csv"
    # line 1 header; lines 2-3 one row (a quoted line break); line 4 a row
    path.write_text('source,translation\n"Un,\ndeux",One two\nTrois,Three\n', "utf-8")
    record = read_pairs(path)
    assert [s.text for s in record.translation.sentences] == ["One two", "Three"]
    assert origins(record) == [{"line": 2}, {"line": 4}]


def test_moses_pair_link_k_is_line_k(tmp_path):
    (tmp_path / "book.src.txt").write_text("Un.\n\nTrois.\n", "utf-8")
    (tmp_path / "book.tgt.txt").write_text("One.\nTwo.\nThree.\n", "utf-8")
    record = read_pairs(tmp_path / "book.tgt.txt")
    assert origins(record) == [{"line": 1}, {"line": 2}, {"line": 3}]


def test_xlsx_link_carries_its_row_in_the_first_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["id", "source", "translation"])      # row 1: heading
    sheet.append(["a", "Bonjour.", "Hello."])           # row 2
    sheet.append([None, None, None])                    # row 3: empty, kept
    sheet.append(["b", "Merci.", "Thanks."])            # row 4
    path = tmp_path / "review.xlsx"
    book.save(path)
    assert origins(read_pairs(path)) == [{"row": 2}, {"row": 3}, {"row": 4}]
    headless = Workbook()
    headless.active.append(["Bonjour.", "Hello."])      # row 1: a pair
    headless.save(path)
    assert origins(read_pairs(path)) == [{"row": 1}]


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr"/><body>
<tu tuid="lonely"><tuv xml:lang="fr"><seg>Seul.</seg></tuv></tu>
<tu tuid="greeting"><tuv xml:lang="fr"><seg>Bonjour.</seg></tuv>
  <tuv xml:lang="en"><seg>Hello.</seg></tuv></tu>
<tu><tuv xml:lang="fr"><seg>Merci.</seg></tuv><tuv xml:lang="en"><seg>Thanks.</seg></tuv></tu>
</body></tmx>"""


def test_tmx_link_carries_its_unit_number_among_all_units_and_its_tuid(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, "utf-8")
    # The first <tu> has one variant and gives no link; the numbers still count it.
    assert origins(read_pairs(path)) == [{"tu": 2, "tuid": "greeting"}, {"tu": 3}]


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="fr" target-language="en" datatype="plaintext" original="ui">
  <body>
   <trans-unit id="skip" translate="no"><source>Non.</source><target>No.</target></trans-unit>
   <group id="menu">
    <trans-unit id="menu.save"><source>Enregistrer</source><target>Save</target></trans-unit>
   </group>
   <trans-unit id="intro">
    <source>Un. Deux.</source>
    <seg-source><mrk mtype="seg" mid="1">Un.</mrk> <mrk mtype="seg" mid="2">Deux.</mrk></seg-source>
    <target><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two.</mrk></target>
   </trans-unit>
   <trans-unit><source>Sans id.</source><target>No id.</target></trans-unit>
  </body>
 </file>
</xliff>"""

XLIFF_2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en">
 <file id="f1">
  <unit id="title"><segment><source>Titre</source><target>Title</target></segment></unit>
  <unit id="body">
   <segment id="s1"><source>Un.</source><target>One.</target></segment>
   <segment><source>Deux.</source><target>Two.</target></segment>
  </unit>
 </file>
</xliff>"""


def test_xliff_link_carries_its_unit_number_id_and_segment(tmp_path):
    path = tmp_path / "ui.xlf"
    path.write_text(XLIFF, "utf-8")
    # Unit 1 is not to be translated (no link) but is the file's first unit.
    assert origins(read_pairs(path)) == [
        {"unit": 2, "id": "menu.save"},
        {"unit": 3, "id": "intro", "segment": 1},
        {"unit": 3, "id": "intro", "segment": 2},
        {"unit": 4},
    ]
    path.write_text(XLIFF_2, "utf-8")
    assert origins(read_pairs(path)) == [
        {"unit": 1, "id": "title"},
        {"unit": 2, "id": "body", "segment": 1},
        {"unit": 2, "id": "body", "segment": 2},
    ]


PO = """# A catalogue.
msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"

#: main.c:10
msgid "Open"
msgstr "Ouvrir"

msgctxt "menu"
msgid "Close"
msgstr "Fermer"

#~ msgid "Old"
#~ msgstr "Vieux"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "Un fichier"
msgstr[1] "%d fichiers"
"""


def test_po_link_carries_the_line_its_entry_begins_on(tmp_path):
    path = tmp_path / "fr.po"
    path.write_text(PO, "utf-8")
    record = read_pairs(path)
    # "Open" begins at its reference comment, line 7; "Close" at its msgctxt, line 11;
    # the plural entry at line 18, for both of its forms.
    assert origins(record) == [{"line": 7}, {"line": 11}, {"line": 18}, {"line": 18}]
    assert [l.key for l in record.links] == ["main.c:10", "menu", "One file[0]",
                                             "One file[1]"]


def test_origin_is_written_to_the_record_and_read_back(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, "utf-8")
    data = json.loads(json.dumps(read_pairs(path).to_dict()))
    assert [l["origin"] for l in data["links"]] == [{"tu": 2, "tuid": "greeting"}, {"tu": 3}]
    assert origins(Alignment.from_dict(data)) == [{"tu": 2, "tuid": "greeting"}, {"tu": 3}]


def plain_record() -> Alignment:
    source = Side([Sentence("Bonjour.", 0, 8, 0)], name="a.fr", path="a.fr", language="fr")
    translation = Side([Sentence("Hello.", 0, 6, 0)], name="a.en", path="a.en", language="en")
    return Alignment(source, translation, [Link([0], [0], 0.9)])


def test_a_record_of_two_texts_has_no_origin_key():
    data = plain_record().to_dict()
    assert "origin" not in data["links"][0]
    assert Alignment.from_dict(data).links[0].origin is None


@pytest.mark.parametrize("origin", ["line 3", {"line": "3"}, {"line": -1}, {"line": True},
                                    {"tuid": 7}])
def test_an_origin_edited_into_something_else_is_refused(origin):
    data = plain_record().to_dict()
    data["links"][0]["origin"] = origin
    with pytest.raises(RecordError, match="link 1: its origin"):
        Alignment.from_dict(data)


def reported(record: Alignment) -> str:
    console = Console(record=True, width=300)
    print_report(record, console)
    return console.export_text()


def with_finding(record: Alignment, index: int) -> Alignment:
    record.links[index].findings.append(Finding("rule", "major", "a rule of the project"))
    return record


def test_the_report_names_the_line_beside_the_link_number(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("source\ttranslation\nBonjour.\tHello.\n\nMerci.\tThanks.\n", "utf-8")
    text = reported(with_finding(read_pairs(path), 2))
    assert "MAJOR rule · link 3, line 4 (1-1, divergence –): a rule of the project" in text


def test_the_report_names_the_unit_and_the_key_once(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, "utf-8")
    record = with_finding(with_finding(read_pairs(path), 0), 1)
    text = reported(record)
    # The tuid is the link's key, named after it as before: not twice.
    assert "· link 1, tu 2 · greeting (1-1" in text
    assert "· link 2, tu 3 (1-1" in text
    path = tmp_path / "ui.xlf"
    path.write_text(XLIFF, "utf-8")
    text = reported(with_finding(read_pairs(path), 2))
    assert "· link 3, unit 3, segment 2 · intro#2 (1-1" in text


def test_the_report_of_two_texts_is_unchanged():
    text = reported(with_finding(plain_record(), 0))
    assert "MAJOR rule · link 1 (1-1, divergence –): a rule of the project" in text


def test_report_dict_gives_the_origin_where_there_is_one(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("A\tB\nC\tD\n", "utf-8")
    findings = report_dict(with_finding(read_pairs(path), 1))["findings"]
    assert [(f["link"], f["origin"]) for f in findings] == [(1, {"line": 2})]
    assert "origin" not in report_dict(with_finding(plain_record(), 0))["findings"][0]


def test_check_pairs_reports_the_line_and_records_the_origin(tmp_path, default_encoder):
    from typer.testing import CliRunner

    from align.cli import app

    pairs, rules, out = tmp_path / "ui.tsv", tmp_path / "rules.tsv", tmp_path / "out.json"
    # line 1 heads the columns, line 3 is blank: the third link is line 4.
    pairs.write_text("source\ttranslation\nOuvrir\tOpen\n\nSe déconnecter\tLog out\n", "utf-8")
    rules.write_text("(?i)déconnecter\t(?i)sign out\tuse the style guide's term\tmajor\n",
                     "utf-8")
    result = CliRunner().invoke(app, ["check", "--pairs", str(pairs), "--rules", str(rules),
                                      "--ignore", "meaning-shift,untranslated", "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "MAJOR rule · link 3, line 4 (" in result.output
    links = json.loads(out.read_text("utf-8"))["links"]
    assert [link["origin"] for link in links] == [{"line": 2}, {"line": 3}, {"line": 4}]


def test_a_pair_too_long_for_the_model_is_warned_of_with_its_line(tmp_path, default_encoder):
    """A header makes pair 2 line 3: the warning says both, as the report's findings do."""
    from typer.testing import CliRunner

    from align.cli import app

    long_source = " ".join(["Le chat dort sur le canapé de la maison."] * 80)
    long_translation = " ".join(["The cat sleeps on the sofa of the house."] * 80)
    path = tmp_path / "pairs.tsv"
    path.write_text("source\ttranslation\nBonjour.\tHello.\n"
                    f"{long_source}\t{long_translation}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--pairs", str(path), "--fail-on", "critical"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "pair 2 (line 3, source and translation) longer than the model's" in said
