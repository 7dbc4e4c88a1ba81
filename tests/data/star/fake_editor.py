"""A stand-in for $EDITOR: each run replaces the file with the next prepared text.

$FAKE_EDITS is a folder holding 1.yaml, 2.yaml, ... for the first, second, ... run.
Each run also saves what it was given as seen-N.yaml. A missing N.yaml leaves the
file as it is; a file `exit-N` makes run N exit with the status it holds.
"""

import os
import sys
from pathlib import Path

target = Path(sys.argv[-1])
folder = Path(os.environ["FAKE_EDITS"])
counter = folder / "count"
run = int(counter.read_text()) + 1 if counter.exists() else 1
counter.write_text(str(run))
(folder / f"seen-{run}.yaml").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
edit = folder / f"{run}.yaml"
if edit.exists():
    target.write_text(edit.read_text(encoding="utf-8"), encoding="utf-8")
status = folder / f"exit-{run}"
sys.exit(int(status.read_text()) if status.exists() else 0)
