"""Subtitle files (SubRip ``.srt``, WebVTT ``.vtt``) read as the text of their cues.

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
are decoded.  Offsets in the record refer to this text.

No dialogue is lost to a loose file: text after a blank line inside a cue (invalid, but
common) belongs to that cue, text before the first cue is a paragraph of its own, and a
line of digits is a cue number only right before a timing line.  The content decides
which of the two formats a file is (a ``WEBVTT`` header or not): a ``.vtt`` converted
from SubRip without its header is read as SubRip.

A small parser rather than pysubs2 (MIT, well kept): pysubs2 1.8 reads WebVTT with its
SubRip parser, and on files like those of tests/test_subtitles.py it read a NOTE block
after a cue as dialogue, took a line of karaoke timestamps inside a cue for a timing
line (its words lost), dropped a last cue's last line when it was a number (``Room`` /
``101``: the very thing the number check compares), and left ``&amp;`` as it was.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InputError

SUBRIP = "SubRip"
WEBVTT = "WebVTT"
#: The names that say a file is subtitles: the format, and a timing line of it.
_SUFFIXES = {".srt": (SUBRIP, "00:00:01,000 --> 00:00:03,500"),
             ".vtt": (WEBVTT, "00:00:01.000 --> 00:00:03.500")}

_LINE_BREAK = re.compile(r"\r\n?|\n")
_TIME = r"(?:\d+:)?\d{1,2}:\d{1,2}(?:[.,]\d{1,3})?"
#: A timing line, with WebVTT's cue settings or SubRip's coordinates after it.
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t].*)?")
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
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SPACES = re.compile(r"[ \t]+")
_DIALOGUE_DASH = re.compile(r"[-‐‒–—―]")


@dataclass
class _Subtitles:
    """A file parsed: its format, its paragraphs (each a cue's lines, or text outside the
    cues), how many cues, and whether any text stands outside them."""

    format: str
    paragraphs: list[list[str]] = field(default_factory=list)
    cues: int = 0
    stray: bool = False


def read_subtitles(text: str, name: str, warnings: list[str]) -> str:
    """``text``, a decoded file called ``name``, as `subtitle_text` reads it if it is
    subtitles, with a warning saying so; else ``text`` as it is.

    A file named ``.srt`` or ``.vtt`` is subtitles (`InputError` if it holds no cue); a
    file of another name only if it begins as subtitles do and holds nothing but cues,
    so that a text quoting a cue stays a text."""
    suffix = Path(name).suffix.lower()
    if not text.strip() or suffix not in _SUFFIXES and not _SUBTITLE_START.match(text):
        return text  # an empty file is reported as one
    parsed = _parse(text)
    if suffix not in _SUFFIXES and (parsed.stray or not parsed.cues):
        return text
    result = _text(parsed, name)
    cues = f"its {parsed.cues} cues, one paragraph each" if parsed.cues > 1 else "its cue"
    warnings.append(f"{name}: read as {parsed.format} subtitles: the text of {cues} "
                    "(cue numbers, timings and formatting left out)")
    return result


def subtitle_text(text: str, name: str) -> str:
    """The text of the cues of subtitle file ``name`` (``text`` decoded): one paragraph
    a cue, blank lines between them (see the module's docstring).  `InputError` if it
    holds no cue."""
    return _text(_parse(text), name)


def _text(parsed: _Subtitles, name: str) -> str:
    if not parsed.cues:
        suffix = Path(name).suffix.lower()
        what, example = _SUFFIXES.get(suffix, _SUFFIXES[".srt"])
        named = f" is named as a {what} subtitle file but" if suffix in _SUFFIXES else ""
        raise InputError(
            f"{name}{named} holds no cue (no timing line such as `{example}`): convert it "
            f"to {what}, or rename it .txt to align it as plain text"
        )
    paragraphs = (_cue_text(lines) for lines in parsed.paragraphs)
    return "\n\n".join(p for p in paragraphs if p)


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
        for k, start in enumerate(timings):
            end = timings[k + 1] if k + 1 < len(timings) else len(block)
            cue = block[start + 1:end]
            if end < len(block) and cue and _CUE_NUMBER.fullmatch(cue[-1]):
                cue.pop()  # the next cue's number, no blank line before it
            current = cue
            parsed.paragraphs.append(current)
            parsed.cues += 1
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


def _cue_text(lines: list[str]) -> str:
    """A cue's lines as one paragraph: tags and override blocks out, references decoded,
    wrapped lines joined by a space, a line opening with a dialogue dash kept apart."""
    text = _BR.sub("\n", "\n".join(lines))
    text = _TAG.sub("", _RUBY_READING.sub("", text))
    text = _ASS_BREAK.sub("\n", _OVERRIDE.sub("", text)).replace("\\h", " ")
    text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    out: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if out and line and not _DIALOGUE_DASH.match(line):
            out[-1] += " " + line
        elif line:
            out.append(line)
    return "\n".join(out)
