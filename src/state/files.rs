//! A town's files in and out: its document as it is (TOML, the format of the data files) and its
//! partners as a CSV for spreadsheets; an import read from either, checked as a data file is, and
//! what it would change.
//!
//! A CSV cell a spreadsheet would run as a formula (one beginning with `=`, `+`, `-`, `@`, a tab
//! or a carriage return, and not a plain number) is written with a leading `'`, which
//! spreadsheets show as text; an import takes that mark away again, and refuses a cell that
//! would run.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

use std::collections::HashMap;

use toml_edit::{value, Array, ArrayOfTables, DocumentMut, Item, Table};

use super::town::{checked, load, new_id, problems, TownError, HOME_ID, KINDS, MAX_DOCUMENT, MAX_PARTNERS};
use crate::core::data::{LinkKind, Partner, MAX_YEAR, MIN_YEAR};
use crate::core::text::fold;

/// The CSV's columns, in the order an export writes them. An import needs `name`; the others may
/// be left out (a partner's value is then kept, or unset for a new partner).
pub const COLUMNS: [&str; 20] = [
    "id",
    "name",
    "country",
    "country_code",
    "kind",
    "year",
    "month",
    "date",
    "suspended",
    "summary",
    "roots",
    "notes",
    "areas",
    "aliases",
    "groups",
    "via",
    "sources",
    "population",
    "lat",
    "lon",
];

/// The columns of a city's name in each language twinbot speaks (`names` in the data files), after
/// [`COLUMNS`]: `name_de` is its name in German. The town's own language's stays empty (its name
/// is `name`).
pub const NAME_COLUMNS: [&str; 7] =
    ["name_en-GB", "name_en-US", "name_de", "name_fr", "name_cs", "name_uk", "name_zh-CN"];

/// Every column a CSV may have, in the order an export writes them.
pub fn all_columns() -> impl Iterator<Item = &'static str> {
    COLUMNS.into_iter().chain(NAME_COLUMNS)
}

/// The language of a name column (`name_de`: `de`).
fn name_locale(column: &str) -> Option<&str> {
    column.strip_prefix("name_")
}

/// The columns holding lists: one item per line of the cell.
const LISTS: [&str; 4] = ["areas", "aliases", "groups", "sources"];

/// How deep brackets, braces and dotted keys may nest in an imported TOML file (a data file
/// needs 3; a parser walking 10,000 levels could run out of stack).
pub const MAX_DEPTH: usize = 16;

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Which kind of file an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Toml,
    Csv,
}

impl Kind {
    /// The kind a file's name says (`.toml` or `.csv`), or None.
    pub fn of(filename: &str) -> Option<Kind> {
        let lower = filename.to_ascii_lowercase();
        if lower.ends_with(".toml") {
            Some(Kind::Toml)
        } else if lower.ends_with(".csv") {
            Some(Kind::Csv)
        } else {
            None
        }
    }
}

/// Why a file cannot be imported: nothing was changed. Its `Display` is the operator's words;
/// moderators read it in their language (`commands::town`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{filename:?} is neither a TOML file (.toml) nor a CSV file (.csv)")]
    WrongKind { filename: String },
    #[error("the file is not on Discord's attachment hosts (it is on {host})")]
    NotDiscord { host: String },
    #[error("the file's host sent it on to {to}, which is not one of Discord's attachment hosts")]
    Redirected { to: String },
    #[error("the file is {found}, not text")]
    ContentType { found: String },
    #[error("the file took longer than {seconds} s to fetch")]
    Timeout { seconds: u64 },
    #[error("the file could not be fetched: {why}")]
    Unreachable { why: String },
    #[error("the file is {size} bytes; at most {limit} are imported")]
    TooBig { size: u64, limit: usize },
    #[error("the file is not text (UTF-8)")]
    NotText,
    #[error("line {line}: brackets or dotted keys nest more than {limit} deep")]
    TooDeep { line: usize, limit: usize },
    #[error("a CSV import changes a town's partners: make the town first, or import its TOML file")]
    CsvNeedsTown,
    #[error("line {line}: the column {column:?} is not one of a town's ({})", all_columns().collect::<Vec<_>>().join(", "))]
    UnknownColumn { line: u64, column: String },
    #[error("the first line names the columns, and one must be \"name\"")]
    NoNameColumn,
    #[error("line {line}, column {column}: {text:?} begins like a spreadsheet formula; write it with a ' before it")]
    Formula { line: u64, column: String, text: String },
    /// A cell the column does not take; `expected` is an example of what it takes.
    #[error("line {line}, column {column}: {text:?} is not valid here (such as {expected})")]
    BadCell { line: u64, column: String, text: String, expected: &'static str },
    #[error("line {line}: {name} is listed twice")]
    Twice { line: u64, name: String },
    #[error("line {line}: {why}")]
    Csv { line: u64, why: String },
    /// The result fails the data files' checks or the caps.
    #[error("{0}")]
    Town(TownError),
}

