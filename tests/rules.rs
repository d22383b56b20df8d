//! The rules engine: outcomes, scores, tailoring, determinism.

mod common;

use common::{answers, embedded, mini_bank};
use privaudit::example;
use privaudit::rules::{Outcome, evaluate};
use rstest::rstest;
use serde_json::json;

fn outcome(given: serde_json::Value, rule: &str) -> Outcome {
    let bank = mini_bank();
    let a = answers(given);
    let eval = evaluate(&bank, &a);
    eval.findings
        .iter()
        .find(|f| f.rule.id == rule)
        .expect("rule exists")
        .outcome
}

#[rstest]
#[case::unlocked(json!({"paper": true, "paper.measures": ["alarm"]}), "paper.unlocked", Outcome::Applies)]
#[case::locked(json!({"paper": true, "paper.measures": ["locked"]}), "paper.unlocked", Outcome::DoesNotApply)]
#[case::no_paper(json!({"paper": false}), "paper.unlocked", Outcome::NotApplicable)]
#[case::measures_unknown(json!({"paper": true, "paper.measures": {"dont_know": true}}), "paper.unlocked", Outcome::ToVerify)]
#[case::not_answered(json!({}), "paper.unlocked", Outcome::NotAssessed)]
#[case::advice(json!({"paper": false}), "paper.none", Outcome::Applies)]
#[case::entry_dont_know(json!({"vendors": {"entries": [{"name": "A", "abroad": true, "contract": {"dont_know": true}}]}}), "vendors.no_contract", Outcome::ToVerify)]
fn outcomes(#[case] given: serde_json::Value, #[case] rule: &str, #[case] expected: Outcome) {
    assert_eq!(outcome(given, rule), expected);
}

#[test]
fn scores_weigh_gaps_by_severity() {
    let bank = mini_bank();
    // backup.none (critical, 8) met; paper.unlocked (high, 4) failed: 8 of 12.
    let a = answers(json!({"paper": true, "paper.measures": [], "backup": "offsite"}));
    let eval = evaluate(&bank, &a);
    let security = &eval.scores[0];
    assert_eq!(
        (security.earned, security.possible, security.gaps),
        (8, 12, 1)
    );
    // Two requirements checked: too few for an area score of its own, but
    // they count in the overall score.
    assert_eq!(security.score, None);
    assert_eq!(eval.scores[1].score, None, "vendors not assessed yet");
    assert_eq!(eval.overall, Some(67));
}

#[test]
fn requirements_ruled_out_are_not_scored() {
    let bank = mini_bank();
    // No paper: the paper rule is not applicable, so only backups (8) is scored.
    let a = answers(json!({"paper": false, "backup": "offsite"}));
    let security = evaluate(&bank, &a).scores[0].clone();
    assert_eq!((security.earned, security.possible), (8, 8));
}

#[test]
fn gaps_come_most_severe_first() {
    let bank = mini_bank();
    let a = answers(json!({
        "paper": true, "paper.measures": [], "backup": "none",
        "vendors": {"entries": [{"name": "A", "abroad": true, "contract": false}]}
    }));
    let eval = evaluate(&bank, &a);
    let order: Vec<&str> = eval.gaps().iter().map(|f| f.rule.id.as_str()).collect();
    assert_eq!(
        order,
        ["backup.none", "paper.unlocked", "vendors.no_contract"]
    );
}

#[test]
fn evaluation_is_deterministic() {
    let bank = embedded();
    let session = example::open(&bank, example::DEFAULT).unwrap();
    let a = evaluate(&bank, &session.answers);
    let b = evaluate(&bank, &session.answers);
    let ids = |e: &privaudit::rules::Evaluation| {
        e.findings
            .iter()
            .map(|f| (f.rule.id.clone(), f.outcome))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(a.scores, b.scores);
}

#[test]
fn example_findings_match_its_answers() {
    let bank = embedded();
    let session = example::open(&bank, example::DEFAULT).unwrap();
    let eval = evaluate(&bank, &session.answers);
    let of = |id: &str| {
        eval.findings
            .iter()
            .find(|f| f.rule.id == id)
            .unwrap_or_else(|| panic!("{id}"))
            .outcome
    };
    for id in [
        "sec.mfa.missing",
        "inc.plan.missing",
        "tp.transfer.qc",
        "sec.paper.none",
        "trans.policy.no_date",
    ] {
        assert_eq!(of(id), Outcome::Applies, "{id}");
    }
    for id in ["sec.backups.none", "tp.none", "sec.need_to_know.missing"] {
        assert_eq!(of(id), Outcome::DoesNotApply, "{id}");
    }
    for id in [
        "sec.paper.unlocked",
        "con.express.missing",
        "gov.dpo.missing",
        "gov.records.missing",
    ] {
        assert_eq!(
            of(id),
            Outcome::NotApplicable,
            "{id}: ruled out by earlier answers"
        );
    }
    assert_eq!(of("rights.identity.missing"), Outcome::ToVerify);
}

/// The questions a condition reads under an odd number of `not`s.
fn negated(c: &privaudit::condition::Condition, odd: bool, out: &mut Vec<String>) {
    use privaudit::condition::Condition;
    match c {
        Condition::Not(inner) => negated(inner, !odd, out),
        Condition::All(items) | Condition::Any(items) => {
            items.iter().for_each(|i| negated(i, odd, out))
        }
        Condition::AnyEntry(_) | Condition::EveryEntry(_) => {}
        leaf => {
            if odd {
                out.extend(leaf.question().map(str::to_string));
            }
        }
    }
}

/// A rule must not apply because a question was never asked: "not (X
/// includes Y)" is true when X is hidden, so a processor's duties would be
/// found missing in a business that works for no client.
#[test]
fn no_example_finding_rests_on_a_question_it_was_not_asked() {
    let bank = embedded();
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        let visible = privaudit::flow::Visible::new(&bank, &session.answers);
        let eval = evaluate(&bank, &session.answers);
        for f in eval.rules.iter().filter(|f| f.outcome == Outcome::Applies) {
            let mut read = Vec::new();
            negated(&f.rule.when, false, &mut read);
            for id in read.iter().filter(|id| bank.question(id).is_some()) {
                assert!(
                    visible.is_shown(id),
                    "{name}: {} applies because `{id}` was not asked",
                    f.rule.id
                );
            }
        }
    }
}
