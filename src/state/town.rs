//! A server's own town: one document in exactly the data files' format (TOML, read by the same
//! loader, `core::data::parse_file`, with every check `twinbot check` makes), kept in the
//! database as versions. Each change writes a new version with who made it, when, and what it
//! did ([`TownChange`]); an undo writes an older version's document again, as a new version.
//!
//! The edits are made with toml_edit, as `twinbot add` makes them in a file, so a document keeps
//! its layout and comments. Every edit is checked by the loader before it is kept, and against the
//! caps below, so that a stored document always loads and always fits Discord.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table};

use crate::core::data::{parse_file, DataError, Home, Partner, MAX_ID};
use crate::core::gazetteer::{aliases_for, Place};
use crate::core::text::{fold, fold_spaced};

/// The most partners a town may have.
pub const MAX_PARTNERS: usize = 200;
/// The most timeline entries a partner may have.
pub const MAX_MILESTONES: usize = 50;
/// The longest summary, in characters: it is shown as an embed's description, beside its fields
/// (Discord allows 4,096 there, and 6,000 in all).
pub const MAX_SUMMARY: usize = 1_500;
/// The longest `roots` and `notes`, in characters: each is shown as an embed field (at most
/// 1,024 characters).
pub const MAX_FIELD_TEXT: usize = 1_000;
/// The longest timeline entry, in characters (shown as a line of a field, and on the picture).
pub const MAX_MILESTONE_TEXT: usize = 300;
/// The most sources a partner may list, and the longest a source may be (the shipped Dortmund
/// file cites up to 15 for one partnership, and a town imported from a data file keeps them).
pub const MAX_SOURCES: usize = 25;
pub const MAX_SOURCE: usize = 500;
/// The largest document kept, in bytes.
pub const MAX_DOCUMENT: usize = 256 * 1024;
/// How many days a deleted town's history is kept before it is erased.
pub const HISTORY_DAYS: i64 = 30;
/// The most other names written for a city made from the gazetteer.
pub const MAX_ALIASES: usize = 20;
/// The home's id in every server's town.
pub const HOME_ID: &str = "town";

/// What one version of a town did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "did", rename_all = "snake_case")]
pub enum TownChange {
    /// Made the town, from the gazetteer.
    Created { home: String },
    /// Added a partner.
    Added { partner: String },
    /// Changed a partner's fields.
    Edited { partner: String, fields: Vec<String> },
    /// Added or changed a partner's texts in another language.
    Translated { partner: String, locale: String },
    /// Removed a partner.
    Removed { partner: String },
    /// Wrote the document of an earlier version again.
    Undid { version: i64, undone: Box<TownChange> },
    /// Deleted the town (the document is gone; its history is kept for [`HISTORY_DAYS`]).
    Deleted,
    /// Wrote a file's document (`/town import`): its name, and how many partners it added,
    /// removed and changed.
    Imported { file: String, added: usize, removed: usize, changed: usize },
    /// A change written by a newer twinbot.
    #[serde(other)]
    Other,
}

/// One version of a server's town.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TownRecord {
    pub guild_id: u64,
    pub version: i64,
    /// The document (None: this version deleted the town).
    pub document: Option<String>,
    pub made_at: DateTime<Utc>,
    pub made_by: Option<u64>,
    pub change: TownChange,
}

/// What the poster needs of each partner, kept beside each version so that it can ask which
/// anniversaries fall due without reading any document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TownDate {
    pub partner_id: String,
    /// Its name (a link listed under two homes is counted once, by name).
    pub name: String,
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub suspended: bool,
}

/// A new version of a town, made from the version `expected` (0: there is none yet).
#[derive(Debug, Clone)]
pub struct TownWrite<'a> {
    pub guild_id: u64,
    pub expected: i64,
    pub document: Option<&'a str>,
    pub dates: &'a [TownDate],
    pub change: &'a TownChange,
    pub by: Option<u64>,
    pub at: DateTime<Utc>,
}

/// What a write of a town did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TownWritten {
    Saved(TownRecord),
    /// Another version was written first: this is the town now (None: it has none).
    Conflict(Option<TownRecord>),
}

