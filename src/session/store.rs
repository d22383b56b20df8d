//! Reading and writing session files: errors that say where, atomic saves.

use super::{FORMAT, Session, VERSION};
use crate::files;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a session file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be opened, read or written.
    #[error("{}: {reason}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        reason: std::io::Error,
    },
    /// The file is not valid session JSON.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, with the field's path.
        message: String,
    },
    /// The file is JSON but not a session this build can read.
    #[error("{}: {message}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl SessionError {
    /// The error as a sentence in `lang` (the file's own parse messages stay
    /// as the JSON reader wrote them).
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match self {
            SessionError::Io { path, reason } => {
                let said = crate::i18n::describe_io(reason, lang);
                format!("{}: {said}", path.display())
            }
            SessionError::Parse {
                path,
                line,
                column,
                message,
            } if lang == crate::i18n::Lang::Fr => {
                format!("{}:{line}:{column}: {}", path.display(), french(message))
            }
            other => other.to_string(),
        }
    }
}

/// The JSON reader's usual messages in French; the field's path (`answers.x`)
/// and anything quoted are kept as they are.
fn french(message: &str) -> String {
    const PHRASES: [(&str, &str); 12] = [
        (
            "EOF while parsing a value",
            "le fichier s’arrête avant la fin d’une valeur",
        ),
        (
            "EOF while parsing an object",
            "le fichier s’arrête avant la fin d’un objet",
        ),
        (
            "EOF while parsing a list",
            "le fichier s’arrête avant la fin d’une liste",
        ),
        (
            "EOF while parsing a string",
            "le fichier s’arrête au milieu d’un texte",
        ),
        ("expected value", "une valeur JSON est attendue ici"),
        (
            "trailing characters",
            "des caractères suivent la fin du document",
        ),
        ("trailing comma", "virgule en trop"),
        (
            "key must be a string",
            "un nom de champ doit être entre guillemets",
        ),
        ("unknown field", "champ inconnu"),
        ("missing field", "champ manquant"),
        ("invalid type", "type de valeur inattendu"),
        ("expected one of", "attendu l’un de"),
    ];
    let mut out = message.to_string();
    for (english, french) in PHRASES {
        out = out.replace(english, french);
    }
    out.replace("is given twice", "est donné deux fois")
        .replace(
            "characters long; privaudit takes at most",
            "caractères\u{a0}; privaudit en accepte au plus",
        )
        .replace(
            "entries; privaudit takes at most",
            "entrées\u{a0}; privaudit en accepte au plus",
        )
        .replace("in one list", "dans une liste")
        .replace(
            "options selected; privaudit takes at most",
            "options cochées\u{a0}; privaudit en accepte au plus",
        )
        .replace(
            "not UTF-8 text (a session is a UTF-8 JSON file)",
            "ce n’est pas du texte UTF-8 (une évaluation est un fichier JSON en UTF-8)",
        )
        .replace(
            "not a privaudit session",
            "ce n’est pas une évaluation privaudit",
        )
}

/// Reads a session file. Nothing is written: a file that cannot be read is left
/// as it is. Only a regular file of at most [`files::SESSION_MAX_BYTES`] is read.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let bytes =
        files::read_regular(path, files::SESSION_MAX_BYTES).map_err(|reason| SessionError::Io {
            path: path.into(),
            reason,
        })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let (line, column) = line_column_of_bytes(&bytes, e.valid_up_to());
        SessionError::Parse {
            path: path.into(),
            line,
            column,
            message: "not UTF-8 text (a session is a UTF-8 JSON file)".into(),
        }
    })?;
    parse(text, path)
}

/// The 1-based line and column of a byte offset in text that is valid UTF-8 up to it.
fn line_column_of_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    crate::bank::line_column(valid, valid.len())
}

/// Parses the text of a session file; `path` is used in messages only.
pub fn parse(text: &str, path: &Path) -> Result<Session, SessionError> {
    // A byte order mark, as some Windows editors write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let de = &mut serde_json::Deserializer::from_str(text);
    let session: Session = serde_path_to_error::deserialize(de).map_err(|err| {
        let field = err.path().to_string();
        let inner = err.into_inner();
        let mut message = inner.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        if field != "." && !inner.is_syntax() && !inner.is_eof() {
            message = format!("`{field}`: {message}");
        }
        SessionError::Parse {
            path: path.into(),
            line: inner.line(),
            column: inner.column(),
            message,
        }
    })?;
    if session.format != FORMAT {
        let message = format!(
            "not a privaudit session (`format` is \"{}\", expected \"{FORMAT}\")",
            session.format
        );
        return Err(SessionError::Format {
            path: path.into(),
            message,
        });
    }
    if session.version > VERSION {
        let message = format!(
            "session format version {} is newer than this privaudit reads ({VERSION}); update privaudit",
            session.version
        );
        return Err(SessionError::Format {
            path: path.into(),
            message,
        });
    }
    if let Some((pointer, line, column)) = crate::bank::duplicate_key(text) {
        return Err(SessionError::Parse {
            path: path.into(),
            line,
            column,
            message: format!("`{pointer}` is given twice"),
        });
    }
    if let Err((pointer, message)) = super::limits::check(&session) {
        let (line, column) = crate::bank::locate(text, &pointer);
        return Err(SessionError::Parse {
            path: path.into(),
            line,
            column,
            message: format!("`{pointer}`: {message}"),
        });
    }
    Ok(session)
}

/// Writes a session atomically, readable by its owner only.
pub fn save(session: &Session, path: &Path) -> Result<(), SessionError> {
    let mut json = serde_json::to_string_pretty(session).expect("sessions serialise");
    json.push('\n');
    write_atomic(path, json.as_bytes(), PRIVATE).map_err(|reason| SessionError::Io {
        path: path.into(),
        reason,
    })
}

/// The mode of sessions and, by default, of reports: owner read and write.
pub const PRIVATE: u32 = 0o600;

/// Writes a file atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target, so a crash leaves the old file or the
/// new one, never half of one. `mode` is its Unix permissions (0600 for client
/// data). Errors are about `path`; the temporary file is never named.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = files::temp_file_beside(dir).map_err(files::without_temp_path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
