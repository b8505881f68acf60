"""Placeholders, markup tags and addresses that the translation must keep as they are.

Software strings (gettext PO, XLIFF, resource files checked with ``--pairs``) carry
variables that the program fills in and tags that a renderer reads: ``%d``, ``%s``,
``%1$s``, ``%(name)s``, ``{0}``, ``{name}``, ``{{count}}``, ``${user}``,
``<b>`` … ``</b>``, and the inline codes of XLIFF as `align.checks.pairs` writes them
(``<1/>``, ``<2>`` … ``</2>``).  A translation that drops, adds or alters one breaks the program
or the page, so each side's placeholders are compared as a multiset: their order may
change (languages order words differently), their spelling may not.  Both are what
QA checkers call a placeholder or tag mismatch.  Web and e-mail addresses are compared
the same way, as *minor*: a localised site may rightly change a path.  So are, outside
code, file-system paths (``/usr/local/bin``, ``~/.cache/x``, ``C:\\Restore``), file names
with a common extension (``config.yaml``) and command-line options (``--daemon``, ``-R``),
each reported by itself (``path /opt/x/bin in the source is /opt/x/lib in the
translation``); prose writes none (``and/or``, ``1/2``, ``x-ray``, ``well -- I think``).

Where printf formats a string (it holds ``%d``, ``%s`` …), ``%%`` is its percent sign and a
lone ``%`` a broken escape.  A plural form that stands for one number alone in its
language (CLDR: Arabic ``zero``, ``one`` and ``two``, English ``one``; not Russian ``one``,
which is also 21, 31 …) may leave the count out.  An ICU argument without the ``other``
branch that ICU requires fails to format.

Markdown code is the program's too: an inline code span (`` `timeout` ``,
``` ``a`b`` ```) and a fenced code block (a line of three or more backticks or tildes, the
code, a closing fence) are read as blanks by the checks that read text, as placeholders
are (`blank_markup`; the pieces of a block that segmentation cut at ``max_chars``,
through `readable_links`), and compared between the two sides.  The inline spans as
placeholders are (*major*: the reader types them, the program reads them), each by its
code without the placeholders it holds (the placeholder comparison has those), *minor*
where only the formatting changed (the same text stands outside code on the other
side).  The blocks by their lines, without their comments (a translator rightly
translates those): one lost or added is *major*, one changed *minor* (a block's sample
strings may rightly be translated too: worth a look).  HTML comments and a Markdown
link's destination are no text either.

Prose has none of these, so the check is silent on literary text: the patterns ask
for what only markup writes (no ``%`` followed by a space, as in ``50 % des``; no
brace that is not closed on the same name; a backtick opens code only where no letter or
digit precedes it and closes it only where none follows, within a paragraph, so that
the backticks that old e-texts quote with, `` `Hello,' said `Bob' ``, open nothing).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from functools import lru_cache
from operator import itemgetter
from typing import TypeVar

from align.checks.base import CheckContext, LinkText, quote
from align.checks.lexicon import SINGLE_NUMBER_FORMS, plural_categories
from align.checks.resources import plural_form
from align.language import primary_language
from align.record import Finding, SideName, Span
from align.segment import fenced_blocks

KINDS = ("mechanical",)

_PLACEHOLDER = re.compile(
    r"%%"  # printf's percent sign, read first: "%%d" holds no "%d"
    r"|%(?:\d+\$)?(?:\([A-Za-z_]\w*\))?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|q)?"
    r"[diouxXeEfFgGcrsap@](?![A-Za-z])"  # printf and Python %: %d, %1$s, %(name)s, %.2f, %@
    r"|\{\{\s*[A-Za-z_][\w.]*\s*\}\}"  # {{name}}: Jinja, Angular, Handlebars
    r"|\{[A-Za-z_]?[\w.]*(?:[,:][^{}\n]{0,40})?\}"  # {0}, {name}, {0:N2}, {count, plural, …}
    r"|\$\{[A-Za-z_]\w*\}"  # ${name} (not $1, which prose writes for a price)
    # Tags, their attributes' values quoted or not (HTML allows ``<img src=a.png>``).
    r"|</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*"
    r"\s*/?>"
    r"|</?\d[\w-]*/?>"  # a translation tool's inline codes by id: <1/>, <2>, </2>
)


#: Addresses a translation keeps, though a localised site may change their path.
_ADDRESS = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"'«»“”]+[^\s<>\"'«»“”.,;:!?)\]]"
    # The local part starts where a run of its characters starts and is never re-read
    # (possessive): "a.a.a.a…" without an "@" costs one pass, not one per position.
    r"|(?<![\w.+-])[\w.+-]++@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b",
    re.IGNORECASE,
)


#: An ICU MessageFormat argument with branches (Flutter ARB, i18next, ngx-translate, Java):
#: ``{count, plural, one{# file} other{# files}}``, ``{gender, select, male{he} …}``.
_ICU_HEAD = re.compile(r"\{\s*([A-Za-z_][\w.]*)\s*,\s*(plural|selectordinal|select)\s*,")
_ICU_SELECTOR = re.compile(r"\s*(?:offset:\s*\d+\s*)?(?:=\d+|[A-Za-z_]\w*)\s*\{")
_ICU_END = re.compile(r"\s*\}")
_SELECTOR_NAME = re.compile(r"(=\d+|[A-Za-z_]\w*)\s*\{\Z")


class _Icu:
    """The ICU arguments of a text: the syntax (heads, selectors, braces, a plural's ``#``)
    is markup the translation keeps; the branches' bodies are text to translate, and the
    number of branches is each language's own (Russian has ``few`` and ``many``)."""

    def __init__(self, text: str) -> None:
        #: (start, end) of each piece of syntax.
        self.syntax: list[tuple[int, int]] = []
        #: (start, end) of each branch body, inside its braces.
        self.bodies: list[tuple[int, int]] = []
        #: (start, end, key) of each argument's head: ``{count,plural}``.
        self.heads: list[tuple[int, int, str]] = []
        #: (start, end, key, selectors) of each argument's head match (``{count, plural,``):
        #: the selectors of its branches in order (``one``, ``=0``, ``other``).
        self.selectors: list[tuple[int, int, str, list[str]]] = []
        #: The branch bodies of each argument, in the order of `selectors`.
        self.branches: list[list[tuple[int, int]]] = []
        for head in _ICU_HEAD.finditer(text):
            self._argument(text, head)

    def _argument(self, text: str, head: re.Match[str]) -> None:
        syntax, bodies, at = [(head.start(), head.end())], [], head.end()
        selectors = []
        while selector := _ICU_SELECTOR.match(text, at):
            selectors.append(_SELECTOR_NAME.search(selector.group()).group(1))
            close = _closing_brace(text, selector.end() - 1)
            if close is None:
                return
            syntax += [(selector.start(), selector.end()), (close, close + 1)]
            bodies.append((selector.end(), close))
            if head.group(2) != "select":  # in a plural, # stands for the number
                syntax += [(m.start(), m.end()) for m in re.finditer("#", text[:close])
                           if m.start() >= selector.end()]
            at = close + 1
        end = _ICU_END.match(text, at)
        if not bodies or end is None:
            return  # not ICU after all: left to the other patterns
        self.syntax += syntax + [(end.start(), end.end())]
        self.bodies += bodies
        key = f"{{{head.group(1)},{head.group(2)}}}"
        self.heads.append((head.start(), end.end(), key))
        self.selectors.append((head.start(), head.end(), key, selectors))
        self.branches.append(bodies)

    def inside(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a piece of syntax or a branch body with its braces."""
        return any(a <= start and end <= b for a, b in self.syntax) or any(
            start == a - 1 and end == b + 1 for a, b in self.bodies)

    def in_body(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.bodies)


def _closing_brace(text: str, opening: int) -> int | None:
    depth = 0
    for k in range(opening, len(text)):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                return k
    return None


class _Token:
    """A placeholder found in a text, as `re.Match` gives one (`group`, `start`, `end`)."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start, self._end, self._text = start, end, text

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def one_branch(text: str) -> str:
    """`text` as a reader sees it at one time: of each ICU argument, the branch with the most
    words kept and the others blanked (offsets kept).  ``{n, plural, one {# photo} other
    {# photos}}`` reads ``photo`` or ``photos``, one word, never both."""
    if "{" not in text:
        return text
    icu = _Icu(text)
    chars = list(text)
    for bodies in icu.branches:
        longest = max(bodies, key=lambda body: len(text[body[0]:body[1]].split()))
        for start, end in bodies:
            if (start, end) != longest:
                chars[start:end] = " " * (end - start)
    return "".join(chars)


def placeholder_keys(text: str) -> Counter[str]:
    """The placeholders and tags of `text` as the placeholder check compares them (``<br/>``
    as ``<br>``, an ICU argument by its head ``{count,plural}``), counted."""
    return Counter(_key(m.group()) for m in placeholders(text))


def addresses(text: str) -> list[re.Match[str]]:
    """The web and e-mail addresses of `text`, in order."""
    return list(_ADDRESS.finditer(text))


#: The extensions that make a word a file name (``config.yaml``, ``README.md``): common ones
#: only, so that ``e.g.``, ``Mr.Smith`` and ``Amazon.com`` are no file names.
_EXTENSIONS = (
    "txt md markdown rst adoc ini cfg conf config yaml yml json jsonl toml xml html htm xhtml "
    "css scss js mjs cjs ts tsx jsx vue py pyc ipynb sh bash zsh fish bat cmd ps1 psm1 exe "
    "dll dylib jar war java kt cpp hpp cxx cs rs rb php lua sql sqlite sqlite3 db log csv tsv "
    "xlsx xls docx doc odt ods pdf epub png jpg jpeg gif svg webp ico bmp tif tiff mp3 mp4 wav "
    "ogg mkv avi mov zip tar gz tgz bz2 xz zst 7z rar deb rpm msi dmg apk iso img vhd vmdk pem "
    "crt cer csr p12 pfx service socket timer plist properties po pot mo xlf xliff tmx srt vtt "
    "lock bak tmp swp patch diff whl gem nupkg mk cmake gradle dockerfile env"
).split()
#: A path, a file name or a command-line option, outside code (`technical_terms`).
_TECHNICAL = re.compile(
    # Windows: a drive (C:\Restore), a relative path (..\logs, .\run.bat), a share.
    r"(?P<windows>(?<![\w\\/])(?:[A-Za-z]:[\\/]|\.{1,2}\\|\\\\(?=\w))[\w.$@+~\\/-]*)"
    # Home and relative paths: ~/.cache/x, ~user/x, ./run.sh, ../logs.
    r"|(?P<relative>(?<![\w.~/\\])(?:~[\w.-]*|\.{1,2})/[\w.@+~/-]*)"
    # Absolute paths: /usr/local/bin; not and/or, km/h, 1/2, 13/08/1936 (a word before).
    r"|(?P<absolute>(?<![\w./\\~:<>-])/[A-Za-z_][\w.@+-]*(?:/[\w.@+-]+)*/?)"
    # File names, maybe with their folders: config.yaml, docs/index.md, lrp-1.8.2.tar.gz.
    r"|(?P<file>(?<![\w./\\~-])(?:[\w.-]+/)*[\w-]+(?:\.[\w-]+)*\.(?i:"
    + "|".join(sorted(_EXTENSIONS, key=len, reverse=True)) + r")(?![\w-]|\.[\w-]))"
    # Long options after a blank or an opening mark: --daemon, --max-size=5; not the
    # dashes of prose, "well -- I think" (`run` leaves out a document that joins words
    # with them, "it--but").
    r"|(?P<long>(?<![^\s(\[{\"'«“‘])--[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*"
    r"(?:=[^\s,;()\[\]\"'«»“”‘’]+)?(?![\w-]))"
    # Short options after a word and a space: curl -O, ls -la; not -5, A-1, x-ray.
    r"|(?P<short>(?<=\w[ \t])-(?:[A-Za-z]|[a-z]{2,3})(?![\w-]))"
)
_TECHNICAL_NAMES = {"windows": "path", "relative": "path", "absolute": "path",
                    "file": "file name", "long": "option", "short": "option"}
#: French pronouns that tokenised text writes apart: ``dit -il``, ``celle -ci``.
_CLITICS = frozenset(
    "-il -ils -elle -elles -on -je -tu -moi -toi -lui -nous -vous -ci -ce -en -y".split())


#: The first column of a line of an options table: its options and their arguments up to
#: the two blanks or the tab before the description (``--config FILE    Read …``,
#: ``-v, --verbose    Print …``, ``-o <file>    Write …``).
_OPTIONS_HEAD = re.compile(
    r"^[ \t]*(?:--?[A-Za-z][\w-]*(?:[ =](?:[A-Z][A-Z0-9_]*|<[^<>\n]*>|\[[^\[\]\n]*\]))?"
    r",?[ \t]?)+(?=[ \t]{2}|\t)", re.MULTILINE)


def _technical(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the paths, file names and options of `text`, which is read as
    it stands (`technical_terms` reads it without its markup)."""
    found = []
    for m in _TECHNICAL.finditer(text):
        kind = _TECHNICAL_NAMES[m.lastgroup]
        token = m.group().rstrip(".,:;!?")  # the sentence's own mark
        if m.lastgroup == "file" and "/" in token:
            kind = "path"  # docs/index.md
        if m.lastgroup == "short" and token in _CLITICS:
            continue
        if token and token not in "/~.":
            found.append((m.start(), m.start() + len(token), kind))
    return found


def technical_terms(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the paths, file names and command-line options of `text` that
    lie outside its markup and code (``path``, ``file name``, ``option``)."""
    if not any(c in text for c in "/\\.-"):
        return []
    return _technical(_blank_markup(text))


#: A run of backticks, which opens or closes an inline code span.
_BACKTICKS = re.compile(r"`+")
#: A blank line: no inline code span crosses one.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: An HTML comment, which no reader sees.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: The destination of a Markdown link or image, and its title: ``(guide.md "Guide")`` of
#: ``[the guide](guide.md "Guide")``; and a link reference definition, a line of its own:
#: ``[issues]: https://example.com/issues "Known issues"``.
_LINK_TARGET = re.compile(
    r"(?<=\])\((?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)"
    r"|^[ \t]{0,3}\[[^\[\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*$",
    re.MULTILINE)

#: A Markdown footnote's reference, ``[^1]``, or its definition's label, ``[^note]:``: its
#: number is no number of the sentence.
_NOTE_REFERENCE = re.compile(r"\[\^[^\[\]\s]{1,40}\]:?")


def _code(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The fenced code blocks of `text` (`align.segment.fenced_blocks`) and, outside them,
    its inline code spans, each as (start, end) with its fences or backticks."""
    if "`" not in text and "~~~" not in text:  # prose: no cache entry spent on it
        return (), ()
    return _markdown_code(text)


@lru_cache(maxsize=1 << 14)
def _markdown_code(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    blocks = tuple(fenced_blocks(text, joined=True))
    inline: list[tuple[int, int]] = []
    at = 0
    for start, end in (*blocks, (len(text), len(text))):
        inline += _inline_code(text, at, start)
        at = end
    return blocks, tuple(inline)


def _inline_code(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The inline code spans of ``text[start:end]``: a run of backticks that no letter or
    digit precedes, the code, and the next run of as many backticks that no letter or
    digit follows, in the same paragraph (CommonMark's spans, less those prose quotes
    with: `` `Hello,' said `Bob' ``, ``` ``quoted'' ```)."""
    runs = list(_BACKTICKS.finditer(text, start, end))
    if len(runs) < 2:
        return []
    closers: dict[int, list[int]] = {}  # length -> indices of the runs that may close
    for k, run in enumerate(runs):
        if not (run.end() < len(text) and text[run.end()].isalnum()):
            closers.setdefault(len(run.group()), []).append(k)
    breaks = [m.start() for m in _BLANK_LINE.finditer(text, start, end)]
    found, k = [], 0
    while k < len(runs):
        run = runs[k]
        k += 1
        if run.start() and text[run.start() - 1].isalnum():
            continue
        candidates = closers.get(len(run.group()), [])
        j = bisect_left(candidates, k)
        if j == len(candidates):
            continue
        close = runs[candidates[j]]
        blank = bisect_left(breaks, run.end())
        if blank < len(breaks) and breaks[blank] < close.start():
            continue  # a span does not cross a paragraph
        if text[run.end():close.start()].strip():
            found.append((run.start(), close.end()))
            k = candidates[j] + 1
    return found


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the Markdown code of `text`, in order: its fenced code blocks and its
    inline code spans, fences and backticks included."""
    blocks, inline = _code(text)
    return sorted(blocks + inline)


def blank_code(text: str, fill: str = " ") -> str:
    """`text` with its Markdown code (`code_spans`) written over with `fill`, offsets kept."""
    spans = code_spans(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


#: How a paragraph that is markup alone begins: a fence, a comment, a tag.
_OPENING = re.compile(r"`{3,}|~{3,}|<")


def code_pieces(ctx: CheckContext, side: SideName) -> frozenset[int]:
    """The sentences of `side` that are pieces of one fenced code block or HTML comment: a
    paragraph of several sentences that, read line by line, is markup alone (`align.segment`
    cuts a block longer than ``max_chars`` between its lines, and segments a comment's lines
    as text; ``--split lines`` makes each line a sentence).  A piece from the middle of a
    block shows no fence of its own."""
    key = f"code_pieces_{side}"
    if key not in ctx.notes:
        sentences = ctx.alignment.side(side).sentences
        found: set[int] = set()
        k = 0
        while k < len(sentences):
            j = k + 1
            while j < len(sentences) and sentences[j].paragraph == sentences[k].paragraph:
                j += 1
            if j - k > 1 and _OPENING.match(sentences[k].text):
                paragraph = "\n".join(sentence.text for sentence in sentences[k:j])
                if not blank_markup(paragraph).strip():
                    found.update(range(k, j))
            k = j
        ctx.notes[key] = frozenset(found)
    return ctx.notes[key]


def readable_sentences(ctx: CheckContext, side: SideName) -> list[str]:
    """The text of each sentence of `side` as the checks read it: a piece of a code block
    (`code_pieces`) blank."""
    pieces = code_pieces(ctx, side)
    return [" " * len(sentence.text) if k in pieces else sentence.text
            for k, sentence in enumerate(ctx.alignment.side(side).sentences)]


def readable_links(ctx: CheckContext, side: SideName) -> list[LinkText]:
    """Each link's `side` as the checks read it: the pieces of a code block (`code_pieces`)
    written over with blanks, offsets kept; `ctx.text(side)` itself where there are none."""
    pieces = code_pieces(ctx, side)
    if not pieces:
        return ctx.text(side)
    key = f"readable_links_{side}"
    if key not in ctx.notes:
        out = []
        for link, link_side in zip(ctx.alignment.links, ctx.text(side), strict=True):
            indices = link.source if side == "source" else link.translation
            if not pieces.intersection(indices):
                out.append(link_side)
                continue
            chars = list(link_side.text)
            for k, (offset, _, length) in zip(indices, link_side.pieces, strict=True):
                if k in pieces:
                    chars[offset:offset + length] = " " * length
            out.append(LinkText(link_side.side, "".join(chars), link_side.pieces))
        ctx.notes[key] = out
    return ctx.notes[key]


@lru_cache(maxsize=1 << 14)  # every check reads every link's text through it
def blank_markup(text: str) -> str:
    """`text` with its placeholders, tags, addresses, paths and file names, ICU syntax,
    Markdown code, HTML comments and link destinations blanked out (offsets kept): what is
    left is the text a reader sees."""
    text = _blank_markup(text)
    if "-" in text:
        # The first column of an options table, so that its description begins the text.
        text = _OPTIONS_HEAD.sub(lambda m: " " * len(m.group()), text)
    if any(c in text for c in "/\\."):
        for start, end, kind in _technical(text):
            if kind != "option":  # an option is a word of the sentence ("--keep N")
                text = text[:start] + " " * (end - start) + text[end:]
    return text


def _blank_markup(text: str) -> str:
    """`blank_markup` but for paths and file names."""
    chars = list(text)
    for start, end in _Icu(text).syntax if "{" in text else ():
        chars[start:end] = " " * (end - start)
    for start, end in code_spans(text):
        chars[start:end] = " " * (end - start)
    text = "".join(chars)
    patterns = [_ADDRESS, _PLACEHOLDER]
    if "](" in text or "]:" in text:
        patterns.insert(0, _LINK_TARGET)  # before the address it may hold
    if "<!--" in text:
        patterns.insert(0, _COMMENT)
    if "[^" in text:  # a Markdown note's reference or label: ``POUM.[^1]``, ``[^1]:``
        patterns.insert(0, _NOTE_REFERENCE)
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _in(spans, start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def placeholders(text: str) -> list[re.Match[str] | _Token]:
    """The placeholders and tags of `text`, in order; of an ICU argument, its head
    (``{count,plural}``) and the placeholders of its branches once each, whatever the
    number of branches.  Those of a fenced code block are the block's code (compared
    with it); those of an inline code span stay placeholders (``Unknown option `%s` ``)."""
    found = list(_PLACEHOLDER.finditer(text))
    blocks = _code(text)[0] if found else ()
    if blocks:
        found = [m for m in found if not _in(blocks, m.start())]
    if "{" not in text:
        return found
    icu = _Icu(text)
    if not icu.heads:
        return found
    out: list[re.Match[str] | _Token] = [_Token(a, b, key) for a, b, key in icu.heads]
    seen_in_bodies: set[str] = set()
    for m in found:
        if icu.inside(m.start(), m.end()):
            continue
        if icu.in_body(m.start()):
            if m.group() in seen_in_bodies:
                continue
            seen_in_bodies.add(m.group())
        out.append(m)
    return sorted(out, key=lambda m: m.start())


#: HTML's void elements (the HTML standard's list): they have no content and no end tag, so
#: that ``<br>``, ``<br/>`` and ``<br />`` are one tag, written in HTML's way or XHTML's.
_VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta source track wbr".split())


def _key(token: str) -> str:
    # Tag attributes may be translated (alt="…", title="…"): a tag is its name.
    tag = re.match(r"</?([A-Za-z][\w:-]*|\d[\w-]*)", token)
    if tag and token.startswith("<"):
        name = tag.group(1).lower()
        if name in _VOID_ELEMENTS and not token.startswith("</"):
            return f"<{name}>"
        return ("</" if token.startswith("</") else "<") + name + (
            "/>" if token.endswith("/>") else ">")
    return re.sub(r"\s+", "", token)


T = TypeVar("T")


def taking(items: Iterable[T], wanted: Counter, key: Callable[[T], Hashable]) -> list[T]:
    """The `items` whose `key` `wanted` holds, as many times as it holds each, in order: the
    tokens of one side that the other lacks (``wanted`` a difference of two Counters)."""
    left, out = Counter(wanted), []
    for item in items:
        k = key(item)
        if left[k] > 0:
            left[k] -= 1
            out.append(item)
    return out


def _spans(ctx: CheckContext, side: LinkText, found: list[re.Match[str]],
           wanted: Counter[str], key_of) -> list[Span]:
    return [ctx.span(side, m.start(), m.end())
            for m in taking(found, wanted, lambda m: key_of(m.group()))]


def _compare(ctx: CheckContext, source: LinkText, translation: LinkText, find, key,
             what: str, severity: str, may_lose=None, may_add=None,
             formatting=None, equivalent=None) -> Finding | None:
    """A finding for the tokens that `find` gives on one side only, compared by `key`; a
    token that `may_lose` (`may_add`) accepts may be missing from (added to) the
    translation, and the keys lost and added that `equivalent` pairs (it returns those it
    leaves) are one token.  Where `formatting` accepts the keys lost and added (only the
    formatting changed), the finding is *minor*."""
    in_source, in_translation = find(source.text), find(translation.text)
    if not in_source and not in_translation:
        return None
    mine = Counter(key(m.group()) for m in in_source)
    theirs = Counter(key(m.group()) for m in in_translation)
    if mine == theirs:
        return None
    lost, added = mine - theirs, theirs - mine
    if may_lose is not None:
        lost = Counter({k: n for k, n in lost.items() if not may_lose(k)})
    if may_add is not None:
        added = Counter({k: n for k, n in added.items() if not may_add(k)})
    if equivalent is not None and lost and added:
        lost, added = equivalent(lost, added)
    if not lost and not added:
        return None
    parts = []
    if lost:
        parts.append(f"{' '.join(quote(k, 40) for k in lost.elements())} of the source "
                     "missing from the translation")
    if added:
        parts.append(f"{' '.join(quote(k, 40) for k in added.elements())} in the "
                     "translation only")
    if formatting is not None and formatting(lost, added):
        severity = "minor"
        parts.append("the same text stands outside code on the other side")
    return Finding(
        "mechanical", severity, f"{what}: " + "; ".join(parts),
        _spans(ctx, source, in_source, lost, key)
        + _spans(ctx, translation, in_translation, added, key),
    )


def inline_code_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the inline code spans of `text`, backticks included."""
    return _code(text)[1]


def code_inner(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the code of the inline code span ``text[start:end]`` (one of
    `inline_code_spans`): inside its backticks (as many as open it, so that a backtick
    of the code stays), without the spaces around it."""
    ticks = len(text[start:end]) - len(text[start:end].lstrip("`"))
    start, end = start + ticks, end - ticks
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def inline_code(text: str) -> list[_Token]:
    """The inline code spans of `text` that hold code of their own, not only placeholders
    (``Unknown option `%s` `` is the placeholder comparison's), nor only a keyboard
    shortcut (`` `Ctrl+S` ``, which the shortcut check compares by its keys)."""
    # The one import between the two modules that waits for a call: shortcuts imports
    # this module as it loads.
    from align.checks.shortcuts import whole_shortcut

    found = []
    for start, end in _code(text)[1]:
        if _code_key(text[start:end]) and whole_shortcut(
                text[slice(*code_inner(text, start, end))]) is None:
            found.append(_Token(start, end, text[start:end]))
    return found


def _code_key(span: str) -> str:
    """An inline code span as compared: its code without its placeholders and with its
    spacing normalised, between its backticks (empty when it holds nothing else)."""
    ticks = span[: len(span) - len(span.lstrip("`"))]
    code = " ".join(_PLACEHOLDER.sub(" ", span[len(ticks) : -len(ticks)]).split())
    return f"{ticks}{code}{ticks}" if code else ""


def _formatting_only(source: str, translation: str):
    """Whether the inline code lost from the translation stands in it outside code, and the
    code added to it in the source: the formatting changed, not the code."""
    def outside(key: str, text: str) -> bool:
        code = key.strip("`")
        visible = " ".join(blank_code(text, "`").split())
        return re.search(rf"(?<![\w`]){re.escape(code)}(?![\w`])", visible) is not None

    return lambda lost, added: all(outside(k, translation) for k in lost) and all(
        outside(k, source) for k in added)


def _addresses_outside_code(text: str) -> list[re.Match[str]]:
    """`addresses`, but those in Markdown code, which the code comparison has."""
    found = addresses(text)
    code = code_spans(text) if found else ()
    return [m for m in found if not _in(code, m.start())]


#: A line of a code block that is a comment, a translator's to translate: shell, Python,
#: YAML, TOML (``#``), C-like (``//``, ``/*``, `` * ``), SQL and Lua (``-- ``), INI and
#: Lisp (``;``), TeX (``%``), HTML (``<!--``).
_COMMENT_LINE = re.compile(r"#|//|/\*|\*|-- |;|%|<!--")
#: A comment that ends a line of code: ``#`` or ``//`` after a blank.
_LINE_END_COMMENT = re.compile(r"\s(?:#|//).*")
_FENCE_RUN = re.compile(r"`{3,}|~{3,}")
#: A number in a line of code, compared as a value.
_BLOCK_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _block_lines(block: str) -> tuple[str, ...]:
    """A fenced code block as compared: its lines without its fences, comments and blank
    lines, their spacing normalised."""
    lines = block.split("\n")
    if lines and _FENCE_RUN.match(lines[0].strip()):
        lines = lines[1:]
    if lines and _FENCE_RUN.fullmatch(lines[-1].strip()):
        lines = lines[:-1]
    out = []
    for line in lines:
        line = line.strip()
        if line and not _COMMENT_LINE.match(line):
            line = " ".join(_LINE_END_COMMENT.sub("", line).split())
            out.append(line)
    return tuple(out)


def _code_blocks(ctx: CheckContext, source: LinkText, translation: LinkText,
                 cut: bool = False) -> Finding | None:
    """The fenced code blocks of a link's two sides compared, in any order: one lost or
    added is *major*, one changed *minor*, and its reason shows the first line that
    differs.  Where the link holds pieces of a block that segmentation `cut` (at
    ``max_chars``), the blocks its pieces make whole are compared, and no block is lost:
    the other side may hold a piece of it."""
    mine, theirs = _code(source.text)[0], _code(translation.text)[0]
    if not mine and not theirs:
        return None
    if len(mine) != len(theirs):
        if cut:
            return None
        return Finding(
            "mechanical", "major",
            f"code blocks differ: {len(mine)} in the source, {len(theirs)} in the translation",
            [ctx.span(source, a, b) for a, b in mine]
            + [ctx.span(translation, a, b) for a, b in theirs])
    blocks = {"source": [(a, b, _block_lines(source.text[a:b])) for a, b in mine],
              "translation": [(a, b, _block_lines(translation.text[a:b])) for a, b in theirs]}
    counts = {side: Counter(block[2] for block in found) for side, found in blocks.items()}
    lost = taking(blocks["source"], counts["source"] - counts["translation"], itemgetter(2))
    if not lost:
        return None
    added = taking(blocks["translation"], counts["translation"] - counts["source"],
                   itemgetter(2))
    was, now = lost[0][2], added[0][2]
    k = next((k for k, (x, y) in enumerate(zip(was, now, strict=False)) if x != y),
             min(len(was), len(now)))

    def line(found: tuple[str, ...]) -> str:
        return f"«{quote(found[k], 40)}»" if k < len(found) else "nothing"

    what = f"{len(lost)} code blocks differ" if len(lost) > 1 else "code block differs"
    # A sample string of a block may rightly be translated, a number in it not: the reader
    # types it (`--limit 500` as `--limit 50`).
    numbers_only = len(was) == len(now) and all(
        _BLOCK_NUMBER.sub("0", x) == _BLOCK_NUMBER.sub("0", y) for x, y in zip(was, now,
                                                                              strict=True))
    return Finding(
        "mechanical", "major" if numbers_only else "minor",
        f"{what}: {line(was)} in the source, {line(now)} in the translation"
        + (", a number changed" if numbers_only else ""),
        [ctx.span(source, a, b) for a, b, _ in lost]
        + [ctx.span(translation, a, b) for a, b, _ in added])


def _technical_key(token: str, kind: str) -> str:
    """A path, file name or option as compared: as written, since Unix and options tell
    case; a Windows path (a drive or a backslash) regardless of case, as Windows reads it;
    a path without its closing separator."""
    if kind == "path":
        token = token.rstrip("/\\") or token
        if "\\" in token or re.match(r"[A-Za-z]:", token):
            return token.lower()
    if kind == "option" and "=" in token:
        # The numbers of the value are the number check's (`--max-size=5M` against `=50M`
        # is major there); reported here too, it would be one change said twice.
        name, value = token.split("=", 1)
        return f"{name}={_NUMBER_VALUE.sub('', value)}"
    return token


#: A number in an option's value: ``=5``, ``=0.5``, ``=1,000``, the 5 of ``=5M``.
_NUMBER_VALUE = re.compile(r"\d+(?:[.,]\d+)*")


#: A double hyphen joining two words, "it--but": a document that writes one uses it as a
#: dash, and ``--but`` after a space in it is a dash too, not an option.
_PROSE_DASH = re.compile(r"[^\W\d_]--[^\W\d_]")


def _dashes_in_prose(ctx: CheckContext) -> bool:
    """Whether either document joins words with a double hyphen (`_PROSE_DASH`)."""
    if "prose_dashes" not in ctx.notes:
        ctx.notes["prose_dashes"] = any(
            _PROSE_DASH.search(sentence.text) for side in ("source", "translation")
            for sentence in ctx.alignment.side(side).sentences if "--" in sentence.text)
    return ctx.notes["prose_dashes"]


def _technical_findings(ctx: CheckContext, source: LinkText, translation: LinkText,
                        long_options: bool = True) -> list[Finding]:
    """The paths, file names and command-line options outside code that differ between the
    two sides, compared as a multiset of each kind (their order may change): *minor*, as
    addresses are (a localised guide may rightly name a translated folder).  A short option
    (``-R``) counts only where both sides write one: tokenised French writes its pronouns
    apart (``dit -il``); a long one not where `long_options` is False."""
    found = {side: [(a, b, k, link_side.text[a:b]) for a, b, k in technical_terms(link_side.text)]
             for side, link_side in (("source", source), ("translation", translation))}
    out = []
    for kind in ("path", "file name", "option"):
        sides = {side: [(a, b, t) for a, b, k, t in terms if k == kind
                        and (long_options or not t.startswith("--"))]
                 for side, terms in found.items()}
        if kind == "option" and not all(
                any(not t.startswith("--") for _, _, t in terms) for terms in sides.values()):
            sides = {side: [term for term in terms if term[2].startswith("--")]
                     for side, terms in sides.items()}
        mine = Counter(_technical_key(t, kind) for _, _, t in sides["source"])
        theirs = Counter(_technical_key(t, kind) for _, _, t in sides["translation"])
        if mine == theirs:
            continue
        lost_keys, added_keys = mine - theirs, theirs - mine
        lost = _taking(sides["source"], lost_keys, kind)
        added = _taking(sides["translation"], added_keys, kind)
        out += term_differences(ctx, source, translation, lost, added, kind)
    return out


def term_differences(ctx: CheckContext, source: LinkText, translation: LinkText,
                     lost: list[tuple[int, int, str]], added: list[tuple[int, int, str]],
                     kind: str, changed: str = "minor") -> list[Finding]:
    """The findings of terms of one `kind` (a path, a shortcut …) written as ``(start, end,
    text)``: those the source has and the translation lacks (`lost`), paired in order
    with those the translation adds, are changed (severity `changed`); the rest are
    missing or added (minor: the other side may say them otherwise)."""
    out = [Finding("mechanical", changed, f"{kind} {was} in the source is {now} in the "
                   "translation", [ctx.span(source, a, b), ctx.span(translation, c, d)])
           for (a, b, was), (c, d, now) in zip(lost, added, strict=False)]
    out += [Finding("mechanical", "minor", f"{kind} {was} in the source is missing from the "
                    "translation", [ctx.span(source, a, b)]) for a, b, was in lost[len(added):]]
    out += [Finding("mechanical", "minor", f"{kind} {now} in the translation is not in the "
                    "source", [ctx.span(translation, c, d)]) for c, d, now in added[len(lost):]]
    return out


def _taking(terms: list[tuple[int, int, str]], wanted: Counter[str],
            kind: str) -> list[tuple[int, int, str]]:
    """The `terms` whose keys `wanted` holds, as many times as it holds each, in order."""
    return taking(terms, wanted, lambda term: _technical_key(term[2], kind))


def _printf(text: str) -> bool:
    """Whether `text` holds a printf placeholder (``%d``, ``%1$s``, ``%(name)s``): a string
    that a printf-style function formats, where a percent sign must be written ``%%``."""
    return any(m.group().startswith("%") and m.group() != "%%" for m in placeholders(text))


def _with_percent_signs(text: str) -> list[re.Match[str] | _Token]:
    """`placeholders` of a string that printf formats, and each ``%`` that is none of them
    nor ``%%``: a broken escape (``%d%`` for ``%d%%``), which Java's and Android's
    ``String.format`` reject and C leaves undefined."""
    blank = blank_markup(text)
    signs = [_Token(m.start(), m.end(), "%") for m in re.finditer("%", blank)]
    return sorted([*placeholders(text), *signs], key=lambda m: m.start())


#: A placeholder that stands for the count a plural form is chosen by, as `_key` writes
#: it: printf's integers (``%d``, ``%1$d``, Android's quantity), a ``count`` by name
#: (i18next's ``{{count}}``, ``{count}``, ``%(count)d``, ``${count}``).
_COUNT = re.compile(
    r"%(?:\d+\$)?[-+#0]*\d*(?:hh|h|ll|l|L|z|j|t|q)?[diu]"
    r"|%\((?:count|n|num|number|quantity)\)[-+#0]*\d*[dis]"
    r"|\{\{?(?:count|n|num|number|quantity)\}\}?|\$\{count\}")


def _is_count(key: str) -> bool:
    return bool(_COUNT.fullmatch(key))


def _plural_quantities(ctx: CheckContext) -> dict[int, str]:
    """The CLDR category of each link that is a plural form of a resource string
    (``photos[one]``, ``count_zero``), by link: a key read as a form only beside another
    form of its string (``step_one`` alone is no plural)."""
    forms = {i: plural_form(link.key) for i, link in enumerate(ctx.alignment.links)
             if link.key}
    names = Counter(form[0] for form in forms.values() if form)
    return {i: form[1] for i, form in forms.items()
            if form and names[form[0]] >= 2 and not form[1].isdigit()}


#: A language code in an address, between its separators (``/en/``, ``en.example.com``,
#: ``?lang=en``), with its region or script (``en-us``, ``en_US``, ``zh-hans``, ``es-419``):
#: `_localised_addresses` fills in the language.  A script is one of those written in
#: addresses, not any four letters: ``/en-docs/`` is a word, not English in a script.
_ADDRESS_LANGUAGE = (r"(?<![a-z0-9]){}(?:[-_](?:[a-z]{{2}}|\d{{3}}|latn|cyrl|hans|hant|arab"
                     r"|grek|hebr|deva|jpan|kore|thai))?(?![a-z0-9])")


def _localised_addresses(source_language: str | None, translation_language: str | None):
    """The `equivalent` of `_compare` for addresses: an address of the source and one of the
    translation that differ only where the source's writes the source language's code
    and the translation's the translation language's (``example.com/en/install`` and
    ``example.com/fr/install``, ``en-us`` and ``fr-fr``, ``?lang=en`` and ``?lang=fr``,
    ``en.example.com`` and ``fr.example.com``) are one address, localised as a localised
    site is meant to be.  None where either language is not known, or both are one."""
    codes = [primary_language(language) for language in (source_language, translation_language)]
    if not all(codes) or codes[0] == codes[1]:
        return None
    mine, theirs = (re.compile(_ADDRESS_LANGUAGE.format(re.escape(code))) for code in codes)

    def equivalent(lost: Counter[str], added: Counter[str]) -> tuple[Counter[str], Counter[str]]:
        lost, added = Counter(lost), Counter(added)
        for was in list(lost.elements()):
            general = mine.sub("{language}", was)
            if general == was:
                continue  # no language code: nothing to localise
            now = next((k for k in added
                        if added[k] and theirs.sub("{language}", k) == general), None)
            if now is not None:
                lost[was] -= 1
                added[now] -= 1
        return +lost, +added

    return equivalent


def _icu_without_other(ctx: CheckContext, source: LinkText,
                       translation: LinkText) -> list[Finding]:
    """An ICU plural or select argument of the translation without the ``other`` branch
    that the source's has: ICU requires it, and the message fails to format."""
    if "{" not in translation.text:
        return []
    wanted = {key for _, _, key, selectors in _Icu(source.text).selectors
              if "other" in selectors}
    return [
        Finding("mechanical", "major",
                f"ICU argument {key} without its other branch, which ICU requires (the "
                f"source's has one): the translation has only {' '.join(selectors)}",
                [ctx.span(translation, start, end)])
        for start, end, key, selectors in _Icu(translation.text).selectors
        if key in wanted and "other" not in selectors
    ]


def icu_branches_lost(source: str, translation: str) -> list[tuple[int, int]]:
    """(start, end) of each branch body of the `source`'s ICU arguments whose selector the
    translation's argument of the same name lacks (``=0 {No comments}`` dropped): what
    the placeholder check reports as a missing branch, whose words no other check should
    read as text the translation lost (the "No" of "No comments" is no negation dropped)."""
    if "{" not in source or "{" not in translation:
        return []
    theirs = {key: set(selectors) for _, _, key, selectors in _Icu(translation).selectors}
    icu = _Icu(source)
    return [body for (_, _, key, selectors), bodies in zip(icu.selectors, icu.branches,
                                                           strict=True)
            if key in theirs
            for selector, body in zip(selectors, bodies, strict=True)
            if selector not in theirs[key]]


#: The explicit ICU branch of the one number a category holds where it holds one alone.
_EXPLICIT = {"zero": "=0", "one": "=1", "two": "=2"}


def _icu_missing_branches(ctx: CheckContext, source: LinkText,
                          translation: LinkText) -> list[Finding]:
    """The branches an ICU plural of the translation lacks, the argument of the same name
    in the source being a plural too: a category of CLDR's that the translation's language
    needs (`align.checks.lexicon.plural_categories`: French ``one``; not its ``many``,
    for a million, nor Japanese ``one``), *major* as a plural form missing from a
    resource file is (ICU falls back on ``other``: "1 photos"); and an explicit value of
    the source's (``=0 {No comments}``), *minor*: the message still reads, not as the
    source's does.  ``other`` is `_icu_without_other`'s."""
    if "{" not in translation.text or "{" not in source.text:
        return []
    needed, _ = plural_categories(ctx.translation_language)
    theirs = _Icu(translation.text)
    if not theirs.selectors:
        return []
    mine = {key: selectors for _, _, key, selectors in _Icu(source.text).selectors
            if key.endswith(",plural}")}
    out = []
    for start, end, key, selectors in theirs.selectors:
        if key not in mine:
            continue
        # A category that holds one number alone in the language (German "one": 1) is
        # covered by the explicit branch of that number ("=1").
        alone = SINGLE_NUMBER_FORMS.get(ctx.translation_language or "", frozenset())
        missing = [c for c in needed or () if c != "other" and c not in selectors
                   and not (c in alone and _EXPLICIT.get(c) in selectors)]
        if missing:
            out.append(Finding(
                "mechanical", "major",
                f"ICU plural {key} lacks the branch{'es' if len(missing) > 1 else ''} "
                f"{' '.join(missing)}, which {ctx.translation_language} needs (CLDR): the "
                f"translation has only {' '.join(selectors)}",
                [ctx.span(translation, start, end)]))
        values = [v for v in mine[key] if v.startswith("=") and v not in selectors]
        if values:
            out.append(Finding(
                "mechanical", "minor",
                f"ICU branch{'es' if len(values) > 1 else ''} {' '.join(values)} of the "
                f"source's {key} missing from the translation",
                [ctx.span(translation, start, end)]))
    return out


def run(ctx: CheckContext) -> list[tuple[int, Finding]]:
    out: list[tuple[int, Finding]] = []
    quantities = _plural_quantities(ctx) if ctx.pairs_input else {}
    # Placeholders, addresses and inline code as the checks read the text: the pieces of a
    # code block cut at max_chars are the block's, compared with it where a link holds it.
    readable = zip(readable_links(ctx, "source"), readable_links(ctx, "translation"),
                   strict=True)
    for i, (source, translation) in enumerate(readable):
        raw = ctx.sources[i], ctx.translations[i]
        if not raw[0] or not raw[1]:
            continue
        find = placeholders
        if "%" in source.text + translation.text and (
                _printf(source.text) or _printf(translation.text)):
            find = _with_percent_signs
        # A plural form for one number alone may leave the number out: Arabic "one" is 1
        # only ("صورة واحدة"), while Russian "one" is 1, 21, 31 … and needs its %d.
        quantity = quantities.get(i)
        may_lose = may_add = None
        if quantity in SINGLE_NUMBER_FORMS.get(ctx.translation_language or "", ()):
            may_lose = _is_count
        if quantity in SINGLE_NUMBER_FORMS.get(ctx.source_language or "", ()):
            may_add = _is_count  # English "One day left", Russian "Остался %d день"
        for finding in (
            _compare(ctx, source, translation, find, _key, "placeholders or tags differ",
                     "major", may_lose, may_add),
            # A localised site changes its paths ("/en/" → "/fr/"): worth a look, no more;
            # the source language's code in them made the translation's is expected.
            _compare(ctx, source, translation, _addresses_outside_code, str.lower,
                     "web or e-mail addresses differ", "minor",
                     equivalent=_localised_addresses(ctx.source_language,
                                                     ctx.translation_language)),
            _compare(ctx, source, translation, inline_code, _code_key, "inline code differs",
                     "major", formatting=_formatting_only(source.text, translation.text)),
            *_technical_findings(ctx, source, translation, not _dashes_in_prose(ctx)),
            _code_blocks(ctx, *raw, cut=source is not raw[0] or translation is not raw[1]),
            *_icu_without_other(ctx, source, translation),
            *_icu_missing_branches(ctx, source, translation),
        ):
            if finding is not None:
                out.append((i, finding))
    return out
