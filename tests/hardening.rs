//! Hardening: a client's file is never destroyed, nothing hangs on a special
//! file, nothing from a file reaches the terminal or a document's structure raw.

mod common;

use assert_cmd::Command;
use common::{embedded, instant, mini_bank, mini_bank_dir};
use privaudit::answer::Answer;
use privaudit::i18n::Lang;
use privaudit::session::{self, Saved, Session, SessionFile};
use std::path::{Path, PathBuf};

/// The binary, its messages in English whatever the machine's locale.
fn privaudit() -> Command {
    let mut command = Command::cargo_bin("privaudit").unwrap();
    command.env("LC_ALL", "en_US.UTF-8");
    command
}

/// The bundled web-studio example, written to `dir/name`.
fn example_session(dir: &Path, name: &str) -> PathBuf {
    let bank = embedded();
    let session = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    let path = dir.join(name);
    session::save(&session, &path).unwrap();
    path
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// 1. A report never overwrites a session.

#[test]
fn a_report_is_not_written_over_its_own_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    let before = std::fs::read(&path).unwrap();
    for format in ["json", "md", "pdf"] {
        let output = privaudit()
            .args(["report", "--lang", "en", "-f", format, "-o"])
            .arg(&path)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            !output.status.success(),
            "{format}: the session was replaced"
        );
        assert!(
            stderr_of(&output).contains("is the session being reported on"),
            "{}",
            stderr_of(&output)
        );
    }
    // The same file under another name (a relative path, a symlink) too.
    #[cfg(unix)]
    {
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        privaudit()
            .current_dir(dir.path())
            .args(["report", "acme.json", "-o", "link.json"])
            .assert()
            .failure();
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_report_never_replaces_another_session() {
    let dir = tempfile::tempdir().unwrap();
    let a = example_session(dir.path(), "a.json");
    let b = example_session(dir.path(), "b.json");
    let before = std::fs::read(&b).unwrap();
    let output = privaudit()
        .args(["report", "--lang", "en"])
        .arg(&a)
        .arg("-o")
        .arg(&b)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(stderr_of(&output).contains("holds a privaudit session"));
    assert_eq!(std::fs::read(&b).unwrap(), before);
}

#[test]
fn a_json_batch_beside_the_sessions_writes_report_files() {
    let dir = tempfile::tempdir().unwrap();
    let a = example_session(dir.path(), "a.json");
    let b = example_session(dir.path(), "b.json");
    let before = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    privaudit()
        .current_dir(dir.path())
        .args(["report", "a.json", "b.json", "--format", "json,md"])
        .assert()
        .success();
    assert_eq!(
        (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap()),
        before
    );
    for name in ["a.report.json", "b.report.json", "a.md", "b.md"] {
        assert!(dir.path().join(name).is_file(), "{name} missing");
    }
}

#[test]
fn the_front_ends_export_refuses_the_session_file() {
    // The wizard's F10 and the plain mode's prompt both export through this.
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    let before = std::fs::read(&path).unwrap();
    let bank = embedded();
    let session = session::load(&path).unwrap();
    let options = privaudit::report::BuildOptions {
        lang: Lang::Fr,
        date: instant().date(),
    };
    let result = privaudit::render::export_session(
        &bank,
        &session,
        Some(&path),
        options,
        privaudit::render::Format::Json,
        &path,
    );
    let error = result.unwrap_err().to_string();
    assert!(
        error.contains("est l’évaluation dont on fait le rapport"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

// 2. Reports and the data folder are private.

#[cfg(unix)]
#[test]
fn reports_are_private_unless_relaxed() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    let report = dir.path().join("acme.md");
    privaudit()
        .arg("report")
        .arg(&path)
        .arg("-o")
        .arg(&report)
        .assert()
        .success();
    assert_eq!(mode_of(&report), 0o600);
    let shared = dir.path().join("shared.md");
    privaudit()
        .arg("report")
        .arg(&path)
        .args(["--mode", "644", "-o"])
        .arg(&shared)
        .assert()
        .success();
    assert_eq!(mode_of(&shared), 0o644);
    privaudit()
        .arg("report")
        .arg(&path)
        .args(["--mode", "044", "-o"])
        .arg(dir.path().join("x.md"))
        .assert()
        .failure();
}

#[cfg(unix)]
#[test]
fn the_data_folder_is_created_private() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("deep/sessions");
    let bank = mini_bank();
    let session = Session::named(&bank, Lang::Fr, "Boulangerie".into(), instant());
    let file = session::library::create(&data, &session).unwrap();
    assert_eq!(mode_of(&data), 0o700);
    assert_eq!(mode_of(file.path()), 0o600);
}

// 3. Temporary files of a killed save are swept.

#[cfg(unix)]
#[test]
fn temporary_files_of_a_dead_writer_here_are_removed_at_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let session = example_session(dir.path(), "acme.json");
    // A process that has ended: its id is free (not reused this soon).
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let prefix = privaudit::files::temp_prefix(dead);
    let stale = dir.path().join(format!("{prefix}x1y2z3.tmp"));
    std::fs::write(&stale, "{\"client\": \"data\"}").unwrap();
    // A live writer's (this test process) is left alone, and so is a fresh one
    // from another machine sharing the folder (its process ids mean nothing here).
    let live = dir.path().join(format!(
        "{}a1b2c3.tmp",
        privaudit::files::temp_prefix(std::process::id())
    ));
    std::fs::write(&live, "in progress").unwrap();
    let foreign = dir
        .path()
        .join(format!(".privaudit-{dead}@elsewhere-q9w8e7.tmp"));
    std::fs::write(&foreign, "in progress elsewhere").unwrap();
    // A write in the folder (a report beside the session) sweeps.
    privaudit()
        .arg("report")
        .arg(&session)
        .arg("-o")
        .arg(dir.path().join("acme.md"))
        .assert()
        .success();
    assert!(!stale.exists(), "the dead writer's file is removed");
    assert!(live.exists());
    assert!(foreign.exists());
}

// 4. Two writers: nothing confirmed is dropped.

/// A folder holding one mini-bank session, the bank, and the session's path.
fn one_session_file() -> (tempfile::TempDir, privaudit::bank::Bank, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let bank = mini_bank();
    let path = dir.path().join("s.json");
    let start = Session::named(&bank, Lang::Fr, "Boulangerie".into(), instant());
    session::save(&start, &path).unwrap();
    (dir, bank, path)
}

#[test]
fn two_editors_of_one_session_merge_their_answers() {
    let (_dir, bank, path) = one_session_file();
    let (mut first_file, mut first) = SessionFile::open(&path, &bank, Lang::En).unwrap();
    let (mut second_file, mut second) = SessionFile::open(&path, &bank, Lang::En).unwrap();

    first.set_answer(&bank, "paper", Answer::Bool(true), instant());
    assert_eq!(first_file.save(&first).unwrap(), Saved::Written);
    second.set_answer(&bank, "size", Answer::Number(4.0), instant());
    let merged = match second_file.save(&second).unwrap() {
        Saved::Merged(merged) => merged,
        other => panic!("expected a merge, got {other:?}"),
    };
    assert_eq!(merged.answers.get("paper"), Some(&Answer::Bool(true)));
    let on_disk = session::load(&path).unwrap();
    assert_eq!(on_disk.answers.get("paper"), Some(&Answer::Bool(true)));
    assert_eq!(on_disk.answers.get("size"), Some(&Answer::Number(4.0)));
}

#[test]
fn two_editors_changing_the_same_answer_keep_both_files() {
    let (_dir, bank, path) = one_session_file();
    let (mut first_file, mut first) = SessionFile::open(&path, &bank, Lang::En).unwrap();
    let (mut second_file, mut second) = SessionFile::open(&path, &bank, Lang::En).unwrap();

    first.set_answer(&bank, "size", Answer::Number(4.0), instant());
    first_file.save(&first).unwrap();
    second.set_answer(&bank, "size", Answer::Number(12.0), instant());
    let saved = second_file.save(&second).unwrap();
    let Saved::Diverted {
        theirs,
        ours,
        conflicts,
    } = saved
    else {
        panic!("expected both kept, got {saved:?}");
    };
    assert_eq!(theirs, path);
    assert_eq!(conflicts, vec!["size".to_string()]);
    assert_eq!(
        session::load(&path).unwrap().answers.get("size"),
        Some(&Answer::Number(4.0))
    );
    assert_eq!(
        session::load(&ours).unwrap().answers.get("size"),
        Some(&Answer::Number(12.0))
    );
    // Later saves go on in our copy.
    assert_eq!(second_file.path(), ours);
}

// 5. Another bank never re-stamps a session.

/// The mini bank under another id, or another version.
fn mini_bank_variant(dir: &Path, id: &str, version: &str) -> PathBuf {
    let target = dir.join(format!("{id}-{version}"));
    copy_tree(&mini_bank_dir(), &target);
    let manifest = target.join("bank.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let text = text
        .replace("\"id\": \"mini\"", &format!("\"id\": \"{id}\""))
        .replace(
            "\"version\": \"1.0.0\"",
            &format!("\"version\": \"{version}\""),
        );
    std::fs::write(&manifest, text).unwrap();
    target
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_session_of_another_bank_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    let before = std::fs::read(&path).unwrap();
    let other = mini_bank_dir();
    let output = privaudit()
        .arg("--questions")
        .arg(&other)
        .arg("report")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr_of(&output).contains("--force"),
        "{}",
        stderr_of(&output)
    );
    privaudit()
        .arg("--questions")
        .arg(&other)
        .args(["report", "--force"])
        .arg(&path)
        .assert()
        .success();
    // The wizard and the plain mode open sessions through this: refused too.
    let error = SessionFile::open(&path, &mini_bank(), Lang::En).unwrap_err();
    assert!(error.to_string().contains("privaudit-pme"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_session_is_restamped_only_for_a_newer_version_of_its_bank() {
    let dir = tempfile::tempdir().unwrap();
    let newer =
        privaudit::bank::Bank::from_dir(&mini_bank_variant(dir.path(), "mini", "1.1.0")).unwrap();
    let older =
        privaudit::bank::Bank::from_dir(&mini_bank_variant(dir.path(), "mini", "0.9.0")).unwrap();
    let bank = mini_bank();
    let mut s = Session::named(&bank, Lang::Fr, "Boulangerie".into(), instant());
    s.reconcile(&older);
    assert_eq!(s.bank.version, "1.0.0");
    assert!(s.newer_bank_warning(&older, Lang::En).is_some());
    s.reconcile(&newer);
    assert_eq!(s.bank.version, "1.1.0");
    assert!(s.newer_bank_warning(&newer, Lang::En).is_none());
}

#[test]
fn answers_set_aside_come_back_when_their_question_does() {
    let dir = tempfile::tempdir().unwrap();
    let bank = mini_bank();
    // The same bank without the `size` question.
    let without = mini_bank_variant(dir.path(), "mini", "1.0.0");
    let details = without.join("sections/details.json");
    let text = std::fs::read_to_string(&details).unwrap();
    let text = text.replace("\"id\": \"size\"", "\"id\": \"size_gone\"");
    std::fs::write(&details, text).unwrap();
    let without = privaudit::bank::Bank::from_dir(&without).unwrap();

    let mut s = Session::named(&bank, Lang::Fr, "Boulangerie".into(), instant());
    s.set_answer(&bank, "size", Answer::Number(4.0), instant());
    let retired = s.reconcile(&without);
    assert_eq!(retired[0].id, "size");
    assert!(s.retired.contains_key("size"));
    let retired = s.reconcile(&bank);
    assert!(retired.is_empty());
    assert_eq!(s.answers.get("size"), Some(&Answer::Number(4.0)));
    assert!(s.retired.is_empty());
}

#[test]
fn a_number_out_of_bounds_is_set_aside_with_its_reason() {
    let bank = mini_bank();
    let mut s = Session::named(&bank, Lang::Fr, "Boulangerie".into(), instant());
    s.answers.insert("size".into(), Answer::Number(-5.0));
    let retired = s.reconcile(&bank);
    assert_eq!(retired.len(), 1);
    assert!(
        retired[0].reason.contains("-5 is below the minimum, 1"),
        "{}",
        retired[0].reason
    );
}

// 6. Special files: nothing hangs, nothing reads without limit.

#[cfg(unix)]
fn fifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_named_json_is_skipped_by_list() {
    let dir = tempfile::tempdir().unwrap();
    example_session(dir.path(), "acme.json");
    fifo(&dir.path().join("pipe.json"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).unwrap();
    let output = privaudit()
        .arg("list")
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("pipe.json") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("zero.json"), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("Studio Apportez le Pixel"));
}

#[cfg(unix)]
#[test]
fn a_logo_is_read_only_for_a_pdf_and_only_from_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let mut session = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    session.logo = Some(PathBuf::from("logo.png"));
    let path = dir.path().join("acme.json");
    session::save(&session, &path).unwrap();
    fifo(&dir.path().join("logo.png"));
    // Markdown and JSON never read it.
    for format in ["md", "json"] {
        privaudit()
            .arg("report")
            .arg(&path)
            .args(["-f", format])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .success();
    }
    // A PDF says what is wrong instead of waiting for a writer.
    let output = privaudit()
        .arg("report")
        .arg(&path)
        .arg("-o")
        .arg(dir.path().join("r.pdf"))
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr_of(&output).contains("not a regular file"),
        "{}",
        stderr_of(&output)
    );
    // /dev/zero behind a link: refused at once, not a gigabyte read.
    std::fs::remove_file(dir.path().join("logo.png")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("logo.png")).unwrap();
    let output = privaudit()
        .arg("report")
        .arg(&path)
        .arg("-o")
        .arg(dir.path().join("r.pdf"))
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(
        stderr_of(&output).contains("not a regular file"),
        "{}",
        stderr_of(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_bank_folder_linking_to_itself_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank");
    copy_tree(&mini_bank_dir(), &bank);
    std::os::unix::fs::symlink(".", bank.join("loop")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", bank.join("zero.json")).unwrap();
    let output = privaudit()
        .arg("validate")
        .arg(&bank)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr_of(&output).contains("zero.json: not a regular file"),
        "{}",
        stderr_of(&output)
    );
    std::fs::remove_file(bank.join("zero.json")).unwrap();
    privaudit()
        .arg("validate")
        .arg(&bank)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
}

// 9. Input sizes are capped at load, with the field named.

#[test]
fn an_oversized_answer_is_refused_with_its_field_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let mut session = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    session
        .answers
        .insert("org.address".into(), Answer::Text("x\n".repeat(100_000)));
    let path = dir.path().join("big.json");
    session::save(&session, &path).unwrap();
    let error = session::load(&path).unwrap_err().to_string();
    assert!(error.contains("`answers.org.address`"), "{error}");
    assert!(error.contains("at most 20000"), "{error}");
    assert!(
        error.starts_with(&format!("{}:", path.display())),
        "{error}"
    );
}

#[test]
fn too_many_entries_are_refused_with_the_list_named() {
    let bank = embedded();
    let session = privaudit::example::stress(&bank, 1, 10_001).unwrap();
    let text = serde_json::to_string_pretty(&session).unwrap();
    let error = session::store::parse(&text, Path::new("s.json"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("entries") && error.contains("at most 10000"),
        "{error}"
    );
}

// 10. Terminal escapes from files are shown, not sent.

const HOSTILE: &str = "Acme\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{1b}]0;title\u{7}\u{9b}31m\u{202e}";

fn assert_no_escape(text: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(bad), "raw {:?} in {text:?}", bad);
    }
}

#[test]
fn list_prints_hostile_names_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let bank = embedded();
    let mut session = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    session
        .answers
        .insert("org.name".into(), Answer::Text(HOSTILE.into()));
    session.sync_bindings(&bank);
    session::save(&session, &dir.path().join("evil.json")).unwrap();
    std::fs::write(dir.path().join("broken\u{1b}[2J.json"), "{").unwrap();
    let output = privaudit().arg("list").arg(dir.path()).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = stderr_of(&output);
    assert_no_escape(&stdout);
    assert_no_escape(&stderr);
    assert!(stdout.contains("Acme\\u{1b}]52"), "{stdout}");
}

#[test]
fn report_errors_and_warnings_print_hostile_field_names_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        format!(
            "{{\"format\": \"privaudit-session\", \"{}\": 1}}",
            HOSTILE
                .replace('\u{1b}', "\\u001b")
                .replace('\u{7}', "\\u0007")
        ),
    )
    .unwrap();
    let output = privaudit().arg("report").arg(&path).output().unwrap();
    assert!(!output.status.success());
    assert_no_escape(&stderr_of(&output));
    // A batch's failure lines and warnings too.
    let ok = example_session(dir.path(), "ok.json");
    let output = privaudit()
        .arg("report")
        .arg(&ok)
        .arg(&path)
        .arg("--out-dir")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_no_escape(&stderr_of(&output));
}

