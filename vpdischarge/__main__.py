"""`python -m vpdischarge` behaves like the `vpdischarge` command."""

from vpdischarge.cli import main

raise SystemExit(main())
