"""``.tsv``: one line per link, ``source<TAB>translation<TAB>score<TAB>divergence<TAB>findings``.

No header line: tools that read bitext as ``source<TAB>translation<TAB>score``
would take a header for a sentence pair.  The first three columns are what
those tools expect; the last two are empty when there is nothing to say.  The texts are
the line-based formats' (`line_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align.record import Alignment, Side
from align.render.base import NOT_XML, link_text

EXTENSIONS: tuple[str, ...] = (".tsv",)


def line_text(side: Side, indices: Sequence[int]) -> str:
    """A link's side as a line-based file holds it: `link_text` (tabs and line breaks are
    spaces, so that one link is one line) without the control characters that the TMX
    drops too (`NOT_XML`: BEL, ESC, NUL …, U+FFFE, U+FFFF), which no reader shows and
    some take for the end of a line or of the file: every output holds the same text."""
    return NOT_XML.sub("", link_text(side, indices))


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    lines = []
    for link in alignment.links:
        divergence = "" if link.divergence is None else f"{link.divergence:.3f}"
        # Each kind once, in the order first found.
        kinds = ",".join(dict.fromkeys(f.kind for f in link.findings))
        fields = (
            line_text(alignment.source, link.source),
            line_text(alignment.translation, link.translation),
            f"{link.score:.3f}",
            divergence,
            kinds,
        )
        lines.append("\t".join(fields) + "\n")
    return {path: "".join(lines).encode("utf-8")}
