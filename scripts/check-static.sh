#!/usr/bin/env bash
# Checks the one-file build (scripts/build-static.sh): the binary, copied alone to an empty
# folder, needs no Swift runtime or Foundation shared library (ldd), and seeds a demo
# workspace and browses it headless with an empty environment (no LD_LIBRARY_PATH, PATH
# without Swift) and, where a mount namespace can be made, with the toolchain hidden.
# Usage: scripts/check-static.sh [--debug] [path/to/static/segments-tui]   (default: build it)
#   --debug   build it in debug (scripts/build-static.sh --debug): the same linking, ~5 min
#             instead of ~15 from scratch on two cores; what scripts/test runs with STATIC_CHECK=1.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "FAIL: $*"; exit 1; }
step() { echo "ok - $*"; }

build=()
if [[ "${1:-}" == --debug ]]; then build=(--debug); shift; fi
if [[ -n "${1:-}" ]]; then
  bin=$1
else
  bin=$(scripts/build-static.sh "${build[@]}" | tail -1) || fail "scripts/build-static.sh ${build[*]} failed"
fi
[[ -x "$bin" ]] || fail "no binary at $bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$bin" "$work/segments-tui"
bin="$work/segments-tui"

needed=$(ldd "$bin")
if grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|not found' <<<"$needed"; then
  fail "the binary still needs the libraries above"
fi
step "ldd: no Swift runtime or Foundation library ($(grep -c '=>' <<<"$needed") system libraries)"

# scripts/static-exports.map keeps the program's own ~50,000 symbols out of the dynamic table.
exported=$(readelf --dyn-syms -W "$bin" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND"' | wc -l)
[[ "$exported" -le 10 ]] || fail "the binary exports $exported symbols (scripts/static-exports.map not applied?)"
step "exports $exported symbols"

# Linked at a fixed address (scripts/build-static.sh): no table of relative relocations to
# read and apply at every start (a position-independent build has ~144,000 in a 3.3 MB table).
type=$(readelf -h "$bin" | awk '/Type:/ {print $2}')
[[ "$type" == EXEC ]] || fail "the binary is $type, not EXEC (linked as a position-independent executable?)"
relocations=$(readelf -r -W "$bin" | grep -c _RELATIVE || true)
[[ "$relocations" -le 100 ]] || fail "the binary carries $relocations relative relocations"
step "linked at a fixed address ($relocations relative relocations)"

# A clean environment: no LD_LIBRARY_PATH, no Swift on PATH.
clean() { env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 "$@"; }
if clean sh -c 'command -v swift' >/dev/null; then fail "swift is on /usr/bin:/bin; the check would prove nothing"; fi
[[ "$(clean "$bin" --version)" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version"
clean "$bin" seed --path "$work/ws" --samples-per-dataset 20 >/dev/null || fail "seed"
screen=$(clean "$bin" --path "$work/ws" --headless --size 100x30 --keys ':dataset jane/street-scenes<Enter>')
[[ "$screen" == *"1 of 20"* ]] || fail "the headless run did not list the samples: $screen"
step "seeds and browses headless with an empty environment and no Swift on PATH"

# The toolchain hidden under an empty folder (needs a user and mount namespace: unshare).
toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")
if unshare -rm true 2>/dev/null; then
  hidden=$(unshare -rm sh -c 'mount -t tmpfs none "$1" && shift && exec env -i PATH=/usr/bin:/bin HOME="$1" LANG=C.UTF-8 "$2" --path "$1/ws" --headless --keys ":dataset jane/street-scenes<Enter>"' \
    sh "$toolchain" "$work" "$bin") || fail "the binary did not run with $toolchain hidden"
  [[ "$hidden" == *"1 of 20"* ]] || fail "with $toolchain hidden: $hidden"
  step "runs with the Swift toolchain ($toolchain) hidden"
else
  echo "note: no mount namespace here (unshare -rm); the toolchain was not hidden"
fi
echo "the static binary runs without Swift ($(du -m "$bin" | cut -f1) MB)"
