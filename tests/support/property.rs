//! The one runner of the property tests in `tests/` (issue 28): a fixed budget in `cargo test`,
//! a long run by environment variable, a shrunk input on failure, and the corpus each target's
//! failures are kept in (`tests/corpus/<target>/`, replayed by an ordinary test).
//!
//! - `PROPTEST_CASES=N`: N inputs a round instead of the target's own few.
//! - `TWINBOT_PROPERTY_SECONDS=S`: rounds with fresh seeds until S seconds have passed; the
//!   count of inputs tried is printed (run with `--nocapture` to see it).

use std::fmt::Debug;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseResult, TestError, TestRunner};

/// Checks `property` on inputs drawn from `strategy`: `cases` of them (or `PROPTEST_CASES`), and
/// with `TWINBOT_PROPERTY_SECONDS` set, round after round until that time has passed. A failure
/// panics with the input proptest shrank it to, to be saved in `tests/corpus/<target>/`.
pub fn check<S>(target: &str, cases: u32, strategy: S, property: impl Fn(S::Value) -> TestCaseResult)
where
    S: Strategy,
    S::Value: Debug,
{
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    let budget = std::env::var("TWINBOT_PROPERTY_SECONDS").ok().and_then(|s| s.parse().ok()).map(Duration::from_secs);
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let started = Instant::now();
    let mut tried: u64 = 0;
    loop {
        // A new runner is a new random seed: each round draws inputs the last did not.
        let mut runner = TestRunner::new(config.clone());
        match runner.run(&strategy, &property) {
            Ok(()) => tried += u64::from(cases),
            Err(TestError::Fail(why, input)) => {
                panic!("{target}: {why}\nshrunk input (save it under tests/corpus/{target}/): {input:#?}")
            }
            Err(TestError::Abort(why)) => panic!("{target}: aborted: {why}"),
        }
        if budget.is_none_or(|b| started.elapsed() >= b) {
            break;
        }
    }
    if budget.is_some() {
        println!("{target}: {tried} inputs in {:.0} s, no failure", started.elapsed().as_secs_f64());
    }
}

/// The files of a target's corpus, sorted by name; there is at least one.
pub fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = super::root().join("tests/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} has inputs", dir.display());
    files
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect()
}
