#!/usr/bin/env bash
# Makes tools/layout/hot-functions.txt anew, the order in which the linker lays out the release
# bot's functions (build.rs; docs/performance.md). Run it after updating Rust or the
# dependencies: `cargo bench --bench gateway` says how many of the listed functions the binary
# still has. The release bot runs under valgrind's callgrind through the gateway benchmark
# (1,000 /partner interactions) and the end-to-end tests (every command, interactions over HTTP,
# posts); the functions that ran are listed, the most instructions first. Needs valgrind and
# python3; takes about ten minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --bin twinbot
cp target/release/twinbot "$work/twinbot"
cat > "$work/run" <<SCRIPT
#!/bin/sh
exec valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/callgrind.%p $work/twinbot "\$@"
SCRIPT
chmod +x "$work/run"
GATEWAY_BENCH_N=1000 GATEWAY_BENCH_PEER=0 TWINBOT_BENCH_BIN="$work/run" cargo bench --bench gateway
# Under valgrind the bot answers slowly, so a few tests' time limits fail; their bots' profiles
# still count.
TWINBOT_BENCH_BIN="$work/run" cargo test --no-fail-fast --test e2e --test e2e_anniversaries --test http \
  -- --test-threads=2 || true
python3 tools/layout/order.py "$work/twinbot" tools/layout/hot-functions.txt "$work"/callgrind.*
