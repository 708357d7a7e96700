//! The data model (a [`Directory`] of home cities and their partners) and its loader.
//!
//! Data files are TOML, one per home city (see docs/data.md, "Data format"). The loader checks
//! everything a maintainer can get wrong and reports each problem with file, line and column,
//! what is wrong and how to fix it.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use crate::core::text::fold;

/// Years outside this range are rejected in data and in commands.
pub const MIN_YEAR: i32 = 1000;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 9999;

/// The kind of link between two cities, as the cities themselves call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Twinning,
    Partnership,
    Friendship,
}

/// A date known to the year, the month or the day. Never more precise than the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> PartialDate {
        PartialDate { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate { year, month: None, day: None }
    }

    /// The exact date, when the day is known.
    pub fn exact(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// Whole years from this date to `today` (by the day when the day is known, else by year).
    pub fn years_until(&self, today: NaiveDate) -> i32 {
        let mut years = today.year() - self.year;
        if let (Some(m), Some(d)) = (self.month, self.day) {
            if (today.month(), today.day()) < (m, d) {
                years -= 1;
            }
        } else if let Some(m) = self.month {
            if today.month() < m {
                years -= 1;
            }
        }
        years
    }
}

/// A dated event in a partnership's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub date: PartialDate,
    pub text: String,
    /// The text in other languages: (Discord locale, text).
    pub translations: Vec<(String, String)>,
}

/// A partner's texts in another language than its data file's (any may be missing: the file's
/// own text is shown instead, marked).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartnerText {
    /// A Discord locale twinbot speaks: "de", "zh-CN".
    pub locale: String,
    pub summary: Option<String>,
    pub roots: Option<String>,
    pub areas: Option<Vec<String>>,
    pub notes: Option<String>,
    /// The community groups' lines, one for each of the partner's, in the same order.
    pub groups: Option<Vec<String>>,
}

/// Where a city is: latitude and longitude in degrees (north and east positive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coords {
    pub lat: f64,
    pub lon: f64,
}

/// Never NaN: coordinates are checked to be within range when loaded.
impl Eq for Coords {}

impl Coords {
    /// (latitude, longitude).
    pub fn pair(self) -> (f64, f64) {
        (self.lat, self.lon)
    }
}

/// The city whose twinning group runs the bot (one per data file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    /// Its stable id: the file's `id`, else its name. The ledger keys its posts by it, so a
    /// renamed city keeps its anniversaries' history.
    pub id: String,
    pub name: String,
    pub country: String,
    pub country_code: String,
    /// Other names of the home side (districts such as Morley): typing them explains, not matches.
    pub aliases: Vec<String>,
    /// Its name in other languages, where it has one there: (Discord locale, name).
    pub names: Vec<(String, String)>,
    pub about: Option<String>,
    /// `about` in other languages: (Discord locale, text).
    pub about_translations: Vec<(String, String)>,
    /// The language the data file is written in (its `language`, en-GB by default).
    pub language: String,
    /// How many people live there; optional.
    pub population: Option<u64>,
    /// Where it is (`lat` and `lon`), for the map; optional.
    pub coords: Option<Coords>,
    pub source: PathBuf,
    pub updated: Option<NaiveDate>,
}

/// One partnership between a home city and a partner city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    /// Index into [`Directory::homes`].
    pub home: usize,
    /// Its stable id, unique among the home's partners: the file's `id`, else its name. The
    /// ledger keys its posts and reminders by it, so a renamed partner is not posted again.
    pub id: String,
    pub name: String,
    pub country: String,
    pub country_code: String,
    pub aliases: Vec<String>,
    /// Its name in other languages, where it has one there: (Discord locale, name). Each also
    /// matches as an alias.
    pub names: Vec<(String, String)>,
    pub kind: LinkKind,
    /// When the link was formalised.
    pub since: PartialDate,
    pub roots: Option<String>,
    pub summary: String,
    pub areas: Vec<String>,
    pub milestones: Vec<Milestone>,
    pub groups: Vec<String>,
    pub sources: Vec<String>,
    pub notes: Option<String>,
    /// Used as a prior when ranking equally close names; optional.
    pub population: Option<u64>,
    /// Where it is (`lat` and `lon`), for the map; optional.
    pub coords: Option<Coords>,
    /// The part of the home city that made the link, one of the home's aliases (Morley, for
    /// Siegen): typing it points to this partner.
    pub via: Option<String>,
    /// When the link's exchanges were suspended, if they are: it is shown as suspended, and its
    /// anniversaries are not posted.
    pub suspended: Option<NaiveDate>,
    /// Its texts in other languages.
    pub translations: Vec<PartnerText>,
}

