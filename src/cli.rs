//! The command line: arguments and the headless commands (`report`, `validate`, `schema`).

use crate::bank::{Bank, BankError, BankSource};
use crate::i18n::Lang;
use crate::render::Format;
use crate::render::pdf::{Logo, Paper, PdfOptions};
use crate::report::{BuildOptions, build};
use crate::session::{self, Session};
use crate::{example, flow};
use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// privaudit: a privacy assessment for small businesses, with a tailored report and security plan.
#[derive(Debug, Parser)]
#[command(name = "privaudit", version, about, long_about = None)]
pub struct Cli {
    /// A session file to open in the wizard (created if it does not exist).
    pub session: Option<PathBuf>,
    /// The language of the wizard before a session is open.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// Ask the questions one line at a time instead of full screen (screen readers, dumb terminals, SSH).
    #[arg(long)]
    pub plain: bool,
    /// Use the question bank in this folder instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub questions: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the report of a saved session, or of the bundled example.
    Report(ReportArgs),
    /// Check a question bank (the built-in one by default) and list every problem.
    Validate {
        /// The bank folder; the built-in bank when absent (or the one given with --questions).
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the bank's files, for an editor.
    Schema,
    /// Print what the bank covers (CNIL guide, reference report, GDPR articles, fair information principles) as Markdown.
    Coverage {
        /// The language of the item labels.
        #[arg(short, long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Print every user-visible string of the bank in one language, one per line.
    Strings {
        /// The language.
        #[arg(short, long, value_enum)]
        lang: Lang,
    },
}

/// Arguments of `privaudit report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The session file to report on.
    #[arg(required_unless_present = "example")]
    pub session: Option<PathBuf>,
    /// Use an example session shipped with the bank instead of a file.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = example::DEFAULT, conflicts_with = "session")]
    pub example: Option<String>,
    /// Where to write the report (standard output when absent or `-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The format; by default taken from the output's extension, else Markdown.
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// The language of the report; the session's by default.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// The date printed on the report, YYYY-MM-DD; today by default.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<time::Date>,
    /// PDF paper size; Letter when every jurisdiction is Canadian, else A4.
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// A PNG logo for the PDF's cover (instead of the session's).
    #[arg(long, value_name = "PNG")]
    pub logo: Option<PathBuf>,
    /// Who prepared the report, for the cover (instead of the session's).
    #[arg(long, value_name = "NAME")]
    pub prepared_by: Option<String>,
}

fn parse_date(s: &str) -> Result<time::Date, String> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, &fmt).map_err(|_| format!("`{s}` is not a date written YYYY-MM-DD"))
}

