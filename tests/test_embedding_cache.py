"""The on-disk embedding cache and `embed`, with the real default encoder."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from align.embedding_cache import (
    EmbeddingCache,
    TokenVectorCache,
    _pack_tokens,
    cached_token_embeddings,
    embed,
)

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


def _quick_checks(monkeypatch) -> list[str]:
    """The files `PRAGMA quick_check` reads from now on, one entry a check."""
    checked: list[str] = []
    connect = sqlite3.connect

    def tracing(path, *args, **kwargs):
        conn = connect(path, *args, **kwargs)
        conn.set_trace_callback(
            lambda sql: checked.append(str(path)) if "quick_check" in sql.lower() else None)
        return conn

    monkeypatch.setattr(sqlite3, "connect", tracing)
    return checked


def test_a_file_is_checked_once_a_process_until_someone_else_changes_it(
    counting: CountingEncoder, tmp_path: Path, monkeypatch
) -> None:
    checked = _quick_checks(monkeypatch)
    path = tmp_path / "embeddings.sqlite"
    for texts in (TEXTS[:2], TEXTS, TEXTS):  # written, then read, by this process
        with EmbeddingCache(path) as store:
            embed(counting, texts, cache=store)
    assert checked == [str(path)]

    time.sleep(0.05)  # another writer, a moment later: its change shows in the file's time
    with connect_outside(path) as other, other:  # committed
        other.execute("DELETE FROM embeddings WHERE text_sha256 = "
                      "(SELECT text_sha256 FROM embeddings LIMIT 1)")
    with EmbeddingCache(path) as store:
        embed(counting, TEXTS, cache=store)
    assert checked == [str(path)] * 2

    # Damage that the file's header does not show, found by the check: a fresh file.
    time.sleep(0.05)
    data = bytearray(path.read_bytes())
    data[4096 : 2 * 4096] = b"\x07" * 4096  # the table's first page
    path.write_bytes(bytes(data))
    with EmbeddingCache(path) as store:
        assert store.get(counting.signature, ["never stored"]) == {}
        assert any("was damaged; started a new one" in n for n in store.notices)
        assert len(store) == 0
    assert len(checked) >= 3


def connect_outside(path: Path):
    """A connection of another program (not traced as this one's caches are)."""
    return contextlib.closing(sqlite3.connect(path))


def _used_bytes(store: EmbeddingCache) -> int:
    page_size, pages, free = (store.conn.execute(f"PRAGMA {p}").fetchone()[0]
                              for p in ("page_size", "page_count", "freelist_count"))
    return (pages - free) * page_size


def _ten_rows(tmp_path: Path) -> tuple[dict, np.ndarray, int]:
    """A signature, ten vectors of the default model's size, and the bytes they take."""
    signature = {"id": "test-model", "dimensions": 384}
    vectors = np.random.default_rng(0).normal(size=(10, 384)).astype(np.float32)
    with EmbeddingCache(tmp_path / "measure.sqlite") as store:
        store.put(signature, [f"row {k}" for k in range(10)], vectors)
        return signature, vectors, _used_bytes(store)


def test_the_sentence_cache_drops_the_least_recently_used_rows_past_its_cap(
    tmp_path: Path, monkeypatch
) -> None:
    from align import embedding_cache

    monkeypatch.setattr(embedding_cache, "_TOUCH_AFTER_NS", 0)  # each read marks a use
    signature, vectors, ten_rows = _ten_rows(tmp_path)
    path = tmp_path / "embeddings.sqlite"
    old, new = [f"old {k}" for k in range(10)], [f"new {k}" for k in range(10)]
    with EmbeddingCache(path, limit=int(1.5 * ten_rows)) as store:
        store.put(signature, old, vectors)
        time.sleep(0.01)
        assert list(store.get(signature, ["old 0"])) == ["old 0"]  # read again: recently used
        store.put(signature, new, vectors)
        assert _used_bytes(store) <= store.limit
    with EmbeddingCache(path) as store:
        kept = store.get(signature, old + new)
    assert sorted(kept) == sorted(["old 0", *new])


def test_a_zero_cap_turns_the_sentence_cache_off(counting, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALIGN_EMBEDDING_CACHE_MB", "0")
    with EmbeddingCache(tmp_path / "embeddings.sqlite") as store:
        embed(counting, TEXTS, cache=store)
        embed(counting, TEXTS, cache=store)
    assert len(counting.encoded) == 2 * len(set(TEXTS))
    assert not (tmp_path / "embeddings.sqlite").exists()


def test_the_sentence_cache_stays_one_an_older_align_can_read_and_write(tmp_path: Path) -> None:
    signature, vectors, ten_rows = _ten_rows(tmp_path)
    path = tmp_path / "embeddings.sqlite"
    new = [f"new {k}" for k in range(10)]
    with EmbeddingCache(path) as store:
        store.put(signature, new[:5], vectors[:5])
    # Rows written as align wrote them before the cap, into the same file.
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)",
                         [("older", b"%d" % k, vectors[k].tobytes(), b"") for k in range(10)])
    with EmbeddingCache(path, limit=int(1.5 * ten_rows)) as store:
        store.put(signature, new[5:], vectors[5:])  # past the cap: rows with no mark go first
        assert sorted(store.get(signature, new)) == sorted(new) and len(store) == 10



