"""Sentence and token embeddings from the real default model."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from align import models
from align.encoders import load_encoder
from align.errors import ModelError, UsageError

ENGLISH = [
    "The old man walked slowly to the harbour every morning.",
    "She refused to answer any of his letters.",
    "It rained for three days without stopping.",
    "The children were laughing in the garden.",
    "He sold his house to pay his debts.",
    "Nobody in the village had ever seen the sea.",
]
FRENCH = [
    "Le vieil homme marchait lentement jusqu'au port chaque matin.",
    "Elle refusa de répondre à aucune de ses lettres.",
    "Il plut pendant trois jours sans s'arrêter.",
    "Les enfants riaient dans le jardin.",
    "Il vendit sa maison pour payer ses dettes.",
    "Personne au village n'avait jamais vu la mer.",
]


@pytest.fixture(scope="module")
def fp32_encoder():
    return load_encoder(backend="fp32")


def test_translations_are_nearest_neighbours(default_encoder) -> None:
    english = default_encoder.encode(ENGLISH)
    french = default_encoder.encode(FRENCH)
    similarity = english @ french.T
    assert (similarity.argmax(axis=1) == np.arange(len(ENGLISH))).all()
    assert (similarity.argmax(axis=0) == np.arange(len(FRENCH))).all()


def test_vectors_are_unit_float32_rows_in_input_order(default_encoder) -> None:
    texts = ENGLISH + FRENCH + ["x", ""]
    vectors = default_encoder.encode(texts)
    assert vectors.shape == (len(texts), default_encoder.signature["dimensions"])
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([default_encoder.encode([t])[0] for t in texts[:4]])
    np.testing.assert_allclose(vectors[:4], one_by_one, atol=2e-3)


def test_progress_counts_every_text(default_encoder) -> None:
    done: list[int] = []
    default_encoder.encode(ENGLISH * 5, progress=done.append)
    assert sum(done) == len(ENGLISH) * 5


def test_empty_input_gives_an_empty_matrix(default_encoder) -> None:
    assert default_encoder.encode([]).shape == (0, default_encoder.signature["dimensions"])


def test_default_backend_agrees_with_fp32(default_encoder, fp32_encoder, shared_data) -> None:
    path = shared_data / "transread-en-fr-dev" / "Emma_EN-FR.fr"
    texts = [line for line in path.read_text().splitlines() if line.strip()][:60] + FRENCH
    reference = fp32_encoder.encode(texts)
    from align.encoders import openvino_runtime

    encoders = [default_encoder]
    if openvino_runtime.available():
        encoders.append(load_encoder(backend="openvino"))  # the float model, wherever auto is
    for encoder in encoders:
        cosines = (encoder.encode(texts) * reference).sum(axis=1)
        # int8 rounds the matrix products' inputs: close, not equal (docs/model.md).
        quantised = "int8" in encoder.signature["backend"]
        assert cosines.min() >= (0.98 if quantised else 0.999), encoder.signature["backend"]


# Sentences in scripts and forms the int8 calibration text does not hold verbatim: the
# ranges must carry over to other words, other scripts and tokenised text.
FAR_FROM_CALIBRATION = [
    "Marthe reprit son tricot ; dehors , la neige tombait toujours .",
    "the committee 's report was never published , he said .",
    "Der Gipfel (4 478 m) wurde am 14. Juli 1865 erstmals bestiegen.",
    "Москва — столица России; в ней живёт более 13 миллионов человек.",
    "東京は日本の首都であり、人口は約1400万人である。",
    "서울은 한국의 수도이며 인구는 약 천만 명이다.",
    "القاهرة هي عاصمة مصر وأكبر مدنها.",
    "ERROR 404: the page you requested could not be found.",
    "Ok.",
]


@pytest.mark.skipif(
    not __import__("align.encoders.openvino_runtime", fromlist=["x"]).available(),
    reason="the int8 backend runs on OpenVINO",
)
def test_int8_backend_stays_close_to_fp32_on_unseen_languages_and_forms(fp32_encoder) -> None:
    int8 = load_encoder(backend="int8")
    assert int8.signature["backend"].startswith("openvino-int8-")
    assert int8.signature["quantised_checksum"]
    reference = fp32_encoder.encode(FAR_FROM_CALIBRATION + ENGLISH + FRENCH)
    cosines = (int8.encode(FAR_FROM_CALIBRATION + ENGLISH + FRENCH) * reference).sum(axis=1)
    assert cosines.min() >= 0.98, cosines.round(4)
    assert cosines.mean() >= 0.995
    # and still tells a translation from its neighbours
    similarity = int8.encode(ENGLISH) @ int8.encode(FRENCH).T
    assert (similarity.argmax(axis=1) == np.arange(len(ENGLISH))).all()


def test_calibration_text_covers_written_tokenised_and_lower_case_forms() -> None:
    from align.encoders import openvino_runtime

    sentences = openvino_runtime.calibration_sentences()
    written = "Elle plia la lettre en deux, la glissa dans sa poche et n’en parla plus."
    tokenised = "Elle plia la lettre en deux , la glissa dans sa poche et n’ en parla plus ."
    assert {written, tokenised, tokenised.lower()} <= set(sentences)
    assert not any(s.startswith("#") for s in sentences)
    names = {unicodedata.name(ch, "").split()[0] for s in sentences for ch in s}
    for script in ("CYRILLIC", "GREEK", "ARABIC", "HEBREW", "DEVANAGARI", "HANGUL", "CJK"):
        assert script in names, script


def test_auto_backend_takes_int8_only_where_it_pays_off(monkeypatch) -> None:
    from align.encoders import auto_backend, openvino_runtime

    if not openvino_runtime.available():
        pytest.skip("OpenVINO is not installed")
    monkeypatch.setattr(openvino_runtime, "int8_pays_off", lambda: False)
    assert auto_backend() == "openvino"
    monkeypatch.setattr(openvino_runtime, "int8_pays_off", lambda: True)
    monkeypatch.setattr(openvino_runtime, "int8_buildable", lambda: True)
    assert auto_backend() == "int8"


def test_signature_names_model_checksum_and_backend(default_encoder, fp32_encoder) -> None:
    info = models.model_info()
    for encoder in (default_encoder, fp32_encoder):
        assert encoder.id == models.DEFAULT_MODEL
        assert encoder.signature["checksum"] == info["checksum"]
        assert encoder.signature["signature"] == info["signature"]
        assert encoder.signature["prompt"] == "query: "
    assert fp32_encoder.signature["backend"] == "fp32"
    from align.encoders import openvino_runtime

    if openvino_runtime.available():
        assert default_encoder.signature["backend"].startswith("openvino-")


@pytest.mark.parametrize("layer", [-1, 8])
def test_token_offsets_point_at_the_words(default_encoder, fp32_encoder, layer: int) -> None:
    texts = ["Deux  espaces ici.", "L'œuvre d'Émile, enfin !", "", "Hello"]
    fast = default_encoder.token_embeddings(texts, layer=layer)
    slow = fp32_encoder.token_embeddings(texts, layer=layer)
    pieces = [[text[a:b] for a, b in spans] for text, (spans, _) in zip(texts, fast, strict=True)]
    # The prompt and special tokens are left out; pieces cover the words in order.
    assert "".join(pieces[0]) == "Deuxespacesici."
    assert "".join(pieces[1]) == "L'œuvred'Émile,enfin!"
    assert pieces[2] == []
    assert pieces[3] == ["Hello"]
    for (spans, vectors), (slow_spans, slow_vectors) in zip(fast, slow, strict=True):
        assert spans == slow_spans
        assert vectors.shape == (len(spans), 384) and vectors.dtype == np.float32
        if len(spans):
            cos = (vectors * slow_vectors).sum(1) / (
                np.linalg.norm(vectors, axis=1) * np.linalg.norm(slow_vectors, axis=1)
            )
            assert cos.min() > 0.99


def test_token_vectors_of_a_word_and_its_translation_are_close(default_encoder) -> None:
    (en_spans, en), (fr_spans, fr) = default_encoder.token_embeddings(
        ["The cat sleeps on the chair.", "Le chat dort sur la chaise."], layer=8
    )
    en_words = ["The cat sleeps on the chair."[a:b] for a, b in en_spans]
    fr_words = ["Le chat dort sur la chaise."[a:b] for a, b in fr_spans]
    en = en / np.linalg.norm(en, axis=1, keepdims=True)
    fr = fr / np.linalg.norm(fr, axis=1, keepdims=True)
    best = fr_words[int((en[en_words.index("cat")] @ fr.T).argmax())]
    assert best == "chat"


def test_any_local_sentence_transformers_folder_loads(default_encoder) -> None:
    folder = str(models.default_model_dir())
    encoder = load_encoder(folder)
    assert encoder.id == folder
    assert encoder.signature["checksum"] == models.weights_checksum(Path(folder))
    assert encoder.signature["backend"] == "fp32"
    vectors = encoder.encode(ENGLISH[:2])
    cosines = (vectors * default_encoder.encode(ENGLISH[:2])).sum(axis=1)
    assert cosines.min() >= 0.999


def test_a_model_that_cannot_be_had_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not on this machine"):
        load_encoder("no-such-owner/no-such-model-xyz")
    with pytest.raises(ModelError, match="does not exist"):
        load_encoder(str(tmp_path / "missing"))
    with pytest.raises(UsageError, match="unknown backend"):
        load_encoder(backend="gpu")


def test_importing_the_encoders_package_stays_light() -> None:
    code = (
        "import sys, align.encoders, align.embedding_cache, align.models; "
        "heavy = {'torch', 'transformers', 'sentence_transformers', 'openvino'}; "
        "heavy &= set(sys.modules); "
        "print(sorted(heavy))"
    )
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_word_layer_tokens_kept_by_encode_match_a_fresh_pass(default_encoder) -> None:
    from align.encoders import openvino_runtime

    if not isinstance(default_encoder, openvino_runtime.OpenVINOEncoder):
        pytest.skip("only the OpenVINO backend keeps token vectors")
    texts = ["Une phrase que le modèle lit deux fois, le 13 août.",
             "A sentence the model reads twice, on 13 August."]
    from align.encoders.base import keeping_word_tokens

    fresh = default_encoder.token_embeddings(texts, layer=8)  # never encoded: computed now
    default_encoder.encode(texts)
    assert not any(t in default_encoder._word_tokens for t in texts)  # kept only when asked
    with keeping_word_tokens(default_encoder):
        default_encoder.encode(texts)
        assert all(t in default_encoder._word_tokens for t in texts)
        kept = default_encoder.token_embeddings(texts, layer=8)  # from what encode kept
    assert not default_encoder._word_tokens  # released after the block
    for (spans, vectors), (kept_spans, kept_vectors) in zip(fresh, kept, strict=True):
        assert spans == kept_spans
        cos = (vectors * kept_vectors).sum(1) / (
            np.linalg.norm(vectors, axis=1) * np.linalg.norm(kept_vectors, axis=1)
        )
        assert cos.min() > 0.999


def test_kept_token_vectors_stay_within_their_memory_budget(default_encoder, monkeypatch) -> None:
    from align.encoders import openvino_runtime

    if not isinstance(default_encoder, openvino_runtime.OpenVINOEncoder):
        pytest.skip("only the OpenVINO backend keeps token vectors")
    budget = 30 * 384 * 2  # 30 tokens of float16 vectors
    monkeypatch.setattr(openvino_runtime, "TOKEN_MEMO_BYTES", budget)
    from align.encoders.base import keeping_word_tokens

    texts = [f"Budget sentence number {k} about the harbour." for k in range(6)]
    with keeping_word_tokens(default_encoder):
        for text in texts:
            default_encoder.encode([text])
        kept = [t for t in texts if t in default_encoder._word_tokens]
        assert 0 < default_encoder._word_token_bytes <= budget
    assert kept == texts[len(texts) - len(kept):]  # the oldest are dropped first
    assert 0 < len(kept) < len(texts)
    # A dropped text is computed again on demand.
    spans, vectors = default_encoder.token_embeddings([texts[0]], layer=8)[0]
    assert len(spans) == len(vectors) > 0


def test_token_vectors_computed_on_demand_are_kept_for_the_next_reader(default_encoder) -> None:
    # With the sentence vectors from the cache, the checks compute the word layer on
    # demand; a link's words are read again (the moved-boundary test), so the vectors
    # must be kept within the block, and equal to what `encode` would have kept.
    from align.encoders import openvino_runtime

    if not isinstance(default_encoder, openvino_runtime.OpenVINOEncoder):
        pytest.skip("only the OpenVINO backend keeps token vectors")
    from align.encoders.base import keeping_word_tokens

    texts = ["Sentence read on demand, twice, by the checks.", "Une seconde phrase lue."]
    passes = []
    infer = default_encoder._hidden
    default_encoder._hidden = lambda batch: passes.append(list(batch)) or infer(batch)
    try:
        with keeping_word_tokens(default_encoder):
            first = default_encoder.token_embeddings(texts, layer=8)
            again = default_encoder.token_embeddings(texts, layer=8)
            assert len(passes) == 1  # the second reading costs no model pass
            default_encoder.release_word_tokens()
            default_encoder.encode(texts)
            from_encode = default_encoder.token_embeddings(texts, layer=8)
    finally:
        del default_encoder._hidden
    for a, b, c in zip(first, again, from_encode, strict=True):
        assert a[0] == b[0] == c[0]
        assert np.array_equal(a[1], b[1]) and np.array_equal(a[1], c[1])


def test_auto_falls_back_to_the_float_model_when_the_int8_build_fails(monkeypatch) -> None:
    from align.encoders import openvino_runtime

    if not openvino_runtime.available():
        pytest.skip("OpenVINO is not installed")

    def broken(*args, **kwargs):
        raise RuntimeError("quantiser unavailable")

    monkeypatch.setattr(openvino_runtime, "int8_pays_off", lambda: True)
    monkeypatch.setattr(openvino_runtime, "ensure_int8_ir", broken)
    said: list[str] = []
    encoder = load_encoder(status=said.append)
    assert encoder.signature["backend"] in ("openvino-bf16", "openvino-f32")
    assert any("quantiser unavailable" in line for line in said)
    with pytest.raises(ModelError, match="quantiser unavailable"):
        load_encoder(backend="int8")


def test_a_failed_int8_build_is_not_retried_until_the_tools_change(monkeypatch, tmp_path) -> None:
    from align.encoders import auto_backend, openvino_runtime

    if not openvino_runtime.available():
        pytest.skip("OpenVINO is not installed")

    attempts: list[int] = []

    def failing(*args, **kwargs):
        attempts.append(1)
        raise RuntimeError("cannot quantise this graph")

    monkeypatch.setattr(openvino_runtime, "int8_pays_off", lambda: True)
    monkeypatch.setattr(openvino_runtime, "int8_buildable", lambda: True)
    monkeypatch.setattr(openvino_runtime, "int8_dir", lambda source: tmp_path / "int8")
    monkeypatch.setattr(openvino_runtime, "_quantise", failing)
    assert auto_backend() == "int8"
    encoder = load_encoder()  # tries int8, falls back to the float model
    assert encoder.signature["backend"] in ("openvino-bf16", "openvino-f32")
    assert (tmp_path / ".int8.failed").exists()
    assert auto_backend() == "openvino"  # no second attempt with the same tools
    load_encoder()
    assert len(attempts) == 1
    from align.encoders import prepare_backend

    prepare_backend("auto", retry=True)  # `align model --rebuild` tries once more
    assert len(attempts) == 2
    monkeypatch.setattr(openvino_runtime, "INT8_BUILDER_VERSION", 10_000)
    assert auto_backend() == "int8"  # a new build recipe is tried again


def test_every_backend_says_which_texts_it_cuts(default_encoder, fp32_encoder) -> None:
    # 990 CJK characters without punctuation: beyond 512 tokens; 200 of them are within.
    long = "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(990))
    short = long[:200]
    for encoder in (default_encoder, fp32_encoder):
        assert encoder.max_length == 512
        assert encoder.too_long([long, short, "Bonjour."]) == {long}
