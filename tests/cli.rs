//! The `twinbot` binary: exit codes and output of ask, check, commands and run.

mod support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output};

use support::{fixture, root, temp_config, twinbot_with};

fn twinbot(args: &[&str]) -> Output {
    twinbot_with(&root().join("config.toml"), args)
}

/// `twinbot ask` for Leeds (the shipped config loads Leeds and Dortmund).
fn ask(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["ask", "--today", "2026-11-28", "--home", "Leeds"];
    all.extend_from_slice(args);
    let out = twinbot(&all);
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn ask_partner_names_the_right_partner() {
    let cases = [
        ("dortmnud", "Dortmund"),
        ("Dortmund", "Dortmund"),
        ("BRNO", "Brno"),
        ("Brünn", "Brno"),
        ("kharkov", "Kharkiv"),
        ("Charkiw", "Kharkiv"),
        ("Харків", "Kharkiv"),
        ("hangzou", "Hangzhou"),
        ("Hangchow", "Hangzhou"),
        ("杭州", "Hangzhou"),
        ("durbn", "Durban"),
        ("eThekwini", "Durban"),
        ("lile", "Lille"),
        ("Rijsel", "Lille"),
        ("siegn", "Siegen"),
        ("tremonia", "Dortmund"),
    ];
    for (typed, want) in cases {
        let (code, out, err) = ask(&["partner", typed]);
        assert_eq!(code, 0, "{typed}: {err}");
        assert_eq!(out.lines().next(), Some(format!("Leeds ↔ {want}").as_str()), "{typed}");
    }
}

#[test]
fn ask_partner_takes_several_words() {
    let (code, out, _) = ask(&["partner", "port", "natal"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Leeds ↔ Durban\n"));
}

#[test]
fn ask_partner_paris_exits_1_with_suggestions() {
    let (code, out, _) = ask(&["partner", "paris"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("No partner found\n"), "{out}");
    assert!(out.contains("No partner of Leeds matches “paris”."));
    assert!(
        out.contains("Try one of Leeds' partners\n  Siegen, Lille, Dortmund, Hangzhou, Durban, Brno or Kharkiv"),
        "{out}"
    );
    let (code, out, _) = ask(&["partner", "durham"]);
    assert_eq!(code, 1);
    assert!(out.contains("Did you mean Durban?"), "{out}");
}

#[test]
fn ask_partner_germany_lists_dortmund_and_siegen() {
    let (code, out, _) = ask(&["partner", "germany"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Leeds' partners in Germany"), "{out}");
    assert!(
        out.contains("Siegen 🇩🇪 Germany — twinning, 16 July 1966\nDortmund 🇩🇪 Germany — twinning, 2 June 1969\n"),
        "{out}"
    );
    assert!(!out.contains("Lille"));
}

#[test]
fn ask_since_lists_in_order() {
    let (code, out, _) = ask(&["since", "1970"]);
    assert_eq!(code, 0);
    let names: Vec<&str> = out.lines().filter(|l| l.contains(" — ")).map(|l| l.split(' ').next().unwrap()).collect();
    assert_eq!(names, vec!["Hangzhou", "Durban", "Brno", "Kharkiv"]);
    let (code, out, _) = ask(&["since", "1960", "1990"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Leeds' partners from 1960 to 1990\n"));
    let (code, out, _) = ask(&["since", "2030"]);
    assert_eq!(code, 1);
    assert!(out.contains("The newest is Kharkiv"));
}

#[test]
fn ask_partners_and_about() {
    let (code, out, _) = ask(&["partners"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().next(), Some("Leeds' partner cities (7)"));
    let (code, out, _) = ask(&["about"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("About twinbot\n") && out.contains("/since <year> [until]"));
}

#[test]
fn ask_anniversaries_for_a_year() {
    let (code, out, _) = ask(&["anniversaries", "2028"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Leeds' anniversaries in 2028\n"), "{out}");
    assert!(out.contains("Lille 🇫🇷 — 60th anniversary ★ milestone · 15 October 2028"), "{out}");
    assert!(out.contains("5 milestone anniversaries in 2028."), "{out}");
}

#[test]
fn ask_timeline_names_its_picture() {
    let (code, out, err) = ask(&["timeline"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Leeds' partnerships over the years\n"), "{out}");
    assert!(out.contains("\n[timeline.png ("), "{out}");
    assert!(out.contains("KB): Timeline of Leeds' 7 partnerships, oldest first"), "{out}");
}

#[test]
fn ask_usage_errors_exit_2() {
    let (code, _, err) = ask(&["since", "nineteen-seventy"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`year` must be a whole number") && err.contains("usage: twinbot ask since <year> [until]"),
        "{err}"
    );
    let (code, out, _) = ask(&["since", "999"]);
    assert_eq!(code, 2);
    assert!(out.contains("between 1000 and 9999"));
    let (code, _, err) = ask(&["weather", "leeds"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown command \"weather\"; the commands are: partner, since, partners, anniversaries, timeline, map, announce, anniversary-settings, home, about"),
        "{err}"
    );
    let (code, _, err) = ask(&["partners", "extra"]);
    assert_eq!(code, 2);
    assert!(err.contains("too many arguments"), "{err}");
    let out = twinbot(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_validates_files_with_exit_codes() {
    let out = twinbot(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("leeds.toml: ok, 7 partners of Leeds"));
    let bad = fixture("invalid/year_range.toml");
    let out = twinbot(&["check", bad.to_str().unwrap(), fixture("valid/york.toml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:11:8: year 19690 is out of range", bad.display())), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("york.toml: ok, 1 partner of York"));
}

/// A partner without a text in its home's own language (German for a German home, when the file
/// is in English) is noted, and the check still passes.
#[test]
fn check_notes_partners_without_a_text_in_the_homes_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("siegen.toml");
    std::fs::write(
        &file,
        "[home]\nname = \"Siegen\"\ncountry = \"Germany\"\ncountry_code = \"DE\"\n\
         about = \"Siegen's links.\"\n\n[home.translations.de]\nabout = \"Siegens Partnerstädte.\"\n\n\
         [[partner]]\nname = \"Leeds\"\ncountry = \"United Kingdom\"\ncountry_code = \"GB\"\n\
         kind = \"twinning\"\nyear = 1966\nsummary = \"A fixture.\"\nareas = [\"schools\"]\n\n\
         [partner.translations.de]\nsummary = \"Eine Testdatei.\"\nareas = [\"Schulen\"]\n\n\
         [[partner.milestone]]\nyear = 1966\ntext = \"Signed\"\ntranslations = { de = \"Unterzeichnet\" }\n\n\
         [[partner]]\nname = \"Amiens\"\ncountry = \"France\"\ncountry_code = \"FR\"\n\
         kind = \"twinning\"\nyear = 1960\nsummary = \"A fixture.\"\nareas = [\"schools\"]\n\n\
         [partner.translations.fr]\nsummary = \"Un fichier de test.\"\n\n\
         [[partner.milestone]]\nyear = 1960\ntext = \"Proclaimed\"\n",
    )
    .unwrap();
    let out = twinbot(&["check", file.to_str().unwrap()]);
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "a note does not fail the check: {stderr}");
    assert!(stdout.contains("siegen.toml: ok, 2 partners of Siegen"), "{stdout}");
    let note = format!(
        "note: {}: Amiens has no text in German (de) for its summary, areas and 1 of 1 timeline entries",
        file.display()
    );
    assert!(stderr.contains(&note), "{stderr}");
    assert!(stderr.contains("add them under [partner.translations.de]"), "{stderr}");
    assert_eq!(stderr.matches("note:").count(), 1, "Leeds and the home's about have German: {stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    // The shipped data has every text in its homes' languages; an English file for an English
    // home (York) has nothing to note.
    let out = twinbot(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("note:"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = twinbot(&["check", fixture("valid/york.toml").to_str().unwrap()]);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_bot_refuses_to_start_on_invalid_data_with_the_same_message() {
    let bad = fixture("invalid/date_contradicts_year.toml");
    let checked = twinbot(&["check", bad.to_str().unwrap()]);
    let (_dir, config) = temp_config("", std::slice::from_ref(&bad));
    let run = Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", config.to_str().unwrap()])
        .env("DISCORD_TOKEN", "not-used")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let run_err = String::from_utf8_lossy(&run.stderr);
    let check_err = String::from_utf8_lossy(&checked.stderr);
    assert!(run_err.contains("12:8: date 1970-06-02 contradicts year = 1969"), "{run_err}");
    assert_eq!(run_err.trim(), check_err.trim());
}

#[test]
fn running_without_a_token_explains_what_to_do() {
    let out = twinbot(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let first = err.lines().next().unwrap();
    assert!(first.starts_with("error: no Discord bot token: set the environment variable DISCORD_TOKEN"), "{err}");
    assert!(err.contains("twinbot ask partner dortmund"), "{err}");
}

#[test]
fn an_empty_token_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("token"), "\n").unwrap();
    let (_cfg_dir, config) = temp_config(
        &format!("[discord]\ntoken_file = {:?}\n", dir.path().join("token").display().to_string()),
        &[root().join("data/leeds.toml")],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", config.to_str().unwrap()])
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is empty: paste the bot token into it"));
}

#[test]
fn a_rejected_token_is_a_clear_error_and_is_never_printed() {
    // A loopback stand-in for Discord's REST API that rejects every token.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
        let mut buf = [0u8; 4096];
        let n = s.read(&mut buf).unwrap_or(0);
        let body = r#"{"message": "401: Unauthorized", "code": 0}"#;
        write!(s, "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}", body.len()).unwrap();
        String::from_utf8_lossy(&buf[..n]).to_string()
    });
    let secret = "fake-bot-token.for-tests-only.never-printed-0123456789";
    // A config of its own, so that the database is created in a temporary folder.
    let (_dir, config) = temp_config("", &[root().join("data/leeds.toml")]);
    let out = Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", config.to_str().unwrap()])
        .env("DISCORD_TOKEN", secret)
        .env("DISCORD_API_BASE", format!("http://127.0.0.1:{port}"))
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    let request = server.join().unwrap();
    assert!(request.starts_with("GET /api/v10/users/@me HTTP/1.1"), "{request}");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: Discord rejected the bot token (401 Unauthorized)"), "{err}");
    assert!(!err.contains(secret) && !String::from_utf8_lossy(&out.stdout).contains(secret), "the token leaked: {err}");
}

#[test]
fn a_database_that_cannot_be_created_is_a_clear_error() {
    let (_dir, config) = temp_config("database = \"/dev/null/twinbot/state.db\"\n", &[root().join("data/leeds.toml")]);
    let out = Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", config.to_str().unwrap()])
        .env("DISCORD_TOKEN", "fake-token-for-tests")
        .env("DISCORD_API_BASE", "http://127.0.0.1:9")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error: cannot create the folder /dev/null/twinbot for the database"), "{err}");
}

#[test]
fn invalid_config_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "data = [\"data/leeds.toml\"]\n[discord]\nguild_id = \"not a number\"\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_twinbot"))
        .args(["--config", path.to_str().unwrap(), "ask", "partners"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml:3:12: invalid type"), "{err}");
}

#[test]
fn commands_prints_the_registration_json() {
    let out = twinbot(&["commands"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json, twinbot::discord::commands_json());
    assert_eq!(json[0]["name"], "partner");
}

#[test]
fn announce_previews_and_settings_show_the_config_on_the_command_line() {
    let (code, out, _) = ask(&["announce", "dortmund"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("Preview · Dortmund: 57th anniversary\n"), "{out}");
    assert!(
        out.contains("🎉 Today we celebrate the 57th anniversary of the twinning between Leeds and Dortmund (Germany)")
    );
    assert!(out.contains("Preview only: use /announce in a Discord server to post it."));
    let (code, out, _) = ask(&["anniversary-settings"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("Anniversary posts (config.toml)"), "{out}");
    assert!(out.contains("Off. Choose a channel"), "{out}");
}

#[test]
fn ask_answers_for_the_home_chosen_with_home() {
    let run = |args: &[&str]| {
        let out = twinbot(args);
        (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    // Both homes ship; with nothing chosen, both are answered for.
    let (code, out, _) = run(&["ask", "partners"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().next(), Some("Leeds and Dortmund's partner cities (18)"), "{out}");
    // Dortmund's links, as its data file gives them, oldest first.
    let (code, out, _) = run(&["ask", "--home", "Dortmund", "partners"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().next(), Some("Dortmund's partner cities (11)"), "{out}");
    let names: Vec<&str> = out.lines().filter(|l| l.contains(" — ")).map(|l| l.split(" 🇦").next().unwrap()).collect();
    assert_eq!(names.len(), 11, "{out}");
    assert!(
        out.contains("Amiens 🇫🇷 France — twinning, 1960\nLeeds 🇬🇧 United Kingdom — twinning, 2 June 1969\n"),
        "{out}"
    );
    assert!(out.contains("Rostov-on-Don 🇷🇺 Russia — twinning, July 1977 (suspended since 31 March 2022)"), "{out}");
    // The home is matched like any name.
    let (code, out, _) = run(&["ask", "--home", "dortmnud", "partner", "leds"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Dortmund ↔ Leeds\n"), "{out}");
    // An unknown home exits 2 and names the homes loaded.
    let (code, _, err) = run(&["ask", "--home", "Lyon", "partners"]);
    assert_eq!(code, 2);
    assert!(err.contains("no home city \"Lyon\": the home cities loaded are Leeds and Dortmund"), "{err}");
    // config.toml can set the home for a single-server setup; a name not loaded is an error.
    let data = [root().join("data/leeds.toml"), root().join("data/dortmund.toml")];
    let (_d, config) = temp_config("[discord]\nhome = \"Dortmund\"\n", &data);
    let out = twinbot_with(&config, &["ask", "partners"]);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("Dortmund's partner cities (11)"));
    let (_d, config) = temp_config("[discord]\nhome = \"Dortmunt\"\n", &[root().join("data/leeds.toml")]);
    let out = twinbot_with(&config, &["ask", "partners"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("discord.home: no home city \"Dortmunt\" is loaded: the home cities are Leeds"), "{err}");
}

#[test]
fn ask_answers_in_the_language_given_and_refuses_one_it_does_not_speak() {
    let (code, out, _) = ask(&["--locale", "de", "partner", "dortmnud"]);
    assert_eq!(code, 0);
    assert!(out.contains("Deutschland") && out.contains("2. Juni 1969"), "{out}");
    let (code, out, _) = ask(&["--locale", "zh-CN", "partner", "杭州"]);
    assert_eq!(code, 0);
    assert!(out.contains("中国") && out.contains("1988年"), "{out}");
    // A custom announcement keeps its words; the built-in one is in the language asked for.
    let out = twinbot(&["ask", "--today", "2029-06-02", "--home", "Leeds", "--locale", "fr", "announce", "dortmund"]);
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("60e") && out.contains("2 juin 1969") && out.contains("Allemagne"), "{out}");

    for bad in ["xx", "pt-BR", "DE"] {
        let (code, out, err) = ask(&["--locale", bad, "partner", "dortmund"]);
        assert_eq!(code, 2, "{bad}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains("en-GB, en-US, de, fr, cs, uk, zh-CN"), "{bad}: {err}");
    }
    let (_, _, err) = ask(&["--locale", "zh_cn", "partner", "dortmund"]);
    assert!(err.contains("did you mean zh-CN?"), "{err}");
}

#[test]
fn schedule_describes_the_posts_in_the_language_given() {
    let args = ["schedule", "--from", "2029-06-01", "--to", "2029-06-03", "--home", "Leeds"];
    let de = twinbot(&[&args[..], &["--locale", "de"]].concat());
    assert_eq!(de.status.code(), Some(0));
    let out = String::from_utf8(de.stdout).unwrap();
    assert!(out.contains("Dortmund") && out.contains("60.") && out.contains("2. Juni 2029"), "{out}");
    let bad = twinbot(&[&args[..], &["--locale", "klingon"]].concat());
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn schedule_with_events_lists_each_event_when_it_is_made_and_when_it_starts() {
    let args = ["schedule", "--from", "2029-06-01", "--to", "2029-07-31", "--home", "Leeds", "--events"];
    let out = twinbot(&args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let dortmund = lines.iter().position(|l| l.contains("server event: Leeds ↔ Dortmund: 60th anniversary")).unwrap();
    assert!(lines[dortmund].starts_with("2029-06-02 09:00 Europe/London = 08:00 UTC"), "{out}");
    assert!(lines[dortmund].ends_with("(made 2029-05-03 09:00)"), "30 days before: {out}");
    assert!(lines[dortmund - 1].contains("Dortmund 60th anniversary (2 June 2029)"), "after its post: {out}");
    assert!(!out.contains("server event: Leeds ↔ Trabzon"), "known only to the month: no event\n{out}");
    let ahead = twinbot(&[&args[..], &["60", "--events-milestones-only"]].concat());
    let ahead = String::from_utf8(ahead.stdout).unwrap();
    assert_eq!(ahead.matches("server event").count(), 1, "only the 60th is a milestone: {ahead}");
    assert!(ahead.contains("(made 2029-04-03 09:00)"), "{ahead}");
    let bad = twinbot(&[&args[..], &["91"]].concat());
    assert_eq!(bad.status.code(), Some(2), "events-ahead out of range");
}

/// The bot allocates with mimalloc (docs/performance.md).
#[test]
fn the_bot_allocates_with_mimalloc() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_twinbot")).arg("--version").env("MIMALLOC_VERBOSE", "1").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mimalloc: process init"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("twinbot "));
}
