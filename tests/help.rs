//! Help on every question, in the session's own legal words: what the wizard
//! and the plain mode show with F1 or `?`.

mod common;

use common::{answers, embedded};
use privaudit::example;
use privaudit::i18n::Lang;
use privaudit::rules::template::help_text;
use serde_json::json;

/// Every question and sub-question of the bank, in order.
fn every_question(bank: &privaudit::bank::Bank) -> Vec<&privaudit::bank::Question> {
    bank.questions()
        .flat_map(|(_, q)| std::iter::once(q).chain(q.questions.iter()))
        .collect()
}

#[test]
fn every_question_has_help_in_both_languages_with_no_placeholder_left() {
    let bank = embedded();
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        for q in every_question(&bank) {
            let help = q
                .help
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no help", q.id));
            for lang in Lang::ALL {
                let shown = help_text(&bank, &session.answers, help.get(lang), lang);
                assert!(
                    shown.len() > 40 && !shown.contains('{') && !shown.contains('}'),
                    "{name}, {}: {shown:?}",
                    q.id
                );
            }
        }
    }
}

#[test]
fn help_speaks_the_words_of_the_session_s_law() {
    let bank = embedded();
    let help_of = |id: &str, given: serde_json::Value| {
        let q = bank.question(id).unwrap();
        help_text(
            &bank,
            &answers(given),
            q.help.as_ref().unwrap().get(Lang::Fr),
            Lang::Fr,
        )
    };
    let quebec = json!({"org.jurisdictions": ["qc"]});
    let france = json!({"org.jurisdictions": ["eu"], "org.establishment": "france"});
    let charter_qc = help_of("sec.charter", quebec.clone());
    assert!(
        charter_qc.contains("politique d’utilisation des outils informatiques"),
        "{charter_qc}"
    );
    assert!(!charter_qc.contains("charte informatique"), "{charter_qc}");
    assert!(help_of("sec.charter", france.clone()).contains("charte informatique"));
    assert!(help_of("sensitive.assessment", quebec).contains("évaluation des facteurs relatifs"));
    assert!(help_of("sensitive.assessment", france).contains("analyse d’impact"));
}