/// Runs the command line; the exit code says whether it succeeded.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => {
            use std::io::IsTerminal;
            let no_terminal =
                !std::io::stdin().is_terminal() || (!cli.plain && !std::io::stdout().is_terminal());
            if no_terminal {
                let what = if cli.plain {
                    "the plain mode reads answers from a terminal, and standard input is not one"
                } else {
                    "the wizard needs a terminal, and this is not one"
                };
                eprintln!(
                    "privaudit: {what}.\n\
                     To write a report without one:  privaudit report SESSION.json -o rapport.pdf\n\
                     For every command:              privaudit --help"
                );
                return Ok(ExitCode::from(2));
            }
            let bank = Bank::open(cli.questions.as_deref())?;
            if cli.plain {
                crate::plain::run(&bank, cli.session, cli.lang)?;
                return Ok(ExitCode::SUCCESS);
            }
            let start = cli
                .session
                .map_or(crate::tui::Start::Welcome, crate::tui::Start::Session);
            crate::tui::run(bank, start, cli.lang.unwrap_or(Lang::Fr))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Schema) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&crate::bank::json_schema())?
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Coverage { lang }) => {
            let bank = Bank::open(cli.questions.as_deref())?;
            print!("{}", crate::coverage::markdown(&bank, lang));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Strings { lang }) => {
            let bank = Bank::open(cli.questions.as_deref())?;
            for s in crate::coverage::strings(&bank, lang) {
                println!("{s}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Validate { dir }) => validate(dir.as_deref().or(cli.questions.as_deref())),
        Some(Command::Report(args)) => report(cli.questions.as_deref(), &args),
    }
}

fn validate(dir: Option<&Path>) -> Result<ExitCode> {
    let source = match dir {
        Some(dir) => BankSource::from_dir(dir).context("cannot read the question bank")?,
        None => BankSource::embedded(),
    };
    let shown = dir.map_or_else(
        || "built-in bank (questions/)".to_string(),
        |d| d.display().to_string(),
    );
    match Bank::load(&source) {
        Ok(bank) => {
            let questions = bank.questions().count();
            let problems = example::check_all(&bank);
            for p in &problems {
                println!("{p}");
            }
            if !problems.is_empty() {
                let n = problems.len();
                eprintln!(
                    "{shown}: {n} problem{} in the examples",
                    if n == 1 { "" } else { "s" }
                );
                return Ok(ExitCode::FAILURE);
            }
            println!(
                "{shown}: valid — bank {}, {} sections, {questions} questions, {} rules, {} examples",
                bank.stamp(),
                bank.sections.len(),
                bank.rules.len(),
                bank.examples.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(BankError::Invalid(problems)) => {
            for p in &problems {
                println!("{p}");
            }
            let n = problems.len();
            eprintln!(
                "{shown}: {n} problem{} found",
                if n == 1 { "" } else { "s" }
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

fn report(questions: Option<&Path>, args: &ReportArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let mut session: Session = match (&args.session, &args.example) {
        (_, Some(name)) => example::open(&bank, name)?,
        (Some(path), None) => session::load(path)?,
        (None, None) => bail!("give a session file, or --example"),
    };
    if session.bank.id != bank.manifest.id {
        eprintln!(
            "warning: this session was answered with the question bank `{}`, not `{}`; \
             its answers will not match (give that bank with --questions DIR)",
            session.bank.id, bank.manifest.id
        );
    }
    for retired in session.reconcile(&bank) {
        eprintln!(
            "warning: answer to `{}` set aside: {}",
            retired.id, retired.reason
        );
    }
    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    let format = args
        .format
        .or_else(|| {
            args.output
                .as_deref()
                .filter(|_| !to_stdout)
                .and_then(Format::from_path)
        })
        .unwrap_or(Format::Md);
    if to_stdout && format == Format::Pdf && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        bail!(
            "a PDF would garble the terminal; give a file with -o rapport.pdf (or redirect the output)"
        );
    }
    if let Some(name) = &args.prepared_by {
        session.prepared_by = Some(name.clone()).filter(|n| !n.trim().is_empty());
    }
    let date = args.date.unwrap_or_else(today);
    let options = BuildOptions {
        lang: args.lang.unwrap_or(session.lang),
        date,
    };
    let pdf = pdf_options(&session, args)?;
    let report = build(&bank, &session, options);
    match args.output.as_deref().filter(|_| !to_stdout) {
        None => std::io::stdout()
            .lock()
            .write_all(&format.render(&report, &pdf)?)
            .context("cannot write to standard output")?,
        Some(path) => {
            let size = crate::render::export(&report, format, &pdf, path)?;
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

/// How to print a PDF: the session's defaults, then the command line's choices.
/// A report dated with `--date` is stamped with that date at midnight UTC, so
/// that the same session and date give the same bytes.
fn pdf_options(session: &Session, args: &ReportArgs) -> Result<PdfOptions> {
    let created = match args.date {
        Some(date) => date.midnight().assume_utc(),
        None => {
            time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        }
    };
    let dir = args.session.as_deref().and_then(Path::parent);
    let mut pdf = if args.logo.is_some() {
        let mut without_logo = session.clone();
        without_logo.logo = None;
        PdfOptions::for_session(&without_logo, dir, created)?
    } else {
        PdfOptions::for_session(session, dir, created)?
    };
    if let Some(path) = &args.logo {
        pdf.logo = Some(Logo::load(path)?);
    }
    if let Some(paper) = args.paper {
        pdf.paper = paper;
    }
    Ok(pdf)
}

/// Today's date where the user is (UTC if the local offset is unknown).
fn today() -> time::Date {
    time::OffsetDateTime::now_local()
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .date()
}