/// What an import would do: the new document, and the partners it adds, removes and changes (by
/// name), and whether it changes the home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub document: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
    pub home_changed: bool,
}

impl Plan {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty() && !self.home_changed
    }
}

/// A town's partners as a CSV, with a header line of [`COLUMNS`].
pub fn to_csv(document: &str) -> Result<String, TownError> {
    let (_, partners) = load(document).map_err(|e| TownError::Invalid(problems(&e)))?;
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let row_err = |e: csv::Error| TownError::Invalid(vec![e.to_string()]);
    w.write_record(all_columns()).map_err(row_err)?;
    for p in &partners {
        let cells: Vec<String> = all_columns().map(|c| escape(&cell(p, c))).collect();
        w.write_record(&cells).map_err(row_err)?;
    }
    let bytes = w.into_inner().map_err(|e| TownError::Invalid(vec![e.to_string()]))?;
    Ok(String::from_utf8(bytes).expect("written from strings"))
}

/// A partner's cell in a column.
fn cell(p: &Partner, column: &str) -> String {
    let lines = |v: &[String]| v.join("\n");
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    match column {
        "id" => p.id.clone(),
        "name" => p.name.clone(),
        "country" => p.country.clone(),
        "country_code" => p.country_code.clone(),
        "kind" => kind_name(p.kind).to_string(),
        "year" => p.since.year.to_string(),
        "month" => match (p.since.month, p.since.day) {
            (Some(m), None) => m.to_string(),
            _ => String::new(),
        },
        "date" => match (p.since.month, p.since.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", p.since.year),
            _ => String::new(),
        },
        "suspended" => p.suspended.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
        "summary" => p.summary.clone(),
        "roots" => opt(&p.roots),
        "notes" => opt(&p.notes),
        "areas" => lines(&p.areas),
        "aliases" => lines(&p.aliases),
        "groups" => lines(&p.groups),
        "via" => opt(&p.via),
        "sources" => lines(&p.sources),
        "population" => p.population.map(|n| n.to_string()).unwrap_or_default(),
        "lat" => p.coords.map(|c| c.lat.to_string()).unwrap_or_default(),
        "lon" => p.coords.map(|c| c.lon.to_string()).unwrap_or_default(),
        other => match name_locale(other) {
            Some(l) => p.names.iter().find(|(x, _)| x == l).map(|(_, n)| n.clone()).unwrap_or_default(),
            None => String::new(),
        },
    }
}

fn kind_name(k: LinkKind) -> &'static str {
    match k {
        LinkKind::Twinning => KINDS[0],
        LinkKind::Partnership => KINDS[1],
        LinkKind::Friendship => KINDS[2],
    }
}

/// Whether a spreadsheet would run a cell as a formula: it begins with one of [`FORMULA`], and is
/// not a plain number (a longitude of -1.5 stays a number).
fn runs(cell: &str) -> bool {
    cell.starts_with(FORMULA) && cell.trim().parse::<f64>().is_err()
}

