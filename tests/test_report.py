"""`netprep report`: the private HTML page, its numbers, and how it renders in a browser."""

from __future__ import annotations

import json
import shutil
import stat
import struct
import subprocess
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from netprep.store import open_store
from tests.test_progress_stats import SUMMARY
from tests.test_progress_trends import FILLERS, build_history

UTC = timezone.utc
TRICKY = '<script>alert("x")</script> & <b>Bold</b>'
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--hide-scrollbars"]


def seed(home: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import gen_history as gen

    from netprep.store.culture import generate_history

    with open_store() as store:
        build_history(store.conn, datetime.now(UTC))
        gen.add_story(store.conn, datetime.now(UTC) - timedelta(days=2), TRICKY, ["conflict"])
        gen.add_story(store.conn, datetime.now(UTC) - timedelta(days=1), "Thin one",
                      ["ownership"], action="I did it.", result="Fine.", learned="")
        store.conn.commit()
        items = [(f"builtin:candour-{i}", "builtin", "candour") for i in range(4)] + \
                [(f"builtin:keeper-test-{i}", "builtin", "keeper-test") for i in range(3)]
        generate_history(store, 60, items=items, seed=1)


@pytest.fixture
def fixed_content(monkeypatch):
    import netprep.progress.content_facts as pc

    monkeypatch.setattr(pc, "content_summary", lambda: SUMMARY)


class Attrs(HTMLParser):
    """Every element's attributes, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def attrs(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = Attrs()
    parser.feed(html)
    return parser.elements


# --- the page ------------------------------------------------------------------------------


def test_report_writes_a_private_self_contained_page(cli, home, fixed_content) -> None:
    seed(home)
    result = cli("report")
    assert result.code == 0, result.err
    path = Path(result.out.strip())
    assert path == home / "report.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    html = path.read_text()
    lowered = html.lower()
    for banned in ("<script", "<link", "<img", "<iframe", "@import", "url(", "http://",
                   "https://", "src="):
        assert banned not in lowered, banned
    assert "content-security-policy" in lowered and "default-src 'none'" in html
    assert html.count("<svg") >= 7
    # user text is data, never markup
    assert TRICKY not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Bold" in html


def test_each_chart_has_a_reading_in_words(cli, home, fixed_content) -> None:
    seed(home)
    out = Path(cli("report", "--output", str(home / "r.html")).out.strip())
    html = out.read_text()
    charts = [a["data-chart"] for tag, a in attrs(html) if "data-chart" in a]
    assert charts == ["mock_score", "competencies", "stories", "overtime", "pace", "fillers",
                      "retention", "code", "partner"]
    assert html.count('<figcaption class="reading">') == len(charts)
    assert "Fillers per minute fell from 9.0 to 3.0 (better) over 6 sessions." in html
    assert "Mock answer score rose from 47/100 to 73/100 (better) over 6 practice days." in html
    assert "No partner ratings yet" in html and 'data-partner="none"' in html
    assert "Expected recall today is highest for" in html
    assert "of 2 exercises solved" in html
    assert 'id="plan"' in html and "netprep star check" in html


def test_an_empty_home_gets_empty_states_not_errors(cli, home, fixed_content) -> None:
    result = cli("report", "-o", str(home / "empty.html"))
    assert result.code == 0, result.err
    html = (home / "empty.html").read_text()
    assert "<code>netprep mock --voice</code>" in html
    assert "No fillers per minute recorded yet." in html
    assert "No culture quiz items learned yet." in html


def test_a_path_that_cannot_be_written_is_one_sentence(cli, tmp_path, fixed_content) -> None:
    result = cli("report", "--output", str(tmp_path / "nowhere" / "r.html"))
    assert result.code == 1
    line = result.err.strip()
    assert line.startswith("netprep: Cannot write the report to ") and "\n" not in line
    assert "No such file or directory" in line and "Traceback" not in line


def test_open_hands_the_file_to_the_system_browser(cli, home, fixed_content,
                                                   monkeypatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    result = cli("report", "--open")
    assert result.code == 0, result.err
    assert opened == [(home / "report.html").resolve().as_uri()]
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    result = cli("report", "--open")
    assert result.code == 0 and "open " in result.err and "yourself" in result.err


# --- in a real browser ---------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs the Debian package)")


def chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


def console_messages(stderr: str) -> list[str]:
    """What the page wrote to the console (errors, CSP violations, uncaught exceptions),
    as Chromium logs them with --enable-logging=stderr."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


@pytest.mark.slow
@needs_chromium
def test_the_console_check_catches_errors(tmp_path) -> None:
    """The detector used below sees a script error and a blocked network fetch."""
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'\"><img src=\"https://example.invalid/x.png\">"
                   "<p>x</p>")
    found = console_messages(chromium(tmp_path / "p1", "--enable-logging=stderr", "--v=0",
                                      "--dump-dom", bad.as_uri()).stderr)
    assert any("Content Security Policy" in line for line in found), found


@pytest.mark.slow
@needs_chromium
def test_the_page_in_headless_chromium(tmp_path, home, run_netprep) -> None:
    seed(home)
    page = tmp_path / "report.html"
    made = run_netprep("report", "--output", str(page))
    assert made.returncode == 0, made.stderr
    stats = json.loads(run_netprep("stats", "--json").stdout)

    loaded = chromium(tmp_path / "profile", "--enable-logging=stderr", "--v=0",
                      "--dump-dom", page.as_uri())
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert console_messages(loaded.stderr) == []
    dom = attrs(loaded.stdout)

    series = {a["data-series"]: a for _tag, a in dom if "data-series" in a}
    expected = {k: v for k, v in stats["trends"].items()
                if k in ("mock_score", "overtime_share", "pace_wpm", "fillers_per_min",
                         "code_solve_seconds", "self_rating") or k.startswith("score:")}
    assert set(series) == set(expected)
    for name, points in expected.items():
        shown = series[name]
        assert [float(v) for v in shown["data-values"].split(",")] == \
            [p["value"] for p in points], name
        assert shown["data-dates"].split(",") == [p["date"] for p in points], name
    assert [float(v) for v in series["fillers_per_min"]["data-values"].split(",")] == \
        list(FILLERS)

    bars = [(a["data-label"], float(a["data-value"])) for tag, a in dom
            if a.get("class") == "bar"]
    stories = [(s["title"], float(s["score"])) for s in stats["stories"]["items"]]
    assert bars[:len(stories)] == stories
    assert len(bars) == len(stories) + 2  # and the two quiz themes

    for width, name in ((390, "phone"), (1280, "desktop")):
        shot = tmp_path / f"{name}.png"
        done = chromium(tmp_path / f"shot-{name}", f"--window-size={width},1600",
                        f"--screenshot={shot}", page.as_uri())
        assert done.returncode == 0, done.stderr[-2000:]
        assert png_size(shot) == (width, 1600)
        assert shot.stat().st_size > 20_000  # a page was drawn, not a blank window