// 11. Markdown: user data never changes the document's structure.

#[test]
fn markdown_headings_and_tables_are_the_reports_whatever_the_names() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let bank = embedded();
    let mut session = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    let nasty = "Acme\n# Fake heading\n```\ncode\n```\r| x | y |\n- item\n1. one\n> quote\n<script>alert(1)</script> [link](http://x) ![img](x) &amp; ~~del~~";
    session
        .answers
        .insert("org.name".into(), Answer::Text(nasty.into()));
    session.sync_bindings(&bank);
    let report = privaudit::report::build(
        &bank,
        &session,
        privaudit::report::BuildOptions {
            lang: Lang::Fr,
            date: instant().date(),
        },
    );
    let markdown = privaudit::render::markdown::render(&report);
    let clean = {
        let mut clean = privaudit::example::open(&bank, "atelier-pixel").unwrap();
        clean
            .answers
            .insert("org.name".into(), Answer::Text("Acme".into()));
        clean.sync_bindings(&bank);
        let report = privaudit::report::build(
            &bank,
            &clean,
            privaudit::report::BuildOptions {
                lang: Lang::Fr,
                date: instant().date(),
            },
        );
        privaudit::render::markdown::render(&report)
    };
    /// The document's structure: headings' levels and count of blocks by kind.
    fn structure(markdown: &str) -> Vec<String> {
        let mut out = Vec::new();
        for event in Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH,
        ) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => out.push(format!("{level:?}")),
                Event::Start(Tag::Table(_)) => out.push("table".into()),
                Event::Start(Tag::TableRow) => out.push("row".into()),
                Event::Start(Tag::List(_)) => out.push("list".into()),
                Event::Start(Tag::CodeBlock(_)) => out.push("code".into()),
                Event::Start(Tag::BlockQuote(_)) => out.push("quote".into()),
                Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => {
                    out.push("link".into())
                }
                Event::Start(Tag::Strikethrough) => out.push("del".into()),
                // A line break inside a table cell is the renderer's own `<br>`.
                Event::InlineHtml(html) if html.as_ref() == "<br>" => {}
                Event::Html(_) | Event::InlineHtml(_) => out.push("html".into()),
                Event::End(TagEnd::Heading(_)) => {}
                _ => {}
            }
        }
        out
    }
    assert_eq!(structure(&markdown), structure(&clean));
    // The name reads as text, on one line.
    assert!(
        markdown.contains("Acme \\# Fake heading"),
        "{}",
        &markdown[..400]
    );
}

