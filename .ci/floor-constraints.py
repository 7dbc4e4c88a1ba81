#!/usr/bin/env python3
"""Print pip constraints pinning every direct dependency to the floor of its range.

Reads pyproject.toml (the base dependencies and the `test` extra) and prints one
`name==floor` line per dependency, the floor being the version of its `>=` or `==`
clause (`~=X` counts as `>=X`). A dependency with no such clause is an error naming
it: a range without a floor cannot be tested at its floor.

Usage (Python 3.11+, for tomllib): python3 .ci/floor-constraints.py [pyproject.toml] > floor.txt
       python .ci/floor-constraints.py --installed < floor.txt   (in the floor venv: prints
       each dependency's floor and installed release; exit 1 if one is not at its floor)
"""

import re
import sys
from pathlib import Path

import tomllib

# name, optional [extras], then the specifiers up to an environment marker.
REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*([^;]*)")
FLOOR = re.compile(r"^(>=|==|~=)\s*([0-9][A-Za-z0-9.+!-]*)$")


def floor(requirement: str) -> tuple[str, str]:
    match = REQUIREMENT.match(requirement)
    if not match:
        raise ValueError(f"cannot read the requirement {requirement!r}")
    name, _, specifiers = match.groups()
    floors = [
        found.group(2)
        for clause in specifiers.split(",")
        if (found := FLOOR.match(clause.strip()))
    ]
    if len(floors) != 1:
        raise ValueError(
            f"{name}: its range {specifiers.strip() or '(none)'!r} has no single lower"
            " bound (>=, == or ~=), so CI cannot test it at its floor"
        )
    return name, floors[0]


def _release(version: str) -> list[str]:
    parts = version.split(".")
    while len(parts) > 1 and parts[-1] == "0":
        parts.pop()
    return parts


def installed(lines: list[str]) -> int:
    from importlib.metadata import PackageNotFoundError, version

    wrong = 0
    for line in filter(None, (line.strip() for line in lines)):
        name, floor = line.split("==")
        try:
            found = version(name)
        except PackageNotFoundError:
            found = "(not installed)"
        wrong += _release(found) != _release(floor)
        print(f"  {name:<16} {floor:<10} {found}")
    if wrong:
        print(f"{wrong} direct dependencies are not at their floor", file=sys.stderr)
    return 1 if wrong else 0


def main(argv: list[str]) -> int:
    if argv[1:] == ["--installed"]:
        return installed(sys.stdin.readlines())
    path = Path(argv[1] if len(argv) > 1 else "pyproject.toml")
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    requirements = project.get("dependencies", [])
    requirements += project.get("optional-dependencies", {}).get("test", [])
    errors = []
    for requirement in requirements:
        try:
            name, version = floor(requirement)
        except ValueError as error:
            errors.append(str(error))
            continue
        print(f"{name}=={version}")
    for error in errors:
        print(f"{path}: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
