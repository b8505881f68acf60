"""Renderers: one sibling module per output format, chosen by the output file's extension.

`renderer_for` maps a path to its renderer module (see `align.render.base` for
the protocol); modules are imported only when a path asks for them, so adding a
format is one line in `_MODULES` and one new module.  The terminal view is not a
file format and lives apart in `align.render.terminal`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from align.errors import UsageError

#: File-name ending → renderer module.  Longer endings win (``x.src.txt`` is Moses).
_MODULES: dict[str, str] = {
    ".json": "align.render.json_record",
    ".tsv": "align.render.tsv",
    ".tmx": "align.render.tmx",
    ".src.txt": "align.render.moses",
    ".tgt.txt": "align.render.moses",
    ".html": "align.render.html",
    ".htm": "align.render.html",
    ".svg": "align.render.svg_map",
    ".xlsx": "align.render.xlsx",
    ".sarif": "align.render.sarif",
}

KNOWN_EXTENSIONS: tuple[str, ...] = tuple(_MODULES)


def extension_groups() -> list[tuple[str, ...]]:
    """The endings `-o` takes, those one renderer writes together (``.html``, ``.htm``),
    in the registry's order."""
    groups: dict[str, list[str]] = {}
    for ending, module in _MODULES.items():
        groups.setdefault(module, []).append(ending)
    return [tuple(group) for group in groups.values()]


def renderer_for(path: Path) -> ModuleType:
    """The renderer module for `path`, by its (case-insensitive) extension.

    Raises `UsageError` for an extension no renderer handles.
    """
    name = Path(path).name.lower()
    if name in ("", "."):
        raise UsageError("an output name is empty: give a file name such as letter.html")
    for ending in sorted(_MODULES, key=len, reverse=True):
        if name.endswith(ending) and len(name) > len(ending):
            return _import(_MODULES[ending], ending)
        if name == ending:
            raise UsageError(f"{str(path)!r} is an ending without a name: give the file a "
                             f"name, e.g. letter{ending}")
    raise UsageError(
        f"cannot tell which format to write for {str(path)!r}: its name must end in one of "
        f"{', '.join(KNOWN_EXTENSIONS)}"
    )


def _import(module_name: str, ending: str) -> ModuleType:
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise  # the renderer exists but one of its own imports is missing: a bug
        raise UsageError(f"{ending} output is not available in this installation") from None
