//! The ledger of posts and the poster that makes each scheduled post exactly once.
//!
//! May import: `core`, `anniversaries`.

pub mod poster;
