//! Safe file access for client data: reading only regular files under a size
//! cap, private folders, the one check every front end makes before writing a
//! report, and the sweep of temporary files a killed save left behind.

use crate::i18n::Lang;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest session file read (a session of 10,000 third parties is about 3 MB).
pub const SESSION_MAX_BYTES: u64 = 16 * 1024 * 1024;
/// The largest file of a question bank read (the built-in bank's largest is 70 KB).
pub const BANK_FILE_MAX_BYTES: u64 = 4 * 1024 * 1024;
/// The most files a question bank folder may hold.
pub const BANK_MAX_FILES: usize = 2_000;
/// The largest logo read.
pub const LOGO_MAX_BYTES: u64 = 4 * 1024 * 1024;

/// The prefix of the temporary files of atomic writes.
const TEMP_PREFIX: &str = ".privaudit-";
/// The suffix of the temporary files of atomic writes.
const TEMP_SUFFIX: &str = ".tmp";

/// Reads a file that must be a regular file (not a FIFO, a device or a
/// folder, even behind a symlink) of at most `max` bytes. Opening never blocks.
pub fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opened for reading waits for a writer; O_NONBLOCK does not.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    if meta.len() > max {
        return Err(too_large(meta.len(), max));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64, max));
    }
    Ok(bytes)
}

fn too_large(len: u64, max: u64) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!(
            "the file is {}, more than the {} privaudit reads",
            human_size(len),
            human_size(max)
        ),
    )
}

/// A size for messages: `3.2 MB`, `16 MB`, `512 bytes`.
fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes < 1024 * 1024 {
        return format!("{bytes} bytes");
    }
    let mb = bytes as f64 / MB;
    if mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// `~` or `~/…` typed in a path, as the shell would expand it (the wizard's
/// "open a file" field is not read by a shell).
pub fn expand_home(path: &Path) -> PathBuf {
    let Some(text) = path.to_str() else {
        return path.to_path_buf();
    };
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    match text.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| path.to_path_buf()),
        Some(rest) if rest.starts_with('/') => match home() {
            Some(home) => home.join(rest.trim_start_matches('/')),
            None => path.to_path_buf(),
        },
        _ => path.to_path_buf(),
    }
}

/// Checks that files can be written in `dir` (creating it, owner only, if
/// missing), by writing and removing a temporary file there.
pub fn check_writable_dir(dir: &Path) -> std::io::Result<()> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if !dir.exists() {
        create_private_dir(dir)?;
    }
    temp_file_beside(dir).map(drop).map_err(without_temp_path)
}

/// An I/O error without the temporary file's path that tempfile adds to its
/// message (`… at path "/x/.privaudit-123.tmp"`): callers name the real file.
pub fn without_temp_path(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.find(" at path ") {
        Some(i) => std::io::Error::new(e.kind(), &text[..i]),
        None => e,
    }
}

/// Creates `dir` and its missing parents, readable by the owner only (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Why a report may not be written at a path, said in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct OutputError {
    /// The path refused.
    pub path: PathBuf,
    /// Why, as a sentence.
    pub message: String,
}

/// The check every front end makes before writing a report at `target`:
/// refused when it is one of `inputs` (the same file, by any name), when it
/// holds a session, or when it is not a regular file. A missing file is fine.
pub fn check_output(target: &Path, inputs: &[&Path], lang: Lang) -> Result<(), OutputError> {
    let Ok(meta) = std::fs::metadata(target) else {
        return Ok(());
    };
    let fr = lang == Lang::Fr;
    let shown = target.display().to_string();
    let message = if inputs.iter().any(|input| same_file(input, target)) {
        let ext = target
            .extension()
            .map_or("json".into(), |e| e.to_string_lossy().to_string());
        let other = report_path_beside(target, &format!("report.{ext}"))
            .display()
            .to_string();
        if fr {
            format!(
                "{shown} est l’évaluation dont on fait le rapport\u{202f}; écrivez le rapport sous un autre nom (par exemple {other})"
            )
        } else {
            format!(
                "{shown} is the session being reported on; write the report under another name (e.g. {other})"
            )
        }
    } else if !meta.is_file() {
        if fr {
            format!(
                "{shown} n’est pas un fichier ordinaire\u{202f}; un rapport s’écrit dans un fichier"
            )
        } else {
            format!("{shown} is not a regular file; a report is written to a file")
        }
    } else if holds_session(target) {
        if fr {
            format!(
                "{shown} contient une évaluation privaudit\u{202f}; un rapport ne la remplace jamais (choisissez un autre nom)"
            )
        } else {
            format!(
                "{shown} holds a privaudit session; a report never replaces one (choose another name)"
            )
        }
    } else {
        return Ok(());
    };
    Err(OutputError {
        path: target.to_path_buf(),
        message,
    })
}

