//! Anniversaries: which anniversary a year brings and which are milestones, how one is named,
//! when each post falls due (DST-correct, with the one parser of times and days), announcement
//! templates (the one template check), the anniversary settings in effect for a server,
//! calendars of the anniversaries (iCalendar), and Discord's scheduled events for them.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

pub mod calendar;
pub mod dates;
pub mod events;
pub mod lines;
pub mod schedule;
pub mod settings;
pub mod template;
