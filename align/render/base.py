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


# Everything `str.splitlines` breaks on, plus the tab: none may survive in a
# one-segment-per-line or tab-separated file.
_LINE_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """`text` with every run of tabs and line breaks turned into one space, ends trimmed."""
    return _LINE_BREAKS.sub(" ", text).strip()


def link_text(side: Side, indices: Sequence[int]) -> str:
    """The sentences `indices` of `side` as one line, joined by single spaces ("" if none)."""
    parts = (one_line(side.sentences[i].text) for i in indices)
    return " ".join(p for p in parts if p)
