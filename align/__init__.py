"""align: align a text with its translation sentence by sentence, and find where they diverge.

    >>> import align
    >>> record = align.align_files("source.txt", "translation.txt")
    >>> align.write(record, "out.json")

The API: `align_files` and `align_texts` (two texts in memory) align and check;
`check` checks a record again (a copy: the record given is left as it was),
`check_pairs` strings already paired, `check_strings` a record of them (a file of pairs
read) or a saved record again in place; `check_folders` checks every file of two folders
against its counterpart, each document yielded as it is checked (its record, or the input
error that kept it from being checked; its outputs written), with the files it could not
check (`align.batch`: also `check_documents`, for several files of pairs); `write` and
`load` write and read records, `render_bytes` and `loads` the same in memory (a view's
bytes, a record from its JSON text); keyword arguments of the aligning and checking functions
set `Options` (`check` takes those that concern checks: model, backend, glossary, rules,
ignore, cache, fail_on, the two languages, and a baseline); a mistake a user can fix
raises an `AlignError` (`UsageError`, `InputError`, `ModelError`, `OutputError`, all
exported here).  The same
stages are reachable one by one as submodules, imported on first use (`align.reading`,
`align.segment`, `align.encoders`, `align.aligner`, `align.checks`, `align.render`); the
command line (`align.cli`) is a thin layer over these functions.
"""

from __future__ import annotations

import importlib
from typing import Any

from align.errors import AlignError, InputError, ModelError, OutputError, RecordError, UsageError
from align.record import Alignment, Finding, Link, Sentence, Side, Span

__version__ = "0.1.0"

__all__ = [
    "AlignError",
    "Alignment",
    "Finding",
    "InputError",
    "Link",
    "ModelError",
    "Options",
    "OutputError",
    "RecordError",
    "Sentence",
    "Side",
    "Span",
    "UsageError",
    "__version__",
    "align_files",
    "align_sides",
    "align_texts",
    "check",
    "check_folders",
    "check_pairs",
    "check_strings",
    "load",
    "loads",
    "render_bytes",
    "write",
]

_API = {"Options", "align_files", "align_sides", "align_texts", "check", "check_pairs",
        "check_strings", "load", "loads", "render_bytes", "write"}
#: The API of many documents, in `align.batch`.
_BATCH_API = {"check_folders"}
#: The submodules `align.NAME` imports on first use.
_SUBMODULES = {"aligner", "batch", "checks", "cli", "embedding_cache", "encoders", "errors",
               "evaluate", "language", "markup", "models", "outputs", "pdf", "pipeline",
               "reading", "record", "render", "segment", "subtitles"}


def __getattr__(name: str) -> Any:
    # The pipeline imports numpy, numba and the model code; keep `import align` light.
    if name in _API:
        from align import pipeline

        return getattr(pipeline, name)
    if name in _BATCH_API:
        from align import batch

        return getattr(batch, name)
    if name in _SUBMODULES:
        return importlib.import_module(f"align.{name}")
    raise AttributeError(f"module 'align' has no attribute {name!r}")


def __dir__() -> list[str]:
    # The API loads lazily: name it for dir(), completion and help().
    return sorted(set(__all__) | {name for name in globals() if name.startswith("__")})
