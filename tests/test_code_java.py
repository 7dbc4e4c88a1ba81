"""Java in the coding runner: the harness, its limits, and the signature check."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from netprep.coding.runner import RunReport, run_tests
from netprep.content import load_library
from netprep.content.javatypes import parse_type, signature_problems
from netprep.content.models import Library
from netprep.paths import builtin_content_dir

from .conftest import DATA, REPO

needs_java = pytest.mark.skipif(
    shutil.which("javac") is None or shutil.which("java") is None,
    reason="no JDK here (javac and java; Debian: default-jdk-headless)",
)
CASES = [
    {"args": [[2, 7, 11, 15], 9], "expected": [0, 1]},
    {"args": [[3, 3], 6], "expected": [0, 1]},
]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([(builtin_content_dir(), "builtin")])


@pytest.fixture(scope="module")
def built(library, tmp_path_factory) -> Path | None:
    """The Java harness built once for the module (each test has its own NETPREP_HOME)."""
    if shutil.which("javac") is None:
        return None
    import os

    from netprep.coding.runner import build_harness

    old = os.environ.get("NETPREP_HOME")
    os.environ["NETPREP_HOME"] = str(tmp_path_factory.mktemp("java-home"))
    try:
        return build_harness(library.languages["java"])
    finally:
        if old is None:
            del os.environ["NETPREP_HOME"]
        else:
            os.environ["NETPREP_HOME"] = old


@pytest.fixture(autouse=True)
def _harness_cache(built) -> None:
    if built is not None:
        from netprep.paths import data_dir

        shutil.copytree(built, data_dir() / "cache" / "harness" / built.name)


def _java(library: Library, tmp_path: Path, code: str, name: str = "attempt.java",
          cases=CASES, function: str = "twoSum", **kwargs) -> RunReport:
    path = tmp_path / name
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return run_tests(path, library.languages["java"], function=function, cases=cases, **kwargs)


@needs_java
def test_endless_loop_exit_and_noise(library, tmp_path) -> None:
    report = _java(library, tmp_path, """
        class Solution {
            public int[] twoSum(int[] nums, int target) {
                System.out.println("noise " + nums.length);
                if (target == 9) while (true) {}
                System.exit(4);
                return null;
            }
        }
    """, time_limit=1.0)
    assert [c.status for c in report.cases] == ["timeout", "crash"]
    assert "exited with code 4" in (report.cases[1].error or "")
    report = _java(library, tmp_path, """
        import java.io.*;
        public class Solution {
            public static int[] twoSum(int[] nums, int target) throws IOException {
                System.out.println("{\\"event\\": \\"case\\", \\"index\\": 1, \\"value\\": 5}");
                System.err.print("more");
                OutputStream channel = new FileOutputStream(FileDescriptor.out);
                channel.write("{\\"event\\": \\"ready\\"}\\n".getBytes());
                return new int[] {0, 1};
            }
        }
    """)
    assert report.all_passed, report.to_dict()
    assert report.cases[0].output.startswith('{"event"') and "more" in report.cases[0].output


@needs_java
def test_compile_error_shows_javac_message_with_the_users_file_and_line(library, tmp_path) -> None:
    report = _java(library, tmp_path, """\
        class Solution {
            public int[] twoSum(int[] nums, int target) {
                return new int[] {0, 1}
            }
        }
    """)
    assert report.cases == []
    expected = f"{tmp_path / 'attempt.java'}:3: error: ';' expected"
    assert expected in (report.error or ""), report.error


@needs_java
def test_an_exception_shows_the_users_frames_only(library, tmp_path) -> None:
    report = _java(library, tmp_path, """\
        class Solution {
            public int[] twoSum(int[] nums, int target) {
                return pick(nums, 10);
            }

            private int[] pick(int[] nums, int i) {
                return new int[] {nums[i], 0};
            }
        }
    """)
    error = report.cases[0].error or ""
    assert error.startswith("java.lang.ArrayIndexOutOfBoundsException: Index 10 out of bounds")
    assert "at Solution.pick(attempt.java:7)" in error
    assert "at Solution.twoSum(attempt.java:3)" in error
    assert "NetprepHarness" not in error and "reflect" not in error


@needs_java
def test_deep_recursion_and_memory_are_reported_per_case(library, tmp_path) -> None:
    report = _java(library, tmp_path, """\
        import java.util.*;
        class Solution {
            public int[] twoSum(int[] nums, int target) {
                if (target == 9) return twoSum(nums, target);
                List<long[]> hog = new ArrayList<>();
                while (true) hog.add(new long[1 << 20]);
            }
        }
    """, memory_mb=256)
    first, second = report.cases
    assert first.status == "error" and first.error.startswith("java.lang.StackOverflowError")
    assert first.error.count("\n") < 20 and "more" in first.error  # not 1,000 frames
    assert second.status == "error" and "OutOfMemoryError: Java heap space" in second.error


@needs_java
def test_wrong_names_and_unsupported_types_are_named(library, tmp_path) -> None:
    missing = _java(library, tmp_path, "class Solution { int other() { return 1; } }\n")
    assert "defines no method named twoSum in class Solution" in (missing.error or "")
    no_class = _java(library, tmp_path, "class Answer { int[] twoSum(int[] a, int t) "
                                        "{ return a; } }\n")
    assert "defines no class named Solution" in (no_class.error or "")
    typed = _java(library, tmp_path, """
        import java.util.*;
        class Solution {
            public int[] twoSum(Set<Integer> nums, String target) { return new int[0]; }
        }
    """)
    assert [c.status for c in typed.cases] == ["error", "error"]
    why = "parameter nums: the parameter type Set<Integer> is not supported"
    assert why in typed.cases[0].error
    own = _java(library, tmp_path, """
        class ListNode { int val; }
        class Solution { public int[] twoSum(int[] a, int t) { return a; } }
    """)
    assert "defines a class ListNode, which netprep provides" in (own.error or "")


@needs_java
def test_values_convert_both_ways(library, tmp_path) -> None:
    cases = [
        {"args": [["a\u00e9\"\n", "\U0001f600"], {"k": [1.5, 2]}, [[1, None], []], True, 2**40],
         "expected": {"s": ["a\u00e9\"\n", "\U0001f600"], "m": {"k": [1.5, 2.0]},
                      "grid": [[1, None], []], "flag": True, "big": 2**40 + 1,
                      "set": [1, 2, 3], "chars": ["x", "y"]}},
    ]
    report = _java(library, tmp_path, """
        import java.util.*;
        class Solution {
            public Map<String, Object> echo(String[] s, Map<String, List<Double>> m,
                                            List<List<Integer>> grid, boolean flag, long big) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("s", s);
                out.put("m", m);
                out.put("grid", grid);
                out.put("flag", flag);
                out.put("big", big + 1);
                out.put("set", new HashSet<>(List.of(3, 1, 2)));
                out.put("chars", new char[] {'x', 'y'});
                return out;
            }
        }
    """, cases=cases, function="echo")
    assert report.all_passed, report.to_dict()
    bad = _java(library, tmp_path, """
        class Solution {
            public Object twoSum(int[] nums, int target) {
                return target == 9 ? Double.NaN : new Object();
            }
        }
    """)
    assert [c.status for c in bad.cases] == ["error", "error"]
    assert "not JSON-compatible" in bad.cases[0].error and "NaN" in bad.cases[0].error
    assert "java.lang.Object is not JSON-compatible" in bad.cases[1].error


@needs_java
def test_code_runs_in_the_scratch_directory_and_the_harness_is_built_once(
        library, tmp_path) -> None:
    code = """
        import java.nio.file.*;
        class Solution {
            public int[] twoSum(int[] nums, int target) throws Exception {
                Files.writeString(Path.of("scratch.txt"), "x");
                String here = Path.of("").toAbsolutePath().toString();
                return here.contains("netprep-run-") ? new int[] {0, 1} : new int[0];
            }
        }
    """
    assert _java(library, tmp_path, code).all_passed
    assert _java(library, tmp_path, code).all_passed
    assert not (tmp_path / "scratch.txt").exists() and not Path("scratch.txt").exists()
    from netprep.paths import data_dir

    built = list((data_dir() / "cache" / "harness").glob("java-*"))
    assert len(built) == 1 and (built[0] / "NetprepHarness.class").is_file()


# ---------------------------------------------------------------- the signature check


def test_supported_types_parse_and_others_are_refused() -> None:
    assert str(parse_type("List<List<Integer>>")) == "List<List<Integer>>"
    assert str(parse_type("Map<String, List<String>>")) == "Map<String, List<String>>"
    assert str(parse_type("int[][]")) == "int[][]"
    for text, why in [("List<int>", "use Integer"), ("Set<Integer>", "not supported"),
                      ("Map<Integer, String>", "must be String"),
                      ("List<Integer>[]", "use List<List<Integer>>")]:
        with pytest.raises(ValueError, match=why.replace("[", r"\[")):
            parse_type(text)
    cases = [{"args": [[1, 2], 3], "expected": [0, 1]}]
    assert signature_problems("public int[] twoSum(int[] nums, int target) {",
                              ["two_sum", "twoSum"], cases) == []
    assert signature_problems("public int[] twoSum(String[] nums, int target) {",
                              ["twoSum"], cases) == [
        "case 1: the argument for nums does not fit String[]"]
    assert signature_problems("public int f(int n) {", ["f"], [{"args": [2**31], "expected": 1}])
    assert not signature_problems("public int f(long n) {", ["f"],
                                  [{"args": [2**31], "expected": 1}])
    assert signature_problems("public void twoSum(int[] nums, int target) {", ["twoSum"],
                              cases) == ["the method must return its answer, not void"]


def test_content_validate_refuses_an_unsupported_java_signature(cli, home: Path) -> None:
    pack = home / "packs" / "good"
    shutil.copytree(DATA / "packs" / "good", pack)
    text = (REPO / "content" / "exercises" / "binary-search.yaml").read_text(encoding="utf-8")
    text = text.replace("id: binary-search", "id: set-search")
    start = text.index("  java: ")
    end = text.index("\n", start)
    wrong = '  java: "public int search(Set<Integer> nums, int target) {"'
    text = text[:start] + wrong + text[end:]
    (pack / "exercises").mkdir(exist_ok=True)
    (pack / "exercises" / "set-search.yaml").write_text(text, encoding="utf-8")
    result = cli("content", "validate")
    assert result.code == 1
    assert "set-search.yaml" in result.err and "signature.java" in result.err
    assert "the type 'Set' is not supported" in result.err
    assert "Traceback" not in result.err


def test_an_exercise_without_java_is_valid_and_offered_in_the_others(cli, home: Path) -> None:
    import yaml

    pack = home / "packs" / "good"
    shutil.copytree(DATA / "packs" / "good", pack)
    data = yaml.safe_load((REPO / "content" / "exercises" / "two-sum.yaml").read_text())
    data["id"] = "pair-sum"
    del data["signature"]["java"], data["solution"]["java"]
    (pack / "exercises").mkdir(exist_ok=True)
    (pack / "exercises" / "pair-sum.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert cli("content", "validate").code == 0
    import json

    assert json.loads(cli("code", "show", "pair-sum", "--json").out)["languages"] == [
        "python", "javascript"]
    refused = cli("code", "start", "pair-sum", "--lang", "java")
    assert refused.code == 2 and "has no Java version" in refused.err
    assert "Choose one of: python, javascript." in " ".join(refused.err.split())


@needs_java
def test_an_exception_whose_message_fails_is_still_reported(library, tmp_path) -> None:
    report = _java(library, tmp_path, """
        class Solution {
            static class Odd extends RuntimeException {
                @Override public String getMessage() { throw new IllegalStateException(); }
            }

            public int[] twoSum(int[] nums, int target) {
                if (target == 9) throw new Odd();
                return new int[] {0, 1};
            }
        }
    """)
    assert [c.status for c in report.cases] == ["error", "pass"]
    assert report.cases[0].error.startswith("Solution$Odd")
