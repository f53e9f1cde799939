#!/usr/bin/env bash
# Installs the real VS Code workbench used by the e2e tests: code-server 4.100.3 (VS Code 1.100.3, the newest release
# that runs on Node 20) from npm, plus Debian's Chromium. Works offline from GitHub (only the npm registry and apt).
# Idempotent: does nothing when the pinned version is already installed and complete.
# Usage: test/e2e/install-code-server.sh [DEST]   (DEST defaults to $IRYO_E2E_HOME or ~/.cache/iryo-guard-e2e/code-server)
# IRYO_E2E_APT=0 leaves the Debian packages alone (listing the missing ones) instead of apt-get/sudo apt-get.
set -euo pipefail
VERSION=4.100.3
DEST=${1:-${IRYO_E2E_HOME:-$HOME/.cache/iryo-guard-e2e/code-server}}
PKG="$DEST/node_modules/code-server"

installed() {
  [ -x "$DEST/node_modules/.bin/code-server" ] &&
    "$DEST/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$VERSION " &&
    # postinstall.sh ran: VS Code's own dependencies, the asar link and the native modules exist.
    [ -L "$PKG/lib/vscode/node_modules.asar" ] &&
    [ -f "$PKG/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] &&
    [ -d "$PKG/lib/vscode/extensions/node_modules" ]
}

if installed && [ -x /usr/bin/chromium ] && dpkg -s fonts-ipafont-gothic >/dev/null 2>&1; then
  echo "code-server $VERSION already installed at $DEST"
  exit 0
fi

# Debian packages: a compiler toolchain for the native modules (node-pty, kerberos, argon2), ripgrep (seeded below),
# the browser that shows the workbench, and a Japanese font so screenshots of Japanese text are legible.
APT_PACKAGES=(build-essential pkg-config python3 libkrb5-dev ripgrep chromium fonts-ipafont-gothic)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ] && [ "${IRYO_E2E_APT:-1}" = 0 ]; then
  # Set by `npm test` when not root: no sudo prompt in the middle of a test run.
  echo "not installing Debian packages (IRYO_E2E_APT=0): ${missing[*]}"
elif [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# @vscode/ripgrep 1.15.11 (a dependency of VS Code) downloads rg from GitHub in its postinstall unless this cache
# holds the archive; Debian's rg 13 stands in for it.
CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
ARCHIVE="$CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$ARCHIVE" ]; then
  mkdir -p "$CACHE"; tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
  tar czf "$ARCHIVE" -C "$tmp" rg; rm -rf "$tmp"
fi

# Its own folder and pinned manifest, never the extension's devDependencies. allowScripts records the reviewed install
# scripts (code-server's postinstall installs VS Code's dependencies; argon2 builds its native module), so the install
# keeps working when npm makes install scripts opt-in.
mkdir -p "$DEST"
cat > "$DEST/package.json" <<JSON
{
  "name": "iryo-guard-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
cd "$DEST"
# unsafe_perm: postinstall.sh refuses to run as root without it. yes: node-pty's install runs `npx node-gyp`, which a
# user-level `yes=false` would cancel without a TTY.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
npm install --no-audit --no-fund --foreground-scripts=false

# If the npm in use skipped code-server's postinstall (install scripts disabled), run it by hand the way npm would.
if ! installed && [ -f "$PKG/postinstall.sh" ]; then
  echo "running code-server's postinstall.sh"
  (cd "$PKG" && npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh)
  (cd "$DEST/node_modules/argon2" 2>/dev/null && [ ! -f lib/binding/napi-v3/argon2.node ] && npm run install) || true
fi

installed || { echo "code-server $VERSION did not install completely at $DEST" >&2; exit 1; }
"$DEST/node_modules/.bin/code-server" --version
