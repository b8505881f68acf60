"""The default model run by OpenVINO: same weights, fused kernels, bfloat16 where the CPU has it.

OpenVINO compiles the transformer into fused kernels and, on CPUs with bfloat16
units (AVX-512 BF16, AMX), computes in bfloat16 with float32 accumulation; its
vectors stay within 1e-4 cosine of PyTorch float32 (see ``benchmarks/bench_encoder.py``).

The converted model (an OpenVINO IR, weights in float16) is built once from the
default sentence-transformers folder and cached beside it, under the same
checksum rules.  It takes word embeddings as input: the 250k-row word table is
read from the default folder's safetensors file (memory-mapped), so it is not
stored twice.

On CPUs with int8 dot products (VNNI) but no AMX tiles an int8 version is built from
it once more, by NNCF's post-training quantisation calibrated on `calibration.txt`:
about 1.3x faster again there, its vectors within 0.003 cosine of the float model's.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from align.encoders.base import (
    Progress,
    Status,
    TokenEmbeddings,
    available_cores,
    length_sorted_batches,
)

IR_NAME = "encoder.xml"
#: Bump when the conversion changes, so that cached conversions are redone.
CONVERTER_VERSION = 2
#: Hidden layer given as the IR's second output: the layer whose token vectors
#: align words best in 12-layer models (SimAlign), used by the word-level checks.
WORD_LAYER = 8
WORD_TABLE = "embeddings.word_embeddings.weight"
#: Measured best on 2 cores: small batches pad less and stay in cache.
BATCH_SIZE = 16
#: Bytes of `WORD_LAYER` token vectors (float16) that `encode` keeps, when asked, for the
#: word-level checks, which would otherwise run the model again over the same sentences.
#: About 20,000 sentences' worth; beyond it the oldest are dropped and recomputed on demand.
TOKEN_MEMO_BYTES = 512 * 2**20
#: Batches are padded to a multiple of this many tokens.  The CPU plugin prepares its
#: kernels for each new input shape; with length-sorted batches nearly every batch had a
#: length of its own.  Measured on 4,081 sentences (AMX CPU): a fresh process embeds them
#: 3-10 % faster, a warm one 2 %; 32 pads too much.
PAD_MULTIPLE = 8


#: Bump when the int8 build changes (NNCF's settings, the calibration text), so that
#: cached int8 models are built again.
INT8_BUILDER_VERSION = 1
#: Sentences whose activations set the int8 ranges: written for the purpose, in many
#: languages and scripts (package data beside this module).
CALIBRATION_TEXT = Path(__file__).with_name("calibration.txt")
CALIBRATION_BATCH = 8
#: The matrix products left in floating point: each layer's second feed-forward product,
#: whose input (after GELU) has the outlier channels that per-tensor int8 handles worst
#: (Bondarenko et al., 2021).  Measured on 1,600 dev sentences against the float model:
#: mean cosine 0.9995 against 0.9986 with every product in int8, for 1.33x the float
#: speed against 1.58x (AVX-512 VNNI CPU).
FLOAT_MATMULS = r".*\.layer\.\d+\.output\.dense/.*"


def available() -> bool:
    try:
        import openvino  # noqa: F401
    except ImportError:
        return False
    return True


def int8_buildable() -> bool:
    """Whether NNCF, which quantises the model once, is installed (without importing it:
    that takes seconds)."""
    import importlib.util

    return importlib.util.find_spec("nncf") is not None


def int8_pays_off() -> bool:
    """Whether the int8 model is worth its small loss of fidelity on this CPU: it has
    int8 dot products (VNNI) and lacks AMX's bfloat16 tiles.

    Measured (docs/model.md): with VNNI and AVX-512 bfloat16 but no AMX, the float model
    runs at 2.4-2.7x plain PyTorch and the int8 one at 3.5x; with AMX the float model
    already runs at 3.3-3.9x, exactly; on AVX2 alone the int8 model ran at half the
    float speed.
    """
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return False
    for line in cpuinfo.splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            return bool(flags & {"avx512_vnni", "avx_vnni"}) and "amx_bf16" not in flags
    return False


def ir_dir(source: Path) -> Path:
    return source.parent / f"{source.name}-openvino"


def int8_dir(source: Path) -> Path:
    return source.parent / f"{source.name}-openvino-int8"


def calibration_sentences() -> list[str]:
    """`calibration.txt` as written, tokenised, and tokenised in lower case.

    Aligners are often given tokenised corpora (punctuation set apart, elisions split:
    `l' été`, `" Non , " dit -il`), sometimes lower-cased; such text moves the
    activations elsewhere, and int8 ranges read from running text alone cost those
    inputs up to 0.04 of cosine to the float model (under 0.01 once calibrated on all
    three).
    """
    lines = CALIBRATION_TEXT.read_text(encoding="utf-8").splitlines()
    written = [line for line in lines if line.strip() and not line.startswith("#")]
    tokenised = [_tokenise(line) for line in written]
    return written + tokenised + [line.lower() for line in tokenised]


_PUNCTUATION = re.compile(r'([,.;:!?"()«»“”„¿¡،。，、？！])')
_ELISION = re.compile(r"(\w)(['’])(\w)")


def _tokenise(text: str) -> str:
    text = _ELISION.sub(r"\1\2 \3", _PUNCTUATION.sub(r" \1 ", text))
    return " ".join(text.split())


def ensure_int8_ir(
    source: Path, source_checksum: str, *, prompt: str, status: Status | None = None
) -> Path:
    """The int8 OpenVINO IR of the model in `source`, quantised (once) if missing or corrupt.

    NNCF's post-training quantisation for transformers: the matrix products' weights
    and inputs in int8 (but `FLOAT_MATMULS`), with SmoothQuant moving the activations'
    outlier channels into the weights first; softmax, layer norms and the rest stay in
    floating point.  The ranges come from the model running on `calibration.txt`.
    """
    from align import models

    folder = int8_dir(source)
    if _built(folder, source_checksum, builder_version=INT8_BUILDER_VERSION,
              converter_version=CONVERTER_VERSION):
        return folder
    float_ir = ensure_ir(source, source_checksum, status=status)
    if status:
        status(f"quantising {source.name} to int8 for OpenVINO (once, about 20 s)")
    marker = _failure_marker(source)
    try:
        models.install_atomically(
            folder, lambda tmp: _quantise(source, float_ir, source_checksum, prompt, tmp)
        )
    except Exception as exc:
        # An NNCF that cannot quantise this model would fail the same way at every run,
        # after seconds of work: `auto` takes the float model until the versions change.
        try:
            marker.write_text(json.dumps({**_int8_tools(), "error": str(exc)[:500]}) + "\n")
        except OSError:
            pass
        raise
    forget_int8_failure(source)
    return folder


def _failure_marker(source: Path) -> Path:
    folder = int8_dir(source)
    return folder.with_name(f".{folder.name}.failed")


def _int8_tools() -> dict[str, Any]:
    from importlib import metadata

    def version(package: str) -> str | None:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return None

    return {"builder_version": INT8_BUILDER_VERSION, "nncf": version("nncf"),
            "openvino": version("openvino")}


def forget_int8_failure(source: Path) -> None:
    _failure_marker(source).unlink(missing_ok=True)


def int8_build_failed(source: Path) -> bool:
    """Whether building the int8 model failed before with the tools installed now."""
    try:
        failed = json.loads(_failure_marker(source).read_text())
    except (OSError, ValueError):
        return False
    return all(failed.get(key) == value for key, value in _int8_tools().items())


def _quantise(
    source: Path, float_ir: Path, source_checksum: str, prompt: str, folder: Path
) -> dict[str, Any]:
    import logging

    import nncf
    import openvino as ov
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    word_table = memmap_safetensor(source / "model.safetensors", WORD_TABLE)
    sentences = calibration_sentences()
    # Padded batches of the model's own inputs (a fixed shuffle mixes languages and forms).
    random.Random(0).shuffle(sentences)
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id("<pad>") or 0)
    batches = [sentences[start : start + CALIBRATION_BATCH]
               for start in range(0, len(sentences), CALIBRATION_BATCH)]
    samples = [_model_inputs(tokenizer, word_table, prompt, batch)[0] for batch in batches]
    nncf_logger = logging.getLogger("nncf")
    level = nncf_logger.level
    nncf_logger.setLevel(logging.ERROR)
    try:
        # NNCF draws progress bars on standard output, which `align model --json` keeps
        # for its JSON; the caller's status line says what is happening.
        with contextlib.redirect_stdout(io.StringIO()):
            quantised = nncf.quantize(
                ov.Core().read_model(str(float_ir / IR_NAME)),
                nncf.Dataset(samples),
                model_type=nncf.ModelType.TRANSFORMER,
                subset_size=len(samples),
                ignored_scope=nncf.IgnoredScope(patterns=[FLOAT_MATMULS]),
            )
    finally:
        nncf_logger.setLevel(level)
    ov.save_model(quantised, str(folder / IR_NAME), compress_to_fp16=True)
    return {
        "id": source.name,
        "backend": "openvino-int8",
        "builder_version": INT8_BUILDER_VERSION,
        "converter_version": CONVERTER_VERSION,
        "source_checksum": source_checksum,
        "openvino": ov.get_version(),
        "nncf": nncf.__version__,
        "calibration_sentences": len(sentences),
    }


def _built(folder: Path, source_checksum: str, **versions: int) -> bool:
    """Whether `folder` is intact and was built from `source_checksum` by these versions."""
    from align import models

    manifest = models.read_verified_manifest(folder)
    return bool(manifest) and manifest.get("source_checksum") == source_checksum and all(
        manifest.get(key) == value for key, value in versions.items()
    )


def ensure_ir(source: Path, source_checksum: str, *, status: Status | None = None) -> Path:
    """The OpenVINO IR for the model in `source`, converted (once) if missing or corrupt."""
    from align import models

    folder = ir_dir(source)
    if _built(folder, source_checksum, builder_version=CONVERTER_VERSION):
        return folder
    if status:
        status(f"converting {source.name} for OpenVINO (once, about 15 s)")
    models.install_atomically(folder, lambda tmp: _convert(source, source_checksum, tmp))
    return folder


def _convert(source: Path, source_checksum: str, folder: Path) -> dict[str, Any]:
    import openvino as ov
    import torch
    from transformers import AutoModel

    from align.models import quiet_libraries

    with quiet_libraries():
        bert = AutoModel.from_pretrained(str(source), dtype=torch.float32).eval()
    hidden = int(bert.config.hidden_size)

    class Body(torch.nn.Module):
        """The transformer after the word-embedding lookup."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, inputs_embeds: torch.Tensor, attention_mask: torch.Tensor) -> Any:
            out = self.bert(
                inputs_embeds=inputs_embeds, attention_mask=attention_mask,
                output_hidden_states=True,
            )
            return out.last_hidden_state, out.hidden_states[WORD_LAYER]

    example = (torch.zeros(2, 5, hidden), torch.ones(2, 5, dtype=torch.int64))
    # Tracing warns (TracerWarning, transformers' FutureWarnings) about code paths of the
    # model that this fixed use never takes: nothing for the user to act on.
    with torch.inference_mode(), quiet_libraries():
        converted = ov.convert_model(
            Body(),
            example_input=example,
            input=[
                ("inputs_embeds", [-1, -1, hidden], ov.Type.f32),
                ("attention_mask", [-1, -1], ov.Type.i64),
            ],
        )
    ov.save_model(converted, str(folder / IR_NAME), compress_to_fp16=True)
    return {
        "id": source.name,
        "backend": "openvino",
        "builder_version": CONVERTER_VERSION,
        "source_checksum": source_checksum,
        "openvino": ov.get_version(),
        "dimensions": hidden,
    }


