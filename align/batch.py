"""Many documents in one run: ``align check SRC_DIR TGT_DIR``, ``align check --pairs A --pairs B``.

`pair_folders` pairs the files of two folders by their path inside them and says what it
could not pair; `pairs_documents` makes documents of files of pairs.  Each document has a
name, unique in its run, that stands for ``{name}`` in the files named for it
(``-o 'reports/{name}.json'``, ``--baseline 'accepted/{name}.json'``): `named`.
Nothing here reads a document or loads the model.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from align.errors import InputError, OutputError, UsageError

#: What each document's name replaces in a file named for several documents.
NAME = "{name}"


@dataclass(frozen=True)
class Document:
    """One document of a run: a source and its translation, or (`translation` None) a file
    of pairs in `source`."""

    #: What ``{name}`` stands for: the path inside the folder without its extension
    #: (``guide/install``), or a file of pairs' stem; unique in the run.
    name: str
    #: How a report names it: the path inside the folder (``guide/install.md``), or the
    #: file of pairs as given.
    label: str
    source: Path
    translation: Path | None = None


@dataclass(frozen=True)
class Unmatched:
    """A file of one folder whose counterpart in the other folder does not exist."""

    label: str
    present: Path
    missing: Path


@dataclass
class FolderPairs:
    """What `pair_folders` found: the documents, in the order of their paths; the files with
    no counterpart; the files of a type align does not read, left aside."""

    documents: list[Document] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def readable(path: Path) -> bool:
    """Whether a folder's file `path` is one align checks: a document `align.reading` reads
    (`align.reading.SUFFIXES`) or a program's resource file (`align.checks.resources`)."""
    from align.checks.resources import is_resource_file
    from align.reading import SUFFIXES

    return path.suffix.lower() in SUFFIXES or is_resource_file(path)


def pair_folders(source: str | Path, translation: str | Path) -> FolderPairs:
    """Pair each file under folder `source` (at any depth) with the file at the same path
    under folder `translation`.

    Hidden files and folders (their name begins with ``.``) are not looked at, nor, when
    one folder holds the other (``docs`` and ``docs/fr``), the inner one as part of the
    outer.  A file whose counterpart does not exist, on either side, is `Unmatched`; a file
    align does not read (`readable`: judged by the source's file where there is one) is
    skipped.  `InputError` if a folder does not exist, `UsageError` if both are one.
    """
    source, translation = Path(source), Path(translation)
    for folder in (source, translation):
        if not folder.is_dir():
            raise InputError(f"{folder} is not a folder: give two folders, or two files")
    if source.resolve() == translation.resolve():
        raise UsageError(f"{source} and {translation} are the same folder: give the folder "
                         "of the sources, then the folder of their translations")
    sources, translations = _files(source, translation), _files(translation, source)
    found = FolderPairs()
    labels = []
    for label in sorted(sources.keys() | translations.keys()):
        present = [files[label] for files in (sources, translations) if label in files]
        if not readable(present[0]):
            found.skipped += present
        elif len(present) == 2:
            labels.append(label)
        elif label in sources:
            found.unmatched.append(Unmatched(label, sources[label], translation / label))
        else:
            found.unmatched.append(Unmatched(label, translations[label], source / label))
    names = unique_names(_without_suffix(label) for label in labels)
    found.documents = [Document(name, label, sources[label], translations[label])
                       for name, label in zip(names, labels, strict=True)]
    return found


def _files(root: Path, other: Path) -> dict[str, Path]:
    """The files under `root` by their path inside it (``/`` between folders), hidden ones
    and the folder `other` left out.  Symbolic links to folders are not followed."""
    found: dict[str, Path] = {}
    outside = other.resolve()
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if not name.startswith(".")
                         and (here / name).resolve() != outside]
        for name in names:
            if not name.startswith("."):
                path = here / name
                found[path.relative_to(root).as_posix()] = path
    return found


