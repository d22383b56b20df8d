//! `privaudit list`: the saved assessments in a folder, for a consultant with many clients.

use super::words::{message_lang, words};
use crate::bank::Bank;
use crate::i18n::Lang;
use crate::sanitize;
use crate::session::library;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Prints one line per session: organisation, progress, last change, score, file.
pub fn run(questions: Option<&Path>, dir: Option<PathBuf>, lang: Option<Lang>) -> Result<ExitCode> {
    let w_lang = message_lang(lang, None);
    let w = words(w_lang);
    let bank = Bank::open(questions)?;
    let dir = dir.unwrap_or_else(library::sessions_dir);
    let (sessions, problems) = library::scan(&dir, &bank);
    for problem in &problems {
        let problem = problem.describe(w_lang);
        eprintln!(
            "{} {} {}",
            w.warning,
            w.skipped,
            sanitize::terminal_lines(&problem)
        );
    }
    if sessions.is_empty() {
        let shown = sanitize::terminal(&dir.display().to_string()).into_owned();
        println!("{}", w.no_sessions.replace("{dir}", &shown));
        return Ok(ExitCode::SUCCESS);
    }
    // Names and file names come from files: shown, never sent to the terminal raw.
    let names: Vec<String> = sessions
        .iter()
        .map(|s| sanitize::terminal(&s.organisation).into_owned())
        .collect();
    let name_width = names
        .iter()
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(12, 40);
    let [organisation, progress, changed, score, file] = w.columns;
    println!("{organisation:<name_width$}  {progress:>10}  {changed:<16}  {score:>5}  {file}");
    for (s, name) in sessions.iter().zip(&names) {
        let name = if name.trim().is_empty() {
            w.no_name.to_string()
        } else {
            shorten(name, name_width)
        };
        let score = s.score.map_or("—".to_string(), |n| n.to_string());
        println!(
            "{name:<name_width$}  {:>10}  {:<16}  {score:>5}  {}",
            crate::i18n::percent(s.percent, w_lang),
            s.updated,
            sanitize::terminal(&s.path.display().to_string())
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` cut to `width` characters, with an ellipsis when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}
