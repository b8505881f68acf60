"""Subtitle files (SubRip .srt, WebVTT .vtt) read as the text of their cues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import align
from align.cli import app
from align.errors import EXIT_FINDINGS, EXIT_INPUT, InputError
from align.reading import decode_bytes, read_document
from align.subtitles import subtitle_text

# The French is timed differently (another release, another frame rate), so that a
# timing read as text would be a number that changed.
SRT_EN = """\
1
00:00:01,000 --> 00:00:03,500
<i>Where is my brother?</i>

2
00:00:04,000 --> 00:00:06,200
He left for the station
early this morning.

3
00:00:06,500 --> 00:00:09,000
{\\an8}We will meet him there at 9.

4
00:00:09,500 --> 00:00:12,000
- Do you have the tickets?
- They are in my bag.

5
00:00:12,500 --> 00:00:15,000
<font color="#ffff00">Then let us go <b>now</b>.</font>
"""
SRT_FR = """\
1
00:00:01,120 --> 00:00:03,740
<i>Où est mon frère ?</i>

2
00:00:04,180 --> 00:00:06,410
Il est parti pour la gare
tôt ce matin.

3
00:00:06,730 --> 00:00:09,260
{\\an8}Nous le retrouverons là-bas à 10 h.

4
00:00:09,780 --> 00:00:12,310
- Tu as les billets ?
- Ils sont dans mon sac.

5
00:00:12,840 --> 00:00:15,370
<font color="#ffff00">Alors partons <b>maintenant</b>.</font>
"""
EN_TEXT = (
    "Where is my brother?\n\n"
    "He left for the station early this morning.\n\n"
    "We will meet him there at 9.\n\n"
    "- Do you have the tickets?\n- They are in my bag.\n\n"
    "Then let us go now."
)
EN_SENTENCES = [
    "Where is my brother?",
    "He left for the station early this morning.",
    "We will meet him there at 9.",
    "- Do you have the tickets?",
    "- They are in my bag.",
    "Then let us go now.",
]
FR_SENTENCES = [
    "Où est mon frère ?",
    "Il est parti pour la gare tôt ce matin.",
    "Nous le retrouverons là-bas à 10 h.",
    "- Tu as les billets ?",
    "- Ils sont dans mon sac.",
    "Alors partons maintenant.",
]
#: A timing, as SubRip and WebVTT write it.
TIMING = re.compile(r"\d\d:\d\d[:,.]\d")


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -- SubRip ----------------------------------------------------------------------------


def test_a_subrip_file_is_read_as_its_cues_text_one_cue_a_paragraph(tmp_path):
    # No cue numbers, no timings, no tags; a cue's two lines are one paragraph, its
    # dialogue dashes (a change of speaker) each on their own line.
    assert subtitle_text(SRT_EN, "film.en.srt") == EN_TEXT
    doc = read_document(write(tmp_path, "film.en.srt", SRT_EN.replace("\n", "\r\n")))
    assert doc.text == EN_TEXT
    # The record's encoding stays the file's character encoding; a warning says how it
    # was read.
    assert doc.encoding == "utf-8"
    assert doc.warnings == ["film.en.srt: read as SubRip subtitles: the text of its 5 cues, "
                            "one paragraph each (cue numbers, timings and formatting left out)"]


def test_a_subrip_file_in_a_legacy_code_page_is_decoded_then_read_as_cues(tmp_path):
    srt = ("1\r\n00:00:01,000 --> 00:00:02,500\r\nDéjà vu, à la française :\r\n"
           "un café crème.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nÇa coûte 5 €.\r\n")
    doc = read_document(write(tmp_path, "film.fr.srt", srt.encode("cp1252")))
    assert doc.text == "Déjà vu, à la française : un café crème.\n\nÇa coûte 5 €."
    assert doc.encoding == "cp1252"
    assert doc.warnings[0] == "film.fr.srt: not UTF-8; read as Windows-1252"
    assert doc.warnings[1].startswith("film.fr.srt: read as SubRip subtitles: the text of its "
                                      "2 cues")
    # Windows tools save subtitles in UTF-16 too.
    assert decode_bytes(srt.encode("utf-16"), "film.fr.srt")[:2] == (doc.text, "utf-16")
    russian = "1\n00:00:01,000 --> 00:00:02,000\nГде мой брат? Он ушёл рано утром.\n"
    text, encoding, _ = decode_bytes(russian.encode("cp1251"), "film.ru.srt")
    assert (text, encoding) == ("Где мой брат? Он ушёл рано утром.", "cp1251")


def test_no_dialogue_is_lost_to_a_loose_subrip_file():
    srt = (
        # Text before the first cue is kept, as a paragraph of its own.
        "Subtitles by Anna\n\n"
        # A cue whose last line is a number (a parser that drops a trailing number as
        # the next cue's loses it).
        "1\n00:00:01,000 --> 00:00:02,000\nThe room is\n101\n\n"
        # No blank line before the next cue; hours of one digit, a dot before the
        # milliseconds, SubRip's coordinates after the timing.
        "2\n0:00:03.000 --> 0:00:04.000 X1:100 X2:600 Y1:10 Y2:50\nA blank line inside\n\n"
        "does not end the cue.\n"
        "3\n00:00:05,000 --> 00:00:06,000\nUp{\\i1}stairs{\\i0},\\Nx < 3 and y > 2.\n"
        # No number at all, an empty cue, and the last cue ending with a number.
        "00:00:07,000 --> 00:00:08,000\n<u>AT&amp;T</u> in 1984\n\n"
        "5\n00:00:09,000 --> 00:00:10,000\n\n\n"
        "6\n00:00:11,000 --> 00:00:12,000\nRoom\n101"
    )
    assert subtitle_text(srt, "loose.srt") == (
        "Subtitles by Anna\n\n"
        "The room is 101\n\n"
        "A blank line inside does not end the cue.\n\n"
        "Upstairs, x < 3 and y > 2.\n\n"
        "AT&T in 1984\n\n"
        "Room 101"
    )


# -- WebVTT ----------------------------------------------------------------------------

VTT = """\
WEBVTT - Le film
Kind: captions
Language: en

