//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::NaiveDate;
use twinbot::data::Directory;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/data").join(rel)
}

/// The real Leeds data, as the bot ships it.
pub fn leeds() -> Directory {
    Directory::load(&[root().join("data/leeds.toml")]).expect("data/leeds.toml is valid")
}

/// The date the expected ages in these tests are computed for.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}
