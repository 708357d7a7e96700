//! Starting a group for a new town from the world gazetteer: `twinbot init` writes the home's
//! data file, `twinbot add` appends a partner to it (keeping its comments and layout). Both
//! resolve names with the matcher that serves `/partner`, and both write only what passes
//! `twinbot check`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::core::data::{parse_file, DataError};
use crate::core::gazetteer::{Found, Gazetteer, Place};
use crate::core::text::fold_spaced;
use crate::state::town as document;

pub use document::MAX_ALIASES;

/// Why a town could not be started or a partner added.
#[derive(Debug, thiserror::Error)]
pub enum TownError {
    #[error("no city called {query:?} in the gazetteer{}{}", in_country(.country), suggest(.close))]
    NotFound { query: String, country: Option<String>, close: Vec<Place> },
    #[error("{} already exists: twinbot init never overwrites a file\n  help: choose another with --out, or add partners to it with twinbot add", .0.display())]
    Exists(PathBuf),
    #[error("{file} already has {name}{also}\n  help: each partner is listed once; edit the existing entry instead", file = .file.display())]
    Duplicate { file: PathBuf, name: String, also: String },
    #[error("{} is the home city of {}: a city is not its own partner", .name, .file.display())]
    Home { file: PathBuf, name: String },
    #[error("{0}\n  help: fix the file first (twinbot check names every problem)")]
    Invalid(DataError),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
}

impl TownError {
    /// The exit code: 1 when the city is not in the gazetteer, 2 for everything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            TownError::NotFound { .. } => super::EXIT_NOT_FOUND,
            _ => super::EXIT_USAGE,
        }
    }
}

fn in_country(country: &Option<String>) -> String {
    country.as_ref().map(|c| format!(" in country {}", c.to_uppercase())).unwrap_or_default()
}

fn suggest(close: &[Place]) -> String {
    if close.is_empty() {
        return "\n  help: check the spelling, or write the file by hand (docs/data.md, \"Data format\")".to_string();
    }
    let names: Vec<String> = close.iter().map(|p| format!("{} ({})", p.name, p.country_code)).collect();
    format!("\n  help: did you mean {}?", names.join(", or "))
}

/// The city a name means, with a note when others share its name.
fn resolve(g: &Gazetteer, query: &str, country: Option<&str>) -> Result<(Place, Option<String>), TownError> {
    match g.find(query, country) {
        Found::City { place, others } => {
            let note = (!others.is_empty()).then(|| {
                let list: Vec<String> =
                    others.iter().take(5).map(|o| format!("{} ({}{})", o.name, o.country_code, people(o))).collect();
                format!(
                    "note: took {} ({}{}), the most populous of the cities called {query:?}; others: {}. \
                     Pick one with --country CODE, such as --country {}.",
                    place.name,
                    place.country_code,
                    people(&place),
                    list.join(", "),
                    others[0].country_code
                )
            });
            Ok((place, note))
        }
        Found::Nothing { close } => {
            Err(TownError::NotFound { query: query.to_string(), country: country.map(str::to_string), close })
        }
    }
}

/// ", 107242 people", or nothing when the population is not known.
fn people(p: &Place) -> String {
    p.population.filter(|&n| n > 0).map(|n| format!(", {n} people")).unwrap_or_default()
}

/// `data/<city>.toml`: the name folded to lower-case letters, digits and hyphens.
pub fn default_path(name: &str) -> PathBuf {
    PathBuf::from("data").join(format!("{}.toml", fold_spaced(name).replace(' ', "-")))
}

/// `twinbot init`: writes a data file for a new home city. Returns where, and a note to show.
pub fn init(
    g: &Gazetteer,
    city: &str,
    country: Option<&str>,
    out: Option<PathBuf>,
    today: NaiveDate,
) -> Result<(PathBuf, Option<String>), TownError> {
    let (place, note) = resolve(g, city, country)?;
    let path = out.unwrap_or_else(|| default_path(&place.name));
    if path.exists() {
        return Err(TownError::Exists(path));
    }
    let header = format!(
        "{} and its partner cities.\n\n\
         One file per home city, for twinbot. Started with `twinbot init` from the world gazetteer\n\
         (GeoNames, CC BY 4.0); add partners with `twinbot add`, and give every date a source.\n\
         The format is described in docs/data.md (\"Data format\").",
        place.name
    );
    let text = document::home_document(&place, today, &header, None);
    // What is written must pass `twinbot check`.
    parse_file(&path, &text, 0).map_err(TownError::Invalid)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| TownError::Write { path: path.clone(), source })?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AlreadyExists => TownError::Exists(path.clone()),
            _ => TownError::Write { path: path.clone(), source },
        })?;
    Ok((path, note))
}

/// A partner to add, as given on the command line: the city to find, and the partnership.
#[derive(Debug, Clone)]
pub struct NewPartner {
    pub city: String,
    pub country: Option<String>,
    pub partnership: document::NewPartner,
}

/// `twinbot add`: appends a partner to a data file, keeping the file's comments and layout.
/// Returns the partner's name and a note to show.
pub fn add(g: &Gazetteer, file: &Path, new: &NewPartner) -> Result<(String, Option<String>), TownError> {
    if !document::KINDS.contains(&new.partnership.facts.kind.as_str()) {
        return Err(TownError::Usage(format!(
            "--kind {:?} is not a kind of link: write twinning, partnership or friendship",
            new.partnership.facts.kind
        )));
    }
    let text = std::fs::read_to_string(file).map_err(|source| TownError::Read { path: file.to_path_buf(), source })?;
    parse_file(file, &text, 0).map_err(TownError::Invalid)?;
    let (place, note) = resolve(g, &new.city, new.country.as_deref())?;
    let written = match document::add_partner(&text, &place, &new.partnership) {
        Ok((written, _)) => written,
        Err(document::TownError::IsHome { name }) => return Err(TownError::Home { file: file.to_path_buf(), name }),
        Err(document::TownError::Duplicate { name, as_name }) => {
            let also = if as_name == name { String::new() } else { format!(" (as {as_name})") };
            return Err(TownError::Duplicate { file: file.to_path_buf(), name, also });
        }
        Err(other) => return Err(TownError::Usage(format!("{}: {other}", file.display()))),
    };
    // What is written must pass `twinbot check`: a date that contradicts the year, say, is
    // refused here and the file is left as it was.
    parse_file(file, &written, 0).map_err(TownError::Invalid)?;
    std::fs::write(file, written).map_err(|source| TownError::Write { path: file.to_path_buf(), source })?;
    Ok((place.name, note))
}
