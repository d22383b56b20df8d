//! Conditions that chain through a group's sub-questions are evaluated once
//! per sub-question, not once per path: a 40-deep chain (2^40 paths) must
//! still evaluate, in the rules, the report, the interview and progress.

#[path = "../benches/support/synth.rs"]
mod synth;

use privaudit::answer::{Answer, Answers};
use privaudit::bank::{Bank, Question};
use privaudit::condition::{Condition, Scope, Truth};
use privaudit::i18n::Lang;
use privaudit::report::{BuildOptions, build};
use privaudit::rules::{Outcome, evaluate};
use privaudit::session::Session;
use serde_json::json;
use std::cell::Cell;

const DEPTH: usize = 40;

/// A top-level scope holding one group, `chain`, that counts the lookups of
/// the outer question `outer` and gives up far beyond a linear number of them.
struct Counting {
    group: Question,
    answers: Answers,
    lookups: Cell<usize>,
}

impl Scope for Counting {
    fn answer(&self, id: &str) -> Option<&Answer> {
        if id == "outer" {
            let n = self.lookups.get() + 1;
            self.lookups.set(n);
            assert!(
                n < 100 * DEPTH,
                "sub-question conditions re-evaluated {n} times: exponential"
            );
        }
        self.answers.get(id)
    }

    fn is_hidden(&self, _: &str) -> bool {
        false
    }

    fn group(&self, id: &str) -> Option<&Question> {
        (id == "chain").then_some(&self.group)
    }
}

fn counting(last_answer: bool) -> Counting {
    // Each sub-question reads the one before it and an outer question.
    let mut subs = synth::chain_subs(DEPTH);
    for (k, sub) in subs.iter_mut().enumerate().skip(1) {
        sub["when"] = json!({ "all": [{ "yes": format!("s{}", k - 1) }, { "answered": "outer" }] });
    }
    let group: Question = serde_json::from_value(json!({
        "id": "chain", "kind": "group", "label": { "fr": "c", "en": "c" }, "questions": subs,
    }))
    .unwrap();
    let mut entry: serde_json::Map<String, serde_json::Value> =
        (0..DEPTH).map(|k| (format!("s{k}"), json!(true))).collect();
    entry.insert(format!("s{}", DEPTH - 1), json!(last_answer));
    let answers = serde_json::from_value(json!({
        "outer": "yes", "chain": { "entries": [entry] },
    }))
    .unwrap();
    Counting {
        group,
        answers,
        lookups: Cell::new(0),
    }
}

#[test]
fn each_sub_question_of_a_chain_is_evaluated_once_per_entry() {
    let last = format!("s{}", DEPTH - 1);
    let scope = counting(false);
    let no_at_end: Condition = serde_json::from_value(
        json!({ "any_entry": { "group": "chain", "when": { "no": last } } }),
    )
    .unwrap();
    assert_eq!(no_at_end.eval(&scope), Truth::True);
    // One lookup of `outer` per sub-question condition, whatever the depth.
    assert!(
        scope.lookups.get() <= DEPTH,
        "{} lookups",
        scope.lookups.get()
    );

    let scope = counting(true);
    assert_eq!(no_at_end.eval(&scope), Truth::False);
    let answered: Condition = serde_json::from_value(
        json!({ "every_entry": { "group": "chain", "when": { "answered": last } } }),
    )
    .unwrap();
    assert_eq!(answered.eval(&scope), Truth::True);
}

fn chain_bank() -> (tempfile::TempDir, Bank) {
    let dir = tempfile::tempdir().unwrap();
    let spec = synth::Spec {
        chain: DEPTH,
        ..Default::default()
    };
    synth::write(dir.path(), &spec);
    let bank = Bank::from_dir(dir.path()).expect("the chain bank is valid");
    (dir, bank)
}

fn session(bank: &Bank, entry: serde_json::Value) -> Session {
    let mut s = Session::new(
        bank,
        Lang::Fr,
        time::macros::datetime!(2026-11-22 10:00 UTC),
    );
    s.answers = serde_json::from_value(json!({
        "org.name": "Chaîne", "org.where": ["qc"], "chain": { "entries": [entry] },
    }))
    .unwrap();
    s.sync_bindings(bank);
    s
}

#[test]
fn a_forty_deep_chain_evaluates_in_rules_report_and_interview() {
    let (_dir, bank) = chain_bank();
    let group = bank.question("chain").unwrap();
    let last = format!("s{}", DEPTH - 1);

    // Every link answered yes except the last: all 40 shown, the rule applies.
    let mut entry: serde_json::Map<String, serde_json::Value> =
        (0..DEPTH).map(|k| (format!("s{k}"), json!(true))).collect();
    entry.insert(last.clone(), json!(false));
    let s = session(&bank, json!(entry));
    let e = &s.answers["chain"].entries().unwrap()[0];
    assert_eq!(
        privaudit::flow::entry_questions(&bank, &s.answers, group, e).len(),
        DEPTH
    );
    let evaluation = evaluate(&bank, &s.answers);
    let outcome = |eval: &privaudit::rules::Evaluation<'_>| {
        eval.findings
            .iter()
            .find(|f| f.rule.id == "chain.last_no")
            .unwrap()
            .outcome
    };
    assert_eq!(outcome(&evaluation), Outcome::Applies);
    let options = BuildOptions {
        lang: Lang::En,
        date: time::macros::date!(2026 - 11 - 22),
    };
    let report = build(&bank, &s, options);
    assert!(
        privaudit::render::markdown::render(&report).contains("chain last no"),
        "the finding is in the report"
    );
    assert_eq!(privaudit::flow::progress(&bank, &s.answers).percent(), 100);

    // A "no" halfway hides the rest of the chain: the rule is not applicable.
    let mut entry: serde_json::Map<String, serde_json::Value> =
        (0..DEPTH).map(|k| (format!("s{k}"), json!(true))).collect();
    entry.insert("s19".into(), json!(false));
    let s = session(&bank, json!(entry));
    let e = &s.answers["chain"].entries().unwrap()[0];
    assert_eq!(
        privaudit::flow::entry_questions(&bank, &s.answers, group, e).len(),
        20
    );
    assert_eq!(
        privaudit::flow::beside_in_entry(&bank, &s.answers, group, e, "s18", true)
            .map(|q| &q.id[..]),
        Some("s19")
    );
    assert!(privaudit::flow::beside_in_entry(&bank, &s.answers, group, e, "s19", true).is_none());
    assert_eq!(
        outcome(&evaluate(&bank, &s.answers)),
        Outcome::NotApplicable
    );
    build(&bank, &s, options);
}
