"""The printable partner kit: the same plan `mock --partner --seed N` will ask, on paper."""

from __future__ import annotations

from typing import Any

from netprep.partner.sheet import GUIDE, Sheet, sheet_for


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
