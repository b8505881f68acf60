"""Many documents in one run: ``align check SRC_DIR TGT_DIR``, ``align check --pairs A --pairs B``.

`pair_folders` pairs the files of two folders by their path inside them and says what it
could not pair; `pairs_documents` makes documents of files of pairs.  Each document has a
name that stands for ``{name}`` in the files named for it (``-o 'reports/{name}.json'``,
``--baseline 'accepted/{name}.json'``: `named`); it depends on the document alone, never
on the others of the run, so that a document keeps its files when others come and go.
Two documents of one name are refused (`require_distinct_names`), never renamed.
Finding the documents opens none (`readable` only opens an ``.xml`` or ``.json`` file to
tell whether it is a program's resource file).

`check_documents` checks them, and `check_folders` (``align.check_folders``) those of two
folders: each in turn, through `align.pipeline` (the model loaded once), against its
baseline (`align.checks.baseline`), its outputs written (`align.outputs`); what one
document's input keeps from being checked is said of it, and the others are checked::

    run = align.check_folders("docs/en", "docs/fr", outputs=["reports/{name}.json"])
    for checked in run:  # one `CheckedDocument` per document, as each is checked
        print(checked.document.label, checked.problem or len(checked.record.findings()))
    print([u.label for u in run.unmatched])
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any

from align.errors import EXIT_INPUT, AlignError, InputError, OutputError, UsageError

if TYPE_CHECKING:
    from align.pipeline import Options, Reporter
    from align.record import Alignment

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

    @property
    def empty(self) -> bool:
        """Whether the folders hold no file align reads: no document, none unmatched."""
        return not self.documents and not self.unmatched

    def aside(self) -> str:
        """What was left aside, for a message: `` (skipped 2 of other types), 3 excluded``
        (or "")."""
        return ((f" (skipped {len(self.skipped)} of other types)" if self.skipped else "")
                + (f", {len(self.excluded)} excluded" if self.excluded else ""))


def require_files(found: FolderPairs) -> None:
    """`InputError` if two folders hold no file align reads (`FolderPairs.empty`): folders
    of nothing to check are no pass."""
    if found.empty:
        raise InputError("no file align reads to check" + found.aside() + ": give folders of "
                         "texts (.txt, .md, .html, .docx, .pdf …) or of resource files")


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
PAIRS_SUFFIXES = (".tsv", ".csv", ".xlsx", ".tmx", ".po", ".pot", ".json", ".xlf", ".xliff",
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


#: The arguments of `check_folders` that name files for several documents, by the
#: command-line option that names them.
ARGUMENTS = {"-o": "outputs", "--baseline": "baseline"}


def require_name(option: str, template: str | Path, *, python: bool = False) -> None:
    """`UsageError` unless `template`, the file `option` names for several documents, holds
    ``{name}``; `python`: said of the argument of `check_folders` (`ARGUMENTS`) that gave
    it, not of the option."""
    if NAME not in str(template):
        example = Path(template).parent / (NAME + "".join(Path(template).suffixes))
        if python:
            argument = ARGUMENTS.get(option, option)
            raise UsageError(f"{argument}={str(template)!r} ({option}): with several "
                             f"documents, each file named must hold {NAME}, which each "
                             f"document's name replaces: {argument}={str(example)!r}")
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


# -- checking them ------------------------------------------------------------------------


def require_templates(outputs: Sequence[str | Path], baseline: str | Path | None, *,
                      python: bool = False) -> None:
    """`UsageError` unless each of `outputs` (``-o``) and `baseline`, the files named for
    several documents, holds ``{name}`` (`require_name`; `python`: said of the arguments),
    or if an output's format, said after its ``{name}``, is one align does not write."""
    from align.render import renderer_for

    for template in outputs:
        require_name("-o", template, python=python)
        if "." in str(template).rsplit(NAME, 1)[1]:  # its format: said with {name} in it
            renderer_for(Path(template))
    if baseline is not None:
        require_name("--baseline", baseline, python=python)


@dataclass(frozen=True)
class DocumentFiles:
    """The files of one document of a check, ``{name}`` replaced by its name."""

    #: Its outputs (``-o``).
    outputs: list[Path]
    #: Its baseline, or None: none given, or (`note`) a ``{name}`` one that does not exist.
    baseline: Path | None
    #: What it reads: its texts or file of pairs, glossary, rules and baseline.
    inputs: list[Path]
    #: ``no baseline: accepted/new.json does not exist``: nothing accepted; or "".
    note: str = ""


