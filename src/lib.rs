//! twinbot: a Discord bot for town-twinning communities.
//!
//! Layers, each importing only those above it in this list (`tests/architecture.rs` checks):
//! - [`core`]: the data model and loader, name folding, the matcher, the transport-neutral reply;
//! - [`anniversaries`]: dates, milestones, the schedule, templates, the settings in effect;
//! - [`ledger`]: the record of posts, the `Store` interface, and the poster;
//! - [`commands`]: the registry and one pure function per command;
//! - [`config`], [`store`] (SQLite behind `Store`);
//! - [`app`]: the application, `handle(Invocation) -> Answer` and `apply(Effect)`;
//! - [`discord`]: the only module that knows Discord; [`runtime`]: wiring and signals;
//! - [`cli`]: the command line, over all of them.

pub mod anniversaries;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod core;
pub mod discord;
pub mod ledger;
pub mod pictures;
pub mod runtime;
pub mod store;
