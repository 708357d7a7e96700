//! The core: the partnership data and its loader, name folding, the name matcher and the
//! transport-neutral reply. Pure: no I/O beyond reading data files, no Discord, no database.
//!
//! May import: nothing of the crate outside `core`.

pub mod catalog;
pub mod data;
pub mod matcher;
pub mod phrases;
pub mod reply;
pub mod text;
