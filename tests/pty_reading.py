"""Reading what a program wrote to a pseudo-terminal, for the tests of interrupted runs."""

from __future__ import annotations

import os
import select
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


def read_until_quiet(master: int, quiet: float = 0.5) -> bytes:
    """All that the terminal whose master side is `master` holds, read until nothing more
    comes for `quiet` seconds: one read returns what is there at that moment, which on a
    loaded machine may stop short of the last escape."""
    shown = b""
    while select.select([master], [], [], quiet)[0]:
        chunk = os.read(master, 1 << 16)
        if not chunk:
            break
        shown += chunk
    return shown


@contextmanager
def pseudo_terminal() -> Iterator[tuple[TextIO, list[bytes]]]:
    """A pseudo-terminal to write to, as a text file, and a list that holds, once the block
    has ended, all that was written (`read_until_quiet`); both sides closed after."""
    master, slave = os.openpty()
    shown: list[bytes] = []
    try:
        with os.fdopen(slave, "w", closefd=False) as terminal:
            yield terminal, shown
            terminal.flush()
        shown.append(read_until_quiet(master))
    finally:
        os.close(master)
        os.close(slave)
