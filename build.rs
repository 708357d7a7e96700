//! Link settings for the release programs.
//!
//! Relative relocations packed as DT_RELR (`-z pack-relative-relocs`): a position-independent
//! binary carries one relocation for every pointer in its read-only data, which the loader reads
//! at every start. Packed, that table shrinks from about 1.2 MB to a few kilobytes, and so does
//! the memory it keeps resident (README, "Performance"). The loader must understand DT_RELR:
//! glibc 2.36 or newer (Debian 12, Raspberry Pi OS bookworm, Ubuntu 24.04). The flag is used only
//! for release builds on Linux with glibc, when the machine that builds is the one that runs
//! (its `getconf GNU_LIBC_VERSION` is checked), and never when TWINBOT_NO_RELR is set.

use std::process::Command;

fn glibc_at_least(major: u32, minor: u32) -> bool {
    let Ok(out) = Command::new("getconf").arg("GNU_LIBC_VERSION").output() else { return false };
    let text = String::from_utf8_lossy(&out.stdout);
    let Some(version) = text.trim().strip_prefix("glibc ") else { return false };
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (a, b) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    (a, b) >= (major, minor)
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
}