# -- the token vector cache ----------------------------------------------------------------

TOKEN_SIGNATURE = {"id": "test-model", "token_layer": 8}


def _tokens(n: int, dims: int = 4, *, half: bool = True, seed: int = 0):
    vectors = np.random.default_rng(seed).normal(size=(n, dims)).astype(np.float32)
    if half:  # what the OpenVINO encoder returns: float16 values in float32
        vectors = vectors.astype(np.float16).astype(np.float32)
    return [(2 * k, 2 * k + 1) for k in range(n)], vectors


def test_token_vectors_come_back_exactly_in_float16_or_float32(tmp_path: Path) -> None:
    items = {"half": _tokens(5), "full": _tokens(3, half=False), "empty": ([], np.zeros((0, 4)))}
    with TokenVectorCache(tmp_path / "tokens.sqlite") as store:
        store.put_tokens(TOKEN_SIGNATURE, items)
    with TokenVectorCache(tmp_path / "tokens.sqlite") as store:
        found = store.get_tokens(TOKEN_SIGNATURE, list(items))
        assert store.get_tokens({**TOKEN_SIGNATURE, "token_layer": 12}, list(items)) == {}
    for text, (spans, vectors) in items.items():
        assert found[text][0] == spans
        assert np.array_equal(found[text][1], vectors)
    with sqlite3.connect(tmp_path / "tokens.sqlite") as conn:
        sizes = dict(conn.execute("SELECT bytes, bytes FROM token_vectors").fetchall())
    # 12 bytes of header, 8 per span; 2 bytes a value when float16 holds them exactly.
    assert set(sizes) == {12 + 5 * 8 + 5 * 4 * 2, 12 + 3 * 8 + 3 * 4 * 4, 12}


def test_only_missing_token_vectors_are_computed_and_then_kept(tmp_path: Path) -> None:
    computed: list[list[str]] = []

    def compute(texts: list[str]):
        computed.append(texts)
        return [_tokens(len(t), seed=len(t)) for t in texts]

    with TokenVectorCache(tmp_path / "tokens.sqlite") as store:
        first = cached_token_embeddings(TOKEN_SIGNATURE, ["ab", "abc", "ab"], compute, store)
        again = cached_token_embeddings(TOKEN_SIGNATURE, ["abc", "abcd"], compute, store)
    assert computed == [["ab", "abc"], ["abcd"]]
    assert [len(spans) for spans, _ in first] == [2, 3, 2]
    assert np.array_equal(again[0][1], first[1][1])
    with TokenVectorCache(tmp_path / "tokens.sqlite") as store:
        assert len(store) == 3


def test_the_token_cache_drops_the_least_recently_used_rows_past_its_cap(tmp_path: Path) -> None:
    row = len(_pack_tokens(_tokens(10)))
    path = tmp_path / "tokens.sqlite"
    with TokenVectorCache(path, limit=5 * row) as store:
        store.put_tokens(TOKEN_SIGNATURE, {f"old {k}": _tokens(10, seed=k) for k in range(4)})
        store.flush()
        assert store.get_tokens(TOKEN_SIGNATURE, ["old 0"])  # read again: recently used
        store.flush()
        store.put_tokens(TOKEN_SIGNATURE, {"new 0": _tokens(10), "new 1": _tokens(10)})
    with TokenVectorCache(path, limit=5 * row) as store:
        kept = store.get_tokens(TOKEN_SIGNATURE, ["old 0", "old 1", "old 2", "old 3", "new 0",
                                                 "new 1"])
    # Six rows passed the cap of five: the least recently used go, at least down to 80 %
    # of the cap; old 1 to 3, stored together and not read since, go together.
    assert sorted(kept) == ["new 0", "new 1", "old 0"]


def test_a_damaged_token_row_is_discarded(tmp_path: Path) -> None:
    path = tmp_path / "tokens.sqlite"
    with TokenVectorCache(path) as store:
        store.put_tokens(TOKEN_SIGNATURE, {"a": _tokens(3), "b": _tokens(4)})
    with sqlite3.connect(path) as conn:
        key, blob = conn.execute(
            "SELECT text_sha256, tokens FROM token_vectors WHERE bytes = ?",
            (len(_pack_tokens(_tokens(3))),)).fetchone()
        conn.execute("UPDATE token_vectors SET tokens = ? WHERE text_sha256 = ?",
                     (blob[:-1] + bytes([blob[-1] ^ 0xFF]), key))
    with TokenVectorCache(path) as store:
        assert list(store.get_tokens(TOKEN_SIGNATURE, ["a", "b"])) == ["b"]
        assert any("1 damaged row" in n for n in store.notices)
        assert len(store) == 1


