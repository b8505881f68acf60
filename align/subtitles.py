"""Subtitle files (SubRip ``.srt``, WebVTT ``.vtt``, Advanced SubStation Alpha ``.ass``,
SubStation Alpha ``.ssa``) read as the text of their cues.

A subtitle file is a list of cues: a number or an identifier, a timing line
(``00:00:01,000 --> 00:00:03,500``; WebVTT writes ``00:01.000`` and may add cue
settings), then the lines shown on screen.  What a translator compares is the cues'
text alone: one cue a paragraph, a blank line between cues.  The line breaks inside a
cue are wrapping, not sentence ends, and are joined by a space, except before a line
that opens with a dialogue dash (another speaker), which keeps its line break.  Left
out: cue numbers and identifiers, timing lines and their settings, WebVTT's header and
its NOTE, STYLE and REGION blocks, and formatting: HTML-like tags (``<i>``, ``<b>``,
``<font …>``, WebVTT's ``<c.class>``, ``<v Speaker>``, ``<lang>``, ruby readings),
timestamps inside a cue, and the override blocks of files converted from ASS/SSA
(``{\\an8}``, ``{\\i1}``; ``\\N`` is a line break).  Character references (``&amp;``)
are decoded.  Offsets in the record refer to this text.  The cues are kept beside it
(`align.record.Cue`): of each cue that holds text, its position among the file's cues,
its number or identifier as written, and when it is shown, tied to its paragraph, so that
a finding can be placed in the file and the two files' timings compared
(`align.checks.timing`).

No dialogue is lost to a loose file: text after a blank line inside a cue (invalid, but
common) belongs to that cue, text before the first cue is a paragraph of its own, and a
line of digits is a cue number only right before a timing line.  The content decides
which of the two formats a file is (a ``WEBVTT`` header or not): a ``.vtt`` converted
from SubRip without its header is read as SubRip.

ASS and SSA files are read as their dialogue: the ``Dialogue:`` lines of the ``[Events]``
section, one a paragraph, in the file's order (not sorted by start time: as for SubRip, the
order the translator's tool keeps, and the one a translation made from the file keeps line
for line; lines shown at the same time, a sign and a line of dialogue, would be in no
defined order if sorted).  Of each line, the Text field, found by the section's
``Format:`` line (it is the last field and keeps its commas; without a Format line, the
standard order, Text the tenth field in v4+ and in v4).  Left out: ``[Script Info]``, the
styles, ``[Fonts]``, ``[Graphics]`` and any other section; ``Comment:`` lines (where
translators keep the original) and the other events; every field but Text; override
blocks (``{\\i1}``, ``{\\pos(…)}``, karaoke's ``{\\k20}``, and a ``{note}`` without a
backslash, which a player does not show either); drawings (``{\\p1}m 0 0 l …{\\p0}``).
``\\N`` and ``\\n`` are line breaks within the cue, joined as a SubRip cue's lines are;
``\\h`` is a no-break space.  HTML-like tags and character references are not formatting
in ASS (a player shows them as written) and stay.  A Dialogue line with fewer fields than
its Format line holds no Text (a player skips it): it is left out with a warning rather
than a timing or a style name read as dialogue.  A Dialogue line whose Text shows nothing
(empty, override blocks or a drawing alone) is left out and not counted: a file of only
such lines holds no dialogue, an error that says which lines it has.

A small parser rather than pysubs2 (MIT, well kept): pysubs2 1.8 reads WebVTT with its
SubRip parser, and on files like those of tests/test_subtitles.py it read a NOTE block
after a cue as dialogue, took a line of karaoke timestamps inside a cue for a timing
line (its words lost), dropped a last cue's last line when it was a number (``Room`` /
``101``: the very thing the number check compares), and left ``&amp;`` as it was.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from pathlib import Path

from align.errors import InputError
from align.record import Cue, Sentence, cue_name

SUBRIP = "SubRip"
WEBVTT = "WebVTT"
ASS = "Advanced SubStation Alpha"
SSA = "SubStation Alpha"
#: The names that say a file is subtitles: the format, and a timing line of it.
_SUFFIXES = {".srt": (SUBRIP, "00:00:01,000 --> 00:00:03,500"),
             ".vtt": (WEBVTT, "00:00:01.000 --> 00:00:03.500")}
#: The names that say a file is ASS or SSA.
_ASS_SUFFIXES = {".ass": ASS, ".ssa": SSA}

_LINE_BREAK = re.compile(r"\r\n?|\n")
_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
#: A timing line, with WebVTT's cue settings or SubRip's coordinates after it.
_TIMING = re.compile(rf"[ \t]*({_TIME})[ \t]*-->[ \t]*({_TIME})(?:[ \t].*)?")
_HEADER = re.compile(r"\ufeff?WEBVTT(?:[ \t].*)?")
#: WebVTT blocks that are not cues.
_NOT_CUES = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
#: A cue number (after a stray byte-order mark: a file saved with two).
_CUE_NUMBER = re.compile(r"[ \t\ufeff]*\d+[ \t]*")
#: How a file that is nothing but subtitles begins: WebVTT's header, or a cue number and
#: a timing line.  Checked first, so that a long text is parsed only if it may be one.
_SUBTITLE_START = re.compile(
    rf"[\s\ufeff]*(?:WEBVTT(?:[ \t]|\r|\n|$)|\d+[ \t]*(?:\r\n?|\n){_TIMING.pattern})")

#: Ruby readings (``<rt>``), an annotation of the text and not part of it.
_RUBY_READING = re.compile(r"<rt(?:[.\s][^<>]*)?>.*?</rt\s*>", re.I | re.S)
#: The tags of SubRip and WebVTT cues, and WebVTT's timestamps inside a cue.  Only these
#: names: ``x<y and z>w`` is text.
_TAG = re.compile(r"</?(?:[ibus]|font|c|v|lang|ruby|rt|span|em|strong)(?:[.\s][^<>]*)?/?>"
                  rf"|<{_TIME}>", re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
#: The override blocks of ASS/SSA (``{\an8}``, ``{\pos(10,20)}``), and its line breaks.
_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_ASS_BREAK = re.compile(r"\\[Nn]")
#: How an ASS or SSA file begins: its first line that is not blank is ``[Script Info]``.
_ASS_START = re.compile(r"[\s\ufeff]*\[Script Info\][ \t]*(?:\r\n?|\n|$)", re.I)
_ASS_TIME = re.compile(r"\d+:\d{1,2}:\d{1,2}(?:[.,]\d+)?")
_ASS_SECTION = re.compile(r"[ \t\ufeff]*\[([^\]]*)\][ \t]*")
#: The fields of an ``[Events]`` line when no Format line names them: v4+ (ASS), v4 (SSA).
_ASS_FORMAT = {ASS: ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv",
                     "effect", "text"),
               SSA: ("marked", "start", "end", "style", "name", "marginl", "marginr",
                     "marginv", "effect", "text")}
#: A Dialogue line's text: an override block (its content in group 1), an escape (its
#: letter in group 2), a run of other characters, or a brace or backslash that is neither.
_ASS_TOKEN = re.compile(r"\{([^}]*)\}|\\([Nnh])|[^{\\]+|[{\\]")
#: The drawing tag (``\p1`` starts a drawing, ``\p0`` ends it; not ``\pos``, ``\pbo``).
_ASS_DRAWING = re.compile(r"\\p[ \t]*(-?\d+)")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SPACES = re.compile(r"[ \t]+")
#: Between two paragraphs of the text read (a cue's text holds no blank line).
_PARAGRAPH_BREAK = re.compile(r"\n\n")
_DIALOGUE_DASH = re.compile(r"[-‐‒–—―]")


@dataclass
class _Subtitles:
    """A file parsed: its format, its paragraphs (each a cue's lines, or text outside the
    cues), how many cues, and whether any text stands outside them."""

    format: str
    paragraphs: list[list[str]] = field(default_factory=list)
    cues: int = 0
    stray: bool = False
    #: What a reader should know about the file (ASS: lines left out).
    warnings: list[str] = field(default_factory=list)
    #: ASS: the Dialogue lines whose Text shows nothing (empty, override blocks or a drawing
    #: alone), left out and not counted in `cues`.
    empty: int = 0
    #: For each of `paragraphs`, the cue it is: its number among the file's cues (from 1),
    #: its identifier (None: none), its start and end in seconds; text before the first
    #: cue: None.
    timed: list[tuple[int, str | None, float, float] | None] = field(default_factory=list)


def _seconds(time: str) -> float:
    """A time of a timing line or an ASS event (``00:01:02,500``, ``01:02.500``,
    ``0:01:02.50``) in seconds."""
    *larger, last = time.strip().split(":")
    minutes = 0
    for part in larger:  # hours then minutes, or minutes alone
        minutes = minutes * 60 + int(part)
    return round(minutes * 60 + float(last.replace(",", ".")), 3)


def read_subtitles(text: str, name: str, warnings: list[str],
                   cues: list[Cue] | None = None) -> str:
    """``text``, a decoded file called ``name``, as `subtitle_text` reads it if it is
    subtitles, with a warning saying so; else ``text`` as it is.

    A file named ``.srt``, ``.vtt``, ``.ass`` or ``.ssa`` is subtitles (`InputError` if
    it holds no cue); a file of another name only if it begins as subtitles do (an ASS
    or SSA file: ``[Script Info]``) and holds nothing but cues (ASS, SSA: a Dialogue
    line), so that a text quoting a cue stays a text.  The cues of a subtitle file are
    appended to `cues`, if given, each tied to its paragraph of the text returned."""
    suffix = Path(name).suffix.lower()
    named = suffix in _SUFFIXES or suffix in _ASS_SUFFIXES
    if not text.strip() or not named and not _looks_like_subtitles(text):
        return text  # an empty file is reported as one
    parsed = _parse_any(text, suffix)
    if not named and (parsed.stray or not parsed.cues):
        return text
    result, found = _text(parsed, name)
    if cues is not None:
        cues.extend(found)
    if parsed.format in (ASS, SSA):
        lines = f"its {parsed.cues} Dialogue lines" if parsed.cues > 1 else "its Dialogue line"
        warnings.append(f"{name}: read as {parsed.format} subtitles: the text of {lines}, one "
                        "paragraph each (script info, styles, Comment lines, override tags and "
                        "drawings left out; line numbers and timings kept beside the text)")
    else:
        said = f"its {parsed.cues} cues, one paragraph each" if parsed.cues > 1 else "its cue"
        warnings.append(f"{name}: read as {parsed.format} subtitles: the text of {said} "
                        "(formatting left out; cue numbers and timings kept beside the text)")
    warnings.extend(f"{name}: {warning}" for warning in parsed.warnings)
    early = [c for c, before in zip(found[1:], found, strict=False) if c.start < before.start]
    if early:
        # A player shows cues by time, a translator's tool (and this reading) in the
        # file's order: aligned so, a translation of cues in another order misreads.
        warnings.append(
            f"{name}: {len(early)} cue(s) start before the cue above them (from "
            f"{cue_name(early[:1])}): read in the file's order, as a subtitle editor lists "
            "them, while a player shows them by time")
    return result


def segmented_cues(cues: list[Cue], text: str, sentences: list[Sentence]) -> list[Cue]:
    """`cues` (`read_subtitles`'s, each tied to its paragraph of `text`, the text it
    returned) tied to the paragraphs of `sentences` instead, `text` segmented: the
    paragraph of the first sentence of the cue's text.  Most often the same, but the
    segmenter may make each line of a text a paragraph (lines too long for wrapped prose,
    as a file of two-speaker cues may have), or give a one-cue text several."""
    starts = [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(text))]
    ends = [sentence.end for sentence in sentences]
    out = []
    for cue in cues:
        if cue.paragraph >= len(starts):
            break  # (not a text `read_subtitles` returned)
        first = bisect_right(ends, starts[cue.paragraph])
        if first < len(sentences):
            out.append(replace(cue, paragraph=sentences[first].paragraph))
    return out


def subtitle_text(text: str, name: str) -> str:
    """The text of the cues of subtitle file ``name`` (``text`` decoded): one paragraph
    a cue, blank lines between them (see the module's docstring).  `InputError` if it
    holds no cue."""
    return _text(_parse_any(text, Path(name).suffix.lower()), name)[0]


def _looks_like_subtitles(text: str) -> bool:
    """Whether ``text`` begins as a subtitle file does (checked first, so that a long
    text is parsed only if it may be one)."""
    return _ASS_START.match(text) is not None or _SUBTITLE_START.match(text) is not None


def _parse_any(text: str, suffix: str) -> _Subtitles:
    """``text`` parsed as the format its content says (ASS or SSA if it begins with
    ``[Script Info]``, SubRip or WebVTT if it begins as one), else as its name says."""
    if _ASS_START.match(text) is not None:
        return _parse_ass(text, suffix)
    if suffix in _ASS_SUFFIXES and _SUBTITLE_START.match(text) is None:
        return _parse_ass(text, suffix)
    return _parse(text)


def _text(parsed: _Subtitles, name: str) -> tuple[str, list[Cue]]:
    """The text of `parsed`'s paragraphs (`subtitle_text`), and the cues that hold them,
    each tied to its paragraph there (one cue a paragraph, blank lines between them)."""
    suffix = Path(name).suffix.lower()
    if not parsed.cues and parsed.format in (ASS, SSA):
        named = (f" is named as {'an' if parsed.format == ASS else 'a'} {parsed.format} "
                 "subtitle file but" if suffix in _ASS_SUFFIXES else "")
        # Dialogue lines there are, with no text: say which, as the warnings would have.
        found = list(parsed.warnings)
        if parsed.empty:
            these = ("1 Dialogue line shows" if parsed.empty == 1
                     else f"{parsed.empty} Dialogue lines show")
            found.append(f"{these} no text (an empty Text, override tags or a drawing alone)")
        what = f" with text ({'; '.join(found)})" if found else ""
        raise InputError(
            f"{name}{named} holds no Dialogue line{what} in an [Events] section: give the "
            "file that holds the dialogue, or rename it .txt to align it as plain text"
        )
    if not parsed.cues:
        what, example = _SUFFIXES.get(suffix, _SUFFIXES[".srt"])
        named = f" is named as a {what} subtitle file but" if suffix in _SUFFIXES else ""
        raise InputError(
            f"{name}{named} holds no cue (no timing line such as `{example}`): convert it "
            f"to {what}, or rename it .txt to align it as plain text"
        )
    if parsed.format in (ASS, SSA):
        paragraphs = [_joined(lines[0]) for lines in parsed.paragraphs]
    else:
        paragraphs = [_cue_text(lines) for lines in parsed.paragraphs]
    kept = [(text, timed) for text, timed in zip(paragraphs, parsed.timed, strict=True) if text]
    # A cue with no text has no paragraph, and no place in the record.
    cues = [Cue(k, number, start, end, ident)
            for k, (_, timed) in enumerate(kept) if timed is not None
            for number, ident, start, end in [timed]]
    return "\n\n".join(text for text, _ in kept), cues


def _parse(text: str) -> _Subtitles:
    lines = _LINE_BREAK.split(text)
    blocks = _blocks(lines)
    webvtt = bool(blocks) and _HEADER.fullmatch(blocks[0][0].strip()) is not None
    parsed = _Subtitles(WEBVTT if webvtt else SUBRIP)
    current: list[str] | None = None  # the last cue's lines

    def outside(lines: list[str]) -> None:
        """Text outside any cue: the last cue's, or before the first a paragraph."""
        nonlocal current
        parsed.stray = True
        if current is None:
            parsed.paragraphs.append(list(lines))
            parsed.timed.append(None)
        else:
            current.extend(lines)

    for b, block in enumerate(blocks):
        header = webvtt and b == 0  # WEBVTT and its metadata lines
        timings = [k for k, line in enumerate(block) if _TIMING.fullmatch(line)]
        if not timings:
            if not (header or webvtt and _NOT_CUES.fullmatch(block[0])):
                outside(block)
            continue
        first = timings[0]
        if first and (_CUE_NUMBER.fullmatch(block[first - 1]) or webvtt and first == 1):
            first -= 1  # the cue's number or identifier
        if first and not header:
            outside(block[:first])
        # The first cue's number or identifier (in the header's block, not its WEBVTT line).
        ident = (block[first].strip(" \t\ufeff")
                 if first < timings[0] and not (header and first == 0) else None)
        for k, start in enumerate(timings):
            end = timings[k + 1] if k + 1 < len(timings) else len(block)
            cue = block[start + 1:end]
            following = None
            if end < len(block) and cue and _CUE_NUMBER.fullmatch(cue[-1]):
                # the next cue's number, no blank line before it
                following = cue.pop().strip(" \t\ufeff")
            current = cue
            parsed.paragraphs.append(current)
            parsed.cues += 1
            times = _TIMING.fullmatch(block[start])
            assert times is not None  # (`timings` are the lines it matches)
            parsed.timed.append((parsed.cues, ident or None, _seconds(times.group(1)),
                                 _seconds(times.group(2))))
            ident = following
    return parsed


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines that are not blank."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _parse_ass(text: str, suffix: str) -> _Subtitles:
    """An ASS or SSA file's Dialogue lines, each paragraph the one-line list of its text
    with override blocks and drawings out and ``\\N``, ``\\n``, ``\\h`` turned into
    characters (`_ass_text`)."""
    lines = _LINE_BREAK.split(text)
    parsed = _Subtitles(_ass_or_ssa(lines, suffix))
    events = False
    text_field = len(_ASS_FORMAT[parsed.format]) - 1
    times = (1, 2)  # the Start and End fields
    shown_events = 0  # Dialogue and Comment lines, numbered as a subtitle editor's rows
    short: list[int] = []  # the numbers of Dialogue lines with no Text field
    for number, line in enumerate(lines, 1):
        section = _ASS_SECTION.fullmatch(line)
        if section is not None:
            events = section.group(1).strip().lower() == "events"
            text_field = len(_ASS_FORMAT[parsed.format]) - 1
            times = (1, 2)
            continue
        key, colon, value = line.partition(":")
        key = key.strip(" \t\ufeff").lower()
        if not events or not colon:
            continue
        if key == "format":
            fields = [name.strip().lower() for name in value.split(",")]
            if "text" in fields:
                text_field = fields.index("text")
            if "start" in fields and "end" in fields:
                times = (fields.index("start"), fields.index("end"))
        elif key == "comment":
            shown_events += 1
        elif key == "dialogue":
            shown_events += 1
            values = value.split(",", text_field)
            if len(values) <= text_field:
                short.append(number)
                continue
            shown = _ass_text(values[text_field])
            if not _joined(shown):
                parsed.empty += 1  # nothing on screen: no paragraph, not counted
                continue
            parsed.cues += 1
            parsed.paragraphs.append([shown])
            parsed.timed.append((shown_events, None, *_ass_times(values, times)))
    if short:
        these = "1 Dialogue line has" if len(short) == 1 else f"{len(short)} Dialogue lines have"
        its = "its" if len(short) == 1 else "their"
        numbers = ", ".join(map(str, short[:10])) + (", …" if len(short) > 10 else "")
        parsed.warnings.append(f"{these} fewer fields than {its} Format line and no Text: "
                               f"left out (line{'s' if len(short) > 1 else ''} {numbers})")
    return parsed


def _ass_times(values: list[str], fields: tuple[int, int]) -> tuple[float, float]:
    """An event's start and end in seconds (``0:01:02.50``); 0 for a field that is not a
    time (a player would not show the line: its text is still dialogue to compare)."""
    out = []
    for k in fields:
        value = values[k].strip() if k < len(values) else ""
        out.append(_seconds(value) if _ASS_TIME.fullmatch(value) else 0.0)
    return out[0], out[1]


def _ass_or_ssa(lines: list[str], suffix: str) -> str:
    """Which of the two a file is: its ScriptType, else its styles section's name, else its
    name (ASS unless ``.ssa``)."""
    for line in lines:
        key, _, value = line.partition(":")
        if key.strip(" \t\ufeff").lower() == "scripttype":
            version = value.strip().lower()
            if version in ("v4.00+", "v4.00"):
                return ASS if version.endswith("+") else SSA
        section = _ASS_SECTION.fullmatch(line)
        if section is not None and section.group(1).strip().lower() in ("v4+ styles",
                                                                         "v4 styles"):
            return ASS if "+" in section.group(1) else SSA
    return SSA if suffix == ".ssa" else ASS


def _ass_text(text: str) -> str:
    """An ASS Text field as shown: override blocks and drawings out, ``\\N`` and ``\\n``
    line breaks, ``\\h`` a no-break space."""
    out: list[str] = []
    drawing = False
    for token in _ASS_TOKEN.finditer(text):
        block, escape = token.group(1), token.group(2)
        if block is not None:
            modes = _ASS_DRAWING.findall(block)
            if modes:
                drawing = int(modes[-1]) > 0
        elif drawing:
            continue  # a drawing's commands, not text
        elif escape is not None:
            out.append("\u00a0" if escape == "h" else "\n")
        else:
            out.append(token.group())
    return "".join(out)


def _cue_text(lines: list[str]) -> str:
    """A cue's lines as one paragraph: tags and override blocks out, references decoded,
    wrapped lines joined by a space, a line opening with a dialogue dash kept apart."""
    text = _BR.sub("\n", "\n".join(lines))
    text = _TAG.sub("", _RUBY_READING.sub("", text))
    text = _ASS_BREAK.sub("\n", _OVERRIDE.sub("", text)).replace("\\h", " ")
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return _joined(text)


def _joined(text: str) -> str:
    """A cue's lines (``\\n`` between them) as one paragraph: wrapped lines joined by a
    space, a line opening with a dialogue dash kept apart."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if out and line and not _DIALOGUE_DASH.match(line):
            out[-1] += " " + line
        elif line:
            out.append(line)
    return "\n".join(out)
