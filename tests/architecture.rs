//! The layers' arrows, checked on the source: each top-level module imports only what
//! [`MAY_IMPORT`] below says it may (the one place the layers are written; docs/contributors.md,
//! "Architecture", describes them), there are no circles between modules (nor between the core's
//! parts), serenity is imported only under `src/discord/` and rusqlite only under `src/store/`.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What each top-level module may import. `main.rs` and `lib.rs` are the roots and import
/// anything.
const MAY_IMPORT: &[(&str, &[&str])] = &[
    ("core", &[]),
    ("anniversaries", &["core"]),
    // A server's state: the document, its changes and the rules of each setting.
    ("state", &["core", "anniversaries"]),
    ("ledger", &["core", "anniversaries", "state"]),
    ("pictures", &["core", "anniversaries"]),
    ("commands", &["core", "anniversaries", "state", "ledger", "pictures"]),
    ("config", &["core", "anniversaries", "state"]),
    ("store", &["core", "anniversaries", "state", "ledger"]),
    // The application draws the covers of the servers' events (pictures) for the poster.
    ("app", &["core", "anniversaries", "state", "ledger", "pictures", "commands", "store", "config"]),
    ("discord", &["core", "anniversaries", "state", "ledger", "commands", "store", "config", "app"]),
    // The calendar feeds served beside Discord's interactions.
    ("feed", &["core", "anniversaries", "app"]),
    ("runtime", &["core", "config", "app", "discord", "feed", "ledger"]),
    // The programs beside twinbot (src/bin): the picture renderer.
    ("bin", &["pictures"]),
    (
        "cli",
        &[
            "core",
            "anniversaries",
            "state",
            "ledger",
            "pictures",
            "commands",
            "store",
            "config",
            "app",
            "discord",
            "feed",
            "runtime",
        ],
    ),
];

/// The core's parts: the data model and folding at the bottom, the reply and the languages beside
/// them.
const CORE_MAY_IMPORT: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("reply", &[]),
    // ICU4X's CLDR data for the bot's languages, generated (tools/icu-data), read by i18n only.
    ("icu_data", &[]),
    ("i18n", &["reply"]),
    ("data", &["text", "i18n"]),
    ("phrases", &["data", "i18n"]),
    ("matcher", &["data", "text", "i18n"]),
    ("catalog", &["data", "matcher", "i18n"]),
    ("gazetteer", &["data", "matcher", "catalog", "text", "i18n"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its comments (doc links may point anywhere).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::a` (or `crate::core::b` when `prefix` is `core::`) a source names.
fn named(text: &str, prefix: &str) -> BTreeSet<String> {
    let needle = format!("crate::{prefix}");
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices(&needle) {
        let rest = &text[i + needle.len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

/// (module, modules it names), from the files under `src/` (or under `src/core/`).
fn graph(root: &Path, prefix: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(root).unwrap();
        let module = rel.iter().next().unwrap().to_string_lossy().trim_end_matches(".rs").to_string();
        if ["main", "lib", "mod"].contains(&module.as_str()) {
            continue;
        }
        let names = named(&code(&f), prefix);
        edges.entry(module.clone()).or_default().extend(names.into_iter().filter(|n| *n != module));
    }
    edges
}

fn check_allowed(edges: &BTreeMap<String, BTreeSet<String>>, allowed: &[(&str, &[&str])]) -> Vec<String> {
    let mut wrong = Vec::new();
    for (module, uses) in edges {
        let Some((_, may)) = allowed.iter().find(|(m, _)| m == module) else {
            wrong.push(format!("{module} is not in the table of layers"));
            continue;
        };
        for u in uses {
            if !may.contains(&u.as_str()) {
                wrong.push(format!("{module} imports {u}"));
            }
        }
    }
    wrong
}

/// A circle in the graph, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            return Some(path[i..].to_vec());
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for next in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    let edges = graph(&support::root().join("src"), "");
    assert!(edges.contains_key("discord") && edges.contains_key("core"), "{edges:?}");
    let wrong = check_allowed(&edges, MAY_IMPORT);
    assert!(wrong.is_empty(), "imports against the layers:\n{}", wrong.join("\n"));
    assert_eq!(circle(&edges), None);
}

#[test]
fn the_cores_parts_have_no_circles() {
    let edges = graph(&support::root().join("src/core"), "core::");
    let wrong = check_allowed(&edges, CORE_MAY_IMPORT);
    assert!(wrong.is_empty(), "imports against the core's order:\n{}", wrong.join("\n"));
    assert_eq!(circle(&edges), None);
}

#[test]
fn serenity_only_in_the_discord_module_and_rusqlite_only_in_the_store() {
    let mut files = Vec::new();
    rust_files(&support::root().join("src"), &mut files);
    let mut wrong = Vec::new();
    for f in &files {
        let text = code(f);
        let rel = f.strip_prefix(support::root()).unwrap().to_string_lossy().to_string();
        if text.contains("serenity::") && !rel.starts_with("src/discord/") {
            wrong.push(format!("{rel} uses serenity"));
        }
        if text.contains("rusqlite") && !rel.starts_with("src/store/") {
            wrong.push(format!("{rel} uses rusqlite"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_checks_catch_what_they_are_for() {
    // A circle and a wrong arrow in a made-up graph are found.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges.entry("core".into()).or_default().insert("ledger".into());
    edges.entry("ledger".into()).or_default().insert("core".into());
    assert_eq!(check_allowed(&edges, MAY_IMPORT), vec!["core imports ledger".to_string()]);
    assert!(circle(&edges).is_some());
    assert_eq!(
        named("use crate::core::data::X; crate::ledger::poster", ""),
        BTreeSet::from(["core".into(), "ledger".into()])
    );
}
