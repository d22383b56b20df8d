//! Reading and writing session files: errors that say where, atomic saves.

use super::{FORMAT, Session, VERSION};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a session file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be opened, read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
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

/// Reads a session file. Nothing is written: a file that cannot be read is left as it is.
pub fn load(path: &Path) -> Result<Session, SessionError> {
    let text = std::fs::read_to_string(path).map_err(|source| SessionError::Io {
        path: path.into(),
        source,
    })?;
    parse(&text, path)
}

/// Parses the text of a session file; `path` is used in messages only.
pub fn parse(text: &str, path: &Path) -> Result<Session, SessionError> {
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
    Ok(session)
}

/// Writes a session atomically, readable by its owner only.
pub fn save(session: &Session, path: &Path) -> Result<(), SessionError> {
    let mut json = serde_json::to_string_pretty(session).expect("sessions serialise");
    json.push('\n');
    write_atomic(path, json.as_bytes(), true).map_err(|source| SessionError::Io {
        path: path.into(),
        source,
    })
}

/// Writes a file atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target, so a crash leaves the old file or the
/// new one, never half of one. `private` makes it readable by its owner only.
pub fn write_atomic(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".privaudit-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if private { 0o600 } else { 0o644 };
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = private;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
