"""Sentence vectors kept on disk, so that a re-run embeds nothing it has embedded before.

Vectors are stored in one SQLite file (``align_home()/cache/embeddings.sqlite``),
keyed by the encoder's signature (model, checksum, backend, prompt, ...) and the
sha256 of the text; the text itself is not stored.  Each row carries a checksum of
its key and vector: a row that fails it is ignored and recomputed, and a file
SQLite cannot read, or that fails ``PRAGMA quick_check``, is deleted and started
afresh.  The check reads the whole file (0.1-0.2 s for 300 MiB), so it runs once per
process and file: a file this process checked, or last wrote itself, is trusted while
its identity (device, inode, size, modification time) stays as it was.  Writes are
transactions, so an interrupted run leaves every row either complete or absent.

Vectors are stored as float32, exactly as computed, so a cached run gives the
same alignment as the run that filled the cache.  The file has a size cap
(`embedding_cache_limit`): past it, the least recently used rows go first.

The token vectors the checks' word aligner reads (`TokenVectorCache`) live in a file of
their own (``tokens.sqlite``): they are some 20 MB per 1,000 sentences, so they have a
cap of their own and keep the sentence cache small.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

import numpy as np

from align.encoders.base import Encoder, Progress, TokenEmbeddings

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text_sha256 BLOB NOT NULL,
    vector BLOB NOT NULL,
    checksum BLOB NOT NULL,
    PRIMARY KEY (model, text_sha256)
) WITHOUT ROWID
"""
#: When each sentence vector was last stored or read (ns since the epoch), for the cap: a
#: table of its own, so that a mark rewrites a small row, not a vector, and a file made or
#: written by a version of align from before the cap is read and written as it was (its
#: rows, with no mark, go first).
_USE_SCHEMA = """
CREATE TABLE IF NOT EXISTS embedding_use (
    model TEXT NOT NULL,
    text_sha256 BLOB NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (model, text_sha256)
) WITHOUT ROWID
"""
_LOOKUP_CHUNK = 500  # stays under SQLite's limit on query parameters
#: Default cap on the sentence cache file, in MiB (``$ALIGN_EMBEDDING_CACHE_MB`` sets it; 0
#: turns the sentence cache off): a row of multilingual-e5-small takes about 4.7 KiB on
#: disk, so some 220,000 sentences.
EMBEDDING_CACHE_MB = 1024
#: Default cap on the token cache file's rows, in MiB (``$ALIGN_TOKEN_CACHE_MB`` sets it;
#: 0 turns the token cache off): about 50,000 sentences of multilingual-e5-small.
TOKEN_CACHE_MB = 1024
#: When the cap is passed, the least recently used rows go until this share of it is left
#: (so that the next few runs do not each trim a little).
_TRIM_TO = 0.8

#: A sentence vector read again is marked as used only if its mark is older than this: a
#: run that finds every vector it needs writes nothing (a write is a transaction, with its
#: syncs to disk), and an hour is fine enough for the order in which rows go.
_TOUCH_AFTER_NS = 3600 * 10**9

#: Files that passed ``PRAGMA quick_check`` in this process, by path: their identity
#: (`_identity`) then, or after this process last wrote to them.
_VERIFIED: dict[str, tuple[int, int, int, int]] = {}
_VERIFIED_LOCK = threading.Lock()


class _OtherVersion(sqlite3.DatabaseError):
    """A cache table without the columns this version reads and writes."""


@lru_cache(maxsize=8)
def _columns(statement: str) -> tuple[str, tuple[str, ...]]:
    """The table a ``CREATE TABLE`` statement makes and its columns' names."""
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        conn.execute(statement)
        (table,) = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchone()
        return table, tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))


def _check_columns(conn: sqlite3.Connection, statement: str) -> None:
    """Raise `_OtherVersion` unless the file's table has every column of `statement` and
    no other that a row must be given.  Another version of align may share the cache
    folder: a column it added with a default does not stop this one."""
    table, wanted = _columns(statement)
    found = {name: (not_null and default is None and not key)
             for _, name, _, not_null, default, key in conn.execute(f"PRAGMA table_info({table})")}
    missing = [name for name in wanted if name not in found]
    required = [name for name, needed in found.items() if needed and name not in wanted]
    if missing or required:
        raise _OtherVersion(f"table {table} " + (f"lacks {', '.join(missing)}" if missing
                                                 else f"requires {', '.join(required)}"))


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _cache_limit(variable: str, default_mib: float) -> int:
    raw = os.environ.get(variable, "").strip()
    try:
        mib = float(raw) if raw else default_mib
    except ValueError:
        mib = default_mib
    return max(0, int(mib * 2**20))


