//! twinbot: a Discord bot for town-twinning communities.
//!
//! The core ([`data`], [`matcher`], [`commands`], [`reply`]) is pure and knows nothing of
//! Discord; [`discord`] and [`cli`] are thin transports over it.

pub mod anniversary;
pub mod cli;
pub mod commands;
pub mod config;
pub mod data;
pub mod discord;
pub mod matcher;
pub mod poster;
pub mod reply;
pub mod schedule;
pub mod service;
pub mod settings;
pub mod store;
pub mod template;