/// A cell as an export writes it: with a `'` before anything a spreadsheet would run, and before
/// a `'` that already stands there (so that an import takes exactly one away).
pub fn escape(cell: &str) -> String {
    if runs(cell.trim_start_matches('\'')) && (cell.starts_with('\'') || runs(cell)) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A cell as an import reads it: the export's mark taken away, or refused if it would run.
fn unescape(cell: &str) -> Result<&str, ()> {
    let bare = cell.trim_start_matches('\'');
    if cell.starts_with('\'') && runs(bare) {
        Ok(&cell[1..])
    } else if runs(cell) {
        Err(())
    } else {
        Ok(cell)
    }
}

/// How deep a TOML text nests brackets, braces and dotted keys, outside its strings and
/// comments; the first line found deeper than [`MAX_DEPTH`] is refused. Read before the parser
/// sees the text.
pub fn within_depth(text: &str) -> Result<(), ImportError> {
    #[derive(PartialEq, Clone, Copy)]
    enum In {
        Code,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
        Comment,
    }
    let bytes = text.as_bytes();
    let (mut state, mut line, mut key_dots) = (In::Code, 1usize, 0usize);
    // What is open: `[` or `{`.
    let mut open: Vec<u8> = Vec::new();
    // Whether a key is being read (before its `=`), where dots nest tables: at the start of a
    // line outside any bracket, in a table's header, and after `{` or `,` in an inline table.
    let mut in_key = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let starts = |s: &[u8]| bytes[i..].starts_with(s);
        if b == b'\n' {
            line += 1;
            if matches!(state, In::Comment | In::Basic | In::Literal) {
                state = In::Code;
            }
            if open.is_empty() {
                in_key = true;
                key_dots = 0;
            }
        }
        match state {
            In::Code => match b {
                b'#' => state = In::Comment,
                b'"' if starts(b"\"\"\"") => {
                    state = In::MultiBasic;
                    i += 2;
                }
                b'\'' if starts(b"'''") => {
                    state = In::MultiLiteral;
                    i += 2;
                }
                b'"' => state = In::Basic,
                b'\'' => state = In::Literal,
                b'[' | b'{' => {
                    open.push(b);
                    if b == b'{' {
                        in_key = true;
                        key_dots = 0;
                    }
                }
                b']' | b'}' => {
                    open.pop();
                }
                b',' if open.last() == Some(&b'{') => {
                    in_key = true;
                    key_dots = 0;
                }
                b'=' => in_key = false,
                b'.' if in_key => key_dots += 1,
                _ => {}
            },
            In::Basic | In::MultiBasic if b == b'\\' => i += 1,
            In::Basic if b == b'"' => state = In::Code,
            In::Literal if b == b'\'' => state = In::Code,
            In::MultiBasic if starts(b"\"\"\"") => {
                state = In::Code;
                i += 2;
            }
            In::MultiLiteral if starts(b"'''") => {
                state = In::Code;
                i += 2;
            }
            _ => {}
        }
        if open.len() + key_dots > MAX_DEPTH {
            return Err(ImportError::TooDeep { line, limit: MAX_DEPTH });
        }
        i += 1;
    }
    Ok(())
}