// 12. PDF metadata holds no control or override character.

#[test]
fn pdf_metadata_is_plain_text() {
    let bank = embedded();
    let mut session = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    session.answers.insert(
        "org.name".into(),
        Answer::Text("Ac\u{0}me\u{7} \u{202e}Inc".into()),
    );
    session.sync_bindings(&bank);
    let report = privaudit::report::build(
        &bank,
        &session,
        privaudit::report::BuildOptions {
            lang: Lang::Fr,
            date: instant().date(),
        },
    );
    let options =
        privaudit::render::pdf::PdfOptions::new(privaudit::render::pdf::Paper::A4, instant());
    let bytes = privaudit::render::pdf::render(&report, &options).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .unwrap();
    let info = doc.get_dictionary(info).unwrap();
    for key in [b"Title".as_slice(), b"Author", b"Subject"] {
        let raw = info.get(key).unwrap().as_str().unwrap();
        let text = lopdf::decode_text_string(&lopdf::Object::string_literal(raw.to_vec()))
            .unwrap_or_else(|_| String::from_utf8_lossy(raw).to_string());
        for bad in ['\u{0}', '\u{7}', '\u{202e}'] {
            assert!(!text.contains(bad), "{:?} in {text:?}", bad);
        }
        assert!(text.contains("Acme Inc"), "{text:?}");
    }
}

