//! Loading a bank for `report`, `list` or the interview runs the structural
//! checks only; `validate` adds the reachability search, whose cost is bounded
//! per condition, so a bank of hundreds of questions that all depend on the
//! same few is checked in full.

#[path = "../benches/support/synth.rs"]
mod synth;

use privaudit::bank::{Bank, BankError, BankSource};
use serde_json::json;

/// A bank whose last question can never be asked: it needs `hub0` both yes and no.
fn with_unreachable(dir: &std::path::Path, spec: &synth::Spec) {
    synth::write(dir, spec);
    let path = dir.join("sections/main.json");
    let mut section: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    section["questions"].as_array_mut().unwrap().push(json!({
        "id": "never", "kind": "yes_no", "label": { "fr": "Jamais ?", "en": "Never?" },
        "help": { "fr": "Jamais posée.", "en": "Never asked." },
        "when": { "all": [{ "yes": "hub0" }, { "no": "hub0" }] },
    }));
    std::fs::write(&path, section.to_string()).unwrap();
}

fn problems(result: Result<Bank, BankError>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(BankError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn opening_a_bank_folder_skips_the_reachability_search() {
    let dir = tempfile::tempdir().unwrap();
    let spec = synth::Spec {
        hubs: 2,
        dependents: 3,
        ..Default::default()
    };
    with_unreachable(dir.path(), &spec);
    // What report, list and the interview open: structural checks only.
    let bank = Bank::from_dir(dir.path()).expect("structurally valid");
    assert!(bank.unchecked().is_empty());
    assert!(Bank::open(Some(dir.path())).is_ok());
    // What validate runs: every check.
    let found = problems(Bank::load(&BankSource::from_dir(dir.path()).unwrap()));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("`never`: this question can never be asked"),
        "{found:#?}"
    );
}

#[test]
fn validate_searches_every_question_of_a_large_bank() {
    // 6 questions every other one depends on: 4096 combinations of their
    // answers, once per dependent question and rule (408 of each).
    let dir = tempfile::tempdir().unwrap();
    let spec = synth::Spec {
        hubs: 6,
        dependents: 408,
        ..Default::default()
    };
    with_unreachable(dir.path(), &spec);
    let source = BankSource::from_dir(dir.path()).unwrap();
    let found = problems(Bank::load(&source));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`never`"), "{found:#?}");

    // Without the unreachable question the bank is valid, and every
    // condition was searched: none is left unchecked.
    let dir = tempfile::tempdir().unwrap();
    synth::write(dir.path(), &spec);
    let bank = Bank::load(&BankSource::from_dir(dir.path()).unwrap()).expect("valid");
    assert_eq!(bank.questions().count(), 416);
    assert!(bank.unchecked().is_empty(), "{:?}", bank.unchecked());
}

#[test]
fn conditions_on_too_many_questions_or_on_entries_are_listed_as_unchecked() {
    // 13 hubs: 4^13 combinations, beyond the search's bound.
    let dir = tempfile::tempdir().unwrap();
    let spec = synth::Spec {
        hubs: 13,
        dependents: 2,
        chain: 3,
        ..Default::default()
    };
    synth::write(dir.path(), &spec);
    let bank = Bank::load(&BankSource::from_dir(dir.path()).unwrap()).expect("valid");
    assert_eq!(
        bank.unchecked(),
        ["dep0", "dep1", "r0", "r1", "chain.last_no"]
    );
}