/// The town a TOML file makes, over the current one (if any): the file's document with the home's
/// id that of every town, and each partner without an id given the id of the current partner of
/// that name (so that its posts are not made again), or a new one.
pub fn from_toml(current: Option<&str>, text: &str) -> Result<Plan, ImportError> {
    if text.len() > MAX_DOCUMENT {
        return Err(ImportError::TooBig { size: text.len() as u64, limit: MAX_DOCUMENT });
    }
    within_depth(text)?;
    load(text).map_err(|e| ImportError::Town(TownError::Invalid(problems(&e))))?;
    let mut doc: DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| ImportError::Town(TownError::Invalid(vec![e.to_string()])))?;
    if let Some(Item::Table(home)) = doc.get_mut("home") {
        if home.get("id").and_then(Item::as_str) != Some(HOME_ID) {
            home.insert("id", value(HOME_ID));
        }
    }
    let now = current.and_then(|c| load(c).ok()).map(|(_, p)| p).unwrap_or_default();
    if let Some(Item::ArrayOfTables(list)) = doc.get_mut("partner") {
        let mut taken: Vec<String> =
            list.iter().filter_map(|t| t.get("id").and_then(Item::as_str).map(str::to_string)).collect();
        for t in list.iter_mut() {
            if t.contains_key("id") {
                continue;
            }
            let name = t.get("name").and_then(Item::as_str).unwrap_or_default().to_string();
            let same = now.iter().find(|p| fold(&p.name) == fold(&name) && !taken.contains(&p.id));
            let id = same.map(|p| p.id.clone()).unwrap_or_else(|| new_id(&name, &taken));
            taken.push(id.clone());
            t.insert("id", value(id));
        }
    }
    plan(current, doc.to_string())
}

/// What importing a file's text over the current town would do, read as its kind says.
pub fn read(kind: Kind, current: Option<&str>, text: &str) -> Result<Plan, ImportError> {
    match kind {
        Kind::Toml => from_toml(current, text),
        Kind::Csv => from_csv(current, text),
    }
}

/// One CSV row, read: its line and its cells by column.
struct Row {
    line: u64,
    cells: HashMap<&'static str, String>,
}

/// The town a CSV file makes of the current one: each row a partner (matched to the current
/// partners by id, else by name), in the file's order; a partner missing from the file is
/// removed. The partners' own fields are the file's; their milestones, translations and any
/// column the file leaves out are kept.
pub fn from_csv(current: Option<&str>, text: &str) -> Result<Plan, ImportError> {
    let current = current.ok_or(ImportError::CsvNeedsTown)?;
    if text.len() > MAX_DOCUMENT {
        return Err(ImportError::TooBig { size: text.len() as u64, limit: MAX_DOCUMENT });
    }
    let rows = read_rows(text)?;
    let (_, now) = load(current).map_err(|e| ImportError::Town(TownError::Invalid(problems(&e))))?;
    let mut doc: DocumentMut = current
        .parse()
        .map_err(|e: toml_edit::TomlError| ImportError::Town(TownError::Invalid(vec![e.to_string()])))?;
    let mut tables: Vec<Table> = match doc.remove("partner") {
        Some(Item::ArrayOfTables(list)) => list.into_iter().collect(),
        _ => Vec::new(),
    };
    let mut taken: Vec<String> =
        rows.iter().filter_map(|r| r.cells.get("id").filter(|i| !i.is_empty()).cloned()).collect();
    let mut used: Vec<String> = Vec::new();
    let mut list = ArrayOfTables::new();
    for row in &rows {
        let name = row.cells.get("name").cloned().unwrap_or_default();
        let given = row.cells.get("id").filter(|i| !i.is_empty()).cloned();
        let at = match &given {
            Some(id) => now.iter().position(|p| &p.id == id),
            None => now.iter().position(|p| fold(&p.name) == fold(&name)),
        };
        let (id, mut t) = match at {
            Some(i) => (now[i].id.clone(), std::mem::take(&mut tables[i])),
            None => {
                let id = given.clone().unwrap_or_else(|| new_id(&name, &taken));
                (id, Table::new())
            }
        };
        if used.contains(&id) {
            return Err(ImportError::Twice { line: row.line, name });
        }
        used.push(id.clone());
        taken.push(id.clone());
        t.insert("id", value(id.as_str()));
        write_row(&mut t, row)?;
        list.push(t);
    }
    if list.len() > MAX_PARTNERS {
        return Err(ImportError::Town(TownError::TooMany { what: super::town::Cap::Partners, limit: MAX_PARTNERS }));
    }
    if !list.is_empty() {
        doc.insert("partner", Item::ArrayOfTables(list));
    }
    let document = doc.to_string();
    // The checks name lines of the document made from the file; a member knows the file's.
    if let Err(TownError::Invalid(problems)) = checked(&document) {
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        let problems = problems.iter().map(|p| in_csv(&document, p, &lines)).collect();
        return Err(ImportError::Town(TownError::Invalid(problems)));
    }
    plan(Some(current), document)
}

