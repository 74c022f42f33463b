"""Make the screenshots in docs/: the window filled with a fictional case, drawn offscreen.

    python scripts/screenshot.py            # docs/screenshot.png, screenshot-es.png, screenshot-large.png

Each picture is taken in its own process, because the interface language and the 200 % scale
(QT_SCALE_FACTOR=2) are fixed when Qt starts. Nothing is written outside docs/ and a temporary
settings folder; the patient is made up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# name: (interface language, handout language, scale factor, logical window size)
SHOTS = {
    "screenshot.png": ("en", "en", 1, (1440, 920)),
    "screenshot-es.png": ("es", "es", 1, (1440, 920)),
    # 200 % on a 1920 x 1080 screen leaves 960 x 540 logical pixels, less the task bar.
    "screenshot-large.png": ("en", "en", 2, (960, 520)),
}


def _fill(window, handout_language: str) -> None:
    from vpdischarge.domain.case import Case, Clinician, FollowUp, Medication, Patient, Procedure

    done = date.today() - timedelta(days=1)
    case = Case(
        patient=Patient("Rosa Example-Patient", date(1948, 3, 2), "TEST-0001"),
        procedure=Procedure("kyphoplasty", done, ["T12", "L1"], "sedation"),
        clinician=Clinician(
            "Dr. Alex Example", "Walk a little every day.\nUse the back brace when out of bed."
        ),
        # The nurse types the medicine list in the handout's language; it prints as typed.
        medications=[
            Medication("Acetaminophen", "500 mg", "every 6 hours if needed", "pain"),
            Medication("Senna", "8.6 mg", "at bedtime", "constipation"),
        ]
        if handout_language == "en"
        else [
            Medication("Acetaminofén", "500 mg", "cada 6 horas si hace falta", "dolor"),
            Medication("Sena", "8,6 mg", "al acostarse", "estreñimiento"),
        ],
        blood_thinner_restart=done + timedelta(days=2),
        follow_up=FollowUp(
            datetime.combine(done + timedelta(days=14), datetime.min.time()).replace(hour=10, minute=30),
            "Spine Clinic",
            "+1 555 0100",
        ),
        restrictions={"lift_weeks": 8},
        language=handout_language,
        interpreter="ID 4471" if handout_language != "en" else "",
    )
    window.form.set_case(case)


def _take(name: str) -> None:
    ui_language, handout_language, _scale, (width, height) = SHOTS[name]
    from PySide6.QtCore import QEventLoop, QTimer

    from vpdischarge.gui.app import build_window, create_application
    from vpdischarge.gui.settings import Preferences, use_settings_folder

    use_settings_folder(Path(os.environ["VPDISCHARGE_SHOT_SETTINGS"]))
    app = create_application([sys.argv[0]])
    window = build_window(Preferences(ui_language=ui_language, handout_language=handout_language))
    window.resize(width, height)
    window.show()

    def settle(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    settle(0.3)
    _fill(window, handout_language)
    deadline = time.monotonic() + 30
    while not window.preview.is_current and time.monotonic() < deadline:
        settle(0.1)
    if window.banner.isVisible():
        window.banner.confirm.setChecked(True)
    settle(1.5)  # QPdfView draws its pages on its own threads
    window.grab().save(str(DOCS / name))
    window.files.is_modified = lambda: False
    window.close()
    app.processEvents()


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--take":
        _take(sys.argv[2])
        return 0
    with tempfile.TemporaryDirectory(prefix="vpdischarge-shots-") as folder:
        screen = Path(folder) / "screen.json"
        screen.write_text(
            json.dumps(
                {
                    "screens": [
                        {
                            "name": "shot",
                            "x": 0,
                            "y": 0,
                            "width": 3200,
                            "height": 2200,
                            "logicalDpi": 96,
                            "logicalBaseDpi": 96,
                            "dpr": 1,
                        }
                    ]
                }
            ),
            encoding="utf-8",
        )
        for name, (_ui, _lang, scale, _size) in SHOTS.items():
            env = dict(
                os.environ,
                QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
                QT_SCALE_FACTOR=str(scale),
                VPDISCHARGE_SHOT_SETTINGS=str(Path(folder) / "settings"),
            )
            subprocess.run([sys.executable, __file__, "--take", name], env=env, check=True, timeout=120)
            print(f"wrote docs/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
