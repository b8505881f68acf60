"""The contract every sentence encoder meets, and helpers the encoders share."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

import numpy as np

Progress = Callable[[int], None]
Status = Callable[[str], None]

#: Token-level output for one text: char offsets of each non-special token into the
#: text, and its contextual vectors, shape (t, d).
TokenEmbeddings = tuple[list[tuple[int, int]], np.ndarray]


class Encoder(Protocol):
    """Turns sentences into unit vectors (and tokens into contextual vectors).

    Optional, looked up with ``getattr`` (the OpenVINO encoder has them):
    ``keep_word_tokens`` and ``release_word_tokens()`` (see `keeping_word_tokens`), and
    ``too_long(texts) -> set[str]`` with ``max_length``: the texts cut at the model's
    input limit, which the pipeline reports.
    """

    #: The model id as the user gave it (``--model``), or the default model's id.
    id: str
    #: What produced the vectors: ``id``, ``checksum``, ``backend``, ``dimensions``,
    #: ``prompt``, ...  Goes into every alignment record and keys the embedding cache.
    signature: dict[str, Any]

    def encode(self, texts: Sequence[str], *, progress: Progress | None = None) -> np.ndarray:
        """(n, d) float32, each row L2-normalised; ``progress(k)`` after every k texts done."""
        ...

    def token_embeddings(self, texts: Sequence[str]) -> list[TokenEmbeddings]:
        """Per text: (start, end) char offsets of its tokens and their (t, d) vectors."""
        ...


def length_sorted_batches(texts: Sequence[str], batch_size: int) -> Iterator[list[int]]:
    """Indices of `texts` in batches of similar length, longest first.

    Sentences of similar length pad little; longest first makes the slowest batch
    (and any out-of-memory) happen at once rather than at the end.
    """
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    for start in range(0, len(order), batch_size):
        yield order[start : start + batch_size]


@contextmanager
def keeping_word_tokens(encoder: Any) -> Iterator[None]:
    """Within the block, an encoder that can keep the word-level token vectors of what it
    embeds (``keep_word_tokens``) keeps them, for the checks that follow; at the end they
    are released.  Other encoders, and nested blocks, are left as they are."""
    if getattr(encoder, "keep_word_tokens", True):
        yield
        return
    encoder.keep_word_tokens = True
    try:
        yield
    finally:
        encoder.keep_word_tokens = False
        encoder.release_word_tokens()


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def configure_torch_threads() -> None:
    """Use one intra-op thread per available core unless the user chose otherwise.

    More threads than cores (torch's default can count hyper-threads) makes small
    matrix products slower, not faster.
    """
    import torch

    if "OMP_NUM_THREADS" in os.environ or "ALIGN_THREADS" in os.environ:
        wanted = int(os.environ.get("ALIGN_THREADS") or os.environ["OMP_NUM_THREADS"])
    else:
        wanted = available_cores()
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(max(1, wanted))


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
