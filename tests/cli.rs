//! The binary as a user runs it: validate, schema, report, and their errors.

mod common;

use assert_cmd::Command;
use common::mini_bank_dir;
use predicates::prelude::*;
use rstest::rstest;
use std::path::Path;

/// The binary, with a locale that does not choose English: messages are French
/// unless a command says `--lang en`.
fn privaudit() -> Command {
    let mut command = Command::cargo_bin("privaudit").unwrap();
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

/// A copy of the mini bank with one text replacement in one file.
fn broken_bank(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&mini_bank_dir(), dir.path());
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "fixture {file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_embedded_bank_is_valid() {
    privaudit().arg("validate").assert().success().stdout(
        predicate::str::contains("valid")
            .and(predicate::str::contains("not fully checked"))
            .and(predicate::str::contains("tp.contract.eu")),
    );
}

#[test]
fn a_bank_folder_is_valid() {
    privaudit()
        .arg("validate")
        .arg(mini_bank_dir())
        .assert()
        .success()
        .stdout(predicate::str::contains("mini@1.0.0"));
}

#[rstest]
#[case::malformed_json(
    "sections/basics.json",
    "\"kind\": \"text\",\n      \"label\": { \"fr\": \"Nom",
    "\"kind\": \"text\"\n      \"label\": { \"fr\": \"Nom",
    "sections/basics.json:8:7: `org.name`: expected `,` or `}`"
)]
#[case::unknown_kind(
    "sections/basics.json",
    "\"kind\": \"yes_no\"",
    "\"kind\": \"yesno\"",
    "sections/basics.json:21:21: `paper`: unknown variant `yesno`, expected one of `yes_no`"
)]
#[case::missing_field(
    "sections/details.json",
    "\"label\": { \"fr\": \"Effectif ?\", \"en\": \"Staff?\" },",
    "",
    "sections/details.json:10:5: `size`: missing field `label`"
)]
#[case::unknown_question(
    "sections/basics.json",
    "\"when\": { \"yes\": \"paper\" }",
    "\"when\": { \"yes\": \"papers\" }",
    "sections/basics.json:28:17: `paper.measures`: condition names unknown question `papers`"
)]
#[case::duplicate_id(
    "sections/details.json",
    "\"id\": \"email\"",
    "\"id\": \"size\"",
    "sections/details.json:12:7: `size`: duplicate question id (first defined in sections/details.json)"
)]
#[case::missing_translation(
    "sections/details.json",
    "\"label\": { \"fr\": \"Effectif ?\", \"en\": \"Staff?\" }",
    "\"label\": { \"fr\": \"Effectif ?\" }",
    "sections/details.json:8:7: `size`: `label` has no English text (`en` is missing or empty)"
)]
#[case::missing_help(
    "sections/details.json",
    ", \"help\": { \"fr\": \"Aide : Courriel.\", \"en\": \"Help: E-mail.\" }",
    "",
    "sections/details.json:12:7: `email`: no `help`: every question says why it is asked"
)]
#[case::unknown_option(
    "rules/rules.json",
    "\"option\": \"locked\"",
    "\"option\": \"lockd\"",
    "rules/rules.json:8:100: `paper.unlocked`: `paper.measures` has no option `lockd` (options: locked, alarm)"
)]
#[case::wrong_kind(
    "rules/rules.json",
    "{ \"yes\": \"paper\" }, { \"not\"",
    "{ \"yes\": \"size\" }, { \"not\"",
    "rules/rules.json:8:27: `paper.unlocked`: `yes` needs yes_no question, `size` is number"
)]
#[case::never_reached(
    "sections/basics.json",
    "\"when\": { \"yes\": \"paper\" }",
    "\"when\": { \"all\": [{ \"yes\": \"paper\" }, { \"no\": \"paper\" }] }",
    "sections/basics.json:28:7: `paper.measures`: this question can never be asked"
)]
#[case::rule_never_fires(
    "rules/rules.json",
    "\"when\": { \"no\": \"paper\" }",
    "\"when\": { \"all\": [{ \"no\": \"paper\" }, { \"yes\": \"paper\" }] }",
    "rules/rules.json:19:7: `paper.none`: this rule can never apply"
)]
#[case::asked_later(
    "sections/basics.json",
    "\"kind\": \"text\",\n      \"label\": { \"fr\": \"Nom",
    "\"kind\": \"text\",\n      \"when\": { \"answered\": \"email\" },\n      \"label\": { \"fr\": \"Nom",
    "sections/basics.json:8:17: `org.name`: condition refers to `email`, which is asked later"
)]
#[case::cycle(
    "sections/basics.json",
    "\"kind\": \"yes_no\",",
    "\"kind\": \"yes_no\",\n      \"when\": { \"includes\": { \"question\": \"paper.measures\", \"option\": \"locked\" } },",
    "sections/basics.json:22:7: `paper`: condition cycle: paper → paper.measures → paper"
)]
#[case::missing_reference(
    "rules/rules.json",
    ", \"qc\": \"none\"",
    "",
    "rules/rules.json:43:7: `vendors.no_contract`: no reference for `qc`; write `\"qc\": \"none\"`"
)]
#[case::bad_placeholder(
    "rules/rules.json",
    "{matching:vendors/name}.\", \"en\"",
    "{matching:vendors/nom}.\", \"en\"",
    "rules/rules.json:41:20: `vendors.no_contract`: placeholder names `vendors/nom`, which is not a sub-question of a group"
)]
#[case::options_from_unknown(
    "sections/details.json",
    "\"group\": \"vendors\"",
    "\"group\": \"nothing\"",
    "sections/details.json:53:25: `favourite`: unknown group `nothing`"
)]
fn a_broken_bank_is_reported_with_file_line_and_id(
    #[case] file: &str,
    #[case] from: &str,
    #[case] to: &str,
    #[case] expected: &str,
) {
    let dir = broken_bank(file, from, to);
    let out = privaudit()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let expected = format!("{}/{expected}", dir.path().display());
    assert!(
        out.lines().any(|l| l.starts_with(&expected)),
        "expected a line starting with\n{expected}\ngot:\n{out}"
    );
}