/// Why an edit of a town was not made. Its `Display` is the operator's words; moderators read
/// it in their language (`commands::town`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TownError {
    /// The server has no town yet.
    #[error("this server has no town")]
    NoTown,
    /// It has one already.
    #[error("this server's town is {home} already")]
    Exists { home: String },
    /// The city is the town itself.
    #[error("{name} is the home city: a city is not its own partner")]
    IsHome { name: String },
    /// The town already has that partner (under `as_name`).
    #[error("{name} is a partner already (as {as_name})")]
    Duplicate { name: String, as_name: String },
    /// No partner has that id.
    #[error("no partner has the id {id:?}")]
    NoPartner { id: String },
    /// A cap was reached: which, and its limit.
    #[error("at most {limit} {what:?} are allowed")]
    TooMany { what: Cap, limit: usize },
    /// A text is longer than its cap.
    #[error("the {field} may be at most {limit} characters long")]
    TooLong { field: &'static str, limit: usize },
    /// The result fails the data files' checks: the problems, as `twinbot check` words them.
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
}

/// Why a change to a town was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TownNotSaved {
    /// The change itself is refused.
    Refused(TownError),
    /// Someone else changed the town since the member saw it, and this change cannot be made
    /// over theirs: who, when, and what they did.
    Conflict { by: Option<u64>, at: DateTime<Utc>, change: TownChange },
    /// There is nothing earlier to undo.
    NothingToUndo,
    /// The database failed (logged; the member is told it was not saved).
    Store(String),
}

/// Something a town has at most so many of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    Partners,
    Milestones,
    Sources,
    /// Bytes of the document.
    Size,
}

/// How many characters a calendar feed's token has: 128 random bits in lowercase base32.
pub const FEED_TOKEN_LEN: usize = 26;

/// A calendar feed's token from 16 random bytes: lowercase base32 (RFC 4648), no padding, so
/// that it reads the same in any URL and any case-folding calendar app.
pub fn feed_token(random: [u8; 16]) -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let (mut out, mut bits, mut acc) = (String::with_capacity(FEED_TOKEN_LEN), 0u32, 0u32);
    for b in random {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[((acc << (5 - bits)) & 31) as usize]));
    }
    out
}

/// Whether a text has a feed token's shape (anything else is not looked up).
pub fn is_feed_token(s: &str) -> bool {
    s.len() == FEED_TOKEN_LEN && s.bytes().all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
}

/// Loads a town's document with the data files' loader: every check `twinbot check` makes.
pub fn load(text: &str) -> Result<(Home, Vec<Partner>), DataError> {
    parse_file(std::path::Path::new("town.toml"), text, 0)
}

/// The problems of a document that does not load, one line each as `twinbot check` words them
/// (line and column of the document, what is wrong, how to fix it).
pub fn problems(e: &DataError) -> Vec<String> {
    match e {
        DataError::Invalid { problems, .. } => problems
            .iter()
            .map(|p| match &p.help {
                // Read in Discord: the help's pointer to the project's documentation is left out.
                Some(help) => {
                    let help = help.split("; docs/").next().unwrap_or(help);
                    format!("{}:{}: {} ({help})", p.line, p.column, p.message)
                }
                None => format!("{}:{}: {}", p.line, p.column, p.message),
            })
            .collect(),
        other => vec![other.to_string()],
    }
}

/// A document loaded, or refused with the problems `twinbot check` names.
fn loaded(text: &str) -> Result<(Home, Vec<Partner>), TownError> {
    load(text).map_err(|e| TownError::Invalid(problems(&e)))
}

/// The dates the poster needs, from a loaded town.
pub fn dates(partners: &[Partner]) -> Vec<TownDate> {
    partners
        .iter()
        .map(|p| TownDate {
            partner_id: p.id.clone(),
            name: p.name.clone(),
            year: p.since.year,
            month: p.since.month,
            day: p.since.day,
            suspended: p.suspended.is_some(),
        })
        .collect()
}

/// Checks a loaded town against the caps; the document's size is checked by [`checked`].
pub fn within_caps(partners: &[Partner]) -> Result<(), TownError> {
    if partners.len() > MAX_PARTNERS {
        return Err(TownError::TooMany { what: Cap::Partners, limit: MAX_PARTNERS });
    }
    for p in partners {
        if p.milestones.len() > MAX_MILESTONES {
            return Err(TownError::TooMany { what: Cap::Milestones, limit: MAX_MILESTONES });
        }
        if p.sources.len() > MAX_SOURCES {
            return Err(TownError::TooMany { what: Cap::Sources, limit: MAX_SOURCES });
        }
        let long = |s: &str, limit: usize| s.chars().count() > limit;
        let texts = std::iter::once(("summary", Some(p.summary.as_str()), MAX_SUMMARY))
            .chain([("roots", p.roots.as_deref(), MAX_FIELD_TEXT), ("notes", p.notes.as_deref(), MAX_FIELD_TEXT)])
            .chain(p.translations.iter().flat_map(|t| {
                [
                    ("summary", t.summary.as_deref(), MAX_SUMMARY),
                    ("roots", t.roots.as_deref(), MAX_FIELD_TEXT),
                    ("notes", t.notes.as_deref(), MAX_FIELD_TEXT),
                ]
            }))
            .chain(p.milestones.iter().map(|m| ("milestone", Some(m.text.as_str()), MAX_MILESTONE_TEXT)))
            .chain(p.sources.iter().map(|s| ("source", Some(s.as_str()), MAX_SOURCE)));
        for (field, text, limit) in texts {
            if text.is_some_and(|t| long(t, limit)) {
                return Err(TownError::TooLong { field, limit });
            }
        }
    }
    Ok(())
}

