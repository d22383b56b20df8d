//! The kit: every document a client needs from one session (the report as a
//! PDF, the privacy policy as Markdown to edit, as an HTML page to publish and
//! as a PDF to print, the record of processing, the action tracker and the
//! incident register as spreadsheets) written to one folder. `privaudit kit` and the
//! wizard's export both write it through [`write`].

use super::{Reader, incidents, plan, policy, register, save, sheet};
use crate::bank::Bank;
use crate::i18n::Lang;
use crate::render::Format;
use crate::report::BuildOptions;
use crate::session::{self, Session};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// How many files the kit holds.
pub const COUNT: usize = 7;

/// The file names of the kit in `lang`, in the order written.
pub fn names(lang: Lang) -> [&'static str; COUNT] {
    match lang {
        Lang::Fr => [
            "rapport.pdf",
            "politique-de-confidentialite.md",
            "politique-de-confidentialite.html",
            "politique-de-confidentialite.pdf",
            "registre-des-traitements.xlsx",
            "plan-d-action.xlsx",
            "registre-des-incidents.xlsx",
        ],
        Lang::En => [
            "report.pdf",
            "privacy-policy.md",
            "privacy-policy.html",
            "privacy-policy.pdf",
            "record-of-processing.xlsx",
            "action-tracker.xlsx",
            "incident-register.xlsx",
        ],
    }
}

/// Writes the kit of `session` in `dir` (created, owner only, if missing),
/// each file owner-only and atomically, never over `session_path`; calls
/// `step` with each file's name before writing it and returns the files.
pub fn write(
    bank: &Bank,
    session: &Session,
    session_path: Option<&Path>,
    dir: &Path,
    options: BuildOptions,
    step: &mut dyn FnMut(&str),
) -> Result<Vec<PathBuf>> {
    let BuildOptions { lang, date } = options;
    crate::files::create_private_dir(dir).with_context(|| match lang {
        Lang::Fr => format!("impossible de créer le dossier {}", dir.display()),
        Lang::En => format!("cannot create the folder {}", dir.display()),
    })?;
    let names = names(lang);
    let inputs: Vec<&Path> = session_path.into_iter().collect();
    let mode = session::PRIVATE;
    let reader = Reader::new(bank, session, lang, date);
    let mut written = Vec::with_capacity(COUNT);
    let mut next = |i: usize| {
        step(names[i]);
        dir.join(names[i])
    };
    let report = next(0);
    crate::render::export_session(bank, session, session_path, options, Format::Pdf, &report)
        .map_err(|e| anyhow::anyhow!(e.describe(lang)))?;
    written.push(report);
    let document = policy::build(&reader, date);
    let paper = crate::render::pdf::Paper::for_jurisdictions(&session.jurisdictions);
    let pdf = policy::pdf(&document, paper, crate::i18n::local_now())
        .with_context(|| dir.join(names[3]).display().to_string())?;
    let files = [
        policy::markdown(&document).into_bytes(),
        policy::html(&document).into_bytes(),
        pdf,
    ];
    for (i, bytes) in files.iter().enumerate() {
        let path = next(1 + i);
        save(&path, bytes, &inputs, mode, lang)?;
        written.push(path);
    }
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
        let path = next(4 + i);
        let bytes = sheet::xlsx(book).with_context(|| path.display().to_string())?;
        save(&path, &bytes, &inputs, mode, lang)?;
        written.push(path);
    }
    Ok(written)
}
