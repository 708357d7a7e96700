//! The core: the partnership data and its loader, name folding, the name matcher, the catalog
//! that holds the data and its index side by side, the English of the data model (one function
//! per phrase), and the transport-neutral reply. Pure: no I/O beyond reading data files, no
//! Discord, no database.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

pub mod catalog;
pub mod data;
pub mod gazetteer;
pub mod i18n;
pub mod matcher;
pub mod phrases;
pub mod reply;
pub mod text;
