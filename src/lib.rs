//! twinbot: a Discord bot for town-twinning communities.
//!
//! The modules are layers, from the data model (`core`) up to the command line (`cli`); each
//! imports only layers below it. `tests/architecture.rs` (`MAY_IMPORT`) is where the layers and
//! their arrows are written, and checked; docs/contributors.md describes them.

pub mod anniversaries;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod core;
pub mod discord;
pub mod feed;
pub mod ledger;
pub mod pictures;
pub mod runtime;
pub mod state;
pub mod store;