// Smaller points.

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(&path).unwrap());
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(
        session::load(&path).unwrap().organisation,
        "Studio Apportez le Pixel"
    );
}

#[test]
fn invalid_utf8_is_reported_once_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, b"{\n  \"format\": \"priv\xffaudit\"\n}").unwrap();
    let error = session::load(&path).unwrap_err().to_string();
    assert_eq!(
        error,
        format!(
            "{}:2:18: not UTF-8 text (a session is a UTF-8 JSON file)",
            path.display()
        )
    );
}

#[test]
fn a_repeated_answer_key_is_refused_with_its_line() {
    let text = r#"{
  "format": "privaudit-session",
  "version": 1,
  "bank": { "id": "mini", "version": "1.0.0" },
  "lang": "fr",
  "answers": {
    "size": 4,
    "size": 12
  },
  "created": "2026-11-22T10:00:00Z",
  "updated": "2026-11-22T10:00:00Z"
}"#;
    let error = session::store::parse(text, Path::new("s.json"))
        .unwrap_err()
        .to_string();
    assert_eq!(error, "s.json:8:5: `answers.size` is given twice");
}

#[test]
fn a_write_error_names_the_target_not_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    // A folder that is a file: fails even for root.
    let target = path.join("r.md");
    let output = privaudit()
        .arg("report")
        .arg(&path)
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert!(!output.status.success());
    assert!(stderr.contains(&target.display().to_string()), "{stderr}");
    assert!(!stderr.contains(".privaudit-"), "{stderr}");
    assert_eq!(stderr.matches("Not a directory").count(), 1, "{stderr}");
}

#[test]
fn a_jpeg_logo_goes_on_the_cover_and_another_file_is_named() {
    let jpeg = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo.jpg");
    let logo = privaudit::render::pdf::Logo::load(&jpeg).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = example_session(dir.path(), "acme.json");
    let pdf = dir.path().join("r.pdf");
    privaudit()
        .arg("report")
        .arg(&path)
        .arg("--logo")
        .arg(&jpeg)
        .arg("-o")
        .arg(&pdf)
        .assert()
        .success();
    let doc = lopdf::Document::load(&pdf).unwrap();
    let images = doc
        .objects
        .values()
        .filter(|o| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image")
            })
        })
        .count();
    assert_eq!(images, 1, "the logo is on the cover");
    drop(logo);
    let text = dir.path().join("not-an-image.png");
    std::fs::write(&text, "hello").unwrap();
    let error = privaudit::render::pdf::Logo::load(&text)
        .unwrap_err()
        .to_string();
    assert!(error.contains("neither a PNG nor a JPEG"), "{error}");
}
