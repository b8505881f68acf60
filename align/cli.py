"""The ``align`` command: a thin layer over `align.pipeline`.

Each command parses its arguments, calls the library, and renders.  Mistakes a
user can make end in one plain line on stderr and the exit code listed in
``docs/cli.md`` (see `align.errors`); a traceback is shown only for a bug, and
only with ``ALIGN_DEBUG=1``.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sys
import tempfile
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from typer.core import TyperArgument, TyperGroup

try:  # typer vendors click since 0.2x: its exceptions are the ones raised
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - an older typer, on click itself
    from click import exceptions as click_errors

from align import __version__
from align.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    AlignError,
    InputError,
    ModelError,
    UsageError,
)


class _Align(TyperGroup):
    """The ``align`` command group: a usage error (an unknown command or option, a missing
    or malformed value) is one line, ``align: error: … (see align COMMAND --help)``, exit 2,
    as every other mistake a user can fix (docs/cli.md), not click's usage block."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        _plain_arguments(self)
        _SAID_EMPTY.clear()  # once a run, each run (several in one process: tests)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click_errors.NoArgsIsHelpError as error:  # `align`, `align check`: help
            error.show()
            sys.exit(error.exit_code)
        except click_errors.UsageError as error:
            if error.ctx is not None:
                command = error.ctx.command_path
            else:  # an option's value missing: said before the command's context exists
                given = sys.argv[1:] if args is None else list(args)
                name = next((a for a in given if a in self.commands), None)
                command = f"align {name}" if name else "align"
            message = error.format_message().strip().rstrip(".")
            # typer's (pydantic's) words for a number that is not one
            message = re.sub(r"Input should be a valid integer.*", "give a whole number",
                             message)
            message = message[:1].lower() + message[1:]
            owners = self._owners(error.option_name) if isinstance(
                error, click_errors.NoSuchOption) else []
            if owners:
                # Not click's guesses at this command's options (--baseline: --backend),
                # which point away from the command that takes it, nor this command's help.
                message = (f"no such option: {error.option_name}; {' and '.join(owners)} "
                           f"take{'s' if len(owners) == 1 else ''} it")
                command = " --help or ".join(owners)
            err.print(f"align: error: {message} (see {command} --help)", markup=False,
                      highlight=False, soft_wrap=True)
            sys.exit(EXIT_USAGE)
        except click_errors.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except typer.Abort:  # Ctrl-C or end of input outside a command's own handling
            err.print("align: interrupted", markup=False)
            sys.exit(EXIT_INTERRUPTED)
        # A command's Exit comes back as its code; a command that returns, as None.
        sys.exit(code if isinstance(code, int) else 0)

    def _owners(self, option: str) -> list[str]:
        """The commands (``align check``) that take `option`, which the one given does not
        (``align run --fail-on``: run sets no exit code for findings)."""
        return [f"align {name}" for name, command in self.commands.items()
                if any(option in (*p.opts, *p.secondary_opts) for p in command.params)]


def _plain_arguments(group: TyperGroup) -> None:
    """Help shows each positional argument by its name alone (``SOURCE``), without the
    type typer adds to it (``<path>``, ``<list[Path]>``)."""
    for command in group.commands.values():
        for param in command.params:
            if isinstance(param, TyperArgument):
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]


