//! The interview flow: what is shown, what comes next, how far along it is.

mod common;

use common::{answers, mini_bank};
use privaudit::flow::{self, SectionStatus, Visible};
use serde_json::json;

fn shown_ids(given: serde_json::Value) -> Vec<String> {
    let bank = mini_bank();
    let a = answers(given);
    Visible::new(&bank, &a)
        .questions()
        .iter()
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn follow_up_appears_only_after_a_yes() {
    assert!(!shown_ids(json!({})).contains(&"paper.measures".to_string()));
    assert!(!shown_ids(json!({"paper": false})).contains(&"paper.measures".to_string()));
    assert!(shown_ids(json!({"paper": true})).contains(&"paper.measures".to_string()));
}

#[test]
fn next_and_previous_skip_hidden_questions() {
    let bank = mini_bank();
    let no_paper = answers(json!({"paper": false}));
    assert_eq!(flow::next(&bank, &no_paper, "paper").unwrap().id, "size");
    assert_eq!(
        flow::previous(&bank, &no_paper, "size").unwrap().id,
        "paper"
    );
    let paper = answers(json!({"paper": true}));
    assert_eq!(
        flow::next(&bank, &paper, "paper").unwrap().id,
        "paper.measures"
    );
    assert_eq!(
        flow::previous(&bank, &paper, "size").unwrap().id,
        "paper.measures"
    );
    assert!(flow::previous(&bank, &paper, "org.name").is_none());
    assert!(flow::next(&bank, &paper, "favourite").is_none());
}

#[test]
fn going_back_keeps_answers_of_questions_hidden_meanwhile() {
    let bank = mini_bank();
    let mut a = answers(json!({"paper": true, "paper.measures": ["locked"]}));
    a.insert("paper".into(), privaudit::answer::Answer::Bool(false));
    assert!(!Visible::new(&bank, &a).is_shown("paper.measures"));
    assert!(
        a.contains_key("paper.measures"),
        "the hidden answer is kept"
    );
    a.insert("paper".into(), privaudit::answer::Answer::Bool(true));
    let v = Visible::new(&bank, &a);
    use privaudit::condition::Scope;
    assert!(
        v.answer("paper.measures").is_some(),
        "and counts again once shown"
    );
}

#[test]
fn resuming_goes_to_the_first_unanswered_question() {
    let bank = mini_bank();
    let a = answers(json!({"org.name": "X", "org.where": ["eu"], "paper": {"dont_know": true}}));
    assert_eq!(
        flow::first_unanswered(&bank, &a).unwrap().id,
        "size",
        "don't know counts as answered"
    );
}

#[test]
fn progress_counts_shown_questions_and_ignores_optional_ones() {
    let bank = mini_bank();
    let a = answers(json!({"org.name": "X", "org.where": ["eu"], "paper": false}));
    let p = flow::progress(&bank, &a);
    assert_eq!((p.sections[0].done, p.sections[0].total), (3, 3));
    assert_eq!(p.sections[0].status, SectionStatus::Done);
    assert_eq!(
        p.sections[1].status,
        SectionStatus::InProgress,
        "the optional comment counts as done"
    );
    assert_eq!((p.done, p.total), (4, 9));
    assert_eq!(p.percent(), 44);
}

#[test]
fn inside_a_group_entry_the_next_sub_question_follows_its_conditions() {
    let bank = mini_bank();
    let group = bank.question("vendors").unwrap();
    let none = answers(json!({}));
    let abroad: privaudit::answer::Entry =
        serde_json::from_value(json!({"name": "A", "abroad": true})).unwrap();
    let home: privaudit::answer::Entry =
        serde_json::from_value(json!({"name": "B", "abroad": false})).unwrap();
    let next = |entry, current| {
        flow::beside_in_entry(&bank, &none, group, entry, current, true).map(|q| q.id.as_str())
    };
    assert_eq!(next(&abroad, "name"), Some("abroad"));
    assert_eq!(next(&abroad, "abroad"), Some("contract"));
    assert_eq!(
        next(&home, "abroad"),
        None,
        "no contract question for a vendor at home"
    );
}

#[test]
fn progress_counts_questions_still_to_come_and_reaches_100_past_a_dont_know() {
    let bank = common::mini_bank();
    // Paper files not answered yet: its follow-up counts as still to come.
    let start = common::answers(serde_json::json!({"org.name": "A"}));
    let p = privaudit::flow::progress(&bank, &start);
    let basics = &p.sections[0];
    assert_eq!((basics.done, basics.total), (1, 4));
    // "Don't know" about paper: the follow-up can never be asked; it no longer counts.
    let all = common::answers(serde_json::json!({"org.name": "A", "org.where": ["eu"],
        "paper": {"dont_know": true}, "size": 3, "email": "a@b.fr", "backup": "offsite",
        "comments": "", "vendors": {"entries": []}, "favourite": {"dont_know": true}}));
    assert_eq!(privaudit::flow::progress(&bank, &all).percent(), 100);
    assert!(privaudit::flow::first_unanswered(&bank, &all).is_none());
}

#[test]
fn after_a_change_the_interview_goes_to_what_is_still_open() {
    let bank = common::mini_bank();
    let none = std::collections::BTreeSet::new();
    // First pass: the next question in order.
    let a = common::answers(serde_json::json!({"org.name": "A"}));
    assert_eq!(
        flow::next_open(&bank, &a, &none, "org.name").unwrap().id,
        "org.where"
    );
    // Revising "paper" to yes on a finished interview: its follow-up, not
    // the answered questions after it.
    let a = common::answers(serde_json::json!({"org.name": "A", "org.where": ["eu"],
        "paper": true, "size": 3, "email": "a@b.fr", "backup": "offsite",
        "vendors": {"entries": [{"name": "Nord", "abroad": false}]}, "favourite": "Nord"}));
    assert_eq!(
        flow::next_open(&bank, &a, &none, "paper").unwrap().id,
        "paper.measures"
    );
    // Past the follow-up only the optional comments, unanswered, remain ahead.
    let mut b = a.clone();
    b.insert(
        "paper.measures".into(),
        privaudit::answer::Answer::Choices(vec!["alarm".into()]),
    );
    assert_eq!(
        flow::next_open(&bank, &b, &none, "paper.measures")
            .unwrap()
            .id,
        "comments"
    );
    // From the last question, nothing open: the interview is finished.
    assert!(flow::next_open(&bank, &b, &none, "favourite").is_none());
    // Answers to confirm (a new audit from an earlier one) are open.
    let confirm: std::collections::BTreeSet<String> = ["size".to_string()].into();
    assert_eq!(
        flow::next_open(&bank, &b, &confirm, "favourite")
            .unwrap()
            .id,
        "size"
    );
}

/// Wizard review C8: an entry left half-way keeps the assessment unfinished.
/// The interview goes back to its list, and progress stays below 100 %, so
/// the report carries the draft band.
#[test]
fn an_entry_left_half_way_keeps_the_interview_open() {
    let bank = common::mini_bank();
    let none = std::collections::BTreeSet::new();
    let answers = |entry: serde_json::Value| {
        common::answers(serde_json::json!({"org.name": "A", "org.where": ["eu"],
            "paper": false, "size": 3, "email": "a@b.fr", "backup": "offsite",
            "comments": "", "vendors": {"entries": [entry]}, "favourite": "Nord"}))
    };
    let done = answers(serde_json::json!({"name": "Nord", "abroad": false}));
    assert_eq!(flow::progress(&bank, &done).percent(), 100);
    assert!(flow::next_open(&bank, &done, &none, "favourite").is_none());
    // Abroad: the contract question it brings in is not answered.
    let half = answers(serde_json::json!({"name": "Nord", "abroad": true}));
    assert!(flow::progress(&bank, &half).percent() < 100);
    assert_eq!(
        flow::next_open(&bank, &half, &none, "favourite")
            .unwrap()
            .id,
        "vendors"
    );
    assert_eq!(flow::resume_at(&bank, &half, &none).unwrap().id, "vendors");
}
