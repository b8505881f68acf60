"""Splitting a document into paragraphs and sentences, losslessly.

Every sentence is a span of the document: ``text == document[start:end]``, with the
whitespace around it left out.  Every other character of the document belongs to
exactly one sentence, in order; nothing is dropped or rewritten.  The rules are in
docs/segmentation.md; in short:

1. Lines and paragraphs.  Paragraphs are separated by blank lines, unless the lines
   inside them are too long to be hard-wrapped prose, in which case (as when there are
   no blank lines at all) every line is a paragraph.  A text without blank lines whose
   lines are wrapped (full lines ending mid-sentence) is hard-wrapped prose too, its
   paragraphs beginning at its indented lines (none: one paragraph).  Inside a
   hard-wrapped paragraph a line break still ends a sentence before a dialogue dash, a
   list item, or after a line much shorter than its neighbours; a short block of lines
   that do not end sentences (a title and credits block) gives one segment per line,
   but for its last line, which is split into sentences when it ends one (a heading's
   body right under it).
   A fenced code block (Markdown's ```` ``` ```` or ``~~~`` … to its closing fence) is one
   segment, a paragraph of its own: code is no prose to cut at its full stops.  The
   soft line breaks (vertical tab, U+2028) are no line breaks here: they end no sentence.
2. Sentences.  A candidate boundary is a run of ``. ! ? …`` (and in Greek ``;``) with
   the closing quotes (any quote, „…“ and »…« too), brackets and footnote number stuck
   to it, followed by whitespace; CJK stops need none, nor does a single ``. ! ?`` after a
   letter of a spaced script before a Han or kana letter (``margins.公司``: English left in
   Chinese text) if the text before it is a sentence of its own: one begun at the
   paragraph's start or after a sentence's end, of three words or more, not a name
   (``Yahoo!ニュース``) nor an open quotation (``“OK!”按钮``); one begun after a Han or
   kana letter is held in that sentence (``出现Connection timed out.错误``).  It is kept
   when the next word starts like a sentence (a capital, an opening quote or dash before
   a capital, a caseless script, a number on a new line or a list number, a number and a
   word after an ordinary word) and the word before the stop is not an abbreviation (nor one
   before a label of a number, doc. No. 5), an initial or a list number; an
   abbreviation that closes its phrase (Inc., et al., 19th c.) ends one before a
   sentence opener (The, Le, Die; not I, Will, May); a time of day after its number
   (6 p.m., 6 p. m.) before any capitalised word but a day, a month, a time zone or I.
   An opening quote stuck to the stop (He stopped.“ Hello) begins the next sentence,
   but in German, where it closes.
   In Thai a space between phrases is a boundary too.
3. Sentences longer than ``max_chars`` are cut at the last ``; :``, else ``,``, else
   space before the limit (a word is cut only when it is longer than the limit, and
   never inside a grapheme cluster; a code block at its last line break first), and a
   warning says how many were cut.

``language`` is a language code; its primary subtag decides (``de-DE`` is ``de``).
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from align.errors import UsageError
from align.language import HAN_OR_KANA, UNSPACED_LETTERS, primary_language
from align.record import Sentence
from align.segment_abbreviations import (
    ACADEMIC_TITLES,
    FACULTIES,
    INTRODUCTORY,
    NUMBER_LABELS_CASE_SENSITIVE,
    TIME_OF_DAY,
    closes_phrase,
    goes_on_after_time,
    is_abbreviation,
    opens_sentence,
)

SPLIT_MODES: tuple[str, ...] = ("auto", "lines")

#: What segmentation treats as space: Unicode whitespace (as `str.isspace`) and the
#: invisible zero-width characters.  Sentences never begin or end with these.
BLANK = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
BLANK += "\u200b\u200c\u200d\u2060\ufeff"
_B = re.escape(BLANK)

#: Line breaks as `str.splitlines` knows them.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: The same but the soft line breaks inside a paragraph, the vertical tab (Word's manual
#: line break, Shift+Enter) and U+2028: the lines of `split="auto"`, where a soft break is
#: a space that ends no sentence.  (`split="lines"` cuts at every one.)
_HARD_LINE_BREAK = re.compile("\r\n|[\n\r\x0c\x1c\x1d\x1e\x85\u2029]")
_NON_BLANK = re.compile(f"[^{_B}]")
_NON_BLANK_RUN = re.compile(f"[^{_B}]+")
_SKIP_BLANK = re.compile(f"[{_B}]*")

# A candidate boundary: stops, then what stays with the sentence (closing quotes and
# brackets, French-spaced » and ›, a footnote number or mark), then whitespace or the end.
# CJK full stops need no space after them.
_CLOSING = "\"'”’»›)]}」』》〉）"
_CLOSERS = re.escape(_CLOSING)
#: After a Latin stop and before a blank, a quote closes whatever its shape, since the
#: conventions differ: German „…“ and ‚…‘ close with “ and ‘, German »…« with «, Danish
#: »…», French « … » with ».  (After a blank the same marks open one: `_OPENERS`.)  Not
#: after a CJK stop, where “ and ‘ stuck to a closing ” open the next sentence.
_CLOSING_AFTER_STOP = _CLOSING + "“‘«‹"
_STOP_CLOSERS = re.escape(_CLOSING_AFTER_STOP)
#: The superscript characters a note reference is written in (`align.markup.note_mark`).
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
#: A note reference written after a stop, which stays with its sentence: Markdown's
#: ``[^1]``, ``[^note]``; a number in brackets, ``[1]``; superscripts, ``¹``, ``ᵃ``; the
#: marks ``* † ‡`` (and Markdown's emphasis closing after a stop: ``*Done.* Then``).
NOTE_REFERENCE = rf"(?:\[\^[^\[\]{_B}]{{1,40}}\]|\[\d{{1,3}}\]|[{SUPERSCRIPTS}]+|[*†‡]+)"
#: Han ideographs and kana: between two of them an ASCII ``. ? !`` ends a sentence.
CJK_LETTERS = UNSPACED_LETTERS
#: A Latin ``. ! ?`` after a letter of a spaced script (and a closing quote or bracket), then
#: a Han or kana letter: English left in Chinese or Japanese text, which writes no space
#: after a stop (``impact on margins.公司``), ends its sentence there.  Not after two stops
#: (``Wait...然后``, an ellipsis), nor after a digit (``2.万元``), nor after a Han or kana
#: letter, between two of which `CJK_LETTERS`'s rule applies; abbreviations
#: (``Co.）成立``), names, quotations and Latin text held in a CJK sentence
#: (``Yahoo!ニュース``, ``「File not found.」と``, ``出现Connection timed out.错误``;
#: `_sentence_before_unspaced`) are `_is_boundary`'s.
_HAN_AFTER_LATIN_STOP = (
    rf"(?<=[^\W\d_][.!?])(?<![{CJK_LETTERS}][.!?])[{CJK_LETTERS}]"
    rf"|(?<=[^\W\d_][.!?][{_STOP_CLOSERS}])(?<![{CJK_LETTERS}][.!?][{_STOP_CLOSERS}])"
    rf"[{CJK_LETTERS}]"
)
# The stops take ``;`` and U+037E, the Greek question mark, which only Greek text keeps
# (`_is_boundary`).  The lookahead first lets the engine skip other characters fast.
_CANDIDATE = re.compile(
    r"(?=[.!?‽⁇⁈⁉…؟।॥;\u037e。！？｡．])(?:"
    rf"(?P<stop>[.!?‽⁇⁈⁉…؟।॥;\u037e]+)"
    rf"(?P<close>(?:[{_STOP_CLOSERS}]|[ \u00a0\u202f\u2009]+[»›])*)"
    rf"(?:(?P<note>\d{{1,3}})|{NOTE_REFERENCE}+)?[{_STOP_CLOSERS}]*"
    rf"(?=[{_B}]|$|{_HAN_AFTER_LATIN_STOP})"
    rf"|(?P<cjk>(?:[。！？｡]|．(?![0-9０-９])|(?<=[{CJK_LETTERS}])(?:[?!]+|\.)(?=[{CJK_LETTERS}{_CLOSERS}]))+"
    rf"[{_CLOSERS}]*))"
)
#: A Japanese quotative particle after a closing bracket: 「はい。」と彼は言った。 is one
#: sentence.  と also begins a few conjunctions (ところで, とにかく, とはいえ), which do start one.
_QUOTATIVE = re.compile(r"って|と(?!ころ|にかく|ても|もかく|りあえず|はいえ)")
#: Greek letters: ``;`` after one is a question mark when the language is not given.
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
#: What may open a sentence before its first letter: quotes, brackets, dashes, bullets.
#: ``» ›`` open a quotation in German (»…«) and in Danish and Swedish (»…»); they close
#: one in French, where the stop's run takes them (`_CANDIDATE`) before this is read.
_OPENERS = re.compile(r"(?:[«‹»›“„‘‚\"'(\[¿¡–—―\-•*·][ \u00a0\u202f\u2009]*)*")
#: A list number at the start of a sentence: ``2. If``, ``3) The``.
_LIST_NUMBER = re.compile(rf"\d{{1,3}}[.)][{_B}]+[^{_B}]")
#: A line that opens a dialogue turn or a list item (a sentence of its own even in
#: hard-wrapped text).
_ITEM_LINE = re.compile(
    r"(?:[-–—―•*·▪‣◦]|\(?\d{1,3}[.)]|\(?[a-z]\))[ \t\u00a0\u202f]"
)
#: A line of an options table, which starts a sentence as a list item does: a command-line
#: option (``--config``, ``-v``), then a comma, an ``=``, two blanks or a tab, an argument in
#: capitals or brackets (``--keep N``, ``-o <file>``), or the end of the line; not the dashes
#: of dialogue (``-- oui``, ``--and then``, ``-x marks the spot``).
_OPTION_LINE = re.compile(
    r"(?:--[A-Za-z][\w-]*|-[A-Za-z])"
    r"(?=[,=]|[ \t]{2}|\t|[ \t]+(?:[A-Z][A-Z0-9_]*(?![\w'’])|[<\[])|[ \t]*(?:[\r\n]|$))")
#: What a sentence may consist of and still be a list label, not a sentence: ``1``,
#: ``2.3``, ``IV``, ``iv``, ``a``, ``(b``.
_LABEL = re.compile(r"[(\[]?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLCDM]{1,7}|[ivxlcdm]{1,4}|[^\W\d_])")
#: Dotted abbreviations recognised by shape: e.g, i.e, U.S.A, a.m, z.B, Ph.D.
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_SENTENCE_FINAL = re.compile(
    rf"[.!?‽…。！？][{_STOP_CLOSERS}]*(?:\d{{1,3}}|{NOTE_REFERENCE}+)?[{_STOP_CLOSERS}]*$")
#: The first line of a Markdown footnote's definition, ``[^1]: Text``: a paragraph of its own.
_NOTE_DEFINITION = re.compile(r"[ \t]{0,3}\[\^[^\[\]\s]{1,40}\]:")
# Full-width marks (CJK text) need no blank after them.
_CLAUSE_BREAK = re.compile(rf"[;:](?=[{_B}])|[；：]")
_COMMA_BREAK = re.compile(rf",(?=[{_B}])|[，、､]")
#: Where a long sentence may be cut between words: blanks, but not the joiners that hold
#: a word or an emoji sequence together (U+200C, U+200D, U+2060, U+FEFF).
_SPACE = re.compile("[{}]+".format(re.escape(BLANK.translate(dict.fromkeys(
    map(ord, "\u200c\u200d\u2060\ufeff"))))))
#: A hyphen or slash inside a word, where a word too long for the limit is best cut.
_WORD_BREAK = re.compile(r"(?<=\w)[-‐/](?=\w)")
_QUOTE_THEN_I = re.compile(rf"I[{_B}]+[a-z]")

#: Lines longer than this are not hard-wrapped prose.
WRAP_LIMIT = 120
#: A text without blank lines is hard-wrapped when its lines are at least this wide, and
#: at least this share of those that end mid-sentence are full (the next line's first word
#: would not have fitted on them): `_hard_wrapped`.
WRAP_MIN_WIDTH = 40
WRAP_FULL_SHARE = 0.75
#: A block of at most this many lines that end no sentence is a title/credits block.
CREDITS_MAX_LINES = 12
#: The smallest ``max_chars`` (0 aside): a shorter limit cuts text into words and parts
#: of words, which no aligner can pair, rather than into clauses.
MIN_MAX_CHARS = 20


@dataclass
class Segmentation:
    """A document's sentences, its paragraph count, and what was surprising."""

    sentences: list[Sentence]
    paragraphs: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    """A stretch of one paragraph to split into sentences (or to keep whole)."""

    start: int
    end: int
    paragraph: int
    split: bool = True