impl Home {
    /// A home known only by its id and name (what the poster plans a town's posts from).
    pub fn named(id: &str, name: &str) -> Home {
        Home {
            id: id.to_string(),
            name: name.to_string(),
            country: String::new(),
            country_code: String::new(),
            aliases: Vec::new(),
            names: Vec::new(),
            about: None,
            about_translations: Vec::new(),
            language: crate::core::i18n::DEFAULT.to_string(),
            population: None,
            coords: None,
            source: PathBuf::new(),
            updated: None,
        }
    }
}

impl Partner {
    /// A partner known only by its id, name and dates (what the poster plans a town's posts
    /// from, without reading the town).
    pub fn dated(home: usize, id: &str, name: &str, since: PartialDate, suspended: bool) -> Partner {
        Partner {
            home,
            id: id.to_string(),
            name: name.to_string(),
            country: String::new(),
            country_code: String::new(),
            aliases: Vec::new(),
            names: Vec::new(),
            kind: LinkKind::Twinning,
            since,
            roots: None,
            summary: String::new(),
            areas: Vec::new(),
            milestones: Vec::new(),
            groups: Vec::new(),
            sources: Vec::new(),
            notes: None,
            population: None,
            coords: None,
            via: None,
            suspended: suspended.then_some(NaiveDate::MIN),
            translations: Vec::new(),
        }
    }

    /// Its name in language `l`: the data's name there, else its own.
    pub fn name_in(&self, l: crate::core::i18n::Lang) -> &str {
        name_in(&self.names, &self.name, l)
    }
}

impl Home {
    /// Its name in language `l`: the data's name there, else its own.
    pub fn name_in(&self, l: crate::core::i18n::Lang) -> &str {
        name_in(&self.names, &self.name, l)
    }
}

/// A city's name in language `l`: its name for that locale, else for the same language (en-GB
/// and en-US), else `own`.
fn name_in<'a>(names: &'a [(String, String)], own: &'a str, l: crate::core::i18n::Lang) -> &'a str {
    if names.is_empty() {
        return own;
    }
    fn language(code: &str) -> &str {
        code.as_bytes().iter().position(|&b| b == b'-').map_or(code, |i| &code[..i])
    }
    names
        .iter()
        .find(|(code, _)| code == l.code)
        .or_else(|| names.iter().find(|(code, _)| language(code) == language(l.code)))
        .map_or(own, |(_, name)| name.as_str())
}

/// Everything the bot knows: the home cities and their partners. The name index over them is
/// built beside it, in a [`crate::core::catalog::Catalog`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub homes: Vec<Home>,
    pub partners: Vec<Partner>,
}

impl Directory {
    /// A directory of already validated parts.
    pub fn new(homes: Vec<Home>, partners: Vec<Partner>) -> Self {
        Directory { homes, partners }
    }