/// A document that loads and keeps within the caps: its partners, for the dates.
pub fn checked(text: &str) -> Result<Vec<Partner>, TownError> {
    if text.len() > MAX_DOCUMENT {
        return Err(TownError::TooMany { what: Cap::Size, limit: MAX_DOCUMENT });
    }
    let (_, partners) = loaded(text)?;
    within_caps(&partners)?;
    Ok(partners)
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_string()
}

/// Degrees to three decimals (about 100 m: where a city is, for a map), as a number.
pub fn degrees(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A new home's document, made from a gazetteer city: its name, country and code, population,
/// coordinates and the names people type. `header` is the comment it starts with; `id` the home's
/// stable id, if it is to have one.
pub fn home_document(place: &Place, today: NaiveDate, header: &str, id: Option<&str>) -> String {
    let aliases: Vec<String> = aliases_for(place, MAX_ALIASES, &[]).iter().map(|a| quoted(a)).collect();
    let population = place.population.map(|p| format!("population = {p}\n")).unwrap_or_default();
    let coords =
        place.coords.map(|(lat, lon)| format!("lat = {}\nlon = {}\n", degrees(lat), degrees(lon))).unwrap_or_default();
    let id = id.map(|i| format!("id = {}\n", quoted(i))).unwrap_or_default();
    let header: String =
        header.lines().map(|l| if l.is_empty() { "#\n".to_string() } else { format!("# {l}\n") }).collect();
    format!(
        "{header}\n\
         updated = {today}\n\
         \n\
         [home]\n\
         {id}\
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
    )
}

/// The header of a town made in Discord.
pub const TOWN_HEADER: &str = "Made with /town create from the world gazetteer (GeoNames, CC BY 4.0).\n\
                               The format is the same as a twinbot data file's.";

/// A partner to add, besides its city: its facts and texts, and a first timeline entry (dated
/// as the link is).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPartner {
    pub facts: Facts,
    pub texts: Texts,
    pub milestone: Option<String>,
    /// Its name in other languages: (Discord locale, name).
    pub names: Vec<(String, String)>,
}

/// The kinds of link a partner may have, as the data files write them.
pub const KINDS: [&str; 3] = ["twinning", "partnership", "friendship"];

/// An id for a new partner: its name, folded, made unique among `taken`.
pub(super) fn new_id(name: &str, taken: &[String]) -> String {
    let base: String = fold_spaced(name).replace(' ', "-").chars().take(MAX_ID - 4).collect();
    let base = if base.is_empty() { "partner".to_string() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Adds a partner made from a gazetteer city to a document, keeping its layout. Returns the new
/// document and the partner's id. The result is not yet checked: see [`checked`].
pub fn add_partner(text: &str, place: &Place, new: &NewPartner) -> Result<(String, String), TownError> {
    let (home, partners) = loaded(text)?;
    if partners.len() >= MAX_PARTNERS {
        return Err(TownError::TooMany { what: Cap::Partners, limit: MAX_PARTNERS });
    }
    // Refused: the home itself, or a partner the document already has: the city's name is one of
    // the entry's names, or the entry's name is one of the city's.
    let key = fold(&place.name);
    let place_names: Vec<String> = std::iter::once(&place.name).chain(&place.aliases).map(|n| fold(n)).collect();
    let same = |name: &String, aliases: &[String]| {
        place_names.contains(&fold(name)) || std::iter::once(name).chain(aliases).any(|n| fold(n) == key)
    };
    if same(&home.name, &home.aliases) {
        return Err(TownError::IsHome { name: place.name.clone() });
    }
    if let Some(p) = partners.iter().find(|p| same(&p.name, &p.aliases)) {
        return Err(TownError::Duplicate { name: place.name.clone(), as_name: p.name.clone() });
    }
    let taken: Vec<String> = std::iter::once(&home.name)
        .chain(&home.aliases)
        .chain(partners.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)))
        .cloned()
        .collect();
    let ids: Vec<String> = partners.iter().map(|p| p.id.clone()).collect();
    let id = new_id(&place.name, &ids);
    let mut doc = parse_doc(text)?;
    let table = partner_table(place, new, &id, aliases_for(place, MAX_ALIASES, &taken));
    match doc.get_mut("partner") {
        Some(Item::ArrayOfTables(list)) => list.push(table),
        _ => {
            let mut list = ArrayOfTables::new();
            list.push(table);
            doc.insert("partner", Item::ArrayOfTables(list));
        }
    }
    Ok((doc.to_string(), id))
}

