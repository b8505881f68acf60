"""Errors a user can cause or fix, each with the exit code the CLI returns for it.

Anything raised as an `AlignError` is printed by the CLI as one plain line
(no traceback) and ends the run with `exit_code`.  Everything else is a bug and
exits with `EXIT_INTERNAL`.
"""

from __future__ import annotations

EXIT_OK = 0
#: ``align check``: a finding at or above ``--fail-on`` was found.
EXIT_FINDINGS = 1
#: The command line itself is wrong (unknown option, bad value, unknown output extension).
EXIT_USAGE = 2
#: An input or output file cannot be used as asked (missing, binary, undecodable, exists).
EXIT_INPUT = 3
#: The model cannot be loaded or built.
EXIT_MODEL = 4
#: Interrupted by the user (Ctrl-C); nothing half-written is left behind.
EXIT_INTERRUPTED = 130
#: The reader of the output left before the end (``align view x.json | head``): what a
#: shell reports for a process that SIGPIPE ends, not 1, which says findings were found.
EXIT_BROKEN_PIPE = 141
#: A bug: please report it with the traceback printed by ``ALIGN_DEBUG=1``.
EXIT_INTERNAL = 70


class AlignError(Exception):
    """A problem the user can act on; the message says what happened and what to do."""

    exit_code = EXIT_INPUT


class UsageError(AlignError):
    exit_code = EXIT_USAGE


class InputError(AlignError):
    exit_code = EXIT_INPUT


class OutputError(AlignError):
    exit_code = EXIT_INPUT

    def __init__(self, *args: object, written: list | None = None) -> None:
        super().__init__(*args)
        #: The files written all the same (the others of a run whose one output failed to
        #: render), so that what reports the run can name them.
        self.written = list(written or [])


class ModelError(AlignError):
    exit_code = EXIT_MODEL


class RecordError(InputError, ValueError):
    """A dict or JSON file that is not an alignment record, or a damaged one
    (`align.record.Alignment.from_dict`).  A `ValueError` too, as `from_dict` has always
    raised, so that code that caught that still does."""