app = typer.Typer(
    name="align",
    cls=_Align,
    help="Align a text with its translation sentence by sentence, and find where they diverge.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

#: Human output (views, status, errors) goes to stderr when stdout carries data.
err = Console(stderr=True, highlight=False)


class _Stdout(Console):
    """The console of views and reports: when its reader leaves (`align view x.json |
    head`), the run ends with `EXIT_BROKEN_PIPE`, not rich's 1, which `align check` gives
    for findings."""

    def __init__(self) -> None:
        super().__init__(highlight=False)

    def on_broken_pipe(self) -> None:
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more reaches the closed pipe
        raise SystemExit(EXIT_BROKEN_PIPE)

#: Above this many links, `align run` prints a summary instead of the whole table.
VIEW_LIMIT = 400

F = TypeVar("F", bound=Callable[..., Any])


def _friendly(command: F) -> F:
    """Turn user errors into one line and an exit code; bugs into a short notice."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AlignError as error:
            _stop_progress()
            # soft_wrap: one line however wide the terminal, so logs and grep see it whole.
            err.print(f"align: error: {error}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            _stop_progress()
            err.print("align: interrupted; no output file was left half-written", markup=False,
                      soft_wrap=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:  # a bug: say so plainly
            _stop_progress()
            if os.environ.get("ALIGN_DEBUG"):
                raise
            err.print(
                f"align: internal error: {type(error).__name__}: {error}\n"
                "This is a bug in align. Run again with ALIGN_DEBUG=1 for the traceback "
                "and report it.",
                markup=False, soft_wrap=True,
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


class RichReporter:
    """Status lines and progress bars on stderr, shown only on a terminal."""

    def __init__(self, console: Console, quiet: bool = False) -> None:
        self.console = console
        from align.render.terminal import on_a_terminal

        # A real terminal only (`on_a_terminal`: colour in a CI log is wanted, redrawn bars
        # are not), and TERM=dumb cannot redraw a line.
        self.live = on_a_terminal(console) and os.environ.get("TERM") != "dumb" and not quiet
        self.quiet = quiet
        self._progress = None
        self._status_task = None
        #: Whether a one-time step (`align.models.one_time_step`) was said off a terminal.
        self._announced = False

    def _ensure(self):
        if self._progress is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                MofNCompleteColumn(), TimeRemainingColumn(),
                console=self.console, transient=True,
            )
            # Known before it starts: starting hides the cursor, then starts the thread that
            # redraws the bars, which takes a while; a Ctrl-C in between (likely when one
            # display starts for each document of a run) must still find it to stop it.
            _LIVE_REPORTERS.add(self)
            self._progress.start()
        return self._progress

    def status(self, message: str) -> None:
        if not self.live:
            # Off a terminal (a CI log) a status is not shown, but for the first step that
            # runs once on this machine and takes a while (building the default model):
            # one line, so that a cold start is no silent wait of half a minute.
            from align.models import one_time_step

            if not self.quiet and not self._announced and one_time_step(message):
                self._announced = True
                self.console.print(f"align: {message}", markup=False, soft_wrap=True)
            return
        progress = self._ensure()
        if self._status_task is None:
            self._status_task = progress.add_task(message, total=None)
        else:
            progress.update(self._status_task, description=message)

    def progress(self, description: str, total: int) -> Callable[[int], None]:
        if not self.live or total < 200:
            return lambda k: None
        progress = self._ensure()
        task = progress.add_task(description, total=total)
        return lambda k: progress.advance(task, k)

    def done(self) -> None:
        progress, self._progress, self._status_task = self._progress, None, None
        _LIVE_REPORTERS.discard(self)
        if progress is not None:
            try:
                progress.stop()
            except Exception:
                # Stopped half-started (Ctrl-C as it started): rich cannot undo what it did
                # not finish doing; the cursor it hid first is shown again all the same.
                self.console.show_cursor(True)


#: Reporters whose progress display is on screen: stopped before an error or an
#: interruption is printed, so that the cursor is shown again and the message stands alone.
_LIVE_REPORTERS: set[RichReporter] = set()


def _stop_progress() -> None:
    for reporter in list(_LIVE_REPORTERS):
        reporter.done()


# -- shared options --------------------------------------------------------------------

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", metavar="NAME",
        help="Sentence-transformers model name or local folder. Default: the offline "
        "multilingual-e5-small, built on first use from a PyPI package.",
    ),
]
BackendOpt = Annotated[
    str,
    typer.Option("--backend", metavar="BACKEND",
                 help="How to run the default model: 'auto' (the fastest here: "
                 "'int8' on CPUs with int8 dot products and no AMX, else 'openvino'), "
                 "'openvino' (OpenVINO, bfloat16 where the CPU has it), 'int8' (OpenVINO, "
                 "quantised to int8) or 'fp32' (plain PyTorch float32, the reference)."),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Embed everything again; don't read or write the caches.")
]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Overwrite existing output files.")]

#: What a format is, by one of its endings, for the help of ``-o``; the endings themselves
#: come from the renderers' registry, so that a new format is listed even without a note.
_FORMAT_NOTES = {
    ".json": "the full record",
    ".src.txt": "Moses pair: writes both files",
    ".html": "side-by-side page",
    ".svg": "alignment map",
    ".xlsx": "review spreadsheet",
    ".sarif": "SARIF log of the findings, for CI",
}


def _formats_help() -> str:
    """Every ending ``-o`` takes (`align.render`'s registry), those of one renderer together
    (``.html/.htm``), each with its note where there is one."""
    from align.render import extension_groups

    described = []
    for group in extension_groups():
        note = next((_FORMAT_NOTES[e] for e in group if e in _FORMAT_NOTES), None)
        described.append("/".join(group) + (f" ({note})" if note else ""))
    return ", ".join(described)


OutputOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write to this file; the format comes from the extension: "
        f"{_formats_help()}. Repeat for several.",
    ),
]
SplitOpt = Annotated[
    str,
    typer.Option(
        "--split", metavar="auto|lines",
        help="'auto': find paragraphs and sentences; 'lines': the input is already split, "
        "one sentence per line.",
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option("--ignore", metavar="KIND",
                 help="Don't report findings of this kind (repeatable, or comma-separated: "
                 "number,name)."),
]
GlossaryOpt = Annotated[
    Path | None,
    typer.Option(
        "--glossary", metavar="FILE",
        help="TSV of source term<TAB>required translation (or a .csv of the two columns), "
        "or a TBX termbase; flags links "
        "where the term's translation is missing (or, from TBX, a deprecated term is used).",
    ),
]


RulesOpt = Annotated[
    Path | None,
    typer.Option(
        "--rules", metavar="FILE",
        help="TSV of the project's own checks: source pattern<TAB>translation pattern<TAB>"
        "message[<TAB>severity]; a translation pattern written !… must not match.",
    ),
]


def _options(**kwargs: Any):
    from align.aligner import AlignSettings
    from align.pipeline import Options

    max_link = kwargs.pop("max_link", None)
    settings = AlignSettings()
    if max_link is not None:
        if max_link < 2:
            raise UsageError("--max-link must be at least 2 (one sentence on each side)")
        from dataclasses import replace

        settings = replace(settings, max_link=max_link, max_side=max(1, max_link - 1))
    if kwargs.get("split") not in ("auto", "lines"):
        raise UsageError(f"--split must be 'auto' or 'lines', not {kwargs.get('split')!r}")
    return Options(settings=settings, **kwargs)


def _check_backend(backend: str) -> None:
    # Here, before any file is read: on the command line a mistyped value is a usage
    # error (exit 2), said with the option's name; the test is the encoders' own.
    from align.encoders import BACKENDS, require_backend

    try:
        require_backend(backend)
    except UsageError:
        choices = ", ".join(repr(b) for b in BACKENDS[:-1]) + f" or {BACKENDS[-1]!r}"
        raise UsageError(f"--backend must be {choices}, not {backend!r}") from None


def _check_languages(source: str | None, translation: str | None
                     ) -> tuple[str | None, str | None]:
    """The BCP 47 tags of the languages given (``fr_fr`` is ``fr-FR``), or None where none
    is; before any file is read, a language's name (``--source-lang french``) or a code
    that is none is a usage error, said with the option's name."""
    from align.language import language_tag, require_language_code

    tags: list[str | None] = []
    for code, option in ((source, "--source-lang"), (translation, "--translation-lang")):
        if not code:  # an empty value, as a CI variable left unset gives, detects it
            tags.append(None)
            continue
        require_language_code(code, option)
        tags.append(language_tag(code))
        if tags[-1] is None:
            raise UsageError(f"{option} {code!r} is not a language code: give one such as fr "
                             "or fr-FR")
    return tags[0], tags[1]


def _rules(path: Path | None):
    if path is None:
        return ()
    from align.checks import read_rules

    return tuple(read_rules(path))


def _glossary(path: Path | None, quiet: bool = False):
    if path is None:
        return None
    from align.checks import read_glossary

    glossary = read_glossary(path)
    # An empty file, or one of comments alone (a template not filled in yet), checks
    # nothing: said, not refused, once a run.
    terms = glossary.concepts if hasattr(glossary, "concepts") else glossary
    if not terms and not quiet and path not in _SAID_EMPTY:
        _SAID_EMPTY.add(path)
        err.print(f"align: warning: glossary {path} holds no terms: no term is checked",
                  markup=False, soft_wrap=True)
    return glossary


#: Glossaries already said to hold no terms (a run of several documents reads it for each).
_SAID_EMPTY: set[Path] = set()


# -- commands --------------------------------------------------------------------------


@app.command()
@_friendly
def run(
    source: Annotated[Path, typer.Argument(
        metavar="SOURCE",
        help="The original text: a plain-text, Word, PDF, HTML, EPUB or ODT file.",
        readable=False)],
    translation: Annotated[Path, typer.Argument(
        metavar="TRANSLATION",
        help="Its translation, in any of the same formats.", readable=False)],
    output: OutputOpt = None,
    split: SplitOpt = "auto",
    model: ModelOpt = None,
    backend: BackendOpt = "auto",
    no_cache: NoCacheOpt = False,
    force: ForceOpt = False,
    max_link: Annotated[
        int | None,
        typer.Option(metavar="N",
                     help="Most sentences in one link, both sides together (default 6: "
                     "up to 3-3, 2-4, 4-2, 1-5, 5-1; 4 allows 2-2, 1-3, 3-1)."),
    ] = None,
    no_check: Annotated[bool, typer.Option("--no-check", help="Align only; skip the checks.")]
    = False,
    max_chars: Annotated[
        int,
        typer.Option(metavar="N", help="Cut sentences longer than this many characters at a clause "
                     "boundary, else between words (0: never; otherwise at least 20); the "
                     "model reads at most 512 tokens of one."),
    ] = 1000,
    glossary: GlossaryOpt = None,
    rules: RulesOpt = None,
    ignore: IgnoreOpt = None,
    source_lang: Annotated[str | None, typer.Option(metavar="CODE",
                                                   help="Source language code, if detection "
                                                   "gets it wrong (e.g. fr).")] = None,
    translation_lang: Annotated[str | None, typer.Option(metavar="CODE",
                                                         help="Translation language code.")]
    = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="Print no view and no recap, only errors.")] = False,
) -> None:
    """Align SOURCE with TRANSLATION, check it, print the side-by-side view and write files.

    The view ends with a recap of the findings at minor or above, worst first.  Exit code
    0 whatever the findings (align check --fail-on makes them fail a CI job); 2, 3, 4,
    70, 130 and 141 as for align check.

    Example: align run original.txt translation.txt -o out.json -o out.html
    """
    import align.pipeline as pipeline
    from align.outputs import check_outputs, write_outputs

    _check_backend(backend)
    ignore = _check_ignore(ignore)
    _check_languages(source_lang, translation_lang)
    outputs = list(output or [])
    inputs = [source, translation, *(p for p in (glossary, rules) if p)]
    check_outputs(outputs, force=force, inputs=inputs)  # fail before the slow part
    options = _options(
        model=model, backend=backend, split=split, cache=not no_cache, check=not no_check,
        glossary=_glossary(glossary, quiet), rules=_rules(rules), ignore=tuple(ignore or ()),
        max_link=max_link,
        source_language=source_lang, translation_language=translation_lang,
        max_chars=max_chars,
    )
    reporter = RichReporter(err, quiet=quiet)
    record = pipeline.align_files(source, translation, options, reporter)
    written = write_outputs(record, outputs, force=force, inputs=inputs)
    if not quiet:
        _print_view(record, written)