#[test]
fn an_example_that_no_longer_fits_the_bank_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("questions"),
        dir.path(),
    );
    // The option is renamed, and the rules that name it follow: only the example is stale.
    let rename = |rel: &str, from: &str, to: &str| {
        let path = dir.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace(from, to)).unwrap();
    };
    let info = dir.path().join("sections/information.json");
    let text = std::fs::read_to_string(&info).unwrap();
    std::fs::write(
        &info,
        text.replacen("\"id\": \"contact\",", "\"id\": \"contact_details\",", 1),
    )
    .unwrap();
    for file in ["rules/consent.json", "bank.json"] {
        rename(
            file,
            "\"option\": \"contact\"",
            "\"option\": \"contact_details\"",
        );
    }
    privaudit().arg("validate").arg(dir.path()).assert().code(1).stdout(predicate::str::contains(
        "examples/atelier-pixel.json: `info.types`: the answer does not fit the bank: entry 1, `what`: `contact` is not one of its options",
    ));
}

#[test]
fn a_broken_bank_given_with_questions_stops_the_report() {
    let dir = broken_bank(
        "sections/details.json",
        "\"id\": \"email\"",
        "\"id\": \"size\"",
    );
    privaudit()
        .args(["--questions"])
        .arg(dir.path())
        .args(["report", "--example"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("duplicate question id"));
}

#[test]
fn schema_describes_every_bank_file() {
    let out = privaudit()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let schema: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(
        schema["$schema"]
            .as_str()
            .unwrap()
            .contains("json-schema.org")
    );
    let text = String::from_utf8(out).unwrap();
    for name in ["Manifest", "Section", "RuleFile", "Condition", "Question"] {
        assert!(text.contains(&format!("\"{name}\"")), "schema lacks {name}");
    }
}

#[rstest]
#[case::markdown_fr("rapport.md", &["--lang", "fr"], "# Évaluation de la confidentialité", "Rapport écrit")]
#[case::markdown_en("report.md", &["--lang", "en"], "# Privacy Assessment", "Report written")]
#[case::json_fr("rapport.json", &["--lang", "fr"], "\"format\": \"privaudit-report\"", "octets")]
#[case::json_by_flag("rapport.txt", &["-f", "json"], "\"lang\": \"fr\"", "questions répondues")]
fn the_example_report_is_written(
    #[case] name: &str,
    #[case] args: &[&str],
    #[case] expected: &str,
    #[case] said: &str,
) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    privaudit()
        .args(["report", "--example", "--date", "2026-11-22", "-o"])
        .arg(&out)
        .args(args)
        .assert()
        .success()
        .stderr(predicate::str::contains(said));
    assert!(std::fs::read_to_string(&out).unwrap().contains(expected));
}

#[test]
fn the_report_goes_to_standard_output_without_a_file() {
    privaudit()
        .args(["report", "--example", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("## 2. Prioritized action plan"));
}

#[test]
fn pdf_from_the_extension_is_a_pdf_and_the_same_date_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str| {
        let out = dir.path().join(name);
        privaudit()
            .args(["report", "--example", "--date", "2026-11-22", "-o"])
            .arg(&out)
            .assert()
            .success();
        std::fs::read(out).unwrap()
    };
    let first = write("a.pdf");
    assert!(first.starts_with(b"%PDF-1.7"));
    assert_eq!(first, write("b.pdf"), "same session and date, same bytes");
}

