//! Starting a group for a town that is not in data/: `twinbot init` and `twinbot add` from the
//! world gazetteer, then `check` and `ask`, through the real binary.

mod support;

use std::path::Path;
use std::process::Output;

use support::{root, twinbot_with};

/// Runs twinbot in `dir` (so that `data/<city>.toml` lands there), with the shipped gazetteer.
fn twinbot_in(dir: &Path, args: &[&str]) -> Output {
    let mut all = args.to_vec();
    let gazetteer = root().join("data/gazetteer");
    if matches!(args.first(), Some(&"init") | Some(&"add")) {
        all.extend(["--gazetteer", gazetteer.to_str().unwrap()]);
    }
    std::process::Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .current_dir(dir)
        .args(&all)
        .env_remove("DISCORD_TOKEN")
        .output()
        .expect("twinbot runs")
}

fn text(o: &Output) -> (i32, String, String) {
    (o.status.code().unwrap(), String::from_utf8_lossy(&o.stdout).into(), String::from_utf8_lossy(&o.stderr).into())
}

#[test]
fn a_siegen_group_starts_its_file_adds_leeds_and_finds_it_as_members_type_it() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = text(&twinbot_in(dir.path(), &["init", "Siegen"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("wrote data/siegen.toml"), "{out}");
    let file = dir.path().join("data/siegen.toml");
    let written = std::fs::read_to_string(&file).unwrap();
    for line in [
        "name = \"Siegen\"",
        "country = \"Germany\"",
        "country_code = \"DE\"",
        "population = 107242",
        "lat = 50.875\nlon = 8.024",
    ] {
        assert!(written.contains(line), "{line} in\n{written}");
    }
    assert!(written.contains("aliases = [\"Зиген\"]"), "its name in Russian: {written}");

    let leeds = [
        "add",
        "data/siegen.toml",
        "Лидс",
        "--year",
        "1966",
        "--date",
        "1966-07-16",
        "--summary",
        "Siegen's link with Morley, which Leeds took over in 1974.",
        "--source",
        "https://www.globalleeds.com/post/partner-city-siegen",
    ];
    let (code, out, err) = text(&twinbot_in(dir.path(), &leeds));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "added Leeds to data/siegen.toml");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("Started with `twinbot init` from the world gazetteer"), "comments are kept");
    assert!(written.contains("# about = "), "{written}");
    assert!(
        written.contains(
            "[[partner]]\nid = \"leeds\"\nname = \"Leeds\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\""
        ),
        "{written}"
    );
    let leeds_entry = &written[written.find("name = \"Leeds\"").unwrap()..];
    assert!(leeds_entry.contains("lat = 53.796\nlon = -1.548\n"), "where Leeds is, for the map: {leeds_entry}");
    let aliases = leeds_entry.lines().find(|l| l.starts_with("aliases = [")).expect("Leeds' other names");
    assert!(aliases.matches("\", \"").count() < 20, "at most 20: {aliases}");

    // It passes check as written, and answers as members type.
    let (code, out, _) = text(&twinbot_in(dir.path(), &["check", "data/siegen.toml"]));
    assert_eq!((code, out.trim()), (0, "data/siegen.toml: ok, 1 partner of Siegen"));
    std::fs::write(dir.path().join("config.toml"), "data = [\"data/siegen.toml\"]\n").unwrap();
    let config = dir.path().join("config.toml");
    let (code, out, err) = text(&twinbot_with(&config, &["ask", "--home", "Siegen", "partner", "lids"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("Siegen ↔ Leeds\n"), "{out}");
    assert!(out.contains("16 July 1966"), "{out}");

    // A partner the file already has is refused, and the file is left as it was.
    let before = std::fs::read_to_string(&file).unwrap();
    let (code, _, err) =
        text(&twinbot_in(dir.path(), &["add", "data/siegen.toml", "leeds", "--year", "1966", "--summary", "x"]));
    assert_eq!(code, 2);
    assert!(err.contains("data/siegen.toml already has Leeds"), "{err}");
    // Also when the file spells it otherwise: the entry's name is one of the city's names.
    let (code, _, err) =
        text(&twinbot_in(dir.path(), &["add", "data/siegen.toml", "Loidis", "--year", "1966", "--summary", "x"]));
    assert_eq!(code, 2, "{err}");
    // A city's names in other scripts are written too (Rostov-on-Don's Russian name).
    let (code, _, err) = text(&twinbot_in(dir.path(), &["init", "Rostov-on-Don", "--out", "rostov.toml"]));
    assert_eq!(code, 0, "{err}");
    let rostov = std::fs::read_to_string(dir.path().join("rostov.toml")).unwrap();
    assert!(rostov.contains("\"Ростов на Дон"), "{rostov}");
    // So is a date that contradicts the year.
    let (code, _, err) = text(&twinbot_in(
        dir.path(),
        &["add", "data/siegen.toml", "Dortmund", "--year", "1969", "--date", "1970-06-02", "--summary", "x"],
    ));
    assert_eq!(code, 2);
    assert!(err.contains("date 1970-06-02 contradicts year = 1969"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before);

    // init never overwrites.
    let (code, _, err) = text(&twinbot_in(dir.path(), &["init", "Siegen"]));
    assert_eq!(code, 2);
    assert!(err.contains("data/siegen.toml already exists"), "{err}");
}

#[test]
fn ambiguous_and_unknown_names_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    // Several cities are called Durham: the most populous, and how to pick another.
    let (code, out, _) = text(&twinbot_in(dir.path(), &["init", "Durham", "--out", "durham.toml"]));
    assert_eq!(code, 0);
    assert!(out.contains("note: took Durham (US"), "{out}");
    assert!(out.contains("Pick one with --country CODE, such as --country GB"), "{out}");
    let (code, _, _) = text(&twinbot_in(dir.path(), &["init", "Durham", "--country", "gb", "--out", "durham-gb.toml"]));
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(dir.path().join("durham-gb.toml")).unwrap().contains("country_code = \"GB\""));
    // An unknown name exits 1 with suggestions.
    let (code, _, err) = text(&twinbot_in(dir.path(), &["init", "Siegn"]));
    assert_eq!(code, 1);
    assert!(
        err.contains("no city called \"Siegn\" in the gazetteer") && err.contains("did you mean Siegen (DE)"),
        "{err}"
    );
    assert!(!dir.path().join("data").exists(), "nothing written");
}

