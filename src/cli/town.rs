//! Starting a group for a new town from the world gazetteer: `twinbot init` writes the home's
//! data file, `twinbot add` appends a partner to it (keeping its comments and layout). Both
//! resolve names with the matcher that serves `/partner`, and both write only what passes
//! `twinbot check`.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table};

use crate::core::data::{parse_file, DataError};
use crate::core::gazetteer::{aliases_for, Found, Gazetteer, Place};
use crate::core::text::{fold, fold_spaced};

/// The most other names `init` and `add` write for a city.
pub const MAX_ALIASES: usize = 20;

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

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
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
    let aliases: Vec<String> = aliases_for(&place, MAX_ALIASES, &[]).iter().map(|a| quoted(a)).collect();
    let population = place.population.map(|p| format!("population = {p}\n")).unwrap_or_default();
    let coords =
        place.coords.map(|(lat, lon)| format!("lat = {}\nlon = {}\n", degrees(lat), degrees(lon))).unwrap_or_default();
    let text = format!(
        "# {name} and its partner cities.\n\
         #\n\
         # One file per home city, for twinbot. Started with `twinbot init` from the world gazetteer\n\
         # (GeoNames, CC BY 4.0); add partners with `twinbot add`, and give every date a source.\n\
         # The format is described in docs/data.md (\"Data format\").\n\
         \n\
         updated = {today}\n\
         \n\
         [home]\n\
         name = {qname}\n\
         country = {qcountry}\n\
         country_code = {qcode}\n\
         {population}\
         {coords}\
         # about = \"What your group is, in a sentence or two.\"\n\
         # Other names people type for {name}, from the gazetteer: check them, and add the parts of\n\
         # your town that made links of their own.\n\
         aliases = [{aliases}]\n",
        name = place.name,
        qname = quoted(&place.name),
        qcountry = quoted(&place.country),
        qcode = quoted(&place.country_code),
        aliases = aliases.join(", "),
    );
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

/// A partner to add, as given on the command line.
#[derive(Debug, Clone)]
pub struct NewPartner {
    pub city: String,
    pub country: Option<String>,
    pub kind: String,
    pub year: i32,
    pub date: Option<NaiveDate>,
    pub month: Option<u32>,
    pub summary: String,
    pub sources: Vec<String>,
}

/// `twinbot add`: appends a partner to a data file, keeping the file's comments and layout.
/// Returns the partner's name and a note to show.
pub fn add(g: &Gazetteer, file: &Path, new: &NewPartner) -> Result<(String, Option<String>), TownError> {
    if !["twinning", "partnership", "friendship"].contains(&new.kind.as_str()) {
        return Err(TownError::Usage(format!(
            "--kind {:?} is not a kind of link: write twinning, partnership or friendship",
            new.kind
        )));
    }
    let text = std::fs::read_to_string(file).map_err(|source| TownError::Read { path: file.to_path_buf(), source })?;
    let (home, partners) = parse_file(file, &text, 0).map_err(TownError::Invalid)?;
    let (place, note) = resolve(g, &new.city, new.country.as_deref())?;
    // Refused: the home itself, or a partner the file already has: the city's name is one of
    // the entry's names, or the entry's name is one of the city's.
    let key = fold(&place.name);
    let place_names: Vec<String> = std::iter::once(&place.name).chain(&place.aliases).map(|n| fold(n)).collect();
    let same = |name: &String, aliases: &[String]| {
        place_names.contains(&fold(name)) || std::iter::once(name).chain(aliases).any(|n| fold(n) == key)
    };
    if same(&home.name, &home.aliases) {
        return Err(TownError::Home { file: file.to_path_buf(), name: place.name });
    }
    if let Some(p) = partners.iter().find(|p| same(&p.name, &p.aliases)) {
        let also = if p.name == place.name { String::new() } else { format!(" (as {})", p.name) };
        return Err(TownError::Duplicate { file: file.to_path_buf(), name: place.name, also });
    }
    let taken: Vec<String> = std::iter::once(&home.name)
        .chain(&home.aliases)
        .chain(partners.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)))
        .cloned()
        .collect();
    let mut doc: DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| TownError::Usage(format!("{}: {e}", file.display())))?;
    let table = partner_table(&place, new, aliases_for(&place, MAX_ALIASES, &taken));
    match doc.get_mut("partner") {
        Some(Item::ArrayOfTables(list)) => list.push(table),
        _ => {
            let mut list = ArrayOfTables::new();
            list.push(table);
            doc.insert("partner", Item::ArrayOfTables(list));
        }
    }
    let written = doc.to_string();
    // What is written must pass `twinbot check`: a date that contradicts the year, say, is
    // refused here and the file is left as it was.
    parse_file(file, &written, 0).map_err(TownError::Invalid)?;
    std::fs::write(file, written).map_err(|source| TownError::Write { path: file.to_path_buf(), source })?;
    Ok((place.name, note))
}

fn partner_table(place: &Place, new: &NewPartner, aliases: Vec<String>) -> Table {
    let mut t = Table::new();
    t.insert("name", value(place.name.as_str()));
    t.insert("country", value(place.country.as_str()));
    t.insert("country_code", value(place.country_code.as_str()));
    if !aliases.is_empty() {
        let mut list = Array::new();
        aliases.iter().for_each(|a| list.push(a.as_str()));
        t.insert("aliases", value(list));
    }
    t.insert("kind", value(new.kind.as_str()));
    t.insert("year", value(i64::from(new.year)));
    if let Some(d) = new.date {
        let date = toml_edit::Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 };
        t.insert("date", value(toml_edit::Datetime { date: Some(date), time: None, offset: None }));
    } else if let Some(m) = new.month {
        t.insert("month", value(i64::from(m)));
    }
    t.insert("summary", value(new.summary.as_str()));
    if !new.sources.is_empty() {
        let mut list = Array::new();
        new.sources.iter().for_each(|s| list.push(s.as_str()));
        t.insert("sources", value(list));
    }
    if let Some(p) = place.population {
        t.insert("population", value(p as i64));
    }
    if let Some((lat, lon)) = place.coords {
        t.insert("lat", value(degrees(lat)));
        t.insert("lon", value(degrees(lon)));
    }
    t
}

/// Degrees to three decimals (about 100 m: where a city is, for a map), as a number.
fn degrees(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
