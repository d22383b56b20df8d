//! `privaudit kit`: every document a client needs from one interview (the
//! report, the privacy policy, the record of processing, the action tracker
//! and the incident register) written to one folder, with one progress bar.

use super::words::{message_lang, words};
use crate::bank::Bank;
use crate::documents::kit;
use crate::i18n::Lang;
use crate::report::BuildOptions;
use crate::sanitize;
use crate::session::Session;
use anyhow::{Context, Result};
use clap::Args;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `kit`.
#[derive(Debug, Args)]
pub struct KitArgs {
    /// The session files (several make a batch: one subfolder each).
    #[arg(required = true, value_name = "SESSION")]
    pub sessions: Vec<PathBuf>,
    /// The folder to write in (created, owner only, if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// The language of the documents; each session's by default.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// The date printed on the documents, YYYY-MM-DD; today by default.
    #[arg(long, value_parser = super::parse_date)]
    pub date: Option<time::Date>,
    /// Use sessions answered with another question bank than this one.
    #[arg(long)]
    pub force: bool,
}

/// Runs `kit`.
pub fn run(questions: Option<&Path>, args: &KitArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let lang = message_lang(args.lang, None);
    let w = words(lang);
    crate::files::create_private_dir(&args.out_dir).with_context(|| {
        w.mkdir_failed
            .replace("{dir}", &args.out_dir.display().to_string())
    })?;
    let bar = indicatif::ProgressBar::new((args.sessions.len() * kit::COUNT) as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("a valid template"),
    );
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let batch = args.sessions.len() > 1;
    let mut written = 0;
    let mut failed = Vec::new();
    for path in &args.sessions {
        let outcome = (|| -> Result<usize> {
            let session = super::documents::open(&bank, Some(path), None, args.force, args.lang)?
                .expect("a session file was given");
            let dir = if batch {
                let stem = path
                    .file_stem()
                    .map_or("session".into(), |s| s.to_string_lossy().to_string());
                args.out_dir.join(stem)
            } else {
                args.out_dir.clone()
            };
            crate::files::create_private_dir(&dir)
                .with_context(|| w.mkdir_failed.replace("{dir}", &dir.display().to_string()))?;
            write_kit(&bank, &session, path, &dir, args, &bar)
        })();
        match outcome {
            Ok(n) => written += n,
            Err(e) => failed.push((path.clone(), format!("{e:#}"))),
        }
    }
    bar.finish_and_clear();
    let sessions = args.sessions.len() - failed.len();
    eprintln!(
        "{}",
        match lang {
            Lang::Fr => format!(
                "{written}\u{a0}documents écrits pour {sessions}\u{a0}évaluation{} dans {}",
                if sessions > 1 { "s" } else { "" },
                args.out_dir.display()
            ),
            Lang::En => format!(
                "{written} documents written for {sessions} session{} in {}",
                if sessions == 1 { "" } else { "s" },
                args.out_dir.display()
            ),
        }
    );
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    for (path, why) in &failed {
        eprintln!(
            "  {}",
            sanitize::terminal_lines(&format!("{}: {why}", path.display()))
        );
    }
    Ok(ExitCode::FAILURE)
}

/// Writes one session's documents in `dir`; returns how many.
fn write_kit(
    bank: &Bank,
    session: &Session,
    session_path: &Path,
    dir: &Path,
    args: &KitArgs,
    bar: &indicatif::ProgressBar,
) -> Result<usize> {
    let options = BuildOptions {
        lang: args.lang.unwrap_or(session.lang),
        date: args.date.unwrap_or_else(|| crate::i18n::local_now().date()),
    };
    let mut step = |name: &str| {
        bar.set_message(format!("{} — {name}", session.organisation));
        bar.inc(1);
    };
    let written = kit::write(bank, session, Some(session_path), dir, options, &mut step)?;
    Ok(written.len())
}