def _model_inputs(
    tokenizer: Any, word_table: np.ndarray, prompt: str, texts: Sequence[str]
) -> tuple[dict[str, np.ndarray], list[Any]]:
    """The IR's inputs for `texts` (the prompt put before each, padded as `tokenizer`
    pads), and their tokenisation."""
    encodings = tokenizer.encode_batch([prompt + t for t in texts])
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    return {"inputs_embeds": word_table[ids].astype(np.float32), "attention_mask": mask}, encodings


def memmap_safetensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a safetensors file as a read-only memory map (no copy, no load)."""
    dtypes = {"F16": np.float16, "F32": np.float32, "BF16": None}
    with open(path, "rb") as f:
        header_len = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(header_len))
    entry = header[name]
    dtype = dtypes.get(entry["dtype"])
    if dtype is None:
        raise ValueError(f"{path}: {name} has unsupported dtype {entry['dtype']}")
    start, end = entry["data_offsets"]
    table = np.memmap(path, dtype=dtype, mode="r", offset=8 + header_len + start)
    return table[: (end - start) // np.dtype(dtype).itemsize].reshape(entry["shape"])


class OpenVINOEncoder:
    """The default model's transformer in OpenVINO, tokenised by its own tokenizer."""

    def __init__(
        self,
        source: Path,
        ir: Path,
        *,
        id: str,
        signature: dict[str, Any],
        prompt: str,
        quantised: bool = False,
        batch_size: int = BATCH_SIZE,
        max_length: int = 512,
    ) -> None:
        import openvino as ov
        from tokenizers import Tokenizer

        # Compiling takes a fraction of a second: not worth a cache of compiled blobs.  It
        # runs in OpenVINO's own threads, without the GIL, while the tokenizer loads.
        with ThreadPoolExecutor(max_workers=1) as pool:
            compiling = pool.submit(
                ov.Core().compile_model,
                str(ir / IR_NAME),
                "CPU",
                {"INFERENCE_NUM_THREADS": available_cores(), "PERFORMANCE_HINT": "LATENCY"},
            )
            # The tokenizers library directly: transformers' wrapper takes seconds to load.
            self.tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
            self.compiled = compiling.result()
        self.tokenizer.enable_truncation(max_length=max_length)
        pad = self.tokenizer.token_to_id("<pad>")
        self.tokenizer.enable_padding(pad_id=pad if pad is not None else 0,
                                      pad_to_multiple_of=PAD_MULTIPLE)
        self.word_table = memmap_safetensor(source / "model.safetensors", WORD_TABLE)
        precision = self.compiled.get_property("INFERENCE_PRECISION_HINT")
        self.request = self.compiled.create_infer_request()
        self._inferring = threading.Lock()
        self.id = id
        self.prompt = prompt
        self.batch_size = batch_size
        self._torch_fallback: Any = None
        self.max_length = max_length
        #: Whether `encode` keeps the `WORD_LAYER` vectors of what it embeds (set within
        #: `align.encoders.base.keeping_word_tokens`, around an alignment to be checked).
        self.keep_word_tokens = False
        #: text -> (its tokenisation, its `WORD_LAYER` vectors as float16), oldest first.
        self._word_tokens: OrderedDict[str, tuple[Any, np.ndarray]] = OrderedDict()
        self._word_token_bytes = 0
        self.signature = dict(signature)
        self.signature.update(
            # The int8 model's other operations run at the CPU's float precision too.
            backend=f"openvino-{'int8-' if quantised else ''}{precision.to_string()}",
            dimensions=int(self.word_table.shape[1]),
            prompt=prompt,
            max_seq_length=max_length,
        )

    def _hidden(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
        """Hidden states (b, t, d) of `texts` with the prompt: the last layer, the
        layer `WORD_LAYER` (one inference gives both), and their tokenisation."""
        inputs, encodings = _model_inputs(self.tokenizer, self.word_table, self.prompt, texts)
        # One infer request serves one inference at a time ("Infer Request is busy"):
        # threads sharing this encoder take turns; `infer` returns copies of its outputs.
        with self._inferring:
            outputs = self.request.infer(inputs)
        return outputs[0], outputs[1], encodings

    def too_long(self, texts: Sequence[str]) -> set[str]:
        """The texts longer than the model reads (`max_length` tokens, prompt included):
        only their beginning is embedded."""
        # A token covers at least one character: shorter texts always fit.
        candidates = sorted({t for t in texts if len(self.prompt) + len(t) + 2 > self.max_length})
        encodings = self.tokenizer.encode_batch([self.prompt + t for t in candidates])
        return {t for t, e in zip(candidates, encodings, strict=True) if e.overflowing}

    def release_word_tokens(self) -> None:
        self._word_tokens.clear()
        self._word_token_bytes = 0

    def _remember(self, text: str, encoding: Any, vectors: np.ndarray) -> None:
        if text in self._word_tokens or vectors.nbytes > TOKEN_MEMO_BYTES:
            return
        self._word_tokens[text] = (encoding, vectors)
        self._word_token_bytes += vectors.nbytes
        while self._word_token_bytes > TOKEN_MEMO_BYTES:
            _, (_, dropped) = self._word_tokens.popitem(last=False)
            self._word_token_bytes -= dropped.nbytes

    def encode(self, texts: Sequence[str], *, progress: Progress | None = None) -> np.ndarray:
        out = np.empty((len(texts), int(self.signature["dimensions"])), dtype=np.float32)
        for batch in length_sorted_batches(texts, self.batch_size):
            hidden, word_layer, encodings = self._hidden([texts[i] for i in batch])
            mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)[..., None]
            mean = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)
            if self.keep_word_tokens:
                lengths = mask[:, :, 0].sum(axis=1).astype(int)
                for row, (index, encoding) in enumerate(zip(batch, encodings, strict=True)):
                    self._remember(
                        texts[index], encoding,
                        word_layer[row, : lengths[row]].astype(np.float16),
                    )
            out[batch] = mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
            if progress:
                progress(len(batch))
        return out

    def token_embeddings(self, texts: Sequence[str], *, layer: int = -1) -> list[TokenEmbeddings]:
        """Contextual vectors of each token (not normalised), from hidden layer `layer`.

        The last layer and `WORD_LAYER` come from OpenVINO (`WORD_LAYER` from what
        `encode` kept when it saw the text); other layers from the PyTorch model,
        loaded on first use.
        """
        if layer not in (-1, WORD_LAYER):
            return self._torch().token_embeddings(texts, layer=layer)
        results: list[TokenEmbeddings | None] = [None] * len(texts)
        todo = list(range(len(texts)))
        if layer == WORD_LAYER:
            todo = []
            for index, text in enumerate(texts):
                kept = self._word_tokens.get(text)
                if kept is None:
                    todo.append(index)
                else:
                    results[index] = self._token_view(*kept)
        for batch in length_sorted_batches([texts[i] for i in todo], self.batch_size):
            indices = [todo[i] for i in batch]
            last, word_layer, encodings = self._hidden([texts[i] for i in indices])
            hidden = word_layer if layer == WORD_LAYER else last
            for row, (index, enc) in enumerate(zip(indices, encodings, strict=True)):
                if layer != WORD_LAYER:
                    results[index] = self._token_view(enc, hidden[row])
                    continue
                # As `encode` keeps them (float16), so that vectors computed here on demand
                # (the sentence vectors came from the cache) give the same word alignment;
                # and kept too, since the checks read a sentence's words more than once.
                kept = hidden[row, : int(sum(enc.attention_mask))].astype(np.float16)
                results[index] = self._token_view(enc, kept)
                if self.keep_word_tokens:
                    self._remember(texts[index], enc, kept)
        return [r for r in results if r is not None]

    def _token_view(self, encoding: Any, vectors: np.ndarray) -> TokenEmbeddings:
        """The char offsets (into the text without the prompt) and float32 vectors of the
        text's own tokens: no prompt, padding or special tokens."""
        shift = len(self.prompt)
        n = len(vectors)
        # A plain loop: a sentence has tens of tokens, too few for numpy to pay off.
        spans: list[tuple[int, int]] = []
        keep: list[int] = []
        for k, ((a, b), mask, special) in enumerate(zip(
            encoding.offsets[:n], encoding.attention_mask[:n], encoding.special_tokens_mask[:n],
            strict=True,
        )):
            if mask and not special and b > a and a >= shift:
                spans.append((a - shift, b - shift))
                keep.append(k)
        # The kept tokens are nearly always one run (the prompt and the special tokens
        # at the ends dropped): a slice then, not a copy by index.
        rows = (vectors[keep[0] : keep[-1] + 1] if keep and keep[-1] - keep[0] == len(keep) - 1
                else vectors[keep])
        return spans, rows.astype(np.float32)

    def _torch(self) -> Any:
        if self._torch_fallback is None:
            from align.encoders import load_encoder

            self._torch_fallback = load_encoder(self.id, backend="fp32")
        return self._torch_fallback