/// A problem the checks found at "LINE:COLUMN: …" of the document made from a CSV, as "line N: …"
/// of the CSV row that made the partner there (the n-th `[[partner]]` table is the n-th row).
fn in_csv(document: &str, problem: &str, rows: &[u64]) -> String {
    let Some((at, rest)) = problem.split_once(':') else { return problem.to_string() };
    let Ok(line) = at.parse::<usize>() else { return problem.to_string() };
    let rest = rest.split_once(':').map_or(rest, |(_, r)| r).trim_start();
    let tables = document.lines().take(line).filter(|l| l.trim() == "[[partner]]").count();
    match tables.checked_sub(1).and_then(|i| rows.get(i)) {
        Some(row) => format!("line {row}: {rest}"),
        None => rest.to_string(),
    }
}

/// The rows of a CSV file, each cell checked and unescaped. The header names the columns; a
/// file saved with `;` between cells (as spreadsheets in many languages save it) is read so too.
fn read_rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') && !first.contains(',') { b';' } else { b',' };
    if let Some(line) = unclosed_quote(text.as_bytes(), delimiter) {
        // The reader would take the rest of the file as that one cell (and the partners after
        // it as gone).
        let why = "a cell in quotes begins on this line, and its closing quote (\") is missing".to_string();
        return Err(ImportError::Csv { line, why });
    }
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
    // A line is counted from the first byte of a record (the reader's own count, and the byte
    // where it says a record starts, stop short at the "\n" of a line ending in "\r\n").
    let line_at = |byte: u64| {
        let mut at = (byte as usize).min(text.len());
        while matches!(text.as_bytes().get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        1 + text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() as u64
    };
    let line_of = |e: &csv::Error| e.position().map_or(1, |p| line_at(p.byte()));
    let headers = reader.headers().map_err(|e| ImportError::Csv { line: line_of(&e), why: csv_why(&e) })?.clone();
    let mut columns: Vec<&'static str> = Vec::new();
    for h in headers.iter() {
        let h = h.trim();
        match all_columns().find(|c| c.eq_ignore_ascii_case(h)) {
            Some(c) if !columns.contains(&c) => columns.push(c),
            _ => return Err(ImportError::UnknownColumn { line: 1, column: h.to_string() }),
        }
    }
    if !columns.contains(&"name") {
        return Err(ImportError::NoNameColumn);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv { line: line_of(&e), why: csv_why(&e) })?;
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() >= MAX_PARTNERS {
            return Err(ImportError::Town(TownError::TooMany {
                what: super::town::Cap::Partners,
                limit: MAX_PARTNERS,
            }));
        }
        let mut cells = HashMap::new();
        for (column, raw) in columns.iter().zip(record.iter()) {
            let text = unescape(raw).map_err(|()| ImportError::Formula {
                line,
                column: column.to_string(),
                text: raw.chars().take(40).collect(),
            })?;
            cells.insert(*column, text.trim().to_string());
        }
        rows.push(Row { line, cells });
    }
    Ok(rows)
}

/// The line of a cell whose opening quote is never closed, if there is one (RFC 4180: a quote
/// opens a cell only at its start, and `""` inside it is a quote).
fn unclosed_quote(text: &[u8], delimiter: u8) -> Option<u64> {
    let (mut line, mut opened, mut quoted, mut at_start) = (1u64, 0u64, false, true);
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if quoted {
            if b == b'"' {
                if text.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_start {
            (quoted, opened) = (true, line);
        }
        at_start = !quoted && (b == delimiter || b == b'\n' || b == b'\r');
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    quoted.then_some(opened)
}

fn csv_why(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("{len} cells where the first line names {expected_len} columns")
        }
        csv::ErrorKind::Utf8 { .. } => "the file is not text (UTF-8)".to_string(),
        _ => e.to_string(),
    }
}

