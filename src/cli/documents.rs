//! `privaudit register`, `plan`, `incidents`, `policy` and `compare`: the
//! documents made from a session besides the report, written as a
//! spreadsheet, a CSV, Markdown, HTML or PDF.

use super::report::prepare;
use super::words::{message_lang, words};
use crate::bank::Bank;
use crate::documents::sheet::{self, Workbook};
use crate::documents::{Reader, compare, incidents, plan, policy, register, save};
use crate::i18n::Lang;
use crate::render::pdf::Paper;
use crate::report::BuildOptions;
use crate::session::{self, Session};
use crate::{example, sanitize};
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The file formats of the spreadsheet documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// An Excel workbook (opens in LibreOffice, Numbers, Google Sheets too).
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice's own format).
    Ods,
    /// The main sheet as CSV (UTF-8).
    Csv,
}

impl SheetFormat {
    /// The format a file name asks for, by its extension.
    fn from_path(path: &Path) -> Option<SheetFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(SheetFormat::Xlsx),
            "ods" => Some(SheetFormat::Ods),
            "csv" => Some(SheetFormat::Csv),
            _ => None,
        }
    }
}

/// Arguments of `register` and `plan`.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// The session file.
    #[arg(required_unless_present = "example", value_name = "SESSION")]
    pub session: Option<PathBuf>,
    /// Use an example session shipped with the bank instead of a file.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = example::DEFAULT, conflicts_with = "session")]
    pub example: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// The date printed on the document, YYYY-MM-DD; today by default.
    #[arg(long, value_parser = super::parse_date)]
    pub date: Option<time::Date>,
    /// Use a session answered with another question bank than this one.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `incidents`.
#[derive(Debug, Args)]
pub struct IncidentArgs {
    /// A session file, to keep only the columns and deadlines of its laws and use its words.
    #[arg(value_name = "SESSION")]
    pub session: Option<PathBuf>,
    /// Use an example session shipped with the bank instead of a file.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = example::DEFAULT, conflicts_with = "session")]
    pub example: Option<String>,
    /// The laws to cover when no session is given (all three by default).
    #[arg(long, value_enum, value_delimiter = ',', conflicts_with_all = ["session", "example"])]
    pub law: Vec<crate::law::Jurisdiction>,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Use a session answered with another question bank than this one.
    #[arg(long)]
    pub force: bool,
}

/// The formats of the privacy policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PolicyFormat {
    /// Markdown.
    Md,
    /// A standalone HTML page.
    Html,
    /// A tagged PDF (PDF/UA), like the report.
    Pdf,
}

impl PolicyFormat {
    /// The format a file name asks for, by its extension.
    fn from_path(path: &Path) -> Option<PolicyFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(PolicyFormat::Md),
            "html" | "htm" => Some(PolicyFormat::Html),
            "pdf" => Some(PolicyFormat::Pdf),
            _ => None,
        }
    }
}

/// Arguments of `policy`.
#[derive(Debug, Args)]
pub struct PolicyArgs {
    /// The session file.
    #[arg(required_unless_present = "example", value_name = "SESSION")]
    pub session: Option<PathBuf>,
    /// Use an example session shipped with the bank instead of a file.
    #[arg(long, value_name = "NAME", num_args = 0..=1, default_missing_value = example::DEFAULT, conflicts_with = "session")]
    pub example: Option<String>,
    /// Where to write the policy (`.md`, `.html` or `.pdf`); standard output when absent or `-`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The format; by default taken from the output's extension, else Markdown.
    #[arg(short, long, value_enum)]
    pub format: Option<PolicyFormat>,
    /// PDF paper size; Letter when every jurisdiction is Canadian, else A4.
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// The language of the policy; the session's by default.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// The date of the policy's version, YYYY-MM-DD; today by default.
    #[arg(long, value_parser = super::parse_date)]
    pub date: Option<time::Date>,
    /// Permissions of the file, in octal; 600, owner only, by default.
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = super::parse_mode)]
    pub mode: u32,
    /// Use a session answered with another question bank than this one.
    #[arg(long)]
    pub force: bool,
}

/// The formats of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Markdown.
    Md,
    /// A tagged PDF (PDF/UA), like the report.
    Pdf,
}

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment's session file.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later assessment's session file.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// Where to write the comparison (`.md`, or `.pdf` for a tagged PDF like
    /// the report's); Markdown on standard output when absent or `-`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The format; by default taken from the output's extension, else Markdown.
    #[arg(short, long, value_enum)]
    pub format: Option<CompareFormat>,
    /// PDF paper size; Letter when every jurisdiction of the later session is Canadian, else A4.
    #[arg(long, value_enum)]
    pub paper: Option<Paper>,
    /// The language; the later session's by default.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// Permissions of the file, in octal; 600, owner only, by default.
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = super::parse_mode)]
    pub mode: u32,
    /// Use sessions answered with another question bank than this one.
    #[arg(long)]
    pub force: bool,
}