    /// Loads and validates every file; all files must be valid.
    pub fn load(paths: &[PathBuf]) -> Result<Directory, DataError> {
        let mut homes = Vec::new();
        let mut partners = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(path).map_err(|source| DataError::Io { path: path.clone(), source })?;
            let (home, ps) = parse_file(path, &text, homes.len())?;
            homes.push(home);
            partners.extend(ps);
        }
        if homes.is_empty() {
            return Err(DataError::NoFiles);
        }
        Ok(Directory::new(homes, partners))
    }

    pub fn home_of(&self, partner: &Partner) -> &Home {
        &self.homes[partner.home]
    }

    /// The part of the directory that answers for these homes (indices into `homes`, in the
    /// order given), with its partners; the whole directory when `homes` is empty.
    pub fn scoped(&self, homes: &[usize]) -> Directory {
        if homes.is_empty() {
            return self.clone();
        }
        let kept: Vec<Home> = homes.iter().filter_map(|&h| self.homes.get(h).cloned()).collect();
        let partners = self
            .partners
            .iter()
            .filter_map(|p| {
                let at = homes.iter().position(|&h| h == p.home)?;
                Some(Partner { home: at, ..p.clone() })
            })
            .collect();
        Directory::new(kept, partners)
    }

    /// A server's own town first, then the homes of `beside` (a directory of loaded homes).
    pub fn with_town(home: Home, partners: Vec<Partner>, beside: Directory) -> Directory {
        let key = fold(&home.name);
        let kept: Vec<usize> = (0..beside.homes.len()).filter(|&h| fold(&beside.homes[h].name) != key).collect();
        let beside = match kept.len() {
            n if n == beside.homes.len() => beside,
            0 => Directory::new(Vec::new(), Vec::new()),
            _ => beside.scoped(&kept),
        };
        let mut homes = vec![home];
        homes.extend(beside.homes);
        let mut all: Vec<Partner> = partners.into_iter().map(|p| Partner { home: 0, ..p }).collect();
        all.extend(beside.partners.into_iter().map(|p| Partner { home: p.home + 1, ..p }));
        Directory::new(homes, all)
    }

    /// For each partner, whether it is the other side of a link listed under an earlier home
    /// (Dortmund's Leeds, when Leeds' Dortmund is loaded too): one link, whose anniversary is
    /// counted once.
    pub fn mirrors(&self) -> Vec<bool> {
        let link = |p: &Partner| (fold(&self.homes[p.home].name), fold(&p.name));
        let first: std::collections::HashMap<(String, String), usize> =
            self.partners.iter().map(|p| (link(p), p.home)).collect();
        self.partners
            .iter()
            .map(|p| {
                let (home, partner) = link(p);
                first.get(&(partner, home)).is_some_and(|&other_home| other_home < p.home)
            })
            .collect()
    }

    /// Partners sorted oldest first (ties by name), as indices.
    pub fn oldest_first(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.partners.len()).collect();
        idx.sort_by(|&a, &b| {
            let (pa, pb) = (&self.partners[a], &self.partners[b]);
            pa.since.cmp(&pb.since).then_with(|| pa.name.cmp(&pb.name))
        });
        idx
    }

    /// The newest `updated` date among the data files.
    pub fn updated(&self) -> Option<NaiveDate> {
        self.homes.iter().filter_map(|h| h.updated).max()
    }
}

/// A problem at a place in a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
    /// The offending source line, for display.
    pub snippet: String,
    /// Width of the underline under the snippet (at least 1).
    pub width: usize,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gutter = self.line.to_string().len();
        write!(f, "{}:{}: {}", self.line, self.column, self.message)?;
        if !self.snippet.is_empty() {
            write!(f, "\n{:gutter$} |\n{} | {}", "", self.line, self.snippet)?;
            write!(
                f,
                "\n{:gutter$} | {:pad$}{}",
                "",
                "",
                "^".repeat(self.width.max(1)),
                pad = self.column.saturating_sub(1)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{:gutter$} = help: {help}", "")?;
        }
        Ok(())
    }
}

/// Why data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("cannot read data file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", format_problems(path, problems))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
    #[error("no data files are configured: list at least one under `data` in config.toml")]
    NoFiles,
}

fn format_problems(path: &Path, problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(&format!("{}:{p}", path.display()));
    }
    let n = problems.len();
    out.push_str(&format!(
        "\n\n{}: {n} problem{} found; nothing was loaded from this file",
        path.display(),
        if n == 1 { "" } else { "s" }
    ));
    out
}

