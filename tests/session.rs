//! Sessions on disk: round trips, atomic private saves, clear errors, older banks.

mod common;

use common::{answers, instant, mini_bank, session_with};
use privaudit::answer::{Answer, ChoicesOther, DontKnow, Entry, Group};
use privaudit::i18n::Lang;
use privaudit::session::{self, Session, SessionError};
use proptest::prelude::*;
use serde_json::json;

fn leaf() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<bool>().prop_map(Answer::Bool),
        (-1e9f64..1e9).prop_map(Answer::Number),
        "\\PC{0,40}".prop_map(Answer::Text),
        prop::collection::vec("[a-z_]{1,12}", 0..5).prop_map(Answer::Choices),
        (prop::collection::vec("[a-z_]{1,12}", 0..4), "\\PC{0,20}")
            .prop_map(|(selected, other)| Answer::ChoicesOther(ChoicesOther { selected, other })),
        Just(Answer::DontKnow(DontKnow { dont_know: true })),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        4 => leaf(),
        1 => prop::collection::vec(prop::collection::btree_map("[a-z]{1,8}", leaf(), 0..4), 0..4)
            .prop_map(|entries: Vec<Entry>| Answer::Group(Group { entries })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn sessions_round_trip_through_disk(
        answers in prop::collection::btree_map("[a-z][a-z_.]{0,15}", answer(), 0..12),
        notes in prop::collection::btree_map("[a-z.]{1,10}", "\\PC{0,30}", 0..3),
        lang in prop_oneof![Just(Lang::Fr), Just(Lang::En)],
    ) {
        let bank = mini_bank();
        let mut s = Session::new(&bank, lang, instant());
        s.answers = answers;
        s.notes = notes;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        session::save(&s, &path).unwrap();
        prop_assert_eq!(session::load(&path).unwrap(), s);
    }
}

#[test]
fn saves_are_private_and_leave_no_temporary_file() {
    let bank = mini_bank();
    let s = session_with(&bank, answers(json!({"org.name": "A"})));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.json");
    session::save(&s, &path).unwrap();
    session::save(&s, &path).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["client.json"]);
}

#[test]
fn a_corrupted_file_is_reported_with_its_position_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    let text = "{\n  \"format\": \"privaudit-session\",\n  \"version\": 1,\n  \"lang\": \"fr\"\n  \"answers\": {}\n}\n";
    std::fs::write(&path, text).unwrap();
    let err = session::load(&path).unwrap_err();
    assert!(
        matches!(
            err,
            SessionError::Parse {
                line: 5,
                column: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("{}:5:3: ", path.display())),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_wrong_field_is_named() {
    let bank = mini_bank();
    let s = session_with(&bank, answers(json!({})));
    let mut value = serde_json::to_value(&s).unwrap();
    value["lang"] = json!("de");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    let err = session::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("`lang`") && err.contains("unknown variant `de`"),
        "{err}"
    );
}

#[test]
fn other_files_are_not_taken_for_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bank.json");
    let mut s = serde_json::to_value(session_with(&mini_bank(), answers(json!({})))).unwrap();
    s["format"] = json!("something-else");
    std::fs::write(&path, s.to_string()).unwrap();
    let err = session::load(&path).unwrap_err().to_string();
    assert!(err.contains("not a privaudit session"), "{err}");
}

#[test]
fn an_older_bank_keeps_what_still_fits_and_lists_the_rest() {
    let bank = mini_bank();
    let mut s = session_with(
        &bank,
        answers(json!({
            "org.name": "A",
            "paper": true,
            "gone.question": "kept",
            "backup": "tape",
            "size": "twelve"
        })),
    );
    s.bank.version = "0.9.0".into();
    let retired = s.reconcile(&bank);
    let ids: Vec<&str> = retired.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["backup", "gone.question", "size"]);
    assert!(
        retired[0]
            .reason
            .contains("`tape` is not one of its options")
    );
    assert!(retired[1].reason.contains("no longer in the bank"));
    assert!(
        retired[2]
            .reason
            .contains("a number question does not take a string")
    );
    assert_eq!(s.answers.len(), 2, "answers that still fit are kept");
    assert_eq!(s.retired["gone.question"], json!("kept"), "nothing is lost");
    assert_eq!(s.bank.version, "1.0.0");
}

#[test]
fn bound_questions_fill_the_summary_fields() {
    let bank = mini_bank();
    let mut s = Session::new(&bank, Lang::En, instant());
    s.set_answer(
        &bank,
        "org.name",
        Answer::Text("  Café Lune ".into()),
        instant(),
    );
    s.set_answer(
        &bank,
        "org.where",
        Answer::Choices(vec!["qc".into(), "eu".into()]),
        instant(),
    );
    assert_eq!(s.organisation, "Café Lune");
    assert_eq!(
        s.jurisdictions,
        [
            privaudit::law::Jurisdiction::Eu,
            privaudit::law::Jurisdiction::Qc
        ]
    );
    s.set_answer(&bank, "paper", Answer::dont_know(), instant());
    assert!(
        s.to_verify.contains("paper"),
        "don't know marks the question to verify"
    );
}

#[test]
fn an_entry_answer_is_recorded_and_dont_know_marks_the_group() {
    let bank = mini_bank();
    let mut s = Session::new(&bank, Lang::Fr, instant());
    s.entries_mut("vendors", instant()).push(Default::default());
    s.set_entry_answer("vendors", 0, "name", Answer::Text("Nord".into()), instant());
    s.set_entry_answer("vendors", 0, "abroad", Answer::dont_know(), instant());
    let entries = s.answers["vendors"].entries().unwrap();
    assert_eq!(entries[0]["name"], Answer::Text("Nord".into()));
    assert!(entries[0]["abroad"].is_dont_know());
    assert!(s.to_verify.contains("vendors"));
}

#[test]
fn group_lists_close_empty_and_abandoned_entries_go_away() {
    let bank = mini_bank();
    let mut s = session_with(&bank, answers(json!({})));
    s.finish_group(&bank, "vendors", instant());
    assert_eq!(
        s.answers["vendors"],
        Answer::Group(Group::default()),
        "no entries is an answer"
    );

    s.entries_mut("vendors", instant()).push(Entry::new());
    s.set_entry_answer("vendors", 0, "name", Answer::Text("Nord".into()), instant());
    s.entries_mut("vendors", instant()).push(Entry::new());
    assert!(
        !s.drop_empty_entry("vendors", 0, instant()),
        "an entry with answers stays"
    );
    assert!(s.drop_empty_entry("vendors", 1, instant()));
    assert_eq!(s.answers["vendors"].entries().unwrap().len(), 1);
    s.finish_group(&bank, "vendors", instant());
    assert_eq!(
        s.answers["vendors"].entries().unwrap().len(),
        1,
        "closing keeps the entries"
    );

    s.clear_entry_answer("vendors", 0, "name", instant());
    assert!(s.answers["vendors"].entries().unwrap()[0].is_empty());
    s.set_answer(&bank, "org.name", Answer::Text("Atelier".into()), instant());
    s.clear_answer(&bank, "org.name", instant());
    assert!(!s.answers.contains_key("org.name"));
}
