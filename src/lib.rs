//! twinbot: a Discord bot for town-twinning communities.
//!
//! The core ([`core`], [`commands`]) is pure and knows nothing of Discord; [`discord`] and
//! [`cli`] are thin transports over it.

pub mod anniversaries;
pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod core;
pub mod discord;
pub mod ledger;
pub mod runtime;
pub mod store;
