//! The command line, a transport of its own: run the bot, answer a command offline (rendered
//! as plain text by [`plain`]), check data, print the dry run of the posts and the registration.
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

pub mod plain;
pub mod town;
pub mod words;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::anniversaries::schedule::local_instant;
use crate::anniversaries::settings::PostSettings;
use crate::app::App;
use crate::cli::plain::render_plain;
use crate::commands::{self, Invocation};
use crate::config::Config;
use crate::core::catalog::Catalog;
use crate::core::data::{DataError, Directory};
use crate::core::i18n::Lang;
use crate::core::phrases::home_names;
use crate::core::reply::Outcome;
use crate::store::SqliteStore;

/// Exit code: answered, or valid.
pub const EXIT_OK: u8 = 0;
/// Exit code: the command was understood but nothing matched; or the bot failed while running.
pub const EXIT_NOT_FOUND: u8 = 1;
/// Exit code: usage, config or data error.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "twinbot", version, about = "A Discord bot for town-twinning communities")]
pub struct Cli {
    /// The configuration file.
    #[arg(long, global = true, default_value = "config.toml", value_name = "PATH")]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Run the bot on Discord's gateway (the default).
    Run,
    /// Serve interactions over HTTP instead of the gateway, for Discord's "Interactions Endpoint
    /// URL" (behind a reverse proxy that terminates TLS). The bot token is optional here: without
    /// it, commands are answered but nothing is posted.
    Serve {
        /// The address to listen on (default: http.listen, else 127.0.0.1:8080).
        #[arg(long, value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Register the commands with Discord over REST, once (HTTP mode has no gateway to do it at
    /// start-up).
    Register {
        /// Register to this server only, which is instant (default: discord.guild_id, else
        /// globally).
        #[arg(long, value_name = "ID")]
        guild: Option<u64>,
    },
    /// Answer one command offline, exactly as the bot would, in plain text.
    Ask {
        /// Answer as if today were this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Answer for this home city only (repeat for several; default: discord.home, else every
        /// home loaded).
        #[arg(long = "home", value_name = "NAME")]
        homes: Vec<String>,
        /// Answer in this language, a Discord locale: en-GB (the default), en-US, de, fr, cs,
        /// uk or zh-CN.
        #[arg(long, value_name = "LOCALE")]
        locale: Option<String>,
        /// The command (partner, since, partners, about).
        command: String,
        /// Its arguments, in order: `partner dortmnud`, `since 1960 1990`.
        args: Vec<String>,
    },
    /// Validate data files (default: those config.toml lists).
    Check { files: Vec<PathBuf> },
    /// Start a data file for a new home city from the world gazetteer: its name, country,
    /// population and the other names people type for it.
    Init {
        /// The city, in any spelling or script.
        city: String,
        /// Its country, as an ISO code (DE, GB, …), where several cities share the name.
        #[arg(long, value_name = "CC")]
        country: Option<String>,
        /// The file to write (default: data/<city>.toml); it must not exist yet.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The gazetteer's folder (default: data/gazetteer beside config.toml).
        #[arg(long, value_name = "DIR")]
        gazetteer: Option<PathBuf>,
    },
    /// Add a partner city, found in the world gazetteer, to a data file.
    Add {
        /// The data file (its comments and layout are kept).
        file: PathBuf,
        /// The partner city, in any spelling or script.
        city: String,
        /// The year the link was formalised.
        #[arg(long)]
        year: i32,
        /// The exact date, when the sources give it (YYYY-MM-DD).
        #[arg(long, conflicts_with = "month")]
        date: Option<NaiveDate>,
        /// The month (1–12), when only the month is known.
        #[arg(long)]
        month: Option<u32>,
        /// twinning, partnership or friendship.
        #[arg(long, default_value = "twinning")]
        kind: String,
        /// A short summary of the link, in your own words.
        #[arg(long)]
        summary: String,
        /// A web address of a source (repeat for several).
        #[arg(long = "source", value_name = "URL")]
        sources: Vec<String>,
        /// The partner's country, as an ISO code, where several cities share the name.
        #[arg(long, value_name = "CC")]
        country: Option<String>,
        /// The gazetteer's folder (default: data/gazetteer beside config.toml).
        #[arg(long, value_name = "DIR")]
        gazetteer: Option<PathBuf>,
    },
    /// Print the command registration JSON that is sent to Discord.
    Commands,
    /// Dry run of the anniversary posts: every post that would be made, one per line, with its
    /// local and UTC time.
    Schedule {
        /// First local day (YYYY-MM-DD).
        #[arg(long)]
        from: NaiveDate,
        /// Last local day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: NaiveDate,
        /// IANA timezone of the posts (default: anniversaries.timezone, else Europe/London).
        #[arg(long)]
        tz: Option<String>,
        /// Local time of day, HH:MM (default: anniversaries.at, else 09:00).
        #[arg(long)]
        at: Option<String>,
        /// Day of the annual digest of anniversaries known only to the year, MM-DD (default:
        /// anniversaries.digest, else 01-01).
        #[arg(long)]
        digest: Option<String>,
        /// Only this home city's posts (repeat for several; default: every home loaded).
        #[arg(long = "home", value_name = "NAME")]
        homes: Vec<String>,
        /// Describe the posts in this language (default: anniversaries.language, else en-GB).
        #[arg(long, value_name = "LOCALE")]
        locale: Option<String>,
        /// Show the moderators' advance reminders too, this many days before each anniversary
        /// (1–90; default: anniversaries.remind_days, else none).
        #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=90))]
        remind: Option<u32>,
    },
    /// Draw a picture, as the bot sends it, to a PNG file.
    Render {
        /// Which picture: timeline or map.
        picture: Picture,
        /// The file to write (PNG; with --svg, the drawing as SVG).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Only this home city (repeat for several; default: every home loaded).
        #[arg(long = "home", value_name = "NAME")]
        homes: Vec<String>,
        /// The labels' language (default: en-GB).
        #[arg(long, value_name = "LOCALE")]
        locale: Option<String>,
        /// Draw as if today were this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Write the SVG the picture is drawn from instead of the PNG.
        #[arg(long)]
        svg: bool,
    },
    /// Write the anniversaries between two days as an iCalendar file (.ics) for calendar apps:
    /// one all-day event each, which importing a later file updates rather than repeats.
    Calendar {
        /// First day (YYYY-MM-DD).
        #[arg(long)]
        from: NaiveDate,
        /// Last day, inclusive (YYYY-MM-DD).
        #[arg(long)]
        to: NaiveDate,
        /// Only this home city's anniversaries (repeat for several; default: every home loaded).
        #[arg(long = "home", value_name = "NAME")]
        homes: Vec<String>,
        /// The events' language (default: anniversaries.language, else en-GB).
        #[arg(long, value_name = "LOCALE")]
        locale: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// The pictures `twinbot render` draws.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Picture {
    /// The partnerships over the years (what /timeline sends).
    Timeline,
    /// The home and its partners on a map of the world (what /map sends).
    Map,
}

/// Prints an error with its whole chain of causes.
pub fn print_error(e: &dyn std::error::Error) {
    eprintln!("error: {e}");
    let mut source = e.source();
    while let Some(s) = source {
        eprintln!("  caused by: {s}");
        source = s.source();
    }
}

/// Prints an error with its chain and gives the usage exit code.
fn usage_error(e: &dyn std::error::Error) -> ExitCode {
    print_error(e);
    ExitCode::from(EXIT_USAGE)
}

/// The config, its data, and the anniversary settings it gives (checked against the data).
fn load(config: &std::path::Path) -> Result<(Config, Catalog, PostSettings), ExitCode> {
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
    let Some(spec) = commands::find(command) else {
        let names: Vec<&str> = commands::registry().iter().map(|c| c.name).collect();
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

const NOON: chrono::NaiveTime = chrono::NaiveTime::from_hms_opt(12, 0, 0).expect("noon");

/// Checks files; prints each one's result. Returns whether all were valid.
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
                )
            }
            Err(e @ DataError::Invalid { .. }) | Err(e @ DataError::Io { .. }) | Err(e @ DataError::NoFiles) => {
                ok = false;
                eprintln!("error: {e}\n");
            }
        }
    }
    ok
}

