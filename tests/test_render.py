"""Renderers: each format carries every link faithfully and survives hostile text."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rich.console import Console

from align.errors import UsageError
from align.record import Alignment, Finding, Link, Sentence, Side, Span
from align.render import KNOWN_EXTENSIONS, json_record, moses, renderer_for, tmx, tsv
from align.render.terminal import GAP_MARKER, print_alignment, shortened

HOSTILE_FR = "Élodie écrit <script>&\"'</script>\x07 ici\u202e."
HOSTILE_EN = "Élodie writes <script>&\"'</script>\x07 here."


def make_side(paragraphs: list[list[str]], name: str, language: str | None) -> Side:
    """A side whose sentences are spans of paragraphs joined by blank lines."""
    sentences, offset = [], 0
    for number, paragraph in enumerate(paragraphs):
        for text in paragraph:
            sentences.append(Sentence(text, offset, offset + len(text), number))
            offset += len(text) + 1
        offset += 1
    return Side(sentences, name=name, language=language, paragraphs=len(paragraphs))


def make_alignment(source_language: str | None = "fr", translation_language: str | None = "en"):
    source = make_side(
        [
            ["Le chat dort.", "Il rêve\td'une souris."],
            [HOSTILE_FR, "Une phrase sans traduction.", "Fin [red]."],
        ],
        "conte.fr.txt",
        source_language,
    )
    translation = make_side(
        [
            ["The cat sleeps.", "It dreams", "of a mouse."],
            [HOSTILE_EN, "An added sentence.", "End [red]."],
        ],
        "tale.en.txt",
        translation_language,
    )
    omitted = source.sentences[3]
    here = translation.sentences[3].start + HOSTILE_EN.index("here")
    links = [
        Link([0], [0], 0.91234, 0.05),
        Link([1], [1, 2], 0.8),
        Link(
            [2],
            [3],
            0.66,
            0.4,
            [
                Finding(
                    "wording",
                    "minor",
                    "'ici' rendered loosely",
                    [Span("translation", here, here + 4, "here")],
                )
            ],
        ),
        Link(
            [3],
            [],
            0.0,
            1.0,
            [
                Finding(
                    "omission",
                    "major",
                    "not translated",
                    [Span("source", omitted.start, omitted.end, omitted.text)],
                )
            ],
        ),
        Link([], [4], 0.0, 1.0),
        Link([4], [5], 0.97),
    ]
    return Alignment(
        source,
        translation,
        links,
        signature={"version": "0.1.0", "model": {"id": "test-model"}},
        timings={"align": 0.5},
        warnings=["a warning"],
        created="2024-05-01T12:30:00+02:00",
    )


def test_json_round_trips_and_keeps_non_ascii_readable():
    alignment = make_alignment()
    [(path, data)] = json_record.render(alignment, Path("out.json")).items()
    assert path == Path("out.json")
    text = data.decode("utf-8")
    assert "Élodie" in text and "\\u00c9" not in text
    assert Alignment.from_dict(json.loads(text)) == alignment


def test_json_of_a_checked_record_opens_with_the_summary_and_reads_back_without_it():
    from dataclasses import replace

    alignment = make_alignment()
    [unchecked] = json_record.render(replace(alignment, links=[
        replace(l, divergence=None, findings=[]) for l in alignment.links]),
        Path("a.json")).values()
    assert "summary" not in json.loads(unchecked)  # nothing was checked: nothing to sum up
    [data] = json_record.render(alignment, Path("out.json")).values()
    record = json.loads(data)
    assert list(record)[:3] == ["format", "format_version", "summary"]
    findings = [f for l in alignment.links for f in l.findings]
    assert record["summary"]["findings"] == len(findings)
    assert Alignment.from_dict(record) == alignment


def test_json_puts_each_sentence_link_and_neighbourhood_row_on_one_line():
    alignment = make_alignment()
    alignment.neighbourhood = [[[0, 0.9], [1, 0.25]] for _ in alignment.source.sentences]
    [data] = json_record.render(alignment, Path("out.json")).values()
    lines = data.decode("utf-8").splitlines()
    rows = (
        len(alignment.source.sentences)
        + len(alignment.translation.sentences)
        + len(alignment.links)
        + len(alignment.neighbourhood)
    )
    assert len(lines) < rows + 50  # a constant head: format, summary, signature, timings
    first_link = json.dumps(alignment.to_dict()["links"][0])
    assert first_link + "," in [line.strip() for line in lines]
    assert Alignment.from_dict(json.loads(data)) == alignment


def test_tsv_has_one_line_of_five_fields_per_link():
    alignment = make_alignment()
    [data] = tsv.render(alignment, Path("out.tsv")).values()
    lines = data.decode("utf-8").split("\n")
    assert lines[-1] == ""  # ends with a newline
    rows = [line.split("\t") for line in lines[:-1]]
    assert len(rows) == len(alignment.links)
    assert all(len(row) == 5 for row in rows)
    assert rows[0] == ["Le chat dort.", "The cat sleeps.", "0.912", "0.050", ""]
    # The tab inside the sentence became a space; the 1-2 link's sentences are joined by one.
    assert rows[1][:4] == ["Il rêve d'une souris.", "It dreams of a mouse.", "0.800", ""]
    # The control character (BEL) is dropped, as in the TMX.
    assert rows[2][0] == HOSTILE_FR.replace("\x07", "") and rows[2][4] == "wording"
    assert rows[3][:2] == ["Une phrase sans traduction.", ""] and rows[3][4] == "omission"
    assert rows[4][:2] == ["", "An added sentence."]


def test_tmx_parses_with_one_unit_per_two_sided_link():
    alignment = make_alignment()
    [data] = tmx.render(alignment, Path("out.tmx")).values()
    assert b"\x07" not in data
    assert b"&lt;script&gt;&amp;" in data
    root = ET.fromstring(data)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "o-tmf", "adminlang"):
        assert header.get(attribute)
    assert header.get("segtype") == "sentence"
    assert header.get("datatype") == "plaintext"
    assert header.get("srclang") == "fr"
    assert header.get("creationdate") == "20240501T103000Z"

    units = root.findall("body/tu")
    two_sided = [link for link in alignment.links if link.source and link.translation]
    assert len(units) == len(two_sided) == 4
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for unit in units:
        assert [tuv.get(lang) for tuv in unit.findall("tuv")] == ["fr", "en"]
    segments = [[seg.text for seg in unit.iter("seg")] for unit in units]
    assert segments[1] == ["Il rêve d'une souris.", "It dreams of a mouse."]
    assert segments[2] == [HOSTILE_FR.replace("\x07", ""), HOSTILE_EN.replace("\x07", "")]
    props = {prop.get("type"): prop.text for prop in units[2].findall("prop")}
    assert props == {"x-align-score": "0.660", "x-align-link": "1-1", "x-align-divergence": "0.400",
                     "x-align-findings": "wording:minor"}
    # A unit without findings carries no findings prop.
    assert "x-align-findings" not in {prop.get("type") for prop in units[0].findall("prop")}


def test_tmx_names_a_units_findings_worst_first_each_once():
    alignment = make_alignment()
    link = alignment.links[2]
    link.findings = [Finding("omission", "info", "a word"),
                     Finding("untranslated", "major", "identical to the source"),
                     Finding("omission", "info", "another word"),
                     Finding("number", "major", "12 is 21")]
    [data] = tmx.render(alignment, Path("out.tmx")).values()
    unit = ET.fromstring(data).findall("body/tu")[2]
    props = {prop.get("type"): prop.text for prop in unit.findall("prop")}
    assert props["x-align-findings"] == "number:major untranslated:major omission:info"


def test_tmx_tags_an_unknown_language_as_undetermined():
    alignment = make_alignment(source_language=None)
    [data] = tmx.render(alignment, Path("out.tmx")).values()
    root = ET.fromstring(data)
    assert root.find("header").get("srclang") == "und"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.find("body/tu/tuv").get(lang) == "und"


@pytest.mark.parametrize("given", ["pair.src.txt", "pair.tgt.txt"])
def test_moses_writes_two_files_of_equal_line_count(given):
    alignment = make_alignment()
    files = moses.render(alignment, Path("out") / given)
    assert list(files) == [Path("out/pair.src.txt"), Path("out/pair.tgt.txt")]
    source, translation = (data.decode("utf-8").split("\n") for data in files.values())
    assert source[-1] == translation[-1] == ""
    assert len(source) - 1 == len(translation) - 1 == len(alignment.links)
    assert source[1] == "Il rêve d'une souris." and translation[1] == "It dreams of a mouse."
    assert translation[3] == "" and source[4] == ""


def test_chinese_and_japanese_sentences_of_a_link_are_joined_without_a_space():
    """Chinese and Japanese write no space between sentences: "猫在睡觉。 它很累。" read
    wrong in every line-based format; a space stays wherever either side is spaced."""
    pairs = [
        (["猫在睡觉。", "它很累。"], ["The cat sleeps.", "It is tired."]),
        (["ねこが寝ている。", "「かわいい！」"], ["他说：“好。”", "“走吧。”"]),
        (["猫在睡觉。", "It is tired."], ["He said no.", "他很累。"]),
        (["猫在睡", "觉，它很累"], ["고양이가 잔다.", "피곤하다."]),
        (["他走了……", "她哭了。"], ["He left…", "She cried."]),
        # A line break inside a sentence (a text wrapped mid-sentence) is no space either.
        (["猫在\n睡觉。"], ["The cat\nsleeps."]),
    ]
    source = make_side([[text for s, _ in pairs for text in s]], "zh.txt", "zh")
    translation = make_side([[text for _, t in pairs for text in t]], "en.txt", "en")
    links, k = [], 0
    for s, t in pairs:
        links.append(Link(list(range(k, k + len(s))), list(range(k, k + len(t))), 0.9))
        k += len(s)
    alignment = Alignment(source, translation, links)
    expected = [
        ("猫在睡觉。它很累。", "The cat sleeps. It is tired."),
        ("ねこが寝ている。「かわいい！」", "他说：“好。”“走吧。”"),
        ("猫在睡觉。 It is tired.", "He said no. 他很累。"),
        ("猫在睡觉，它很累", "고양이가 잔다. 피곤하다."),
        ("他走了……她哭了。", "He left… She cried."),
        ("猫在睡觉。", "The cat sleeps."),
    ]
    [data] = tsv.render(alignment, Path("out.tsv")).values()
    assert [tuple(line.split("\t")[:2]) for line in data.decode().splitlines()] == expected
    files = list(moses.render(alignment, Path("out.src.txt")).values())
    assert list(zip(*(f.decode().splitlines() for f in files), strict=True)) == expected
    [data] = tmx.render(alignment, Path("out.tmx")).values()
    assert [tuple(seg.text for seg in unit.iter("seg"))
            for unit in ET.fromstring(data).iter("tu")] == expected


def test_moses_keeps_the_case_of_the_ending():
    assert moses.output_files(Path("A.TGT.TXT")) == (Path("A.SRC.TXT"), Path("A.TGT.TXT"))
    # The file the user named is written under that very name; its sibling takes the same
    # case letter for letter.
    assert moses.output_files(Path("Y.Tgt.Txt")) == (Path("Y.Src.Txt"), Path("Y.Tgt.Txt"))
    assert moses.output_files(Path("Y.sRc.txt")) == (Path("Y.sRc.txt"), Path("Y.tGt.txt"))


def test_an_output_name_that_is_empty_or_only_an_ending_says_so():
    with pytest.raises(UsageError, match="an output name is empty"):
        renderer_for(Path(""))
    with pytest.raises(UsageError, match="'.json' is an ending without a name: give the file "
                                         "a name, e.g. letter.json"):
        renderer_for(Path(".json"))
    with pytest.raises(UsageError, match="'x/.SRC.TXT' is an ending without a name"):
        renderer_for(Path("x/.SRC.TXT"))


def test_renderer_is_chosen_by_extension():
    assert renderer_for(Path("x/Out.TSV")) is tsv
    assert renderer_for(Path("a.b.json")) is json_record
    assert renderer_for(Path("corpus.tgt.txt")) is moses


@pytest.mark.parametrize("name", ["out.txt", "out.docx", "out"])
def test_unknown_extension_is_a_usage_error_listing_the_known_ones(name):
    with pytest.raises(UsageError) as error:
        renderer_for(Path(name))
    assert ".json" in str(error.value) and ".src.txt" in str(error.value)


def test_each_renderer_answers_to_the_extensions_it_is_registered_for():
    for extension in KNOWN_EXTENSIONS:
        try:
            renderer = renderer_for(Path("out" + extension))
        except UsageError:
            continue  # a renderer not written yet
        assert extension in renderer.EXTENSIONS


def record_terminal(alignment: Alignment, **options) -> str:
    console = Console(record=True, width=80, file=io.StringIO(), force_terminal=True)
    print_alignment(alignment, console, **options)
    return console.export_text()


def test_terminal_shows_both_texts_gaps_and_findings():
    alignment = make_alignment()
    text = record_terminal(alignment)
    for expected in ("Le chat dort.", "The cat sleeps.", "Une phrase sans traduction."):
        assert expected in text
    assert "An added sentence." in text
    assert text.count(GAP_MARKER) == 2
    assert "omission" in text and "not translated" in text
    assert "test-model" in text and "conte.fr.txt" in text and "(fr)" in text
    # Text is shown as written, never read as markup.
    assert "Fin [red]." in text and "End [red]." in text


def test_terminal_names_each_findings_severity_as_the_report_does():
    # The header counts "1 major, 1 minor": each finding says which it is, in the report's
    # style (the severity in capitals, bold red for a major one).
    from align.checks.report import print_report

    alignment = make_alignment()
    text = piped(alignment, width=160)
    assert "MAJOR omission · not translated" in text
    assert "MINOR wording · 'ici' rendered loosely" in text

    def styles(show) -> set[str]:
        console = Console(record=True, width=160, file=io.StringIO(), force_terminal=True)
        show(console)
        return {str(s.style) for s in console._record_buffer if s.text in ("MAJOR", "MINOR")}

    view = styles(lambda console: print_alignment(alignment, console))
    assert view == {"bold red", "yellow"}
    assert view == styles(lambda console: print_report(alignment, console))


def test_terminal_neutralises_control_characters():
    text = record_terminal(make_alignment())
    assert "\x07" not in text and "\u202e" not in text
    assert text.count("\ufffd") == 3


def test_terminal_without_a_terminal_is_plain_text():
    output = io.StringIO()
    print_alignment(make_alignment(), Console(file=output, width=100))
    assert "\x1b" not in output.getvalue()
    assert "The cat sleeps." in output.getvalue()


def piped(alignment: Alignment, width: int = 60, **options) -> str:
    """The view as a pipe or a log receives it: not a terminal, `width` columns."""
    output = io.StringIO()
    print_alignment(alignment, Console(file=output, width=width), **options)
    return output.getvalue()


def test_piped_view_keeps_its_header_whole():
    lines = piped(make_alignment(), width=40).splitlines()
    # The header's two lines, the warning and the line under the table, each whole, however
    # narrow the output, so that grep finds them.
    assert lines[0] == "conte.fr.txt (fr), 5 sentences  ⟷  tale.en.txt (en), 6 sentences"
    assert lines[1] == ("model test-model · 6 links · 3 one-to-one · 1 merged · 2 unmatched · "
                        "2 findings (1 major, 1 minor)")
    assert lines[2] == "warning: a warning"
    assert lines[-1] == ("score: the link's similarity; div: its divergence, 0 = faithful, "
                         "1 = unrelated, from 0.5 on divergent")


def test_piped_view_pads_no_line_and_its_table_still_reads():
    text = piped(make_alignment(), width=40)
    lines = text.splitlines()
    assert not [line for line in lines if line != line.rstrip()]
    # The table still fits the width, its columns where they were.
    heading = next(k for k, line in enumerate(lines) if line.startswith("#"))
    table = lines[heading:-1]
    assert all(len(line) <= 40 for line in table)
    assert "1   Le chat       The cat           0.91\n    dort.         sleeps.       div 0.05\n" \
        in text
    assert "\n4   Une phrase    — nothing —       0.00\n" in text


def test_a_long_file_name_heads_its_column_shortened_not_broken():
    alignment = make_alignment()
    alignment.translation.name = "poe_the_purloined_letter.en.txt"
    alignment.source.name = "poe_la_lettre_volee.fr.txt"
    for width in (80, 60):
        lines = piped(alignment, width=width).splitlines()
        heading = next(k for k, line in enumerate(lines) if line.lstrip().startswith("#"))
        assert set(lines[heading + 1]) == {"─"}, lines[heading:heading + 2]
        names = lines[heading].split()[1:3]
        assert names[0].startswith("poe_l") and names[0].endswith(".fr.txt"), names
        assert names[1].startswith("poe_t") and names[1].endswith(".en.txt"), names
    # At 80 columns the shorter name fits whole, the longer loses only its middle.
    assert piped(alignment, width=80).count("poe_la_lettre_volee.fr.txt") == 2
    assert shortened("poe_the_purloined_letter.en.txt", 30) == "poe_the_purloin…_letter.en.txt"
    assert shortened("conte.fr.txt", 11) == "con….fr.txt"  # the endings tell the sides apart
    assert shortened("short.txt", 30) == "short.txt"
    assert [len(shortened("abcdef", n)) for n in (0, 1, 2, 5)] == [0, 1, 2, 5]


def test_counts_of_one_are_singular():
    from align.checks.report import print_report

    source = make_side([["Le chat dort."]], "a.fr.txt", "fr")
    translation = make_side([["The cat sleeps."]], "a.en.txt", "en")
    finding = Finding("wording", "minor", "loose", [])
    one = Alignment(source, translation, [Link([0], [0], 0.9, 0.1, [finding])])
    text = piped(one, width=100)
    assert "a.fr.txt (fr), 1 sentence  ⟷  a.en.txt (en), 1 sentence\n" in text
    assert "1 link · 1 one-to-one · 1 finding (1 minor)" in text
    assert "1 more link not shown" in record_terminal(make_alignment(), limit=5)
    output = io.StringIO()
    print_report(make_alignment(), Console(file=output, width=100), limit=1)
    assert output.getvalue().rstrip().endswith("… and 1 more finding")

    from align.render.base import counted

    assert [counted(n, "link") for n in (0, 1, 2)] == ["0 links", "1 link", "2 links"]
    assert counted(1, "passage", "passages") == "1 passage"

    from align.render.svg_map import render_svg

    # The map's description, which screen readers read on the page.
    svg = render_svg(Alignment(source, translation, [Link([0], [], 0.0), Link([], [0], 0.0)]))
    assert ("1 source sentence across, 1 translation sentence down, 2 links; 1 source passage "
            "without translation, 1 translation passage without source.") in svg


def test_terminal_can_show_only_findings_and_a_limited_number_of_rows():
    alignment = make_alignment()
    text = record_terminal(alignment, only_findings=True)
    assert "Une phrase sans traduction." in text
    assert "The cat sleeps." not in text
    text = record_terminal(alignment, limit=2)
    assert "It dreams" in text and "An added sentence." not in text
    assert "4 more links not shown" in text


def test_xlsx_has_a_row_per_link_a_row_per_finding_and_the_signature():
    import openpyxl

    from align.render import xlsx

    alignment = make_alignment()
    alignment.source.sentences[0].text = "=1+1 Le chat dort."  # must stay text
    [(path, data)] = xlsx.render(alignment, Path("out.xlsx")).items()
    assert path == Path("out.xlsx") and renderer_for(Path("A.XLSX")) is xlsx
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["alignment", "findings", "about"]
    rows = list(book["alignment"].iter_rows(values_only=True))
    assert rows[0][:3] == ("link", "source", "translation")
    assert len(rows) == len(alignment.links) + 1
    assert rows[1][:6] == (1, "=1+1 Le chat dort.", "The cat sleeps.", "1-1", 0.9123, 0.05)
    assert book["alignment"]["B2"].data_type == "s"  # not a formula
    assert rows[2][1:4] == ("Il rêve d'une souris.", "It dreams of a mouse.", "1-2")
    # A control character a spreadsheet cannot hold is shown as U+FFFD.
    assert rows[3][1] == HOSTILE_FR.replace("\x07", "\ufffd")
    assert rows[4][1:4] == ("Une phrase sans traduction.", None, "1-0")
    assert rows[4][6:] == ("major", "major omission: not translated")
    findings = list(book["findings"].iter_rows(values_only=True))
    assert [r[:3] for r in findings[1:]] == [(4, "major", "omission"), (3, "minor", "wording")]
    about = dict(book["about"].iter_rows(min_row=2, values_only=True))
    assert about["version"] == "0.1.0" and json.loads(about["model"]) == {"id": "test-model"}
    assert about["warning"] == "a warning" and about["created"] == alignment.created


@pytest.mark.parametrize("character", ["\ufffe", "\uffff", "\ud800", "\udfff", "\x01", "\x1f"])
def test_xlsx_shows_every_character_a_cell_cannot_hold_as_a_replacement(character):
    """Not only the C0 controls openpyxl knows: U+FFFE, U+FFFF and a lone surrogate are no
    XML either, and one of them failed the whole workbook (and every other output)."""
    import openpyxl

    from align.render import xlsx

    alignment = make_alignment()
    alignment.source.sentences[0].text = f"Le chat{character}dort."
    alignment.links[2].findings[0].reason = f"'ici'{character}rendered loosely"
    alignment.warnings = [f"a{character}warning"]
    [data] = xlsx.render(alignment, Path("out.xlsx")).values()
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book["alignment"]["B2"].value == "Le chat\ufffddort."
    assert book["findings"]["D3"].value == "'ici'\ufffdrendered loosely"
    about = dict(book["about"].iter_rows(min_row=2, values_only=True))
    assert about["warning"] == "a\ufffdwarning"


_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _pairs_record(pairs, origins, languages=("fr", "en")):
    from align.checks.pairs import Pair, pairs_alignment

    return pairs_alignment([Pair(s, t, origin=o) for (s, t), o in zip(pairs, origins,
                                                                        strict=True)],
                           name="ext.tmx", languages=languages)


def _segments(data: bytes) -> list[list[str]]:
    """Each unit's segments as XML, the ``<seg>`` tags left out."""
    root = ET.fromstring(data)
    return [[ET.tostring(seg, encoding="unicode").strip()[5:-6] for seg in unit.iter("seg")]
            for unit in root.findall("body/tu")]


