//! The commands that work on the data alone, offline: answer a command as the bot would, check
//! data files, the dry run of the posts, pictures and calendars to files, a town's data file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::plain::render_plain;
use super::{print_error, town, usage_error, words, Picture, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE};
use crate::anniversaries::dates::{in_year, Anniversary};
use crate::anniversaries::schedule::local_instant;
use crate::anniversaries::settings::PostSettings;
use crate::app::App;
use crate::commands::{self, CommandSpec, Invocation};
use crate::config::Config;
use crate::core::catalog::Catalog;
use crate::core::data::{DataError, Directory};
use crate::core::i18n::Lang;
use crate::core::matcher::Resolution;
use crate::core::phrases::home_names;
use crate::core::reply::Outcome;
use crate::store::SqliteStore;

/// The config, its data, and the anniversary settings it gives (checked against the data).
pub(super) fn load(config: &std::path::Path) -> Result<(Config, Catalog, PostSettings), ExitCode> {
    let config = Config::load(config).map_err(|e| usage_error(&e))?;
    let dir = Catalog::load(&config.data_paths()).map_err(|e| usage_error(&e))?;
    let posting = config.post_settings(true, &dir).map_err(|e| usage_error(&e))?;
    Ok((config, dir, posting))
}

/// Answers one command as the bot would, through the application (on a database in memory:
/// nothing is saved or posted from the terminal), acting for the server config.toml names.
/// Returns the text and the exit code.
pub async fn ask(
    config: &Config,
    dir: Catalog,
    (command, words): (&str, &[String]),
    homes: &[usize],
    (today, lang): (Option<NaiveDate>, Option<Lang>),
) -> Result<(String, u8), String> {
    // A server's own town is kept from Discord (or, for the operator, with `twinbot init`
    // and `twinbot add` on a data file): `/town` is not asked in the terminal.
    let askable = |c: &&CommandSpec| !commands::town::is_town(c.name);
    let Some(spec) = commands::find(command).filter(askable) else {
        let names: Vec<&str> = commands::registry().iter().filter(askable).map(|c| c.name).collect();
        return Err(format!("unknown command {command:?}; the commands are: {}", names.join(", ")));
    };
    let args = words::args_from_words(spec, words)
        .map_err(|e| format!("{e}\nusage: twinbot ask {}", commands::usage(spec)))?;
    let store = SqliteStore::in_memory().map_err(|e| e.to_string())?;
    let app = App::new(config, dir, Arc::new(store)).await.map_err(|e| e.to_string())?;
    let inv = Invocation {
        guild_id: config.discord.guild_id,
        homes: homes.to_vec(),
        locale: lang.unwrap_or_else(crate::core::i18n::default).code.to_string(),
        ..Invocation::terminal(spec.name, args)
    };
    let now = match today {
        // Midday on that day where the server's posts are made.
        Some(day) => local_instant(app.settings_for(inv.guild_id).timing.tz, day, NOON),
        None => chrono::Utc::now(),
    };
    let reply = app.handle(&inv, now).await.reply;
    let code = match reply.outcome {
        Outcome::Answered => EXIT_OK,
        Outcome::NotFound => EXIT_NOT_FOUND,
        Outcome::Invalid => EXIT_USAGE,
    };
    Ok((render_plain(&reply), code))
}

pub(super) const NOON: chrono::NaiveTime = chrono::NaiveTime::from_hms_opt(12, 0, 0).expect("noon");

/// Checks files; prints each one's result, and notes on what is valid but missing (texts in the
/// home's own language). Returns whether all were valid: a note does not fail the check.
pub fn check(files: &[PathBuf]) -> bool {
    let mut ok = true;
    for f in files {
        match Directory::load(std::slice::from_ref(f)) {
            Ok(d) => {
                let n = d.partners.len();
                println!(
                    "{}: ok, {n} partner{} of {}",
                    f.display(),
                    if n == 1 { "" } else { "s" },
                    home_names(crate::core::i18n::default(), &d)
                );
                for note in language_notes(&d) {
                    eprintln!("note: {note}\n");
                }
            }
            Err(e @ DataError::Invalid { .. }) | Err(e @ DataError::Io { .. }) | Err(e @ DataError::NoFiles) => {
                ok = false;
                eprintln!("error: {e}\n");
            }
        }
    }
    ok
}

