# Sourced by build.sh and bench-size.sh before a release wasm build.
#
# The shipped wasm is built with its own copy of std (cargo's build-std),
# compiled for size and with panics that trap at once: no panic messages, no
# source locations, no formatting code kept only for them. It is 19 KB (9 %)
# smaller after brotli than the same build on the prebuilt std
# (scripts/bench-size.sh). A panic already aborted silently in the browser
# (panic = "abort", no hook), so nothing a reader sees changes.
#
# These are unstable cargo and rustc options; RUSTC_BOOTSTRAP=1 allows them on
# the stable compiler rust-toolchain.toml pins (1.95.0), the one they were
# measured with. A compiler that refuses them (a new one may rename them) gets
# the plain stable build instead, with one line saying so: it works the same,
# only larger. Tests (native and wasm) never use them.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# RUSTFLAGS replaces .cargo/config.toml's rustflags, so its cfg is repeated.
# fmt-debug=none empties Debug impls: nothing shown to a reader uses them, and
# wasm-bindgen's JS glue then drops its value printer.
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none"

probe_dir=$(mktemp -d)
if ! rustc --crate-type lib --target wasm32-unknown-unknown $RUSTFLAGS --emit metadata \
    -o "$probe_dir/probe.rmeta" - </dev/null 2>/dev/null; then
  echo "[build] $(rustc --version) refuses the size options of scripts/wasm-release-env.sh: plain stable build (larger)" >&2
  unset RUSTC_BOOTSTRAP CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES
  export RUSTFLAGS="--cfg erase_components"
fi
rm -rf "$probe_dir"
