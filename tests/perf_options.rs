//! A choice question with a very long list of options: its answer is checked,
//! read and reported with options looked up by id, not by scanning the list
//! once per selected option (100,000 options, half of them ticked).

#[path = "../benches/support/synth.rs"]
mod synth;

use privaudit::bank::Bank;
use privaudit::i18n::Lang;
use privaudit::report::model::{Block, Status};
use privaudit::report::{BuildOptions, build};
use privaudit::rules::{Outcome, evaluate};
use privaudit::session::Session;

const OPTIONS: usize = 100_000;

#[test]
fn a_hundred_thousand_options_half_ticked_are_checked_and_reported() {
    let spec = synth::Spec {
        options: OPTIONS,
        ..Default::default()
    };
    let bank = Bank::load(&synth::source(&spec)).expect("valid");
    let big = bank.question("big").unwrap();
    assert_eq!(big.option("o99999").unwrap().id, "o99999");
    assert!(big.option("o100000").is_none());

    let mut session = Session::new(
        &bank,
        Lang::Fr,
        time::macros::datetime!(2026-11-22 10:00 UTC),
    );
    session.answers = serde_json::from_value(synth::answers(&spec)).unwrap();
    session.sync_bindings(&bank);
    let answer = &session.answers["big"];
    assert_eq!(answer.fits(big), Ok(()));
    let shown = answer.display(big, Lang::Fr);
    assert_eq!(shown.matches("Option ").count(), OPTIONS / 2);
    assert!(shown.starts_with("Option 0"));
    assert!(shown.ends_with("Option 99998"));

    let evaluation = evaluate(&bank, &session.answers);
    assert_eq!(evaluation.findings[0].rule.id, "big.first");
    assert_eq!(evaluation.findings[0].outcome, Outcome::DoesNotApply);

    let options = BuildOptions {
        lang: Lang::Fr,
        date: time::macros::date!(2026 - 11 - 22),
    };
    let report = build(&bank, &session, options);
    let items: Vec<_> = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Checklist { items } => Some(items),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(items.len(), OPTIONS);
    let done = items.iter().filter(|i| i.status == Status::Done).count();
    assert_eq!(done, OPTIONS / 2);
    assert_eq!(items[1].status, Status::Todo);
}

#[test]
fn an_option_id_given_twice_finds_the_first() {
    let mut options: Vec<serde_json::Value> = (0..40)
        .map(|i| serde_json::json!({ "id": format!("o{i}"), "label": { "fr": format!("{i}"), "en": "x" } }))
        .collect();
    options.push(serde_json::json!({ "id": "o3", "label": { "fr": "bis", "en": "x" } }));
    let q: privaudit::bank::Question = serde_json::from_value(serde_json::json!({
        "id": "q", "kind": "multi", "label": { "fr": "q", "en": "q" }, "options": options,
    }))
    .unwrap();
    assert_eq!(q.option("o3").unwrap().label.get(Lang::Fr), "3");
    assert!(q.option("o40").is_none());
}
