"""Round three (issue 28): the encodings people have, for every file netprep reads.

Story files (`star add --file`, `star import`), pack files and `history import` drafts
go through the one reader `content.textfile`, as resume import does
(tests/test_battery_resume.py): a byte-order mark decides (UTF-8, UTF-16, UTF-32), else
UTF-8, else Windows-1252 with a note that the file was not UTF-8, else a refusal naming
the encoding and the line. Before the fix every one of these was "not UTF-8".
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from netprep.content.textfile import EncodingProblem, decode

from .battery import assert_failure
from .conftest import terminal

DATA = Path(__file__).parent / "data"
STORY = (DATA / "star" / "good.yaml").read_text(encoding="utf-8").replace(
    "Faster builds", "Café builds – “fast”").replace("tags: [zz-teamwork]\n", "")
NOTE = "is not UTF-8; it was read as Windows-1252 (cp1252)"
ENCODINGS = {
    "utf-16 with BOM": lambda text: text.replace("\n", "\r\n").encode("utf-16"),
    "utf-16-be with BOM": lambda text: b"\xfe\xff" + text.encode("utf-16-be"),
    "utf-8 with BOM": lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
    "utf-32 with BOM": lambda text: text.encode("utf-32"),
    "cp1252": lambda text: text.encode("cp1252"),
}
UNREADABLE = {
    "undefined in cp1252": (b"title: caf\xe9\nsituation: \x81\x8d\n",
                            "neither UTF-8 nor Windows-1252"),
    "utf-16 without BOM": ("title: Café builds\n".encode("utf-16-le"),
                           "UTF-16 text without a byte-order mark"),
    "a broken utf-16 BOM file": (b"\xff\xfe" + "title: x".encode("utf-16-le") + b"\x00\xd8",
                                 "marked as UTF-16 by its byte-order mark"),
}


def story_titles(cli) -> list[str]:
    return [s["title"] for s in json.loads(cli("star", "list", "--json").out)["stories"]]


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_a_story_file_in_any_common_encoding_is_read(cli, tmp_path, encoding) -> None:
    path = tmp_path / "story.yaml"
    path.write_bytes(ENCODINGS[encoding](STORY))
    result = cli("star", "add", "--file", str(path))
    assert result.code == 0, result.err
    assert (NOTE in result.err) is (encoding == "cp1252")
    assert story_titles(cli) == ["Café builds – “fast”"]
    shown = json.loads(cli("star", "show", "1", "--json").out)
    assert "\r" not in shown["situation"] and "25 minutes" in shown["situation"]


@pytest.mark.parametrize("encoding", ["utf-16 with BOM", "cp1252"])
def test_star_import_reads_the_same_encodings(cli, tmp_path, encoding) -> None:
    text = (DATA / "star" / "list.yaml").read_text(encoding="utf-8").replace("First", "Première")
    path = tmp_path / "stories.yaml"
    path.write_bytes(ENCODINGS[encoding](text))
    result = cli("star", "import", str(path))
    assert result.code == 0, result.err
    assert "Première" in story_titles(cli)


@pytest.mark.parametrize("case", list(UNREADABLE))
def test_a_story_file_in_no_encoding_netprep_reads_is_refused_naming_it(cli, tmp_path,
                                                                        case) -> None:
    body, needle = UNREADABLE[case]
    path = tmp_path / "story.yaml"
    path.write_bytes(body)
    for command in (("star", "add", "--file", str(path)), ("star", "import", str(path))):
        assert_failure(cli(*command), 1, str(path), needle, "as UTF-8")
    assert story_titles(cli) == []


@pytest.mark.parametrize("encoding", ["utf-16 with BOM", "cp1252"])
def test_a_pack_file_in_utf16_or_cp1252_is_read(cli, home, monkeypatch, encoding) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "culture" / "base")
    pack = home / "packs" / "good"
    shutil.copytree(DATA / "packs" / "good", pack)
    text = (pack / "pack.yaml").read_text(encoding="utf-8").replace("Test pack", "Café pack")
    (pack / "pack.yaml").write_bytes(ENCODINGS[encoding](text))
    result = cli("content", "validate")
    assert result.code == 0, result.err
    assert (NOTE in result.err) is (encoding == "cp1252")
    listed = cli("content", "list", "--json")
    assert "Café pack" in listed.out


def test_a_pack_file_in_no_encoding_netprep_reads_names_file_and_line(cli, home,
                                                                      monkeypatch) -> None:
    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "culture" / "base")
    pack = home / "packs" / "good"
    shutil.copytree(DATA / "packs" / "good", pack)
    (pack / "pack.yaml").write_bytes("id: testpack\nname: Café pack\n".encode("utf-16-le"))
    result = cli("content", "validate")
    assert result.code == 1
    assert f"{pack / 'pack.yaml'}:1:" in result.err and "UTF-16" in result.err, result.err


@pytest.mark.parametrize("encoding", ["utf-16 with BOM", "cp1252"])
def test_history_import_reads_a_draft_saved_again_in_another_encoding(
        home, capsys, monkeypatch, cli, encoding) -> None:
    import io

    from netprep.cli import run

    monkeypatch.setattr("netprep.paths.builtin_content_dir", lambda: DATA / "mock" / "base")
    monkeypatch.setenv("NETPREP_CONTENT", str(DATA / "mock" / "main"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    monkeypatch.setenv("TERM", "xterm-256color")  # the custom keys (conftest sets dumb)
    with terminal("I profiled the café’s slow query" + "\x1b\r" + "and added an index" + "\x03"):
        code = run(["mock", "--round", "behavioral", "--questions", "2"])
    assert code == 130, capsys.readouterr().err
    [draft] = (home / "workspace").glob("mock-answer*.md")
    resaved = home / "resaved.md"  # as an editor on Windows would save it
    resaved.write_bytes(ENCODINGS[encoding](draft.read_text(encoding="utf-8")))
    result = cli("history", "import", str(resaved))
    assert result.code == 0, result.err
    assert (NOTE in result.err) is (encoding == "cp1252")
    [answer] = json.loads(cli("history", "show", "1", "--json").out)["questions"]
    assert answer["answer"] == "I profiled the café’s slow query\nand added an index"


def test_history_import_of_unreadable_bytes_names_the_encoding(cli, tmp_path) -> None:
    path = tmp_path / "draft.md"
    path.write_bytes(b"---\nkind: x\n---\n\x81\x9d\n")
    assert_failure(cli("history", "import", str(path)), 1, "neither UTF-8 nor Windows-1252")


def test_the_reader_drops_a_character_cut_at_the_end_of_a_prefix() -> None:
    raw = "résumé".encode()
    assert decode(raw[:-1], "f", partial=True).text == "résum"
    assert decode(raw[:-1], "f").encoding == "Windows-1252"  # a whole file: not UTF-8
    with pytest.raises(EncodingProblem):
        decode(b"\x81" + raw, "f")
    utf16 = "résumé".encode("utf-16")
    assert decode(utf16[:-1], "f", partial=True).text == "résum"