/// Where and how a document is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The file to write (`.xlsx`, `.ods` or `.csv`).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The format; by default taken from the output's extension.
    #[arg(short, long, value_enum)]
    pub format: Option<SheetFormat>,
    /// The language of the document; the session's by default.
    #[arg(short, long, value_enum)]
    pub lang: Option<Lang>,
    /// Permissions of the file, in octal; 600, owner only, by default.
    #[arg(long, value_name = "OCTAL", default_value = "600", value_parser = super::parse_mode)]
    pub mode: u32,
}

/// Which document a run of [`run`] writes.
#[derive(Debug, Clone, Copy)]
pub enum Document {
    /// The record of processing activities.
    Register,
    /// The action tracker.
    Plan,
}

/// Loads the session a document is made from, with the report's checks.
pub(super) fn open(
    bank: &Bank,
    file: Option<&Path>,
    example_name: Option<&str>,
    force: bool,
    lang: Option<Lang>,
) -> Result<Option<Session>> {
    let session = match (file, example_name) {
        (_, Some(name)) => example::open(bank, name)?,
        (Some(path), None) => session::load(path)
            .map_err(|e| anyhow::anyhow!(e.describe(message_lang(lang, None))))?,
        (None, None) => return Ok(None),
    };
    let message = message_lang(lang, Some(session.lang));
    let w = words(message);
    let session = prepare(bank, session, force, message, &mut |m| {
        eprintln!("{} {}", w.warning, sanitize::terminal_lines(&m));
    })?;
    Ok(Some(session))
}

/// Runs `register` or `plan`.
pub fn run(questions: Option<&Path>, document: Document, args: &DocumentArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let lang_asked = args.out.lang;
    let Some(session) = open(
        &bank,
        args.session.as_deref(),
        args.example.as_deref(),
        args.force,
        lang_asked,
    )?
    else {
        bail!(words(message_lang(lang_asked, None)).no_session);
    };
    let lang = lang_asked.unwrap_or(session.lang);
    let date = args.date.unwrap_or_else(|| crate::i18n::local_now().date());
    let book = match document {
        Document::Register => register::workbook(&Reader::new(&bank, &session, lang, date), date),
        Document::Plan => plan::workbook(&bank, &session, BuildOptions { lang, date }),
    };
    let inputs: Vec<&Path> = args.session.iter().map(PathBuf::as_path).collect();
    write(&book, &args.out, &inputs, lang)
}

/// Runs `incidents`.
pub fn run_incidents(questions: Option<&Path>, args: &IncidentArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let session = if args.session.is_some() || args.example.is_some() {
        open(
            &bank,
            args.session.as_deref(),
            args.example.as_deref(),
            args.force,
            args.out.lang,
        )?
    } else {
        None
    };
    let lang = message_lang(args.out.lang, session.as_ref().map(|s| s.lang));
    let (laws, org) = match &session {
        Some(s) => (s.cited_jurisdictions(), Some(s.organisation.as_str())),
        None => (args.law.clone(), None),
    };
    let book = incidents::workbook(&laws, org, lang);
    let inputs: Vec<&Path> = args.session.iter().map(PathBuf::as_path).collect();
    write(&book, &args.out, &inputs, lang)
}

/// Renders the workbook in the format asked for and writes it atomically,
/// never over a session.
fn write(book: &Workbook, out: &OutputArgs, inputs: &[&Path], lang: Lang) -> Result<ExitCode> {
    let fr = lang == Lang::Fr;
    let path = out.output.as_path();
    let Some(format) = out.format.or_else(|| SheetFormat::from_path(path)) else {
        bail!(if fr {
            format!(
                "{}\u{a0}: extension inconnue\u{202f}; nommez le fichier en .xlsx, .ods ou .csv, ou précisez --format",
                path.display()
            )
        } else {
            format!(
                "{}: unknown extension; name the file .xlsx, .ods or .csv, or give --format",
                path.display()
            )
        });
    };
    let failed = || {
        if fr {
            format!("impossible de préparer le classeur {}", path.display())
        } else {
            format!("cannot build the workbook {}", path.display())
        }
    };
    let bytes = match format {
        SheetFormat::Xlsx => sheet::xlsx(book).with_context(failed)?,
        SheetFormat::Ods => sheet::ods(book).with_context(failed)?,
        SheetFormat::Csv => sheet::csv(book).into_bytes(),
    };
    write_file(path, &bytes, inputs, out.mode, lang)
}

