use proptest::prelude::*;

use super::*;
use crate::core::gazetteer::Place;
use crate::state::town::{add_partner, home_document, Facts, NewPartner, Texts, TOWN_HEADER};

fn place(name: &str, code: &str, coords: (f64, f64)) -> Place {
    Place {
        geonames_id: 1,
        name: name.into(),
        country_code: code.into(),
        country: code.into(),
        population: Some(250_000),
        coords: Some(coords),
        aliases: vec![],
    }
}

fn town() -> String {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    home_document(&place("Morley", "GB", (53.74, -1.6)), today, TOWN_HEADER, Some(HOME_ID))
}

fn partner(year: i32, summary: &str) -> NewPartner {
    NewPartner {
        facts: Facts { kind: "twinning".into(), year, ..Facts::default() },
        texts: Texts { summary: summary.into(), ..Texts::default() },
        milestone: Some("Charter signed".into()),
        names: Vec::new(),
    }
}

fn with(doc: &str, name: &str, year: i32, summary: &str) -> String {
    add_partner(doc, &place(name, "DE", (50.875, 8.024)), &partner(year, summary)).unwrap().0
}

#[test]
fn an_export_reads_back_as_the_same_town() {
    let doc = with(&with(&town(), "Siegen", 1966, "=HYPERLINK(\"x\") a formula-like text"), "Brno", 1990, "A link.");
    let same = from_toml(Some(&doc), &doc).unwrap();
    assert_eq!(same.document, doc);
    assert!(same.is_empty(), "{same:?}");
    let csv = to_csv(&doc).unwrap();
    assert!(csv.starts_with("id,name,country,country_code,kind,year"), "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "a formula is marked as text: {csv}");
    assert!(csv.contains(",-1.6") || !csv.contains("'-"), "numbers stay numbers");
    let back = from_csv(Some(&doc), &csv).unwrap();
    assert!(back.is_empty(), "{back:?}");
    let (_, a) = load(&doc).unwrap();
    let (_, b) = load(&back.document).unwrap();
    assert_eq!(a, b, "the partners' fields, milestones included");
}

#[test]
fn a_csv_changes_partners_keeps_what_it_does_not_carry_and_says_what_changes() {
    let doc = with(&with(&town(), "Siegen", 1966, "Old."), "Brno", 1990, "A link.");
    let csv = "name,year,summary,areas,country,country_code,kind\r\nSiegen,1966,New text.,\"schools\nsport\",Germany,DE,twinning\r\n\
               Lille,1980,Another link.,,France,FR,friendship\r\n";
    let plan = from_csv(Some(&doc), csv).unwrap();
    assert_eq!(plan.added, ["Lille"]);
    assert_eq!(plan.removed, ["Brno"]);
    assert_eq!(plan.changed, ["Siegen"]);
    assert!(!plan.home_changed);
    let (_, partners) = load(&plan.document).unwrap();
    let siegen = &partners[0];
    assert_eq!((siegen.id.as_str(), siegen.summary.as_str()), ("siegen", "New text."));
    assert_eq!(siegen.areas, ["schools", "sport"]);
    assert_eq!(siegen.milestones.len(), 1, "the milestone the CSV does not carry is kept");
    assert_eq!(siegen.country_code, "DE", "a column left out is kept");
    assert_eq!(partners[1].id, "lille");
    // A spreadsheet in many languages saves with semicolons, and Excel with a byte-order mark.
    let semi = "\u{feff}name;year;summary\r\nSiegen;1966;Old.\r\nBrno;1990;A link.\r\n";
    assert!(from_csv(Some(&doc), semi).unwrap().is_empty());
}

#[test]
fn a_citys_names_in_each_language_go_out_and_come_back_in_their_columns() {
    let doc = add_partner(
        &town(),
        &place("Kharkiv", "UA", (49.98, 36.25)),
        &NewPartner {
            names: vec![("de".into(), "Charkiw".into()), ("uk".into(), "Харків".into())],
            ..partner(2001, "A link.")
        },
    )
    .unwrap()
    .0;
    let csv = to_csv(&doc).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",lon,name_en-GB,name_en-US,name_de,name_fr,name_cs,name_uk,name_zh-CN"), "{header}");
    assert!(csv.lines().nth(1).unwrap().ends_with(",,,Charkiw,,,Харків,"), "{csv}");
    assert!(from_csv(Some(&doc), &csv).unwrap().is_empty(), "read back the same");
    // A name changed, one added, one emptied (removed), and a column left out (kept).
    let csv = "name,name_de,name_cs,name_uk\r\nKharkiv,Charkow,Charkov,\r\n";
    let plan = from_csv(Some(&doc), csv).unwrap();
    assert_eq!(plan.changed, ["Kharkiv"]);
    let (_, partners) = load(&plan.document).unwrap();
    assert_eq!(partners[0].names, [("cs".to_string(), "Charkov".to_string()), ("de".into(), "Charkow".into())]);
    assert_eq!(partners[0].name_in(crate::core::i18n::lang("de").unwrap()), "Charkow");
    // Emptied everywhere, the table goes.
    let plan = from_csv(Some(&doc), "name,name_de,name_uk\nKharkiv,,\n").unwrap();
    assert!(!plan.document.contains("names ="), "{}", plan.document);
    // The town's own language is its `name`; a name another city has is refused, at its line.
    let own = from_csv(Some(&doc), "name,name_en-GB\nKharkiv,Kharkov\n").unwrap_err().to_string();
    assert!(own.starts_with("line 2: ") && own.contains("own language"), "{own}");
    let taken = from_csv(Some(&doc), "name,name_de\nKharkiv,Morley\n").unwrap_err().to_string();
    assert!(taken.contains("line 2: ") && taken.contains("Morley"), "{taken}");
}

