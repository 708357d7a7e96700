//! `twinbot town export|import|history --guild ID`: a server's own town from the operator's shell,
//! beside the running bot (which notices a change: PostgreSQL tells it, and on SQLite it reads
//! the file's `data_version`). An import is checked and written as `/town import` writes it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::offline::load;
use super::{error_chain, print_error, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE};
use crate::app::App;
use crate::commands::town::change_words;
use crate::state::files::{self, ImportError, Kind};
use crate::state::town::{TownNotSaved, TownOp, MAX_DOCUMENT};

/// What `twinbot town` does.
#[derive(Debug, clap::Subcommand)]
pub enum TownCmd {
    /// Write a server's town: its whole document (TOML, the format of the data files), or its
    /// partners for a spreadsheet (--csv).
    Export {
        /// The server (its Discord id).
        #[arg(long, value_name = "ID")]
        guild: u64,
        /// The partners as CSV instead of the whole document.
        #[arg(long)]
        csv: bool,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace a server's town with a file (.toml: all of it; .csv: its partners), checked as
    /// `/town import` checks it. Prints what changes; undo it in Discord with /town undo.
    Import {
        /// The server (its Discord id).
        #[arg(long, value_name = "ID")]
        guild: u64,
        /// The file: a .toml or .csv from an export.
        file: PathBuf,
        /// Print what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// List a server's town's versions, newest first: who made each, when, and what it did.
    History {
        /// The server (its Discord id).
        #[arg(long, value_name = "ID")]
        guild: u64,
    },
}

/// Why a `twinbot town` command failed, with its exit code.
struct Failed(String, u8);

/// Runs `twinbot town …`.
pub(super) fn town_shell(config: &Path, cmd: TownCmd) -> ExitCode {
    let (config, catalog, _) = match load(config) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(EXIT_NOT_FOUND);
        }
    };
    let work = async {
        let app = App::beside(&config, catalog).await.map_err(|e| Failed(error_chain(&e), EXIT_NOT_FOUND))?;
        match cmd {
            TownCmd::Export { guild, csv, out } => export(&app, guild, csv, out.as_deref()).await,
            TownCmd::Import { guild, file, dry_run } => import(&app, guild, &file, dry_run).await,
            TownCmd::History { guild } => history(&app, guild).await,
        }
    };
    match runtime.block_on(work) {
        Ok(text) => {
            print!("{text}");
            ExitCode::from(EXIT_OK)
        }
        Err(Failed(why, code)) => {
            eprintln!("error: {why}");
            ExitCode::from(code)
        }
    }
}

/// The server's town now: its version (0: none) and its document (None: none, or deleted).
async fn current(app: &App, guild: u64) -> Result<(i64, Option<String>), Failed> {
    let record = app.store().town(guild).await.map_err(|e| Failed(error_chain(&e), EXIT_NOT_FOUND))?;
    Ok(record.map_or((0, None), |r| (r.version, r.document)))
}

async fn export(app: &App, guild: u64, csv: bool, out: Option<&Path>) -> Result<String, Failed> {
    let (_, Some(doc)) = current(app, guild).await? else {
        return Err(Failed(format!("the server {guild} has no town"), EXIT_NOT_FOUND));
    };
    let text = if csv { files::to_csv(&doc).map_err(|e| Failed(e.to_string(), EXIT_NOT_FOUND))? } else { doc };
    match out {
        None => Ok(text),
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| Failed(format!("cannot write {}: {e}", path.display()), EXIT_NOT_FOUND))?;
            Ok(format!("wrote {}\n", path.display()))
        }
    }
}

async fn import(app: &App, guild: u64, file: &Path, dry_run: bool) -> Result<String, Failed> {
    let refused = |e: ImportError| Failed(format!("{}: {e}; nothing was changed", file.display()), EXIT_USAGE);
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let kind = Kind::of(&name).ok_or_else(|| refused(ImportError::WrongKind { filename: name.clone() }))?;
    let size =
        std::fs::metadata(file).map_err(|e| Failed(format!("cannot read {}: {e}", file.display()), EXIT_USAGE))?.len();
    if size > MAX_DOCUMENT as u64 {
        return Err(refused(ImportError::TooBig { size, limit: MAX_DOCUMENT }));
    }
    let bytes = std::fs::read(file).map_err(|e| Failed(format!("cannot read {}: {e}", file.display()), EXIT_USAGE))?;
    let text = String::from_utf8(bytes).map_err(|_| refused(ImportError::NotText))?;
    let (base, now) = current(app, guild).await?;
    let plan = files::read(kind, now.as_deref(), &text).map_err(refused)?;
    let mut out = String::new();
    for (what, names) in [("added", &plan.added), ("removed", &plan.removed), ("changed", &plan.changed)] {
        if !names.is_empty() {
            out.push_str(&format!("{what} ({}): {}\n", names.len(), names.join(", ")));
        }
    }
    if plan.home_changed {
        out.push_str("the town's own details change\n");
    }
    if plan.is_empty() {
        return Ok(format!("{name} holds the town as it is: nothing to import\n"));
    }
    if dry_run {
        return Ok(format!("{out}dry run: nothing was changed\n"));
    }
    let change = crate::state::town::TownChange::Imported {
        file: name,
        added: plan.added.len(),
        removed: plan.removed.len(),
        changed: plan.changed.len() + usize::from(plan.home_changed),
    };
    let op = TownOp::Import { document: plan.document, change };
    match app.change_town(guild, None, &op, base, chrono::Utc::now()).await {
        Ok(record) => Ok(format!("{out}saved as version {} of the server {guild}'s town\n", record.version)),
        Err(TownNotSaved::Conflict { .. }) => Err(Failed(
            "the town changed while the file was read; nothing was changed: run the import again".into(),
            EXIT_NOT_FOUND,
        )),
        Err(TownNotSaved::Refused(e)) => Err(Failed(format!("{e}; nothing was changed"), EXIT_USAGE)),
        Err(why) => Err(Failed(format!("not saved: {why:?}"), EXIT_NOT_FOUND)),
    }
}

async fn history(app: &App, guild: u64) -> Result<String, Failed> {
    let versions = app.town_history(guild).await;
    if versions.is_empty() {
        return Err(Failed(
            format!("the server {guild} has no town, and none was deleted in the last 30 days"),
            EXIT_NOT_FOUND,
        ));
    }
    let l = crate::core::i18n::default();
    let mut out = String::new();
    for r in versions {
        let who = r.made_by.map_or_else(|| "the operator".to_string(), |id| format!("member {id}"));
        out.push_str(&format!(
            "{:>4}  {}  {who:<26}  {}\n",
            r.version,
            r.made_at.format("%Y-%m-%d %H:%M UTC"),
            change_words(l, &r.change)
        ));
    }
    Ok(out)
}
