# The frozen app and its per-machine MSI on Windows: dist\vpdischarge\ and dist\vpdischarge-VERSION.msi.
#     powershell -ExecutionPolicy Bypass -File packaging\windows\freeze.ps1
# Needs Python 3.11 (the py launcher) and the WiX Toolset 3 (heat, candle, light on PATH).
# NOT YET RUN ON WINDOWS: it mirrors packaging/freeze.sh and packaging/windows/build_msi.sh, which
# were run on Linux (packaging/README.md says what was and was not tried).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

py -3.11 -m venv build\freeze-env
build\freeze-env\Scripts\python -m pip install ".[freeze]"
if ($LASTEXITCODE) { exit $LASTEXITCODE }

# From a scratch folder, so the checkout's own vpdischarge\ (no _data) cannot be picked up.
New-Item -ItemType Directory -Force build\pyinstaller | Out-Null
Push-Location build\pyinstaller
..\freeze-env\Scripts\pyinstaller --noconfirm --log-level WARN --distpath ..\..\dist --workpath work ..\..\packaging\vpdischarge.spec
$status = $LASTEXITCODE
Pop-Location
if ($status) { exit $status }

$version = (build\freeze-env\Scripts\python -c "import vpdischarge; print(vpdischarge.__version__)").Trim()
# The app's files as components (GUIDs made at build time), then the installer around them.
heat dir dist\vpdischarge -nologo -ag -srd -sreg -cg AppFiles -dr INSTALLDIR -var var.SourceDir -out build\files.wxs
candle -nologo -arch x64 "-dVersion=$version" -dSourceDir=dist\vpdischarge -dIconFile=resources\icons\vpdischarge.ico -out build\ packaging\windows\vpdischarge.wxs build\files.wxs
light -nologo -out "dist\vpdischarge-$version.msi" build\vpdischarge.wixobj build\files.wixobj
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Write-Output "installer: dist\vpdischarge-$version.msi"