def _print_view(record, written: list[Path], only_findings: bool = False) -> None:
    """`align run`'s view, then its recap: the findings at minor or above one a line, which
    a reader of a view of a thousand lines would not find scattered through it."""
    from align.render.terminal import on_a_terminal, print_alignment, print_recap

    console = _Stdout()
    limit = None if len(record.links) <= VIEW_LIMIT else 60
    print_alignment(record, console, only_findings=only_findings, limit=limit)
    if limit is not None:
        console.print(
            f"(showing the first {limit} of {len(record.links)} links; write -o out.html "
            "or -o out.json and use 'align view out.json' for all of them)",
            soft_wrap=not on_a_terminal(console),  # whole in a log, as the view's other lines
        )
    print_recap(record, console, more=_all_findings_command(written))
    from align.outputs import written_lines

    for line in written_lines(record, written):  # a TMX's links left out, its "und"
        err.print(line, markup=False, soft_wrap=True)


def _all_findings_command(written: list[Path]) -> str:
    """Where to see every finding of a run: ``align view`` of the record it just wrote,
    which holds exactly them; else how to keep them next time.  Not ``align check`` of the
    two texts: without the run's options (--glossary, --rules, --split ...) it would find
    other things, and a command line rebuilt from them would miss some."""
    import shlex

    saved = next((p for p in written if p.name.lower().endswith(".json")), None)
    if saved is not None:
        return f"align view {shlex.quote(str(saved))} --only-findings"
    return "add -o out.json and see them all with align view out.json --only-findings"


