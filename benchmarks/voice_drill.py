"""A spoken 25-minute coding drill (`code start --voice`): the review's latency and the cost.

    python benchmarks/voice_drill.py              # needs the voice extra and espeak-ng
    python benchmarks/voice_drill.py --minutes 5  # a shorter drill

The drill's sound is made here: sentences spoken by espeak-ng every 30-50 s on a
silent track, the last two ending as the drill ends (the worst case for the
review's latency). It is fed to the transcriber in 0.1 s blocks, as the
microphone delivers them, each block followed by the worker's step, exactly as the
Listener does during a live drill, so decoding happens as the drill goes. Printed:
- review latency: from the drill's last block to the think-aloud review ready (the
  last piece decoded, the timeline built); target <= 3 s;
- decode RTF: decoding time / drill time, and the longest single step (the most the
  worker is busy at once; the editor is another process and never waits for it);
- peak RSS of this process; target <= 600 MB (audio is let go once decoded).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Okay, so my approach is a hash map from value to index, in one pass.",
    "Um, for each number I look up the complement before storing it.",
    "That should be linear time and linear space for the map.",
    "Let me run the tests.",
    "Hmm, the second case failed, so let me trace the example with three and three.",
    "I think the problem is that I store the number before I check it.",
    "An edge case is the empty list, and another is duplicates.",
    "Uh, now I will write the loop again and check the order of the two steps.",
]


def track(minutes: float, folder: Path):  # type: ignore[no-untyped-def]
    import numpy as np

    from netprep.voice.audio import read_wav
    from netprep.voice.evaluate import synthesise

    rate = 16000
    spoken = [read_wav(synthesise(s, str(folder / f"s{n}.wav"))) for n, s in enumerate(SENTENCES)]
    audio = np.zeros(int(minutes * 60 * rate), dtype=np.float32)
    at, n, talk = 3.0, 0, 0.0
    while at * rate < len(audio):
        speech = spoken[n % len(spoken)]
        start = int(at * rate)
        piece = speech[: max(0, len(audio) - start)]
        audio[start:start + len(piece)] = piece
        talk += len(piece) / rate
        gap = 30 + (n * 7) % 21  # 30-50 s from one sentence's start to the next
        at += gap
        n += 1
    # The worst case for the review's latency: the drill ends mid-talk, on a sentence's end.
    tail = np.concatenate([spoken[2], np.zeros(rate // 5, np.float32), spoken[6]])
    audio[-len(tail):] = tail
    return audio, talk + len(tail) / rate, n + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=25.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from netprep.coding.thinkaloud import review
    from netprep.voice import model
    from netprep.voice.stream import Pipeline

    source = model.locate()
    loaded = model.load(source)
    with tempfile.TemporaryDirectory() as folder:
        audio, talk, said = track(args.minutes, Path(folder))
    block = 1600  # 0.1 s
    pipeline = Pipeline(loaded, source.name, keep=False)
    longest = 0.0
    started = time.perf_counter()
    cpu0 = time.process_time()
    last = len(audio) - block
    for at in range(0, last, block):
        pipeline.feed(audio[at:at + block])
        step = time.perf_counter()
        pipeline.step()
        longest = max(longest, time.perf_counter() - step)
    fed = time.perf_counter()
    # The drill ends: the last block arrives, the rest is decoded, the review is built.
    pipeline.feed(audio[last:])
    transcript = pipeline.finish()
    seconds = len(audio) / 16000
    runs = [{"at": 120.0, "passed": 3, "total": 10, "all_passed": False, "error": False},
            {"at": seconds - 5, "passed": 10, "total": 10, "all_passed": True, "error": False}]
    record = review(transcript.words, seconds, runs)
    ended = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "drill_minutes": args.minutes,
        "sentences": said,
        "speech_seconds": round(talk, 1),
        "review_latency_s": round(ended - fed, 2),
        "decode_rtf": round(pipeline.decode_seconds / seconds, 3),
        "wall_rtf": round((fed - started) / seconds, 3),
        "cpu_seconds": round(time.process_time() - cpu0, 1),
        "longest_step_s": round(longest, 2),
        "peak_rss_mb": round(peak_mb),
        "talk_share": record["talk_share"],
        "pieces": len(record["transcript"]),
        "load_average": round(os.getloadavg()[0], 1),
        "targets": {"review_latency_s": 3.0, "peak_rss_mb": 600},
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"Spoken drill of {args.minutes:g} min ({said} sentences, {talk:.0f} s of speech), "
          f"tiny.en on {model.cpu_threads()} threads, load average {figures['load_average']}")
    print(f"  review latency   {figures['review_latency_s']:6.2f} s   (target <= 3 s)")
    print(f"  decode RTF       {figures['decode_rtf']:6.3f}     (wall RTF feeding "
          f"{figures['wall_rtf']:.3f})")
    print(f"  longest step     {figures['longest_step_s']:6.2f} s")
    print(f"  peak RSS         {figures['peak_rss_mb']:6.0f} MB  (target <= 600 MB)")
    print(f"  talk share       {figures['talk_share']:6.2f}     ({figures['pieces']} pieces)")
    ok = figures["review_latency_s"] <= 3.0 and figures["peak_rss_mb"] <= 600
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