def _without_suffix(label: str) -> str:
    suffix = PurePosixPath(label).suffix
    return label[: len(label) - len(suffix)] if suffix else label


def pairs_file_name(path: str | Path) -> str:
    """The name of a file of pairs, or of a text, in a run: its stem (``ui.fr.xlf`` →
    ``ui.fr``), a Moses pair's without ``.src.txt`` (``book.src.txt`` → ``book``)."""
    name = Path(path).name
    if name.lower().endswith((".src.txt", ".tgt.txt")) and len(name) > 8:
        return name[:-8]
    return Path(name).stem or name


def pairs_documents(paths: Sequence[str | Path]) -> list[Document]:
    """Documents of the files of pairs `paths`, in their order, each named by its stem
    (`pairs_file_name`, made unique) and labelled by its path as given.

    A file given twice is one document, and so are the two halves of a Moses pair
    (``book.src.txt``, ``book.tgt.txt``: a glob gives both): the first one given."""
    seen: set[Path] = set()
    unique = []
    for path in map(Path, paths):
        key = path.resolve()
        if key.name.lower().endswith((".src.txt", ".tgt.txt")):
            key = key.with_name(key.name[:-8] + ".src.txt")
        if key not in seen:
            seen.add(key)
            unique.append(path)
    paths = unique
    names = unique_names(pairs_file_name(p) for p in paths)
    return [Document(name, str(p), p) for name, p in zip(names, paths, strict=True)]


def unique_names(names: Iterable[str]) -> list[str]:
    """`names` with each one that an earlier one already has (case aside, as on a file
    system that ignores case) followed by ``-2``, ``-3`` …, the first number free."""
    taken: set[str] = set()
    unique = []
    for name in names:
        candidate, number = name, 2
        while candidate.casefold() in taken:
            candidate, number = f"{name}-{number}", number + 1
        taken.add(candidate.casefold())
        unique.append(candidate)
    return unique


def named(template: str | Path, name: str) -> Path:
    """`template` with every ``{name}`` replaced by `name` (``reports/{name}.json`` →
    ``reports/guide/install.json``)."""
    return Path(str(template).replace(NAME, name))


def require_name(option: str, template: str | Path) -> None:
    """`UsageError` unless `template`, the file `option` names for several documents, holds
    ``{name}``."""
    if NAME not in str(template):
        example = Path(template).parent / (NAME + "".join(Path(template).suffixes))
        raise UsageError(f"{option} {template}: with several documents, each file named must "
                         f"hold {NAME}, which each document's name replaces: {option} "
                         f"'{example}'")


def named_files(documents: Sequence[Document], templates: Sequence[str | Path], *,
                outputs: bool) -> dict[Document, list[Path]]:
    """The files `templates` name for each document (`named`).

    The folder before ``{name}`` of each template must exist (`name_folder`): else an
    `OutputError` for `outputs`, an `InputError` for inputs (baselines), so that a mistyped
    folder is not one file missing for every document.  For `outputs`, the folders that the
    names bring (``reports/guide`` for ``guide/install``) are made."""
    for template in templates:
        require_name("-o" if outputs else "--baseline", template)
        folder = name_folder(template)
        if not folder.is_dir():
            if outputs:
                raise OutputError(f"cannot write {template}: directory {folder} does not "
                                  "exist; create it")
            raise InputError(f"--baseline {template}: folder {folder} does not exist: check "
                             "the path")
    files = {doc: [named(t, doc.name) for t in templates] for doc in documents}
    if outputs:
        for folder in sorted({path.parent for paths in files.values() for path in paths}):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise OutputError(f"cannot create folder {folder}: "
                                  f"{error.strerror or error}") from None
    return files


def name_folder(template: str | Path) -> Path:
    """The folder of `template` before its first ``{name}``, which must exist
    (``reports/{name}.json`` → ``reports``); folders a name brings are made as needed."""
    text = str(template)
    return Path(os.path.dirname(text[: text.index(NAME)]) or ".")