/// Runs `policy`.
pub fn run_policy(questions: Option<&Path>, args: &PolicyArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let Some(session) = open(
        &bank,
        args.session.as_deref(),
        args.example.as_deref(),
        args.force,
        args.lang,
    )?
    else {
        bail!(words(message_lang(args.lang, None)).no_session);
    };
    let lang = args.lang.unwrap_or(session.lang);
    let date = args.date.unwrap_or_else(|| crate::i18n::local_now().date());
    let document = policy::build(&Reader::new(&bank, &session, lang, date), date);
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let format = args
        .format
        .or_else(|| output.and_then(PolicyFormat::from_path))
        .unwrap_or(PolicyFormat::Md);
    let bytes = match format {
        PolicyFormat::Md => policy::markdown(&document).into_bytes(),
        PolicyFormat::Html => policy::html(&document).into_bytes(),
        PolicyFormat::Pdf => {
            // Dated with --date, the file is stamped at midnight UTC that
            // day, so that the same session and date give the same bytes.
            let created = args
                .date
                .map_or_else(crate::i18n::local_now, |d| d.midnight().assume_utc());
            let paper = args
                .paper
                .unwrap_or_else(|| Paper::for_jurisdictions(&session.jurisdictions));
            policy::pdf(&document, paper, created).with_context(|| pdf_failed(output, lang))?
        }
    };
    let inputs: Vec<&Path> = args.session.iter().map(PathBuf::as_path).collect();
    emit(
        output,
        &bytes,
        format == PolicyFormat::Pdf,
        &inputs,
        args.mode,
        lang,
    )
}

/// "Cannot build the PDF FILE".
fn pdf_failed(output: Option<&Path>, lang: Lang) -> String {
    let file = output.map_or_else(|| "-".into(), |p| p.display().to_string());
    match lang {
        Lang::Fr => format!("impossible de produire le PDF {file}"),
        Lang::En => format!("cannot produce the PDF {file}"),
    }
}

/// Writes a document to `output`, or to standard output when there is none
/// (never a PDF on a terminal).
fn emit(
    output: Option<&Path>,
    bytes: &[u8],
    pdf: bool,
    inputs: &[&Path],
    mode: u32,
    lang: Lang,
) -> Result<ExitCode> {
    use std::io::{IsTerminal, Write};
    match output {
        Some(path) => write_file(path, bytes, inputs, mode, lang),
        None if pdf && std::io::stdout().is_terminal() => bail!(match lang {
            Lang::Fr =>
                "un PDF brouillerait le terminal\u{a0}; donnez un fichier avec -o (ou redirigez la sortie)",
            Lang::En =>
                "a PDF would garble the terminal; give a file with -o (or redirect the output)",
        }),
        None => {
            std::io::stdout()
                .lock()
                .write_all(bytes)
                .context(words(lang).stdout_failed)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Runs `compare`.
pub fn run_compare(questions: Option<&Path>, args: &CompareArgs) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let load = |path: &Path| {
        open(&bank, Some(path), None, args.force, args.lang)
            .map(|s| s.expect("a session file was given"))
    };
    let (old, new) = (load(&args.old)?, load(&args.new)?);
    let lang = args.lang.unwrap_or(new.lang);
    let comparison = compare::compare(&bank, &old, &new, lang);
    let output = args.output.as_deref().filter(|p| *p != Path::new("-"));
    let from_name = output.and_then(|p| {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        (ext == "pdf").then_some(CompareFormat::Pdf)
    });
    let format = args.format.or(from_name).unwrap_or(CompareFormat::Md);
    let bytes = match format {
        CompareFormat::Md => compare::markdown(&comparison).into_bytes(),
        CompareFormat::Pdf => {
            let paper = args
                .paper
                .unwrap_or_else(|| Paper::for_jurisdictions(&new.jurisdictions));
            compare::pdf(&comparison, paper, crate::i18n::local_now())
                .with_context(|| pdf_failed(output, lang))?
        }
    };
    emit(
        output,
        &bytes,
        format == CompareFormat::Pdf,
        &[args.old.as_path(), args.new.as_path()],
        args.mode,
        lang,
    )
}

/// Writes a document atomically with `mode`, after the check that it
/// replaces no session, and says so on standard error.
fn write_file(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    mode: u32,
    lang: Lang,
) -> Result<ExitCode> {
    save(path, bytes, inputs, mode, lang)?;
    eprintln!(
        "{}",
        match lang {
            Lang::Fr => format!("Écrit\u{a0}: {} ({} octets)", path.display(), bytes.len()),
            Lang::En => format!("Wrote {} ({} bytes)", path.display(), bytes.len()),
        }
    );
    Ok(ExitCode::SUCCESS)
}