def test_tmx_writes_the_inline_codes_of_a_tmx_or_xliff_back_as_inline_elements(tmp_path):
    record = _pairs_record(
        [("Cliquez sur <1>Enregistrer</1> pour <2/> fichiers.",
          "Click <1>Save</1> for <2/> files."),
         ("<1>Un <2>deux</2></1> <3>trois", "</4><1>One <2>two</2></1> <3>three"),
         ("Voir <pt1/> et <g7>ici</g7>.", "See <pt1/> and <g7>here</g7>.")],
        [{"tu": 1}, {"unit": 2, "id": "b"}, {"tu": 3}])
    [data] = tmx.render(record, Path("out.tmx")).values()
    units = _segments(data)
    assert units[0] == ['Cliquez sur <bpt i="1" x="1" />Enregistrer<ept i="1" /> pour '
                        '<ph x="2" /> fichiers.',
                        'Click <bpt i="1" x="1" />Save<ept i="1" /> for <ph x="2" /> files.']
    # Nested pairs stay nested; a code opened or closed alone is an isolated one.
    assert units[1][1] == ('<it pos="end" x="4" /><bpt i="1" x="1" />One <bpt i="2" x="2" />two'
                           '<ept i="2" /><ept i="1" /> <it pos="begin" x="3" />three')
    # TMX numbers its codes: an id that is no number gets one, the same on both sides.
    assert units[2] == ['Voir <ph x="1" /> et <bpt i="2" x="2" />ici<ept i="2" />.',
                        'See <ph x="1" /> and <bpt i="2" x="2" />here<ept i="2" />.']
    # Read back, the codes are what they were (ids that were numbers, as they were).
    from align.checks.pairs import read_pairs

    (tmp_path / "out.tmx").write_bytes(data)
    again = read_pairs(tmp_path / "out.tmx")
    assert [s.text for s in again.source.sentences][:1] == [record.source.sentences[0].text]
    assert again.translation.sentences[1].text == record.translation.sentences[1].text