/// Writes a row's cells into a partner's table: each column given set, or taken away when empty.
fn write_row(t: &mut Table, row: &Row) -> Result<(), ImportError> {
    let bad = |column: &str, text: &str, expected: &'static str| ImportError::BadCell {
        line: row.line,
        column: column.to_string(),
        text: text.chars().take(40).collect(),
        expected,
    };
    for column in all_columns() {
        let Some(text) = row.cells.get(column) else { continue };
        if column == "id" {
            continue;
        }
        if let Some(locale) = name_locale(column) {
            super::town::set_name(t, locale, Some(text.lines().map(str::trim).collect::<Vec<_>>().join(" ").as_str()));
            continue;
        }
        if text.is_empty() {
            t.remove(column);
            continue;
        }
        let item = if LISTS.contains(&column) {
            let mut list = Array::new();
            for item in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                list.push(item);
            }
            value(list)
        } else {
            match column {
                "year" => match text.parse::<i64>() {
                    Ok(y) if (i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&y) => value(y),
                    _ => return Err(bad(column, text, "1969")),
                },
                "month" => match text.parse::<i64>() {
                    Ok(m) if (1..=12).contains(&m) => value(m),
                    _ => return Err(bad(column, text, "1–12")),
                },
                "population" => match text.parse::<i64>() {
                    Ok(n) if n >= 0 => value(n),
                    _ => return Err(bad(column, text, "250000")),
                },
                "date" | "suspended" => match super::town::typed_date(text) {
                    Some(d) => value(super::town::toml_date(d)),
                    None => return Err(bad(column, text, "YYYY-MM-DD")),
                },
                "lat" | "lon" => match text.parse::<f64>() {
                    Ok(x) if x.is_finite() => value(x),
                    _ => return Err(bad(column, text, "51.5")),
                },
                "kind" if !KINDS.contains(&text.as_str()) => {
                    return Err(bad(column, text, "twinning, partnership, friendship"))
                }
                _ => value(text.as_str()),
            }
        };
        t.insert(column, item);
    }
    Ok(())
}

/// What writing `document` over `current` would change, once it passes every check.
fn plan(current: Option<&str>, document: String) -> Result<Plan, ImportError> {
    let partners = checked(&document).map_err(ImportError::Town)?;
    let (home_before, before) = match current.and_then(|c| load(c).ok()) {
        Some((h, p)) => (Some(h), p),
        None => (None, Vec::new()),
    };
    let (home, _) = load(&document).map_err(|e| ImportError::Town(TownError::Invalid(problems(&e))))?;
    let added = partners.iter().filter(|p| !before.iter().any(|b| b.id == p.id)).map(|p| p.name.clone()).collect();
    let removed = before.iter().filter(|b| !partners.iter().any(|p| p.id == b.id)).map(|b| b.name.clone()).collect();
    let changed =
        partners.iter().filter(|p| before.iter().any(|b| b.id == p.id && b != *p)).map(|p| p.name.clone()).collect();
    let home_changed = home_before.is_none_or(|h| !same_home(&h, &home));
    Ok(Plan { document, added, removed, changed, home_changed })
}

/// Whether two homes read the same (where the file was loaded from aside).
fn same_home(a: &crate::core::data::Home, b: &crate::core::data::Home) -> bool {
    (&a.id, &a.name, &a.country, &a.country_code, &a.aliases, &a.about, &a.about_translations, &a.language)
        == (&b.id, &b.name, &b.country, &b.country_code, &b.aliases, &b.about, &b.about_translations, &b.language)
        && (a.population, a.coords, a.updated) == (b.population, b.coords, b.updated)
}

#[cfg(test)]
mod tests;
