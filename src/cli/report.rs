//! `privaudit report`: one session to a file or standard output, or a batch
//! of sessions to a folder in one or more formats.

use super::ReportArgs;
use super::words::{message_lang, plural, words};
use crate::bank::Bank;
use crate::example;
use crate::render::pdf::{Paper, PdfOptions};
use crate::render::{Format, Target};
use crate::report::{BuildOptions, Report, build_with};
use crate::sanitize;
use crate::session::{self, Session};
use anyhow::{Context, Result, bail};
use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs `report` with its arguments.
pub fn run(questions: Option<&Path>, args: &ReportArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let batch = args.out_dir.is_some() || args.sessions.len() > 1 || args.format.len() > 1;
    let before = words(message_lang(args.lang, None));
    if batch {
        if args.example.is_some() {
            bail!(before.example_batch);
        }
        if args.output.is_some() {
            bail!(before.output_batch);
        }
        return run_batch(&bank, args);
    }
    let (session, file) = match (args.sessions.first(), &args.example) {
        (_, Some(name)) => (example::open(&bank, name)?, None),
        (Some(path), None) => {
            let session = session::load(path)
                .map_err(|e| anyhow::anyhow!(e.describe(message_lang(args.lang, None))))?;
            (session, Some(path.as_path()))
        }
        (None, None) => bail!(before.no_session),
    };
    let lang = message_lang(args.lang, Some(session.lang));
    let w = words(lang);
    let session = prepare(&bank, session, args.force, lang, &mut |message| {
        eprintln!("{} {}", w.warning, sanitize::terminal_lines(&message));
    })?;
    let session = prepared_by(session, args);
    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    let format = args
        .format
        .first()
        .copied()
        .or_else(|| {
            args.output
                .as_deref()
                .filter(|_| !to_stdout)
                .and_then(Format::from_path)
        })
        .unwrap_or(Format::Md);
    if to_stdout && format == Format::Pdf && std::io::stdout().is_terminal() {
        bail!(w.pdf_on_terminal);
    }
    let (report, pdf) = report_of(&bank, &session, file, args, &[format])?;
    match args.output.as_deref().filter(|_| !to_stdout) {
        None => std::io::stdout()
            .lock()
            .write_all(&format.render(&report, &pdf)?)
            .context(w.stdout_failed)?,
        Some(path) => {
            let inputs: Vec<&Path> = args.sessions.iter().map(PathBuf::as_path).collect();
            let target = Target {
                path,
                inputs: &inputs,
                mode: args.mode,
                lang,
            };
            let size = crate::render::export(&report, format, &pdf, target)?;
            let progress = session.progress(&bank);
            let message = w
                .wrote
                .replace("{path}", &path.display().to_string())
                .replace("{size}", &size.to_string())
                .replace("{done}", &progress.done.to_string())
                .replace("{total}", &progress.total.to_string());
            eprintln!("{message}");
        }
    }
    // The process ends now and its memory goes with it: freeing the bank's
    // and the report's many small allocations one by one was 4 % of the
    // export's work.
    std::mem::forget((bank, report));
    Ok(ExitCode::SUCCESS)
}

/// Checks a loaded session against the bank (warnings go to `warn`). A
/// session of another bank is refused unless `force` (`--force`).
pub(super) fn prepare(
    bank: &Bank,
    mut session: Session,
    force: bool,
    lang: crate::i18n::Lang,
    warn: &mut dyn FnMut(String),
) -> Result<Session> {
    let w = words(lang);
    if let Some(why) = session.foreign_bank(bank, lang) {
        if !force {
            bail!("{why}, {}", w.force_hint);
        }
        warn(format!("{why}; {}", w.forced));
    }
    if let Some(warning) = session.newer_bank_warning(bank, lang) {
        warn(warning);
    }
    for retired in session.reconcile(bank) {
        warn(
            w.set_aside
                .replace("{id}", &retired.id)
                .replace("{why}", &retired.reason),
        );
    }
    Ok(session)
}

/// The command line's `--prepared-by`, over the session's.
fn prepared_by(mut session: Session, args: &ReportArgs) -> Session {
    if let Some(name) = &args.prepared_by {
        session.prepared_by = Some(name.clone()).filter(|n| !n.trim().is_empty());
    }
    session
}

/// The report and the PDF options for a session kept in `file` (whose folder
/// holds a relative logo, read only when one of `formats` is PDF). The report
/// of an assessment started from an earlier one compares the two.
fn report_of(
    bank: &Bank,
    session: &Session,
    file: Option<&Path>,
    args: &ReportArgs,
    formats: &[Format],
) -> Result<(Report, PdfOptions)> {
    let options = BuildOptions {
        lang: args.lang.unwrap_or(session.lang),
        date: args.date.unwrap_or_else(|| crate::i18n::local_now().date()),
    };
    let dir = file.and_then(Path::parent);
    let pdf = pdf_options(session, dir, args, formats.contains(&Format::Pdf))?;
    let mut report = build_with(bank, session, options, args.annex);
    crate::documents::compare::attach(&mut report, bank, session, file);
    Ok((report, pdf))
}