def test_tmx_writes_angle_brackets_as_text_where_the_record_says_no_codes_were_read():
    # A plain text, a TSV or a PO file has no inline codes: "<b>" typed there is text.
    record = _pairs_record([("Tapez <b>x</b> et <1/>.", "Type <b>x</b> and <1/>.")],
                           [{"line": 1}])
    aligned = make_alignment()
    aligned.source.sentences[0].text = "Le <b>chat</b> dort."
    for alignment in (record, aligned):
        [data] = tmx.render(alignment, Path("out.tmx")).values()
        assert b"<bpt" not in data and b"<ph" not in data and b"&lt;b&gt;" in data


def test_tmx_says_what_it_left_out_and_a_language_it_does_not_know():
    alignment = make_alignment()
    assert tmx.written_summary(alignment) == ("2 one-sided links (1-0, 0-1) left out: TMX has "
                                              "no unit for them")
    assert tmx.written_warnings(alignment, Path("out.tmx")) == []
    alignment.links = [link for link in alignment.links if link.source and link.translation]
    assert tmx.written_summary(alignment) == ""
    unknown = make_alignment(source_language=None)
    assert tmx.written_warnings(unknown, Path("out.tmx")) == [
        'out.tmx: the source language is unknown and written as "und", which a CAT tool '
        "cannot use; give it with --source-lang CODE"]
    [both] = tmx.written_warnings(make_alignment(None, None), Path("out.tmx"))
    assert "the source and translation languages are unknown" in both
    assert "--source-lang CODE and --translation-lang CODE" in both