#: Above this share of sentences begun in lower case, a text's case says nothing of where
#: its sentences start (a text written all in lower case, a list of verse lines).
CASELESS_SHARE = 0.5


def continues_previous(texts: Sequence[str]) -> list[bool]:
    """Per sentence: whether it continues the one before it, as a sentence whose first
    letter is lower case does (`« Que voulez-vous ? » | me répondit-on.`, a clause after
    `;` that a pre-split text puts on a line of its own).  All False for a text that
    does not begin its sentences with capitals (`CASELESS_SHARE`), or whose script has
    no case."""
    first = []
    for text in texts:
        letter = next((c for c in text if c.isalnum()), "")
        first.append(letter.islower() if letter.isalpha() and letter.lower() != letter.upper()
                     else None)
    cased = [f for f in first if f is not None]
    if not cased or sum(cased) > CASELESS_SHARE * len(cased):
        return [False] * len(texts)
    return [bool(f) and k > 0 for k, f in enumerate(first)]


def require_segmentation(split: str, max_chars: int) -> None:
    """`UsageError` unless `split` is one of `SPLIT_MODES` and `max_chars` 0 or at least
    `MIN_MAX_CHARS`: what `segment` refuses, said before any text is read
    (`align.pipeline.require_usable`) in the same words."""
    if split not in SPLIT_MODES:
        raise UsageError(f"unknown split mode {split!r}: use one of {', '.join(SPLIT_MODES)}")
    if max_chars < 0 or 0 < max_chars < MIN_MAX_CHARS:
        raise UsageError(
            f"--max-chars {max_chars} is not a sentence length: use 0 (never cut sentences) "
            f"or at least {MIN_MAX_CHARS}; a shorter limit cuts words, not clauses"
        )


