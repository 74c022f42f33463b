"""Where vpdischarge keeps its own files on this computer, in the place each platform expects
(platformdirs), never a path built by hand:

- state, which holds the crash reports (`crash-reports/`): Linux `$XDG_STATE_HOME/vpdischarge`
  (`~/.local/state/vpdischarge`), Windows `%LOCALAPPDATA%\\vpdischarge`, macOS
  `~/Library/Application Support/vpdischarge`;
- settings, the window's preferences (`vpdischarge.ini`): Linux `$XDG_CONFIG_HOME/vpdischarge`
  (`~/.config/vpdischarge`), Windows `%APPDATA%\\vpdischarge`, macOS
  `~/Library/Application Support/vpdischarge`;
- data, which holds the handout log (`handout-log.sqlite3`, see `data_dir`), and the entries
  waiting for the site's shared log (`handout-log-queue.sqlite3`).

The XDG variables keep working on Linux (the tests isolate themselves with them). Case files and
handouts are wherever the nurse saves them; the data folder holds only the handout log. Crash
reports and the log are not configuration: they stay on this computer (Windows' local, not
roaming, AppData), while the window's preferences follow a roaming profile from ward to ward, as
Qt kept them before.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "vpdischarge"


def state_dir() -> Path:
    return platformdirs.user_state_path(APP, appauthor=False)


def crash_reports_dir() -> Path:
    return state_dir() / "crash-reports"


def settings_dir() -> Path:
    return platformdirs.user_config_path(APP, appauthor=False, roaming=True)


def data_dir() -> Path:
    """The user's data folder, which holds the handout log (`handout-log.sqlite3`): Linux
    `$XDG_DATA_HOME/vpdischarge` (`~/.local/share/vpdischarge`), Windows
    `%LOCALAPPDATA%\\vpdischarge` (local: the log belongs to this workstation), macOS
    `~/Library/Application Support/vpdischarge`."""
    return platformdirs.user_data_path(APP, appauthor=False, roaming=False)
