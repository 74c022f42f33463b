#!/usr/bin/env bash
# The frozen one-folder app for Linux machines without Python: dist/vpdischarge/.
#     bash packaging/freeze.sh
# Installs vpdischarge (from this checkout, as a wheel) and PyInstaller into build/freeze-env,
# then runs packaging/vpdischarge.spec. See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
env=build/freeze-env
python3 -m venv "$env"
"$env/bin/pip" install -q ".[freeze]"
# From a scratch folder, so the checkout's own vpdischarge/ (no _data) cannot be picked up.
mkdir -p build/pyinstaller
(cd build/pyinstaller && "../../$env/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath ../../dist --workpath work ../../packaging/vpdischarge.spec)
echo "frozen app: dist/vpdischarge/ ($(du -sh dist/vpdischarge | cut -f1))"