def segment(
    text: str,
    *,
    split: str = "auto",
    language: str | None = None,
    max_chars: int = 1000,
    name: str = "text",
) -> Segmentation:
    """Split ``text`` into sentences with offsets into it.

    ``split="auto"`` finds paragraphs and sentences; ``split="lines"`` takes every
    non-blank line as one sentence.  ``language`` (a language code: ``de``, ``de-DE``)
    tunes a few rules (German ordinals, English *I*).  Sentences longer than
    ``max_chars`` characters are cut (0: never; otherwise at least `MIN_MAX_CHARS`,
    else `UsageError`).  ``name`` is how warnings refer to the document.
    """
    require_segmentation(split, max_chars)
    language = primary_language(language)
    lines = _lines(text, _LINE_BREAK if split == "lines" else _HARD_LINE_BREAK)
    code: list[tuple[int, int]] = []
    if split == "lines":
        units = _line_units(_blocks(text, lines))
    else:
        code = fenced_blocks(text)
        units = _auto_units(text, _blocks(text, lines, code))
        if code:
            units = _with_code(units, code)

    spans: list[tuple[int, int, int]] = []
    for unit in units:
        if unit.split:
            for start, end in _sentences(text, unit.start, unit.end, language):
                spans.append((start, end, unit.paragraph))
        else:
            spans.append((*_strip(text, unit.start, unit.end), unit.paragraph))

    warnings: list[str] = []
    if max_chars:
        spans, cut = _cut_long(text, spans, max_chars, {start for start, _ in code})
        if cut:
            warnings.append(
                f"{name}: {cut} sentence{'s' if cut > 1 else ''} longer than {max_chars} "
                f"characters {'were' if cut > 1 else 'was'} split at clause boundaries"
            )
    sentences = [Sentence(text[s:e], s, e, p) for s, e, p in spans]
    paragraphs = units[-1].paragraph + 1 if units else 0
    return Segmentation(sentences=sentences, paragraphs=paragraphs, warnings=warnings)


# -- fenced code blocks ----------------------------------------------------------------

#: The opening fence of a fenced code block (CommonMark): three or more backticks or
#: tildes at the start of a line, indented by at most 8 columns (a list item nests its
#: blocks), then an info string to the end of the line (``bash``, ``toml {.config}``).
_FENCE = re.compile(r"^[ \t]{0,8}(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n", re.MULTILINE)
#: The same in a sentence or a link, whose sentences are joined by spaces: after any blank.
_JOINED_FENCE = re.compile(r"(?:^|(?<=\s))(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n")


@lru_cache(maxsize=64)
def _closing_fence(char: str, length: int, joined: bool) -> re.Pattern[str]:
    """A line that closes a block opened by `length` times `char`: as many or more of it,
    then nothing (or, in a link, the next sentence after a space)."""
    tail = r"(?=\s|\Z)" if joined else r"[ \t]*$"
    return re.compile(rf"^[ \t]{{0,8}}{re.escape(char)}{{{length},}}{tail}", re.MULTILINE)


def fenced_blocks(text: str, *, joined: bool = False) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block of `text`, from its opening fence to the end
    of its closing fence, in order.  A fence that nothing closes fences nothing (a line of
    tildes in prose is a scene break), and neither does a bare fence right under a line
    no longer than it: the underline of a reStructuredText heading.  With `joined`,
    `text` is a sentence or the sentences of a link joined by spaces: a fence may follow
    a space, and the next sentence its closing fence."""
    if "```" not in text and "~~~" not in text:
        return []
    found: list[tuple[int, int]] = []
    at = 0
    opening = _JOINED_FENCE if joined else _FENCE
    unclosed: dict[str, int] = {}  # fence character -> shortest fence nothing closes
    while (m := opening.search(text, at)) is not None:
        fence, info = m.group("fence"), m.group("info")
        at = m.end()
        if (fence[0] == "`" and "`" in info) or (not info.strip() and _underline(
                text, m.start("fence"), len(fence))) or len(fence) >= unclosed.get(
                fence[0], len(text) + 1):
            continue  # (nor a longer one after it: no search again, no quadratic time)
        close = _closing_fence(fence[0], len(fence), joined).search(text, m.end())
        if close is None:
            unclosed[fence[0]] = len(fence)
        elif fence[0] == "~" and not info.strip() and _BLANK_LINE.search(
                text, m.end(), close.start()):
            continue  # two scene breaks of tildes around paragraphs of a story
        else:
            found.append((m.start("fence"), close.end()))
            at = close.end()
    return found


#: A blank line: a bare fence of tildes whose "block" holds one is a scene break of prose,
#: which writes ``~~~`` between its scenes; code fenced with tildes and no info string and
#: holding paragraphs is rare, while a story of several scenes would be read as code.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _underline(text: str, fence: int, length: int) -> bool:
    """Whether a bare fence at `fence`, `length` long, underlines the line above it, as
    reStructuredText underlines a heading (``Title`` / ``~~~~~``)."""
    line = text.rfind("\n", 0, fence) + 1
    if not line or text[line:fence].strip():
        return False
    above = text[text.rfind("\n", 0, line - 1) + 1 : line - 1].strip()
    return bool(above) and len(above) <= length


def _with_code(units: list[_Unit], code: list[tuple[int, int]]) -> list[_Unit]:
    """`units` with each fenced code block of `code` among them, one unit that is not split
    into sentences, a paragraph of its own; paragraphs numbered again in order."""
    merged = sorted([*units, *(_Unit(start, end, -1, split=False) for start, end in code)],
                    key=lambda unit: unit.start)
    out: list[_Unit] = []
    paragraph, previous = -1, None
    for unit in merged:
        if unit.paragraph < 0 or unit.paragraph != previous:
            paragraph += 1
        previous = unit.paragraph
        out.append(_Unit(unit.start, unit.end, paragraph, unit.split))
    return out


# -- lines, blocks, paragraphs -----------------------------------------------------


def _lines(text: str, breaks: re.Pattern[str] = _HARD_LINE_BREAK) -> Iterator[tuple[int, int]]:
    """(start, end) of every line's content, line breaks (`breaks`) excluded."""
    start = 0
    for m in breaks.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _blocks(text: str, lines: Iterator[tuple[int, int]],
            code: Sequence[tuple[int, int]] = ()) -> list[list[tuple[int, int, int]]]:
    """Runs of non-blank lines, as (start, end, stripped length); blank lines separate runs.
    The lines of the fenced code blocks `code` (`fenced_blocks`) are left out, and separate
    runs too."""
    blocks: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] = []
    fences = iter(code)
    fence = next(fences, None)
    for start, end in lines:
        s, e = _strip(text, start, end)
        while fence is not None and fence[1] <= s:
            fence = next(fences, None)
        if fence is not None and fence[0] < e and s < fence[1]:
            if current:
                blocks.append(current)
                current = []
            continue
        if e > s:
            current.append((start, end, e - s))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _line_units(blocks: list[list[tuple[int, int, int]]]) -> list[_Unit]:
    """``split="lines"``: one sentence per line; paragraphs are blank-line blocks.

    Without blank lines the text is one paragraph: its lines are sentences, and taking
    each for a paragraph made every link of two lines cross a paragraph boundary for the
    aligner (strict F1 on the dev sets 0.861 / 0.894 / 0.897 against 0.865 / 0.907 /
    0.905, as `align eval` reads the same files)."""
    units: list[_Unit] = []
    for b, block in enumerate(blocks):
        for start, end, _ in block:
            units.append(_Unit(start, end, b, split=False))
    return units