def document_files(documents: Sequence[Document], outputs: Sequence[str | Path] = (),
                   baseline: str | Path | None = None,
                   inputs: Sequence[str | Path] = ()) -> dict[Document, DocumentFiles]:
    """The files of each of `documents`, ``{name}`` in `outputs` and `baseline` replaced by
    its name (`named_files`); `inputs` are those every document reads (a glossary, rules).

    A usage error (an unknown format, an output over a baseline the run reads) and a
    missing folder before ``{name}`` are said here, before any folder is made.  A baseline
    whose name holds ``{name}`` and that does not exist accepts nothing of its document (a
    new page needs none): the document's `DocumentFiles.note` says so."""
    from align.render import renderer_for

    outputs = [Path(p) for p in outputs]
    baseline = Path(baseline) if baseline is not None else None
    named_outputs = named_files(documents, outputs, outputs=True)
    baselines = named_files(documents, [baseline] if baseline is not None else [],
                            outputs=False)
    shared = [Path(p) for p in inputs]
    files = {}
    for doc in documents:
        for path in named_outputs[doc]:
            renderer_for(path)  # an unknown format, before any folder is made
        own, note = (baselines[doc] or [None])[0], ""
        if own is not None and NAME in str(baseline) and not own.exists():
            # A new page needs no baseline: nothing of it is accepted yet.
            own, note = None, f"no baseline: {baselines[doc][0]} does not exist"
        _baseline_overwritten(named_outputs[doc], own)
        read = [p for p in (doc.source, doc.translation, *shared) if p is not None]
        if own is not None and own.exists():  # one not there yet is read by none
            read.append(own)
        files[doc] = DocumentFiles(named_outputs[doc], own, read, note)
    return files


def _baseline_overwritten(outputs: list[Path], baseline: Path | None) -> None:
    """`UsageError` if one of `outputs` would write over `baseline`, the record of accepted
    findings the run reads; a baseline that does not exist yet is read by nobody."""
    if baseline is None or not baseline.exists():
        return
    from align.render import renderer_for
    from align.render.base import output_files

    for output in outputs:
        for file in output_files(renderer_for(output), output):
            with contextlib.suppress(OSError):
                if file.resolve() == baseline.resolve() or os.path.samefile(file, baseline):
                    raise UsageError(f"-o {output} would write over {baseline}, the baseline "
                                     "this run reads (--baseline): write the record under "
                                     "another name, and make it the baseline once reviewed")


@dataclass
class CheckedDocument:
    """One document of a check, once its turn came (`DocumentsCheck`)."""

    document: Document
    files: DocumentFiles
    #: Its checked record, the findings its baseline accepts set aside; None if it could
    #: not be checked (`problem`).
    record: Alignment | None = None
    #: The input error that kept it from being checked (a text that cannot be read, a
    #: malformed baseline …), or None.
    problem: AlignError | None = None
    #: The error that kept its outputs from being written (it was checked all the same),
    #: or None.
    unwritten: OutputError | None = None
    #: The files written for it.
    written: list[Path] = field(default_factory=list)


def check_document(document: Document, files: DocumentFiles, options: Options | None = None,
                   reporter: Reporter | None = None, *, force: bool = False) -> CheckedDocument:
    """Check one document against its baseline and write its outputs, as `files` name them.

    Two texts are aligned and checked (`align.pipeline.align_files`), a file of pairs read
    (`align.checks.pairs.read_pairs`) and checked (`align.pipeline.check_strings`).  An
    input error (the document, the baseline) is raised; one that keeps the outputs from
    being written is kept in `CheckedDocument.unwritten`."""
    from align import outputs, pipeline

    options = pipeline._options(options, {})
    accepted = None
    if files.baseline is not None:
        from align.checks.baseline import read_baseline

        accepted = read_baseline(files.baseline)  # a bad file fails before the model runs
    if document.translation is None:
        from align.checks.pairs import read_pairs

        languages = (options.source_language, options.translation_language)
        record = pipeline.check_strings(read_pairs(document.source, languages=languages),
                                        options, reporter)
    else:
        record = pipeline.align_files(document.source, document.translation, options,
                                      reporter)
    if accepted is not None:
        from align.checks.baseline import apply_baseline

        apply_baseline(record, accepted, str(files.baseline))
    try:
        written = outputs.write_outputs(record, files.outputs, force=force,
                                        inputs=files.inputs)
    except OutputError as error:
        return CheckedDocument(document, files, record, unwritten=error,
                               written=list(error.written))
    return CheckedDocument(document, files, record, written=written)


