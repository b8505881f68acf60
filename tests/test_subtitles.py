"""Subtitle files (SubRip .srt, WebVTT .vtt, ASS .ass, SSA .ssa) read as their cues' text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import align
from align import subtitles
from align.cli import app
from align.errors import EXIT_FINDINGS, EXIT_INPUT, InputError
from align.reading import SUFFIXES, decode_bytes, read_document
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
                            "one paragraph each (formatting left out; cue numbers and timings "
                            "kept beside the text)"]


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
                            "one paragraph each (formatting left out; cue numbers and timings "
                            "kept beside the text)"]


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


# -- Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa) ------------------------

#: An episode as Aegisub saves it: script info, project garbage, styles, then the events.
#: The French is another release: other timings, resolution, positions, margins and
#: drawing coordinates, so that any of them read as text would be a number that changed.
ASS_HEADER = """\
[Script Info]
; Script generated by Aegisub 3.2.2
; http://www.aegisub.org/
Title: The Station - Episode 3
ScriptType: v4.00+
WrapStyle: 0
PlayResX: {width}
PlayResY: {height}
ScaledBorderAndShadow: yes
YCbCr Matrix: TV.709

[Aegisub Project Garbage]
Audio File: episode03.mkv
Video File: episode03.mkv
Active Line: 7

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,{size},&H00FFFFFF,&H000000FF,&H00000000,&H7F000000,-1,0,0,0,100,100,0,0,\
1,3.6,1.5,2,{margin},{margin},64,1
Style: Sign,Georgia,48,&H00E0E0E0,&H000000FF,&H00202020,&H00000000,0,0,0,0,100,100,0,0,1,2,0,\
8,10,10,10,1
Style: OP,Verdana,{size},&H00FFFFFF,&H0000FFFF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,0,\
8,10,10,10,1

