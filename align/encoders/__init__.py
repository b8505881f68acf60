"""Sentence encoders: the default offline model and any sentence-transformers model.

    >>> from align.encoders import load_encoder
    >>> encoder = load_encoder()                  # the offline default, fastest backend
    >>> vectors = encoder.encode(["Hello.", "Bonjour."])

Each backend is a sibling module behind the `Encoder` protocol (`base.py`).
Nothing heavy (torch, transformers) is imported until an encoder is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from align.encoders.base import Encoder, Status, configure_torch_threads
from align.errors import ModelError, UsageError

__all__ = ["BACKENDS", "Encoder", "load_encoder", "require_backend"]

#: ``openvino``: the default model in OpenVINO, bfloat16 where the CPU has it, else
#: float32.  ``int8``: the same, its matrix products quantised to int8 (built once with
#: NNCF).  ``fp32``: PyTorch float32, the reference.  ``auto``: ``int8`` on CPUs with
#: int8 dot products (VNNI) but no AMX, else ``openvino``, else ``fp32``.  Other models
#: always run on ``fp32``.
BACKENDS = ("auto", "openvino", "int8", "fp32")


def require_backend(backend: str) -> None:
    """`UsageError` unless `backend` is one of `BACKENDS` (a setting given wrong, as the
    command line's ``--backend`` says it, not a model that failed): what `load_encoder`
    refuses, said before any work (`align.pipeline.require_usable`) in the same words."""
    if backend not in BACKENDS:
        raise UsageError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")


def load_encoder(
    model: str | None = None, *, status: Status | None = None, backend: str = "auto"
) -> Encoder:
    """Load `model` (None or ``DEFAULT_MODEL`` → the offline default) as an `Encoder`.

    Any other value is a sentence-transformers model name (downloaded from the
    Hugging Face hub where the machine is online, else taken from its local cache)
    or the path of a local model folder.
    """
    from align import models

    require_backend(backend)
    if not models.is_default(model):
        assert model is not None
        return _load_other(model, status)
    folder, manifest = models.default_model(status=status)
    signature = {
        "id": models.DEFAULT_MODEL,
        "checksum": manifest["checksum"],
        "signature": models.signature_of(models.DEFAULT_MODEL, manifest["checksum"]),
    }
    resolved = auto_backend() if backend == "auto" else backend
    if resolved == "fp32":
        return _sentence_transformer(models.DEFAULT_MODEL, folder, signature, status)
    from align.encoders import openvino_runtime

    if not openvino_runtime.available():
        raise ModelError(
            f"the {backend} backend needs the package 'openvino': pip install openvino"
        )
    # Under auto, a failed int8 model falls back to the float one, and that to PyTorch.
    tries = [resolved] if backend != "auto" else [resolved, "openvino"]
    for attempt in dict.fromkeys(tries):  # each once, in order
        try:
            return _openvino(folder, manifest["checksum"], dict(signature), attempt, status)
        except Exception as exc:  # noqa: BLE001 - any OpenVINO or NNCF failure
            if backend != "auto":
                raise ModelError(f"OpenVINO cannot run the default model: {exc}") from exc
            if status:
                status(f"OpenVINO ({attempt}) failed ({exc}); trying the next backend")
    return _sentence_transformer(models.DEFAULT_MODEL, folder, signature, status)


def _openvino(
    folder: Path, checksum: str, signature: dict[str, Any], backend: str, status: Status | None
) -> Encoder:
    from align import models
    from align.encoders import openvino_runtime

    ir = _ensure_ir(folder, checksum, backend, status)
    if backend == "int8":
        # Another NNCF or OpenVINO version may round a range differently: vectors of
        # one int8 build are not cached as another's.
        signature["quantised_checksum"] = models.read_verified_manifest(ir)["checksum"]
    if status:
        status(f"loading {models.DEFAULT_MODEL} (OpenVINO{', int8' if backend == 'int8' else ''})")
    return openvino_runtime.OpenVINOEncoder(
        folder, ir, id=models.DEFAULT_MODEL, signature=signature,
        prompt=models.PROMPTS[models.DEFAULT_PROMPT], quantised=backend == "int8",
    )


def _ensure_ir(folder: Path, checksum: str, backend: str, status: Status | None) -> Path:
    """The OpenVINO model folder `backend` runs on, built first if needed."""
    from align import models
    from align.encoders import openvino_runtime

    if backend == "int8":
        return openvino_runtime.ensure_int8_ir(
            folder, checksum, prompt=models.PROMPTS[models.DEFAULT_PROMPT], status=status
        )
    return openvino_runtime.ensure_ir(folder, checksum, status=status)


def prepare_backend(
    backend: str = "auto", *, status: Status | None = None, retry: bool = False
) -> str:
    """Build what `backend` runs on for the default model (OpenVINO's conversion, the int8
    quantisation) now rather than at the first run; returns the backend it resolved to.
    `retry` forgets an int8 build that failed before (`align model --rebuild`)."""
    from align import models
    from align.encoders import openvino_runtime

    folder, manifest = models.default_model(status=status)
    if retry:
        openvino_runtime.forget_int8_failure(folder)
    resolved = auto_backend() if backend == "auto" else backend
    if resolved in ("openvino", "int8"):
        try:
            _ensure_ir(folder, manifest["checksum"], resolved, status)
        except Exception as exc:  # noqa: BLE001 - as `load_encoder` does under auto
            if backend != "auto":
                raise ModelError(f"cannot build the {resolved} backend: {exc}") from exc
            if status:
                status(f"cannot build the {resolved} backend ({exc}); runs will fall back")
    return resolved


def auto_backend() -> str:
    """The backend ``auto`` means on this machine: the fastest measured to be faithful.

    ``int8`` where the CPU has int8 dot products but no AMX (there the float model is
    slow) and NNCF can build it (or has built it; not after it failed with the same
    NNCF and OpenVINO),
    ``openvino`` where OpenVINO is installed, else ``fp32``.
    """
    from align import models
    from align.encoders import openvino_runtime

    if not openvino_runtime.available():
        return "fp32"
    source = models.default_model_dir()
    if (
        openvino_runtime.int8_pays_off()
        and not openvino_runtime.int8_build_failed(source)
        # built (checked on use), or buildable
        and (openvino_runtime.int8_dir(source).is_dir() or openvino_runtime.int8_buildable())
    ):
        return "int8"
    return "openvino"


def _sentence_transformer(
    model_id: str, location: str | Path, signature: dict[str, Any], status: Status | None
) -> Encoder:
    from align.encoders.sentence_transformer import SentenceTransformerEncoder
    from align.models import quiet_libraries

    if status:
        status(f"loading {model_id}")
    configure_torch_threads()
    with quiet_libraries():
        from sentence_transformers import SentenceTransformer

        st_model = SentenceTransformer(str(location), device="cpu")
    st_model.eval()
    signature = dict(signature, backend="fp32")
    return SentenceTransformerEncoder(st_model, id=model_id, signature=signature)


def _load_other(model: str, status: Status | None) -> Encoder:
    from align import models

    path = models.resolve_model_path(model)
    if path is None:
        # Not here: a missing folder or a file says so; a hub name fails in seconds when the
        # hub cannot be reached, not after a minute of retries.
        models.require_available(model)
    checksum = models.weights_checksum(path) if path else None
    signature = {
        "id": model,
        "checksum": checksum,
        "signature": models.signature_of(model, checksum),
    }
    try:
        encoder = _sentence_transformer(model, path or model, signature, status)
    except ModelError:
        raise
    except Exception as exc:  # noqa: BLE001 - hub and loader errors have many types
        if path is None:
            raise ModelError(
                f"model {model!r} is not in the local Hugging Face cache and could not be "
                "downloaded (is the machine offline?): run once on an online machine, "
                "or pass a local folder"
            ) from exc
        raise ModelError(f"cannot load model {model!r} from {path}: {exc}") from exc
    if path is None:  # just downloaded: checksum the weights now in the local cache
        path = models.resolve_model_path(model)
        checksum = models.weights_checksum(path) if path else None
        encoder.signature.update(checksum=checksum, signature=models.signature_of(model, checksum))
    return encoder


def how_runs_record(name: str | None, info: dict[str, Any]) -> dict[str, Any]:
    """What `align model --json` adds to `models.model_info` for a benchmark:
    `run_signature`, the model part of the signature a run with `--model model_option
    --backend backend_option` records here
    (``id``, ``checksum``, ``signature``, ``backend`` as the record names it, and the int8
    build's ``quantised_checksum``), for comparing with a record's ``signature.model``;
    for a folder that holds the default model, `same_weights_as` names it."""
    from align import models

    if not models.is_default(name):
        assert name is not None
        extra: dict[str, Any] = {
            "model_option": name, "backend_option": "fp32",
            "run_signature": {key: info[key] for key in ("id", "checksum", "signature")}
            | {"backend": "fp32"}}
        path = models.resolve_model_path(name)
        if path is not None and path == models.default_model_dir().resolve():
            extra["same_weights_as"] = models.DEFAULT_MODEL
        return extra
    option = info["auto_backend"]
    run: dict[str, Any] = {key: info[key] for key in ("id", "checksum", "signature")}
    run["backend"] = "fp32"
    if option in ("openvino", "int8"):
        # OpenVINO computes at the CPU's default precision, which the backend's name says.
        try:
            import openvino as ov

            hint = ov.Core().get_property("CPU", "INFERENCE_PRECISION_HINT").to_string()
        except Exception:  # noqa: BLE001 - not knowable here: the run says it
            hint = None
        run["backend"] = f"openvino-{'int8-' if option == 'int8' else ''}{hint}" if hint else None
    if option == "int8":
        from align.encoders import openvino_runtime

        built = models.read_verified_manifest(
            openvino_runtime.int8_dir(models.default_model_dir()))
        run["quantised_checksum"] = built["checksum"] if built else None
    return {"model_option": models.DEFAULT_MODEL, "backend_option": option, "run_signature": run}
