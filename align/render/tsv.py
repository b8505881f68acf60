"""``.tsv``: one line per link, ``source<TAB>translation<TAB>score<TAB>divergence<TAB>findings``.

No header line: tools that read bitext as ``source<TAB>translation<TAB>score``
would take a header for a sentence pair.  The first three columns are what
those tools expect; the last two are empty when there is nothing to say.  The texts are
those of every file format (`align.render.base.line_text`).
"""

from __future__ import annotations

from pathlib import Path

from align.record import Alignment
from align.render.base import line_text

EXTENSIONS: tuple[str, ...] = (".tsv",)


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
