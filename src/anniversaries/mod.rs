//! Anniversaries: which anniversary a year brings and which are milestones, when each post falls
//! due (DST-correct), announcement templates, and the anniversary settings in effect for a server.
//!
//! May import: `core`.

pub mod dates;
pub mod lines;
pub mod schedule;
pub mod settings;
pub mod template;