/// A date as it is typed (a `/town` form, a spreadsheet's cell): YYYY-MM-DD, in the years a data
/// file takes. chrono alone reads "+70000-01-01", whose year [`toml_date`] cannot write.
pub fn typed_date(d: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    let date = NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()?;
    (crate::core::data::MIN_YEAR..=crate::core::data::MAX_YEAR).contains(&date.year()).then_some(date)
}

/// A date for a data file; its year is one [`typed_date`] takes.
pub(super) fn toml_date(d: NaiveDate) -> toml_edit::Datetime {
    let date = toml_edit::Date { year: d.year() as u16, month: d.month() as u8, day: d.day() as u8 };
    toml_edit::Datetime { date: Some(date), time: None, offset: None }
}

fn strings(list: &[String]) -> Array {
    let mut a = Array::new();
    list.iter().for_each(|s| a.push(s.as_str()));
    a
}

fn partner_table(place: &Place, new: &NewPartner, id: &str, aliases: Vec<String>) -> Table {
    let mut t = Table::new();
    t.insert("id", value(id));
    t.insert("name", value(place.name.as_str()));
    t.insert("country", value(place.country.as_str()));
    t.insert("country_code", value(place.country_code.as_str()));
    if !aliases.is_empty() {
        t.insert("aliases", value(strings(&aliases)));
    }
    for (locale, name) in &new.names {
        set_name(&mut t, locale, Some(name));
    }
    new.facts.write(&mut t);
    new.texts.write(&mut t);
    if let Some(p) = place.population {
        t.insert("population", value(p as i64));
    }
    if let Some((lat, lon)) = place.coords {
        t.insert("lat", value(degrees(lat)));
        t.insert("lon", value(degrees(lon)));
    }
    if let Some(text) = &new.milestone {
        let f = &new.facts;
        let mut m = Table::new();
        m.insert("year", value(i64::from(f.year)));
        if let Some(month) = f.date.map(|d| d.month()).or(f.month) {
            m.insert("month", value(i64::from(month)));
        }
        if let Some(d) = f.date {
            m.insert("day", value(i64::from(d.day())));
        }
        m.insert("text", value(text.as_str()));
        let mut list = ArrayOfTables::new();
        list.push(m);
        t.insert("milestone", Item::ArrayOfTables(list));
    }
    t
}

/// A partner's texts, as the first form of `/town edit` (or `/town language`) writes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    pub summary: String,
    pub roots: Option<String>,
    pub notes: Option<String>,
    pub areas: Vec<String>,
}

/// A partner's facts, as the second form of `/town edit` writes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub year: i32,
    /// The month, when only the month is known.
    pub month: Option<u32>,
    pub date: Option<NaiveDate>,
    /// twinning, partnership or friendship.
    pub kind: String,
    pub suspended: Option<NaiveDate>,
    pub sources: Vec<String>,
}

