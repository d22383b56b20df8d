//! The command line's own messages, in French and English. The language is
//! the one asked for (`--lang`), else the session's, else the terminal's
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else French.

use crate::i18n::Lang;

/// Every message the headless commands print, in one language.
#[derive(Debug)]
pub struct CliWords {
    /// A file written (`{path}`, `{size}`, `{done}`, `{total}`).
    pub wrote: &'static str,
    /// Before a warning.
    pub warning: &'static str,
    /// An answer set aside (`{id}`, `{why}`).
    pub set_aside: &'static str,
    /// Reporting anyway on another bank's session.
    pub forced: &'static str,
    /// What to add to report on another bank's session.
    pub force_hint: &'static str,
    /// Batch summary (`{reports}`, `{sessions}`, `{dir}`), singular then plural forms.
    pub batch_done: [&'static str; 4],
    /// Batch failures (`{n}`), singular then plural.
    pub batch_failed: [&'static str; 2],
    /// Batch reports of unfinished assessments (`{n}`), singular then plural.
    pub batch_drafts: [&'static str; 2],
    /// A PDF refused on a terminal.
    pub pdf_on_terminal: &'static str,
    /// --example with several sessions.
    pub example_batch: &'static str,
    /// -o with several reports.
    pub output_batch: &'static str,
    /// No session given.
    pub no_session: &'static str,
    /// Standard output could not be written.
    pub stdout_failed: &'static str,
    /// A folder could not be created (`{dir}`).
    pub mkdir_failed: &'static str,
    /// `list` found a file it could not read.
    pub skipped: &'static str,
    /// `list` found nothing (`{dir}`).
    pub no_sessions: &'static str,
    /// `list` column titles: organisation, progress, last change, score, file.
    pub columns: [&'static str; 5],
    /// A session without a name yet.
    pub no_name: &'static str,
    /// No terminal for the wizard.
    pub no_terminal_wizard: &'static str,
    /// No terminal for the plain mode.
    pub no_terminal_plain: &'static str,
    /// What to run instead.
    pub no_terminal_hint: &'static str,
}

/// French.
pub static FR: CliWords = CliWords {
    wrote: "Rapport écrit\u{a0}: {path} ({size} octets\u{202f}; {done} questions répondues sur {total})",
    warning: "attention\u{a0}:",
    set_aside: "réponse à `{id}` mise de côté\u{a0}: {why}",
    forced: "rapport fait quand même (--force)",
    force_hint: "ou faites le rapport quand même avec --force",
    batch_done: [
        "{reports} rapport écrit pour {sessions} évaluation dans {dir}",
        "{reports} rapports écrits pour {sessions} évaluation dans {dir}",
        "{reports} rapport écrit pour {sessions} évaluations dans {dir}",
        "{reports} rapports écrits pour {sessions} évaluations dans {dir}",
    ],
    batch_failed: [
        "{n} évaluation n’a pas pu être traitée\u{a0}:",
        "{n} évaluations n’ont pas pu être traitées\u{a0}:",
    ],
    batch_drafts: [
        "{n} évaluation est inachevée\u{a0}; son rapport porte la mention «\u{a0}brouillon\u{a0}»\u{a0}:",
        "{n} évaluations sont inachevées\u{a0}; leurs rapports portent la mention «\u{a0}brouillon\u{a0}»\u{a0}:",
    ],
    pdf_on_terminal: "un PDF brouillerait le terminal\u{a0}; donnez un fichier avec -o rapport.pdf (ou redirigez la sortie)",
    example_batch: "--example écrit un seul rapport\u{a0}; donnez des fichiers d’évaluation pour un lot",
    output_batch: "-o écrit un seul rapport dans un seul format\u{a0}; pour plusieurs, utilisez --out-dir DOSSIER",
    no_session: "donnez un fichier d’évaluation, ou --example",
    stdout_failed: "impossible d’écrire sur la sortie standard",
    mkdir_failed: "impossible de créer le dossier {dir}",
    skipped: "fichier ignoré\u{a0}:",
    no_sessions: "Aucune évaluation enregistrée dans {dir}.",
    columns: [
        "organisation",
        "avancement",
        "modifiée le",
        "score",
        "fichier",
    ],
    no_name: "(pas encore de nom)",
    no_terminal_wizard: "l’assistant a besoin d’un terminal, et ce n’en est pas un.",
    no_terminal_plain: "le mode texte lit les réponses dans un terminal, et l’entrée standard n’en est pas un.",
    no_terminal_hint: "Pour écrire un rapport sans terminal\u{a0}: privaudit report EVALUATION.json -o rapport.pdf\nToutes les commandes\u{a0}:               privaudit --help",
};

/// English.
pub static EN: CliWords = CliWords {
    wrote: "Report written: {path} ({size} bytes; {done} of {total} questions answered)",
    warning: "warning:",
    set_aside: "answer to `{id}` set aside: {why}",
    forced: "reporting anyway (--force)",
    force_hint: "or report anyway with --force",
    batch_done: [
        "{reports} report written for {sessions} session in {dir}",
        "{reports} reports written for {sessions} session in {dir}",
        "{reports} report written for {sessions} sessions in {dir}",
        "{reports} reports written for {sessions} sessions in {dir}",
    ],
    batch_failed: ["{n} session failed:", "{n} sessions failed:"],
    batch_drafts: [
        "{n} session is unfinished; its reports are marked “draft”:",
        "{n} sessions are unfinished; their reports are marked “draft”:",
    ],
    pdf_on_terminal: "a PDF would garble the terminal; give a file with -o report.pdf (or redirect the output)",
    example_batch: "--example writes one report; give session files for a batch",
    output_batch: "-o writes one report in one format; for several, use --out-dir DIR",
    no_session: "give a session file, or --example",
    stdout_failed: "cannot write to standard output",
    mkdir_failed: "cannot create the folder {dir}",
    skipped: "skipped:",
    no_sessions: "No saved assessments in {dir}.",
    columns: ["organization", "progress", "last change", "score", "file"],
    no_name: "(no name yet)",
    no_terminal_wizard: "the wizard needs a terminal, and this is not one.",
    no_terminal_plain: "the plain mode reads answers from a terminal, and standard input is not one.",
    no_terminal_hint: "To write a report without one:  privaudit report SESSION.json -o report.pdf\nFor every command:              privaudit --help",
};

/// The messages in `lang`.
pub fn words(lang: Lang) -> &'static CliWords {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The language of the messages: the one asked for, else the session's, else
/// the terminal's locale, else French.
pub fn message_lang(asked: Option<Lang>, session: Option<Lang>) -> Lang {
    asked.or(session).unwrap_or_else(locale_lang)
}

/// The language of the terminal's locale, French unless it says English.
pub fn locale_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .map_or(Lang::Fr, |value| {
            if value.starts_with("en") {
                Lang::En
            } else {
                Lang::Fr
            }
        })
}

/// `one` or `many` by `n`.
pub fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
