//! Where sessions live by default (the platform data folder) and what is there.

use super::{Session, load};
use crate::bank::Bank;
use std::path::{Path, PathBuf};

/// The folder sessions are saved in: `PRIVAUDIT_DATA_DIR` if set, else the
/// platform data folder (e.g. `~/.local/share/privaudit/sessions`).
pub fn sessions_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PRIVAUDIT_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "privaudit")
        .map(|d| d.data_dir().join("sessions"))
        .unwrap_or_else(|| PathBuf::from("privaudit-sessions"))
}

/// A saved session, as listed to choose one.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The file.
    pub path: PathBuf,
    /// The organisation assessed.
    pub organisation: String,
    /// Questions done, in percent of those shown.
    pub percent: u8,
    /// When it last changed, `YYYY-MM-DD HH:MM` (UTC).
    pub updated: String,
    /// The overall score, once every question is answered (a score of a
    /// half-done assessment would mislead).
    pub score: Option<u8>,
}

impl Summary {
    /// The session file's name, which tells two audits of one client apart.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().to_string())
    }
}

/// The sessions in `dir`, most recently changed first; files that are not
/// readable sessions are skipped.
pub fn list(dir: &Path, bank: &Bank) -> Vec<Summary> {
    scan(dir, bank).0
}

/// The sessions in `dir`, most recently changed first, and the `.json` files
/// that could not be read as sessions, with why.
pub fn scan(dir: &Path, bank: &Bank) -> (Vec<Summary>, Vec<super::SessionError>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut problems = Vec::new();
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut found: Vec<(time::OffsetDateTime, Summary)> = paths
        .into_iter()
        .filter_map(|path| {
            let mut session = load(&path).map_err(|e| problems.push(e)).ok()?;
            session.reconcile(bank);
            let progress = session.progress(bank);
            let score = crate::rules::evaluate(bank, &session.answers)
                .overall
                .filter(|_| progress.percent() == 100);
            let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
            let updated = session.updated.format(&fmt).unwrap_or_default();
            let summary = Summary {
                path,
                organisation: session.organisation.clone(),
                percent: progress.percent(),
                updated,
                score,
            };
            Some((session.updated, summary))
        })
        .collect();
    found.sort_by_key(|(updated, _)| std::cmp::Reverse(*updated));
    (found.into_iter().map(|(_, s)| s).collect(), problems)
}

/// A new file name in `dir` for an organisation: its name in lowercase ASCII
/// words, and a number if the name is taken.
pub fn new_path(dir: &Path, organisation: &str) -> PathBuf {
    let slug: String = organisation
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "evaluation".to_string()
    } else {
        slug
    };
    let mut path = dir.join(format!("{slug}.json"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{slug}-{n}.json"));
        n += 1;
    }
    path
}

/// Saves a new session in `dir`, creating the folder (owner only) if needed,
/// and keeps it open for editing.
pub fn create(dir: &Path, session: &Session) -> Result<super::SessionFile, super::SessionError> {
    crate::files::create_private_dir(dir).map_err(|reason| super::SessionError::Io {
        path: dir.into(),
        reason,
    })?;
    let path = new_path(dir, &session.organisation);
    super::SessionFile::create(&path, session)
}

/// Renames the organisation of the session at `path` (its file keeps its name).
pub fn rename(
    path: &Path,
    bank: &Bank,
    name: &str,
    lang: crate::i18n::Lang,
) -> Result<(), super::SessionError> {
    let (mut file, mut session) = super::SessionFile::open(path, bank, lang)?;
    let question = bank.manifest.bindings.organisation.clone();
    let now = crate::i18n::local_now();
    let answer = crate::answer::Answer::Text(name.trim().to_string());
    session.set_answer(bank, &question, answer, now);
    file.save(&session).map(drop)
}

/// Starts a new audit in `dir` from the session at `path`: a copy whose
/// answers are all to confirm, linked to `path`; kept open for editing.
pub fn duplicate(
    dir: &Path,
    path: &Path,
    bank: &Bank,
    lang: crate::i18n::Lang,
) -> Result<(super::SessionFile, Session), super::SessionError> {
    let (_, session) = super::SessionFile::open(path, bank, lang)?;
    let next = session.next_audit(path, crate::i18n::local_now());
    let file = create(dir, &next)?;
    Ok((file, next))
}

/// The earlier assessment `session` was started from ("from last year"),
/// read and checked against `bank`, if its file can still be read: where
/// `previous` says (a relative path from the folder of `session_path`, the
/// session's own file, then from the current folder), else under the same
/// name beside the session (the folder was moved), or in the `archive`
/// folder beside either, where the wizard moves archived assessments. A
/// session of another bank is not one.
pub fn previous(bank: &Bank, session: &Session, session_path: Option<&Path>) -> Option<Session> {
    let recorded = session.previous.as_deref()?;
    let folder = session_path.and_then(Path::parent);
    let mut places = Vec::new();
    match folder {
        Some(folder) if recorded.is_relative() => places.push(folder.join(recorded)),
        _ => {}
    }
    places.push(recorded.to_path_buf());
    if let (Some(folder), Some(name)) = (folder, recorded.file_name()) {
        places.push(folder.join(name));
    }
    let archived: Vec<PathBuf> = places
        .iter()
        .filter_map(|p| Some(p.parent()?.join("archive").join(p.file_name()?)))
        .collect();
    places.extend(archived);
    let mut earlier = places
        .iter()
        .filter(|p| !session_path.is_some_and(|own| crate::files::same_file(own, p)))
        .find_map(|p| load(p).ok())?;
    if earlier.bank_match(bank) == super::BankMatch::Other {
        return None;
    }
    earlier.reconcile(bank);
    Some(earlier)
}

/// Moves the session at `path` into the `archive` folder beside it (owner
/// only); `list` no longer shows it. Returns where it went.
pub fn archive(path: &Path) -> Result<PathBuf, super::SessionError> {
    let io = |path: &Path, reason| super::SessionError::Io {
        path: path.to_path_buf(),
        reason,
    };
    let folder = path.parent().unwrap_or(Path::new(".")).join("archive");
    crate::files::create_private_dir(&folder).map_err(|e| io(&folder, e))?;
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let mut target = folder.join(&name);
    let mut n = 2;
    while target.exists() {
        let stem = name.file_stem().unwrap_or_default().to_string_lossy();
        target = folder.join(format!("{stem}-{n}.json"));
        n += 1;
    }
    std::fs::rename(path, &target).map_err(|e| io(path, e))?;
    Ok(target)
}

/// Deletes the session at `path` (after the user said yes).
pub fn delete(path: &Path) -> Result<(), super::SessionError> {
    std::fs::remove_file(path).map_err(|reason| super::SessionError::Io {
        path: path.to_path_buf(),
        reason,
    })
}