def test_the_line_based_formats_drop_the_control_characters_the_tmx_drops():
    alignment = make_alignment()
    alignment.translation.sentences[0].text = "The\x00 cat\x1b sleeps\ufffe."
    [tmx_data] = tmx.render(alignment, Path("out.tmx")).values()
    [tsv_data] = tsv.render(alignment, Path("out.tsv")).values()
    moses_files = moses.render(alignment, Path("out.src.txt"))
    rows = [line.split("\t") for line in tsv_data.decode("utf-8").splitlines()]
    source, translation = (data.decode("utf-8").split("\n") for data in moses_files.values())
    segments = [[seg.text for seg in unit.iter("seg")]
                for unit in ET.fromstring(tmx_data).findall("body/tu")]
    assert rows[0][1] == translation[0] == segments[0][1] == "The cat sleeps."
    assert rows[2][0] == source[2] == segments[2][0] == HOSTILE_FR.replace("\x07", "")
    assert rows[2][1] == translation[2] == HOSTILE_EN.replace("\x07", "")


_ROUND_XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en"
 target-language="fr" datatype="plaintext" original="x"><body>
<trans-unit id="u1"><source>Open <bx id="1"/>the file.</source>
 <target>Ouvrez <bx id="1"/>le fichier.</target></trans-unit>
