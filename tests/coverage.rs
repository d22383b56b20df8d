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
    // Before the legal model (lawful bases, roles, transfers) the five first
    // examples took 17 to 19 minutes; the model may add a fifth at most. The
    // organisations with many third parties or several laws take longer.
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        let minutes = coverage::estimated_seconds(&bank, &session.answers) / 60;
        let simple = [
            "atelier-pixel",
            "boutique-en-ligne",
            "cabinet-comptable-quebec",
            "cabinet-medical",
            "conseil-horizon",
        ]
        .contains(&name);
        let limit = if simple { 23 } else { 30 };
        assert!(minutes < limit, "{name} takes about {minutes} minutes");
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
