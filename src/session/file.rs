//! A session file open for editing. It remembers the session as it was last
//! read or written, so that a change another program made since (a second
//! wizard on the same file, a hand edit) is never overwritten blindly: answers
//! that do not conflict are merged, and when both changed the same answer the
//! file is left as the other program wrote it and ours is saved beside it.

use super::{Session, SessionError, load, save};
use crate::bank::Bank;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What identifies one version of the file on disk, cheaply.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
        })
    }
}

/// A session file being edited.
#[derive(Debug, Clone)]
pub struct SessionFile {
    path: PathBuf,
    /// The session as on disk when this program last read or wrote it.
    base: Session,
    /// The file's stamp then.
    stamp: Option<Stamp>,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// The file held what we last read or wrote; it now holds the session.
    Written,
    /// Another program had changed other answers: both sets were merged and
    /// written. The session to go on with is this one.
    Merged(Box<Session>),
    /// Another program had changed the same answers differently: its file was
    /// left alone and the session was written to `path`, where saves now go.
    Diverted {
        /// The file the other program wrote, left as it is.
        theirs: PathBuf,
        /// Where our session is now kept.
        ours: PathBuf,
        /// The answers changed on both sides.
        conflicts: Vec<String>,
    },
}

impl Saved {
    /// What to tell the user about this save, if anything, in `lang`.
    pub fn notice(&self, lang: crate::i18n::Lang) -> Option<String> {
        let t = crate::i18n::ui(lang);
        match self {
            Saved::Written => None,
            Saved::Merged(_) => Some(t.merged.to_string()),
            Saved::Diverted { theirs, ours, .. } => Some(
                t.diverted
                    .replace("{theirs}", &theirs.display().to_string())
                    .replace("{ours}", &ours.display().to_string()),
            ),
        }
    }
}

impl SessionFile {
    /// Reads the session at `path` for editing with `bank`; refused (said in
    /// `lang`) when it
    /// was answered with another bank (its answers would all be set aside,
    /// and the file stamped with a bank it does not belong to).
    /// The folder must be writable: an interview whose answers cannot be
    /// saved never starts.
    pub fn open(
        path: &Path,
        bank: &Bank,
        lang: crate::i18n::Lang,
    ) -> Result<(SessionFile, Session), SessionError> {
        let stamp = Stamp::of(path);
        let session = load(path)?;
        check_folder(path)?;
        if let Some(message) = session.foreign_bank(bank, lang) {
            return Err(SessionError::Format {
                path: path.into(),
                message,
            });
        }
        let file = SessionFile {
            path: path.to_path_buf(),
            base: session.clone(),
            stamp,
        };
        Ok((file, session))
    }

    /// Writes a new session at `path` (which must not hold one), creating its
    /// folder (owner only) if needed, and keeps it for editing.
    pub fn create(path: &Path, session: &Session) -> Result<SessionFile, SessionError> {
        check_folder(path)?;
        save(session, path)?;
        Ok(SessionFile {
            path: path.to_path_buf(),
            base: session.clone(),
            stamp: Stamp::of(path),
        })
    }

    /// The file saves go to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `session`, first merging what another program wrote since we last
    /// read or wrote the file; never overwrites a change it has not seen.
    pub fn save(&mut self, session: &Session) -> Result<Saved, SessionError> {
        if Stamp::of(&self.path) == self.stamp {
            return self.write(session).map(|()| Saved::Written);
        }
        let theirs = match load(&self.path) {
            Ok(theirs) => theirs,
            // Gone (moved or deleted): write it again, nothing is overwritten.
            Err(SessionError::Io { reason, .. })
                if reason.kind() == std::io::ErrorKind::NotFound =>
            {
                return self.write(session).map(|()| Saved::Written);
            }
            // Unreadable now: never overwrite it.
            Err(_) => return self.divert(session, Vec::new()),
        };
        if theirs == self.base {
            return self.write(session).map(|()| Saved::Written);
        }
        match merge(&self.base, session, &theirs) {
            Ok(merged) => {
                self.write(&merged)?;
                Ok(Saved::Merged(Box::new(merged)))
            }
            Err(conflicts) => self.divert(session, conflicts),
        }
    }

    fn write(&mut self, session: &Session) -> Result<(), SessionError> {
        save(session, &self.path)?;
        self.base = session.clone();
        self.stamp = Stamp::of(&self.path);
        Ok(())
    }

    /// Saves `session` beside the file, under a new name, and goes on there.
    fn divert(&mut self, session: &Session, conflicts: Vec<String>) -> Result<Saved, SessionError> {
        let theirs = self.path.clone();
        let ours = conflict_path(&theirs);
        self.path = ours.clone();
        self.write(session)?;
        Ok(Saved::Diverted {
            theirs,
            ours,
            conflicts,
        })
    }
}