<trans-unit id="u2"><source>End <ex id="2"/>here.</source><target>Fin <ex id="2"/>ici.</target>
 </trans-unit>
<trans-unit id="u3"><source>Close <g id="1">a <g id="1">b</g> c</g>.</source>
 <target>Fermez <g id="1">a <g id="1">b</g> c</g>.</target></trans-unit>
<trans-unit id="u4"><source>Two <g id="1">x</g> and <g id="01">y</g>.</source>
 <target>Deux <g id="1">x</g> et <g id="01">y</g>.</target></trans-unit>
<trans-unit id="u5"><source>Line<ph id="1">&lt;br/&gt;</ph>break.</source>
 <target>Ligne<ph id="1">&lt;br/&gt;</ph>coupée.</target></trans-unit>
<trans-unit id="u6"><source>Type &lt;b&gt; here.</source><target>Tapez &lt;b&gt; ici.</target>
 </trans-unit>
</body></file></xliff>"""

_ROUND_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence"
 o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>Open <it pos="begin" x="4">&lt;u&gt;</it>the file.</seg></tuv>
<tuv xml:lang="fr"><seg>Ouvrez <it pos="begin" x="4">&lt;u&gt;</it>le fichier.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>End <it pos="end" x="2"/>here.</seg></tuv>
<tuv xml:lang="fr"><seg>Fin <it pos="end" x="2"/>ici.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Close <bpt i="1" x="1"/>a <bpt i="2" x="1"/>b<ept i="2"/> c<ept
 i="1"/>.</seg></tuv>
<tuv xml:lang="fr"><seg>Fermez <bpt i="1" x="1"/>a <bpt i="2" x="1"/>b<ept i="2"/> c<ept
 i="1"/>.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Two <bpt i="1" x="1"/>x<ept i="1"/> and <bpt i="2" x="01"/>y<ept
 i="2"/>.</seg></tuv>
<tuv xml:lang="fr"><seg>Deux <bpt i="1" x="1"/>x<ept i="1"/> et <bpt i="2" x="01"/>y<ept
 i="2"/>.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Line<ph x="3">&lt;br/&gt;</ph>break.</seg></tuv>
<tuv xml:lang="fr"><seg>Ligne<ph x="3">&lt;br/&gt;</ph>coupée.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Type &lt;b&gt; here.</seg></tuv>
<tuv xml:lang="fr"><seg>Tapez &lt;b&gt; ici.</seg></tuv></tu>
</body></tmx>"""


