//! A catalog: the partnership data and the name index over it, side by side. Commands answer
//! from a catalog; the data model itself knows nothing of matching.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::core::data::{DataError, Directory};
use crate::core::i18n::{Lang, LOCALES};
use crate::core::matcher::Matcher;

/// A directory and its name index, built together and replaced together on reload.
#[derive(Debug, Clone)]
pub struct Catalog {
    dir: Directory,
    matcher: Matcher,
    /// Per language, the footer that names the data and its date: the same on every reply.
    footers: [OnceLock<String>; LOCALES.len()],
}

impl Catalog {
    /// Indexes a directory.
    pub fn new(dir: Directory) -> Catalog {
        let matcher = Matcher::build(&dir.homes, &dir.partners);
        Catalog { dir, matcher, footers: Default::default() }
    }

    /// Loads and validates every data file, then indexes them; all files must be valid.
    pub fn load(paths: &[PathBuf]) -> Result<Catalog, DataError> {
        Ok(Catalog::new(Directory::load(paths)?))
    }

    pub fn directory(&self) -> &Directory {
        &self.dir
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The footer of replies in language `l`, made by `make` the first time it is asked for.
    pub fn footer(&self, l: Lang, make: impl FnOnce() -> String) -> &str {
        self.footers[l.index].get_or_init(make)
    }
}

/// A catalog reads as its directory: `catalog.partners`, `catalog.home_of(p)`.
impl std::ops::Deref for Catalog {
    type Target = Directory;
    fn deref(&self) -> &Directory {
        &self.dir
    }
}