"""
ASS_EN = ASS_HEADER.format(width=1920, height=1080, size=72, margin=120) + """\
[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:00.50,0:00:04.00,OP,,0,0,0,karaoke,{\\k30}Run{\\k25} a{\\k40}way \
{\\k35}with {\\k50}me
Comment: 0,0:00:01.00,0:00:03.50,Default,Kenji,0,0,0,,Original: 兄はどこ？ 7 11
Dialogue: 0,0:00:01.00,0:00:03.50,Default,Kenji,0,0,0,,{\\i1}Where is my brother?{\\i0}
Dialogue: 0,0:00:04.00,0:00:06.20,Default,Mother,0,0,0,,He left for the station,\\Nearly this \
morning.
Dialogue: 1,0:00:04.00,0:00:06.20,Sign,,0,0,0,,{\\an8\\pos(960,80)\\fad(200,200)}CENTRAL STATION
Dialogue: 2,0:00:04.00,0:00:06.20,Sign,,0,0,0,,{\\an7\\pos(0,0)\\p1}m 0 0 l 1920 0 1920 120 0 \
120{\\p0}
Dialogue: 0,0:00:06.50,0:00:09.00,Default,Mother,0,0,0,,We will meet him there at 9.{TL note: \
the 9:15 train}
Dialogue: 0,0:00:09.50,0:00:12.00,Default,Kenji,0,0,0,,- Do you have the tickets?\\N- They are \
in my bag.
Dialogue: 0,0:00:12.50,0:00:15.00,Default,Mother,0,0,0,,{\\c&H00FFFF&\\b1}Then let us go \
{\\b0}now.
"""
ASS_FR = ASS_HEADER.format(width=1280, height=720, size=48, margin=80) + """\
[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:00.62,0:00:04.17,OP,,0,0,0,karaoke,{\\k32}Fuis {\\k41}a{\\k36}vec {\\k51}moi
Comment: 0,0:00:01.12,0:00:03.74,Default,Kenji,0,0,0,,Original: 兄はどこ？ 8 12
Dialogue: 0,0:00:01.12,0:00:03.74,Default,Kenji,0,0,0,,{\\i1}Où est mon frère\\h?{\\i0}
Dialogue: 0,0:00:04.18,0:00:06.41,Default,Mother,0,0,0,,Il est parti pour la gare,\\Ntôt ce \
matin.
Dialogue: 1,0:00:04.18,0:00:06.41,Sign,,0,0,0,,{\\an8\\pos(640,53)\\fad(300,300)}GARE CENTRALE
Dialogue: 2,0:00:04.18,0:00:06.41,Sign,,0,0,0,,{\\an7\\pos(0,0)\\p1}m 0 0 l 1280 0 1280 80 0 \
80{\\p0}
Dialogue: 0,0:00:06.73,0:00:09.26,Default,Mother,0,0,0,,Nous le retrouverons là-bas à 10 h.\
{NdT : le train de 10 h 15}
Dialogue: 0,0:00:09.78,0:00:12.31,Default,Kenji,0,0,0,,- Tu as les billets\\h?\\N- Ils sont \
dans mon sac.
Dialogue: 0,0:00:12.84,0:00:15.37,Default,Mother,0,0,0,,{\\c&H00FFFF&\\b1}Alors partons \
{\\b0}maintenant\\h!
"""
ASS_EN_TEXT = (
    "Run away with me\n\n"
    "Where is my brother?\n\n"
    "He left for the station, early this morning.\n\n"
    "CENTRAL STATION\n\n"
    "We will meet him there at 9.\n\n"
    "- Do you have the tickets?\n- They are in my bag.\n\n"
    "Then let us go now."
)
ASS_FR_TEXT = (
    "Fuis avec moi\n\n"
    "Où est mon frère\u00a0?\n\n"
    "Il est parti pour la gare, tôt ce matin.\n\n"
    "GARE CENTRALE\n\n"
    "Nous le retrouverons là-bas à 10 h.\n\n"
    "- Tu as les billets\u00a0?\n- Ils sont dans mon sac.\n\n"
    "Alors partons maintenant\u00a0!"
)
#: What of the headers, styles, comments and override tags must not be read as text.
ASS_NOT_TEXT = ("Script", "Aegisub", "Title", "Episode", "episode03", "PlayRes", "Arial",
                "Style", "Default", "Sign", "&H", "Kenji", "Mother", "karaoke", "Original",
                "兄", "TL note", "NdT", "\\", "{", "}", "pos", "m 0 0", "1920", "1280",
                "0:00", "Format", "Dialogue", "Comment")

SSA = """\
[Script Info]
; This is a Sub Station Alpha v4 script.
Title: The Station
ScriptType: v4.00
Collisions: Normal
PlayResY: 480
Timer: 100.0000

[V4 Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, \
Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, \
Encoding
Style: Default,Tahoma,24,16777215,65535,65535,-2147483640,-1,0,1,2,2,2,30,30,10,0,0

[Events]
Format: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: Marked=0,0:00:01.00,0:00:03.50,Default,NTP,0000,0000,0000,!Effect,{\\i1}Where is my \
brother?
Comment: Marked=0,0:00:02.00,0:00:03.00,Default,NTP,0000,0000,0000,!Effect,check this line
Dialogue: Marked=0,0:00:04.00,0:00:06.20,Default,NTP,0000,0000,0000,!Effect,He left, I think,\\n\
for the station.

[Fonts]
fontname: tahoma_0.ttf
M4I<V:&:R93X@9&]N)W0@<F5A9"!M92X@270@:7,@82!F;VYT+B!%>&-E<'0@

[Graphics]
filename: logo.bmp
M0DTV```@```!@``
"""


def test_an_ass_file_is_read_as_its_dialogue_lines_text_one_line_a_paragraph(tmp_path):
    # In the file's order; no script info, styles, Comment lines, names, timings, override
    # tags (italics, positions, karaoke, colours), translator notes in braces or drawings;
    # `\N` is a line break (joined as wrapping, kept before a dialogue dash), `\h` a
    # no-break space; the Text field keeps its commas.
    assert subtitle_text(ASS_EN, "episode03.en.ass") == ASS_EN_TEXT
    assert subtitle_text(ASS_FR, "episode03.fr.ass") == ASS_FR_TEXT
    for text in (ASS_EN_TEXT, ASS_FR_TEXT):
        assert not [leak for leak in ASS_NOT_TEXT if leak in text]
    # Aegisub writes a byte-order mark and CRLF.
    path = write(tmp_path, "episode03.en.ass", "\ufeff" + ASS_EN.replace("\n", "\r\n"))
    doc = read_document(path)
    assert (doc.text, doc.encoding) == (ASS_EN_TEXT, "utf-8-sig")
    # 8 Dialogue lines, the drawing's among them: its paragraph empty, left out and not
    # counted.
    assert doc.warnings == [
        "episode03.en.ass: read as Advanced SubStation Alpha subtitles: the text of its 7 "
        "Dialogue lines, one paragraph each (script info, styles, Comment lines, override tags and "
        "drawings left out; line numbers and timings kept beside the text)"]


def test_an_ssa_file_is_read_as_its_dialogue_lines_text(tmp_path):
    # SubStation Alpha v4: `Marked=0` first, its [Fonts] and [Graphics] sections
    # (uuencoded) left out; `\n` is a line break too.
    expected = "Where is my brother?\n\nHe left, I think, for the station."
    assert subtitle_text(SSA, "film.ssa") == expected
    doc = read_document(write(tmp_path, "film.ssa", SSA))
    assert doc.text == expected
    assert doc.warnings == [
        "film.ssa: read as SubStation Alpha subtitles: the text of its 2 Dialogue lines, one "
        "paragraph each (script info, styles, Comment lines, override tags and "
        "drawings left out; line numbers and timings kept beside the text)"]


def test_an_ass_file_in_a_legacy_code_page_or_utf16_is_decoded_then_read(tmp_path):
    ass = ("[Script Info]\r\nScriptType: v4.00+\r\n\r\n[Events]\r\n"
           "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n"
           "Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Déjà vu, à la française :\\N"
           "un café crème.\r\n"
           "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,{\\i1}Ça coûte 5 €.\r\n")
    expected = "Déjà vu, à la française : un café crème.\n\nÇa coûte 5 €."
    doc = read_document(write(tmp_path, "film.fr.ass", ass.encode("cp1252")))
    assert (doc.text, doc.encoding) == (expected, "cp1252")
    assert doc.warnings[0] == "film.fr.ass: not UTF-8; read as Windows-1252"
    assert doc.warnings[1].startswith("film.fr.ass: read as Advanced SubStation Alpha "
                                      "subtitles: the text of its 2 Dialogue lines")
    assert decode_bytes(ass.encode("utf-16"), "film.fr.ass")[:2] == (expected, "utf-16")


def test_a_loose_ass_file_loses_no_dialogue_and_takes_in_no_field():
    ass = (
        "[Script Info]\nScriptType: v4.00+\n\n"
        # No Format line: the standard order, Text the tenth field.
        "[Events]\n"
        "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,One, two, three.\n"
        # An empty Text, one of override tags alone, and a drawing with no \p0 after it.
        "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,\n"
        "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,{\\an8}{\\fad(100,100)}\n"
        "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,Box {\\p2}m 0 0 l 100 0 100 100\n"
        # Fewer fields than the Format line: no Text, nothing taken from the others.
        "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,Lost\n"
        "Dialogue: 0,0:00:04.00,0:00:05.00\n"
        # A brace that closes no block, a backslash that escapes nothing, and a Picture
        # (not dialogue).
        "Dialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,a { b \\ c\n"
        "Picture: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,logo.png\n"
        # A Format line of its own (Text the sixth field); names in any case.
        "format: layer, start, end, style, actor, TEXT\n"
        "DIALOGUE: 0,0:00:06.00,0:00:07.00,Default,Kenji,Room 101, please.\n"
        "  Dialogue:0,0:00:07.00,0:00:08.00,Default,,{\\pos(10,20)\\p0}Bye.\n"
    )
    assert subtitle_text(ass, "loose.ass") == (
        "One, two, three.\n\nBox\n\na { b \\ c\n\nRoom 101, please.\n\nBye.")
    warnings: list[str] = []
    assert subtitles.read_subtitles(ass, "loose.ass", warnings).startswith("One, two")
    assert warnings == [
        "loose.ass: read as Advanced SubStation Alpha subtitles: the text of its 5 Dialogue "
        "lines, one paragraph each (script info, styles, Comment lines, override tags and "
        "drawings left out; line numbers and timings kept beside the text)",
        "loose.ass: 2 Dialogue lines have fewer fields than their Format line and no Text: "
        "left out (lines 9, 10)"]


def test_the_content_decides_whether_a_file_is_ass_or_subrip():
    ass = ("\n[Script Info]\nTitle: x\n\n[Events]\n"
           "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,One.\n"
           "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,Two.\n")
    # A file of any name whose first line is [Script Info] is ASS/SSA...
    for name in ("episode.txt", "episode", "episode.srt"):
        text, _, warnings = decode_bytes(ass.encode(), name)
        assert text == "One.\n\nTwo."
        assert warnings[0].startswith(f"{name}: read as Advanced SubStation Alpha subtitles")
    # ... unless it holds no Dialogue line and is not named as subtitles.
    notes = "[Script Info]\nTitle: my notes\n\nNothing else.\n"
    assert decode_bytes(notes.encode(), "notes.txt") == (notes, "utf-8", [])
    # A .ass holding SubRip is read as SubRip.
    srt = "1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo.\n"
    text, _, warnings = decode_bytes(srt.encode(), "film.ass")
    assert text == "One.\n\nTwo." and warnings[0].startswith("film.ass: read as SubRip")
    # A text that quotes an ASS file further down stays a text.
    quoted = "How to write ASS subtitles:\n\n" + ass
    assert decode_bytes(quoted.encode(), "howto.txt") == (quoted, "utf-8", [])


@pytest.mark.parametrize("name, text", [
    ("film.ass", "Where is my brother?\nHe left early.\n"),
    ("film.ssa", "[Script Info]\nScriptType: v4.00\n\n[Events]\n"
                 "Comment: Marked=0,0:00:01.00,0:00:02.00,Default,,0,0,0,,only a comment\n"),
])
def test_an_ass_file_without_dialogue_is_an_error_naming_it(tmp_path, name, text):
    with pytest.raises(InputError, match=rf"^{re.escape(name)} is named as an? .*SubStation Alpha "
                                         r"subtitle file but holds no Dialogue line .*rename it"):
        read_document(write(tmp_path, name, text))


def test_an_ass_file_whose_dialogue_lines_show_no_text_is_an_error_saying_why(tmp_path):
    """Dialogue lines with no Text field, an empty one or a drawing alone are no dialogue:
    the file is not "empty", it holds no Dialogue line with text, and the error says what
    the warnings would have."""
    ass = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
           "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
           "Dialogue: 0,0:00:01.00,0:00:02.00,Default\n"
           "Dialogue: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,\n"
           "Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,{\\p1}m 0 0 l 100 0 100 100\n")
    with pytest.raises(InputError) as error:
        read_document(write(tmp_path, "short.ass", ass))
    assert str(error.value) == (
        "short.ass is named as an Advanced SubStation Alpha subtitle file but holds no "
        "Dialogue line with text (1 Dialogue line has fewer fields than its Format line and "
        "no Text: left out (line 6); 2 Dialogue lines show no text (an empty Text, override "
        "tags or a drawing alone)) in an [Events] section: give the file that holds the "
        "dialogue, or rename it .txt to align it as plain text")


def test_ass_and_ssa_files_are_documents_a_folder_is_checked_for():
    assert ".ass" in SUFFIXES and ".ssa" in SUFFIXES


@pytest.fixture(scope="module")
def episode(tmp_path_factory, default_encoder):
    folder = tmp_path_factory.mktemp("episode")
    return (write(folder, "episode03.en.ass", "\ufeff" + ASS_EN.replace("\n", "\r\n")),
            write(folder, "episode03.fr.ass", "\ufeff" + ASS_FR.replace("\n", "\r\n")))


def test_align_check_on_two_ass_files_reports_the_changed_number_and_nothing_of_the_tags(
        episode):
    result = CliRunner().invoke(app, ["check", str(episode[0]), str(episode[1])])
    assert result.exit_code == EXIT_FINDINGS, result.output
    assert "number 9 in the source is 10 in the translation" in result.output
    assert "read as Advanced SubStation Alpha subtitles" in result.output
    record = align.align_files(*episode)
    assert [s.text for s in record.source.sentences] == [
        "Run away with me", "Where is my brother?",
        "He left for the station, early this morning.", "CENTRAL STATION",
        "We will meet him there at 9.", "- Do you have the tickets?", "- They are in my bag.",
        "Then let us go now."]
    findings = [(i, f) for i, link in enumerate(record.links) for f in link.findings]
    numbers = [f.reason for _, f in findings if f.kind == "number"]
    assert len(numbers) == 1 and "9" in numbers[0] and "10" in numbers[0], numbers
    # No timing, position, drawing, style or tag is read, so none is reported.
    reasons = " ".join(f.reason for _, f in findings) + result.output
    assert not TIMING.search(reasons)
    assert not [leak for leak in ("1920", "1280", "960", "640", "\\", "{", "Kenji", "NdT")
                if leak in reasons]