#[test]
fn hostile_csv_is_refused_with_its_line_and_column() {
    let doc = with(&town(), "Siegen", 1966, "Old.");
    let formula = "name,year,summary\nSiegen,1966,\"=HYPERLINK(\"\"http://evil\"\")\"\n";
    assert_eq!(
        from_csv(Some(&doc), formula),
        Err(ImportError::Formula { line: 2, column: "summary".into(), text: "=HYPERLINK(\"http://evil\")".into() })
    );
    for cell in ["+1+2", "@SUM(A1)", "-2+3", "\tcmd"] {
        let csv = format!("name,year,notes\nSiegen,1966,\"{cell}\"\n");
        assert!(matches!(from_csv(Some(&doc), &csv), Err(ImportError::Formula { .. })), "{cell:?}");
    }
    // A year a data file cannot hold is no date: never written as another year.
    for far in ["0999-12-31", "70000-01-01"] {
        let csv = format!("name,year,suspended\nSiegen,1966,{far}\n");
        assert!(matches!(from_csv(Some(&doc), &csv), Err(ImportError::BadCell { line: 2, .. })), "{far}");
    }
    let bad_year = "name,year\nSiegen,soon\n";
    assert!(matches!(from_csv(Some(&doc), bad_year), Err(ImportError::BadCell { line: 2, expected: "1969", .. })));
    assert_eq!(
        from_csv(Some(&doc), "name,colour\nSiegen,red\n"),
        Err(ImportError::UnknownColumn { line: 1, column: "colour".into() })
    );
    assert_eq!(from_csv(Some(&doc), "year\n1966\n"), Err(ImportError::NoNameColumn));
    assert!(matches!(from_csv(Some(&doc), "name,year\nSiegen,1966,extra\n"), Err(ImportError::Csv { line: 2, .. })));
    assert_eq!(from_csv(None, "name\nSiegen\n"), Err(ImportError::CsvNeedsTown));
    // A quote never closed would take the rest of the file as one cell: refused at its line.
    let unclosed = "name,year,summary\nSiegen,1966,\"never \"\"closed\nBrno,1990,x\n";
    assert!(matches!(from_csv(Some(&doc), unclosed), Err(ImportError::Csv { line: 2, .. })), "{unclosed:?}");
    let closed = "name,year,summary\nSiegen,1966,\"a\nb, \"\"c\"\"\"\n";
    assert!(from_csv(Some(&doc), closed).is_ok(), "a quoted cell over two lines, with a quote in it");
    let twice = "name,year,summary\nSiegen,1966,a\nSiegen,1966,b\n";
    assert!(matches!(from_csv(Some(&doc), twice), Err(ImportError::Twice { line: 3, .. })));
    let mut many = String::from("name,year,summary\n");
    for i in 0..=MAX_PARTNERS {
        many.push_str(&format!("Town {i},1990,A link.\n"));
    }
    assert!(matches!(
        from_csv(Some(&doc), &many),
        Err(ImportError::Town(TownError::TooMany { what: crate::state::town::Cap::Partners, limit: MAX_PARTNERS }))
    ));
    // What fails the data checks is refused with the checks' words.
    let Err(ImportError::Town(TownError::Invalid(problems))) =
        from_csv(Some(&doc), "name,year,date,summary\nSiegen,1966,1970-01-01,a\n")
    else {
        panic!("a date against its year is refused")
    };
    assert!(problems.iter().any(|p| p.starts_with("line 2: ") && p.contains("1970-01-01")), "{problems:?}");
    // A new partner without a country: the file's line is named, not the document's.
    let Err(ImportError::Town(TownError::Invalid(problems))) =
        from_csv(Some(&doc), "name,year,summary\nSiegen,1966,a\nLille,1980,b\n")
    else {
        panic!("a partner without a country is refused")
    };
    assert!(problems.iter().any(|p| p.starts_with("line 3: ") && p.contains("country")), "{problems:?}");
    assert!(problems.iter().all(|p| !p.contains("docs/")), "no pointer to our documentation: {problems:?}");
}