/// How to print a PDF: the session's defaults, then the command line's choices.
/// A report dated with `--date` is stamped with that date at midnight UTC, so
/// that the same session and date give the same bytes. `with_logo` says
/// whether to read the logo (only a PDF shows it).
fn pdf_options(
    session: &Session,
    dir: Option<&Path>,
    args: &ReportArgs,
    with_logo: bool,
) -> Result<PdfOptions> {
    let created = match args.date {
        Some(date) => date.midnight().assume_utc(),
        None => crate::i18n::local_now(),
    };
    let mut pdf = if with_logo {
        PdfOptions::for_session(session, dir, args.logo.as_deref(), created)?
    } else {
        PdfOptions::new(Paper::for_jurisdictions(&session.jurisdictions), created)
    };
    if let Some(paper) = args.paper {
        pdf.paper = paper;
    }
    Ok(pdf)
}

/// Every session to every format in the output folder, past any failure; a
/// summary at the end and a non-zero exit if anything failed.
fn run_batch(bank: &Bank, args: &ReportArgs) -> Result<ExitCode> {
    let lang = message_lang(args.lang, None);
    let w = words(lang);
    let out_dir = args.out_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    crate::files::create_private_dir(&out_dir).with_context(|| {
        w.mkdir_failed
            .replace("{dir}", &out_dir.display().to_string())
    })?;
    let inputs: Vec<&Path> = args.sessions.iter().map(PathBuf::as_path).collect();
    let formats: Vec<Format> = if args.format.is_empty() {
        vec![Format::Pdf]
    } else {
        let mut seen = BTreeSet::new();
        args.format
            .iter()
            .copied()
            .filter(|f| seen.insert(f.extension()))
            .collect()
    };
    let bar = indicatif::ProgressBar::new(args.sessions.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("a valid template"),
    );
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut written = Vec::new();
    let mut failed: Vec<(PathBuf, String)> = Vec::new();
    let mut drafts: Vec<(PathBuf, String)> = Vec::new();
    let mut taken = BTreeSet::new();
    for path in &args.sessions {
        bar.set_message(path.display().to_string());
        let mut warnings = Vec::new();
        let outcome = (|| -> Result<Vec<PathBuf>> {
            let session = session::load(path).map_err(|e| anyhow::anyhow!(e.describe(lang)))?;
            let session = prepare(bank, session, args.force, lang, &mut |m| warnings.push(m))?;
            let session = prepared_by(session, args);
            let (report, pdf) = report_of(bank, &session, Some(path), args, &formats)?;
            if let Some(band) = report.draft_band() {
                drafts.push((path.clone(), band));
            }
            let stem = unique_stem(path, &mut taken);
            let mut files = Vec::new();
            for format in &formats {
                let file = out_dir.join(format!("{stem}.{}", format.report_extension()));
                let target = Target {
                    path: &file,
                    inputs: &inputs,
                    mode: args.mode,
                    lang,
                };
                crate::render::export(&report, *format, &pdf, target)?;
                files.push(file);
            }
            Ok(files)
        })();
        for warning in warnings {
            bar.suspend(|| {
                eprintln!(
                    "{} {}: {}",
                    w.warning,
                    sanitize::terminal(&path.display().to_string()),
                    sanitize::terminal_lines(&warning)
                );
            });
        }
        match outcome {
            Ok(files) => written.extend(files),
            Err(e) => failed.push((path.clone(), format!("{e:#}"))),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let sessions_ok = args.sessions.len() - failed.len();
    let form = usize::from(written.len() != 1) + 2 * usize::from(sessions_ok != 1);
    eprintln!(
        "{}",
        w.batch_done[form]
            .replace("{reports}", &written.len().to_string())
            .replace("{sessions}", &sessions_ok.to_string())
            .replace("{dir}", &out_dir.display().to_string())
    );
    if !drafts.is_empty() {
        let [one, many] = w.batch_drafts;
        eprintln!(
            "{}",
            plural(drafts.len(), one, many).replace("{n}", &drafts.len().to_string())
        );
        for (path, band) in &drafts {
            eprintln!(
                "  {}{} {band}",
                sanitize::terminal(&path.display().to_string()),
                crate::i18n::colon(lang)
            );
        }
    }
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let [one, many] = w.batch_failed;
    eprintln!(
        "{}",
        plural(failed.len(), one, many).replace("{n}", &failed.len().to_string())
    );
    for (path, why) in &failed {
        // Load errors already start with the file, line and column.
        let line = if why.starts_with(&path.display().to_string()) {
            why.clone()
        } else {
            format!("{}: {why}", path.display())
        };
        eprintln!("  {}", sanitize::terminal_lines(&line));
    }
    Ok(ExitCode::FAILURE)
}

/// The session file's name without extension, made unique in this batch.
fn unique_stem(path: &Path, taken: &mut BTreeSet<String>) -> String {
    let stem = path
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().to_string());
    let mut candidate = stem.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}
