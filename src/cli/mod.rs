//! The command line, a transport of its own: its arguments and the whole program (here); what
//! works on the data alone, offline (`offline`: answer a command, as plain text by [`plain`],
//! check data, the dry run of the posts, pictures, calendars, a town's data file); what runs the
//! bot on Discord (`online`); and the log (`logging`).
//!
//! Its layer, and what it may import: `tests/architecture.rs`.

mod logging;
mod offline;
mod online;
mod own_town;
pub mod plain;
pub mod town;
pub mod words;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

pub use logging::log_filter;
pub use offline::{ask, check, parse_locale};
use offline::{
    ask_command, calendar_command, check_command, locale_option, render_command, schedule_command, town_command,
};
use online::{register_command, run_command, serve_command};

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
        /// The command: partner, since, partners, anniversaries, timeline, map, home, about,
        /// announce or anniversary-settings (all but /town; an unknown one lists them).
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
        /// Its name in another language, where that language has its own (`--name de=Charkiw`;
        /// repeat for several). It is shown to members in that language, and matches as an alias.
        #[arg(long = "name", value_name = "LANG=NAME", value_parser = language_and_name)]
        names: Vec<(String, String)>,
        /// The gazetteer's folder (default: data/gazetteer beside config.toml).
        #[arg(long, value_name = "DIR")]
        gazetteer: Option<PathBuf>,
    },
    /// A server's own town (made with /town in Discord): export it, import a file over it, or
    /// list its versions, beside the running bot.
    Town {
        #[command(subcommand)]
        command: own_town::TownCmd,
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
        /// Show the server events too, made this many days before each anniversary (1–90;
        /// without a number, 30).
        #[arg(long, value_name = "DAYS", num_args = 0..=1, default_missing_value = "30",
              value_parser = clap::value_parser!(u32).range(1..=90))]
        events: Option<u32>,
        /// With --events: events for milestone anniversaries only.
        #[arg(long, requires = "events")]
        events_milestones_only: bool,
    },
    /// Draw a picture, as the bot sends it, to a PNG file.
    Render {
        /// Which picture: timeline, map, or cover (with --partner and --year).
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
        /// The cover's partner city (as `ask partner` finds it; with --home, that home's partner).
        #[arg(long, value_name = "NAME")]
        partner: Option<String>,
        /// The cover's anniversary: the year it falls in (default: this year, or --today's).
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
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
    /// The cover of a partnership's anniversary event: its number and the two cities on a map
    /// (800×320).
    Cover,
}

/// Prints an error with its whole chain of causes.
pub fn print_error(e: &dyn std::error::Error) {
    eprintln!("error: {}", error_chain(e));
}

/// An error and its whole chain of causes, a line each.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut words = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        words.push_str(&format!("\n  caused by: {s}"));
        source = s.source();
    }
    words
}

/// Prints an error with its chain and gives the usage exit code.
fn usage_error(e: &dyn std::error::Error) -> ExitCode {
    print_error(e);
    ExitCode::from(EXIT_USAGE)
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
        Cmd::Add { file, city, year, date, month, kind, summary, sources, country, names, gazetteer } => {
            town_command(&cli.config, gazetteer, |g| {
                let partnership = crate::state::town::NewPartner {
                    facts: crate::state::town::Facts { kind, year, date, month, suspended: None, sources },
                    texts: crate::state::town::Texts { summary, ..Default::default() },
                    milestone: None,
                    names,
                };
                let new = town::NewPartner { city, country, partnership };
                let (name, note) = town::add(g, &file, &new)?;
                Ok(format!("{}added {name} to {}", note.map(|n| format!("{n}\n")).unwrap_or_default(), file.display()))
            })
        }
        Cmd::Schedule { from, to, tz, at, digest, homes, locale, remind, events, events_milestones_only } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l,
                Err(code) => return code,
            };
            let events = events.map(|ahead| crate::anniversaries::events::EventSettings {
                ahead,
                milestones_only: events_milestones_only,
            });
            schedule_command(&cli.config, (from, to), (tz, at, digest, remind), events, &homes, lang)
        }
        Cmd::Render { picture, out, homes, locale, today, partner, year, svg } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l.unwrap_or_else(crate::core::i18n::default),
                Err(code) => return code,
            };
            render_command(&cli.config, picture, &out, &homes, lang, (today, partner.as_deref(), year), svg)
        }
        Cmd::Calendar { from, to, homes, locale, out } => {
            let lang = match locale_option(locale.as_deref()) {
                Ok(l) => l,
                Err(code) => return code,
            };
            calendar_command(&cli.config, (from, to), &homes, lang, out.as_deref())
        }
        Cmd::Town { command } => own_town::town_shell(&cli.config, command),
        Cmd::Commands => {
            println!("{}", serde_json::to_string_pretty(&crate::discord::commands_json()).expect("JSON"));
            ExitCode::from(EXIT_OK)
        }
        Cmd::Run => run_command(&cli.config),
        Cmd::Serve { listen } => serve_command(&cli.config, listen.as_deref()),
        Cmd::Register { guild } => register_command(&cli.config, guild),
    }
}

/// `--name LANG=NAME`: a language twinbot speaks, and the city's name in it.
fn language_and_name(s: &str) -> Result<(String, String), String> {
    let (code, name) = s.split_once('=').ok_or_else(|| format!("write LANG=NAME, such as de=Charkiw, not {s:?}"))?;
    let (code, name) = (code.trim(), name.trim());
    let l = crate::core::i18n::lang(code).filter(|l| l.code == code).ok_or_else(|| {
        format!("{code:?} is not a language twinbot speaks: write one of {}", crate::core::i18n::LOCALES.join(", "))
    })?;
    if name.is_empty() {
        return Err(format!("the name in {code} is empty"));
    }
    Ok((l.code.to_string(), name.to_string()))
}