/// The log filter: `RUST_LOG` when set, else `log.level` from config.toml. Serenity's own spans
/// and events are kept at `warn` unless the filter names serenity: at `info` its instrumented
/// functions format every request into span fields, which doubles the time to answer.
pub fn log_filter(level: &str) -> tracing_subscriber::EnvFilter {
    let configured =
        std::env::var("RUST_LOG").ok().filter(|v| !v.trim().is_empty()).unwrap_or_else(|| level.to_string());
    tracing_subscriber::EnvFilter::try_new(log_directives(&configured))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(log_directives("info")))
}

/// Adds `serenity=warn` to a filter that does not mention serenity.
fn log_directives(configured: &str) -> String {
    if configured.contains("serenity") {
        configured.to_string()
    } else {
        format!("serenity=warn,{configured}")
    }
}

fn init_tracing(level: &str) {
    let filter = log_filter(level);
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// The whole program.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Cmd::Run) {
        Cmd::Ask { today, homes, locale, command, args } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l,
                Err(code) => return code,
            };
            ask_command(&cli.config, (today, lang), &homes, &command, &args)
        }
        Cmd::Check { files } => check_command(&cli.config, files),
        Cmd::Init { city, country, out, gazetteer } => town_command(&cli.config, gazetteer, |g| {
            let today = chrono::Utc::now().date_naive();
            let (path, note) = town::init(g, &city, country.as_deref(), out, today)?;
            Ok(format!(
                "{}wrote {}: add partners with twinbot add {} CITY --year YEAR --summary TEXT",
                note.map(|n| format!("{n}\n")).unwrap_or_default(),
                path.display(),
                path.display()
            ))
        }),
        Cmd::Add { file, city, year, date, month, kind, summary, sources, country, gazetteer } => {
            town_command(&cli.config, gazetteer, |g| {
                let new = town::NewPartner { city, country, kind, year, date, month, summary, sources };
                let (name, note) = town::add(g, &file, &new)?;
                Ok(format!("{}added {name} to {}", note.map(|n| format!("{n}\n")).unwrap_or_default(), file.display()))
            })
        }
        Cmd::Schedule { from, to, tz, at, digest, homes, locale, remind } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l,
                Err(code) => return code,
            };
            schedule_command(&cli.config, (from, to), (tz, at, digest, remind), &homes, lang)
        }
        Cmd::Render { picture, out, homes, locale, today, svg } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l.unwrap_or_else(crate::core::i18n::default),
                Err(code) => return code,
            };
            render_command(&cli.config, picture, &out, &homes, lang, today, svg)
        }
        Cmd::Calendar { from, to, homes, locale, out } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l,
                Err(code) => return code,
            };
            calendar_command(&cli.config, (from, to), &homes, lang, out.as_deref())
        }
        Cmd::Commands => {
            println!("{}", serde_json::to_string_pretty(&crate::discord::commands_json()).expect("JSON"));
            ExitCode::from(EXIT_OK)
        }
        Cmd::Run => run_command(&cli.config),
        Cmd::Serve { listen } => serve_command(&cli.config, listen.as_deref()),
        Cmd::Register { guild } => register_command(&cli.config, guild),
    }
}

