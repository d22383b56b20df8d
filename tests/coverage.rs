//! The built-in bank: complete coverage, a reasonable length, a current coverage table.

mod common;

use common::embedded;
use privaudit::coverage;
use privaudit::example;
use privaudit::i18n::Lang;

#[test]
fn every_checklist_item_is_covered_by_a_question_and_a_rule() {
    let bank = embedded();
    assert!(!bank.coverage.frameworks.is_empty());
    assert_eq!(coverage::uncovered(&bank), Vec::<String>::new());
    let cnil = &bank
        .coverage
        .frameworks
        .iter()
        .find(|f| f.id == "cnil")
        .unwrap()
        .items;
    for fiche in 1..=19 {
        assert!(
            cnil.iter().any(|i| i.id == fiche.to_string()),
            "CNIL fiche {fiche} is in the checklist"
        );
    }
}

#[test]
fn docs_coverage_md_is_generated_from_the_bank() {
    let bank = embedded();
    let expected = coverage::markdown(&bank, Lang::En);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/coverage.md");
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/coverage.md is out of date: run `cargo run -- coverage > docs/coverage.md`"
    );
}

#[test]
fn the_interview_stays_short() {
    let bank = embedded();
    assert!(
        coverage::question_count(&bank) < 150,
        "the longest path has {} questions",
        coverage::question_count(&bank)
    );
    // The five first examples' estimated seconds before the legal model and
    // the practices of small businesses were added (bank of commit db8f62c,
    // measured with `coverage::estimated_seconds`): both together may make
    // a simple business's interview at most a fifth longer.
    let before = [
        ("atelier-pixel", 1118),
        ("boutique-en-ligne", 1150),
        ("cabinet-comptable-quebec", 1064),
        ("cabinet-medical", 1124),
        ("conseil-horizon", 1027),
    ];
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        let seconds = coverage::estimated_seconds(&bank, &session.answers);
        match before.iter().find(|(n, _)| *n == name) {
            Some((_, then)) => assert!(
                seconds * 5 <= then * 6,
                "{name}: {seconds} s against {then} s before, more than a fifth longer"
            ),
            // The organisations with many third parties or several laws.
            None => assert!(seconds < 30 * 60, "{name} takes {seconds} s"),
        }
    }
}

#[test]
fn every_rule_cites_every_jurisdiction_and_has_both_languages() {
    let bank = embedded();
    assert!(bank.rules.len() >= 80, "{} rules", bank.rules.len());
    for rule in &bank.rules {
        assert_eq!(
            rule.refs.len(),
            rule.own_jurisdictions().len(),
            "{} cites each of its laws",
            rule.id
        );
    }
    for lang in Lang::ALL {
        let strings = coverage::strings(&bank, lang);
        assert!(strings.len() > 500);
        assert!(
            strings.iter().all(|s| !s.trim().is_empty()),
            "an empty {lang:?} string"
        );
    }
}

#[test]
fn french_typography_is_consistent() {
    let bank = embedded();
    for s in coverage::strings(&bank, Lang::Fr) {
        assert!(!s.contains('\''), "straight apostrophe in: {s}");
        assert!(
            !s.contains(" :") && !s.contains(" ?") && !s.contains(" ;") && !s.contains(" !"),
            "breaking space before punctuation in: {s}"
        );
        assert!(
            !s.contains("« ") && !s.contains(" »"),
            "breaking space inside guillemets in: {s}"
        );
        assert!(!s.contains('"'), "straight quotes in: {s}");
    }
    for s in coverage::strings(&bank, Lang::En) {
        assert!(!s.contains('\''), "straight apostrophe in: {s}");
    }
}
