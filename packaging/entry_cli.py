"""The frozen app's `vpdischarge` program: the command line (with no arguments, the window)."""

from vpdischarge.cli import main

raise SystemExit(main())
