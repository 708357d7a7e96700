//! Test support shared by the end-to-end tests and the gateway benchmark.
pub mod bot_process;
pub mod fake_discord;
