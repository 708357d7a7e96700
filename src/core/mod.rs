//! The core: the partnership data and its loader, name folding, the name matcher, the catalog
//! that holds the data and its index side by side, the English of the data model (one function
//! per phrase), and the transport-neutral reply. Pure: no I/O beyond reading data files, no
//! Discord, no database.
//!
//! May import: nothing of the crate outside `core`. Inside it: `text`, `i18n` and `reply` import
//! nothing; `data` imports `text`; `phrases` imports `data`; `matcher` imports `data` and
//! `text`; `catalog` imports `data` and `matcher`; `gazetteer` imports `data`, `matcher`,
//! `catalog` and `text`.

pub mod catalog;
pub mod data;
pub mod gazetteer;
pub mod i18n;
pub mod matcher;
pub mod phrases;
pub mod reply;
pub mod text;
