"""The interviewer's guide of `mock --partner` reads well at 60 and 120 columns: a point
that wraps continues under its own text, never back under its bullet."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [60, 120])
def test_each_guide_point_hangs_under_its_text(width: int) -> None:
    from rich.console import Console

    from netprep.partner.sheet import GUIDE
    from netprep.ui.render_partner import render_partner_intro

    console = Console(width=width, record=True, color_system=None)
    render_partner_intro(console, "Sam")
    inner = [line[1:-1].rstrip() for line in console.export_text().splitlines()[1:-1]]
    assert all(len(line) <= width for line in console.export_text().splitlines())
    bullets = [n for n, line in enumerate(inner) if line.startswith(" • ")]
    assert len(bullets) == len(GUIDE), inner
    wrapped = 0
    for n in bullets:
        for line in inner[n + 1:]:
            if line.startswith(" • ") or not line.strip():
                break
            assert line.startswith("   ") and line[3] != " ", inner
            wrapped += 1
    said = " ".join(" ".join(line.strip(" •") for line in inner[bullets[0]:]).split())
    assert all(" ".join(point.split()) in said for point in GUIDE)
    if width == 60:
        assert wrapped