def _auto_units(text: str, blocks: list[list[tuple[int, int, int]]]) -> list[_Unit]:
    inner = [length for block in blocks for _, _, length in block[:-1]]
    wrapped = len(blocks) > 1 and sum(n <= WRAP_LIMIT for n in inner) >= 0.9 * len(inner)
    paragraphs = blocks
    width = None
    if not wrapped and len(blocks) == 1:
        # No blank lines: hard-wrapped prose, its paragraphs at its indented lines, or one
        # paragraph per line.
        cuts = sorted(_indented_starts(text, blocks[0]))
        width = _wrap_width(blocks[0])
        wrapped = _hard_wrapped(text, blocks[0], set(cuts), width)
        paragraphs = [blocks[0][a:b] for a, b in zip([0, *cuts], [*cuts, len(blocks[0])],
                                                         strict=True)]
    paragraphs = [piece for block in paragraphs for piece in _at_note_definitions(text, block)]
    units: list[_Unit] = []
    if not wrapped:
        for block in blocks:
            for start, end, _ in block:
                units.append(_Unit(start, end, len(units)))
        return units
    for p, block in enumerate(paragraphs):
        if len(block) == 1:
            units.append(_Unit(block[0][0], block[0][1], p))
        elif _is_credits_block(text, block, width):
            # Each line whole, but the last when it ends a sentence: that is the body
            # under a heading ("3. Liability" / "The Provider … profits. This …"), prose
            # to split; the lines above it end no sentence ("Stalinisme. Paris, …;").
            *title, (last_start, last_end, _) = block
            units.extend(_Unit(start, end, p, split=False) for start, end, _ in title)
            s, e = _strip(text, last_start, last_end)
            units.append(_Unit(last_start, last_end, p,
                               split=_SENTENCE_FINAL.search(text, s, e) is not None))
        else:
            units.extend(_Unit(start, end, p) for start, end in _wrapped_pieces(text, block))
    return units


def _at_note_definitions(text: str, block: list[tuple[int, int, int]]
                         ) -> Iterator[list[tuple[int, int, int]]]:
    """A paragraph's lines cut before each Markdown footnote definition (``[^1]: Text``):
    a note is a paragraph of its own, not the end of the paragraph above it nor of the
    note before it (its wrapped or indented lines stay with it)."""
    start = 0
    for i, (line_start, line_end, _) in enumerate(block):
        if i and _NOTE_DEFINITION.match(text, line_start, line_end):
            yield block[start:i]
            start = i
    yield block[start:]


def _indent(text: str, start: int, end: int) -> int:
    """The width of a line's indentation (a tab counts as up to 8 columns)."""
    return len(text[start:_strip(text, start, end)[0]].expandtabs(8))


def _indented_starts(text: str, block: list[tuple[int, int, int]]) -> set[int]:
    """The lines of a block, but its first, that are indented more than its least
    indented line: where paragraphs begin, if the block is hard-wrapped prose."""
    indents = [_indent(text, start, end) for start, end, _ in block]
    margin = min(indents)
    return {i for i, n in enumerate(indents) if i and n > margin}


def _wrap_width(block: list[tuple[int, int, int]]) -> int:
    """The width a block's lines are wrapped at: its longest line, but lines longer than
    `WRAP_LIMIT`; 0 when more than a tenth of its lines are."""
    fitting = [n for _, _, n in block if n <= WRAP_LIMIT]
    return max(fitting) if len(fitting) >= 0.9 * len(block) else 0


def _hard_wrapped(text: str, block: list[tuple[int, int, int]], starts: set[int],
                  width: int) -> bool:
    """Whether a text without blank lines is hard-wrapped prose, its paragraphs beginning
    at ``starts`` (its indented lines; none: one paragraph).  Its lines are wrapped at
    ``width`` (`_wrap_width`), `WRAP_MIN_WIDTH` or more; a third or more of the lines that
    do not end a paragraph end mid-sentence, and of these most are full (the next line's
    first word would not have fitted on them: `WRAP_FULL_SHARE`) and are followed by a
    line begun in lower case more often than in upper case.  Not one paragraph per line
    (lengths all different, sentence punctuation at the end), nor verse (lines that the
    next word would have fitted on, lines begun with a capital)."""
    if width < WRAP_MIN_WIDTH:
        return False
    body = [i for i in range(len(block) - 1) if i + 1 not in starts]
    open_ends = full = lower = upper = 0
    for i in body:
        start, end, length = block[i]
        s, e = _strip(text, start, end)
        if _SENTENCE_FINAL.search(text, s, e):
            continue
        open_ends += 1
        full += _full(text, block[i], block[i + 1], width)
        next_s, next_e = _strip(text, block[i + 1][0], block[i + 1][1])
        first = text[_OPENERS.match(text, next_s, next_e).end():next_e][:1]
        lower += first.islower()
        upper += first.isupper()
    return (open_ends >= max(3, len(body) / 3) and full >= WRAP_FULL_SHARE * open_ends
            and lower > upper)


def _full(text: str, line: tuple[int, int, int], next_line: tuple[int, int, int],
          width: int) -> bool:
    """Whether the next line's first word would not have fitted on ``line`` (its
    indentation and a space taken into account) in a text ``width`` wide."""
    start, end, length = line
    s, e = _strip(text, next_line[0], next_line[1])
    word = _NON_BLANK_RUN.match(text, s, e)
    return length + 1 + word.end() - word.start() > width - _indent(text, start, end)


def _is_credits_block(text: str, block: list[tuple[int, int, int]],
                      width: int | None = None) -> bool:
    """A few lines, none but the last ending a sentence, each starting like a heading.
    In a text ``width`` wide, not a paragraph whose lines are all full (`_full`): that is
    wrapped prose whose lines happen to begin with names."""
    if len(block) > CREDITS_MAX_LINES:
        return False
    if width and all(_full(text, a, b, width) for a, b in zip(block, block[1:], strict=False)):
        return False
    for i, (start, end, _) in enumerate(block):
        s, e = _strip(text, start, end)
        if i < len(block) - 1 and _SENTENCE_FINAL.search(text, s, e):
            return False
        if i > 0 and not _starts_sentence(text, s, e, after_newline=True):
            return False
    return True


def _wrapped_pieces(text: str, block: list[tuple[int, int, int]]) -> Iterator[tuple[int, int]]:
    """Cut a hard-wrapped paragraph at the line breaks that are sentence breaks."""
    longest = max(length for _, _, length in block)
    start = block[0][0]
    for (_, end, length), (next_start, next_end, _) in zip(block, block[1:], strict=False):
        s, e = _strip(text, next_start, next_end)
        opens_item = _ITEM_LINE.match(text, s, e) or _OPTION_LINE.match(text, s, e)
        short = length < 0.6 * longest and _starts_sentence(text, s, e, after_newline=True)
        if opens_item or short:
            yield start, end
            start = next_start
    yield start, block[-1][1]


# -- sentences -----------------------------------------------------------------------