impl DataError {
    /// The problems, when the file was readable but invalid.
    pub fn problems(&self) -> &[Problem] {
        match self {
            DataError::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

// ---- raw file shape -------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    updated: Option<Spanned<toml::value::Datetime>>,
    language: Option<Spanned<String>>,
    home: RawHome,
    #[serde(default)]
    partner: Vec<RawPartner>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHome {
    id: Option<Spanned<String>>,
    name: Spanned<String>,
    country: Spanned<String>,
    country_code: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    names: BTreeMap<String, Spanned<String>>,
    about: Option<String>,
    population: Option<Spanned<i64>>,
    lat: Option<Spanned<f64>>,
    lon: Option<Spanned<f64>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<RawHomeText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPartner {
    id: Option<Spanned<String>>,
    name: Spanned<String>,
    country: Spanned<String>,
    country_code: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    names: BTreeMap<String, Spanned<String>>,
    kind: LinkKind,
    year: Spanned<i64>,
    month: Option<Spanned<i64>>,
    date: Option<Spanned<toml::value::Datetime>>,
    roots: Option<String>,
    summary: Spanned<String>,
    #[serde(default)]
    areas: Vec<String>,
    #[serde(default)]
    milestone: Vec<RawMilestone>,
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
    notes: Option<String>,
    population: Option<Spanned<i64>>,
    lat: Option<Spanned<f64>>,
    lon: Option<Spanned<f64>>,
    via: Option<Spanned<String>>,
    suspended: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMilestone {
    year: Spanned<i64>,
    month: Option<Spanned<i64>>,
    day: Option<Spanned<i64>>,
    text: Spanned<String>,
    #[serde(default)]
    translations: BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    summary: Option<String>,
    roots: Option<String>,
    areas: Option<Vec<String>>,
    notes: Option<String>,
    groups: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHomeText {
    about: Option<String>,
}

/// Collects problems with positions computed from byte spans.
struct Report<'a> {
    text: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Report<'a> {
    fn at(&mut self, span: std::ops::Range<usize>, message: impl Into<String>, help: Option<String>) {
        let start = span.start.min(self.text.len());
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[start..].find('\n').map_or(self.text.len(), |i| start + i);
        let line = self.text[..start].matches('\n').count() + 1;
        let column = self.text[line_start..start].chars().count() + 1;
        let end = span.end.clamp(start, line_end);
        let width = self.text[start..end].chars().count();
        self.problems.push(Problem {
            line,
            column,
            message: message.into(),
            help,
            snippet: self.text[line_start..line_end].trim_end_matches('\r').to_string(),
            width,
        });
    }
}

fn check_year(r: &mut Report, year: &Spanned<i64>, what: &str) -> Option<i32> {
    let y = *year.get_ref();
    if (MIN_YEAR as i64..=MAX_YEAR as i64).contains(&y) {
        Some(y as i32)
    } else {
        r.at(
            year.span(),
            format!("{what} {y} is out of range"),
            Some(format!("write a four-digit year between {MIN_YEAR} and {MAX_YEAR}")),
        );
        None
    }
}

fn check_month(r: &mut Report, month: &Option<Spanned<i64>>) -> Option<u32> {
    let m = month.as_ref()?;
    let v = *m.get_ref();
    if (1..=12).contains(&v) {
        Some(v as u32)
    } else {
        r.at(
            m.span(),
            format!("month {v} does not exist"),
            Some("write a month from 1 (January) to 12 (December)".into()),
        );
        None
    }
}

fn check_name(r: &mut Report, s: &Spanned<String>, what: &str) -> bool {
    if fold(s.get_ref()).is_empty() {
        r.at(
            s.span(),
            format!("{what} is empty"),
            Some(format!("write the {what} with at least one letter or digit, or remove it")),
        );
        false
    } else {
        true
    }
}

fn check_code(r: &mut Report, s: &Spanned<String>) {
    let c = s.get_ref();
    if !(c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase())) {
        r.at(
            s.span(),
            format!("country_code {c:?} is not an ISO 3166-1 alpha-2 code"),
            Some("write two capital letters, such as \"DE\" for Germany".into()),
        );
    }
}

fn plain_date(r: &mut Report, d: &Spanned<toml::value::Datetime>, what: &str) -> Option<NaiveDate> {
    let dt = d.get_ref();
    let date = match (dt.date, dt.time, dt.offset) {
        (Some(date), None, None) => date,
        _ => {
            r.at(
                d.span(),
                format!("{what} must be a plain date, not {dt}"),
                Some("write it as YYYY-MM-DD without quotes, such as 1969-06-02".into()),
            );
            return None;
        }
    };
    let nd = NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32);
    if nd.is_none() {
        r.at(d.span(), format!("{what} {dt} is not a real date"), None);
    }
    nd
}

/// Every name and alias in one file, folded, with where it was first written and whose it is:
/// names of one city may fold alike (Харків and Kharkiv); names of two may not.
struct Names<'a> {
    text: &'a str,
    /// (folded name, span, owner id, owner label).
    seen: Vec<(String, std::ops::Range<usize>, usize, String)>,
}

/// The owner id of the home city's names (partners are numbered from 0).
const HOME_OWNER: usize = usize::MAX;

impl Names<'_> {
    /// Claims a name for `owner`, reporting a clash with another city's.
    fn claim(&mut self, r: &mut Report, s: &Spanned<String>, owner: usize, label: &str, is_partner_name: bool) {
        let key = fold(s.get_ref());
        if key.is_empty() {
            return;
        }
        match self.seen.iter().find(|(k, _, _, _)| *k == key) {
            Some((_, _, first_owner, _)) if *first_owner == owner => {}
            Some((_, first, _, first_label)) => {
                let first_line = self.text[..first.start].matches('\n').count() + 1;
                let (message, help) = if is_partner_name && fold(first_label) == key {
                    (
                        format!("duplicate partner {:?}", s.get_ref()),
                        format!("{first_label:?} is already a partner (line {first_line}); keep one [[partner]] entry"),
                    )
                } else {
                    (
                        format!("the name {:?} is already used by {first_label} (line {first_line})", s.get_ref()),
                        "every name and alias must point to one city: remove it from one of them".to_string(),
                    )
                };
                r.at(s.span(), message, Some(help));
            }
            None => self.seen.push((key, s.span(), owner, label.to_string())),
        }
    }
}

/// Parses and validates one data file. `home_index` is the index this file's home will get.
pub fn parse_file(path: &Path, text: &str, home_index: usize) -> Result<(Home, Vec<Partner>), DataError> {
    let mut r = Report { text, problems: Vec::new() };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            let help = syntax_help(&message);
            r.at(span, message, help);
            return Err(DataError::Invalid { path: path.to_path_buf(), problems: r.problems });
        }
    };
    let mut names = Names { text, seen: Vec::new() };
    let home_population = check_home(&mut r, &mut names, &raw.home);
    let home_coords = check_coords(&mut r, &raw.home.lat, &raw.home.lon);
    let updated = raw.updated.as_ref().and_then(|u| plain_date(&mut r, u, "updated"));
    let language = match &raw.language {
        Some(l) => check_locale(&mut r, l.span(), l.get_ref(), None).unwrap_or_default(),
        None => crate::core::i18n::DEFAULT.to_string(),
    };
    let home_label = format!("the home city {}", raw.home.name.get_ref());
    let home_names = check_names(&mut r, &mut names, &raw.home.names, &language, (HOME_OWNER, &home_label));
    let about_translations = check_translations(&mut r, &raw.home.translations, &language, |_, t| {
        t.get_ref().about.clone().map(|a| a.trim().to_string())
    });
    let partners: Vec<Partner> = raw
        .partner
        .iter()
        .enumerate()
        .filter_map(|(pi, p)| check_partner(&mut r, &mut names, (pi, p), (home_index, &raw.home), &language))
        .collect();
    check_ids(&mut r, &raw);
    if !r.problems.is_empty() {
        return Err(DataError::Invalid { path: path.to_path_buf(), problems: r.problems });
    }
    let h = &raw.home;
    let home = Home {
        id: id_or_name(&h.id, &h.name),
        name: h.name.get_ref().trim().to_string(),
        country: h.country.get_ref().trim().to_string(),
        country_code: h.country_code.get_ref().clone(),
        aliases: h.aliases.iter().map(|a| a.get_ref().trim().to_string()).collect(),
        names: home_names,
        about: h.about.clone(),
        about_translations,
        language,
        population: home_population,
        coords: home_coords,
        source: path.to_path_buf(),
        updated,
    };
    Ok((home, partners))
}

