//! `privaudit kit`: every document a client needs from one interview (the
//! report, the privacy policy, the record of processing, the action tracker
//! and the incident register) written to one folder, with one progress bar.

use super::documents::save;
use super::words::{message_lang, words};
use crate::bank::Bank;
use crate::documents::{Reader, incidents, plan, policy, register, sheet};
use crate::i18n::Lang;
use crate::render::Format;
use crate::report::BuildOptions;
use crate::session::Session;
use crate::{sanitize, session};
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

/// The documents of the kit, in the order written.
const DOCUMENTS: usize = 6;

/// The file names of the kit in `lang`.
fn names(lang: Lang) -> [&'static str; DOCUMENTS] {
    match lang {
        Lang::Fr => [
            "rapport.pdf",
            "politique-de-confidentialite.md",
            "politique-de-confidentialite.html",
            "registre-des-traitements.xlsx",
            "plan-d-action.xlsx",
            "registre-des-incidents.xlsx",
        ],
        Lang::En => [
            "report.pdf",
            "privacy-policy.md",
            "privacy-policy.html",
            "record-of-processing.xlsx",
            "action-tracker.xlsx",
            "incident-register.xlsx",
        ],
    }
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
    let bar = indicatif::ProgressBar::new((args.sessions.len() * DOCUMENTS) as u64);
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
    let lang = args.lang.unwrap_or(session.lang);
    let date = args.date.unwrap_or_else(|| crate::i18n::local_now().date());
    let options = BuildOptions { lang, date };
    let names = names(lang);
    let inputs = [session_path];
    let mode = session::PRIVATE;
    let reader = Reader::new(bank, session, lang, date);
    let step = |i: usize| {
        bar.set_message(format!("{} — {}", session.organisation, names[i]));
        dir.join(names[i])
    };
    let report = step(0);
    crate::render::export_session(
        bank,
        session,
        Some(session_path),
        options,
        Format::Pdf,
        &report,
    )
    .map_err(|e| anyhow::anyhow!(e.describe(lang)))?;
    bar.inc(1);
    let document = policy::build(&reader, date);
    let path = step(1);
    save(
        &path,
        policy::markdown(&document).as_bytes(),
        &inputs,
        mode,
        lang,
    )?;
    bar.inc(1);
    let path = step(2);
    save(
        &path,
        policy::html(&document).as_bytes(),
        &inputs,
        mode,
        lang,
    )?;
    bar.inc(1);
    let books = [
        register::workbook(&reader, date),
        plan::workbook(bank, session, options),
        incidents::workbook(
            &session.cited_jurisdictions(),
            Some(&session.organisation),
            lang,
        ),
    ];
    for (i, book) in books.iter().enumerate() {
        let path = step(3 + i);
        let bytes = sheet::xlsx(book).with_context(|| format!("{}", path.display()))?;
        save(&path, &bytes, &inputs, mode, lang)?;
        bar.inc(1);
    }
    Ok(DOCUMENTS)
}
