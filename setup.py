"""Build hook: put the top-level resources/ and translations/ inside the installed package.

The product brief keeps resources/ and translations/ at the top of the repository; an installed
copy must still find them from any folder, so the build copies them to vpdischarge/_data and
compiles every .po catalog to .mo there (compiled catalogs are build products, never committed).
An editable install skips this and reads the source folders directly (vpdischarge/assets.py).
"""

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        data = Path(self.build_lib) / "vpdischarge" / "_data"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(ROOT / "resources", data / "resources")
        shutil.copytree(ROOT / "translations", data / "translations", ignore=shutil.ignore_patterns("*.mo"))
        for po in (data / "translations").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as fp:
                catalog = read_po(fp)
            with po.with_suffix(".mo").open("wb") as fp:
                write_mo(fp, catalog)


setup(cmdclass={"build_py": BuildWithData})