/// The longest an `id` may be.
pub const MAX_ID: usize = 32;

/// A city's stable id: its `id`, else its name as written.
fn id_or_name(id: &Option<Spanned<String>>, name: &Spanned<String>) -> String {
    id.as_ref().map_or_else(|| name.get_ref().trim().to_string(), |i| i.get_ref().clone())
}

/// `id`s are short, of lower-case letters, digits and hyphens, and no two partners share one
/// (nor a partner's id another's name, where that partner has no id).
fn check_ids(r: &mut Report, raw: &RawFile) {
    let ids = std::iter::once(&raw.home.id).chain(raw.partner.iter().map(|p| &p.id)).flatten();
    for id in ids {
        let v = id.get_ref();
        let ok = !v.is_empty()
            && v.len() <= MAX_ID
            && v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            let help = format!("write up to {MAX_ID} lower-case letters, digits and hyphens, such as \"p-brno\"");
            r.at(id.span(), format!("id {v:?} is not a plain id"), Some(help));
        }
    }
    let mut seen: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for p in &raw.partner {
        let (id, span) = match &p.id {
            Some(i) => (i.get_ref().clone(), i.span()),
            None => (p.name.get_ref().trim().to_string(), p.name.span()),
        };
        match seen.iter().find(|(s, _)| *s == id) {
            Some((_, first)) => {
                let line = r.text[..first.start].matches('\n').count() + 1;
                let help = Some(format!("each partner keeps an id of its own: {id:?} is on line {line}"));
                r.at(span, format!("the id {id:?} is used twice"), help);
            }
            None => seen.push((id, span)),
        }
    }
}