impl Texts {
    /// The fields it sets.
    pub const FIELDS: [&'static str; 4] = ["summary", "roots", "notes", "areas"];
}

impl Facts {
    /// The fields it sets.
    pub const FIELDS: [&'static str; 5] = ["year", "date", "kind", "suspended", "sources"];

    /// Writes them into a `[[partner]]` table: the date or the month (never both), and what is
    /// not known taken away.
    fn write(&self, t: &mut Table) {
        t.insert("kind", value(self.kind.as_str()));
        t.insert("year", value(i64::from(self.year)));
        t.remove("date");
        t.remove("month");
        if let Some(d) = self.date {
            t.insert("date", value(toml_date(d)));
        } else if let Some(m) = self.month {
            t.insert("month", value(i64::from(m)));
        }
        match self.suspended {
            Some(d) => t.insert("suspended", value(toml_date(d))),
            None => t.remove("suspended"),
        };
        set_list(t, "sources", &self.sources);
    }
}

impl Texts {
    /// Writes them into a `[[partner]]` table (or a translation's): each given text, and the
    /// empty ones taken away.
    fn write(&self, t: &mut Table) {
        set_text(t, "summary", Some(&self.summary));
        set_text(t, "roots", self.roots.as_deref());
        set_text(t, "notes", self.notes.as_deref());
        set_list(t, "areas", &self.areas);
    }
}

/// A change a moderator asks for, made on the town as it is when it is written (so that a change
/// made over another's is made again on the newer version, where it can be).
#[derive(Debug, Clone, PartialEq)]
pub enum TownOp {
    /// Make the town from a gazetteer city.
    Create { place: Place },
    /// Add a partner made from a gazetteer city.
    Add { place: Place, new: NewPartner },
    /// Remove the partner with this id.
    Remove { id: String },
    /// Change a partner's texts, or its facts.
    Edit { id: String, texts: Option<Texts>, facts: Option<Facts> },
    /// Write a partner's texts, and its name, in another language.
    Translate { id: String, locale: String, texts: Texts, name: Option<String> },
    /// Write the document before the newest change again.
    Undo,
    /// Delete the town.
    Delete,
    /// Write an imported file's document, checked when it was read.
    Import { document: String, change: TownChange },
}

impl TownOp {
    /// Whether it can be made over a change the member did not see: adding and removing a
    /// partner touch that partner alone; an undo or a deletion is about what the member saw.
    pub fn applies_over_others(&self) -> bool {
        matches!(self, TownOp::Add { .. } | TownOp::Remove { .. } | TownOp::Edit { .. } | TownOp::Translate { .. })
    }

    /// The partner and the fields it sets, for an edit: made over a newer version only if that
    /// version left those fields as the member saw them.
    pub fn touches(&self) -> Option<(&str, Vec<String>)> {
        match self {
            TownOp::Edit { id, texts, facts } => {
                let mut fields: Vec<String> = Vec::new();
                if texts.is_some() {
                    fields.extend(Texts::FIELDS.iter().map(|f| f.to_string()));
                }
                if facts.is_some() {
                    fields.extend(Facts::FIELDS.iter().map(|f| f.to_string()));
                }
                Some((id, fields))
            }
            TownOp::Translate { id, locale, .. } => {
                Some((id, vec![format!("translations.{locale}"), format!("names.{locale}")]))
            }
            _ => None,
        }
    }

    /// The document it makes of `current` (None: there is no town), and what it did. An undo
    /// needs the town's history and is made by the application.
    pub fn apply(&self, current: Option<&str>, today: NaiveDate) -> Result<(Option<String>, TownChange), TownError> {
        let have = || current.ok_or(TownError::NoTown);
        match self {
            TownOp::Create { place } => match current {
                Some(doc) => Err(TownError::Exists { home: load(doc).map(|(h, _)| h.name).unwrap_or_default() }),
                None => Ok((
                    Some(home_document(place, today, TOWN_HEADER, Some(HOME_ID))),
                    TownChange::Created { home: place.name.clone() },
                )),
            },
            TownOp::Add { place, new } => {
                let (doc, _) = add_partner(have()?, place, new)?;
                Ok((Some(doc), TownChange::Added { partner: place.name.clone() }))
            }
            TownOp::Remove { id } => {
                let (doc, name) = remove_partner(have()?, id)?;
                Ok((Some(doc), TownChange::Removed { partner: name }))
            }
            TownOp::Delete => {
                have()?;
                Ok((None, TownChange::Deleted))
            }
            TownOp::Edit { id, texts, facts } => {
                let (doc, name) = edit_partner(have()?, id, texts.as_ref(), facts.as_ref())?;
                let fields = self.touches().map(|(_, f)| f).unwrap_or_default();
                Ok((Some(doc), TownChange::Edited { partner: name, fields }))
            }
            TownOp::Translate { id, locale, texts, name: called } => {
                let (doc, name) = translate_partner(have()?, id, locale, texts, called.as_deref())?;
                Ok((Some(doc), TownChange::Translated { partner: name, locale: locale.clone() }))
            }
            TownOp::Import { document, change } => Ok((Some(document.clone()), change.clone())),
            TownOp::Undo => Err(TownError::NoTown),
        }
    }
}

/// The partner with this id, as loaded, with its place in the document's `[[partner]]` list.
fn partner_at(text: &str, id: &str) -> Result<(usize, Partner), TownError> {
    let (_, partners) = loaded(text)?;
    partners
        .into_iter()
        .enumerate()
        .find(|(_, p)| p.id == id)
        .ok_or_else(|| TownError::NoPartner { id: id.to_string() })
}

/// The `[[partner]]` table at `at` of a document, to edit in place.
fn partner_table_at<'a>(doc: &'a mut DocumentMut, at: usize, id: &str) -> Result<&'a mut Table, TownError> {
    match doc.get_mut("partner") {
        Some(Item::ArrayOfTables(list)) => list.get_mut(at).ok_or_else(|| TownError::NoPartner { id: id.to_string() }),
        _ => Err(TownError::NoPartner { id: id.to_string() }),
    }
}

