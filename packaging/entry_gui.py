"""The frozen app's `vpdischarge-gui` program: the window (a case file may be named after it)."""

from vpdischarge.gui.app import main

raise SystemExit(main())