#[test]
fn hostile_toml_is_refused_before_it_is_parsed() {
    let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(from_toml(None, &deep), Err(ImportError::TooDeep { line: 1, limit: MAX_DEPTH }));
    let tables = format!("a = {}1{}", "{b = ".repeat(10_000), "}".repeat(10_000));
    assert!(matches!(from_toml(None, &tables), Err(ImportError::TooDeep { .. })));
    let dotted = format!("[home]\nname = \"x\"\n{} = 1\n", vec!["a"; 10_000].join("."));
    assert_eq!(from_toml(None, &dotted), Err(ImportError::TooDeep { line: 3, limit: MAX_DEPTH }));
    let header = format!("[{}]\n", vec!["a"; 100].join("."));
    assert!(matches!(from_toml(None, &header), Err(ImportError::TooDeep { line: 1, .. })));
    // Brackets and dots inside strings and comments are text.
    let text = format!("# {}\n[home]\nname = \"{}\"\n", "[".repeat(100), "[.".repeat(100));
    assert!(within_depth(&text).is_ok());
    // A data file's own nesting passes.
    assert!(within_depth(&town()).is_ok());
    assert!(within_depth(include_str!("../../../data/dortmund.toml")).is_ok());
    // Not a data file: refused with the loader's words and lines.
    let Err(ImportError::Town(TownError::Invalid(problems))) = from_toml(None, "[server]\nname = 1\n") else {
        panic!("not a data file")
    };
    assert!(problems[0].starts_with("1:"), "{problems:?}");
    // 201 partners.
    let mut many = town();
    for i in 0..=MAX_PARTNERS {
        many.push_str(&format!(
            "\n[[partner]]\nname = \"Town {i}\"\ncountry = \"France\"\ncountry_code = \"FR\"\nkind = \"twinning\"\n\
             year = 1990\nsummary = \"A link.\"\n"
        ));
    }
    assert_eq!(
        from_toml(None, &many),
        Err(ImportError::Town(TownError::TooMany { what: crate::state::town::Cap::Partners, limit: MAX_PARTNERS }))
    );
    let big = format!("{}\n{}", town(), "# padding\n".repeat(MAX_DOCUMENT / 10));
    assert!(matches!(from_toml(None, &big), Err(ImportError::TooBig { .. })));
}

#[test]
fn a_data_file_imports_as_a_town_keeping_the_ids_of_partners_it_names() {
    let now = with(&town(), "Siegen", 1966, "Old.");
    let file = include_str!("../../../data/dortmund.toml").replace("name = \"Amiens\"", "name = \"Siegen\"");
    let plan = from_toml(Some(&now), &file).unwrap();
    let (home, partners) = load(&plan.document).unwrap();
    assert_eq!((home.id.as_str(), home.name.as_str()), (HOME_ID, "Dortmund"));
    assert!(plan.home_changed);
    assert_eq!(partners[0].id, "siegen", "a partner named as one the town has keeps its id");
    assert_eq!(plan.changed, ["Siegen"]);
    assert_eq!(plan.added.len(), partners.len() - 1);
    assert!(plan.removed.is_empty());
}

