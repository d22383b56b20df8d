//! The command line: arguments and the headless commands (`report`, `list`, `validate`, `schema`).

mod documents;
mod kit;
mod list;
mod packaging;
mod report;
mod words;

use crate::bank::{Bank, BankError, BankSource};
use crate::example;
use crate::i18n::Lang;
use crate::render::Format;
use crate::render::pdf::Paper;
use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
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
    /// Write the record of processing activities (GDPR art. 30) of a session, as .xlsx, .ods or .csv.
    Register(documents::DocumentArgs),
    /// Write the action tracker of a session (owner, due date, status to fill in), as .xlsx, .ods or .csv.
    Plan(documents::DocumentArgs),
    /// Write an empty incident register with the columns the laws require and the notification deadlines.
    Incidents(documents::IncidentArgs),
    /// Write a draft privacy policy from a session's answers, as Markdown, a standalone HTML page or a tagged PDF.
    Policy(documents::PolicyArgs),
    /// Write every document from a session at once (report, privacy policy, record of processing, action tracker, incident register) in a folder.
    ///
    /// Each session gets, in its language: the report as a PDF; the privacy
    /// policy as Markdown (to edit), as a standalone HTML page (to publish) and
    /// as a PDF (to print); the record of processing, the action tracker and
    /// the incident register as .xlsx workbooks. In French: rapport.pdf,
    /// politique-de-confidentialite.md/.html/.pdf, registre-des-traitements.xlsx,
    /// plan-d-action.xlsx, registre-des-incidents.xlsx; in English: report.pdf,
    /// privacy-policy.md/.html/.pdf, record-of-processing.xlsx,
    /// action-tracker.xlsx, incident-register.xlsx. Every file is owner-only
    /// and written atomically; several sessions get one subfolder each.
    Kit(kit::KitArgs),
    /// Compare two assessments of the same organisation: scores, gaps closed, new and still open, answers changed (Markdown or PDF).
    Compare(documents::CompareArgs),
    /// List the saved assessments: organisation, progress, last change, score.
    List {
        /// The folder; the data folder by default.
        dir: Option<PathBuf>,
    },
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
    /// Print the shell completion script for bash, zsh, fish, elvish or PowerShell.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff, where no package installed it: `privaudit man | man -l -`.
    Man,
}

/// Arguments of `privaudit report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The session files to report on (several make a batch).
    #[arg(required_unless_present = "example", value_name = "SESSION")]
    pub sessions: Vec<PathBuf>,
    /// Use an example session shipped with the bank instead of a file.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = example::DEFAULT, conflicts_with = "sessions")]
    pub example: Option<String>,
    /// Where to write the report (standard output when absent or `-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The format, or several separated by commas in a batch (`pdf,md`); by
    /// default taken from the output's extension, else Markdown (PDF in a batch).
    #[arg(short, long, value_enum, value_delimiter = ',')]
    pub format: Vec<Format>,
    /// Write each session's reports in this folder, named after the session file (a batch).
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    pub out_dir: Option<PathBuf>,
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
    /// What the annex lists: nothing, the answers the chapters do not show, or every answer.
    #[arg(long, value_enum, default_value = "answers")]
    pub annex: crate::report::AnnexMode,
    /// Permissions of the report files, in octal (`644` lets others on this
    /// machine read them); 600, owner only, by default, like sessions.
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = parse_mode)]
    pub mode: u32,
    /// Report on a session answered with another question bank than this one
    /// (its answers will mostly be set aside).
    #[arg(long)]
    pub force: bool,
}

fn parse_mode(s: &str) -> Result<u32, String> {
    match u32::from_str_radix(s, 8) {
        Ok(mode) if s.len() == 3 && mode & 0o600 == 0o600 => Ok(mode),
        Ok(_) if s.len() == 3 => Err(format!(
            "`{s}` would not let you read or write your own report; the owner needs 6 (e.g. 600, 640, 644)"
        )),
        _ => Err(format!(
            "`{s}` is not a file mode of three octal digits such as 600 or 644"
        )),
    }
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
                let w = words::words(words::message_lang(cli.lang, None));
                let what = if cli.plain {
                    w.no_terminal_plain
                } else {
                    w.no_terminal_wizard
                };
                eprintln!("privaudit: {what}\n{}", w.no_terminal_hint);
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
            crate::tui::run(bank, start, cli.lang)?;
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
        Some(Command::Report(mut args)) => {
            // `privaudit --lang en report …` means the same as `report --lang en`.
            args.lang = args.lang.or(cli.lang);
            report::run(cli.questions.as_deref(), &args)
        }
        Some(Command::Register(mut args)) => {
            args.out.lang = args.out.lang.or(cli.lang);
            documents::run(
                cli.questions.as_deref(),
                documents::Document::Register,
                &args,
            )
        }
        Some(Command::Plan(mut args)) => {
            args.out.lang = args.out.lang.or(cli.lang);
            documents::run(cli.questions.as_deref(), documents::Document::Plan, &args)
        }
        Some(Command::Incidents(mut args)) => {
            args.out.lang = args.out.lang.or(cli.lang);
            documents::run_incidents(cli.questions.as_deref(), &args)
        }
        Some(Command::Policy(mut args)) => {
            args.lang = args.lang.or(cli.lang);
            documents::run_policy(cli.questions.as_deref(), &args)
        }
        Some(Command::Kit(mut args)) => {
            args.lang = args.lang.or(cli.lang);
            kit::run(cli.questions.as_deref(), &args)
        }
        Some(Command::Compare(mut args)) => {
            args.lang = args.lang.or(cli.lang);
            documents::run_compare(cli.questions.as_deref(), &args)
        }
        Some(Command::List { dir }) => list::run(cli.questions.as_deref(), dir, cli.lang),
        Some(Command::Completions { shell }) => {
            packaging::print(|out| packaging::completions(shell, out))
        }
        Some(Command::Man) => packaging::print(packaging::man_page),
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
            let unchecked = bank.unchecked();
            if !unchecked.is_empty() {
                println!(
                    "{shown}: {} not fully checked for reachability (conditions on list entries, \
                     or too many combinations to try), taken as reachable: {}",
                    unchecked.len(),
                    unchecked.join(", ")
                );
            }
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
