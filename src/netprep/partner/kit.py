"""The printable partner kit: the same plan `mock --partner --seed N` will ask, on paper."""

from __future__ import annotations

from typing import Any

from netprep.partner.sheet import GUIDE, Sheet, sheet_for


def partner_plan(store: Any, library: Any, config: Any) -> Any:
    """The round `mock --partner` plans with these options (no story hints, as on screen)."""
    from netprep.cli.mock_own import own_questions
    from netprep.mock.plan import build_plan
    from netprep.store.sessions import practice_by_question

    practice = practice_by_question(store)
    extra, extra_hints = own_questions(store, library, config, practice)
    return build_plan(library, config, [], practice, scores={}, talking_points=(),
                      extra=extra, extra_hints=extra_hints)


def build_kit(plan: Any) -> dict[str, Any]:
    sheets: list[Sheet] = [sheet_for(item, plan.total) for item in plan.items]
    command = f"netprep mock --partner --round {plan.round} -n {plan.total}"
    if plan.seed is not None:
        command += f" --seed {plan.seed}"
    if not plan.timed:
        command += " --untimed"
    return {"round": plan.round, "seed": plan.seed, "total": plan.total,
            "minutes": round(plan.target_seconds / 60, 1), "guide": list(GUIDE),
            "command": command, "sheets": [s.record() for s in sheets]}