/// `twinbot ask`: one command, answered offline.
/// The language given with --locale, if any; an unknown one is printed, with exit code 2.
fn locale_option(code: Option<&str>) -> Result<Option<Lang>, ExitCode> {
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

fn ask_command(
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
fn town_command(
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
fn check_command(config: &std::path::Path, files: Vec<PathBuf>) -> ExitCode {
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
fn find_homes(dir: &Catalog, names: &[String]) -> Result<Vec<usize>, String> {
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
fn load_scoped(config: &std::path::Path, homes: &[String]) -> Result<(Config, Catalog), ExitCode> {
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
fn load_between(
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
fn schedule_command(
    config: &std::path::Path,
    (from, to): (NaiveDate, NaiveDate),
    (tz, at, digest, remind): (Option<String>, Option<String>, Option<String>, Option<u32>),
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
    for post in crate::anniversaries::schedule::posts_and_reminders(&dir, &timing, (true, remind), from, to) {
        println!("{}", crate::anniversaries::schedule::describe(lang, &dir, &timing, &post));
    }
    ExitCode::from(EXIT_OK)
}

/// `twinbot render`: a picture to a file.
fn render_command(
    config: &std::path::Path,
    picture: Picture,
    out: &std::path::Path,
    homes: &[String],
    lang: Lang,
    today: Option<NaiveDate>,
    svg: bool,
) -> ExitCode {
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

/// `twinbot calendar`: the anniversaries between two days as an iCalendar file.
fn calendar_command(
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

/// `twinbot run` (the default): the bot on Discord.
fn run_command(config: &std::path::Path) -> ExitCode {
    let (config, dir, _) = match load(config) {
        Ok(v) => v,
        Err(code) => return code,
    };
    // Token and proxy problems are reported before anything else is printed.
    let token = match config.token().and_then(|t| config.api_base().map(|_| t)) {
        Ok(t) => t,
        Err(e) => return usage_error(&e),
    };
    init_tracing(&config.log.level);
    tracing::info!(partners = dir.partners.len(), homes = %home_names(crate::core::i18n::default(), &dir), "data loaded");
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(EXIT_NOT_FOUND);
        }
    };
    match runtime.block_on(crate::runtime::run(&config, dir, token)) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) => {
            print_error(&e);
            ExitCode::from(if e.is_configuration() { EXIT_USAGE } else { EXIT_NOT_FOUND })
        }
    }
}

/// `twinbot serve`: interactions over HTTP until SIGTERM.
fn serve_command(config: &std::path::Path, listen: Option<&str>) -> ExitCode {
    let (config, dir, _) = match load(config) {
        Ok(v) => v,
        Err(code) => return code,
    };
    // The token is optional here, but one that is named and unreadable is an error.
    let token = match config.token() {
        Ok(t) => Some(t),
        Err(crate::config::ConfigError::NoToken) => None,
        Err(e) => return usage_error(&e),
    };
    if let Err(e) = config.api_base() {
        return usage_error(&e);
    }
    init_tracing(&config.log.level);
    tracing::info!(partners = dir.partners.len(), homes = %home_names(crate::core::i18n::default(), &dir), "data loaded");
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(EXIT_NOT_FOUND);
        }
    };
    match runtime.block_on(crate::runtime::serve_http(&config, dir, token, listen)) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(e) => {
            print_error(&e);
            ExitCode::from(if e.is_configuration() { EXIT_USAGE } else { EXIT_NOT_FOUND })
        }
    }
}

/// `twinbot register`: the commands, over REST, once.
fn register_command(config: &std::path::Path, guild: Option<u64>) -> ExitCode {
    let config = match crate::config::Config::load(config) {
        Ok(c) => c,
        Err(e) => return usage_error(&e),
    };
    let token = match config.token().and_then(|t| config.api_base().map(|_| t)) {
        Ok(t) => t,
        Err(e) => return usage_error(&e),
    };
    init_tracing(&config.log.level);
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(EXIT_NOT_FOUND);
        }
    };
    match runtime.block_on(crate::runtime::register(&config, token, guild)) {
        Ok(scope) => {
            println!("registered {} commands for {scope}", crate::commands::registry().len());
            ExitCode::from(EXIT_OK)
        }
        Err(e) => {
            print_error(&e);
            ExitCode::from(if e.is_configuration() { EXIT_USAGE } else { EXIT_NOT_FOUND })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serenity_stays_quiet_unless_asked_for() {
        assert_eq!(log_directives("info"), "serenity=warn,info");
        assert_eq!(log_directives("debug,serenity=debug"), "debug,serenity=debug");
    }
}