def sentence_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Stripped (start, end) spans of the sentences of one string (a segment that a file of
    pairs gave, which may hold several sentences)."""
    return list(_sentences(text, 0, len(text), primary_language(language)))


def _sentences(text: str, start: int, end: int, language: str | None) -> Iterator[tuple[int, int]]:
    """Stripped (start, end) spans of the sentences of text[start:end]."""
    sentence_start = _SKIP_BLANK.match(text, start, end).end()
    candidates: Iterator[re.Match[str]] = _CANDIDATE.finditer(text, start, end)
    if language == "th":
        spaces = _THAI_SPACE.finditer(text, start, end)
        candidates = heapq.merge(candidates, spaces, key=lambda m: m.start())
    for m in candidates:
        if m.end() >= end or m.start() < sentence_start:
            continue
        after = m.end()
        if m.re is _THAI_SPACE:
            boundary = _is_thai_phrase_end(text, m, sentence_start, end)
        else:
            after = _opening_quote(text, m, start, language) or after
            boundary = _is_boundary(text, m, sentence_start, end, language, after)
        if boundary:
            yield _strip(text, sentence_start, after)
            sentence_start = _SKIP_BLANK.match(text, after, end).end()
    if _NON_BLANK.search(text, sentence_start, end):
        yield _strip(text, sentence_start, end)


#: The quotes that, stuck to a stop and before a blank, close a quotation in one convention
#: and open one in another: German „…“, ‚…‘, »…« close with “ ‘ «; English “…” and ‘…’,
#: French « … », Spanish, Italian, Portuguese «…» open with them.
_AMBIGUOUS_QUOTES = "“‘«‹"
#: The languages whose quotes of `_AMBIGUOUS_QUOTES` close a quotation, written „…“,
#: ‚…‘, »…«.  In the others (English “…”, French « … », Spanish, Italian «…») and without
#: a language they open one, unless a quotation opened by their German partner
#: (`_QUOTE_PARTNERS`) is still open before them.
_CLOSING_QUOTE_LANGUAGES = frozenset({"de"})
#: The opening quote each closes in German: „…“, ‚…‘, »…«, ›…‹.
_QUOTE_PARTNERS = {"“": "„", "‘": "‚", "«": "»", "‹": "›"}
#: How far back a quotation's opening quote is looked for.
_QUOTE_REACH = 2000


def _opening_quote(text: str, m: re.Match[str], start: int, language: str | None) -> int | None:
    """Where an opening quote stuck to the stop of candidate ``m`` begins (``He stopped.“
    Hello,”``, ``Il se tut.« Bonjour »``): the next sentence begins there, not after it.
    None when every quote after the stop closes (German, or ``„Gut.“ Dann`` anywhere)."""
    if m.group("cjk") or language in _CLOSING_QUOTE_LANGUAGES:
        return None
    stop_at = m.start("stop")
    for at in range(m.end("stop"), m.end()):
        quote = text[at]
        if quote not in _AMBIGUOUS_QUOTES:
            continue
        partner = _QUOTE_PARTNERS[quote]
        opened = text.rfind(partner, max(start, at - _QUOTE_REACH), stop_at)
        # A quotation still open: its partner opened it (» before a word, not a French »
        # after one) and no such quote closed it since.
        if (opened < 0 or text[opened + 1:opened + 2] in BLANK + ".,;:!?"
                or quote in text[opened + 1:stop_at]):
            return at
    return None


def _is_boundary(text: str, m: re.Match[str], sentence_start: int, end: int,
                 language: str | None, after: int | None = None) -> bool:
    """Whether candidate ``m`` ends a sentence, the next one beginning at ``after`` (or at
    the first non-blank after ``m``); ``after`` is before ``m.end()`` when an opening quote
    is stuck to the stop (`_opening_quote`)."""
    after = m.end() if after is None else after
    if m.group("cjk"):
        # 「はい。」と彼は言った。: a quotation closed, then the sentence goes on.
        closed = m.group("cjk")[-1] in _CLOSING
        return not (closed and _QUOTATIVE.match(text, m.end(), end))
    stop_at = m.start("stop")
    stop = m.group("stop")
    before = text[stop_at - 1] if stop_at > sentence_start else ""
    if ";" in stop and not _greek_question(text, stop, stop_at, sentence_start, language):
        return False  # a semicolon: no sentence end outside Greek
    if m.group("note") and m.start("note") < after and not (
            before.isalpha() or (before and before in _CLOSING)):
        return False  # 3.14, 1.000,5, 13.08.1936: a number, not a footnote after a stop
    gap = _SKIP_BLANK.match(text, after, end)
    closed = text[m.end("stop"):after].strip(BLANK)[-1:]
    if closed and closed in _CLOSING_AFTER_STOP and _QUOTATIVE.match(text, gap.end(), end):
        return False  # "File not found." と表示された: as after 「はい。」と (above)
    if (gap.end() == m.end() == after and HAN_OR_KANA.match(text, after)
            and not _sentence_before_unspaced(text, sentence_start, stop_at)):
        # Yahoo!ニュース, 点击“OK!”按钮, 出现Connection timed out.错误: a name, a quotation,
        # a message held in the CJK sentence, which goes on
        return False
    newline = _LINE_BREAK.search(text, after, gap.end()) is not None
    numeral = False
    if not _starts_sentence(text, gap.end(), end, after_newline=newline):
        # A sentence may begin with a number inside a line ("of Padua. 320 people
        # attended"), if only after an ordinary word: checked below.
        numeral = stop == "." and _NUMERAL_START.match(text, gap.end(), end) is not None
        if not numeral:
            return False
    if stop != ".":
        # “Where?” I asked. -- a quoted question or exclamation inside the sentence.
        return not (text[m.end("stop"):after].strip(BLANK) and _QUOTE_THEN_I.match(
            text, gap.end(), end))
    head = text[sentence_start:stop_at]
    if _LABEL.fullmatch(head):
        return False  # "1. Pierre ...", "IV. ...", "a. ...": the label opens the sentence
    word = _word_before(text, sentence_start, stop_at)
    if numeral:
        return _ordinary_word(word, language, text[gap.end():min(end, gap.end() + 40)])
    if not word:
        return True
    if _time_of_day(text, sentence_start, stop_at):
        # A time closes its phrase as "etc." does, and what begins a sentence after one is
        # not only a function word ("6 p.m. Please sign in"); what goes on after one is a
        # day, a month or a zone ("6 p.m. Monday", "5 p.m. EST").
        first = _OPENERS.match(text, gap.end(), end).end()
        return not goes_on_after_time(text[first:min(end, first + 60)])
    if len(word) == 1 and word.isalpha():
        return _single_letter_ends(text, word, sentence_start, stop_at, gap.end(), end,
                                   language)
    following = text[gap.end():min(end, gap.end() + 40)]
    dotted = _DOTTED.fullmatch(word) is not None
    faculty = not dotted and _faculty(text, sentence_start, stop_at, word)
    if dotted or faculty or is_abbreviation(word, language, following):
        # Mr. Smith, e.g. Apples, Dr. med. Martin; No. 5, but not "No. The door".  One
        # that closes its phrase ends a sentence before a sentence opener: "Acme Inc. The
        # firm", "at 10 a.m. We", "Er ist Dr. med. Er", but "Acme Inc. Smith", "et al.",
        # not Polish "przy al. Na Skarpie".
        if dotted:
            closing = word.lower() not in INTRODUCTORY
        else:
            closing = faculty or closes_phrase(
                word, _token_before(text, sentence_start, stop_at))
        return closing and _function_word_at(text, gap.end(), end, language)
    number = _number_after_label(text, gap.end(), end, language)
    if number is not None and _label_before_label(word, language, number):
        return False  # doc. No. 5, Dok. Nr. 5, l'art. L. 123-4
    if word.isdecimal() and len(word) <= 3 and _opens_list_item(
        text, sentence_start, stop_at - len(word), int(word), end
    ):
        return False  # "Steps: 1. Open the box. 2. ...": the number opens the item
    if language == "de" and word.isdigit() and len(word) <= 2:
        # German ordinal: "am 13. August"; not a number after an abbreviation ("Abb. 4.",
        # "Nr. 5.", "S. 12."), nor one before a sentence opener: an ordinal is followed by
        # a noun or an adjective ("den 2. Weltkrieg", "der 3. Große Preis"), not by an
        # article, pronoun, conjunction or sentence adverb ("in Kapitel 3. Danach folgt",
        # "in Abschnitt 5. Die Zahlen").
        previous = _token_before(text, sentence_start, stop_at - len(word))
        label = previous[:-1]
        return (previous.endswith(".") and (
            (len(label) == 1 and label.isalpha()) or is_abbreviation(label, language, word))
        ) or (not previous.endswith(":")  # "Punkte: 3. Die Zahlen …": a list's item
              and _function_word_at(text, gap.end(), end, language))
    return True


def _time_of_day(text: str, sentence_start: int, stop_at: int) -> bool:
    """Whether the stop at ``stop_at`` ends a time of day after its number (6 p.m., 8:00
    A.M., 6 p. m.; `TIME_OF_DAY`).  Without the number the letters are as often initials
    (Dr. A.M. Smith, J. A. M. Smith)."""
    tokens = text[max(sentence_start, stop_at - 60):stop_at].split()
    if not tokens or text[stop_at - 1] in BLANK:
        return False
    return any(
        len(tokens) > n and "".join(tokens[-n:]).lower() in TIME_OF_DAY
        and tokens[-n - 1][-1:].isdigit()
        for n in (1, 2)
    )


def _faculty(text: str, sentence_start: int, stop_at: int, word: str) -> bool:
    """Whether ``word``, before a stop, is a doctor's faculty in an academic title: one of
    `FACULTIES` after a title of `ACADEMIC_TITLES` or after another faculty after one (Dr.
    med., Dr. rer. nat., Prof. Dr. phil.).  Elsewhere
    the same short words end sentences (Swedish "Följ med.", come along), and so does any
    word that is no faculty (`FACULTIES`: "I saw the Dr. today. Mary came.")."""
    if word not in FACULTIES:
        return False
    tokens = text[max(sentence_start, stop_at - 80):stop_at].split()[:-1]
    for token in reversed(tokens[-4:]):
        if not token.endswith("."):
            return False
        body = token[:-1]
        if body in ACADEMIC_TITLES:
            return True
        if body not in FACULTIES:
            return False
    return False


#: A word and its elision's apostrophe (L'entreprise: l').
_FIRST_WORD = re.compile(r"[^\W\d_]+['’]?")


def _function_word_at(text: str, pos: int, end: int, language: str | None) -> bool:
    """Whether the word at ``pos`` (after opening quotes and brackets) is one that begins
    sentences and no name in ``language`` (`segment_abbreviations.SENTENCE_OPENERS`: an
    article, pronoun, demonstrative, conjunction or preposition; The, We, Le, Die; not
    Smith, Army, Will, May, First, nor English I), and not an initial (A. Smith)."""
    pos = _OPENERS.match(text, pos, end).end()
    m = _FIRST_WORD.match(text, pos, end)
    if m is None or text[m.end():m.end() + 1] == ".":
        return False
    return opens_sentence(m.group().lower().replace("’", "'"), language)


#: A label of a number and the number after it: ``No. 5``, ``Nr. 12``, ``L. 123-4``,
#: ``S. 12``, ``Nº 5``.
_LABEL_AND_NUMBER = re.compile(
    rf"(?P<label>[^\W\d_]{{1,5}})\.[{_B}]+|(?P<sign>[NnΝ][º°o])\.?[{_B}]*(?=\d)")
_NUMBER_AHEAD = re.compile(r"[(\[#]?\d")


def _number_after_label(text: str, pos: int, end: int, language: str | None) -> str | None:
    """The text after a label of a number that begins at ``pos`` and the number it labels
    (the number on), or None: a single letter (L. 123-4, S. 12), a listed label (No. 5,
    Nr. 5, Fig. 3) or one by shape (`_unlisted_label`: Anl. 3), or the sign Nº."""
    m = _LABEL_AND_NUMBER.match(text, pos, end)
    if m is None:
        return None
    after = text[m.end():min(end, m.end() + 40)]
    if not _NUMBER_AHEAD.match(after):
        return None
    label = m.group("label")
    if label is None or len(label) == 1 or _unlisted_label(label) or is_abbreviation(
            label, language, after):
        return after
    return None


#: An elided article or preposition before a word: l'art., d'après.
_ELISION = re.compile(r"^[^\W\d_]{1,2}['’]")


def _label_before_label(word: str, language: str | None, number: str) -> bool:
    """Whether ``word``, before a stop, a label of a number and the number, is an
    abbreviation going on into them (doc. No. 5, Dok. Nr. 5, l'art. L. 123-4): a listed
    abbreviation, a label as labels are written (art., doc., No., Nr.), or a single letter.
    Not an unlisted word, whatever its shape: ``in the end. Fig. 3 shows …``, ``aus Bonn.
    Nr. 5 war …`` end a sentence, as a label opens one more often than a numeral does; nor
    a lower-case label capitalised, which is as often a name or a word (``I met Max. No. 5
    was …``)."""
    bare = _ELISION.sub("", word.rstrip(_CLOSING))
    if not bare.isalpha():
        return False
    return len(bare) == 1 or is_abbreviation(bare, language) or (
        is_abbreviation(bare, language, number)
        and (bare.islower() or bare in NUMBER_LABELS_CASE_SENSITIVE))


#: A number, then a word: how a sentence that begins with a numeral goes on ("320 people
#: attended"); not "5.000 €", "15, 10115 Berlin" or "030 1234" (an amount, an address, a
#: telephone number), which follow abbreviations more often than they begin sentences.
_NUMERAL_START = re.compile(rf"\d[\d.,]*[{_B}]+[^\W\d_]")


def _ordinary_word(word: str, language: str | None, following: str) -> bool:
    """Whether ``word``, before a stop and a number, is an ordinary word that ends a
    sentence (Padua in "of Padua. 320 people"): letters only, not an initial, a listed
    abbreviation or label of a number (p. 12, No. 5, vol. 3, Abs. 1, Mio. 5), a dotted
    one (e.g.), a Roman numeral (Ludwig XIV., German's ordinal), a German street
    (Hauptstr. 15) nor `_unlisted_label`; a number before the stop (am 13. August) is no
    word either."""
    bare = word.rstrip(_CLOSING)
    return (len(bare) > 1 and bare.isalpha() and not _ROMAN.fullmatch(bare)
            and not bare.lower().endswith("str")
            and not _unlisted_label(bare)
            and not is_abbreviation(bare, language, following))


#: Vowels, without their accents (NFD): Latin, Cyrillic, Greek.
_VOWELS = frozenset("aeiouæøаеиоуыэюяієαεηιουω")


def _unlisted_label(word: str) -> bool:
    """Whether ``word``, before a stop and a number, is taken for a label or unit no list
    has: in lower case, any word of at most four letters (6 ft. 2 in. tall, est. 1850,
    pop. 50000, incl. 5, См. гл. 5, Viz odst. 3, bijl. 2); capitalised, the rest in lower
    case (not an acronym, UK. 300), one of at most four letters ending in a consonant
    (§ 823 Rn. 12, Anl. 3, Tz. 4, Ps. 23, Matt. 5, Pt. 2, Hwy. 5).  Short capitalised
    names and nouns ending in a vowel still end a sentence (Rome. 300 people, Ohio. 12 of
    them); short lower-case words (in the park. 300 people) and capitalised ones ending in
    a consonant (Bonn. 5 Freunde, German Haus. 20 Minuten) do not: the accepted cost, as
    a sentence seldom opens with a numeral."""
    if len(word) > 4:
        return False
    if word.islower():
        return True
    last = unicodedata.normalize("NFD", word[-1:].lower())[:1]
    return word[:1].isupper() and word[1:].islower() and last not in _VOWELS


#: Per language, the words of one letter that can end a sentence: pronouns and verbs
#: (Это был я.  Il y en a.  Dank u.), not the prepositions and conjunctions (в, z, и, o)
#: that cannot, and whose letters are also abbreviations (о. Сахалин, o. Kolbe).
#: Without a language, the letters that are such a word wherever they are written.
_FINAL_LETTERS: dict[str | None, str] = {
    None: "Iяèéő", "en": "I", "ru": "я", "uk": "я", "be": "я", "bg": "я", "fr": "a",
    "it": "è", "pt": "é", "nl": "u", "hu": "ő", "tr": "o",
}
#: Abbreviations of two parts, the second a single letter, that before a capital end the
#: sentence as "etc." does: и т. д., и т. п. ("and so on") and the units кв. м., куб. м.
#: (square, cubic metre: "300 тысяч рублей за кв. м. Мэр …").  Not т. е. ("that is"),
#: which goes on before a name: "столица, т. е. Москва".
_FINAL_PAIRS = frozenset({("т.", "д"), ("т.", "п"), ("кв.", "м"), ("куб.", "м")})
#: A word of at most three letters and a full stop: an abbreviation going on (a. C., v. Chr.).
_ABBREVIATION_NEXT = re.compile(r"[^\W\d_]{1,3}\.")
_ROMAN = re.compile(r"[IVXLCDM]+")
#: An ordinal: a number or a Roman numeral with its suffix (19th, 2nd, XIXe, 3e, 1er, 2º).
_ORDINAL = re.compile(r"(?:\d{1,4}|[IVXLCDM]{1,7})(?:st|nd|rd|th|e|er|re|ème|è|o|a|º|ª|ᵉ)")


def _single_letter_ends(text: str, word: str, sentence_start: int, stop_at: int,
                        next_at: int, end: int, language: str | None) -> bool:
    """Whether a full stop after the one-letter ``word`` ends the sentence (the next word
    starting like a sentence)."""
    if word in _FINAL_LETTERS.get(language, ""):
        return True  # Это был я.  I.
    if word != word.lower():
        return False  # an initial: J. R. R. Tolkien, А. Пушкин
    previous = _token_before(text, sentence_start, stop_at - 1)
    if (previous, word) in _FINAL_PAIRS:
        return True
    if _ORDINAL.fullmatch(previous):
        # A unit after an ordinal (19th c., XIXe s.) closes its phrase: it ends a sentence
        # before a sentence opener (the 19th c. Their house), not before a capitalised
        # adjective or name (a 19th c. English novel).
        return _function_word_at(text, next_at, end, language)
    if previous[-1:].isdigit() or _ROMAN.fullmatch(previous):
        # A unit or a year after a number (1936 г., 1936 r., XIX в.) ends a sentence
        # before a capital, unless an abbreviation goes on (500 v. Chr.).  A script
        # without case gives no such evidence (Thai 19.30 น. เธอพบ: "7.30 p.m. she met").
        first = _OPENERS.match(text, next_at, end).end()
        return (first < end and text[first].isupper()
                and not _ABBREVIATION_NEXT.match(text, first, end))
    return False  # p. 12, s. Kapitel, о. Сахалин


def _token_before(text: str, sentence_start: int, at: int) -> str:
    """The blank-separated token that ends before text[at]'s own token, in the sentence."""
    window = text[max(sentence_start, at - 60):at].split()
    if window and at > sentence_start and text[at - 1] not in BLANK:
        window.pop()  # the token ``at`` is part of
    return window[-1] if window else ""


def _greek_question(text: str, stop: str, stop_at: int, sentence_start: int,
                    language: str | None) -> bool:
    """Whether the ``;`` of ``stop`` is the Greek question mark: in Greek, or after a
    Greek word when the language is not given."""
    if language is not None:
        return language == "el"
    window = text[max(sentence_start, stop_at - 40):stop_at]
    letters = [c for c in window if c.isalpha()]
    return bool(letters) and _GREEK.match(letters[-1]) is not None


def _opens_list_item(text: str, sentence_start: int, number_at: int, number: int,
                     end: int) -> bool:
    """Whether the number at ``number_at`` labels an item of a list run into the line:
    the next number follows further on (``n+1.``), and the number is 1 or comes after a
    colon (Steps: 1. Open the box. 2. Remove the cover.)."""
    if number != 1 and not text[sentence_start:number_at].rstrip(BLANK).endswith((":", "：")):
        return False
    following = re.compile(rf"(?<![\w.,]){number + 1}[.)][{_B}]")
    return following.search(text, number_at, min(end, number_at + 2000)) is not None


#: Thai writes no sentence punctuation: a space between two Thai words ends a phrase or a
#: sentence (`_is_thai_phrase_end`).  No-break spaces do not.
_THAI_SPACE = re.compile(r"(?<=[\u0e01-\u0e5b]) +(?=[\u0e01-\u0e5b])")
#: A Thai phrase shorter than this (a name, สองครั้ง "twice") is no segment of its own.
THAI_MIN_PHRASE = 10
_THAI_PHRASE = re.compile(f"[^{_B}]{{{THAI_MIN_PHRASE}}}")


def _is_thai_phrase_end(text: str, m: re.Match[str], sentence_start: int, end: int) -> bool:
    """Whether a space between Thai words ends a segment: the phrase after it (up to the
    next blank) is at least `THAI_MIN_PHRASE` characters long, and so is one phrase of
    the segment before it (the last 1000 characters of it).  So a short phrase stays
    with the one before it (คอสตาอ่านจดหมายช้าๆ สองครั้ง, "Costa read the letter slowly,
    twice"), and a name with what follows it (ดร.แอนนา เบิร์ก เดินทาง…)."""
    following = _NON_BLANK_RUN.match(text, m.end(), end)
    if following is None or following.end() - m.end() < THAI_MIN_PHRASE:
        return False
    return _THAI_PHRASE.search(text, max(sentence_start, m.start() - 1000), m.start()) is not None


#: What marks text written without spaces: a Han or kana letter, or a CJK or full-width
#: punctuation mark (。，：「（).
_UNSPACED_MARK = re.compile(
    rf"[{CJK_LETTERS}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]")
#: The opening quotes and brackets of a quotation held in a sentence, with what closes each.
_QUOTATION_CLOSERS = {
    "「": "」", "『": "』", "｢": "｣", "（": "）", "【": "】", "〈": "〉", "《": "》", "〔": "〕",
    "〖": "〗", "［": "］", "｛": "｝", "(": ")", "[": "]", "{": "}", "“": "”\"", "‘": "’'",
    "\"": "\"”", "'": "'’", "«": "»", "‹": "›", "„": "“”", "‚": "‘’",
}
#: How far back a Latin stop stuck to a Han or kana letter looks for the start of the
#: text before it.
_UNSPACED_REACH = 300


def _sentence_before_unspaced(text: str, sentence_start: int, stop_at: int) -> bool:
    """Whether the text of a spaced script before a stop stuck to a Han or kana letter is a
    sentence of its own (``收入增长。Management cautioned that rates may rise.公司``): it
    begins the sentence, at the paragraph's start or after a sentence's end, with no Han
    or kana letter nor CJK punctuation mark since; it has three words at least, not one
    word or name (``Yahoo!ニュース``); and it opens no quotation or bracket still open at
    the stop (``“Save all changes.”按钮``).  Begun after a Han or kana letter or a CJK mark,
    it is held in the CJK sentence, which goes on after its stop: a message, a title, a
    quotation (``如果出现Connection timed out.错误``, ``他读了Who Moved My Cheese?这本书``,
    ``彼はI love you so much!と言った``, ``『Oliver!』を``).  A quotation opened after the
    first word is the Latin sentence's own (``He said "No way!"然后``).  A run of spaced
    script longer than `_UNSPACED_REACH` is a passage of its own, whatever came before."""
    begin = max(sentence_start, stop_at - _UNSPACED_REACH)
    if _UNSPACED_MARK.search(text, begin, stop_at):
        return False
    run = text[begin:stop_at].lstrip(BLANK)
    opener = run[:1]
    if opener in _QUOTATION_CLOSERS and not any(
            c in _QUOTATION_CLOSERS[opener] for c in run[1:]):
        return False
    return sum(any(c.isalpha() for c in word) for word in run.split()) >= 3


#: What follows the last Han or kana letter of a token (nothing when it ends in one).
_AFTER_LAST_CJK_LETTER = re.compile(rf"(?<=[{CJK_LETTERS}])[^{CJK_LETTERS}]*$")


def _word_before(text: str, sentence_start: int, stop_at: int) -> str:
    """The word the stop is attached to, without opening quotes or brackets."""
    window = text[max(sentence_start, stop_at - 40):stop_at]
    if not window or window[-1] in BLANK:
        return ""
    word = window.split()[-1] if window.split() else window
    # Unspaced text runs into the Latin word it holds: of 我们请了Dr. it is Dr.
    latin = _AFTER_LAST_CJK_LETTER.search(word)
    if latin and latin.group():
        word = latin.group()
    return word.lstrip("([{«‹»›“„‘‚\"'¿¡-–—")


def _starts_sentence(text: str, pos: int, end: int, *, after_newline: bool) -> bool:
    """Whether text[pos:end] begins the way a sentence begins."""
    if after_newline and _OPTION_LINE.match(text, pos, end):
        return True  # a line of an options table: "FILE.\n    --keep N    Keep …"
    pos = _OPENERS.match(text, pos, end).end()
    if pos >= end:
        return True
    c = text[pos]
    if c.isdigit():
        return after_newline or _LIST_NUMBER.match(text, pos, end) is not None
    if c.isalpha():
        return not c.islower()
    return after_newline


# -- stripping and cutting -------------------------------------------------------------


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip(BLANK))
    right = len(piece) - len(piece.rstrip(BLANK))
    return start + left, end - right


def _cut_long(
    text: str, spans: list[tuple[int, int, int]], max_chars: int, code: set[int] = frozenset()
) -> tuple[list[tuple[int, int, int]], int]:
    """Cut sentences longer than ``max_chars``; return the new spans and how many were cut.
    The sentences that start at `code` are fenced code blocks, cut between their lines."""
    out: list[tuple[int, int, int]] = []
    cut = 0
    for start, end, paragraph in spans:
        if end - start <= max_chars:
            out.append((start, end, paragraph))
            continue
        cut += 1
        lines = start in code
        while end - start > max_chars:
            at = _cut_point(text, start, max_chars, lines)
            out.append((*_strip(text, start, at), paragraph))
            start = _SKIP_BLANK.match(text, at, end).end()
        out.append((start, end, paragraph))
    return out, cut


def _cut_point(text: str, start: int, max_chars: int, lines: bool = False) -> int:
    """Where to cut a long sentence starting at ``start``: after a clause in the second
    half of the window, else at its last space, else after a hyphen or slash inside a
    word; only a word longer than the whole window is cut anywhere.  With `lines` (a
    fenced code block), at the window's last line break first: a line of code is no
    clause to cut at a comma."""
    low, high = start + max_chars // 2, start + max_chars
    if lines:
        breaks = list(_LINE_BREAK.finditer(text, start + 1, high + 1))
        if breaks:
            return breaks[-1].start()
    for pattern in (_CLAUSE_BREAK, _COMMA_BREAK):
        breaks = list(pattern.finditer(text, low, high))
        if breaks:
            return breaks[-1].end()
    # A space at ``high`` ends a piece of exactly ``max_chars``.
    spaces = list(_SPACE.finditer(text, start + 1, high + 1))
    if spaces:
        return spaces[-1].start()
    hyphens = list(_WORD_BREAK.finditer(text, start + 1, high))
    if hyphens:
        return hyphens[-1].end()
    at = high
    while at > low + 1 and _continues_cluster(text, at):
        at -= 1  # keep accents, vowel signs and emoji sequences with their base
    return at


#: Characters that extend the character before them into one grapheme: the zero-width
#: joiner, variation selectors, emoji skin tones, tag characters, Thai and Lao sara am
#: (spacing vowels that are letters to `unicodedata`), Hangul vowel and final jamo.
_EXTENDERS = re.compile(
    "[\u200d\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
    "\u0e33\u0eb3\u1160-\u11ff\ud7b0-\ud7ff]"
)


def _continues_cluster(text: str, at: int) -> bool:
    """Whether a cut before text[at] would fall inside a grapheme cluster: text[at] is a
    combining mark (Mn, Mc, Me: accents, Indic and Thai vowel signs) or another extender,
    follows a zero-width joiner (an emoji sequence) or a virama (a conjunct: स्त), or is the
    second of a pair of regional indicators (a flag)."""
    c = text[at]
    if unicodedata.category(c) in ("Mn", "Mc", "Me") or _EXTENDERS.match(c):
        return True
    previous = text[at - 1] if at else ""
    if previous == "\u200d" or (previous and unicodedata.combining(previous) == 9
                                and c.isalpha()):
        return True
    if "\U0001f1e6" <= c <= "\U0001f1ff":
        run = at
        while run and "\U0001f1e6" <= text[run - 1] <= "\U0001f1ff":
            run -= 1
        return (at - run) % 2 == 1
    return False