/// `acme.json` → `acme.<suffix>`, in the same folder.
fn report_path_beside(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or("report".into(), |s| s.to_string_lossy().to_string());
    path.with_file_name(format!("{stem}.{suffix}"))
}

/// Whether `path` reads as a privaudit session (its `format` field says so).
fn holds_session(path: &Path) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        format: String,
    }
    let Ok(bytes) = read_regular(path, SESSION_MAX_BYTES) else {
        return false;
    };
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    // A session is a JSON object: anything else (a PDF being replaced) is
    // told apart by its first byte, without decoding it all.
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        return false;
    }
    let text = String::from_utf8_lossy(bytes);
    serde_json::from_str::<Head>(&text).is_ok_and(|h| h.format == crate::session::FORMAT)
}

/// Whether two paths name the same file (device and inode on Unix).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// A new temporary file beside `target`, named after this process and this
/// machine (`.privaudit-<pid>@<host>-….tmp`) so that a later run can tell a
/// dead writer's leftovers from a live one's, even on a shared folder.
pub fn temp_file_beside(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    sweep_once(dir);
    tempfile::Builder::new()
        .prefix(&temp_prefix(std::process::id()))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
}

/// The start of the name of a temporary file written by process `pid` on this machine.
pub fn temp_prefix(pid: u32) -> String {
    format!("{TEMP_PREFIX}{pid}@{}-", host())
}

/// This machine's name, as it may stand in a file name.
fn host() -> String {
    let mut buf = [0u8; 256];
    #[cfg(unix)]
    let name = if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0 {
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        String::from_utf8_lossy(&buf[..end]).to_string()
    } else {
        String::new()
    };
    #[cfg(not(unix))]
    let name = std::env::var("COMPUTERNAME").unwrap_or_default();
    let _ = &mut buf;
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Sweeps `dir` the first time this process writes there.
fn sweep_once(dir: &Path) {
    use std::sync::Mutex;
    static SWEPT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut swept = SWEPT.lock().unwrap_or_else(|e| e.into_inner());
    if !swept.contains(&key) {
        swept.push(key);
        drop(swept);
        sweep_temp_files(dir);
    }
}

/// How old another machine's (or an older build's) temporary file must be to
/// be taken as left behind: no save takes that long.
const FOREIGN_STALE_SECS: u64 = 3600;

/// Removes the temporary files that writers killed mid-save left in `dir`:
/// this machine's of a process that is gone, at once; another machine's (a
/// shared folder) only after an hour. They are removed, not recovered: a save
/// that never completed was never confirmed to the user, and the session file
/// still holds every answer before it. Returns how many.
pub fn sweep_temp_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let here = host();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(middle) = name
            .strip_prefix(TEMP_PREFIX)
            .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        else {
            continue;
        };
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let writer = middle.split_once('@').and_then(|(pid, rest)| {
            let host = rest.rsplit_once('-').map_or(rest, |(host, _)| host);
            Some((pid.parse::<u32>().ok()?, host))
        });
        let stale = match writer {
            Some((pid, host)) if host == here => !process_alive(pid),
            _ => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > FOREIGN_STALE_SECS),
        };
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether a process with this id is running (another privaudit saving now).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        // A save in progress in another thread of this process.
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // Signal 0 checks that the process exists; EPERM means it does (another user's).
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    true
}
