"""Voice answers: model load, real-time factor, feedback latency, peak memory, accuracy.

    python benchmarks/voice.py            # needs the voice extra and espeak-ng
    python benchmarks/voice.py --accuracy # only the accuracy table (about a minute)
    python benchmarks/voice.py --speed 2  # replay the 2-minute answer twice as fast
    python benchmarks/voice.py --speak    # only the interviewer's voice (mock --speak)
    python benchmarks/voice.py --spoken   # only the 20 labelled spoken answers (Piper)

Accuracy is measured on the labelled answers in tests/data/voice/answers.yaml,
spoken by espeak-ng, for five ways of decoding (fillers: said ones heard; extra:
fillers heard that were not said):
  whole / whole+prompt   the answer in one call, without / with the filler prompt
  pieces / pieces+prompt cut at pauses, each piece decoded alone
  two readings           each piece read plainly and with the prompt, fillers merged in
                         (what netprep does)
RTF is wall time / audio time; CPU RTF is this process's CPU time / audio time /
threads, what the wall RTF would be on idle cores (the load average is printed).
The labelled spoken answers in tests/data/voice/spoken.yaml (20, with fillers and
2.5 s pauses) are said by the interviewer's Piper voice and read as netprep does:
WER, fillers heard, pauses of 2 s+ found against the labels.
Targets on 2 cores: load <= 1.5 s (hidden behind Ready?), RTF <= 0.15,
feedback <= 2 s after a 2-minute answer, peak RSS <= 600 MB, WER <= 10 %.

The interviewer's voice (`mock --speak`, Piper en_US-joe-medium): load time in a fresh
process, synthesis time and RTF per question made on the spot, and first sound: the
time from `say` to the first samples, cold (made on the spot, first sentence) and as
in a round (made while the previous question is answered). Targets: first sound
<= 0.4 s after the question appears; peak RSS with both models loaded <= 700 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "tests" / "data" / "voice" / "answers.yaml"
SPOKEN = REPO / "tests" / "data" / "voice" / "spoken.yaml"

LOAD = """
import json, time
c0, t0 = time.process_time(), time.perf_counter()
import faster_whisper
t1 = time.perf_counter()
from netprep.voice import model
source = model.locate()
model.verify(source)
t2 = time.perf_counter()
model.load(source)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "sha256": t2 - t1, "load": t3 - t2, "total": t3 - t0,
                  "cpu": time.process_time() - c0}))