@app.command()
@_friendly
def view(
    record: Annotated[Path, typer.Argument(metavar="RECORD", readable=False,
                                            help="An alignment record written with -o X.json.")],
    output: OutputOpt = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Write the HTML page to a temporary file and open it "
                           "in the default browser.")
    ] = False,
    only_findings: Annotated[bool, typer.Option("--only-findings",
                                                help="Show only links with findings.")] = False,
    force: ForceOpt = False,
    source_lang: Annotated[str | None, typer.Option(
        metavar="CODE", help="The source language to write (e.g. fr), where the record's is "
        "unknown or wrong; the record read is not changed.")] = None,
    translation_lang: Annotated[str | None, typer.Option(
        metavar="CODE", help="The translation language to write.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print no view, only errors.")]
    = False,
) -> None:
    """Show a saved alignment again, or render it to other files, without recomputing.

    Example: align view letter.json -o letter.html
    """
    from align.outputs import load_record, write_outputs, written_lines
    from align.render.terminal import print_alignment

    tags = _check_languages(source_lang, translation_lang)  # fr_fr is fr-FR, as for `run`
    alignment = load_record(record)
    for side, tag in zip((alignment.source, alignment.translation), tags, strict=True):
        side.language = tag or side.language
    outputs = list(output or [])
    written = write_outputs(alignment, outputs, force=force, inputs=[record])
    if open_browser:
        target = next((p for p in written if p.suffix.lower() in (".html", ".htm")), None)
        if target is None:
            folder = Path(tempfile.mkdtemp(prefix="align-view-"))
            target = write_outputs(alignment, [folder / (record.stem + ".html")])[0]
        if webbrowser.open(target.resolve().as_uri()):
            if not quiet:
                err.print(f"opened {target}", markup=False)
        else:
            # `webbrowser` finds no browser on a server or in a container: say so rather
            # than claim the page was opened (with -q too: the page is lost otherwise).
            err.print(f"no web browser found here; the page is {target}", markup=False)
    if quiet:
        return
    if not outputs and not open_browser:
        print_alignment(alignment, _Stdout(), only_findings=only_findings)
    for line in written_lines(alignment, written):
        err.print(line, markup=False, soft_wrap=True)


@app.command()
@_friendly
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="SOURCE TRANSLATION | SRC_DIR TGT_DIR",
            help="The original text and its translation; or two folders, each file of the "
            "first checked against the file at the same path in the second.",
            readable=False, show_default=False),
    ] = None,
    pairs: Annotated[
        list[Path] | None,
        typer.Option("--pairs", metavar="FILE", help="Check text already aligned: a TSV file "
                     "(source<TAB>translation per line; the .tsv align writes reads back), CSV, "
                     "XLSX, Moses pair (NAME.src.txt), TMX, XLIFF or gettext PO file, instead of "
                     "two texts; or an alignment record (.json), checked again with its links "
                     "as they are. Repeatable; files after it are files of pairs too "
                     "(--pairs *.xlf)."),
    ] = None,
    output: OutputOpt = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", metavar="KIND|SEVERITY", help="Exit with 1 if a finding of "
                     "this kind, or of this severity or worse (info, minor, major, critical; "
                     "no built-in check says critical, only --rules can), or KIND:SEVERITY "
                     "(a kind at that severity or worse: length:major), is found; any case, "
                     "comma-separated or repeated: any of them (default: major).")
    ] = None,
    ignore: IgnoreOpt = None,
    glossary: GlossaryOpt = None,
    rules: RulesOpt = None,
    summary: Annotated[
        Path | None,
        typer.Option("--summary", metavar="FILE.json",
                     help="Also write the run's result as JSON, for a CI job to read: the "
                     "verdict (pass, fail, incomplete) and exit code, the findings by "
                     "severity, and each document's files, summary and problems."),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", metavar="FILE",
                     help="A record (.json) of findings already reviewed and "
                     "accepted, or the NAME.accepted.json the HTML page saves: the same "
                     "findings are set aside, so that only new ones count. "
                     "With several documents, a name with {name}: accepted/{name}.json."),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option("--include", metavar="GLOB", help="With two folders: look only at the "
                     "files whose path inside the folders matches this glob (* within a "
                     "folder, ** across folders; a folder matches all it holds), e.g. those "
                     "a change touched: each keeps the {name} of the whole folders' run. "
                     "Repeatable."),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="GLOB", help="With two folders: leave out the files "
                     "whose path inside the folders matches this glob, on both sides (not "
                     "checked, not missing): a page left untranslated on purpose, another "
                     "language's folder ('de'). Repeatable."),
    ] = None,
    split: SplitOpt = "auto",
    model: ModelOpt = None,
    backend: BackendOpt = "auto",
    no_cache: NoCacheOpt = False,
    force: ForceOpt = False,
    source_lang: Annotated[str | None, typer.Option(metavar="CODE",
                                                   help="Source language code, if detection "
                                                   "gets it wrong (e.g. fr).")] = None,
    translation_lang: Annotated[str | None, typer.Option(metavar="CODE",
                                                         help="Translation language code.")]
    = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing; only the exit "
                                        "code tells.")] = False,
) -> None:
    """Check a translation against its source: omissions, additions, shifted meaning,
    numbers, names, untranslated text, mechanical slips. Worst findings first.

    Two resource files of a program (.json, .arb, .properties, .strings, .resx, Android
    .xml) are paired by key instead of aligned.

    Several documents in one run: two folders (SRC_DIR TGT_DIR: each file align reads,
    at any depth, against the file at the same path; hidden ones left out), or several
    files of pairs (--pairs a.xlf --pairs b.po, or --pairs *.xlf). Each document's report
    under a heading, then one overall line; each -o (and --baseline) must hold {name},
    the document's name: -o 'reports/{name}.json'.

    Exit code 0 when nothing reaches --fail-on, 1 when something does; 2 for a mistake
    in the command (an unknown option or value), 3 when an input cannot be read (a
    missing, empty or unreadable file) or an output not written, with several documents
    even if another fails --fail-on; 4 when the model cannot be loaded; 70 on an
    internal error (a bug, with a short notice).

    Example: align check original.txt translation.txt --fail-on major -o report.json
    """
    from align.checks import gate_list, require_gates

    if summary is not None:  # first: a mistake said below must leave no earlier verdict
        _clear_summary(summary, force=force, outputs=output or [],
                       inputs=[*(paths or []), *(pairs or []),
                               *(p for p in (glossary, rules, baseline) if p)])
    # Given twice, or as a list (number,name), any one fails the run; in any case (Major).
    # A gate given twice is one (`--fail-on major --fail-on major`).
    gates = list(dict.fromkeys(gate_list(fail_on, "--fail-on"))) or ["major"]
    require_gates(gates, "--fail-on")
    _check_backend(backend)
    ignore = _check_ignore(ignore)
    _check_languages(source_lang, translation_lang)
    # A gate that no finding can reach is a silent pass: one whose kind --ignore empties,
    # or whose check runs only on a file not given (--glossary, --rules).
    needs = {"glossary": ("--glossary", glossary), "rule": ("--rules", rules)}
    for gate in gates if not quiet else ():
        kind = gate.partition(":")[0]
        if kind in (ignore or ()):
            err.print(f"align: warning: --fail-on {gate} can never fail the run: --ignore "
                      f"{kind} leaves out every finding of that kind",
                      markup=False, soft_wrap=True)
        elif kind in needs and needs[kind][1] is None:
            err.print(f"align: warning: --fail-on {gate} can never fail the run: {kind} "
                      f"findings come only from {needs[kind][0]} FILE, which is not given",
                      markup=False, soft_wrap=True)
    given = list(paths or [])
    folders = [p for p in given if p.is_dir()]
    if pairs and folders:
        raise UsageError(f"{folders[0]} is a folder: two folders and files of pairs (--pairs) "
                         "are checked in two runs: align check SRC_DIR TGT_DIR, then "
                         "align check --pairs FILE ...")
    from align.batch import is_pairs_file

    if pairs and not all(is_pairs_file(p) for p in given):
        # The files after --pairs are files of pairs (a shell glob: --pairs *.xlf); a text
        # among them (en/a.md fr/a.md --pairs p.tsv) is two ways of checking at once.
        raise UsageError("give either two texts or --pairs FILE, not both")
    pair_files = [*(pairs or []), *given] if pairs else []
    settings = CheckSettings(
        output=tuple(output or ()), gates=tuple(gates), ignore=tuple(ignore or ()),
        glossary=glossary, rules=rules, baseline=baseline, split=split, model=model,
        backend=backend, no_cache=no_cache, force=force, source_lang=source_lang,
        translation_lang=translation_lang, quiet=quiet, summary=summary)
    if not pair_files and len(given) == 2 and folders:
        for path in given:
            if not path.exists():  # the other is a folder: this one was meant to be one
                raise InputError(f"{path}: no such folder: check the path")
        if len(folders) == 1:
            other = next(p for p in given if p not in folders)
            raise UsageError(f"{folders[0]} is a folder and {other} is not: give two folders "
                             "(SRC_DIR TGT_DIR) or two files (SOURCE TRANSLATION)")
        from align.batch import pair_folders

        def in_folders():
            return pair_folders(*given, include=include or (), exclude=exclude or ())

        _check_many(in_folders, settings, chosen=bool(include))
        return
    for option, patterns in (("--include", include), ("--exclude", exclude)):
        if patterns:
            raise UsageError(f"{option} {patterns[0]}: {option} chooses files of two folders "
                             "(SRC_DIR TGT_DIR); give two folders, or leave it out")
    from align.batch import Document, pairs_documents, text_name

    if pair_files:
        # A file given twice, or both halves of a Moses pair, is one document: how many
        # there are decides whether this is a run of several.
        documents = pairs_documents(pair_files)
        if len(documents) > 1:
            _check_many(lambda: documents, settings)
            return
        _check_one(documents[0], settings)
        return
    if len(given) > 2:
        raise UsageError(f"give two texts (SOURCE TRANSLATION), two folders (SRC_DIR TGT_DIR) "
                         f"or files of pairs (--pairs FILE ...), not {len(given)} paths")
    if len(given) < 2:
        raise UsageError("give the source and the translation, or --pairs FILE")
    source, translation = given
    _check_one(Document(text_name(translation), str(source), source, translation), settings)


