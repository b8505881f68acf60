"""Many documents in one run: ``align check SRC_DIR TGT_DIR``, ``align check --pairs A --pairs B``.

`pair_folders` pairs the files of two folders by their path inside them and says what it
could not pair; `pairs_documents` makes documents of files of pairs.  Each document has a
name that stands for ``{name}`` in the files named for it (``-o 'reports/{name}.json'``,
``--baseline 'accepted/{name}.json'``: `named`); it depends on the document alone, never
on the others of the run, so that a document keeps its files when others come and go.
Two documents of one name are refused (`require_distinct_names`), never renamed.
Nothing here checks a document or loads the model; `readable` only opens an ``.xml`` or
``.json`` file to tell whether it is a program's resource file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePath, PurePosixPath

from align.errors import InputError, OutputError, UsageError

#: What each document's name replaces in a file named for several documents.
NAME = "{name}"


@dataclass(frozen=True)
class Document:
    """One document of a run: a source and its translation, or (`translation` None) a file
    of pairs in `source`."""

    #: What ``{name}`` stands for: the path inside the folders without its extension
    #: (``guide/install``), or a file of pairs' path as given without its extension
    #: (`pairs_file_name`).
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
    no counterpart; the files of a type align does not read, left aside; the paths inside
    the folders that ``--exclude`` left out; the patterns that matched no path
    (``--include X``, ``--exclude X``), a likely mistake."""

    documents: list[Document] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    unused_patterns: list[str] = field(default_factory=list)


def readable(path: Path) -> bool:
    """Whether a folder's file `path` is one align checks: a document `align.reading` reads
    (`align.reading.SUFFIXES`) or a program's resource file (`align.checks.resources`).

    An ``.xml`` file is one when its root is Android's ``<resources>``
    (`align.checks.resources.is_resource_file` opens it to see), a ``.json`` one when it
    holds an object of strings, flat or nested (`resource_json`): a docs tree's
    ``nav.json`` or ``conf.json`` (lists, numbers) is a file of a type align does not
    check, skipped, not a document that cannot be read."""
    from align.checks.resources import is_resource_file
    from align.reading import SUFFIXES

    if path.suffix.lower() == ".json":
        return resource_json(path)
    return path.suffix.lower() in SUFFIXES or is_resource_file(path)


def resource_json(path: Path) -> bool:
    """Whether the ``.json`` file `path` holds what a JSON resource file holds: an object
    whose values are strings or such objects (``{"menu": {"open": "Open"}}``), decoded as
    `align.checks.resources` decodes it (UTF-8, UTF-16); an alignment record, a list, a
    number, a file that is not JSON is not one."""
    import json

    from align.checks.resources import _decode

    def strings(value: object) -> bool:
        return isinstance(value, str) or (
            isinstance(value, dict) and all(strings(child) for child in value.values()))

    try:
        tree = json.loads(_decode(path, path.read_bytes(), None))
        return isinstance(tree, dict) and strings(tree)
    except (OSError, ValueError, InputError, RecursionError):
        return False