/// The language twinbot speaks that a home's own people read, from its country: German for
/// Dortmund. `None` where the country has several languages or twinbot speaks none of them.
fn home_language(country_code: &str) -> Option<&'static str> {
    Some(match country_code {
        "GB" | "IE" | "AU" | "NZ" => "en-GB",
        "US" => "en-US",
        "DE" | "AT" | "LI" => "de",
        "FR" | "MC" => "fr",
        "CZ" => "cs",
        "UA" => "uk",
        "CN" => "zh-CN",
        _ => return None,
    })
}

/// For `twinbot check`, notes (not errors): each partner, and the home's `about`, that has no
/// text in the home's own language when the file is written in another (a Dortmund file in
/// English without German): members who read that language see the file's language instead.
/// English files for English-speaking homes, whichever English, have nothing to note.
fn language_notes(dir: &Directory) -> Vec<String> {
    let en = crate::core::i18n::default();
    let base = |code: &str| code.split('-').next().unwrap_or_default().to_string();
    let mut notes = Vec::new();
    for (hi, home) in dir.homes.iter().enumerate() {
        let Some(lang) = home_language(&home.country_code) else { continue };
        if base(lang) == base(&home.language) {
            continue;
        }
        let file = home.source.display();
        let language = format!("{} ({lang})", en.language_name(lang));
        if home.about.is_some() && !home.about_translations.iter().any(|(code, _)| code == lang) {
            notes.push(format!(
                "{file}: {}'s `about` has no text in {language}\n  = help: add [home.translations.{lang}] with `about`",
                home.name
            ));
        }
        for p in dir.partners.iter().filter(|p| p.home == hi) {
            let text = p.translations.iter().find(|t| t.locale == lang);
            let mut missing: Vec<String> = Vec::new();
            if text.and_then(|t| t.summary.as_ref()).is_none() {
                missing.push("summary".into());
            }
            if p.roots.is_some() && text.and_then(|t| t.roots.as_ref()).is_none() {
                missing.push("roots".into());
            }
            if !p.areas.is_empty() && text.and_then(|t| t.areas.as_ref()).is_none() {
                missing.push("areas".into());
            }
            if p.notes.is_some() && text.and_then(|t| t.notes.as_ref()).is_none() {
                missing.push("notes".into());
            }
            if !p.groups.is_empty() && text.and_then(|t| t.groups.as_ref()).is_none() {
                missing.push("groups".into());
            }
            let untranslated =
                p.milestones.iter().filter(|m| !m.translations.iter().any(|(code, _)| code == lang)).count();
            if untranslated > 0 {
                missing.push(format!("{untranslated} of {} timeline entries", p.milestones.len()));
            }
            if !missing.is_empty() {
                notes.push(format!(
                    "{file}: {} has no text in {language} for its {}\n  = help: add them under \
                     [partner.translations.{lang}], and `{lang}` to each milestone's translations; \
                     until then, members who read {lang} see the file's {} text",
                    p.name,
                    en.and_list(&missing),
                    home.language
                ));
            }
        }
    }
    notes
}

/// `twinbot ask`: one command, answered offline.
/// The language given with --locale, if any; an unknown one is printed, with exit code 2.
pub(super) fn locale_option(code: Option<&str>) -> Result<Option<Lang>, ExitCode> {
    code.map(parse_locale).transpose().map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(EXIT_USAGE)
    })
}

/// A language given with --locale: one twinbot speaks, as Discord writes it.
pub fn parse_locale(code: &str) -> Result<Lang, String> {
    crate::core::i18n::lang(code).ok_or_else(|| {
        let close = crate::core::i18n::LOCALES
            .iter()
            .find(|l| l.eq_ignore_ascii_case(code.trim()) || l.replace('-', "_").eq_ignore_ascii_case(code.trim()));
        let hint = close.map(|l| format!(" (did you mean {l}?)")).unwrap_or_default();
        format!("twinbot does not speak {code:?}{hint}; the languages are: {}", crate::core::i18n::LOCALES.join(", "))
    })
}

