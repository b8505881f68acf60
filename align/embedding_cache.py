"""Sentence vectors kept on disk, so that a re-run embeds nothing it has embedded before.

Vectors are stored in one SQLite file (``align_home()/cache/embeddings.sqlite``),
keyed by the encoder's signature (model, checksum, backend, prompt, ...) and the
sha256 of the text; the text itself is not stored.  Each row carries a checksum of
its key and vector: a row that fails it is ignored and recomputed, and a file
SQLite cannot read is deleted and started afresh.  Writes are transactions, so an
interrupted run leaves every row either complete or absent.

Vectors are stored as float32, exactly as computed, so a cached run gives the
same alignment as the run that filled the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import numpy as np

from align.encoders.base import Encoder, Progress

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text_sha256 BLOB NOT NULL,
    vector BLOB NOT NULL,
    checksum BLOB NOT NULL,
    PRIMARY KEY (model, text_sha256)
) WITHOUT ROWID
"""
_LOOKUP_CHUNK = 500  # stays under SQLite's limit on query parameters


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
    """Get and put sentence vectors by (encoder signature, text).

    A damaged file or row is discarded and recomputed.  A cache that cannot be used
    (locked by another run for too long, read-only, disk full) is left alone and
    skipped.  Either way the run goes on, and `notices` says what happened.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_cache_path()
        self._conn: sqlite3.Connection | None = None
        self.notices: list[str] = []
        #: Set once the cache cannot be used; later gets and puts do nothing.
        self.unavailable = False

    def _notice(self, message: str) -> None:
        if message not in self.notices:
            self.notices.append(message)

    def _give_up(self, error: Exception) -> None:
        # Not damage (another run holds the lock, the disk is full ...): keep the file.
        self.close()
        self.unavailable = True
        self._notice(f"embedding cache {self.path} cannot be used ({error}); "
                     "continued without it")

    def _damaged(self) -> None:
        self._notice(f"embedding cache {self.path} was damaged; started a new one")
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
        except sqlite3.DatabaseError:  # not a database, or malformed
            self._notice(f"embedding cache {self.path} was damaged; started a new one")
            self._discard_file()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30.0)
        try:
            (verdict,) = conn.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {verdict}")
            with conn:
                conn.execute(_SCHEMA)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _discard_file(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def _reset(self) -> None:
        self.close()
        with contextlib.suppress(OSError):
            self._discard_file()

    def get(self, signature: dict[str, Any], texts: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors of those `texts` that have one (rows that fail their check
        are dropped)."""
        if self.unavailable:
            return {}
        model = signature_key(signature)
        by_key = {text_key(t): t for t in texts}
        keys = list(by_key)
        found: dict[str, np.ndarray] = {}
        bad: list[bytes] = []
        dims = signature.get("dimensions")
        try:
            for start in range(0, len(keys), _LOOKUP_CHUNK):
                chunk = keys[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self.conn.execute(
                    "SELECT text_sha256, vector, checksum FROM embeddings "
                    f"WHERE model = ? AND text_sha256 IN ({marks})",
                    [model, *chunk],
                )
                for key, blob, checksum in rows:
                    vector = np.frombuffer(blob, dtype="<f4")
                    intact = _row_checksum(model, key, blob) == checksum
                    if not intact or (dims and vector.shape[0] != dims) or key not in by_key:
                        bad.append(key)
                        continue
                    found[by_key[key]] = vector.astype(np.float32)
            if bad:
                self._notice(f"embedding cache: {len(bad)} damaged vector"
                             f"{'s' if len(bad) > 1 else ''} discarded and recomputed")
                with self.conn:
                    self.conn.executemany(
                        "DELETE FROM embeddings WHERE model = ? AND text_sha256 = ?",
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
        rows = []
        for text, vector in zip(texts, vectors, strict=True):
            key = text_key(text)
            blob = np.ascontiguousarray(vector, dtype="<f4").tobytes()
            rows.append((model, key, blob, _row_checksum(model, key, blob)))
        for attempt in range(2):
            try:
                with self.conn:
                    self.conn.executemany(
                        "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)", rows
                    )
                return
            except (sqlite3.OperationalError, OSError) as error:
                self._give_up(error)
                return
            except sqlite3.DatabaseError as error:
                if attempt == 0:  # the file went bad under us: start afresh, once
                    self._damaged()
                else:
                    self._give_up(error)

    def __len__(self) -> int:
        (count,) = self.conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()
        return int(count)

    def clear(self) -> None:
        self._reset()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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
    with _cache_for(cache) as store:
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
def _cache_for(cache: bool | EmbeddingCache) -> Iterator[EmbeddingCache | None]:
    if isinstance(cache, EmbeddingCache):
        yield cache
    elif cache:
        with EmbeddingCache() as store:
            yield store
    else:
        yield None