@dataclass(frozen=True)
class CheckSettings:
    """The options of ``align check`` that every document of a run shares."""

    #: ``-o``: file names, each holding ``{name}`` with several documents.
    output: tuple[Path, ...] = ()
    #: ``--fail-on``: a finding that reaches any of them fails the run.
    gates: tuple[str, ...] = ("major",)
    ignore: tuple[str, ...] = ()
    glossary: Path | None = None
    rules: Path | None = None
    #: ``--baseline``: a record of accepted findings, ``{name}`` standing for each
    #: document's name (it must hold it with several documents).
    baseline: Path | None = None
    split: str = "auto"
    model: str | None = None
    backend: str = "auto"
    no_cache: bool = False
    force: bool = False
    source_lang: str | None = None
    translation_lang: str | None = None
    quiet: bool = False
    #: ``--summary``: the run's result as JSON (`align.checks.report.run_summary`).
    summary: Path | None = None


def _clear_summary(path: Path, *, force: bool, outputs: list[Path],
                   inputs: list[Path]) -> None:
    """Refuse a ``--summary`` file that cannot be written, before anything else; with
    ``--force``, take away the one an earlier run left, so that a run that ends early (a
    mistyped option, a model error) leaves no stale verdict for CI to read."""
    from align.outputs import check_outputs

    if path.suffix.lower() != ".json":
        raise UsageError(f"--summary writes JSON: name it NAME.json, not {path.name!r}")
    if any(Path(os.path.abspath(o)) == Path(os.path.abspath(path)) for o in outputs):
        raise UsageError(f"--summary {path} is also an output (-o): give it another name")
    check_outputs([path], force=force, inputs=inputs)
    if force and path.is_file():
        path.unlink()


def _check_run_outputs(run, settings: CheckSettings) -> None:
    """`align.batch.DocumentsCheck.check_outputs`, and that no document's file, its
    ``{name}`` filled in, is the ``--summary`` file, which would be written over it."""
    run.check_outputs()
    if settings.summary is None:
        return
    summary = Path(os.path.abspath(settings.summary))
    for doc in run.documents:
        files = run.files[doc]
        for path in [*files.outputs, *([files.baseline] if files.baseline else [])]:
            if Path(os.path.abspath(path)) == summary:
                raise UsageError(f"--summary {settings.summary} is also {path}, a file of "
                                 f"{doc.label}: give it another name")


