"""Is the installed vpdischarge the given wheel, file for file? (.ci/run, after the tests.)

    python packaging/check_installed.py dist/vpdischarge-0.1.0-py3-none-any.whl

.ci/run runs the README's test command in the unpacked sdist, where `pip install .` builds the
wheel from that sdist again; this compares every file of the package (the hashes in the
installed RECORD) with the wheel `python -m build` made, so the tests ran against that wheel.
Exit 0 if they match, 1 with the differing files named.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from importlib import metadata

PACKAGE = "vpdischarge/"  # the package's own files; the .dist-info folders differ by design


def wheel_hashes(path: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as wheel:
        record = next(n for n in wheel.namelist() if n.endswith(".dist-info/RECORD"))
        rows = csv.reader(io.StringIO(wheel.read(record).decode("utf-8")))
        return {name: digest for name, digest, *_ in rows if name.startswith(PACKAGE)}


def installed_hashes() -> dict[str, str]:
    files = metadata.distribution("vpdischarge").files or []
    # pip adds the compiled .pyc files (no hash) and the launchers in bin/ (outside the package).
    return {str(f): f"{f.hash.mode}={f.hash.value}" for f in files if f.hash and str(f).startswith(PACKAGE)}


def main(argv: list[str]) -> int:
    built, installed = wheel_hashes(argv[1]), installed_hashes()
    names = built.keys() | installed.keys()
    differ = sorted(name for name in names if built.get(name) != installed.get(name))
    if differ:
        print(f"the installed vpdischarge is not {argv[1]}:", *differ[:20], sep="\n  ")
        return 1
    print(f"the installed vpdischarge is {argv[1]}, all {len(built)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
