"""Moses-style parallel text: ``NAME.src.txt`` and ``NAME.tgt.txt``, one link per line.

Line *k* of each file holds link *k*'s side, its sentences joined by one space;
a side with no sentence is an empty line, so both files always have as many
lines as there are links.  Either file name may be given; both are written.  The texts are
those of every file format (`align.render.base.line_text`: no control
characters).
"""

from __future__ import annotations

from pathlib import Path

from align.record import Alignment
from align.render.base import line_text

EXTENSIONS: tuple[str, ...] = (".src.txt", ".tgt.txt")


def output_files(path: Path) -> tuple[Path, Path]:
    """The (source, translation) pair of files named by either one of them."""
    # Both endings have eight characters; the file named is written under its own name,
    # its sibling with the same case letter for letter (``Y.Tgt.Txt`` → ``Y.Src.Txt``).
    stem, ending = path.name[:-8], path.name[-8:]
    label = ending[1:4]

    def named(side: str) -> Path:
        if side == label.lower():
            return path
        cased = "".join(c.upper() if given.isupper() else c
                        for c, given in zip(side, label, strict=True))
        return path.with_name(stem + ending[0] + cased + ending[4:])

    return named("src"), named("tgt")


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    source_path, translation_path = output_files(path)
    source = "".join(line_text(alignment.source, link.source) + "\n" for link in alignment.links)
    translation = "".join(
        line_text(alignment.translation, link.translation) + "\n" for link in alignment.links
    )
    return {source_path: source.encode("utf-8"), translation_path: translation.encode("utf-8")}