def _write_summary(settings: CheckSettings, outcomes: list, exit_code: int, **found) -> None:
    """``--summary``: the run's result (`align.checks.report.run_summary`) written."""
    if settings.summary is None:
        return
    from align.checks.report import run_summary
    from align.outputs import atomic_write_bytes

    result = run_summary(outcomes, settings.gates, exit_code, **found)
    atomic_write_bytes(settings.summary,
                       (json.dumps(result, ensure_ascii=False, indent=1) + "\n").encode())
    if not settings.quiet:
        err.print(f"wrote {settings.summary}", markup=False)


def _outcome(doc, checked, settings: CheckSettings):
    """What the overall line and ``--summary`` keep of one checked document
    (`align.batch.CheckedDocument`)."""
    from align.checks import summarise
    from align.checks.report import DocumentOutcome, document_pair

    outcome = DocumentOutcome(
        doc.label, source=str(doc.source),
        translation=None if doc.translation is None else str(doc.translation),
        name=doc.name, written=[str(p) for p in checked.written])
    if checked.problem is not None:
        outcome.problem = str(checked.problem)
        if not any(str(p) in outcome.problem for p in (doc.source, doc.translation) if p):
            # A reader names a file by its name alone (``b.md is empty``): which b.md of
            # the run is meant.
            outcome.problem = f"{document_pair(doc.source, doc.translation)}: {outcome.problem}"
    if checked.unwritten is not None:
        outcome.unwritten = str(checked.unwritten)
    if checked.record is not None:
        # The record was checked with the run's gates (`Options.fail_on`): its summary's
        # verdict is the run's for it.
        outcome.summary = summarise(checked.record)
        outcome.by_severity = outcome.summary["by_severity"]
        outcome.fails = outcome.summary.get("verdict") == "fail"
    return outcome


def _check_ignore(ignore: list[str] | None) -> list[str]:
    """The kinds of ``--ignore``, its lists (``number,name``) split and each named as the
    record names it (any case given: ``Number``)."""
    # Here, not when the first document is checked: a mistyped kind is a usage error
    # (exit 2), found before any file is read or any folder made.
    if not ignore:
        return []
    from align.checks import gate_list, require_kinds

    kinds = list(gate_list(ignore, "--ignore"))
    try:
        require_kinds(kinds)
    except UsageError as error:
        raise UsageError(f"--ignore: {error}") from None
    return kinds


def _check_options(settings: CheckSettings):
    return _options(model=settings.model, backend=settings.backend, split=settings.split,
                    cache=not settings.no_cache,
                    glossary=_glossary(settings.glossary, quiet=settings.quiet),
                    rules=_rules(settings.rules), ignore=settings.ignore,
                    fail_on=settings.gates, source_language=settings.source_lang,
                    translation_language=settings.translation_lang)


def _check_documents(documents, settings: CheckSettings):
    """`align.batch.check_documents` of `documents` with the options and files `settings`
    name."""
    from align.batch import check_documents

    return check_documents(documents, _check_options(settings),
                           RichReporter(err, quiet=settings.quiet), outputs=settings.output,
                           baseline=settings.baseline,
                           inputs=[p for p in (settings.glossary, settings.rules) if p],
                           force=settings.force)


def _check_one(doc, settings: CheckSettings) -> None:
    """`align check` of one document (`align.batch.Document`): two texts, or a file of
    pairs (`translation` None); ``{name}`` in a file named is the document's name.  Its
    input error, or the error that kept its outputs from being written, ends the run."""
    run = _check_documents([doc], settings)
    _check_run_outputs(run, settings)
    note = run.files[doc].note
    if note and not settings.quiet:
        err.print(f"align: {note}: no finding is accepted", markup=False, soft_wrap=True)
    [checked] = run  # checked, its outputs written, the folders it made and left empty gone
    outcome = _outcome(doc, checked, settings)
    for error in (checked.problem, checked.unwritten):
        if error is not None:
            try:
                _write_summary(settings, [outcome], error.exit_code)
            except AlignError as unwritten:  # the document's own error is the one to end on
                err.print(f"align: error: {unwritten}", markup=False, soft_wrap=True)
            raise error
    record = checked.record
    for warning in record.signature.get("baseline", {}).get("warnings", ()):
        if not settings.quiet:  # a baseline of another document: accepts the wrong things
            err.print(f"align: warning: {warning}", markup=False, soft_wrap=True)
    if not settings.quiet:
        _print_report(record)
        # The verdict, as the overall line of several documents says it: on stdout, last.
        console = _Stdout()
        console.print()
        console.print(_verdict_line(record, settings.gates), markup=False, highlight=False,
                      soft_wrap=True)
        from align.outputs import written_lines

        for line in written_lines(record, checked.written):  # as `align run` says it
            err.print(line, markup=False, soft_wrap=True)
    _write_summary(settings, [outcome], EXIT_FINDINGS if outcome.fails else EXIT_OK)
    if outcome.fails:
        raise typer.Exit(EXIT_FINDINGS)


def _verdict_line(record, gates: tuple[str, ...]) -> str:
    """The last line of the report of one document: whether it passes the gates
    (``--fail-on``), and how many findings reach them (``fails --fail-on major: 6 findings
    at major or above``, ``passes --fail-on major``)."""
    from align.record import SEVERITIES
    from align.render.base import counted

    gate = " --fail-on ".join(gates)
    failing = len(record.failing(list(gates)))
    if not failing:
        return f"passes --fail-on {gate}"
    if len(gates) > 1:
        reach = "reaching them"
    else:
        kind, _, severity = gates[0].partition(":")
        if kind in SEVERITIES:
            kind, severity = "", kind
        reach = " ".join(filter(None, (f"of kind {kind}" if kind else "",
                                       f"at {severity} or above" if severity else "")))
    return f"fails --fail-on {gate}: {counted(failing, 'finding')} {reach}"


