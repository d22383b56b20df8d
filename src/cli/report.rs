//! `privaudit report`: one session to a file or standard output, or a batch
//! of sessions to a folder in one or more formats.

use super::ReportArgs;
use crate::bank::Bank;
use crate::example;
use crate::flow;
use crate::render::pdf::{Paper, PdfOptions};
use crate::render::{Format, Target};
use crate::report::{BuildOptions, Report, build};
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
    if batch {
        if args.example.is_some() {
            bail!("--example writes one report; give session files for a batch");
        }
        if args.output.is_some() {
            bail!("-o writes one report in one format; for several, use --out-dir DIR");
        }
        return run_batch(&bank, args);
    }
    let (session, dir) = match (args.sessions.first(), &args.example) {
        (_, Some(name)) => (example::open(&bank, name)?, None),
        (Some(path), None) => (session::load(path)?, path.parent()),
        (None, None) => bail!("give a session file, or --example"),
    };
    let session = prepare(&bank, session, args, &mut |w| {
        eprintln!("warning: {}", sanitize::terminal_lines(&w));
    })?;
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
        bail!(
            "a PDF would garble the terminal; give a file with -o rapport.pdf (or redirect the output)"
        );
    }
    let (report, pdf) = report_of(&bank, &session, dir, args, &[format])?;
    match args.output.as_deref().filter(|_| !to_stdout) {
        None => std::io::stdout()
            .lock()
            .write_all(&format.render(&report, &pdf)?)
            .context("cannot write to standard output")?,
        Some(path) => {
            let inputs: Vec<&Path> = args.sessions.iter().map(PathBuf::as_path).collect();
            let target = Target {
                path,
                inputs: &inputs,
                mode: args.mode,
            };
            let size = crate::render::export(&report, format, &pdf, target)?;
            let progress = flow::progress(&bank, &session.answers);
            eprintln!(
                "wrote {} ({size} bytes; {} of {} questions answered)",
                path.display(),
                progress.done,
                progress.total
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Checks a loaded session against the bank (warnings go to `warn`) and
/// applies the command line's overrides. A session of another bank is refused
/// unless `--force`.
fn prepare(
    bank: &Bank,
    mut session: Session,
    args: &ReportArgs,
    warn: &mut dyn FnMut(String),
) -> Result<Session> {
    if let Some(why) = session.foreign_bank(bank) {
        if !args.force {
            bail!("{why}, or report anyway with --force");
        }
        warn(format!("{why}; reporting anyway (--force)"));
    }
    if let Some(warning) = session.newer_bank_warning(bank) {
        warn(warning);
    }
    for retired in session.reconcile(bank) {
        warn(format!(
            "answer to `{}` set aside: {}",
            retired.id, retired.reason
        ));
    }
    if let Some(name) = &args.prepared_by {
        session.prepared_by = Some(name.clone()).filter(|n| !n.trim().is_empty());
    }
    Ok(session)
}

/// The report and the PDF options for a session; `dir` is its file's folder.
/// The logo is read only when one of `formats` is PDF.
fn report_of(
    bank: &Bank,
    session: &Session,
    dir: Option<&Path>,
    args: &ReportArgs,
    formats: &[Format],
) -> Result<(Report, PdfOptions)> {
    let options = BuildOptions {
        lang: args.lang.unwrap_or(session.lang),
        date: args.date.unwrap_or_else(|| crate::i18n::local_now().date()),
    };
    let pdf = pdf_options(session, dir, args, formats.contains(&Format::Pdf))?;
    Ok((build(bank, session, options), pdf))
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
    let out_dir = args.out_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    crate::files::create_private_dir(&out_dir)
        .with_context(|| format!("cannot create the folder {}", out_dir.display()))?;
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
    let mut taken = BTreeSet::new();
    for path in &args.sessions {
        bar.set_message(path.display().to_string());
        let mut warnings = Vec::new();
        let outcome = (|| -> Result<Vec<PathBuf>> {
            let session = session::load(path)?;
            let session = prepare(bank, session, args, &mut |w| warnings.push(w))?;
            let (report, pdf) = report_of(bank, &session, path.parent(), args, &formats)?;
            let stem = unique_stem(path, &mut taken);
            let mut files = Vec::new();
            for format in &formats {
                let file = out_dir.join(format!("{stem}.{}", format.report_extension()));
                let target = Target {
                    path: &file,
                    inputs: &inputs,
                    mode: args.mode,
                };
                crate::render::export(&report, *format, &pdf, target)?;
                files.push(file);
            }
            Ok(files)
        })();
        for w in warnings {
            bar.suspend(|| {
                eprintln!(
                    "warning: {}: {}",
                    sanitize::terminal(&path.display().to_string()),
                    sanitize::terminal_lines(&w)
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
    eprintln!(
        "{} report{} written for {sessions_ok} session{} in {}",
        written.len(),
        plural(written.len()),
        plural(sessions_ok),
        out_dir.display()
    );
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("{} session{} failed:", failed.len(), plural(failed.len()));
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