/// Sets a key to a text, or removes it when there is none.
fn set_text(t: &mut Table, key: &str, v: Option<&str>) {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => {
            t.insert(key, value(v));
        }
        None => {
            t.remove(key);
        }
    }
}

/// Sets a city's name in a language (its `names` table's key), or removes it when there is none;
/// an emptied `names` goes.
pub(super) fn set_name(t: &mut Table, locale: &str, name: Option<&str>) {
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    if let Some(names) = t.get_mut("names").and_then(Item::as_table_like_mut) {
        match name {
            Some(n) => {
                names.insert(locale, value(n));
            }
            None => {
                names.remove(locale);
            }
        }
        if names.is_empty() {
            t.remove("names");
        }
    } else if let Some(n) = name {
        let mut names = toml_edit::InlineTable::new();
        names.insert(locale, n.into());
        t.insert("names", value(names));
    }
}

/// Sets a key to a list of texts, or removes it when the list is empty.
fn set_list(t: &mut Table, key: &str, v: &[String]) {
    if v.is_empty() {
        t.remove(key);
    } else {
        t.insert(key, value(strings(v)));
    }
}

fn parse_doc(text: &str) -> Result<DocumentMut, TownError> {
    text.parse().map_err(|e: toml_edit::TomlError| TownError::Invalid(vec![e.to_string()]))
}

/// Changes a partner's texts and facts in place. Returns the new document and the partner's
/// name. The result is not yet checked: see [`checked`].
pub fn edit_partner(
    text: &str,
    id: &str,
    texts: Option<&Texts>,
    facts: Option<&Facts>,
) -> Result<(String, String), TownError> {
    let (at, p) = partner_at(text, id)?;
    let mut doc = parse_doc(text)?;
    let t = partner_table_at(&mut doc, at, id)?;
    if let Some(x) = texts {
        x.write(t);
    }
    if let Some(f) = facts {
        f.write(t);
    }
    Ok((doc.to_string(), p.name))
}

/// Writes a partner's texts in another language (its `[partner.translations.LOCALE]` table), and
/// its name in that language (`names.LOCALE`); texts all empty remove the translation, and no
/// name the name. Returns the new document and the partner's name.
pub fn translate_partner(
    text: &str,
    id: &str,
    locale: &str,
    texts: &Texts,
    name: Option<&str>,
) -> Result<(String, String), TownError> {
    let (at, p) = partner_at(text, id)?;
    let mut doc = parse_doc(text)?;
    let t = partner_table_at(&mut doc, at, id)?;
    set_name(t, locale, name);
    if !matches!(t.get("translations"), Some(Item::Table(_))) {
        let mut translations = Table::new();
        translations.set_implicit(true);
        t.insert("translations", Item::Table(translations));
    }
    let Some(Item::Table(translations)) = t.get_mut("translations") else { unreachable!("just made") };
    let empty = texts.summary.trim().is_empty()
        && texts.roots.as_deref().is_none_or(|r| r.trim().is_empty())
        && texts.notes.as_deref().is_none_or(|n| n.trim().is_empty())
        && texts.areas.is_empty();
    if empty {
        translations.remove(locale);
    } else {
        let mut one = match translations.remove(locale) {
            Some(Item::Table(t)) => t,
            _ => Table::new(),
        };
        texts.write(&mut one);
        translations.insert(locale, Item::Table(one));
    }
    if translations.is_empty() {
        t.remove("translations");
    }
    Ok((doc.to_string(), p.name))
}