#[test]
fn an_unreadable_logo_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.png");
    std::fs::write(&logo, "not a png").unwrap();
    let out = dir.path().join("r.pdf");
    privaudit()
        .args(["report", "--example", "--logo"])
        .arg(&logo)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("logo.png").and(predicate::str::contains("PNG")));
    assert!(!out.exists());
}

#[test]
fn a_saved_session_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("client.json");
    let bank = common::mini_bank();
    let s = common::session_with(
        &bank,
        common::answers(serde_json::json!({"org.name": "Atelier Nord", "paper": false})),
    );
    privaudit::session::save(&s, &session).unwrap();
    privaudit()
        .arg("--questions")
        .arg(mini_bank_dir())
        .arg("report")
        .arg(&session)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Atelier Nord")
                .and(predicate::str::contains("Vous n’avez pas de papier.")),
        );
}

#[test]
fn a_session_from_another_bank_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("client.json");
    let bank = common::mini_bank();
    let s = common::session_with(&bank, common::answers(serde_json::json!({"paper": false})));
    privaudit::session::save(&s, &session).unwrap();
    let before = std::fs::read(&session).unwrap();
    privaudit()
        .arg("report")
        .arg(&session)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "faite avec le questionnaire `mini`, pas `privaudit-pme`",
        ));
    privaudit()
        .args(["report", "--force", "--lang", "en"])
        .arg(&session)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("answered with the question bank `mini`, not `privaudit-pme`")
                .and(predicate::str::contains("answer to `paper` set aside")),
        );
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

#[test]
fn a_corrupted_session_names_path_line_and_column_and_is_not_touched() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("client.json");
    let text = "{ \"format\": \"privaudit-session\",\n  \"answers\": { \"paper\": tru }\n}\n";
    std::fs::write(&session, text).unwrap();
    privaudit()
        .arg("report")
        .arg(&session)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}:2:",
            session.display()
        )));
    assert_eq!(std::fs::read_to_string(&session).unwrap(), text);
}