/// Creates the session's folder if needed and checks files can be written there.
fn check_folder(path: &Path) -> Result<(), SessionError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::files::check_writable_dir(dir).map_err(|reason| SessionError::Io {
        path: dir.to_path_buf(),
        reason,
    })
}

/// `acme.json` → `acme.conflict.json`, numbered if taken.
fn conflict_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or("session".into(), |s| s.to_string_lossy().to_string());
    let mut candidate = path.with_file_name(format!("{stem}.conflict.json"));
    let mut n = 2;
    while candidate.exists() {
        candidate = path.with_file_name(format!("{stem}.conflict-{n}.json"));
        n += 1;
    }
    candidate
}

/// Merges two sessions that both started from `base`: each answer, note and
/// mark changed on one side only is taken from that side. The ids changed on
/// both sides differently are the error.
pub fn merge(base: &Session, ours: &Session, theirs: &Session) -> Result<Session, Vec<String>> {
    let mut conflicts = Vec::new();
    let mut merged = theirs.clone();
    merged.answers = merge_maps(
        &base.answers,
        &ours.answers,
        &theirs.answers,
        &mut conflicts,
    );
    merged.notes = merge_maps(&base.notes, &ours.notes, &theirs.notes, &mut conflicts);
    merged.retired = merge_maps(
        &base.retired,
        &ours.retired,
        &theirs.retired,
        &mut conflicts,
    );
    let marks = |s: &BTreeSet<String>| s.iter().map(|id| (id.clone(), ())).collect();
    let to_verify: BTreeMap<String, ()> = merge_maps(
        &marks(&base.to_verify),
        &marks(&ours.to_verify),
        &marks(&theirs.to_verify),
        &mut conflicts,
    );
    merged.to_verify = to_verify.into_keys().collect();
    let to_confirm: BTreeMap<String, ()> = merge_maps(
        &marks(&base.to_confirm),
        &marks(&ours.to_confirm),
        &marks(&theirs.to_confirm),
        &mut conflicts,
    );
    merged.to_confirm = to_confirm.into_keys().collect();
    let mut field = |name: &str, changed: Option<bool>| {
        if changed.is_none() {
            conflicts.push(name.to_string());
        }
        changed == Some(true)
    };
    // Fields kept in step with answers, and the session's own settings.
    if field(
        "organisation",
        three_way(&base.organisation, &ours.organisation, &theirs.organisation),
    ) {
        merged.organisation = ours.organisation.clone();
    }
    if field(
        "jurisdictions",
        three_way(
            &base.jurisdictions,
            &ours.jurisdictions,
            &theirs.jurisdictions,
        ),
    ) {
        merged.jurisdictions = ours.jurisdictions.clone();
    }
    if field("lang", three_way(&base.lang, &ours.lang, &theirs.lang)) {
        merged.lang = ours.lang;
    }
    if field(
        "prepared_by",
        three_way(&base.prepared_by, &ours.prepared_by, &theirs.prepared_by),
    ) {
        merged.prepared_by = ours.prepared_by.clone();
    }
    if field("logo", three_way(&base.logo, &ours.logo, &theirs.logo)) {
        merged.logo = ours.logo.clone();
    }
    if field(
        "mission",
        three_way(&base.mission, &ours.mission, &theirs.mission),
    ) {
        merged.mission = ours.mission.clone();
    }
    if field("bank", three_way(&base.bank, &ours.bank, &theirs.bank)) {
        merged.bank = ours.bank.clone();
    }
    merged.updated = ours.updated.max(theirs.updated);
    if conflicts.is_empty() {
        Ok(merged)
    } else {
        conflicts.sort();
        conflicts.dedup();
        Err(conflicts)
    }
}

/// Which side to take for one value: `Some(true)` ours, `Some(false)` theirs
/// (or both agree), `None` both changed it differently.
fn three_way<T: PartialEq>(base: &T, ours: &T, theirs: &T) -> Option<bool> {
    if ours == theirs || ours == base {
        Some(false)
    } else if theirs == base {
        Some(true)
    } else {
        None
    }
}

fn merge_maps<V: PartialEq + Clone>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    conflicts: &mut Vec<String>,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = BTreeMap::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let pick = match three_way(&b, &o, &t) {
            Some(true) => o,
            Some(false) => t,
            None => {
                conflicts.push(key.clone());
                t
            }
        };
        if let Some(value) = pick {
            out.insert(key.clone(), value.clone());
        }
    }
    out
}