def pair_folders(source: str | Path, translation: str | Path, *,
                 include: Sequence[str] = (), exclude: Sequence[str] = ()) -> FolderPairs:
    """Pair each file under folder `source` (at any depth) with the file at the same path
    under folder `translation`.

    Hidden files and folders (their name begins with ``.``) are not looked at, nor, when
    one folder holds the other (``docs`` and ``docs/fr``), the inner one as part of the
    outer.  With `include` (globs, `path_matches`), only the paths inside the folders that
    match one of them are looked at; then those that match one of `exclude` are left out
    (`FolderPairs.excluded`), on both sides, before pairing.  A file whose counterpart
    does not exist, on either side, is `Unmatched`; a file align does not read
    (`readable`: judged by the source's file where there is one) is skipped.
    `InputError` if a folder does not exist, `UsageError` if both are one or a pattern is
    empty.
    """
    source, translation = Path(source), Path(translation)
    for folder in (source, translation):
        if not folder.exists():
            raise InputError(f"{folder}: no such folder: check the path")
        if not folder.is_dir():
            raise InputError(f"{folder} is not a folder: give two folders, or two files")
    if source.resolve() == translation.resolve():
        raise UsageError(f"{source} and {translation} are the same folder: give the folder "
                         "of the sources, then the folder of their translations")
    included = [("--include", p, glob_parts("--include", p)) for p in include]
    excluded = [("--exclude", p, glob_parts("--exclude", p)) for p in exclude]
    sources, translations = _files(source, translation), _files(translation, source)
    found = FolderPairs()
    everything = sorted(sources.keys() | translations.keys())
    used: set[str] = set()

    def matched(patterns: list[tuple[str, str, list[str]]], label: str) -> bool:
        hits = {f"{option} {given}" for option, given, parts in patterns
                if path_matches(parts, label)}
        used.update(hits)
        return bool(hits)

    labels = []
    for label in everything:
        if included and not matched(included, label):
            continue
        if excluded and matched(excluded, label):
            found.excluded.append(label)
            continue
        present = [files[label] for files in (sources, translations) if label in files]
        if not readable(present[0]):
            found.skipped += present
        elif len(present) == 2:
            labels.append(label)
        elif label in sources:
            found.unmatched.append(Unmatched(label, sources[label], translation / label))
        else:
            found.unmatched.append(Unmatched(label, translations[label], source / label))
    found.unused_patterns = [f"{option} {given}" for option, given, _ in included + excluded
                             if f"{option} {given}" not in used]
    found.documents = [Document(_without_suffix(label), label, sources[label],
                                translations[label]) for label in labels]
    return found


def glob_parts(option: str, pattern: str) -> list[str]:
    """`pattern`, a glob on a path inside the folders, as its parts between ``/`` (a
    leading ``./`` or ``/`` and a trailing ``/`` aside); `UsageError` if none is left."""
    text = pattern.strip()
    while text.startswith(("./", "/")):
        text = text[2:] if text.startswith("./") else text[1:]
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if not parts:
        raise UsageError(f"{option} {pattern!r}: give a glob on the path inside the folders, "
                         "e.g. 'CHANGELOG.md', 'de/**' or '**/*.draft.md'")
    return parts


def path_matches(pattern: Sequence[str], path: str) -> bool:
    """Whether `path` (a path inside the folders, ``/`` between its parts), or a folder it
    is in, matches the glob whose parts (`glob_parts`) are `pattern`.

    Each part of the pattern matches one part of the path as `fnmatch.fnmatchcase` does,
    with case: ``*`` any characters but ``/``, ``?`` one, ``[abc]`` one of those; a part
    ``**`` matches any number of folders, none too.  The whole path is matched, from its
    beginning: ``CHANGELOG.md`` is the one at the top, ``**/CHANGELOG.md`` any.  A pattern
    that matches a folder matches everything in it: ``de`` is ``de/**``."""
    parts = path.split("/")
    return any(_glob(tuple(pattern), tuple(parts[:n])) for n in range(1, len(parts) + 1))


def _glob(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_glob(pattern[1:], parts[k:]) for k in range(len(parts) + 1))
    return bool(parts) and fnmatchcase(parts[0], pattern[0]) and _glob(pattern[1:], parts[1:])


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


def _without_extension(name: str) -> str:
    """A file's name without its extension: a Moses pair's without ``.src.txt``."""
    if name.lower().endswith((".src.txt", ".tgt.txt")) and len(name) > 8:
        return name[:-8]
    return PurePosixPath(name).stem or name


#: The extensions of the files `align.checks.pairs.read_pairs` reads as files of pairs
#: (any other it reads as TSV): after ``--pairs``, a path given without it is one of
#: them only with one of these (``--pairs *.xlf``); ``a.md`` is a text.
PAIRS_SUFFIXES = (".tsv", ".csv", ".xlsx", ".tmx", ".po", ".json", ".xlf", ".xliff",
                  ".sdlxliff", ".mqxliff", ".src.txt", ".tgt.txt")


def is_pairs_file(path: str | Path) -> bool:
    """Whether `path` is named as a file of pairs (`PAIRS_SUFFIXES`)."""
    return str(path).lower().endswith(PAIRS_SUFFIXES)


