"""The window's entry point (`vpdischarge-gui`, `vpdischarge` with no arguments, `python
main.py`): the checks of vpdischarge.gui.preflight first, and only then Qt, so a machine that
cannot show the window gets one line saying why instead of a traceback or Qt's abort."""

from __future__ import annotations

import os
import sys

EXIT_CANNOT_START = 1


def main(argv: list[str] | None = None) -> int:
    from vpdischarge.gui.preflight import problem

    found = problem(os.environ)
    if found:
        print(f"error: {found}", file=sys.stderr)
        return EXIT_CANNOT_START
    from vpdischarge.gui.app import main as start_window

    return start_window(argv)
