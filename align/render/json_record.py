"""``.json``: the alignment record itself, readable back with `align.outputs.load_record`.

The layout is documented field by field in ``docs/format.md``.  Objects and
lists are opened one item per line down to the record's rows (a sentence, a
link, a row of the neighbourhood), which stay on one line each: a record of
thousands of sentences is a file of thousands of lines, easy to read, grep and
diff, rather than one line or a hundred thousand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from align.record import Alignment

EXTENSIONS: tuple[str, ...] = (".json",)


def render(alignment: Alignment, path: Path) -> dict[Path, bytes]:
    body = alignment.to_dict()
    if any(link.divergence is not None for link in alignment.links):
        from align.checks import summarise

        # What `align check` prints first, for a CI job that reads the file; derived from
        # the links, so reading the record back ignores it.
        head = {k: body.pop(k) for k in ("format", "format_version")}
        body = {**head, "summary": summarise(alignment), **body}
    return {path: (_dumps(body, 0) + "\n").encode("utf-8")}


def _dumps(value: Any, depth: int) -> str:
    if not _opened(value, depth):
        return json.dumps(value, ensure_ascii=False)
    inner, outer = "\n" + " " * (depth + 1), "\n" + " " * depth
    if isinstance(value, dict):
        items = [
            f"{json.dumps(k, ensure_ascii=False)}: {_dumps(v, depth + 1)}" for k, v in value.items()
        ]
        return "{" + inner + ("," + inner).join(items) + outer + "}"
    items = [_dumps(v, depth + 1) for v in value]
    return "[" + inner + ("," + inner).join(items) + outer + "]"


def _opened(value: Any, depth: int) -> bool:
    """Whether `value` is written one item per line rather than on one line."""
    if not isinstance(value, dict | list) or not value:
        return False
    # The record and its fields; then a side's list of sentences.
    return depth <= 1 or (depth == 2 and isinstance(value, list) and isinstance(value[0], dict))
