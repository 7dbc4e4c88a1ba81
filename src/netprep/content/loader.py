"""Find packs, read their files strictly, and build a `Library`.

Every problem found is collected (file:line: field: message) so that one run
of `netprep content validate` lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from netprep import paths as netprep_paths
from netprep.content import specs
from netprep.content.briefs import BRIEF
from netprep.content.build import ADD
from netprep.content.models import KINDS, Library, Pack
from netprep.content.schema import INVALID, Check, Ctx, valid
from netprep.content.yamlio import CHECK_PORTABLE, YamlProblem, parse, read_text

YAML_SUFFIXES = (".yaml", ".yml")
SINGLE_FILES = {
    "pack": specs.PACK,
    "competencies": specs.COMPETENCIES,
    "tips": specs.TIPS,
    "languages": specs.LANGUAGES,
    "probes": specs.PROBES,
    "interviewer_questions": specs.INTERVIEWER_QUESTIONS,
    "tracks": specs.TRACKS,
    "topics": specs.TOPICS,
    "rubrics": specs.RUBRICS,
}
FOLDERS = {
    "themes": specs.THEME,
    "questions": specs.QUESTIONS,
    "templates": specs.TEMPLATES,
    "exercises": specs.EXERCISE,
    "takehome": BRIEF,
    "design": specs.DESIGN,
}


# Builders that accept a record with broken fields (and still check its references);
# the others only ever see whole records.
PARTIAL_OK = frozenset(
    {"competencies", "tracks", "topics", "themes", "questions", "templates", "tips",
     "exercises", "languages", "rubrics"}
)


def default_pack_dirs() -> list[tuple[Path, str]]:
    return netprep_paths.pack_dirs()


def collect(pack_dirs: Iterable[tuple[Path, str]] | None = None) -> tuple[Library, list[str]]:
    """Load packs in order, returning the library and every problem found."""
    library = Library()
    problems: list[str] = []
    for path, source in pack_dirs if pack_dirs is not None else default_pack_dirs():
        problems.extend(_load_pack(library, path, source))
    return library, problems


def validate_paths(paths: list[Path]) -> tuple[Library, list[str]]:
    """`content validate PATH...`: each a pack folder, or a file inside (or outside) a pack.

    Every file must also load under PyYAML's pure-Python parser (see CHECK_PORTABLE)."""
    token = CHECK_PORTABLE.set(True)
    try:
        return _validate_paths(paths)
    finally:
        CHECK_PORTABLE.reset(token)


def _validate_paths(paths: list[Path]) -> tuple[Library, list[str]]:
    builtin = netprep_paths.builtin_content_dir().resolve()
    base, problems = collect([(netprep_paths.builtin_content_dir(), "builtin")])
    library = base
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: no such file or folder; give a pack folder or a YAML file")
            continue
        root = path if path.is_dir() else _pack_root(path)
        if root is not None and root.resolve() == builtin:
            continue  # already checked above
        if root is not None:
            problems.extend(_load_pack(library, root, "user"))
        else:
            problems.extend(_load_loose_file(library, path))
    return library, problems


def _pack_root(path: Path) -> Path | None:
    for parent in [path.parent, path.parent.parent]:
        if (parent / "pack.yaml").is_file():
            return parent
    return None


def _kind_of(root: Path, file: Path) -> str | None:
    relative = file.relative_to(root)
    if len(relative.parts) == 1:
        stem = relative.stem
        return stem if stem in SINGLE_FILES else None
    if len(relative.parts) == 2 and relative.parts[0] in FOLDERS:
        return relative.parts[0]
    return None


def _display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def _read(file: Path, check: Check) -> tuple[dict[str, Any] | None, Ctx]:
    ctx = Ctx(_display(file))
    try:
        node = parse(read_text(file), plain_text=True)
    except YamlProblem as exc:
        ctx.error(exc.line, "", exc.message)
        return None, ctx
    if node is None:
        ctx.error(1, "", "the file is empty; see docs/content-format.md for what it should hold")
        return None, ctx
    value = check(ctx, node, "")
    # A record with broken fields still comes back, so its references get checked too.
    return (None if value is INVALID else value), ctx


def _pack_of(data: dict[str, Any] | None, root: Path, source: str) -> Pack:
    """The pack's identity; the folder's name stands in for a broken or missing id."""
    data = data or {}

    def field(name: str, fallback: str) -> str:
        value = data.get(name)
        return value if isinstance(value, str) and valid(value) else fallback

    memo = data.get("memo")
    if not (isinstance(memo, dict) and valid(memo)):
        memo = None
    sections = tuple((s["id"], s["title"]) for s in memo["sections"]) if memo else ()
    return Pack(
        field("id", root.name.lower() or "pack"),
        field("name", root.name),
        field("description", ""),
        field("version", ""),
        root,
        source,
        {k: v for k, v in memo.items() if not k.startswith("_") and k != "sections"}
        if memo else None,
        sections,
    )


