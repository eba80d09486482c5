#!/usr/bin/env bash
# Builds the benchmarks jar of an earlier commit (default: the last one on the Jetty transport) into
# benchmarks/target/previous.jar, so compare.sh can run that CamelEchoServer beside today's in one run
# (SERVERS="... camel-previous"). Packages in a throw-away worktree; installs nothing.
# Usage: benchmarks/build-previous.sh [REV]   (default cba6947)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:-cba6947}
tree=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tree" > /dev/null 2>&1 || true' EXIT
git -C "$root" worktree add --detach "$tree" "$rev" > /dev/null
(cd "$tree" && mvn -B -q package -DskipTests -pl benchmarks -am)
mkdir -p "$root/benchmarks/target"
cp "$tree/benchmarks/target/benchmarks.jar" "$root/benchmarks/target/previous.jar"
echo "benchmarks/target/previous.jar: CamelEchoServer as of $(git -C "$root" log -1 --format='%h %s' "$rev" | cut -c1-80)"
