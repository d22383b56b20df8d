//! `privaudit list`: the saved assessments in a folder, for a consultant with many clients.

use crate::bank::Bank;
use crate::sanitize;
use crate::session::library;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Prints one line per session: organisation, progress, last change, score, file.
pub fn run(questions: Option<&Path>, dir: Option<PathBuf>) -> Result<ExitCode> {
    let bank = Bank::open(questions)?;
    let dir = dir.unwrap_or_else(library::sessions_dir);
    let (sessions, problems) = library::scan(&dir, &bank);
    for problem in &problems {
        let problem = problem.to_string();
        eprintln!("warning: skipped {}", sanitize::terminal_lines(&problem));
    }
    if sessions.is_empty() {
        println!(
            "No saved assessments in {}.",
            sanitize::terminal(&dir.display().to_string())
        );
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
    println!(
        "{:<name_width$}  {:>8}  {:<16}  {:>5}  file",
        "organisation", "progress", "last change", "score"
    );
    for (s, name) in sessions.iter().zip(&names) {
        let name = if name.trim().is_empty() {
            "(no name yet)".to_string()
        } else {
            shorten(name, name_width)
        };
        let score = s.score.map_or("—".to_string(), |n| n.to_string());
        println!(
            "{name:<name_width$}  {:>7}%  {:<16}  {score:>5}  {}",
            s.percent,
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
