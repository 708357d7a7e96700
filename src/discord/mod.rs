//! The Discord transport, and the only module that knows Discord: its limits, permission bits,
//! error codes, nonces, markdown and mention syntax. It reads interactions into invocations,
//! renders the application's replies as embeds, and posts and registers through Discord's REST
//! API.
//!
//! Its layer, and what it may import: `tests/architecture.rs`. Only this module imports serenity.

pub mod gateway;
pub mod http;
pub mod interaction;
pub mod limits;
pub mod markdown;
pub mod permissions;
pub mod register;
pub mod rest;
pub mod retry;

pub use interaction::respond;
pub use register::{commands_json, create_commands};
