"""Print the built-in quiz's guessability figures (pinned by tests/test_content_quality.py).

    python benchmarks/quiz_quality.py [--json]
"""

from __future__ import annotations

import json
import sys

from netprep.content import load_library
from netprep.content.quality import figures, shared_runs
from netprep.paths import builtin_content_dir


def main() -> None:
    library = load_library([(builtin_content_dir(), "builtin")])
    found = figures(library.quiz_items())
    prompts = [(t.id, r.prompt) for t in library.themes for r in t.reflections]
    wrong = sum(len(i.choices) - 1 for i in library.quiz_items())
    report = {
        "items": found["items"],
        "right_is_longest_share": found["right_is_longest_share"],
        "absolute_in_right_share": found["absolute_in_right_share"],
        "absolute_in_wrong_share": found["absolute_in_wrong_share"],
        "filler_wrong_choices": len(found["filler_wrong_choices"]),
        "wrong_choices_answered_share": round(
            (wrong - len(found["unexplained_wrong_choices"])) / (wrong or 1), 3),
        "reflection_prompts": len(prompts),
        "reflection_prompt_pairs_sharing_6_words": len(shared_runs(prompts, 6)),
    }
    if "--json" in sys.argv:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:42} {value}")


if __name__ == "__main__":
    main()