/// Whether a partner's `fields` read the same in two documents (an edit made from the first
/// can be made on the second). A partner missing from either reads differently.
pub fn same_fields(before: &str, after: &str, id: &str, fields: &[String]) -> bool {
    let (Ok((_, a)), Ok((_, b))) = (partner_at(before, id), partner_at(after, id)) else { return false };
    fields.iter().all(|f| match f.as_str() {
        "summary" => a.summary == b.summary,
        "roots" => a.roots == b.roots,
        "notes" => a.notes == b.notes,
        "areas" => a.areas == b.areas,
        "year" | "date" => a.since == b.since,
        "kind" => a.kind == b.kind,
        "suspended" => a.suspended == b.suspended,
        "sources" => a.sources == b.sources,
        other => match (other.strip_prefix("translations."), other.strip_prefix("names.")) {
            (Some(l), _) => {
                a.translations.iter().find(|t| t.locale == l) == b.translations.iter().find(|t| t.locale == l)
            }
            (_, Some(l)) => a.names.iter().find(|(x, _)| x == l) == b.names.iter().find(|(x, _)| x == l),
            _ => false,
        },
    })
}

/// Removes the partner with this id. Returns the new document and the partner's name.
pub fn remove_partner(text: &str, id: &str) -> Result<(String, String), TownError> {
    let (_, partners) = loaded(text)?;
    let Some(at) = partners.iter().position(|p| p.id == id) else {
        return Err(TownError::NoPartner { id: id.to_string() });
    };
    let mut doc = parse_doc(text)?;
    let Some(Item::ArrayOfTables(list)) = doc.get_mut("partner") else {
        return Err(TownError::NoPartner { id: id.to_string() });
    };
    list.remove(at);
    if list.is_empty() {
        doc.remove("partner");
    }
    Ok((doc.to_string(), partners[at].name.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, code: &str, aliases: &[&str]) -> Place {
        Place {
            geonames_id: 1,
            name: name.into(),
            country_code: code.into(),
            country: code.into(),
            population: Some(100_000),
            coords: Some((51.5, 7.4567)),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn town() -> String {
        home_document(&place("Morley", "GB", &[]), today(), TOWN_HEADER, Some(HOME_ID))
    }

    fn new(year: i32) -> NewPartner {
        NewPartner {
            facts: Facts { kind: "twinning".into(), year, ..Facts::default() },
            texts: Texts { summary: "A link.".into(), ..Texts::default() },
            milestone: None,
            names: Vec::new(),
        }
    }

    #[test]
    fn a_town_is_a_data_file_and_its_partners_get_ids_that_outlive_a_rename() {
        let doc = town();
        let (home, partners) = load(&doc).unwrap();
        assert_eq!((home.id.as_str(), home.name.as_str(), partners.len()), (HOME_ID, "Morley", 0));
        let mut with_date = new(1966);
        with_date.facts.date = NaiveDate::from_ymd_opt(1966, 5, 21);
        with_date.milestone = Some("Charter signed".into());
        with_date.texts.roots = Some("School exchanges".into());
        let (doc, id) = add_partner(&doc, &place("Siegen", "DE", &["Sieg"]), &with_date).unwrap();
        assert_eq!(id, "siegen");
        let partners = checked(&doc).unwrap();
        let p = &partners[0];
        assert_eq!(
            (p.id.as_str(), p.name.as_str(), p.since.day, p.milestones.len()),
            ("siegen", "Siegen", Some(21), 1)
        );
        assert_eq!(p.roots.as_deref(), Some("School exchanges"));
        assert_eq!(
            dates(&partners)[0],
            TownDate {
                partner_id: "siegen".into(),
                name: "Siegen".into(),
                year: 1966,
                month: Some(5),
                day: Some(21),
                suspended: false
            }
        );
        // A rename in the document keeps the id, so the ledger's key stays.
        let renamed = doc.replace("name = \"Siegen\"", "name = \"Siegen (Westfalen)\"");
        assert_eq!(checked(&renamed).unwrap()[0].id, "siegen");
        // A new city whose name folds to a taken id gets one of its own.
        assert_eq!(new_id("Siégen", &["siegen".to_string()]), "siegen-2");
        assert_eq!(new_id("Siégen", &["siegen".to_string(), "siegen-2".to_string()]), "siegen-3");
        assert_eq!(new_id("東京", &[]), "dong-jing", "ids are plain ASCII whatever the script");
        assert_eq!(new_id("!!!", &[]), "partner");
    }

    #[test]
    fn the_home_and_duplicates_are_refused_and_removal_leaves_a_valid_document() {
        let doc = town();
        assert_eq!(
            add_partner(&doc, &place("Morley", "GB", &[]), &new(1966)),
            Err(TownError::IsHome { name: "Morley".into() })
        );
        let (doc, _) = add_partner(&doc, &place("Brno", "CZ", &["Brünn"]), &new(1990)).unwrap();
        let again = add_partner(&doc, &place("Brünn", "CZ", &[]), &new(1990));
        assert_eq!(again, Err(TownError::Duplicate { name: "Brünn".into(), as_name: "Brno".into() }));
        let (doc, _) = add_partner(&doc, &place("Dortmund", "DE", &[]), &new(1969)).unwrap();
        let (doc, name) = remove_partner(&doc, "brno").unwrap();
        assert_eq!(name, "Brno");
        let left = checked(&doc).unwrap();
        assert_eq!(left.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["dortmund"]);
        let (doc, _) = remove_partner(&doc, "dortmund").unwrap();
        assert!(checked(&doc).unwrap().is_empty() && !doc.contains("[[partner]]"));
        assert_eq!(remove_partner(&doc, "dortmund"), Err(TownError::NoPartner { id: "dortmund".into() }));
    }

    #[test]
    fn what_fails_the_checks_or_the_caps_is_refused_with_the_reason() {
        let doc = town();
        let mut bad = new(1966);
        bad.facts.date = NaiveDate::from_ymd_opt(1970, 1, 1);
        let (text, _) = add_partner(&doc, &place("Lille", "FR", &[]), &bad).unwrap();
        let Err(TownError::Invalid(problems)) = checked(&text) else { panic!("a date against its year is refused") };
        assert!(problems.iter().any(|p| p.contains("1970-01-01")), "{problems:?}");
        let mut long = new(1966);
        long.texts.summary = "x".repeat(MAX_SUMMARY + 1);
        let (text, _) = add_partner(&doc, &place("Lille", "FR", &[]), &long).unwrap();
        assert_eq!(checked(&text), Err(TownError::TooLong { field: "summary", limit: MAX_SUMMARY }));
        let mut full = doc.clone();
        for i in 0..MAX_PARTNERS {
            full = add_partner(&full, &place(&format!("Town{i}"), "FR", &[]), &new(1990)).unwrap().0;
        }
        assert_eq!(checked(&full).unwrap().len(), MAX_PARTNERS);
        let over = add_partner(&full, &place("One more", "FR", &[]), &new(1990));
        assert_eq!(over, Err(TownError::TooMany { what: Cap::Partners, limit: MAX_PARTNERS }));
    }

    #[test]
    fn feed_tokens_are_26_base32_letters_of_all_their_bits() {
        let zero = feed_token([0; 16]);
        assert_eq!(zero, "a".repeat(FEED_TOKEN_LEN));
        // 128 bits are 25 letters of 5 and 3 bits, padded with zeros: 11100 is "4".
        assert_eq!(feed_token([0xff; 16]), format!("{}4", "7".repeat(FEED_TOKEN_LEN - 1)));
        // RFC 4648's test vector, "foobar", begins the same way.
        let mut foobar = [0u8; 16];
        foobar[..6].copy_from_slice(b"foobar");
        assert!(feed_token(foobar).starts_with("mzxw6ytboi"), "{}", feed_token(foobar));
        let one_bit = feed_token({
            let mut r = [0u8; 16];
            r[15] = 1;
            r
        });
        assert_ne!(one_bit, zero, "the last byte counts");
        assert!(is_feed_token(&zero) && is_feed_token(&one_bit));
        for bad in [
            "",
            "1300000000000000007",
            &"A".repeat(26),
            &"a".repeat(25),
            &"a".repeat(27),
            &format!("{}8", "a".repeat(25)),
        ] {
            assert!(!is_feed_token(bad), "{bad:?}");
        }
    }

    #[test]
    fn hostile_text_stays_text_in_the_document() {
        let doc = town();
        let hostile = "\"\"\"\n[home]\nname = \"x\"\n@everyone <@&1> ]]\u{0}";
        let mut n = new(1990);
        n.texts.summary = hostile.into();
        n.texts.notes = Some("'''\n".into());
        let (text, _) = add_partner(&doc, &place("Brno", "CZ", &[]), &n).unwrap();
        match checked(&text) {
            Ok(partners) => assert_eq!(partners[0].summary, hostile.trim()),
            Err(TownError::Invalid(p)) => assert!(!p.is_empty()),
            Err(e) => panic!("{e:?}"),
        }
    }
}
