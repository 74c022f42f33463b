"""Typesetting layer: handout markup in, PDF bytes out. ReportLab only; writes no files."""

from vpdischarge.typeset.shaping_fix import install as _install_shaping_fix
from vpdischarge.typeset.to_unicode_fix import install as _install_to_unicode_fix

_install_shaping_fix()
_install_to_unicode_fix()
