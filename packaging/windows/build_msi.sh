#!/usr/bin/env bash
# The MSI built on Linux with wixl (Debian: apt-get install wixl), from a frozen one-folder app:
#     bash packaging/windows/build_msi.sh dist/vpdischarge [dist/vpdischarge-VERSION.msi]
# Given the Windows bundle (dist\vpdischarge made by freeze.ps1, copied here) this is the real
# installer; given the Linux bundle it checks that vpdischarge.wxs builds and holds what it should
# (the policy key, the SITEPATH property), which is how it was tried here (packaging/README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bundle="${1:?the frozen app folder, e.g. dist/vpdischarge}"
bundle="$(cd "$bundle" && pwd)"
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$here/../../vpdischarge/__init__.py")"
out="${2:-$(dirname "$bundle")/vpdischarge-$version.msi}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# wixl takes relative paths only: it runs in the scratch folder, the app linked there as app/.
ln -s "$bundle" "$work/app"
cp "$here/../../resources/icons/vpdischarge.ico" "$work/vpdischarge.ico"
cp "$here/vpdischarge.wxs" "$work/vpdischarge.wxs"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
cd "$work"
# The app's files as components (wixl-heat is msitools' heat).
find app/ -type f | sort | wixl-heat --prefix app/ --directory-ref INSTALLDIR \
    --component-group AppFiles --var var.SourceDir --win64 > files.wxs
# wixl before 0.106 (Debian 12 has 0.101) cannot read the policy component's condition: such a
# build leaves it out, so it writes the policy key even without SITEPATH. It is only for checking
# the rest, and named so.
if [ "$(printf '%s\n' 0.106 "$(wixl --version)" | sort -V | head -1)" != 0.106 ]; then
    grep -v '<Condition>SITEPATH</Condition>' "$here/vpdischarge.wxs" > vpdischarge.wxs
    out="${out%.msi}-check-only.msi"
    echo "wixl $(wixl --version) is older than 0.106: $out is for checking, not for machines" >&2
fi
wixl --arch x64 -D Win64=yes -D Version="$version" -D SourceDir=app -D IconFile=vpdischarge.ico \
    -o "$out" vpdischarge.wxs files.wxs 2> >(grep -v -e "GLib-GObject-WARNING" -e "^$" >&2)
echo "installer: $out ($(du -h "$out" | cut -f1))"
