"""The code put in front of a brief's acceptance checks before they run.

A brief's checks define one function per requirement (`req_<id>(ws, tmp)` in
Python, `REQS["<id>"] = (ws, tmp) => ...` in JavaScript). The prelude adds
`check(ws, requirement)`, the function the coding runner calls once per
requirement, `load(ws, name)`, which imports the candidate's file, and
`expect(condition, message)`, which fails the requirement with ``message``: what
the brief asks for, in its own terms, and what the code did instead.
`TITLES` (requirement id -> title) is filled in after the prelude.

`check` returns True, or one sentence that names what is not met (never the
check's own code): the `expect` message, else the requirement's title; when the
candidate's code raised, the exception and its line follow the title, and a
syntax error or a missing file is named as such.
"""

PYTHON = '''\
# --- netprep take-home prelude ---
import importlib.util as _ilu
import os as _os
import shutil as _shutil
import sys as _sys
import tempfile as _tempfile
import traceback as _traceback


TITLES = {}


class Unmet(Exception):
    """A requirement is not met; the message is safe to show."""


def expect(condition, message):
    """Fail the requirement with ``message`` unless ``condition`` holds."""
    if not condition:
        raise Unmet("not met: " + message)
    return True


def load(ws, name):
    """Import the candidate's ``name`` (e.g. ``app.py``) from the workspace, fresh."""
    path = _os.path.join(ws, name)
    if not _os.path.isfile(path):
        raise Unmet(f"{name} is missing")
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    try:
        compile(source, path, "exec")
    except SyntaxError as exc:
        raise Unmet(f"{name} line {exc.lineno}: SyntaxError: {exc.msg}") from None
    if ws not in _sys.path:
        _sys.path.insert(0, ws)
    module_name = "candidate_" + name[:-3].replace("/", "_")
    spec = _ilu.spec_from_file_location(module_name, path)
    module = _ilu.module_from_spec(spec)
    _sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _their_error(exc, ws, title):
    frames = [f for f in _traceback.extract_tb(exc.__traceback__)
              if f.filename.startswith(ws + _os.sep)]
    where = ""
    if frames:
        where = f" ({_os.path.relpath(frames[-1].filename, ws)} line {frames[-1].lineno})"
    detail = str(exc).splitlines()[0][:120] if str(exc) else ""
    raised = f"{type(exc).__name__}{': ' + detail if detail else ''}"
    if not frames:  # raised by the check reading what the code produced, not by the code
        if type(exc).__name__ == "JSONDecodeError":
            return f"not met: {title}: the output is not valid JSON ({detail})"
        return f"not met: {title} (what your code produced could not be read: {raised})"
    return f"not met: {title}: your code raised {raised}{where}"


def check(ws, requirement):
    function = globals().get("req_" + requirement.replace("-", "_"))
    if function is None:
        return f"no check is defined for {requirement}"
    title = TITLES.get(requirement, requirement)
    title = title[:1].lower() + title[1:] if title[1:2].islower() else title
    here = _os.getcwd()
    tmp = _tempfile.mkdtemp(prefix="netprep-takehome-")
    try:
        _os.chdir(tmp)
        function(ws, tmp)
        return True
    except Unmet as exc:
        return str(exc) or f"not met: {title}"
    except AssertionError as exc:
        return f"not met: {exc}" if str(exc) else f"not met: {title}"
    except NotImplementedError:
        return "not implemented yet"
    except BaseException as exc:  # the candidate's code failed: say how, never where in ours
        return _their_error(exc, ws, title)
    finally:
        _os.chdir(here)
        _shutil.rmtree(tmp, ignore_errors=True)
# --- end of prelude ---

'''

JAVASCRIPT = '''\
// --- netprep take-home prelude ---
const fs = require("fs");
const os = require("os");
const path = require("path");
const vm = require("vm");
const REQS = {};
const TITLES = {};

class Unmet extends Error {}

function expect(condition, message) {
  if (!condition) throw new Unmet(`not met: ${message}`);
  return true;
}

function load(ws, name) {
  const file = path.join(ws, name);
  if (!fs.existsSync(file)) throw new Unmet(`${name} is missing`);
  const source = fs.readFileSync(file, "utf8");
  try {
    new vm.Script(source, { filename: file });
  } catch (error) {
    const match = String(error.stack || "").match(/:(\\d+)\\n/);
    const line = match ? ` line ${match[1]}` : "";
    throw new Unmet(`${name}${line}: SyntaxError: ${error.message}`);
  }
  for (const key of Object.keys(require.cache)) {
    if (key.startsWith(ws + path.sep)) delete require.cache[key];
  }
  return require(file);
}

function theirError(error, ws, title) {
  const text = String((error && error.stack) || error);
  const frame = text.split("\\n").find((line) => line.includes(ws + path.sep));
  let where = "";
  if (frame) {
    const match = frame.match(/([^\\s(]+):(\\d+):\\d+\\)?$/);
    if (match) where = ` (${path.relative(ws, match[1])} line ${match[2]})`;
  }
  const name = (error && error.name) || "Error";
  const first = error && error.message ? String(error.message).split("\\n")[0] : "";
  const message = first ? `: ${first.slice(0, 120)}` : "";
  if (!frame) {  // raised by the check reading what the code produced, not by the code
    if (name === "SyntaxError" && /JSON/.test(first)) {
      return `not met: ${title}: the output is not valid JSON (${first.slice(0, 120)})`;
    }
    return `not met: ${title} (what your code produced could not be read: ${name}${message})`;
  }
  return `not met: ${title}: your code raised ${name}${message}${where}`;
}

function check(ws, requirement) {
  const run = REQS[requirement];
  if (typeof run !== "function") return `no check is defined for ${requirement}`;
  let title = TITLES[requirement] || requirement;
  if (/^.[a-z]/.test(title)) title = title[0].toLowerCase() + title.slice(1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "netprep-takehome-"));
  try {
    run(ws, tmp);
    return true;
  } catch (error) {
    if (error instanceof Unmet) return error.message || `not met: ${title}`;
    if (error && error.code === "ERR_ASSERTION") {
      return error.generatedMessage === false ? `not met: ${error.message}` : `not met: ${title}`;
    }
    if (error && /not implemented/i.test(String(error.message))) return "not implemented yet";
    return theirError(error, ws, title);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
// --- end of prelude ---

'''
