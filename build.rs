//! Link settings for the release programs.
//!
//! Relative relocations packed as DT_RELR (`-z pack-relative-relocs`): a position-independent
//! binary carries one relocation for every pointer in its read-only data, which the loader reads
//! at every start. Packed, that table shrinks from about 1.2 MB to a few kilobytes, and so does
//! the memory it keeps resident (docs/performance.md). The loader must understand DT_RELR:
//! glibc 2.36 or newer (Debian 12, Raspberry Pi OS bookworm, Ubuntu 24.04). The flag is used only
//! for release builds on Linux with glibc, when the machine that builds is the one that runs
//! (its `getconf GNU_LIBC_VERSION` is checked), and never when TWINBOT_NO_RELR is set.
//!
//! The functions the bot runs laid out together (`tools/layout/hot-functions.txt`, handed to the
//! linker as its symbol ordering file): the kernel maps a program's code in 64 KB windows around
//! each page it runs, so with the few megabytes of code that run spread through all twelve, nearly
//! all of it stayed resident. Only LLD reads such a file; Rust links with its own LLD on
//! x86_64 Linux since 1.90, so the file is handed over only for release builds of that target on
//! such a Rust, with no other linker configured, and never when TWINBOT_NO_LAYOUT is set. Names
//! the linker does not find (a newer Rust or dependency renames its functions) are passed over:
//! the order then matters less, nothing breaks. `tools/layout/profile.sh` makes the file anew.

use std::process::Command;

fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Ok(out) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else { return false };
    let text = String::from_utf8_lossy(&out.stdout);
    let Some(version) = text.trim().strip_prefix("glibc ") else { return false };
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (a, b) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (a, b) >= (major, minor)
}

/// Whether rustc links with its own LLD for this build: Rust 1.90 or newer on x86_64 Linux (glibc),
/// with no linker chosen in Cargo's configuration or the flags.
fn links_with_rust_lld() -> bool {
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    if env("TARGET") != "x86_64-unknown-linux-gnu" || std::env::var_os("RUSTC_LINKER").is_some() {
        return false;
    }
    if env("CARGO_ENCODED_RUSTFLAGS").contains("link") {
        return false; // -C linker, -C link-self-contained, -C linker-features, -C link-arg(s)
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(out) = Command::new(rustc).arg("--version").output() else { return false };
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let text = String::from_utf8_lossy(&out.stdout);
    let mut version =
        text.split_whitespace().nth(1).unwrap_or("").split(['.', '-']).map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (version.next().unwrap_or(0), version.next().unwrap_or(0));
    (major, minor) >= (1, 90)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=TWINBOT_NO_RELR");
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    let native = env("HOST") == env("TARGET");
    let linux_gnu = env("CARGO_CFG_TARGET_OS") == "linux" && env("CARGO_CFG_TARGET_ENV") == "gnu";
    let release = env("PROFILE") == "release";
    if release && native && linux_gnu && std::env::var_os("TWINBOT_NO_RELR").is_none() && glibc_at_least(2, 36) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=tools/layout/hot-functions.txt");
    println!("cargo:rerun-if-env-changed=TWINBOT_NO_LAYOUT");
    if release && native && std::env::var_os("TWINBOT_NO_LAYOUT").is_none() && links_with_rust_lld() {
        let order = std::path::Path::new(&env("CARGO_MANIFEST_DIR")).join("tools/layout/hot-functions.txt");
        // The linker's -Wl, splits its argument at commas.
        if order.is_file() && !order.to_string_lossy().contains(',') {
            println!("cargo:rustc-link-arg-bin=twinbot=-Wl,--symbol-ordering-file={}", order.display());
            println!("cargo:rustc-link-arg-bin=twinbot=-Wl,--no-warn-symbol-ordering");
        }
    }
}