/// Checks the `[home]` table; its population, when given and valid.
fn check_home(r: &mut Report, names: &mut Names, h: &RawHome) -> Option<u64> {
    check_name(r, &h.name, "home name");
    check_name(r, &h.country, "home country");
    check_code(r, &h.country_code);
    let label = format!("the home city {}", h.name.get_ref());
    names.claim(r, &h.name, HOME_OWNER, &label, false);
    for a in &h.aliases {
        if check_name(r, a, "home alias") {
            names.claim(r, a, HOME_OWNER, &label, false);
        }
    }
    h.population.as_ref().and_then(|p| check_population(r, p))
}

/// Checks one `[[partner]]`; the partner, when its year could be read (other problems are
/// reported, and the file is refused as a whole).
fn check_partner(
    r: &mut Report,
    names: &mut Names,
    (pi, p): (usize, &RawPartner),
    (home, raw_home): (usize, &RawHome),
    language: &str,
) -> Option<Partner> {
    let name_ok = check_name(r, &p.name, "partner name");
    check_name(r, &p.country, "country");
    check_name(r, &p.summary, "summary");
    check_code(r, &p.country_code);
    if name_ok {
        names.claim(r, &p.name, pi, p.name.get_ref(), true);
    }
    for a in &p.aliases {
        if check_name(r, a, "alias") {
            names.claim(r, a, pi, p.name.get_ref(), false);
        }
    }
    for s in &p.sources {
        let u = s.get_ref();
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            let help = Some("write a full URL starting with https://".into());
            r.at(s.span(), format!("source {u:?} is not a web address"), help);
        }
    }
    let population = p.population.as_ref().and_then(|pop| check_population(r, pop));
    let coords = check_coords(r, &p.lat, &p.lon);
    let via = p.via.as_ref().and_then(|v| check_via(r, v, raw_home));
    let since = check_since(r, p);
    let suspended = p.suspended.as_ref().and_then(|d| plain_date(r, d, "suspended"));
    if let (Some(s), Some(d), Some(since)) = (suspended, &p.suspended, since) {
        if s.year() < since.year {
            let help = Some(format!("a link is suspended after it was formalised ({}): check both dates", since.year));
            r.at(d.span(), format!("suspended {s} is before the link was formalised"), help);
        }
    }
    let milestones = check_milestones(r, &p.milestone, language);
    let city_names = check_names(r, names, &p.names, language, (pi, p.name.get_ref()));
    let translations = check_translations(r, &p.translations, language, |r, t| {
        let tr = t.get_ref();
        let span = t.span();
        if tr.roots.is_some() && p.roots.is_none() {
            r.at(
                span.clone(),
                "a translation of `roots`, but the partner has none",
                Some("remove it, or add `roots` to the partner".into()),
            );
        }
        if tr.notes.is_some() && p.notes.is_none() {
            r.at(
                span.clone(),
                "a translation of `notes`, but the partner has none",
                Some("remove it, or add `notes` to the partner".into()),
            );
        }
        if let Some(a) = &tr.areas {
            if a.len() != p.areas.len() {
                let help = Some(format!("translate each of the {} areas, in the same order", p.areas.len()));
                r.at(span.clone(), format!("{} translated areas for {} areas", a.len(), p.areas.len()), help);
            }
        }
        if let Some(g) = &tr.groups {
            if g.len() != p.groups.len() {
                let help = Some(format!("translate each of the {} groups, in the same order", p.groups.len()));
                r.at(span.clone(), format!("{} translated groups for {} groups", g.len(), p.groups.len()), help);
            }
        }
        Some(PartnerText {
            locale: String::new(),
            summary: tr.summary.as_ref().map(|s| s.trim().to_string()),
            roots: tr.roots.clone(),
            areas: tr.areas.clone(),
            notes: tr.notes.clone(),
            groups: tr.groups.clone(),
        })
    })
    .into_iter()
    .map(|(locale, t)| PartnerText { locale, ..t })
    .collect();
    Some(Partner {
        home,
        id: id_or_name(&p.id, &p.name),
        name: p.name.get_ref().trim().to_string(),
        country: p.country.get_ref().trim().to_string(),
        country_code: p.country_code.get_ref().clone(),
        aliases: p.aliases.iter().map(|a| a.get_ref().trim().to_string()).collect(),
        names: city_names,
        kind: p.kind,
        since: since?,
        roots: p.roots.clone(),
        summary: p.summary.get_ref().trim().to_string(),
        areas: p.areas.clone(),
        milestones,
        groups: p.groups.clone(),
        sources: p.sources.iter().map(|s| s.get_ref().clone()).collect(),
        notes: p.notes.clone(),
        population,
        coords,
        via,
        suspended,
        translations,
    })
}