#[test]
fn formula_marks_round_trip() {
    for cell in ["=1", "'=1", "''=1", "-1.5", "- item", "'tis", "@here", "plain", ""] {
        let written = escape(cell);
        assert!(!runs(&written), "{written:?} would run");
        assert_eq!(unescape(&written), Ok(cell), "{cell:?} → {written:?}");
    }
}

/// A generated partner: a name, its date, its texts and lists.
#[derive(Debug, Clone)]
struct Gen {
    name: String,
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    summary: String,
    notes: Option<String>,
    areas: Vec<String>,
    sources: Vec<String>,
    names: Vec<(String, String)>,
}

fn text() -> impl Strategy<Value = String> {
    // Printable text, with the characters that break CSV, TOML and spreadsheets.
    proptest::string::string_regex("[=+@'\"\\-,;\n a-zA-Zé東\\\\]{1,60}")
        .unwrap()
        .prop_filter("has a letter", |s| s.chars().any(char::is_alphabetic))
}

fn generated() -> impl Strategy<Value = Gen> {
    (
        "[A-Z][a-zéü]{2,10}( [A-Z][a-z]{2,8})?",
        1950i32..2025,
        proptest::option::of((1u32..=12, proptest::option::of(1u32..=28))),
        text(),
        proptest::option::of(text()),
        proptest::collection::vec("[=@a-z][a-z ,;]{0,20}[a-z]", 0..4),
        proptest::collection::vec("https://[a-z]{1,10}\\.org/[a-z0-9]{0,10}", 0..3),
        proptest::collection::btree_map(
            proptest::sample::select(vec!["en-US", "de", "fr", "cs", "uk", "zh-CN"]),
            "[=@'A-Z][a-zéü東\\-]{2,10}",
            0..3,
        ),
    )
        .prop_map(|(name, year, md, summary, notes, areas, sources, names)| Gen {
            name,
            year,
            month: md.map(|(m, _)| m),
            day: md.and_then(|(_, d)| d),
            summary,
            notes,
            areas,
            sources,
            names: names.into_iter().map(|(l, n)| (l.to_string(), n)).collect(),
        })
}

fn town_of(gens: &[Gen]) -> String {
    let mut doc = town();
    for g in gens {
        let date = g.month.zip(g.day).and_then(|(m, d)| chrono::NaiveDate::from_ymd_opt(g.year, m, d));
        let new = NewPartner {
            facts: Facts {
                kind: "partnership".into(),
                year: g.year,
                month: g.month.filter(|_| date.is_none()),
                date,
                suspended: None,
                sources: g.sources.clone(),
            },
            texts: Texts { summary: g.summary.clone(), roots: None, notes: g.notes.clone(), areas: g.areas.clone() },
            milestone: Some("First visit".into()),
            names: g.names.clone(),
        };
        if let Ok((next, _)) = add_partner(&doc, &place(&g.name, "FR", (48.123, -2.5)), &new) {
            doc = next;
        }
    }
    doc
}

proptest! {
    // 64 towns in `cargo test`; PROPTEST_CASES=100000 for a long run (docs/contributors.md).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn exports_import_back_unchanged(gens in proptest::collection::vec(generated(), 0..8)) {
        let doc = town_of(&gens);
        let Ok(partners) = checked(&doc) else { return Ok(()) };
        let toml = from_toml(Some(&doc), &doc).unwrap();
        prop_assert_eq!(&toml.document, &doc);
        prop_assert!(toml.is_empty());
        let csv = to_csv(&doc).unwrap();
        let back = from_csv(Some(&doc), &csv).unwrap();
        prop_assert!(back.is_empty(), "{:?}", back);
        let (_, again) = load(&back.document).unwrap();
        prop_assert_eq!(again, partners);
    }
}

#[test]
fn rows_are_named_by_their_line_whatever_ends_them() {
    let doc = with(&town(), "Siegen", 1966, "Old.");
    for end in ["\n", "\r\n"] {
        let csv = format!(
            "name,year,summary{end}Siegen,1966,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"{end}"
        );
        let Err(ImportError::Formula { line, .. }) = from_csv(Some(&doc), &csv) else { panic!("{end:?}") };
        assert_eq!(line, 2, "{end:?}");
    }
}