def _load_loose_file(library: Library, file: Path) -> list[str]:
    kind = file.stem if file.stem in SINGLE_FILES else file.parent.name
    check = SINGLE_FILES.get(kind) or FOLDERS.get(kind)
    if check is None:
        return [
            f"{_display(file)}: cannot tell what this file holds; put it in a pack folder "
            "(themes/, questions/, templates/, exercises/, takehome/, design/) or name it "
            "pack.yaml, competencies.yaml, tracks.yaml, topics.yaml, tips.yaml, "
            "languages.yaml, probes.yaml, rubrics.yaml or interviewer_questions.yaml"
        ]
    data, ctx = _read(file, check)
    if data is not None and (kind in PARTIAL_OK or valid(data)):
        pack = Pack("(file)", file.name, "", "", file.parent, "user")
        ADD[kind](library, pack, data, ctx)
    return ctx.errors


def _load_pack(library: Library, root: Path, source: str) -> list[str]:
    problems: list[str] = []
    if not root.is_dir():
        return [f"{root}: the pack folder does not exist (check NETPREP_CONTENT)"]
    pack_file = root / "pack.yaml"
    data: dict[str, Any] | None = None
    if not pack_file.is_file():
        problems.append(
            f"{_display(pack_file)}: missing; every pack needs a pack.yaml with id, name, "
            "description and version"
        )
    else:
        data, ctx = _read(pack_file, specs.PACK)
        problems.extend(ctx.errors)
    pack = _pack_of(data, root, source)
    clash = next((p for p in library.packs if p.id == pack.id), None)
    if clash is not None:
        problems.append(
            f"{_display(pack_file)}:1: id: the pack id '{pack.id}' is already used by "
            f"{clash.path}; give this pack another id"
        )
        # Go on checking the files, into a scratch library so nothing is mixed up.
        library = Library(competencies=dict(library.competencies),
                          tracks=dict(library.tracks), topics=dict(library.topics),
                          themes=list(library.themes))
    elif not problems:
        library.packs.append(pack)
    else:
        # A broken pack.yaml: its files are still checked (every error in one
        # pass) against the packs loaded so far, but nothing of it is kept.
        library = Library(competencies=dict(library.competencies),
                          tracks=dict(library.tracks), topics=dict(library.topics),
                          themes=list(library.themes))
        library.packs.append(pack)
    problems.extend(
        f"{_display(link)}: a link to a folder ({link.resolve()}); netprep does not follow "
        "links inside a pack, so nothing in it is loaded: copy the folder in instead"
        for link in sorted(root.rglob("*")) if link.is_symlink() and link.is_dir()
    )
    files = sorted(
        f for f in root.rglob("*") if f.suffix in YAML_SUFFIXES and f.is_file() and f != pack_file
    )
    # Competencies, tracks, topics and themes first: the other files refer to them.
    order = {"competencies": 0, "tracks": 0, "topics": 0, "themes": 1}
    files.sort(key=lambda f: (order.get(_kind_of(root, f) or "", 2), str(f)))
    for file in files:
        kind = _kind_of(root, file)
        if kind is None or kind == "pack":
            problems.append(
                f"{_display(file)}: not a known content file; see docs/content-format.md "
                "for where each kind of file goes"
            )
            continue
        data, ctx = _read(file, SINGLE_FILES.get(kind) or FOLDERS[kind])
        if data is not None and (kind in PARTIAL_OK or valid(data)):
            ADD[kind](library, pack, data, ctx)
        problems.extend(ctx.errors)
    return problems


def counts(library: Library, pack_id: str) -> dict[str, Any]:
    """What one pack holds, as `content list --json` reports it."""
    themes = [t for t in library.themes if t.pack == pack_id]
    questions = [q for q in library.questions if q.pack == pack_id]
    by_round = {
        r: sum(1 for q in questions if q.round == r)
        for r in ("behavioral", "culture", "role", "technical")
    }
    by_kind = {k: sum(1 for q in questions if q.kind == k) for k in KINDS}
    return {
        "themes": len(themes),
        "quiz_items": sum(len(t.quiz) for t in themes),
        "reflection_prompts": sum(len(t.reflections) for t in themes),
        "behavioral_questions": by_round["behavioral"],
        "culture_questions": by_round["culture"],
        "role_questions": by_round["role"],
        "technical_questions": by_round["technical"],
        "competencies": sum(1 for c in library.competencies.values() if c.pack == pack_id),
        "star_templates": sum(1 for t in library.templates.values() if t.pack == pack_id),
        "tips": sum(len(s.items) for s in library.tips if s.pack == pack_id),
        "exercises": sum(1 for e in library.exercises if e.pack == pack_id),
        "takehome_briefs": sum(1 for b in library.briefs if b.pack == pack_id),
        "probes": sum(1 for p in library.probes if p.pack == pack_id),
        "questions_to_ask": sum(1 for q in library.asking if q.pack == pack_id),
        "motivation_questions": by_kind["motivation"],
        "system_design_questions": by_kind["system-design"],
        "screen_questions": sum(1 for q in questions if q.screen),
        "rubrics": sum(1 for r in library.rubrics.values() if r.pack == pack_id),
        "design_rounds": sum(1 for d in library.designs if d.pack == pack_id),
        "estimates": sum(len(d.estimates) for d in library.designs if d.pack == pack_id),
        "tracks": sum(1 for t in library.tracks.values() if t.pack == pack_id),
        "topics": sum(1 for t in library.topics.values() if t.pack == pack_id),
        "track_questions": {
            track: sum(1 for q in questions if track in q.tracks)
            for track in sorted(library.tracks)
            if any(track in q.tracks for q in questions)
        },
        "kinds": by_kind,
    }