def _check_many(find: Callable[[], Any], settings: CheckSettings, *,
                chosen: bool = False) -> None:
    """`align check` of several documents, which `find` lists (an `align.batch.FolderPairs`
    of two folders, `chosen`: with ``--include``; or a list of `align.batch.Document`, of
    files of pairs), checked by `align.batch.check_documents`: each reported in turn under
    its heading as it is checked, then the overall line.

    Everything the command line can get wrong (a usage error: ``{name}`` missing, two
    documents of one name, an unknown format …) is said before the first folder is made
    and the model loaded.  A document that cannot be checked (its counterpart missing, an
    input error) or whose outputs cannot be written is said on stderr and the others are
    still checked; the run then exits with `EXIT_INPUT`, before `EXIT_FINDINGS`: an
    incomplete check is never a pass, nor only a finding.  A usage error or a model error
    ends the run at once, as for one document.  Files chosen with ``--include`` of which
    none is one align reads (a change that touched only images) are nothing to check: a
    pass, said on stderr."""
    from align.batch import FolderPairs, require_files, require_templates
    from align.checks.report import (
        document_heading,
        overall_line,
    )
    from align.render.base import counted

    require_templates(settings.output, settings.baseline)  # before anything else
    quiet = settings.quiet
    found = find()
    if isinstance(found, FolderPairs):
        for pattern in found.unused_patterns if not quiet else ():
            err.print(f"align: warning: {pattern} matches no file: a pattern is matched "
                      "against the path inside the folders (guide/install.md)", markup=False,
                      soft_wrap=True)
        if found.empty and chosen:  # a change that touched no text: no failure
            if not quiet:
                err.print(f"align: no file chosen by --include is one align reads"
                          f"{found.aside()}: nothing to check", markup=False, soft_wrap=True)
            _write_summary(settings, [], EXIT_OK, excluded=len(found.excluded))
            return
        require_files(found)
    run = _check_documents(found, settings)
    _check_run_outputs(run, settings)
    skipped, unmatched = run.skipped, run.unmatched
    if skipped and not quiet:
        shown = ", ".join(str(p) for p in skipped[:10])
        more = f" and {len(skipped) - 10} more" if len(skipped) > 10 else ""
        err.print(f"align: skipped {counted(len(skipped), 'file')} of a type align does not "
                  f"read: {shown}{more}", markup=False, soft_wrap=True)
    for missing in unmatched:
        err.print(f"align: warning: {missing.present} has no counterpart: {missing.missing} "
                  "does not exist; not checked", markup=False, soft_wrap=True)
    names_used = bool(settings.output) or settings.baseline is not None
    console = _Stdout()
    outcomes = []
    with contextlib.closing(iter(run)) as checking:
        for number, doc in enumerate(run.documents, 1):
            if not quiet:
                if number > 1:
                    console.print()
                console.print(document_heading(number, len(run.documents), doc.source,
                                               doc.translation, run.files[doc].note,
                                               name=doc.name if names_used else None),
                              style="bold", markup=False, highlight=False, soft_wrap=True)
            checked = next(checking)  # this document checked now
            outcome = _outcome(doc, checked, settings)
            for problem in (outcome.problem, outcome.unwritten):
                if problem is not None:
                    err.print(f"align: error: {problem}", markup=False, soft_wrap=True)
            if checked.record is not None:
                for warning in checked.record.signature.get("baseline", {}).get("warnings", ()):
                    if not quiet:
                        err.print(f"align: warning: {warning}", markup=False, soft_wrap=True)
                if not quiet:
                    _print_report(checked.record)
            outcomes.append(outcome)
    if not quiet:
        console.print()
        console.print(overall_line(outcomes, settings.gates,
                                   unmatched=[m.label for m in unmatched],
                                   excluded=len(run.excluded)),
                      markup=False, highlight=False, soft_wrap=True)
    exit_code = (
        EXIT_INPUT if unmatched or any(o.problem is not None or o.unwritten is not None
                                       for o in outcomes)
        else EXIT_FINDINGS if any(o.fails for o in outcomes) else EXIT_OK)
    _write_summary(settings, outcomes, exit_code,
                   unmatched=[{"present": str(m.present), "missing": str(m.missing)}
                              for m in unmatched],
                   skipped=[str(p) for p in skipped], excluded=len(run.excluded))
    if exit_code != EXIT_OK:
        raise typer.Exit(exit_code)


def _print_report(record) -> None:
    try:
        from align.checks.report import print_report
    except ImportError:  # the plain table still shows every finding
        from align.render.terminal import print_alignment

        print_alignment(record, _Stdout(), only_findings=True)
        return
    print_report(record, _Stdout())


@app.command(name="eval")
@_friendly
def evaluate(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATHS",
                       help="SOURCE TRANSLATION GOLD (pre-split files, one sentence per line, "
                       "and gold links [i, j]:[k]), or folders holding such triples."),
    ],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE.json",
        help="Write the scores and each document's predicted links as JSON "
        "to this file (NAME.json)."
    )] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Align the translation to the "
                                          "source instead (swaps gold sides).")] = False,
    source_ext: Annotated[str | None, typer.Option(metavar="EXT",
                                                   help="In folders: the source files' "
                                                   "extension (e.g. de).")] = None,
    model: ModelOpt = None,
    backend: BackendOpt = "auto",
    no_cache: NoCacheOpt = False,
    force: ForceOpt = False,
) -> None:
    """Align pre-split files and score them against gold links (strict and lax P/R/F1).

    Example: align eval ../shared/data/textberg-de-fr-dev
    """
    from align.evaluate import evaluate_paths
    from align.outputs import atomic_write_bytes, check_outputs
    from align.render.base import counted

    _check_backend(backend)
    if output is not None:
        # The renderers' extensions (.tsv, .html, ...) would name formats eval does not write.
        if output.suffix.lower() != ".json":
            raise UsageError(f"eval writes its scores as JSON: name the output NAME.json, "
                             f"not {output.name!r}")
        check_outputs([output], force=force, inputs=paths)
    def warn(message: str) -> None:
        err.print(f"align: warning: {message}", markup=False, soft_wrap=True)

    result = evaluate_paths(paths, model=model, cache=not no_cache, reverse=reverse,
                            source_ext=source_ext, reporter=RichReporter(err), backend=backend,
                            warn=warn)
    console = _Stdout()
    # One line a document, never wrapped: scripts and logs read them.
    for doc in result["documents"]:
        console.print(f"{doc['name']:<40} strict F1 {doc['strict_f1']:.3f}   "
                      f"lax F1 {doc['lax_f1']:.3f}", soft_wrap=True, markup=False)
    total = result["total"]
    documents = f"all ({counted(total['documents'], 'document')})"
    console.print(
        f"{documents:<40} "
        f"strict P {total['strict_precision']:.3f} R {total['strict_recall']:.3f} "
        f"F1 {total['strict_f1']:.3f}   lax P {total['lax_precision']:.3f} "
        f"R {total['lax_recall']:.3f} F1 {total['lax_f1']:.3f}", soft_wrap=True,
    )
    if output is not None:
        atomic_write_bytes(output, json.dumps(result, indent=1).encode() + b"\n")
    if result["skipped"]:
        # Scores of part of a set are not the set's: a benchmark in CI must not pass on them.
        names = ", ".join(s["name"] for s in result["skipped"])
        them = "them" if len(result["skipped"]) > 1 else "it"
        err.print(f"align: {counted(len(result['skipped']), 'incomplete document')} not "
                  f"scored ({names}): the scores above leave {them} out", markup=False,
                  soft_wrap=True)
        raise typer.Exit(EXIT_INPUT)