/// A translation's language must be one twinbot speaks, and not the file's own.
fn check_locale(r: &mut Report, span: std::ops::Range<usize>, code: &str, own: Option<&str>) -> Option<String> {
    use crate::core::i18n::LOCALES;
    if own == Some(code) {
        let help = Some("the file's own texts are in this language already: remove the translation".to_string());
        r.at(span, format!("a translation into {code:?}, the file's own language"), help);
        return None;
    }
    if LOCALES.contains(&code) {
        return Some(code.to_string());
    }
    let close = LOCALES.iter().find(|l| l.eq_ignore_ascii_case(code) || l.replace('-', "_").eq_ignore_ascii_case(code));
    let help = match close {
        Some(l) => format!("did you mean {l:?}? Locales are written as Discord writes them"),
        None => format!("write one of {}", LOCALES.iter().map(|l| format!("{l:?}")).collect::<Vec<_>>().join(", ")),
    };
    r.at(span, format!("{code:?} is not a language twinbot speaks"), Some(help));
    None
}

/// Checks a `translations` table's languages; each translation made by `make`.
fn check_translations<T, U>(
    r: &mut Report,
    raw: &BTreeMap<String, Spanned<T>>,
    own: &str,
    mut make: impl FnMut(&mut Report, &Spanned<T>) -> Option<U>,
) -> Vec<(String, U)> {
    let mut out = Vec::new();
    for (code, t) in raw {
        if let Some(code) = check_locale(r, t.span(), code, Some(own)) {
            if let Some(u) = make(r, t) {
                out.push((code, u));
            }
        }
    }
    out
}

/// A city's `names` in other languages: each a language twinbot speaks (not the file's own,
/// where `name` is the name), and a name no other city has (it matches as an alias).
fn check_names(
    r: &mut Report,
    names: &mut Names,
    raw: &BTreeMap<String, Spanned<String>>,
    own: &str,
    (owner, label): (usize, &str),
) -> Vec<(String, String)> {
    check_translations(r, raw, own, |r, name| {
        if !check_name(r, name, "name") {
            return None;
        }
        names.claim(r, name, owner, label, false);
        Some(name.get_ref().trim().to_string())
    })
}

/// `via` must name one of the home's aliases, as written there.
fn check_via(r: &mut Report, via: &Spanned<String>, home: &RawHome) -> Option<String> {
    let key = fold(via.get_ref());
    match home.aliases.iter().find(|a| fold(a.get_ref()) == key && !key.is_empty()) {
        Some(a) => Some(a.get_ref().trim().to_string()),
        None => {
            let known: Vec<String> = home.aliases.iter().map(|a| format!("{:?}", a.get_ref())).collect();
            let help = if known.is_empty() {
                "add it to the home's `aliases` first, or remove `via`".to_string()
            } else {
                format!("write one of the home's aliases ({}), or add it to them", known.join(", "))
            };
            r.at(via.span(), format!("via {:?} is not a part of the home city", via.get_ref()), Some(help));
            None
        }
    }
}

/// `lat` and `lon`: both or neither, in range.
fn check_coords(r: &mut Report, lat: &Option<Spanned<f64>>, lon: &Option<Spanned<f64>>) -> Option<Coords> {
    let help = || {
        Some("write the latitude and longitude in decimal degrees, such as lat = 53.796 and lon = -1.548 for Leeds (south and west are negative)".to_string())
    };
    let mut ok = true;
    for (value, what, limit) in [(lat, "lat", 90.0), (lon, "lon", 180.0)] {
        if let Some(v) = value {
            let x = *v.get_ref();
            if !(x.is_finite() && (-limit..=limit).contains(&x)) {
                r.at(v.span(), format!("{what} {x} is out of range (-{limit} to {limit})"), help());
                ok = false;
            }
        }
    }
    match (lat, lon) {
        (Some(lat), Some(lon)) => ok.then(|| Coords { lat: *lat.get_ref(), lon: *lon.get_ref() }),
        (None, None) => None,
        (Some(v), None) | (None, Some(v)) => {
            let (has, lacks) = if lat.is_some() { ("lat", "lon") } else { ("lon", "lat") };
            r.at(v.span(), format!("{has} without {lacks}"), help());
            None
        }
    }
}

fn check_population(r: &mut Report, pop: &Spanned<i64>) -> Option<u64> {
    let v = *pop.get_ref();
    if v < 0 {
        let help = Some("write a whole number of people, or remove it".into());
        r.at(pop.span(), format!("population {v} is negative"), help);
    }
    u64::try_from(v).ok()
}

