//! The sizes a session may have: far above what any small business reaches,
//! low enough that a damaged or hostile file cannot make privaudit run for
//! minutes or take gigabytes. Checked when a session is read.

use super::Session;
use crate::answer::Answer;
use crate::bank::Pointer;

/// The longest text answer or note, in characters (about ten pages).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// The longest name (organisation, consultant, logo path), in characters.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The most entries of one list (third parties, kinds of information…).
pub const MAX_ENTRIES: usize = 10_000;
/// The most options selected in one multiple-choice answer.
pub const MAX_CHOICES: usize = 1_000;

/// Checks every size limit; the error is the field's path and what is wrong.
pub fn check(session: &Session) -> Result<(), (Pointer, String)> {
    let top = Pointer::default();
    name(&session.organisation, || top.at("organisation"))?;
    if let Some(by) = &session.prepared_by {
        name(by, || top.at("prepared_by"))?;
    }
    if let Some(logo) = &session.logo {
        name(&logo.to_string_lossy(), || top.at("logo"))?;
    }
    let m = &session.mission;
    for (field, value) in [
        ("firm", &m.firm),
        ("contact", &m.contact),
        ("visit_date", &m.visit_date),
    ] {
        if let Some(value) = value {
            name(value, || top.at("mission").at(field))?;
        }
    }
    if let Some(scope) = &m.scope {
        text(scope, || top.at("mission").at("scope"))?;
    }
    for (id, answer) in &session.answers {
        self::answer(answer, &top.at("answers").at(id.as_str()))?;
    }
    for (id, note) in &session.notes {
        text(note, || top.at("notes").at(id.as_str()))?;
    }
    Ok(())
}

fn answer(answer: &Answer, at: &Pointer) -> Result<(), (Pointer, String)> {
    match answer {
        Answer::Text(s) => text(s, || at.clone()),
        Answer::ChoicesOther(c) => {
            choices(c.selected.len(), at)?;
            text(&c.other, || at.at("other"))
        }
        Answer::Choices(ids) => choices(ids.len(), at),
        Answer::Group(group) => {
            let n = group.entries.len();
            if n > MAX_ENTRIES {
                return Err((
                    at.at("entries"),
                    format!("{n} entries; privaudit takes at most {MAX_ENTRIES} in one list"),
                ));
            }
            for (i, entry) in group.entries.iter().enumerate() {
                for (sub, a) in entry {
                    self::answer(a, &at.at("entries").at(i).at(sub.as_str()))?;
                }
            }
            Ok(())
        }
        Answer::Bool(_) | Answer::Number(_) | Answer::DontKnow(_) => Ok(()),
    }
}

fn choices(n: usize, at: &Pointer) -> Result<(), (Pointer, String)> {
    if n > MAX_CHOICES {
        return Err((
            at.clone(),
            format!("{n} options selected; privaudit takes at most {MAX_CHOICES}"),
        ));
    }
    Ok(())
}

fn text(s: &str, at: impl Fn() -> Pointer) -> Result<(), (Pointer, String)> {
    limit(s, MAX_TEXT_CHARS, at)
}

fn name(s: &str, at: impl Fn() -> Pointer) -> Result<(), (Pointer, String)> {
    limit(s, MAX_NAME_CHARS, at)
}

fn limit(s: &str, max: usize, at: impl Fn() -> Pointer) -> Result<(), (Pointer, String)> {
    // Bytes bound characters from above: count only when it may matter.
    if s.len() > max && s.chars().count() > max {
        let n = s.chars().count();
        return Err((
            at(),
            format!("{n} characters long; privaudit takes at most {max}"),
        ));
    }
    Ok(())
}