@app.command()
@_friendly
def model(
    name: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print id, path and signature as "
                                          "JSON, for scripts; 'ready' says whether the model "
                                          "is built (or found) here.")] = False,
    build: Annotated[bool, typer.Option("--build", help="Build the default model now if it "
                                        "is missing or damaged.")] = False,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Build the default model again "
                                          "from scratch.")] = False,
) -> None:
    """Show which model is in use, where it lives and its signature; (re)build the default."""
    from align import models

    if build or rebuild:
        if not models.is_default(name):
            raise UsageError("only the default model is built here; other models are "
                             "downloaded by sentence-transformers")
        reporter = RichReporter(err)
        models.ensure_default_model(rebuild=rebuild, status=_status_printer(reporter))
        from align.encoders import prepare_backend

        prepare_backend("auto", status=_status_printer(reporter), retry=rebuild)
        reporter.done()
    if not models.is_default(name):
        assert name is not None
        _require_local_model(name)
    info = models.model_info(name)
    if as_json:
        from align.encoders import how_runs_record

        info.update(how_runs_record(name, info))
        sys.stdout.write(json.dumps(info, indent=1, default=str) + "\n")
        return
    console = _Stdout()
    unbuilt = models.is_default(name) and not info["ready"]
    for key, value in info.items():
        if key == "ready":
            continue
        if value is None and key in ("checksum", "built", "backend", "dimensions"):
            if key == "checksum" and unbuilt:
                console.print(f"{'built':>12}: not built yet (built on first use, or by "
                              "`align model --build`)", markup=False, soft_wrap=True)
            continue  # nothing known yet, or nothing a model not built here has
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False)
        elif key == "backend" and value:
            value = f"{value} (the stored weights; what runs is auto_backend)"
        # One line each however narrow the terminal: a checksum or a path copied from it
        # must not carry a line break.
        console.print(f"{key:>12}: {value}", markup=False, soft_wrap=True)


@app.command()
@_friendly
def cache(
    clear: Annotated[bool, typer.Option("--clear", help="Delete the cached sentence and "
                                        "token vectors.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON, for "
                                          "scripts.")] = False,
) -> None:
    """Show where the embedding caches are and how large; --clear deletes them.

    Sentence vectors make a re-run embed nothing it has embedded before; the token vectors
    of the checks' word aligner make a re-run with checks need no model pass either.
    """
    from align.embedding_cache import clear_caches, describe_caches

    if clear:
        clear_caches()
    caches = describe_caches()
    if as_json:
        sys.stdout.write(json.dumps(caches, indent=1) + "\n")
        return
    console = _Stdout()
    for entry in caches:
        cap = f", cap {entry['limit'] / 2**20:,.0f} MiB" if entry["limit"] is not None else ""
        rows = ("unreadable" if entry["rows"] is None
                else f"{entry['rows']:,} row{'' if entry['rows'] == 1 else 's'}")
        console.print(f"{entry['name']:>13}: {entry['path']} ({entry['bytes'] / 2**20:,.1f} MiB, "
                      f"{rows}{cap})", markup=False, soft_wrap=True)


def _require_local_model(name: str) -> None:
    """Raise `ModelError` unless model `name` is on this machine, as `align run -m` would."""
    from align import models

    # A file, a missing folder, or a name not cached on an offline machine: run's messages.
    models.require_available(name)
    if models.resolve_model_path(name) is None:  # the hub is reachable, but nothing is here
        raise ModelError(f"model {name!r} is not on this machine (neither a local folder nor "
                         "in the Hugging Face cache): 'align run -m NAME' downloads it from "
                         "the hub first")


def _status_printer(reporter: RichReporter) -> Callable[[str], None]:
    if reporter.live:
        return reporter.status
    return lambda message: err.print(message, markup=False)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")]
    = False,
) -> None:
    if version:
        typer.echo(f"align {__version__}")
        raise typer.Exit(0)


def _terminate(signum: int, frame: Any) -> None:
    # `kill` (SIGTERM) ends the run like Ctrl-C: temporary files are removed and
    # the output files stay as they were.
    raise KeyboardInterrupt


def main() -> None:
    """Console-script entry point."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app(prog_name="align")
    except SystemExit as done:
        _leave(done.code)
    _leave(0)


def _leave(code: int | str | None) -> None:
    """End the process at once, with `code`, once its output is flushed.

    By now every output file is written and closed, temporary files are removed and
    the caches' transactions are committed; what the interpreter would still do is
    tear down the model (OpenVINO's compiled network, the kept token vectors) and
    every module, some 0.6 s after a long run that nobody waits for.
    """
    if isinstance(code, str):  # sys.exit("message"): Python prints it and exits 1
        print(code, file=sys.stderr)
        code = 1
    code = 0 if code is None else code
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the reader left (`align ... | head`)
        code = code or EXIT_BROKEN_PIPE
    with contextlib.suppress(BrokenPipeError, ValueError):
        sys.stderr.flush()
    if "logging" in sys.modules:
        sys.modules["logging"].shutdown()
    os._exit(code)
