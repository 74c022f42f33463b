"""Open the vpdischarge window: `python main.py`."""

from vpdischarge.gui.start import main

if __name__ == "__main__":
    raise SystemExit(main())