/// When the link was formalised: `year`, with `month` or an exact `date` that must agree.
fn check_since(r: &mut Report, p: &RawPartner) -> Option<PartialDate> {
    let year = check_year(r, &p.year, "year");
    let mut month = check_month(r, &p.month);
    let mut day = None;
    if let Some(d) = &p.date {
        if let (Some(nd), Some(y)) = (plain_date(r, d, "date"), year) {
            if nd.year() != y {
                let help = format!(
                    "the year is when the link was formalised: make `year` and `date` agree ({} or {y})",
                    nd.year()
                );
                r.at(d.span(), format!("date {nd} contradicts year = {y}"), Some(help));
            } else if month.is_some_and(|m| m != nd.month()) {
                let help = Some("remove `month` (the date already gives it) or correct one of them".into());
                r.at(d.span(), format!("date {nd} contradicts month = {}", month.unwrap_or(0)), help);
            } else {
                month = Some(nd.month());
                day = Some(nd.day());
            }
        }
    }
    Some(PartialDate { year: year?, month, day })
}

/// A partnership's timeline, oldest first.
fn check_milestones(r: &mut Report, raw: &[RawMilestone], language: &str) -> Vec<Milestone> {
    let mut milestones = Vec::new();
    for m in raw {
        let my = check_year(r, &m.year, "milestone year");
        let mm = check_month(r, &m.month);
        let md = match &m.day {
            Some(d) if m.month.is_none() => {
                r.at(d.span(), "a milestone day needs a month", Some("add `month`, or remove `day`".into()));
                None
            }
            Some(d) => {
                let v = *d.get_ref();
                let valid = match (my, mm) {
                    (Some(y), Some(mo)) => {
                        u32::try_from(v).ok().and_then(|dv| NaiveDate::from_ymd_opt(y, mo, dv)).is_some()
                    }
                    _ => true,
                };
                if !valid {
                    r.at(d.span(), format!("day {v} does not exist in that month"), None);
                    None
                } else {
                    Some(v as u32)
                }
            }
            None => None,
        };
        check_name(r, &m.text, "milestone text");
        let translations =
            check_translations(r, &m.translations, language, |_, t| Some(t.get_ref().trim().to_string()));
        if let Some(y) = my {
            milestones.push(Milestone {
                date: PartialDate { year: y, month: mm, day: md },
                text: m.text.get_ref().trim().to_string(),
                translations,
            });
        }
    }
    milestones.sort_by_key(|m| m.date);
    milestones
}

/// A hint for the most common serde/TOML messages.
fn syntax_help(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // "unknown field `yeer`, expected one of `name`, `year`, …": suggest the closest.
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let best = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|e| (strsim::jaro_winkler(field, e), e))
            .filter(|(s, _)| *s >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        Some(match best {
            Some((_, e)) => format!("did you mean `{e}`?"),
            None => "check the spelling; docs/data.md (\"Data format\") lists every field".into(),
        })
    } else if message.starts_with("missing field") {
        Some("add the field; docs/data.md (\"Data format\") lists which fields are required".into())
    } else if message.starts_with("unknown variant") {
        Some("kind must be one of \"twinning\", \"partnership\" or \"friendship\"".into())
    } else if message.starts_with("invalid basic string") {
        Some("close the text with a \" on the same line, or use \"\"\" for text over several lines".into())
    } else if message.contains("invalid type") {
        Some("check the value's type: text in quotes, numbers and dates without".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_counts_whole_years() {
        let d = PartialDate { year: 1969, month: Some(6), day: Some(2) };
        assert_eq!(d.years_until(NaiveDate::from_ymd_opt(2029, 6, 1).unwrap()), 59);
        assert_eq!(d.years_until(NaiveDate::from_ymd_opt(2029, 6, 2).unwrap()), 60);
        let m = PartialDate { year: 1966, month: Some(7), day: None };
        assert_eq!(m.years_until(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()), 59);
        assert_eq!(m.years_until(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()), 60);
        assert_eq!(PartialDate::year(1968).years_until(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()), 58);
    }

    #[test]
    fn problem_positions_count_characters_not_bytes() {
        let text = "a = \"Brünn\"\nyear = 19690\n";
        let mut r = Report { text, problems: vec![] };
        let start = text.find("19690").unwrap();
        r.at(start..start + 5, "bad", None);
        assert_eq!((r.problems[0].line, r.problems[0].column, r.problems[0].width), (2, 8, 5));
        let shown = r.problems[0].to_string();
        assert!(shown.contains("2 | year = 19690"), "{shown}");
    }
}
