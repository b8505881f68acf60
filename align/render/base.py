"""The renderer protocol and the text helpers the line-based formats share.

A renderer is a module with two names:

- ``EXTENSIONS``: the file-name endings it answers to, e.g. ``(".tsv",)``;
- ``render(alignment, path) -> dict[Path, bytes]``: the bytes of every file it
  wants written for the output ``path``.

Renderers never touch the file system; `align.outputs` writes what they
return, atomically and after checking every output first.  A renderer that
writes more than one file (Moses writes a pair) also defines
``output_files(path)`` so that those files can be checked before anything is
rendered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Protocol

from align.record import Alignment, Side


class Renderer(Protocol):
    EXTENSIONS: tuple[str, ...]

    def render(self, alignment: Alignment, path: Path) -> dict[Path, bytes]: ...


def output_files(renderer: ModuleType, path: Path) -> tuple[Path, ...]:
    """Every file `renderer` writes for the output `path` (just `path` unless it says otherwise)."""
    announce = getattr(renderer, "output_files", None)
    return tuple(announce(path)) if announce is not None else (path,)


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun` as a reader says them: ``1 link``, ``2 links``, ``0 links``,
    ``1,300 links`` (`plural` for a noun that takes no plain s: ``counted(n, "entry",
    "entries")``)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


#: What XML cannot hold (TMX, a workbook's cells): the C0 controls but tab and the line
#: breaks, lone surrogates, U+FFFE and U+FFFF.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Everything `str.splitlines` breaks on, plus the tab: none may survive in a
# one-segment-per-line or tab-separated file.
_LINE_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


#: Chinese and Japanese write no space between words or sentences: their ideographs (the
#: unified ones, extensions A to F, compatibility), kana, and the punctuation of CJK and
#: full-width forms ("。", "、", "「", "！", "）").  Korean spaces its words: Hangul is not here.
_UNSPACED = ("\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
             "\uf900-\ufaff\uff00-\uff9f\uffe0-\uffef\U00020000-\U0003134f")
#: Quotation marks a sentence may end or begin with, looked through ("他说：“好。”").
_QUOTES = "\"'“”‘’"
#: ... and so are the ellipsis and the dash Chinese ends a sentence with ("他走了……").
_UNSPACED_END = re.compile(f"[{_UNSPACED}][{_QUOTES}…—]*$")
_UNSPACED_START = re.compile(f"^[{_QUOTES}]*[{_UNSPACED}]")
_UNSPACED_BREAK = re.compile(f"(?<=[{_UNSPACED}])[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85"
                             f"\u2028\u2029]+(?=[{_UNSPACED}])")


def _unspaced(before: str, after: str) -> bool:
    """Whether `after` follows `before` with no space between them, as Chinese and
    Japanese write: `before` ends in an ideograph, kana or full-width punctuation and
    `after` begins with one (quotation marks aside)."""
    return bool(_UNSPACED_END.search(before) and _UNSPACED_START.search(after))


def one_line(text: str) -> str:
    """`text` with every run of tabs and line breaks turned into one space, ends trimmed;
    between two Chinese or Japanese characters (a text wrapped mid-sentence), into none."""
    return _LINE_BREAKS.sub(" ", _UNSPACED_BREAK.sub("", text)).strip()


def link_text(side: Side, indices: Sequence[int]) -> str:
    """The sentences `indices` of `side` as one line ("" if none), joined by single spaces,
    or by none between Chinese or Japanese sentences ("猫在睡觉。它很累。")."""
    parts = [p for p in (one_line(side.sentences[i].text) for i in indices) if p]
    joined = parts[:1]
    for part in parts[1:]:
        joined += [part] if _unspaced(joined[-1], part) else [" ", part]
    return "".join(joined)


def line_text(side: Side, indices: Sequence[int]) -> str:
    """A link's side as the file formats hold it (TSV, Moses, TMX): `link_text` (tabs and
    line breaks are spaces, so that one link is one line) without what XML cannot hold
    (`NOT_XML`: BEL, ESC, NUL …, lone surrogates, U+FFFE, U+FFFF), which no reader shows
    and some take for the end of a line or of the file: every output holds the same text."""
    return NOT_XML.sub("", link_text(side, indices))
