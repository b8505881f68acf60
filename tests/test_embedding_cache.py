"""The on-disk embedding cache and `embed`, with the real default encoder."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from align.embedding_cache import EmbeddingCache, embed

TEXTS = [
    "The night was dark and the road was long.",
    "La nuit était noire et la route longue.",
    "He waited.",
    "Il attendit.",
    "The night was dark and the road was long.",  # a repeat
    "Nobody came.",
]


class CountingEncoder:
    """The real encoder, counting the texts it is asked to embed."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.id = inner.id
        self.signature = inner.signature
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        self.encoded.extend(texts)
        return self.inner.encode(texts, progress=progress)

    def token_embeddings(self, texts: Sequence[str]):
        return self.inner.token_embeddings(texts)


@pytest.fixture
def counting(default_encoder) -> CountingEncoder:
    return CountingEncoder(default_encoder)


@pytest.fixture
def cache(tmp_path: Path) -> EmbeddingCache:
    with EmbeddingCache(tmp_path / "embeddings.sqlite") as store:
        yield store


def test_a_second_run_embeds_nothing(counting: CountingEncoder, cache: EmbeddingCache) -> None:
    first = embed(counting, TEXTS, cache=cache)
    assert sorted(counting.encoded) == sorted(set(TEXTS))
    counting.encoded.clear()
    second = embed(counting, TEXTS, cache=cache)
    assert counting.encoded == []
    assert np.array_equal(first, second)  # float32 stored exactly


def test_the_cache_survives_reopening(counting: CountingEncoder, tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite"
    with EmbeddingCache(path) as store:
        first = embed(counting, TEXTS, cache=store)
    counting.encoded.clear()
    with EmbeddingCache(path) as store:
        assert np.array_equal(embed(counting, TEXTS, cache=store), first)
    assert counting.encoded == []


def test_each_distinct_text_is_embedded_once_and_rows_keep_input_order(
    counting: CountingEncoder,
) -> None:
    vectors = embed(counting, TEXTS, cache=False)
    assert len(counting.encoded) == len(set(TEXTS))
    assert vectors.shape == (len(TEXTS), counting.signature["dimensions"])
    assert np.array_equal(vectors[0], vectors[4])
    alone = counting.inner.encode(TEXTS)
    cosines = (vectors * alone).sum(axis=1)
    assert cosines.min() > 0.999  # row i is the vector of TEXTS[i]


def test_only_new_texts_are_embedded(counting: CountingEncoder, cache: EmbeddingCache) -> None:
    embed(counting, TEXTS[:3], cache=cache)
    counting.encoded.clear()
    embed(counting, TEXTS, cache=cache)
    assert sorted(counting.encoded) == sorted(set(TEXTS) - set(TEXTS[:3]))


def test_progress_counts_input_texts_including_hits_and_repeats(
    counting: CountingEncoder, cache: EmbeddingCache
) -> None:
    for _ in range(2):  # a cold run, then a warm one
        done: list[int] = []
        embed(counting, TEXTS, cache=cache, progress=done.append, chunk_size=2)
        assert sum(done) == len(TEXTS)
        assert all(k >= 0 for k in done)


def test_another_signature_does_not_hit(counting: CountingEncoder, cache: EmbeddingCache) -> None:
    embed(counting, TEXTS, cache=cache)
    counting.signature = dict(counting.signature, backend="something-else")
    counting.encoded.clear()
    embed(counting, TEXTS, cache=cache)
    assert len(counting.encoded) == len(set(TEXTS))


def test_a_corrupt_row_is_discarded_and_recomputed(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    path = tmp_path / "embeddings.sqlite"
    with EmbeddingCache(path) as store:
        first = embed(counting, TEXTS, cache=store)
    with sqlite3.connect(path) as conn:  # flip one byte of one stored vector
        key, blob = conn.execute("SELECT text_sha256, vector FROM embeddings LIMIT 1").fetchone()
        damaged = bytes([blob[0] ^ 0xFF]) + blob[1:]
        conn.execute("UPDATE embeddings SET vector = ? WHERE text_sha256 = ?", (damaged, key))
    counting.encoded.clear()
    with EmbeddingCache(path) as store:
        again = embed(counting, TEXTS, cache=store)
    assert len(counting.encoded) == 1
    np.testing.assert_allclose(again, first, atol=1e-6)


def test_a_corrupt_file_is_discarded(counting: CountingEncoder, tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite"
    with EmbeddingCache(path) as store:
        first = embed(counting, TEXTS, cache=store)
    data = bytearray(path.read_bytes())
    data[:100] = b"\xff" * 100  # the SQLite header
    path.write_bytes(bytes(data))
    counting.encoded.clear()
    with EmbeddingCache(path) as store:
        again = embed(counting, TEXTS, cache=store)
        assert len(store) == len(set(TEXTS))
    assert len(counting.encoded) == len(set(TEXTS))
    np.testing.assert_allclose(again, first, atol=1e-6)


def test_an_interrupted_run_keeps_the_chunks_it_finished(
    counting: CountingEncoder, cache: EmbeddingCache
) -> None:
    class Interrupted(CountingEncoder):
        def encode(self, texts, *, progress=None):
            if self.encoded:
                raise KeyboardInterrupt
            return super().encode(texts, progress=progress)

    interrupted = Interrupted(counting.inner)
    with pytest.raises(KeyboardInterrupt):
        embed(interrupted, TEXTS, cache=cache, chunk_size=2)
    assert len(cache) == 2
    embed(counting, TEXTS, cache=cache)
    assert len(counting.encoded) == len(set(TEXTS)) - 2


def test_no_cache_writes_nothing(counting: CountingEncoder, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALIGN_HOME", str(tmp_path))
    embed(counting, TEXTS, cache=False)
    assert not (tmp_path / "cache").exists()
    embed(counting, TEXTS)  # cache=True uses ALIGN_HOME
    assert (tmp_path / "cache" / "embeddings.sqlite").is_file()


def test_empty_input(counting: CountingEncoder, cache: EmbeddingCache) -> None:
    assert embed(counting, [], cache=cache).shape == (0, counting.signature["dimensions"])