@dataclass
class DocumentsCheck:
    """A check of several documents (`check_documents`, `check_folders`), everything a user
    can get wrong already said: iterating it checks each document in turn
    (`check_document`) and yields its `CheckedDocument`, the model loaded once.

    A document that cannot be checked (an `InputError`) is yielded with its `problem`, and
    the others are still checked; a usage error or a model error ends the iteration at
    once.  The folders that names bring (``reports/guide`` for ``reports/{name}.json``)
    are made as it starts, and those left empty are removed as it ends.

    A check is run once: iterated again (a notebook's cell run twice), it yields the
    documents already checked (`checked`) without checking or writing them again, then
    checks those an earlier iteration stopped before.  `verdict` says the run's result."""

    documents: list[Document]
    #: Each document's files (`document_files`).
    files: dict[Document, DocumentFiles]
    options: Options
    reporter: Reporter | None = None
    #: Whether existing outputs are written over.
    force: bool = False
    #: From two folders: the files with no counterpart (not checked: no document), the
    #: files of a type align does not read, the paths ``exclude`` left out, the patterns
    #: that matched no path (`FolderPairs`).
    unmatched: list[Unmatched] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    unused_patterns: list[str] = field(default_factory=list)
    #: The outputs whose name holds ``{name}``: their folders are made as needed.
    named_outputs: list[Path] = field(default_factory=list)
    #: The documents checked so far, in their order: what iterating again yields.
    checked: list[CheckedDocument] = field(default_factory=list)

    def check_outputs(self) -> None:
        """Raise now what would keep any output from being written (`outputs.check_outputs`:
        one that exists, one that is an input …); the folders made for it are removed."""
        from align.outputs import check_outputs

        made = make_folders(self.named_outputs)
        try:
            check_outputs([p for doc in self.documents for p in self.files[doc].outputs],
                          force=self.force,
                          inputs=[p for doc in self.documents for p in self.files[doc].inputs])
        finally:
            remove_empty_folders(made)

    def __iter__(self) -> Iterator[CheckedDocument]:
        from align.pipeline import Reporter

        number = 0
        # Checked again, each document's outputs would exist (written by the first pass).
        while number < len(self.checked):
            yield self.checked[number]
            number += 1
        if number == len(self.documents):
            return
        reporter = self.reporter or Reporter()
        made = make_folders(self.named_outputs)
        try:
            for doc in self.documents[number:]:
                if len(self.checked) > number:  # another iteration checked it meanwhile
                    checked = self.checked[number]
                else:
                    try:
                        checked = check_document(doc, self.files[doc], self.options,
                                                 reporter, force=self.force)
                    except AlignError as error:
                        if error.exit_code != EXIT_INPUT:  # the options or the model
                            raise
                        checked = CheckedDocument(doc, self.files[doc], problem=error)
                    reporter.done()
                    self.checked.append(checked)
                number += 1
                yield checked
        finally:
            remove_empty_folders(made)

    def verdict(self) -> str | None:
        """The run's verdict, as ``align check``'s overall line and ``--summary`` say it
        (`align.checks.report.run_summary`), the documents not yet checked checked first:
        ``"incomplete"`` when a file has no counterpart (`unmatched`) or a document could
        not be checked or its outputs written, else ``"fail"`` when a finding reaches the
        gates (the options' ``fail_on``), else ``"pass"``; None without gates (the API's
        default: ``align check`` fails on ``major`` unless ``--fail-on`` says otherwise),
        where nothing can fail."""
        from align.checks.report import run_verdict

        done = list(self)
        incomplete = bool(self.unmatched) or any(
            d.problem is not None or d.unwritten is not None for d in done)
        if not incomplete and not self.options.fail_on:
            return None
        # Each record was checked with the gates: its own verdict is the run's for it.
        return run_verdict(incomplete, any(
            (d.record.verdict() or {}).get("verdict") == "fail" for d in done
            if d.record is not None))