def embedding_cache_limit() -> int:
    """The sentence cache's cap in bytes (0: no sentence cache)."""
    return _cache_limit("ALIGN_EMBEDDING_CACHE_MB", EMBEDDING_CACHE_MB)


def token_cache_limit() -> int:
    """The token cache's cap in bytes (0: no token cache)."""
    return _cache_limit("ALIGN_TOKEN_CACHE_MB", TOKEN_CACHE_MB)


def default_cache_path() -> Path:
    from align.models import align_home

    return align_home() / "cache" / "embeddings.sqlite"


def signature_key(signature: dict[str, Any]) -> str:
    """A short stable key for everything that determines an encoder's vectors."""
    canonical = json.dumps(signature, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def text_key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _row_checksum(model: str, key: bytes, vector: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in (model.encode(), key, vector):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


class EmbeddingCache:
    """Get and put sentence vectors by (encoder signature, text); capped at `limit` bytes
    (`embedding_cache_limit`), least recently used rows dropped first.

    A damaged file or row is discarded and recomputed.  A cache that cannot be used
    (locked by another run for too long, read-only, disk full) is left alone and
    skipped.  Either way the run goes on, and `notices` says what happened.
    """

    schema = (_SCHEMA, _USE_SCHEMA)
    #: How the notices name this cache.
    label = "embedding cache"

    def __init__(self, path: Path | None = None, *, limit: int | None = None) -> None:
        self.path = Path(path) if path else self.default_path()
        self._conn: sqlite3.Connection | None = None
        self.notices: list[str] = []
        #: Set once the cache cannot be used; later gets and puts do nothing.
        self.unavailable = False
        self.limit = self.default_limit() if limit is None else limit
        if self.limit <= 0:
            self.unavailable = True
        #: Whether this process may trust the file as it leaves it (it checked it, or
        #: found it as it last left it, and has not found it damaged since).
        self._trusted = False
        #: (model key, text key) of rows read since the last write: their last use is now.
        self._touched: set[tuple[str, bytes]] = set()

    @staticmethod
    def default_limit() -> int:
        return embedding_cache_limit()

    @staticmethod
    def default_path() -> Path:
        return default_cache_path()

    def _notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def _give_up(self, error: Exception) -> None:
        # Not damage (another run holds the lock, the disk is full ...): keep the file.
        self._trusted = False
        self._touched.clear()
        self.close()
        self.unavailable = True
        self._notice(f"{self.label} {self.path} cannot be used ({error}); "
                     "continued without it")

    def _damaged(self) -> None:
        self._notice(f"{self.label} {self.path} was damaged; started a new one")
        self._reset()

    # The connection opens lazily so that a cache that is never used costs nothing.
    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.OperationalError:  # locked, read-only, cannot open: not damage
            raise
        except _OtherVersion as error:
            self._notice(f"{self.label} {self.path} was written by another version of align "
                         f"({error}); started a new one")
            self._discard_file()
            return self._connect()
        except sqlite3.DatabaseError:  # not a database, or malformed
            self._notice(f"{self.label} {self.path} was damaged; started a new one")
            self._discard_file()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30.0)
        key = os.path.abspath(self.path)
        try:
            # The identity before the check: a change made while it runs is checked next time.
            found = _identity(self.path)
            with _VERIFIED_LOCK:
                trusted = found is not None and _VERIFIED.get(key) == found
            if not trusted:
                (verdict,) = conn.execute("PRAGMA quick_check").fetchone()
                if verdict != "ok":
                    raise sqlite3.DatabaseError(f"quick_check: {verdict}")
                if found is not None:
                    with _VERIFIED_LOCK:
                        _VERIFIED[key] = found
            with conn:
                for statement in self.schema:
                    conn.execute(statement)
            for statement in self.schema:
                _check_columns(conn, statement)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        self._trusted = True
        return conn

    def _discard_file(self) -> None:
        with _VERIFIED_LOCK:
            _VERIFIED.pop(os.path.abspath(self.path), None)
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def _reset(self) -> None:
        self._trusted = False
        self._touched.clear()
        self.close()
        with contextlib.suppress(OSError):
            self._discard_file()

    def get(self, signature: dict[str, Any], texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors of those `texts` that have one (rows that fail their check
        are dropped)."""
        if self.unavailable:
            return {}
        dims = signature.get("dimensions")

        def decode(blob: bytes) -> np.ndarray | None:
            vector = np.frombuffer(blob, dtype="<f4")
            return None if dims and vector.shape[0] != dims else vector.astype(np.float32)

        model = signature_key(signature)
        by_key = {text_key(t): t for t in texts}
        rows = self._read_rows(model, list(by_key), decode)
        self._touched.update((model, key) for key in rows)
        return {by_key[key]: vector for key, vector in rows.items()}

    #: The table, its value column, and what a notice calls a row.
    _table, _column, _row_name = "embeddings", "vector", "vector"

    def _read_rows(
        self, model: str, keys: list[bytes], decode: Callable[[bytes], Any | None]
    ) -> dict[bytes, Any]:
        """``decode(value)`` of the rows of `model` and `keys` that pass their checksum and
        decode (not None); the others are deleted, and noticed.  Empty if the file fails."""
        found: dict[bytes, Any] = {}
        bad: list[bytes] = []
        wanted = set(keys)
        try:
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    f"SELECT text_sha256, {self._column}, checksum FROM {self._table} "
                    f"WHERE model = ? AND text_sha256 IN ({marks})",
                    [model, *chunk],
                )
                for key, blob, checksum in rows:
                    value = decode(blob) if _row_checksum(model, key, blob) == checksum else None
                    if value is None or key not in wanted:
                        bad.append(key)
                        continue
                    found[key] = value
            if bad:
                self._notice(f"{self.label}: {len(bad)} damaged {self._row_name}"
                             f"{'s' if len(bad) > 1 else ''} discarded and recomputed")
                with self.conn:
                    self.conn.executemany(
                        f"DELETE FROM {self._table} WHERE model = ? AND text_sha256 = ?",
                        [(model, k) for k in bad],
                    )
        except (sqlite3.OperationalError, OSError) as error:
            self._give_up(error)
            return {}
        except sqlite3.DatabaseError:
            self._damaged()
            return {}
        return found

    def put(self, signature: dict[str, Any], texts: Sequence[str], vectors: np.ndarray) -> None:
        """Store one vector per text, in one transaction.

        The cache only saves time: if the file cannot be written even after starting
        it afresh (read-only or full disk), the vectors are simply not stored.
        """
        if self.unavailable:
            return
        model = signature_key(signature)
        now = time.time_ns()
        rows = []
        for text, vector in zip(texts, vectors, strict=True):
            key = text_key(text)
            blob = np.ascontiguousarray(vector, dtype="<f4").tobytes()
            rows.append((model, key, blob, _row_checksum(model, key, blob)))
        for attempt in range(2):
            try:
                with self.conn:
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO embeddings (model, text_sha256, vector, checksum)"
                        " VALUES (?, ?, ?, ?)",
                        [row[:4] for row in rows],
                    )
                    self._mark_used([*((model, row[1]) for row in rows), *self._stale(now)],
                                    now)
                    self._trim()
                return
            except (sqlite3.OperationalError, OSError) as error:
                self._give_up(error)
                return
            except sqlite3.DatabaseError as error:
                if attempt == 0:  # the file went bad under us: start afresh, once
                    self._damaged()
                else:
                    self._give_up(error)

    def _stale(self, now: int) -> list[tuple[str, bytes]]:
        """The rows read since the last write whose mark is missing or older than
        `_TOUCH_AFTER_NS` (a read; they are no longer held)."""
        touched, self._touched = self._touched, set()
        by_model: dict[str, list[bytes]] = {}
        for model, key in touched:
            by_model.setdefault(model, []).append(key)
        recent: set[tuple[str, bytes]] = set()
        for model, keys in by_model.items():
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[start : start + _LOOKUP_CHUNK]
                rows = self.conn.execute(
                    "SELECT text_sha256 FROM embedding_use WHERE model = ? AND used >= ? "
                    f"AND text_sha256 IN ({','.join('?' * len(chunk))})",
                    [model, now - _TOUCH_AFTER_NS, *chunk],
                )
                recent.update((model, key) for (key,) in rows)
        return [row for row in touched if row not in recent]

    def _mark_used(self, rows: Sequence[tuple[str, bytes]], now: int) -> None:
        """Mark `rows` (model key, text key) as used `now` (within a transaction)."""
        self.conn.executemany("INSERT OR REPLACE INTO embedding_use (model, text_sha256, used) "
                              "VALUES (?, ?, ?)",
                              [(model, key, now) for model, key in rows])

    def _trim(self) -> None:
        """Past the cap (pages in use, not the file's size: SQLite reuses the pages rows
        leave), drop the least recently used rows until `_TRIM_TO` of it is left."""
        page_size, pages, free = (self.conn.execute(f"PRAGMA {name}").fetchone()[0]
                                  for name in ("page_size", "page_count", "freelist_count"))
        total = (pages - free) * page_size
        if total <= self.limit:
            return
        (rows,) = self.conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()
        if not rows:
            return
        excess = total - int(_TRIM_TO * self.limit)
        count = min(rows, -(-excess * rows // total))  # rows of the average size, rounded up
        last_use = ("FROM embeddings e LEFT JOIN embedding_use u "
                    "ON u.model = e.model AND u.text_sha256 = e.text_sha256")
        (cutoff,) = self.conn.execute(
            f"SELECT COALESCE(u.used, 0) AS used {last_use} ORDER BY used LIMIT 1 OFFSET ?",
            (count - 1,),
        ).fetchone()
        self.conn.execute(
            "DELETE FROM embeddings WHERE (model, text_sha256) IN "
            f"(SELECT e.model, e.text_sha256 {last_use} WHERE COALESCE(u.used, 0) <= ?)",
            (cutoff,),
        )
        self.conn.execute("DELETE FROM embedding_use WHERE used <= ?", (cutoff,))

    def flush(self) -> None:
        """Write what is held back: the marks of the rows read since the last write that
        need one (none, and nothing is written, for rows read within the hour)."""
        if self.unavailable or self._conn is None or not self._touched:
            self._touched.clear()
            return
        try:
            now = time.time_ns()
            stale = self._stale(now)
            if stale:
                with self.conn:
                    self._mark_used(stale, now)
        except (sqlite3.OperationalError, OSError) as error:
            self._give_up(error)
        except sqlite3.DatabaseError:
            self._damaged()

    def __len__(self) -> int:
        (count,) = self.conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()
        return int(count)

    def clear(self) -> None:
        self._reset()

    def close(self) -> None:
        self.flush()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            if self._trusted:
                # What this process wrote needs no check: trust the file as it leaves it.
                found = _identity(self.path)
                with _VERIFIED_LOCK:
                    if found is not None:
                        _VERIFIED[os.path.abspath(self.path)] = found
        self._trusted = False

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


_TOKEN_SCHEMA = """
CREATE TABLE IF NOT EXISTS token_vectors (
    model TEXT NOT NULL,
    text_sha256 BLOB NOT NULL,
    used INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    tokens BLOB NOT NULL,
    checksum BLOB NOT NULL,
    PRIMARY KEY (model, text_sha256)
)
"""
#: Rows waiting to be written are written once they reach this many bytes.
_FLUSH_BYTES = 64 * 2**20


def _pack_tokens(tokens: TokenEmbeddings) -> bytes:
    """One text's token spans and vectors as bytes: a header (tokens, dimensions, bits),
    the spans as int32 pairs, the vectors as float16 when that loses nothing (the
    OpenVINO encoder's are float16 already) and float32 otherwise."""
    spans, vectors = tokens
    vectors = np.asarray(vectors, dtype=np.float32)
    n, dims = vectors.shape if vectors.ndim == 2 else (0, 0)
    half = vectors.astype("<f2")
    exact = np.array_equal(half.astype(np.float32), vectors, equal_nan=True)
    body = half if exact else vectors.astype("<f4")
    header = np.array([n, dims, 16 if exact else 32], dtype="<i4")
    span_rows = np.asarray(spans, dtype="<i4").reshape(n, 2)
    return header.tobytes() + span_rows.tobytes() + body.tobytes()


def _unpack_tokens(blob: bytes) -> TokenEmbeddings | None:
    """What `_pack_tokens` packed, or None if the bytes do not hold it."""
    if len(blob) < 12:
        return None
    n, dims, bits = (int(v) for v in np.frombuffer(blob[:12], dtype="<i4"))
    if n < 0 or dims < 0 or bits not in (16, 32) or len(blob) != 12 + 8 * n + n * dims * bits // 8:
        return None
    spans = np.frombuffer(blob[12 : 12 + 8 * n], dtype="<i4").reshape(n, 2)
    vectors = np.frombuffer(blob[12 + 8 * n :], dtype="<f2" if bits == 16 else "<f4")
    return [(int(a), int(b)) for a, b in spans], vectors.reshape(n, dims).astype(np.float32)


class TokenVectorCache(EmbeddingCache):
    """Get and put the token vectors of texts (what `Encoder.token_embeddings` returns)
    by (encoder signature and layer, text), in ``tokens.sqlite`` beside the sentence
    cache; capped at `token_cache_limit` bytes, least recently used rows dropped first.

    The checks ask for a few texts at a time, so new rows and the marks of rows read are
    held back and written in one transaction by `flush` (at `close`, or once
    `_FLUSH_BYTES` are waiting); rows waiting are found by `get_tokens` as if written.
    Damage and unusable files are handled as in `EmbeddingCache`.
    """

    schema = (_TOKEN_SCHEMA,)
    label = "token vector cache"

    def __init__(self, path: Path | None = None, *, limit: int | None = None) -> None:
        super().__init__(path, limit=limit)
        #: (model key, text key) -> (row to insert, the tokens it holds).
        self._pending: dict[tuple[str, bytes], tuple[tuple, TokenEmbeddings]] = {}
        self._pending_bytes = 0

    @staticmethod
    def default_path() -> Path:
        return default_cache_path().with_name("tokens.sqlite")

    @staticmethod
    def default_limit() -> int:
        return token_cache_limit()

    _table, _column, _row_name = "token_vectors", "tokens", "row"

    def get_tokens(
        self, signature: dict[str, Any], texts: Sequence[str]
    ) -> dict[str, TokenEmbeddings]:
        """The cached token vectors of those `texts` that have them."""
        if self.unavailable or not texts:
            return {}
        model = signature_key(signature)
        by_key = {text_key(t): t for t in texts}
        waiting = {key: self._pending[(model, key)][1] for key in by_key
                   if (model, key) in self._pending}
        rows = self._read_rows(model, [k for k in by_key if k not in waiting], _unpack_tokens)
        self._touched.update((model, key) for key in rows)
        return {by_key[key]: tokens for key, tokens in {**waiting, **rows}.items()}

    def put_tokens(self, signature: dict[str, Any], items: dict[str, TokenEmbeddings]) -> None:
        """Store the token vectors of each text of `items` (written by the next `flush`)."""
        if self.unavailable:
            return
        model = signature_key(signature)
        for text, tokens in items.items():
            key = text_key(text)
            blob = _pack_tokens(tokens)
            if len(blob) > self.limit:
                continue
            row = (model, key, len(blob), blob, _row_checksum(model, key, blob))
            self._pending[(model, key)] = (row, tokens)
            self._pending_bytes += len(blob)
        if self._pending_bytes > _FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write the rows waiting and the marks of rows read, then trim the file back
        under its cap if it went over; one transaction."""
        pending, touched = self._pending, self._touched
        self._pending, self._touched, self._pending_bytes = {}, set(), 0
        if self.unavailable or not (pending or touched):
            return
        now = time.time_ns()
        try:
            with self.conn:
                self.conn.executemany(
                    "INSERT OR REPLACE INTO token_vectors "
                    "(model, text_sha256, used, bytes, tokens, checksum) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(model, key, now, size, blob, checksum)
                     for (model, key, size, blob, checksum), _ in pending.values()],
                )
                self.conn.executemany(
                    "UPDATE token_vectors SET used = ? WHERE model = ? AND text_sha256 = ?",
                    [(now, model, key) for model, key in touched - pending.keys()],
                )
                self._trim()
        except (sqlite3.OperationalError, OSError) as error:
            self._give_up(error)
        except sqlite3.DatabaseError:
            self._damaged()

    def _trim(self) -> None:
        (total,) = self.conn.execute(
            "SELECT COALESCE(SUM(bytes), 0) FROM token_vectors").fetchone()
        if total <= self.limit:
            return
        excess = total - int(_TRIM_TO * self.limit)
        cutoff = None
        for used, size in self.conn.execute("SELECT used, bytes FROM token_vectors ORDER BY used"):
            excess -= size
            cutoff = used
            if excess <= 0:
                break
        if cutoff is not None:
            self.conn.execute("DELETE FROM token_vectors WHERE used <= ?", (cutoff,))

    def __len__(self) -> int:
        self.flush()
        (count,) = self.conn.execute("SELECT COUNT(*) FROM token_vectors").fetchone()
        return int(count)


def cached_token_embeddings(
    signature: dict[str, Any],
    texts: Sequence[str],
    compute: Callable[[list[str]], list[TokenEmbeddings]],
    store: TokenVectorCache | None,
) -> list[TokenEmbeddings]:
    """The token vectors of each of `texts`, in order: from `store` where it has them,
    from ``compute(missing texts)`` otherwise (and then stored).  `signature` must name
    everything that determines the vectors (the encoder's signature and the layer)."""
    texts = list(texts)
    if store is None or store.unavailable:
        return compute(texts)
    found = store.get_tokens(signature, sorted(set(texts)))
    missing = sorted({t for t in texts if t not in found})
    if missing:
        computed = dict(zip(missing, compute(missing), strict=True))
        store.put_tokens(signature, computed)
        found.update(computed)
    return [found[t] for t in texts]


Store = TypeVar("Store", bound=EmbeddingCache)


def _file_bytes(path: Path) -> int:
    return sum(Path(str(path) + suffix).stat().st_size
               for suffix in ("", "-journal", "-wal", "-shm") if Path(str(path) + suffix).exists())


def describe_caches() -> list[dict[str, Any]]:
    """For each on-disk cache (sentence vectors, token vectors): its name, path, size on
    disk in bytes, number of rows, and cap in bytes (None: no cap).  Opens nothing that is
    not there."""
    out = []
    for name, kind in (("embeddings", EmbeddingCache), ("token vectors", TokenVectorCache)):
        path = kind.default_path()
        rows = None
        if path.exists():
            try:
                with contextlib.closing(
                    sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
                ) as conn:
                    (rows,) = conn.execute(f"SELECT COUNT(*) FROM {kind._table}").fetchone()
            except sqlite3.Error:
                rows = None  # damaged or locked: the next run that uses it will say so
        out.append({
            "name": name,
            "path": str(path),
            "bytes": _file_bytes(path) if path.exists() else 0,
            "rows": rows if path.exists() else 0,
            "limit": kind.default_limit(),
        })
    return out


def clear_caches() -> None:
    """Delete both on-disk caches (the next run embeds again and starts them afresh)."""
    for kind in (EmbeddingCache, TokenVectorCache):
        kind(kind.default_path()).clear()


def embed(
    encoder: Encoder,
    texts: Sequence[str],
    *,
    cache: bool | EmbeddingCache = True,
    progress: Progress | None = None,
    chunk_size: int = 256,
    notices: list[str] | None = None,
) -> np.ndarray:
    """(len(texts), d) float32 unit vectors, one per input text, in input order.

    Each distinct string is embedded once; vectors already in the cache are not
    recomputed; new ones are stored chunk by chunk (so an interrupted run keeps
    what it finished).  ``progress(k)`` counts input texts, cache hits included.
    What was found wrong with the cache (and done about it) is appended to `notices`.
    """
    texts = list(texts)
    counts = Counter(texts)
    vectors: dict[str, np.ndarray] = {}
    with open_cache(cache, EmbeddingCache) as store:
        if store is not None:
            vectors = store.get(encoder.signature, list(counts))
            if progress and vectors:
                progress(sum(counts[t] for t in vectors))
        misses = sorted((t for t in counts if t not in vectors), key=len, reverse=True)
        for start in range(0, len(misses), chunk_size):
            chunk = misses[start : start + chunk_size]
            reported = 0

            def step(k: int) -> None:
                nonlocal reported
                reported += k
                if progress:
                    progress(k)

            encoded = encoder.encode(chunk, progress=step)
            if progress:  # duplicates of the strings just encoded are done too
                progress(sum(counts[t] for t in chunk) - reported)
            vectors.update(zip(chunk, encoded, strict=True))
            if store is not None:
                store.put(encoder.signature, chunk, encoded)
        if store is not None and notices is not None:
            notices.extend(n for n in store.notices if n not in notices)
    if not texts:
        return np.zeros((0, int(encoder.signature.get("dimensions") or 0)), dtype=np.float32)
    return np.stack([vectors[t] for t in texts]).astype(np.float32, copy=False)


@contextlib.contextmanager
def open_cache(cache: bool | Store, kind: type[Store]) -> Iterator[Store | None]:
    """`cache` itself when it is a cache of `kind`, else (for True) the default cache of
    that kind, opened for the block and closed after it; None for False."""
    if isinstance(cache, kind):
        yield cache
    elif cache:
        with kind() as store:
            yield store
    else:
        yield None