def text_name(path: str | Path) -> str:
    """``{name}`` of a run of one document of two texts: the translation's stem
    (``fr/install.md`` → ``install``, ``book.tgt.txt`` → ``book``)."""
    return _without_extension(Path(path).name)


def pairs_file_name(path: str | Path) -> str:
    """``{name}`` of a file of pairs, in a run of one or several: its path as given, made
    plain (``a/../b`` is ``b``), without its extension (``ui.fr.xlf`` → ``ui.fr``, a Moses
    pair's ``.src.txt``) and without a leading ``/``, ``./`` or ``../``:
    ``locales/fr/LC_MESSAGES/messages.po`` → ``locales/fr/LC_MESSAGES/messages``,
    ``../l10n/app.xlf`` → ``l10n/app``."""
    plain = PurePath(os.path.normpath(str(path)))
    parts = list(plain.parts[1:] if plain.anchor else plain.parts)
    while parts and parts[0] in ("..", "."):
        parts.pop(0)
    if not parts:
        return _without_extension(Path(path).name)
    return "/".join([*parts[:-1], _without_extension(parts[-1])])


def pairs_documents(paths: Sequence[str | Path]) -> list[Document]:
    """Documents of the files of pairs `paths`, in their order, each named by its path
    (`pairs_file_name`) and labelled by its path as given.

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
    return [Document(pairs_file_name(p), str(p), p) for p in unique]


def require_distinct_names(documents: Iterable[Document], *, folders: bool) -> None:
    """`UsageError` naming both if two of `documents` have one name, case aside (as on a
    file system that ignores case): their files (``reports/{name}.json``) would be one.
    `folders`: the documents are those of two folders (the way out is ``--exclude``)."""
    seen: dict[str, Document] = {}
    for doc in documents:
        other = seen.setdefault(doc.name.casefold(), doc)
        if other is doc:
            continue
        names = (f"{NAME} would be {doc.name!r} for both" if other.name == doc.name else
                 f"{NAME} would be {other.name!r} and {doc.name!r}, one file on a system "
                 "that ignores case, for")
        remedy = ("rename one, or leave one out with --exclude" if folders else
                  "rename one, or check them in two runs")
        raise UsageError(f"{names} {other.source} and {doc.source}: {remedy}")


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
    folder is not one file missing for every document.  The folders that the names bring
    (``reports/guide`` for ``guide/install``) are not made here: `make_folders` does,
    once everything else is known to be right."""
    for template in templates:
        if NAME not in str(template):
            continue
        folder = name_folder(template)
        if not folder.is_dir():
            if outputs:
                raise OutputError(f"cannot write {template}: directory {folder} does not "
                                  "exist; create it")
            raise InputError(f"--baseline {template}: folder {folder} does not exist: check "
                             "the path")
    return {doc: [named(t, doc.name) for t in templates] for doc in documents}


def make_folders(files: Iterable[str | Path]) -> list[Path]:
    """Make the missing folders of `files`; return those made, each before the folders made
    inside it, for `remove_empty_folders`.  `OutputError` if one cannot be made (those
    made until then are removed again)."""
    made: list[Path] = []
    for folder in sorted({Path(file).parent for file in files}):
        missing = []
        while not folder.exists() and folder != folder.parent:
            missing.append(folder)
            folder = folder.parent
        for new in reversed(missing):
            try:
                new.mkdir()
            except FileExistsError:
                continue
            except OSError as error:
                remove_empty_folders(made)
                raise OutputError(f"cannot create folder {new}: "
                                  f"{error.strerror or error}") from None
            made.append(new)
    return made


def remove_empty_folders(folders: Sequence[Path]) -> None:
    """Remove each of `folders` (as `make_folders` made them) that holds nothing, inner
    ones first; those that hold a file stay."""
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


def name_folder(template: str | Path) -> Path:
    """The folder of `template` before its first ``{name}``, which must exist
    (``reports/{name}.json`` → ``reports``); folders a name brings are made as needed."""
    text = str(template)
    return Path(os.path.dirname(text[: text.index(NAME)]) or ".")