#[test]
fn a_partner_added_with_its_names_in_other_languages_is_shown_in_each_and_found_by_each() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = text(&twinbot_in(dir.path(), &["init", "Leeds"]));
    assert_eq!(code, 0, "{err}");
    let add = [
        "add",
        "data/leeds.toml",
        "Kharkiv",
        "--year",
        "2023",
        "--kind",
        "friendship",
        "--summary",
        "A friendship formed in wartime.",
        "--name",
        "de=Charkiw",
        "--name",
        "uk=Харків",
        "--name",
        "zh-CN=哈尔科夫",
    ];
    let (code, out, err) = text(&twinbot_in(dir.path(), &add));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "added Kharkiv to data/leeds.toml");
    let written = std::fs::read_to_string(dir.path().join("data/leeds.toml")).unwrap();
    assert!(written.contains("names = { de = \"Charkiw\", uk = \"Харків\", zh-CN = \"哈尔科夫\" }"), "{written}");
    std::fs::write(dir.path().join("config.toml"), "data = [\"data/leeds.toml\"]\n").unwrap();
    let config = dir.path().join("config.toml");
    let ask = |locale: &str, typed: &str| {
        let (code, out, err) = text(&twinbot_with(&config, &["ask", "--locale", locale, "partner", typed]));
        assert_eq!(code, 0, "{out}{err}");
        out
    };
    assert!(ask("de", "kharkiv").starts_with("Leeds ↔ Charkiw\n"), "German readers see Charkiw");
    assert!(ask("uk", "kharkiv").starts_with("Лідс ↔ Харків\n") || ask("uk", "kharkiv").contains("↔ Харків\n"));
    assert!(ask("zh-CN", "哈尔科夫").contains("↔ 哈尔科夫\n"), "a name in any language matches");
    assert!(ask("en-GB", "charkiw").starts_with("Leeds ↔ Kharkiv\n"), "others see the data's own name");
    // A language twinbot does not speak, or no name, is refused before the file is touched.
    for bad in ["pl=Charków", "de", "de="] {
        let (code, _, err) = text(&twinbot_in(
            dir.path(),
            &["add", "data/leeds.toml", "Brno", "--year", "2003", "--summary", "x", "--name", bad],
        ));
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("--name"), "{bad}: {err}");
    }
    assert_eq!(std::fs::read_to_string(dir.path().join("data/leeds.toml")).unwrap(), written);
}
