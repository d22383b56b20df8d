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
    /// The file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Renders `report` in `format` and writes it atomically to `path`; returns the bytes written.
pub fn export(
    report: &Report,
    format: Format,
    pdf: &PdfOptions,
    path: &Path,
) -> Result<usize, ExportError> {
    let bytes = format.render(report, pdf)?;
    crate::session::write_atomic(path, &bytes, false).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(bytes.len())
}

/// Builds a session's report and writes it to `path`: the export of both
/// interactive front ends. `dir` is the session file's folder (for its logo).
pub fn export_session(
    bank: &crate::bank::Bank,
    session: &crate::session::Session,
    dir: Option<&Path>,
    options: crate::report::BuildOptions,
    format: Format,
    path: &Path,
) -> Result<usize, ExportError> {
    let report = crate::report::build(bank, session, options);
    let pdf = PdfOptions::for_session(session, dir, None, crate::i18n::local_now())?;
    export(&report, format, &pdf, path)
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

    /// Renders a report in this format; `pdf` says how to print a PDF.
    pub fn render(self, report: &Report, pdf: &PdfOptions) -> Result<Vec<u8>, RenderError> {
        match self {
            Format::Md => Ok(markdown::render(report).into_bytes()),
            Format::Json => Ok(json::render(report).into_bytes()),
            Format::Pdf => Ok(pdf::render(report, pdf)?),
        }
    }
}