def test_a_zero_cap_turns_the_token_cache_off(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALIGN_TOKEN_CACHE_MB", "0")
    with TokenVectorCache(tmp_path / "tokens.sqlite") as store:
        store.put_tokens(TOKEN_SIGNATURE, {"a": _tokens(3)})
        assert store.get_tokens(TOKEN_SIGNATURE, ["a"]) == {}
    assert not (tmp_path / "tokens.sqlite").exists()


def test_align_cache_shows_and_clears_both_caches(counting, monkeypatch, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from align import embedding_cache
    from align.cli import app

    monkeypatch.setattr(embedding_cache, "default_cache_path",
                        lambda: tmp_path / "cache" / "embeddings.sqlite")
    embed(counting, TEXTS)
    with TokenVectorCache() as store:
        store.put_tokens(TOKEN_SIGNATURE, {"a": _tokens(3), "b": _tokens(4)})
    shown = CliRunner().invoke(app, ["cache", "--json"])
    assert shown.exit_code == 0, shown.output
    figures = {c["name"]: c for c in json.loads(shown.output)}
    assert figures["embeddings"]["rows"] == len(set(TEXTS))
    assert figures["token vectors"]["rows"] == 2
    assert figures["token vectors"]["path"] == str(tmp_path / "cache" / "tokens.sqlite")
    assert figures["embeddings"]["limit"] == embedding_cache.embedding_cache_limit() > 0
    assert all(c["bytes"] > 0 for c in figures.values())

    cleared = CliRunner().invoke(app, ["cache", "--clear", "--json"])
    assert cleared.exit_code == 0, cleared.output
    assert all(c["rows"] == 0 and c["bytes"] == 0 for c in json.loads(cleared.output))
    assert not list((tmp_path / "cache").glob("*.sqlite"))
    counting.encoded.clear()
    embed(counting, TEXTS)  # everything is embedded again
    assert sorted(counting.encoded) == sorted(set(TEXTS))


def test_a_token_cache_that_cannot_be_opened_is_skipped_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "tokens.sqlite"
    path.mkdir()  # SQLite cannot open a directory: like a file locked or unreadable
    computed: list[list[str]] = []

    def compute(texts: list[str]):
        computed.append(texts)
        return [_tokens(2) for _ in texts]

    with TokenVectorCache(path) as store:
        found = cached_token_embeddings(TOKEN_SIGNATURE, ["a", "b"], compute, store)
        again = cached_token_embeddings(TOKEN_SIGNATURE, ["a"], compute, store)
        assert store.unavailable
        assert any("token vector cache" in n and "cannot be used" in n for n in store.notices)
    assert computed == [["a", "b"], ["a"]]  # computed each time, the run going on
    assert len(found) == 2 and len(again) == 1
    assert path.is_dir()  # left alone


def test_a_cache_file_of_another_version_of_align_is_used_or_started_anew(
    counting: CountingEncoder, tmp_path: Path
) -> None:
    # Two versions of align share ~/.cache/align: a file whose table has a column more
    # (with a default) is still read and written; one that lacks a column this version
    # reads is started anew, not left unusable run after run.
    extra = tmp_path / "extra.sqlite"
    with contextlib.closing(sqlite3.connect(extra)) as conn, conn:
        conn.execute("CREATE TABLE embeddings (model TEXT NOT NULL, text_sha256 BLOB NOT NULL, "
                     "vector BLOB NOT NULL, checksum BLOB NOT NULL, "
                     "used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (model, text_sha256)) "
                     "WITHOUT ROWID")
    with EmbeddingCache(extra) as store:
        embed(counting, TEXTS, cache=store)
        assert store.notices == [] and len(store) == len(set(TEXTS))
    counting.encoded.clear()
    with EmbeddingCache(extra) as store:
        embed(counting, TEXTS, cache=store)
    assert counting.encoded == []

    lacking = tmp_path / "lacking.sqlite"
    with contextlib.closing(sqlite3.connect(lacking)) as conn, conn:
        conn.execute("CREATE TABLE embeddings (model TEXT NOT NULL, text_sha256 BLOB NOT NULL, "
                     "vector BLOB NOT NULL, PRIMARY KEY (model, text_sha256))")
    notices = []
    for _ in range(2):
        counting.encoded.clear()
        with EmbeddingCache(lacking) as store:
            embed(counting, TEXTS, cache=store)
            notices.append(store.notices)
    assert "another version of align (table embeddings lacks checksum)" in notices[0][0]
    assert notices[1] == [] and counting.encoded == []  # the second run read the first's
    with EmbeddingCache(lacking) as store:
        assert len(store) == len(set(TEXTS))

    tokens = tmp_path / "tokens.sqlite"
    with contextlib.closing(sqlite3.connect(tokens)) as conn, conn:
        conn.execute("CREATE TABLE token_vectors (model TEXT NOT NULL, text_sha256 BLOB NOT NULL,"
                     " tokens BLOB NOT NULL, PRIMARY KEY (model, text_sha256))")
    with TokenVectorCache(tokens) as store:
        store.put_tokens(TOKEN_SIGNATURE, {"a": _tokens(3)})
        store.flush()
        assert any("another version of align" in n for n in store.notices)
    with TokenVectorCache(tokens) as store:
        assert list(store.get_tokens(TOKEN_SIGNATURE, ["a"])) == ["a"]
