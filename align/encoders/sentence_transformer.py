"""Any sentence-transformers model, run by PyTorch on the CPU (the reference backend)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from align.encoders.base import (
    Progress,
    TokenEmbeddings,
    configure_torch_threads,
    length_sorted_batches,
)


class SentenceTransformerEncoder:
    """A loaded ``SentenceTransformer`` behind the `Encoder` protocol.

    The model's default prompt (``query: `` for the default e5 model) is applied
    to every text, for sentence and token embeddings alike.
    """

    def __init__(
        self,
        model: Any,
        *,
        id: str,
        signature: dict[str, Any],
        batch_size: int = 32,
    ) -> None:
        self.model = model
        self.id = id
        self.batch_size = batch_size
        self.prompt = default_prompt(model)
        self.signature = dict(signature)
        self.signature.setdefault("dimensions", embedding_dimension(model))
        self.signature.setdefault("prompt", self.prompt)
        self.signature.setdefault("max_seq_length", model.max_seq_length)

    def encode(self, texts: Sequence[str], *, progress: Progress | None = None) -> np.ndarray:
        dims = int(self.signature["dimensions"])
        out = np.empty((len(texts), dims), dtype=np.float32)
        for batch in length_sorted_batches(texts, self.batch_size):
            out[batch] = self.model.encode(
                [texts[i] for i in batch],
                batch_size=len(batch),
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            if progress:
                progress(len(batch))
        return out

    @property
    def max_length(self) -> int:
        """How many tokens the model reads, prompt and special tokens included."""
        return int(self.model.max_seq_length or self.model.tokenizer.model_max_length)

    def too_long(self, texts: Sequence[str]) -> set[str]:
        """The texts longer than the model reads (`max_length` tokens, prompt included):
        only their beginning is embedded."""
        limit = self.max_length
        # A token covers at least one byte of UTF-8 (a byte-level tokeniser's may cover no
        # more, a character of CJK three tokens): shorter texts always fit.
        candidates = sorted({t for t in texts
                             if len((self.prompt + t).encode("utf-8")) + 2 > limit})
        if not candidates:
            return set()
        counts = self.model.tokenizer([self.prompt + t for t in candidates],
                                     verbose=False)["input_ids"]
        return {t for t, ids in zip(candidates, counts, strict=True) if len(ids) > limit}

    def token_embeddings(self, texts: Sequence[str], *, layer: int = -1) -> list[TokenEmbeddings]:
        """Contextual vectors of each token (not normalised), from hidden layer `layer`.

        ``layer=-1`` is the last layer; word aligners often do better with a middle one.
        """
        return transformer_token_embeddings(
            self.model, texts, prompt=self.prompt, layer=layer, batch_size=self.batch_size
        )


def embedding_dimension(model: Any) -> int:
    # Renamed in sentence-transformers 6; the old name still works in 5.x.
    getter = getattr(model, "get_embedding_dimension", None)
    getter = getter or model.get_sentence_embedding_dimension
    return int(getter())


def default_prompt(model: Any) -> str:
    name = getattr(model, "default_prompt_name", None)
    prompts = getattr(model, "prompts", None) or {}
    return prompts.get(name, "") if name else ""


def transformer_token_embeddings(
    model: Any, texts: Sequence[str], *, prompt: str, layer: int, batch_size: int
) -> list[TokenEmbeddings]:
    """Token vectors from the Hugging Face model inside a ``SentenceTransformer``.

    Tokens that belong to the prompt, special tokens and tokens past the model's
    length limit are left out; offsets are into each text as given.
    """
    import torch

    configure_torch_threads()
    transformer = model[0]
    tokenizer = transformer.tokenizer
    hf_model = transformer.auto_model
    max_length = model.max_seq_length or tokenizer.model_max_length
    results: list[TokenEmbeddings | None] = [None] * len(texts)
    shift = len(prompt)
    for batch in length_sorted_batches(texts, batch_size):
        encoded = tokenizer(
            [prompt + texts[i] for i in batch],
            padding=True,
            truncation=True,
            max_length=max_length,
            return_offsets_mapping=True,
            return_special_tokens_mask=True,
            return_tensors="pt",
        )
        offsets = encoded.pop("offset_mapping").tolist()
        special = encoded.pop("special_tokens_mask").tolist()
        mask = encoded["attention_mask"].tolist()
        with torch.inference_mode():
            output = hf_model(**encoded, output_hidden_states=layer != -1)
        hidden = output.last_hidden_state if layer == -1 else output.hidden_states[layer]
        hidden = hidden.float().numpy()
        for row, index in enumerate(batch):
            keep = [
                t
                for t, (start, end) in enumerate(offsets[row])
                if mask[row][t] and not special[row][t] and end > start and start >= shift
            ]
            spans = [(offsets[row][t][0] - shift, offsets[row][t][1] - shift) for t in keep]
            results[index] = (spans, np.ascontiguousarray(hidden[row, keep], dtype=np.float32))
    return [r for r in results if r is not None]