def _pair_texts(record) -> list[tuple[str, str]]:
    return [(" ".join(record.source.sentences[k].text for k in link.source),
             " ".join(record.translation.sentences[k].text for k in link.translation))
            for link in record.links]


def _valid_codes(data: bytes) -> None:
    """Each ``<seg>``'s ``<bpt>``s and ``<ept>``s matched one for one by ``i``; each
    ``x`` a number."""
    for seg in ET.fromstring(data).iter("seg"):
        begins = [e.get("i") for e in seg if e.tag == "bpt"]
        ends = [e.get("i") for e in seg if e.tag == "ept"]
        assert len(set(begins)) == len(begins) and sorted(begins) == sorted(ends)
        assert all(e.get("x") is None or e.get("x").isdigit() and str(int(e.get("x")))
                   == e.get("x") for e in seg)


@pytest.mark.parametrize("name, content", [("in.xlf", _ROUND_XLIFF), ("in.tmx", _ROUND_TMX)])
def test_tmx_codes_read_back_as_they_were_read(tmp_path, name, content):
    """XLIFF or TMX, written as TMX and read back: the same texts, codes and all (an id
    that is no number of its own renumbered), and written again, the same TMX."""
    from align.checks.pairs import read_pairs

    (tmp_path / name).write_text(content, "utf-8")
    first = read_pairs(tmp_path / name)
    texts = _pair_texts(first)
    # Ids 1 and 01 are two codes; the writer keeps them two.
    assert texts[3][0] == "Two <1>x</1> and <01>y</01>."
    [data] = tmx.render(first, tmp_path / "out.tmx").values()
    _valid_codes(data)
    (tmp_path / "out.tmx").write_bytes(data)
    again = read_pairs(tmp_path / "out.tmx")
    expected = [tuple(text.replace("01>", "2>") for text in pair) for pair in texts]
    assert _pair_texts(again) == expected
    [data_again] = tmx.render(again, tmp_path / "again.tmx").values()
    assert data_again == data
    # Neither text that looks like a code nor a placeholder's own code is an empty code.
    assert "&lt;b&gt; here" in data.decode() and "&lt;br/&gt;break" in data.decode()