#[test]
fn a_missing_session_is_a_clear_error() {
    privaudit()
        .args(["report", "no-such-file.json"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no-such-file.json")
                .and(predicate::str::contains("fichier ou dossier introuvable")),
        );
    privaudit()
        .args(["report", "--lang", "en", "no-such-file.json"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such file or folder"));
}

#[test]
fn an_unknown_example_lists_the_known_ones() {
    privaudit()
        .args(["report", "--example", "nope"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no example named `nope`")
                .and(predicate::str::contains("atelier-pixel")),
        );
}

#[test]
fn without_a_terminal_the_wizard_says_what_to_run_instead() {
    privaudit().write_stdin("").assert().code(2).stderr(
        predicate::str::contains("a besoin d’un terminal")
            .and(predicate::str::contains("privaudit report EVALUATION.json")),
    );
    privaudit()
        .args(["--lang", "en"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("needs a terminal")
                .and(predicate::str::contains("privaudit report SESSION.json")),
        );
}

#[test]
fn plain_mode_with_piped_input_exits_at_once_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("client.json");
    let started = std::time::Instant::now();
    privaudit()
        .arg("--plain")
        .arg(&session)
        .write_stdin("Atelier Nord\n1\n")
        .timeout(std::time::Duration::from_secs(10))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("l’entrée standard n’en est pas un")
                .and(predicate::str::contains("privaudit report EVALUATION.json")),
        );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(!session.exists(), "nothing is created");
}

/// Copies a bundled example to `dir` as a session file.
fn example_session(dir: &Path, name: &str, as_name: &str) -> std::path::PathBuf {
    let path = dir.join(as_name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("questions/examples/{name}.json")),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn a_batch_writes_every_report_goes_past_a_broken_session_and_says_which_failed() {
    let dir = tempfile::tempdir().unwrap();
    let good: Vec<_> = ["atelier-pixel", "cabinet-medical", "conseil-horizon"]
        .iter()
        .map(|n| example_session(dir.path(), n, &format!("{n}.json")))
        .collect();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"format\": \"privaudit-session\",\n  \"version\": 1,\n  \"bank\": 3\n}\n",
    )
    .unwrap();
    let out = dir.path().join("reports");
    privaudit()
        .arg("report")
        .arg(&good[0])
        .arg(&broken)
        .args(&good[1..])
        .arg("--out-dir")
        .arg(&out)
        .args(["--format", "pdf,md", "--date", "2026-11-22"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("6 rapports écrits pour 3 évaluations")
                .and(predicate::str::contains(
                    "1 évaluation n’a pas pu être traitée",
                ))
                .and(predicate::str::contains("broken.json:4:")),
        );
    for name in ["atelier-pixel", "cabinet-medical", "conseil-horizon"] {
        let pdf = std::fs::read(out.join(format!("{name}.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF"), "{name}.pdf");
        let md = std::fs::read_to_string(out.join(format!("{name}.md"))).unwrap();
        assert!(md.starts_with("# "), "{name}.md");
    }
    assert!(!out.join("broken.pdf").exists());
}

#[test]
fn list_shows_each_saved_assessment_with_progress_change_and_score() {
    let dir = tempfile::tempdir().unwrap();
    example_session(dir.path(), "atelier-pixel", "pixel.json");
    example_session(dir.path(), "cabinet-medical", "tilleuls.json");
    std::fs::write(dir.path().join("notes.json"), "not a session").unwrap();
    privaudit()
        .arg("list")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Studio Apportez le Pixel")
                .and(predicate::str::contains("Cabinet médical des Tilleuls"))
                .and(predicate::str::contains("100\u{a0}%"))
                .and(predicate::str::contains("2026-11-05 10:10"))
                .and(predicate::str::contains("pixel.json")),
        )
        .stderr(predicate::str::contains("notes.json"));
}

#[test]
fn the_global_lang_applies_to_report_and_list_scores_only_finished_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.md");
    privaudit()
        .args(["--lang", "en", "report", "--example", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("Report written"));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Privacy Assessment")
    );
    let bank = common::mini_bank();
    let started = common::session_with(
        &bank,
        common::answers(serde_json::json!({"org.name": "Commencé", "paper": false})),
    );
    privaudit::session::save(&started, &dir.path().join("c.json")).unwrap();
    let listed = privaudit()
        .arg("--questions")
        .arg(mini_bank_dir())
        .arg("list")
        .arg(dir.path())
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .find(|l| l.contains("Commencé"))
        .unwrap()
        .to_string();
    assert!(line.contains("—"), "no score before 100 %: {line}");
}

/// An unfinished assessment's reports say "draft" on the cover and in JSON,
/// and a batch names them; a finished one is no draft.
#[test]
fn an_unfinished_assessment_is_reported_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let done = example_session(dir.path(), "studio-lumen", "lumen.json");
    let half = example_session(dir.path(), "atelier-pixel", "pixel.json");
    let mut session: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&half).unwrap()).unwrap();
    let answers = session["answers"].as_object_mut().unwrap();
    let keys: Vec<String> = answers.keys().skip(answers.len() / 2).cloned().collect();
    for key in keys {
        answers.remove(&key);
    }
    std::fs::write(&half, serde_json::to_string(&session).unwrap()).unwrap();
    let md = privaudit()
        .args(["report", "--date", "2026-11-22"])
        .arg(&half)
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("**BROUILLON — "), "{}", &md[..300]);
    assert!(md.contains("\u{a0}% des questions répondues**"));
    let json = privaudit()
        .args(["report", "-f", "json", "--date", "2026-11-22"])
        .arg(&half)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["report"]["draft"], true);
    let out = dir.path().join("reports");
    privaudit()
        .arg("report")
        .arg(&done)
        .arg(&half)
        .arg("--out-dir")
        .arg(&out)
        .args(["--format", "md", "--date", "2026-11-22"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("1 évaluation est inachevée")
                .and(predicate::str::contains("pixel.json\u{a0}: BROUILLON"))
                .and(predicate::str::contains("lumen.json").not()),
        );
    let finished = std::fs::read_to_string(out.join("lumen.md")).unwrap();
    assert!(!finished.contains("BROUILLON"));
}

/// `--annex` leaves the annex out, lists what the chapters do not show (the
/// default), or lists every answer.
#[test]
fn the_annex_lists_what_it_is_asked_to() {
    let annex = |mode: Option<&str>| {
        let mut command = privaudit();
        command.args([
            "report",
            "--example",
            "atelier-pixel",
            "--date",
            "2026-11-22",
        ]);
        if let Some(mode) = mode {
            command.args(["--annex", mode]);
        }
        let md = String::from_utf8(command.output().unwrap().stdout).unwrap();
        md.split(". Annexe\u{a0}:").nth(1).map(str::to_string)
    };
    assert!(annex(Some("none")).is_none(), "no annex chapter");
    let full = annex(Some("full")).unwrap();
    let answers = annex(None).unwrap();
    assert_eq!(annex(Some("answers")).unwrap(), answers);
    // The paper-files answer is in a checklist's chapter and the third
    // parties in a table: only the full annex repeats them.
    assert!(full.contains("| Dossiers papier | Non |"));
    assert!(!answers.contains("| Dossiers papier |"));
    assert!(full.contains("| Mailchimp |"));
    assert!(!answers.contains("| Mailchimp |"));
    // An answer no chapter shows stays.
    assert!(answers.contains("| Adresse | 1234, rue Saint-Denis"));
}