def check_documents(documents: FolderPairs | Sequence[Document],
                    options: Options | None = None, reporter: Reporter | None = None, *,
                    outputs: Sequence[str | Path] = (), baseline: str | Path | None = None,
                    inputs: Sequence[str | Path] = (), force: bool = False,
                    **kwargs: Any) -> DocumentsCheck:
    """The check of `documents` (those `pair_folders` found, or a list: `pairs_documents`),
    to iterate (`DocumentsCheck`); keyword arguments set `align.Options`.

    Each of `outputs` and `baseline` (a record of accepted findings) names a file for each
    document, ``{name}`` replaced by its name (`named`); with several documents (or those
    of two folders) each must hold ``{name}``, and two documents may not have one name.
    `inputs` are files every document reads, that no output may write over (a glossary or
    rules given as a path in `options` or the keyword arguments are, and are read now).
    Every mistake here (``{name}`` missing, an unknown format, a missing folder before
    ``{name}``, a glossary that cannot be read, an option value the run would refuse:
    `align.pipeline.require_usable`, and with several documents a model folder that is
    not there) is raised before any folder is made, any document read and the model
    loaded; outputs that exist (without `force`) or name an input are found by
    `DocumentsCheck.check_outputs`, else by each document's writing.  A single
    document's model is looked for when it loads, after what is wrong with the document
    is said, as `align.align_files` does."""
    outputs = _listed(outputs)
    found = documents if isinstance(documents, FolderPairs) else FolderPairs(list(documents))
    folders = isinstance(documents, FolderPairs)
    several = folders or len(found.documents) != 1
    if several:
        require_templates(outputs, baseline)
        if outputs or baseline is not None:
            require_distinct_names(found.documents, folders=folders)
    shared = [Path(p) for p in inputs]
    for name in ("glossary", "rules"):
        value = kwargs.get(name, getattr(options, name, None))
        if isinstance(value, str | os.PathLike):
            shared.append(Path(value))
    files = document_files(found.documents, outputs, baseline, shared)
    from align import pipeline

    options = pipeline._options(options, kwargs)  # a glossary or rules path read here
    # A value the run would refuse only when a document reaches it (an unknown kind to
    # ignore, split mode, backend, language code), said before any is read; with several
    # documents a model folder that is not there too (one document is checked as
    # `align_files` aligns one: what is wrong with it is said before the model).
    pipeline.require_usable(options, model=several)
    named_outputs = [path for doc in found.documents
                     for path, template in zip(files[doc].outputs, outputs, strict=True)
                     if NAME in str(template)]
    return DocumentsCheck(found.documents, files, options, reporter, force=force,
                          unmatched=found.unmatched, skipped=found.skipped,
                          excluded=found.excluded, unused_patterns=found.unused_patterns,
                          named_outputs=named_outputs)


def check_folders(source: str | Path, translation: str | Path,
                  options: Options | None = None, reporter: Reporter | None = None, *,
                  include: Sequence[str] = (), exclude: Sequence[str] = (),
                  outputs: Sequence[str | Path] = (), baseline: str | Path | None = None,
                  force: bool = False, **kwargs: Any) -> DocumentsCheck:
    """The check of every file of folder `source` against the file at the same path in
    folder `translation` (`pair_folders`, `include` and `exclude` choosing files), as
    ``align check SRC_DIR TGT_DIR`` checks them; keyword arguments set `align.Options`.
    As every function of the API, it sets no gates unless given ``fail_on``, where the
    command fails on ``major`` unless ``--fail-on`` says otherwise: ``fail_on="major"`` is
    the command's check, each record with its verdict, and the run's `DocumentsCheck.verdict`
    the command's overall result.

    Iterate the `DocumentsCheck` returned: each document is checked as its turn comes, and
    yielded as a `CheckedDocument` (its record, or the input error that kept it from being
    checked; the outputs written for it); its `unmatched`, `skipped` and `excluded` say
    what was not checked.  `outputs` and `baseline` name each document's files with
    ``{name}`` (``reports/{name}.json``: `check_documents`).  Everything that can be found
    wrong before checking is raised here (an option value the run would refuse, a model
    folder that is not there: `check_documents`), outputs that exist (without `force`)
    included;
    folders that hold no file align reads are an `InputError`, unless `include` chose
    none of them (nothing to check: the check yields nothing).  One output or pattern may
    be given as a str."""
    for name, folder in (("source", source), ("translation", translation)):
        if not isinstance(folder, str | os.PathLike):
            raise UsageError(f"{name} must be the path of a folder, not {folder!r}")
    include, exclude, outputs = (_listed(include), _listed(exclude), _listed(outputs))
    require_templates(outputs, baseline, python=True)
    found = pair_folders(source, translation, include=include, exclude=exclude)
    if not include:
        require_files(found)
    run = check_documents(found, options, reporter, outputs=outputs, baseline=baseline,
                          force=force, **kwargs)
    run.check_outputs()
    return run


def _listed(values: str | os.PathLike | Sequence[str | Path]) -> list:
    """`values` as a list: one path or pattern given alone (a str is no list of its
    characters)."""
    return [values] if isinstance(values, str | os.PathLike) else list(values)
