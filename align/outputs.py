"""Writing outputs: every output is checked before any is written, and each file is replaced
atomically, so an error or a Ctrl-C leaves either the complete old file or the complete new one.

Also `load_record`, which reads back a ``.json`` record written here (`read_json` and
`record_from_json`, its two steps, for a reader that takes a record or something else).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import stat
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import ModuleType

from align.errors import AlignError, InputError, OutputError, UsageError
from align.record import Alignment
from align.render import renderer_for
from align.render.base import output_files

#: Temporary files are written next to their destination under this prefix, followed
#: by the writer's process id, so a leftover from a killed process is easy to recognise
#: and is removed by the next write into the same directory.
TEMP_PREFIX = ".align-tmp-"


def check_outputs(
    paths: Sequence[Path | str], *, force: bool = False, inputs: Sequence[Path | str] = ()
) -> None:
    """Raise if any of `paths` cannot be written; meant to run before the (slow) alignment.

    `UsageError`: an unknown extension, two outputs naming the same file, or an output
    that is one of the `inputs` (never overwritten, even with `force`).
    `OutputError`: a file exists (and not `force`), or its directory is missing or read-only.
    """
    _plan(paths, force=force, inputs=inputs)


def write_outputs(
    alignment: Alignment,
    paths: Sequence[Path | str],
    *,
    force: bool = False,
    inputs: Sequence[Path | str] = (),
) -> list[Path]:
    """Render `alignment` to every path in `paths` and write the files; return the files written.

    Nothing is written unless every output passes `check_outputs` and the record is one
    `load_record` can read back: a record edited into one it cannot (a link naming a
    sentence that is not there, a score that is not a number: `Alignment.problem`) is a
    `UsageError`.  numpy numbers (``np.float32(0.5)``, ``np.int64(3)``) are written as the
    plain numbers they hold, the record given left as it is.  An output that fails
    to render (a bug in its renderer: the record is valid) does not cost the others, the
    ``.json`` record above all, which may hold hours of work and renders the lost view
    again (``align view``): they are written, then an `OutputError` names the output that
    could not be, and what was written.  ``ALIGN_DEBUG=1`` raises the renderer's own
    error instead, for its traceback.
    """
    plan = _plan(paths, force=force, inputs=inputs)
    alignment = plain_numbers(alignment)
    problem = alignment.problem()
    if problem:
        raise UsageError(f"this record cannot be written: {problem}; a record written must "
                         "read back")
    files: dict[Path, bytes] = {}
    failed: list[tuple[Path, Exception]] = []
    for path, renderer, announced in plan:
        try:
            rendered = renderer.render(alignment, path)
        except (AlignError, MemoryError):
            raise
        except Exception as error:  # a renderer's bug: the others still go out
            failed.append((path, error))
            continue
        unannounced = set(rendered) - set(announced)
        if unannounced:
            raise RuntimeError(
                f"{renderer.__name__} rendered {sorted(map(str, unannounced))}, "
                f"which it does not announce for {path}"
            )
        files.update(rendered)
    write_files(files)
    if failed:
        path, error = failed[0]
        if os.environ.get("ALIGN_DEBUG"):
            raise error
        others = [str(p) for p, _ in failed[1:]]
        written = (f"wrote {', '.join(map(str, files))}" if files
                   else "nothing else was written")
        raise OutputError(
            f"cannot write {path}: rendering it failed ({type(error).__name__}: {error}); "
            + (f"{', '.join(others)} failed too; " if others else "")
            + f"{written}; this is a bug in align: run again with ALIGN_DEBUG=1 for the "
            "traceback and report it", written=list(files)
        ) from error
    return list(files)


def written_lines(alignment: Alignment, written: Sequence[Path]) -> list[str]:
    """What to say on stderr of the files `written` (`write_outputs` returned them for
    `alignment`): ``wrote FILE`` each, with what its renderer's optional
    ``written_summary(alignment)`` adds in brackets (``wrote out.tmx (2 one-sided links
    (1-0, 0-1) left out: …)``), then its renderer's optional ``written_warnings(alignment,
    path)``, each ``align: warning: …`` (a TMX tagged ``und``)."""
    lines = []
    for path in map(Path, written):
        renderer = renderer_for(path)
        summary = getattr(renderer, "written_summary", None)
        said = summary(alignment) if summary is not None else ""
        lines.append(f"wrote {path}" + (f" ({said})" if said else ""))
        warnings = getattr(renderer, "written_warnings", None)
        lines += [f"align: warning: {w}" for w in (warnings(alignment, path) if warnings
                                                     else ())]
    return lines


def render_bytes(alignment: Alignment, ending: str) -> bytes:
    """`alignment` rendered in memory in the format of the file-name `ending` (``html``,
    ``.tmx``, ``src.txt``), the bytes `write_outputs` would write to such a file; refused
    (`UsageError`) as there, for an ending no renderer has or a record that would not read
    back."""
    if not isinstance(ending, str) or not ending.strip(". "):
        raise UsageError(f"render_bytes: give the format as a file-name ending such as 'html' or "
                         f"'tmx', not {ending!r}")
    path = Path("record." + ending.lstrip("."))
    from align.render import KNOWN_EXTENSIONS

    if not path.name.lower().endswith(KNOWN_EXTENSIONS):
        # Said of the format asked for: the file name here is only how it is looked up.
        raise UsageError(f"render_bytes: cannot tell which format to write for {ending!r}: "
                         f"give one of {', '.join(repr(e.lstrip('.')) for e in KNOWN_EXTENSIONS)}")
    renderer = renderer_for(path)
    alignment = plain_numbers(alignment)
    problem = alignment.problem()
    if problem:
        raise UsageError(f"this record cannot be rendered: {problem}; a record written must "
                         "read back")
    return renderer.render(alignment, path)[path]


def record_from_text(text: str | bytes) -> Alignment:
    """The record a JSON text holds (`render_bytes` of ``json``, a service's request);
    `InputError` says why it is not one, as `load_record` says it of a file."""
    hint = "give the text of a .json record that align wrote"
    try:
        data = json.loads(text)
    except UnicodeDecodeError:
        raise InputError(f"the record is not UTF-8 JSON text; {hint}") from None
    except json.JSONDecodeError as error:
        raise InputError(f"the record is not JSON ({error.msg} at line {error.lineno}, column "
                         f"{error.colno}); {hint}") from None
    return record_from_json(data, "the record", hint)


#: Values that hold no numpy number: `plain_numbers` returns them as they are.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def plain_numbers(value):
    """`value` with each numpy number in it (a dataclass, list, tuple or dict of them) made
    the Python number it holds: `value` itself if it holds none, else a copy of what holds
    one (the rest shared).  numpy is not imported: its numbers are known by their type's
    module and their empty shape."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind.__module__ == "numpy" and getattr(value, "shape", None) == ():
        return value.item()
    if isinstance(value, list | tuple):
        if set(map(type, value)) <= _PLAIN or all(  # (the neighbourhood: lists of pairs)
                type(item) in (list, tuple) and set(map(type, item)) <= _PLAIN
                for item in value):
            return value
        items = [plain_numbers(item) for item in value]
        changed = any(new is not old for new, old in zip(items, value, strict=True))
        return kind(items) if changed else value
    if isinstance(value, dict):
        pairs = {key: plain_numbers(item) for key, item in value.items()}
        changed = any(pairs[key] is not item for key, item in value.items())
        return pairs if changed else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if set(map(type, vars(value).values())) <= _PLAIN:
            return value
        changes = {name: new for name, old in vars(value).items()
                   if (new := plain_numbers(old)) is not old}
        return dataclasses.replace(value, **changes) if changes else value
    return value


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` atomically (see `write_files`)."""
    write_files({Path(path): data})


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write each file to a temporary file beside it, then move them all into place.

    Every temporary file is complete and on disk before the first one replaces its
    destination, so a failure while writing changes nothing; an interruption while
    moving leaves some files new and the others old, each one whole.  An existing
    file keeps its permission bits; a new one gets the usual ``0o666 & ~umask``.
    """
    pending: list[str] = []
    staged: list[tuple[str, Path, Path]] = []
    current = Path()
    for directory in {Path(path).resolve().parent for path in files}:
        remove_abandoned_temporaries(directory)
    try:
        for current, data in files.items():
            # Write through a symlink to its target rather than replacing the link.
            destination = Path(current).resolve()
            with tempfile.NamedTemporaryFile(
                dir=destination.parent, prefix=f"{TEMP_PREFIX}{os.getpid()}-", delete=False
            ) as handle:
                pending.append(handle.name)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, _mode_for(destination))
            staged.append((handle.name, current, destination))
        for temporary, path, destination in staged:
            current = path
            os.replace(temporary, destination)
            pending.remove(temporary)
        for directory in {destination.parent for _, _, destination in staged}:
            _sync_directory(directory)
    except OSError as error:
        raise OutputError(f"cannot write {current}: {error.strerror or error}") from error
    finally:
        for temporary in pending:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def remove_abandoned_temporaries(directory: Path) -> list[Path]:
    """Delete temporary files left in `directory` by writers that were killed (SIGKILL,
    power loss: no chance to clean up); return them.  Those of live processes stay."""
    removed = []
    with contextlib.suppress(OSError):
        for leftover in directory.glob(f"{TEMP_PREFIX}*"):
            pid = leftover.name[len(TEMP_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and _alive(int(pid)):
                continue
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


_RECORD_HINT = "expected the .json file written by align with -o NAME.json"


def load_record(path: Path | str) -> Alignment:
    """Read an alignment record written as ``.json``; `InputError` says why one cannot be used."""
    return record_from_json(read_json(path, _RECORD_HINT), path, _RECORD_HINT)


def read_json(path: Path | str, hint: str) -> object:
    """The JSON value in the file at `path`; `InputError` when it cannot be read or is not
    JSON (`hint` says what the file should have been)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory; {hint}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(f"{path} is not a JSON text file; {hint}") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path} is not JSON ({error.msg} at line {error.lineno}, column {error.colno}); {hint}"
        ) from None


def record_from_json(data: object, path: Path | str, hint: str = _RECORD_HINT) -> Alignment:
    """The record that `data`, read from `path` by `read_json`, holds; `InputError` says why
    it is not one."""
    if not isinstance(data, dict):
        raise InputError(f"{path} is JSON but not an alignment record; {hint}")
    try:
        return Alignment.from_dict(data)
    except ValueError as error:  # not a record, or a newer format version
        raise InputError(f"{path}: {error}") from None
    except KeyError as error:
        raise InputError(f"{path} is a damaged alignment record: no field {error}") from None
    except (TypeError, AttributeError) as error:
        raise InputError(f"{path} is a damaged alignment record: {error}") from None


def _plan(
    paths: Sequence[Path | str], *, force: bool, inputs: Sequence[Path | str] = ()
) -> list[tuple[Path, ModuleType, tuple[Path, ...]]]:
    """Each output with its renderer and the files it writes, after checking all of them."""
    plan = []
    for path in map(Path, paths):
        renderer = renderer_for(path)
        plan.append((path, renderer, output_files(renderer, path)))
    named_by: dict[Path, int] = {}
    for position, (path, _, announced) in enumerate(plan):
        for file in announced:
            earlier = named_by.setdefault(file.resolve(), position)
            if earlier != position:
                other = plan[earlier][0]
                if other == path:
                    raise UsageError(f"{path} is given twice; give each output its own name")
                raise UsageError(f"{other} and {path} both write {file}; give each output its "
                                 "own name")
    for _, _, announced in plan:
        for file in announced:
            _check_not_an_input(file, inputs)
            _check_writable(file, force=force)
    return plan


def _check_not_an_input(file: Path, inputs: Sequence[Path | str]) -> None:
    for given in map(Path, inputs):
        try:
            same = file.resolve() == given.resolve() or os.path.samefile(file, given)
        except OSError:  # one of them does not exist: not the same file
            same = False
        if same:
            raise UsageError(f"{file} is one of the input files; inputs are never "
                             "overwritten: give the output another name")


def _check_writable(file: Path, *, force: bool) -> None:
    directory = file.parent
    if not directory.exists():
        raise OutputError(f"cannot write {file}: directory {directory} does not exist; create it")
    if not directory.is_dir():
        raise OutputError(f"cannot write {file}: {directory} is not a directory")
    if file.is_dir():
        raise OutputError(f"cannot write {file}: it is a directory")
    if file.exists() and not force:
        raise OutputError(f"{file} exists; pass --force to overwrite (force=True in Python)")
    if not os.access(file.resolve().parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {file}: directory {directory} is read-only")


def _mode_for(destination: Path) -> int:
    try:
        return stat.S_IMODE(destination.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    """Make the renames durable; not every platform or file system can, which is fine."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