STYLE
::cue { color: yellow }

REGION
id:fred width:40%

NOTE A comment
over two lines

intro
00:00:01.000 --> 00:00:03.500 align:start position:10% line:0
<v Roger>Hello &amp; welcome,</v> <c.loud.yellow>friends</c>.

00:04.000 --> 00:06.000 region:fred
<v.loud Anna>I was born in <00:00:04.500>1984 and
<00:00:05.000>I still live <i>here</i>.

NOTE after a cue

3
00:00:07.000 --> 00:00:09.000 vertical:rl
<lang ja><ruby>東京<rt>とうきょう</rt></ruby></lang> is far&nbsp;away.
"""


def test_a_webvtt_file_is_read_as_its_cues_text(tmp_path):
    # Header, STYLE, REGION and NOTE blocks, cue identifiers and settings, voice and
    # class tags, timestamps inside a cue and ruby readings are not dialogue; entities
    # are decoded.
    expected = ("Hello & welcome, friends.\n\n"
                "I was born in 1984 and I still live here.\n\n"
                "東京 is far\u00a0away.")
    assert subtitle_text(VTT, "film.vtt") == expected
    doc = read_document(write(tmp_path, "film.vtt", "\ufeff" + VTT))
    assert (doc.text, doc.encoding) == (expected, "utf-8-sig")
    assert doc.warnings == ["film.vtt: read as WebVTT subtitles: the text of its 3 cues, "
                            "one paragraph each (cue numbers, timings and formatting left out)"]


def test_the_content_decides_which_of_the_two_a_subtitle_file_is():
    # A .vtt holding SubRip (converted without its header), a .srt holding WebVTT.
    srt = "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo.\n"
    assert decode_bytes(srt.encode(), "a.vtt")[0] == "One.\n\nTwo."
    assert decode_bytes(srt.encode(), "a.vtt")[2][0].startswith("a.vtt: read as SubRip")
    assert decode_bytes(VTT.encode(), "a.srt")[0].startswith("Hello & welcome, friends.")
    assert decode_bytes(VTT.encode(), "a.srt")[2][0].startswith("a.srt: read as WebVTT")


# -- other names, and files that are not subtitles --------------------------------------


def test_a_text_file_is_read_as_subtitles_only_when_it_is_nothing_but_cues():
    srt = "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo.\n"
    assert decode_bytes(srt.encode(), "film.txt")[0] == "One.\n\nTwo."
    assert decode_bytes(VTT.encode(), "film")[0].startswith("Hello & welcome, friends.")
    # A text that quotes a cue, or holds text outside its cues, stays plain text.
    for text in ("How to write subtitles.\n\n" + srt, srt + "\nThat is all it takes.\n",
                 "The arrow --> points right.\n00:00:01,000 --> 00:00:02,000\n"):
        assert decode_bytes(text.encode(), "notes.txt") == (text, "utf-8", [])


@pytest.mark.parametrize("name, text", [
    ("film.srt", "Where is my brother?\nHe left early.\n"),
    ("film.srt", "{1}{50}Where is my brother?|He left early.\n"),  # MicroDVD, misnamed
    ("film.vtt", "WEBVTT\n\nNOTE no cue yet\n"),
])
def test_a_subtitle_file_without_a_cue_is_an_error_naming_it(tmp_path, name, text):
    # Read as plain text it would be aligned with its frame numbers or without its
    # timings silently: a clear error says what to do instead.
    with pytest.raises(InputError, match=rf"^{re.escape(name)} is named as a .* subtitle "
                                         r"file but holds no cue .*rename it"):
        read_document(write(tmp_path, name, text))
    result = CliRunner().invoke(app, ["check", str(tmp_path / name), str(tmp_path / name)])
    assert result.exit_code == EXIT_INPUT
    assert name in result.output and "Traceback" not in result.output


# -- end to end --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def film(tmp_path_factory, default_encoder):
    folder = tmp_path_factory.mktemp("film")
    return write(folder, "film.en.srt", SRT_EN), write(folder, "film.fr.srt", SRT_FR)


def test_two_subtitle_files_align_cue_by_cue_and_only_the_changed_number_is_reported(film):
    record = align.align_files(*film)
    assert [s.text for s in record.source.sentences] == EN_SENTENCES
    assert [s.text for s in record.translation.sentences] == FR_SENTENCES
    # Sentence for sentence, as the translator wrote them (checked by hand).
    assert [(link.source, link.translation) for link in record.links] == [
        ([i], [i]) for i in range(6)]
    findings = [(i, f) for i, link in enumerate(record.links) for f in link.findings]
    numbers = [(i, f.reason) for i, f in findings if f.kind == "number"]
    assert len(numbers) == 1 and numbers[0][0] == 2
    assert "9" in numbers[0][1] and "10" in numbers[0][1]
    assert not [f.reason for _, f in findings if TIMING.search(f.reason)]
    assert (record.source.encoding, record.translation.encoding) == ("utf-8", "utf-8")


def test_align_check_on_two_subtitle_files_reports_the_dialogue(film):
    result = CliRunner().invoke(app, ["check", str(film[0]), str(film[1])])
    # A changed number is a major finding, and `check` fails on a major one by default.
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert "number 9 in the source is 10 in the translation" in result.output
    assert "read as SubRip subtitles" in result.output
    assert not TIMING.search(result.output) and "-->" not in result.output
