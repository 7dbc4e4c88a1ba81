"""Accuracy of the clarifying-question matcher on its labelled examples.

    python benchmarks/clarify.py [-v]

Prints, for the labelled examples, a held-out set and the design rounds' examples, accuracy (right
clarification, or rightly none), the false-match rate (a clarification given
where none fits, or the wrong one) and the miss rate
(none given where one fits). Examples: tests/data/clarify/labelled.yaml,
heldout.yaml and design.yaml.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from netprep.coding.clarify import match, reply
from netprep.content import load_library

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "clarify"
DATA = FOLDER / "labelled.yaml"
HELD_OUT = FOLDER / "heldout.yaml"  # written after tuning, never used to tune
DESIGN = FOLDER / "design.yaml"  # a design round's requirements phase (DEV, tuned on)


def evaluate(verbose: bool = False, path: Path = DATA) -> dict[str, Any]:
    """The figures of one example file: coding exercises (`exercise:`), or design rounds
    (`design:`), whose questions are answered as a design round's `?` is (`reply`)."""
    library = load_library()
    examples = yaml.safe_load(path.read_text(encoding="utf-8"))["examples"]
    right = false_match = missed = 0
    wrong: list[str] = []
    for example in examples:
        if "design" in example:
            design = next(d for d in library.designs if d.id == example["design"])
            bank = [c for phase in design.phases for c in phase.clarifications]
            got = reply(example["question"], bank, "system-design").id
        else:
            exercise = library.exercise(example["exercise"])
            assert exercise is not None, example
            got = match(example["question"], exercise.clarifications).id
        expected = example["expected"]
        if got == expected:
            right += 1
            continue
        if got is None:
            missed += 1
        else:
            false_match += 1
        wrong.append(f"{example.get('exercise') or example['design']}: "
                     f"{example['question']!r} -> {got} "
                     f"(expected {expected})")
    total = len(examples)
    if verbose:
        print("\n".join(wrong))
    return {
        "examples": total,
        "unmatched_examples": sum(1 for e in examples if e["expected"] is None),
        "accuracy": right / total,
        "false_match_rate": false_match / total,
        "miss_rate": missed / total,
    }


def main() -> None:
    for name, path in (("labelled", DATA), ("held out", HELD_OUT),
                       ("design rounds (dev)", DESIGN)):
        figures = evaluate("-v" in sys.argv, path)
        print(f"{name}: examples {figures['examples']} ({figures['unmatched_examples']} "
              "with no clarification)")
        print(f"  accuracy {figures['accuracy']:.3f}")
        print(f"  false-match rate {figures['false_match_rate']:.3f}")
        print(f"  miss rate {figures['miss_rate']:.3f}")


if __name__ == "__main__":
    main()
