"""align: align a text with its translation sentence by sentence, and find where they diverge.

    >>> import align
    >>> record = align.align_files("source.txt", "translation.txt")
    >>> align.write(record, "out.json")

The same stages are reachable one by one (`align.reading`, `align.segment`,
`align.encoders`, `align.aligner`, `align.checks`, `align.render`); the
command line (`align.cli`) is a thin layer over these functions.
"""

from __future__ import annotations

from typing import Any

from align.record import Alignment, Finding, Link, Sentence, Side, Span

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "Finding",
    "Link",
    "Sentence",
    "Side",
    "Span",
    "__version__",
    "align_files",
    "align_sides",
    "align_texts",
    "check",
    "check_strings",
    "load",
    "write",
]

_API = {"align_files", "align_sides", "align_texts", "check", "check_strings", "load", "write"}


def __getattr__(name: str) -> Any:
    # The pipeline imports numpy, numba and the model code; keep `import align` light.
    if name in _API:
        from align import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'align' has no attribute {name!r}")
