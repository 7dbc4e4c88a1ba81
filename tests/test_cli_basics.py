"""The CLI shell: version, help everywhere, info, exit codes, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
import typer

from netprep import __version__
from netprep.cli import COMMANDS
from netprep.cli.app import app


def test_version(cli) -> None:
    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"netprep {__version__}"


def test_help_lists_the_groups(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for name in ("star", "culture", "mock", "content", "info", "tips"):
        assert name in result.out


def _all_commands() -> list[tuple[str, click.Command]]:
    root = typer.main.get_command(app)
    ctx = click.Context(root)
    found: list[tuple[str, click.Command]] = []

    def walk(prefix: str, command: click.Command) -> None:
        found.append((prefix, command))
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, parent=ctx)
            for name in command.list_commands(sub_ctx):
                sub = command.get_command(sub_ctx, name)
                assert sub is not None
                walk(f"{prefix} {name}".strip(), sub)

    walk("", root)
    return found


def test_every_command_and_option_has_help_text() -> None:
    commands = _all_commands()
    assert len(commands) > len(COMMANDS) // 2
    for name, command in commands:
        assert (command.help or "").strip(), f"`netprep {name}` has no help text"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert (param.help or "").strip(), f"`netprep {name}` {param.opts} has no help"


def test_every_group_help_runs(cli) -> None:
    for name, _ in _all_commands():
        result = cli(*name.split(), "--help")
        assert result.code == 0, (name, result.err)
        assert "Usage" in result.out


def test_info_json_reports_store_and_content(cli, home: Path) -> None:
    result = cli("info", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["data_dir"] == str(home)
    assert data["database"] == str(home / "netprep.db")
    assert data["schema_version"] >= 4
    assert set(data["counts"]) >= {"stories", "sessions", "answers", "reviews", "reflections"}
    assert Path(data["content"]["builtin"], "pack.yaml").is_file()


def test_unknown_command_and_bad_option_are_usage_errors(cli) -> None:
    assert cli("nonsense").code == 2
    result = cli("info", "--no-such-flag")
    assert result.code == 2 and "--no-such-flag" in result.err


def test_broken_database_gives_one_message_no_traceback(run_netprep, home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / "netprep.db").write_bytes(b"garbage" * 100)
    result = run_netprep("info")
    assert result.returncode == 1
    assert result.stderr.startswith("netprep: ")
    assert "not an SQLite database" in result.stderr and "Traceback" not in result.stderr


def test_python_tag_in_user_pack_exits_1_and_runs_nothing(run_netprep, tmp_path: Path) -> None:
    pack = tmp_path / "evil"
    pack.mkdir()
    marker = tmp_path / "PWNED"
    (pack / "pack.yaml").write_text(
        f"id: evil\nname: !!python/object/apply:os.system ['touch {marker}']\n"
        "description: d\nversion: '1'\n"
    )
    result = run_netprep("content", "validate", str(pack))
    assert result.returncode == 1
    assert "pack.yaml:2:" in result.stderr and "not allowed" in result.stderr
    assert not marker.exists()
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {}])
def test_piped_output_has_no_ansi_codes(run_netprep, env) -> None:
    result = run_netprep("info", env={**env, "TERM": "xterm-256color"})
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout


def test_content_validate_builtin_and_list_json(cli) -> None:
    result = cli("content", "validate")
    assert result.code == 0, result.err
    packs = json.loads(cli("content", "list", "--json").out)["packs"]
    builtin = packs[0]
    assert builtin["source"] == "builtin"
    assert set(builtin["counts"]) >= {
        "themes",
        "quiz_items",
        "reflection_prompts",
        "behavioral_questions",
        "culture_questions",
        "role_questions",
        "technical_questions",
        "competencies",
        "star_templates",
    }
