//! Where a bank's files come from: compiled into the binary, or a folder.

use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/embedded_bank.rs"));

/// One file of a bank.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the bank folder, with `/` separators.
    pub rel: String,
    /// The file's text.
    pub text: String,
}

/// Where the bank was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The bank compiled into the binary.
    Embedded,
    /// A folder given with `--questions`.
    Dir(PathBuf),
}

/// The files of a bank, before parsing.
#[derive(Debug, Clone)]
pub struct BankSource {
    /// Where they come from.
    pub origin: Origin,
    /// The JSON files, sorted by path.
    pub files: Vec<SourceFile>,
}

/// A bank folder that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct ReadError {
    /// The file or folder.
    pub path: String,
    /// What went wrong.
    pub source: std::io::Error,
}

impl BankSource {
    /// The bank compiled into the binary.
    pub fn embedded() -> BankSource {
        let files = EMBEDDED_FILES
            .iter()
            .map(|(rel, text)| SourceFile {
                rel: (*rel).to_string(),
                text: (*text).to_string(),
            })
            .collect();
        BankSource {
            origin: Origin::Embedded,
            files,
        }
    }

    /// Every `.json` file below `dir`.
    pub fn from_dir(dir: &Path) -> Result<BankSource, ReadError> {
        let mut files = Vec::new();
        read_tree(dir, dir, &mut files)?;
        files.sort_by(|a, b| a.rel.cmp(&b.rel));
        Ok(BankSource {
            origin: Origin::Dir(dir.to_path_buf()),
            files,
        })
    }

    /// The file at `rel`, if the bank has it.
    pub fn file(&self, rel: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.rel == rel)
    }

    /// The path to show a user for `rel`.
    pub fn display_path(&self, rel: &str) -> String {
        match &self.origin {
            Origin::Embedded => format!("questions/{rel}"),
            Origin::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }
}

/// Reads every `.json` file below `dir`. Symbolic links to folders are not
/// followed (a link to `.` would loop); only regular files of at most
/// [`crate::files::BANK_FILE_MAX_BYTES`] are read, at most
/// [`crate::files::BANK_MAX_FILES`] of them.
fn read_tree(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) -> Result<(), ReadError> {
    use crate::files::{BANK_FILE_MAX_BYTES, BANK_MAX_FILES, read_regular};
    let err = |path: &Path, source| ReadError {
        path: path.display().to_string(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(|e| err(dir, e))? {
        let entry = entry.map_err(|e| err(dir, e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| err(&path, e))?;
        if kind.is_dir() {
            read_tree(root, &path, out)?;
            continue;
        }
        if kind.is_symlink() && path.is_dir() {
            continue;
        }
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        if out.len() >= BANK_MAX_FILES {
            let message = format!("more than {BANK_MAX_FILES} .json files in the bank folder");
            return Err(err(root, std::io::Error::other(message)));
        }
        let bytes = read_regular(&path, BANK_FILE_MAX_BYTES).map_err(|e| err(&path, e))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            err(
                &path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"),
            )
        })?;
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        out.push(SourceFile { rel, text });
    }
    Ok(())
}