"""


def load_times() -> dict[str, float]:
    """A fresh interpreter each time (imports and file cache as at a real start), best of 3."""
    runs = [json.loads(subprocess.run([sys.executable, "-c", LOAD], check=True,
                                      capture_output=True, text=True).stdout)
            for _ in range(3)]
    return min(runs, key=lambda r: r["total"])


LOAD_VOICE = """
import json, time
t0 = time.perf_counter()
import piper
t1 = time.perf_counter()
from netprep.voice import speech
speech.load(speech.locate())
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "total": t2 - t0}))
"""
ROUND_MEMORY = """
import json, resource, sys
from netprep.voice import model, speech
from netprep.voice.audio import read_wav
from netprep.voice.model import ModelLoader
from netprep.voice.speaker import Synthesis
from netprep.voice.stream import transcribe_audio
source = model.locate()
whisper = model.load(source)
voice = ModelLoader(speech.locate(), loads=speech.load)
nxt = Synthesis(voice, "Tell me about a time you disagreed with your team. What happened next?")
transcribe_audio(whisper, source.name, read_wav(sys.argv[1]))
list(nxt.chunks())
print(json.dumps({"peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def round_memory(answer: Path) -> float:
    """Peak RSS of a fresh process doing what a round does with both models: the speech
    model reads a 2-minute answer while the voice makes the next question."""
    found = subprocess.run([sys.executable, "-c", ROUND_MEMORY, str(answer)], check=True,
                           capture_output=True, text=True).stdout
    return float(json.loads(found)["peak"])


ANSWER_SECONDS = 5.0  # how long each "answer" lasts while the next question is made


def speak_figures() -> None:
    """The interviewer's voice: load, synthesis, first sound (cold and prepared)."""
    import statistics

    from netprep.content import load_library
    from netprep.voice import speech
    from netprep.voice.model import ModelLoader
    from netprep.voice.speaker import Speaker, Synthesis, Written, spoken

    runs = [json.loads(subprocess.run([sys.executable, "-c", LOAD_VOICE], check=True,
                                      capture_output=True, text=True).stdout)
            for _ in range(3)]
    best = min(runs, key=lambda r: r["total"])
    print(f"\nvoice load (fresh process, best of 3): {best['total']:.2f} s (import "
          f"{best['import']:.2f} s, SHA-256 + load {best['load']:.2f} s)   behind Ready?")

    class Null:  # a sink that only notes when the first samples were there
        def play(self, synthesis, kind, started):  # type: ignore[no-untyped-def]
            first = None
            for _ in synthesis.chunks():
                first = first if first is not None else time.perf_counter() - started
            return Written(Path(os.devnull), first)

    loader = ModelLoader(speech.locate(), loads=speech.load)
    loader()
    library = load_library()
    texts = [spoken(q.text) for q in library.questions[:8]]
    cold_first, made, audio = [], 0.0, 0.0
    for text in texts:
        started, first = time.perf_counter(), None
        synthesis = Synthesis(loader, text)
        samples = 0
        for chunk in synthesis.chunks():
            first = first if first is not None else time.perf_counter() - started
            samples += len(chunk)
        made += time.perf_counter() - started
        audio += samples / synthesis.rate
        cold_first.append(first or 0.0)
    print(f"synthesis of {len(texts)} questions ({audio:.1f} s of speech): {made:.2f} s, "
          f"RTF {made / audio:.3f}")
    print(f"first sound made on the spot: median {statistics.median(cold_first):.2f} s, "
          f"max {max(cold_first):.2f} s")
    speaker = Speaker(loader, Null())
    speaker.expect(texts)
    time.sleep(ANSWER_SECONDS)  # the briefing
    prepared = []
    for text in texts:
        prepared.append(speaker.say(text, "question").first_sound or 0.0)
        time.sleep(ANSWER_SECONDS)  # the answer, while the next question is made
    print(f"first sound in a round (made while the previous was answered): median "
          f"{statistics.median(prepared) * 1000:.0f} ms, max {max(prepared) * 1000:.0f} ms"
          "   target <= 0.4 s")


def spoken_figures(whisper, source) -> None:  # type: ignore[no-untyped-def]
    """The labelled spoken answers (tests/data/voice/spoken.yaml), said by the Piper voice
    with their pauses: WER, fillers heard, pauses found, as netprep reads them."""
    import statistics

    import yaml

    from netprep.voice import SAMPLE_RATE, speech
    from netprep.voice.evaluate import errors, filler_hits, normalise, say_script, unmarked
    from netprep.voice.measures import count_fillers
    from netprep.voice.model import ModelLoader
    from netprep.voice.stream import transcribe_audio

    answers = yaml.safe_load(SPOKEN.read_text())
    voice = ModelLoader(speech.locate(), loads=speech.load)
    started = time.perf_counter()
    audio = {a["id"]: say_script(voice, a["said"]) for a in answers}
    made = time.perf_counter() - started
    seconds = sum(len(a) for a in audio.values()) / SAMPLE_RATE
    wrong = total = found = said = extra = pauses = labelled = extra_pauses = 0
    pace = []
    started = time.perf_counter()
    for answer in answers:
        transcript = transcribe_audio(whisper, source.name, audio[answer["id"]])
        measured = transcript.measures()
        reference = normalise(unmarked(answer["said"]))
        wrong += errors(reference, normalise(transcript.text))
        total += len(reference)
        hit, n = filler_hits(answer["said"], transcript.text)
        found, said = found + hit, said + n
        extra += sum(count_fillers(transcript.text.split()).values()) - hit
        heard = len(measured["pauses"])
        pauses += min(heard, answer["pauses"])
        labelled += answer["pauses"]
        extra_pauses += max(0, heard - answer["pauses"])
        pace.append(measured["wpm"])
    rtf = (time.perf_counter() - started) / seconds
    print(f"\nspoken answers: {len(answers)} labelled answers said by the Piper voice "
          f"({seconds:.0f} s, made in {made:.1f} s), read as netprep does (RTF {rtf:.3f}):")
    print(f"  WER {wrong / total:.1%}   fillers {found}/{said} heard ({extra} extra)   "
          f"pauses of 2 s+ {pauses}/{labelled} found ({extra_pauses} extra)   "
          f"median {statistics.median(pace):.0f} wpm   targets: WER <= 10 %, every pause found")


def whole(model, audio, prompt):  # type: ignore[no-untyped-def]
    segments, _ = model.transcribe(audio, language="en", beam_size=1, initial_prompt=prompt,
                                   word_timestamps=True)
    return " ".join(s.text.strip() for s in segments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=1.0,
                        help="replay speed of the 2-minute answer (1 = real time)")
    parser.add_argument("--accuracy", action="store_true",
                        help="only the accuracy table (no load times, no 2-minute answer)")
    parser.add_argument("--speak", action="store_true",
                        help="only the interviewer's voice (load, synthesis, first sound)")
    parser.add_argument("--spoken", action="store_true",
                        help="only the labelled spoken answers said by the Piper voice")
    args = parser.parse_args()
    if args.speak:
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        speak_figures()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS (the voice alone) {peak:.0f} MB")
        return

    import numpy as np
    import yaml

    from netprep.coach.analysis import analyze_answer
    from netprep.voice import SAMPLE_RATE, model
    from netprep.voice.audio import read_wav, write_wav
    from netprep.voice.evaluate import errors, filler_hits, normalise, synthesise
    from netprep.voice.measures import count_fillers
    from netprep.voice.recorder import Recording, WavStream
    from netprep.voice.stream import Listener, transcribe_audio
    from netprep.voice.transcribe import FILLER_PROMPT

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not args.accuracy:
        figures = load_times()
        print(f"model load (fresh process, best of 3): {figures['total']:.2f} s "
              f"(import {figures['import']:.2f} s, SHA-256 {figures['sha256']:.2f} s, "
              f"load {figures['load']:.2f} s; {figures['cpu']:.2f} s of CPU)   "
              "target <= 1.5 s, behind Ready?")

    source = model.locate()
    whisper = model.load(source)
    if args.spoken:
        spoken_figures(whisper, source)
        return
    answers = yaml.safe_load(ANSWERS.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        audio = {a["id"]: read_wav(synthesise(a["said"], f"{tmp}/{a['id']}.wav"))
                 for a in answers}
        ways = {
            "whole": lambda a: whole(whisper, a, None),
            "whole+prompt": lambda a: whole(whisper, a, FILLER_PROMPT),
            "pieces": lambda a: transcribe_audio(whisper, source.name, a, prompt=None).text,
            "pieces+prompt": lambda a: transcribe_audio(whisper, source.name, a,
                                                        fillers_only=True).text,
            "two readings": lambda a: transcribe_audio(whisper, source.name, a).text,
        }
        said_seconds = sum(len(a) for a in audio.values()) / SAMPLE_RATE
        print(f"\naccuracy on {len(answers)} synthesised answers ({said_seconds:.0f} s):")
        print(f"  {'way':14} {'WER':>6} {'fillers':>8} {'extra':>6} {'RTF':>6} {'CPU RTF':>8}")
        for name, run in ways.items():
            wrong = total = found = said = extra = 0
            started, cpu = time.perf_counter(), time.process_time()
            for answer in answers:
                heard = run(audio[answer["id"]])
                ref = normalise(answer["said"])
                wrong += errors(ref, normalise(heard))
                total += len(ref)
                hit, n = filler_hits(answer["said"], heard)
                found, said = found + hit, said + n
                extra += sum(count_fillers(heard.split()).values()) - hit
            rtf = (time.perf_counter() - started) / said_seconds
            cpu_rtf = (time.process_time() - cpu) / said_seconds / model.cpu_threads()
            print(f"  {name:14} {wrong / total:6.1%} {found:>3}/{said:<4} {extra:>6} "
                  f"{rtf:6.3f} {cpu_rtf:8.3f}")
        spoken_figures(whisper, source)
        if args.accuracy:
            return

        # A 2-minute answer replayed through the recording path, as if spoken.
        joined = np.concatenate([np.concatenate([a, np.zeros(SAMPLE_RATE // 2, np.float32)])
                                 for a in audio.values()])
        reps = int(np.ceil(120 * SAMPLE_RATE / len(joined)))
        long = np.tile(joined, reps)[: 120 * SAMPLE_RATE]
        path = write_wav(Path(tmp) / "two-minutes.wav", long)
        stream = WavStream(path, speed=args.speed)
        listener = Listener(lambda: whisper, source.name)
        recording = Recording(stream, listener.feed)
        started = time.perf_counter()
        listener.start()
        recording.start()
        stream.done.wait()
        ended, ended_cpu = time.perf_counter(), time.process_time()
        recording.stop()
        transcript = listener.finish()
        voice = transcript.measures(120)
        analyze_answer(transcript.text, target_seconds=120)
        latency = time.perf_counter() - ended
        tail_cpu = (time.process_time() - ended_cpu) / model.cpu_threads()
        print(f"\n2-minute answer replayed at {args.speed:g}x: feedback {latency:.2f} s after "
              f"it ended ({tail_cpu:.2f} s of CPU per thread)   target <= 2 s")
        print(f"  {transcript.segments} pieces, decoding RTF "
              f"{transcript.decode_seconds / transcript.audio_seconds:.3f} (target <= 0.15), "
              f"{voice['wpm']} wpm, fillers {voice['fillers']}, "
              f"{ended - started:.0f} s to replay")
        print(f"\npeak RSS of a round with both models loaded (fresh process: a 2-minute "
              f"answer read while the next question is made): {round_memory(path):.0f} MB"
              "   target <= 700 MB")
    if not args.accuracy:
        speak_figures()  # both models loaded from here on
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this benchmark {peak:.0f} MB (all of its test audio and both models "
          "in one process; a round's own peak is printed above)")


if __name__ == "__main__":
    main()