pub(super) fn ask_command(
    config: &std::path::Path,
    (today, lang): (Option<NaiveDate>, Option<Lang>),
    homes: &[String],
    command: &str,
    args: &[String],
) -> ExitCode {
    let (config, dir, _) = match load(config) {
        Ok(v) => v,
        Err(code) => return code,
    };
    // Why an answer failed (a picture's renderer missing, say) goes to standard error, as the
    // bot would log it.
    super::logging::init_tracing("warn");
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => return usage_error(&e),
    };
    let homes = match find_homes(&dir, homes) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match runtime.block_on(ask(&config, dir, (command, args), &homes, (today, lang))) {
        Ok((text, code)) => {
            print!("{text}");
            ExitCode::from(code)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// `twinbot init` and `twinbot add`: load the gazetteer, run, and say what was done.
pub(super) fn town_command(
    config: &std::path::Path,
    gazetteer: Option<PathBuf>,
    run: impl FnOnce(&crate::core::gazetteer::Gazetteer) -> Result<String, town::TownError>,
) -> ExitCode {
    let folder =
        gazetteer.unwrap_or_else(|| config.parent().unwrap_or(std::path::Path::new(".")).join("data/gazetteer"));
    let g = match crate::core::gazetteer::Gazetteer::load(&folder) {
        Ok(g) => g,
        Err(e) => return usage_error(&e),
    };
    match run(&g) {
        Ok(done) => {
            println!("{done}");
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            print_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// `twinbot check`: the named data files, or those config.toml lists.
pub(super) fn check_command(config: &std::path::Path, files: Vec<PathBuf>) -> ExitCode {
    let files = if files.is_empty() {
        match Config::load(config) {
            Ok(c) => c.data_paths(),
            Err(e) => return usage_error(&e),
        }
    } else {
        files
    };
    ExitCode::from(if check(&files) { EXIT_OK } else { EXIT_USAGE })
}

/// The home cities named with --home, matched like any name (exactly, else the clearly closest
/// spelling), as indices; an error lists the homes loaded.
pub(super) fn find_homes(dir: &Catalog, names: &[String]) -> Result<Vec<usize>, String> {
    let mut out = Vec::new();
    for n in names {
        match dir.matcher().find_home(n) {
            Ok(h) if !out.contains(&h) => out.push(h),
            Ok(_) => {}
            Err(close) => {
                let guess =
                    close.first().map(|&h| format!(" (did you mean {}?)", dir.homes[h].name)).unwrap_or_default();
                return Err(format!(
                    "no home city {n:?}{guess}: the home cities loaded are {}",
                    home_names(crate::core::i18n::default(), dir)
                ));
            }
        }
    }
    Ok(out)
}

/// The config and the data, scoped to the homes named with --home (every home when none is);
/// an error has been printed when it returns the exit code.
pub(super) fn load_scoped(config: &std::path::Path, homes: &[String]) -> Result<(Config, Catalog), ExitCode> {
    let (config, dir, _) = load(config)?;
    match find_homes(&dir, homes) {
        Ok(h) if h.is_empty() => Ok((config, dir)),
        Ok(h) => Ok((config, Catalog::new(dir.scoped(&h)))),
        Err(e) => {
            eprintln!("error: {e}");
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

/// For the subcommands over a range of days (schedule, calendar): the range checked, the config
/// and data scoped to the homes named, and the language (--locale, else anniversaries.language,
/// else en-GB); an error has been printed when it returns the exit code.
pub(super) fn load_between(
    config: &std::path::Path,
    (from, to): (NaiveDate, NaiveDate),
    homes: &[String],
    lang: Option<Lang>,
) -> Result<(Config, Catalog, Lang), ExitCode> {
    if to < from {
        eprintln!("error: --to {to} is before --from {from}");
        return Err(ExitCode::from(EXIT_USAGE));
    }
    let (config, dir) = load_scoped(config, homes)?;
    let lang = lang
        .or_else(|| config.anniversaries.language.as_deref().and_then(crate::core::i18n::lang))
        .unwrap_or_else(crate::core::i18n::default);
    Ok((config, dir, lang))
}

/// `twinbot schedule`: the dry run of the posts between two days.
pub(super) fn schedule_command(
    config: &std::path::Path,
    (from, to): (NaiveDate, NaiveDate),
    (tz, at, digest, remind): (Option<String>, Option<String>, Option<String>, Option<u32>),
    events: Option<crate::anniversaries::events::EventSettings>,
    homes: &[String],
    lang: Option<Lang>,
) -> ExitCode {
    let (config, dir, lang) = match load_between(config, (from, to), homes, lang) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let remind = remind.or(config.anniversaries.remind_days);
    let settings = crate::config::AnniversaryConfig {
        timezone: tz.or(config.anniversaries.timezone),
        at: at.or(config.anniversaries.at),
        digest: digest.or(config.anniversaries.digest),
        ..Default::default()
    };
    let timing = match settings.timing() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let posts = crate::anniversaries::schedule::posts_and_reminders(&dir, &timing, (true, remind), from, to);
    let mut lines: Vec<_> = posts
        .iter()
        .map(|post| (post.due, crate::anniversaries::schedule::describe(lang, &dir, &timing, post)))
        .collect();
    if let Some(events) = events {
        lines.extend(crate::anniversaries::events::dry_run(lang, &dir, &timing, &events, (from, to)));
        // In time order, an event after the post of the same moment.
        lines.sort_by_key(|(due, _)| *due);
    }
    for (_, line) in lines {
        println!("{line}");
    }
    ExitCode::from(EXIT_OK)
}

/// `twinbot render`: a picture to a file (the cover: of the `partner`'s anniversary in `year`).
pub(super) fn render_command(
    config: &std::path::Path,
    picture: Picture,
    out: &std::path::Path,
    homes: &[String],
    lang: Lang,
    (today, partner, year): (Option<NaiveDate>, Option<&str>, Option<i32>),
    svg: bool,
) -> ExitCode {
    if !matches!(picture, Picture::Cover) && (partner.is_some() || year.is_some()) {
        eprintln!("error: --partner and --year are for the cover (twinbot render cover)");
        return ExitCode::from(EXIT_USAGE);
    }
    let (_, dir) = match load_scoped(config, homes) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let bytes = match picture {
        Picture::Timeline if svg => Ok(crate::pictures::timeline::svg(&dir, lang, today).into_bytes()),
        Picture::Timeline => crate::pictures::timeline::png(&dir, lang, today),
        Picture::Map if svg => Ok(crate::pictures::map::svg(&dir, lang).into_bytes()),
        Picture::Map => crate::pictures::map::png(&dir, lang),
        Picture::Cover => {
            let a = match cover_anniversary(&dir, partner, year.unwrap_or(today.year())) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            if svg {
                Ok(crate::pictures::cover::svg(&dir, &a, lang).into_bytes())
            } else {
                crate::pictures::cover::png(&dir, &a, lang)
            }
        }
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(EXIT_NOT_FOUND);
        }
    };
    match std::fs::write(out, &bytes) {
        Ok(()) => {
            eprintln!("wrote {} ({} KB)", out.display(), bytes.len().div_ceil(1024));
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// The anniversary `twinbot render cover` draws: the partner's named with --partner (as `ask
/// partner` finds it), in `year`.
fn cover_anniversary(dir: &Catalog, partner: Option<&str>, year: i32) -> Result<Anniversary, String> {
    let Some(name) = partner else {
        return Err("render cover needs --partner NAME, the partner city whose anniversary it shows".to_string());
    };
    let i = match dir.matcher().resolve(name) {
        Resolution::Partner(c) => c.partner,
        Resolution::Unsure(close) if !close.is_empty() => {
            let names: Vec<&str> = close.iter().map(|c| dir.partners[c.partner].name.as_str()).collect();
            return Err(format!("which partner is {name:?}? did you mean {}?", names.join(" or ")));
        }
        _ => {
            let names: Vec<&str> = dir.partners.iter().map(|p| p.name.as_str()).collect();
            return Err(format!("no partner city {name:?}: the partners are {}", names.join(", ")));
        }
    };
    let p = &dir.partners[i];
    in_year(i, &p.since, year).ok_or_else(|| {
        let home = &dir.home_of(p).name;
        format!("{home} and {} were partnered in {}: they have no anniversary in {year}", p.name, p.since.year)
    })
}

/// `twinbot calendar`: the anniversaries between two days as an iCalendar file.
pub(super) fn calendar_command(
    config: &std::path::Path,
    (from, to): (NaiveDate, NaiveDate),
    homes: &[String],
    lang: Option<Lang>,
    out: Option<&std::path::Path>,
) -> ExitCode {
    let (_, dir, lang) = match load_between(config, (from, to), homes, lang) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let Some(ics) = crate::anniversaries::calendar::ics(&dir, lang, from, to, chrono::Utc::now()) else {
        eprintln!("no anniversaries between {from} and {to}: no calendar written");
        return ExitCode::from(EXIT_NOT_FOUND);
    };
    match out {
        None => {
            print!("{ics}");
            ExitCode::from(EXIT_OK)
        }
        Some(path) => match std::fs::write(path, ics) {
            Ok(()) => ExitCode::from(EXIT_OK),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(EXIT_USAGE)
            }
        },
    }
}
