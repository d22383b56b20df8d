//! Renderers: the report model to bytes in each export format.

pub mod json;
pub mod markdown;
pub mod pdf;

use crate::report::Report;
use pdf::PdfOptions;
use std::path::Path;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark with GitHub tables and task lists).
    Md,
    /// JSON: the report model, with scores and every rule's outcome.
    Json,
    /// PDF.
    Pdf,
}

/// Why a report could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The PDF could not be produced.
    #[error(transparent)]
    Pdf(#[from] pdf::WriteError),
}

/// Why a report could not be exported to a file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The format cannot be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The session's logo cannot be used.
    #[error(transparent)]
    Logo(#[from] pdf::LogoError),
    /// The path may not receive a report (it is a session, or not a file).
    #[error(transparent)]
    Refused(#[from] crate::files::OutputError),
    /// The file could not be written.
    #[error("cannot write {}: {reason}", path.display())]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        reason: std::io::Error,
    },
}

impl ExportError {
    /// The error as a sentence in `lang`.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match self {
            ExportError::Write { path, reason } => {
                let said = crate::i18n::describe_io(reason, lang);
                match lang {
                    crate::i18n::Lang::Fr => {
                        format!("impossible d’écrire {}\u{a0}: {said}", path.display())
                    }
                    crate::i18n::Lang::En => format!("cannot write {}: {said}", path.display()),
                }
            }
            other => other.to_string(),
        }
    }
}

/// Where a report file goes and who may read it.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The file.
    pub path: &'a Path,
    /// The session files the report is made from: never overwritten.
    pub inputs: &'a [&'a Path],
    /// Unix permissions of the file: 0600 (owner only) unless relaxed.
    pub mode: u32,
    /// The language a refusal is said in.
    pub lang: crate::i18n::Lang,
}

impl<'a> Target<'a> {
    /// A report at `path`, made from `inputs`, readable by its owner only.
    pub fn private(path: &'a Path, inputs: &'a [&'a Path], lang: crate::i18n::Lang) -> Target<'a> {
        Target {
            path,
            inputs,
            mode: crate::session::PRIVATE,
            lang,
        }
    }
}

/// Renders `report` in `format` and writes it atomically to the target, after
/// the check that it replaces no session; returns the bytes written.
pub fn export(
    report: &Report,
    format: Format,
    pdf: &PdfOptions,
    target: Target<'_>,
) -> Result<usize, ExportError> {
    crate::files::check_output(target.path, target.inputs, target.lang)?;
    let bytes = format.render(report, pdf)?;
    crate::session::write_atomic(target.path, &bytes, target.mode).map_err(|reason| {
        ExportError::Write {
            path: target.path.to_path_buf(),
            reason,
        }
    })?;
    Ok(bytes.len())
}

/// Builds a session's report and writes it to `path`, owner-only: the export
/// of both interactive front ends. `session_path` is the session's file (never
/// overwritten; its folder holds a relative logo, read for a PDF only). The
/// report of an assessment started from an earlier one compares the two.
pub fn export_session(
    bank: &crate::bank::Bank,
    session: &crate::session::Session,
    session_path: Option<&Path>,
    options: crate::report::BuildOptions,
    format: Format,
    path: &Path,
) -> Result<usize, ExportError> {
    let mut report = crate::report::build(bank, session, options);
    crate::documents::compare::attach(&mut report, bank, session, session_path);
    let now = crate::i18n::local_now();
    let pdf = if format == Format::Pdf {
        let dir = session_path.and_then(Path::parent);
        PdfOptions::for_session(session, dir, None, now)?
    } else {
        PdfOptions::new(pdf::Paper::for_jurisdictions(&session.jurisdictions), now)
    };
    let inputs: Vec<&Path> = session_path.into_iter().collect();
    export(
        &report,
        format,
        &pdf,
        Target::private(path, &inputs, options.lang),
    )
}

impl Format {
    /// The format a file name asks for, by its extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Md),
            "json" => Some(Format::Json),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Pdf => "pdf",
        }
    }

    /// The extension of a report file named after its session: `pdf`, `md`,
    /// and `report.json`, so that a report never takes a session's name.
    pub fn report_extension(self) -> &'static str {
        match self {
            Format::Json => "report.json",
            other => other.extension(),
        }
    }

    /// Renders a report in this format; `pdf` says how to print a PDF.
    pub fn render(self, report: &Report, pdf: &PdfOptions) -> Result<Vec<u8>, RenderError> {
        match self {
            Format::Md => Ok(markdown::render(report).into_bytes()),
            Format::Json => Ok(json::render(report).into_bytes()),
            Format::Pdf => Ok(pdf::render(report, pdf)?),
        }
    }
}
