//! The rule features the legal model needs: rules for one law only, a
//! severity per law, one finding per group entry, the options a choice leaves
//! unticked, and words that follow the session's law. Each test runs on a
//! copy of the mini bank with a few rules added.

mod common;

use common::{answers, mini_bank_dir, session_with};
use privaudit::bank::{Bank, Severity};
use privaudit::i18n::Lang;
use privaudit::render::markdown;
use privaudit::report::{BuildOptions, build};
use privaudit::rules::{Outcome, evaluate};
use serde_json::{Value, json};
use std::path::Path;

/// The rules added to the mini bank.
fn legal_rules() -> Value {
    json!({"rules": [
        {
            "id": "vendors.each",
            "area": "vendors",
            "severity": "high",
            "for_each": "vendors",
            "when": {"no": "contract"},
            "title": {"fr": "Contrat manquant : {answer:name}", "en": "Missing contract: {answer:name}"},
            "finding": {"fr": "{answer:name} reçoit des {term:pi} sans contrat.", "en": "{answer:name} receives {term:pi} without a contract."},
            "recommendation": {"fr": "Signez un contrat avec {answer:name}.", "en": "Sign a contract with {answer:name}."},
            "refs": {"eu": {"article": "28(3)"}, "ca": {"clause": "4.1.3"}, "qc": {"section": "18.3"}}
        },
        {
            "id": "paper.eu_only",
            "area": "security",
            "severity": "medium",
            "jurisdictions": ["eu"],
            "when": {"yes": "paper"},
            "title": {"fr": "Règle européenne", "en": "European rule"},
            "finding": {"fr": "Seulement sous le RGPD.", "en": "Only under the GDPR."},
            "recommendation": {"fr": "Faites-le.", "en": "Do it."},
            "refs": {"eu": {"article": "32"}}
        },
        {
            "id": "backup.stakes",
            "area": "security",
            "severity": "medium",
            "modifiers": [{
                "when": {"includes": {"question": "org.where", "option": "qc"}},
                "severity": "high",
                "because": {"fr": "vous traitez des renseignements de santé", "en": "you handle health information"}
            }],
            "when": {"equals": {"question": "backup", "value": "none"}},
            "title": {"fr": "Sauvegardes absentes", "en": "No backups at all"},
            "finding": {"fr": "Rien n’est sauvegardé.", "en": "Nothing is backed up."},
            "recommendation": {"fr": "Sauvegardez.", "en": "Back up."},
            "refs": {"eu": {"article": "32(1)(c)"}, "ca": {"clause": "4.7.1"}, "qc": {"section": "10"}}
        },
        {
            "id": "paper.weighs",
            "area": "security",
            "severity": "high",
            "severity_in": {"qc": "advice"},
            "when": {"yes": "paper"},
            "title": {"fr": "Devoir en Europe, conseil au Québec", "en": "Duty in Europe, advice in Québec"},
            "finding": {"fr": "Il manque : {missing:paper.measures/locked,alarm}.", "en": "Missing: {missing:paper.measures/locked,alarm}."},
            "recommendation": {"fr": "Complétez.", "en": "Complete it."},
            "refs": {"eu": {"article": "32"}, "ca": "none", "qc": "none"}
        }
    ]})
}

/// A copy of the mini bank with `legal_rules`, the vocabulary term `pi`, and `edit` applied to the rules.
fn bank_with(dir: &Path, edit: impl FnOnce(&mut Value)) -> Result<Bank, String> {
    copy_dir(&mini_bank_dir(), dir);
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("bank.json")).unwrap()).unwrap();
    manifest["terms"] = json!({"pi": {
        "text": {"fr": "données personnelles", "en": "personal data"},
        "variants": [{
            "when": {"all": [
                {"includes": {"question": "org.where", "option": "qc"}},
                {"not": {"includes": {"question": "org.where", "option": "eu"}}}
            ]},
            "text": {"fr": "renseignements personnels", "en": "personal information"}
        }]
    }, "kind": {
        "text": {"fr": "un prestataire", "en": "a provider"},
        "variants": [{
            "when": {"equals": {"question": "name", "value": "Paie Ouest"}},
            "text": {"fr": "votre service de paie", "en": "your payroll service"}
        }],
        "entry_of": "vendors"
    }});
    std::fs::write(dir.join("bank.json"), manifest.to_string()).unwrap();
    let mut rules = legal_rules();
    edit(&mut rules);
    std::fs::write(dir.join("rules/legal.json"), rules.to_string()).unwrap();
    Bank::from_dir(dir).map_err(|e| e.to_string())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn vendors(laws: &[&str]) -> Value {
    json!({
        "org.name": "Boulangerie Test",
        "org.where": laws,
        "paper": true,
        "paper.measures": ["locked"],
        "vendors": {"entries": [
            {"name": "Hébergeur Nord", "abroad": true, "contract": false},
            {"name": "Comptable Sud", "abroad": true, "contract": true},
            {"name": "Paie Ouest", "abroad": true, "contract": false}
        ]}
    })
}

fn report(bank: &Bank, given: Value, lang: Lang) -> String {
    let session = session_with(bank, answers(given));
    let options = BuildOptions {
        lang,
        date: time::macros::date!(2026 - 11 - 22),
    };
    markdown::render(&build(bank, &session, options))
}

#[test]
fn a_rule_on_each_entry_gives_one_finding_per_entry_and_is_scored_once() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |_| {}).unwrap();
    let eval = evaluate(&bank, &answers(vendors(&["eu"])));
    let entries: Vec<Option<usize>> = eval
        .findings
        .iter()
        .filter(|f| f.rule.id == "vendors.each")
        .map(|f| f.entry)
        .collect();
    assert_eq!(
        entries,
        [Some(0), Some(2)],
        "the two vendors without a contract"
    );
    let once: Vec<_> = eval
        .rules
        .iter()
        .filter(|f| f.rule.id == "vendors.each")
        .collect();
    assert_eq!(once.len(), 1);
    assert_eq!(once[0].outcome, Outcome::Applies);
    // Both vendor rules fail: the `any_entry` one (medium, 2) and the new one
    // (high, 4), counted once although two vendors lack a contract.
    let vendors_score = &eval.scores[1];
    assert_eq!(
        (
            vendors_score.earned,
            vendors_score.possible,
            vendors_score.gaps
        ),
        (0, 6, 2)
    );

    let md = report(&bank, vendors(&["eu"]), Lang::Fr);
    assert!(md.contains("Contrat manquant : Hébergeur Nord"), "{md}");
    assert!(md.contains("Contrat manquant : Paie Ouest"));
    assert!(!md.contains("Contrat manquant : Comptable Sud"));
    assert!(md.contains("Signez un contrat avec Paie Ouest."));
    assert!(md.contains("Hébergeur Nord reçoit des données personnelles sans contrat."));
}

#[test]
fn no_entry_applies_when_every_vendor_has_a_contract() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |_| {}).unwrap();
    let mut given = vendors(&["eu"]);
    for entry in given["vendors"]["entries"].as_array_mut().unwrap() {
        entry["contract"] = json!(true);
    }
    let eval = evaluate(&bank, &answers(given));
    let rule = eval
        .rules
        .iter()
        .find(|f| f.rule.id == "vendors.each")
        .unwrap();
    assert_eq!(rule.outcome, Outcome::DoesNotApply);
    assert!(!eval.findings.iter().any(|f| f.entry.is_some()));
}

#[test]
fn a_rule_for_one_law_is_absent_from_another_laws_report() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |_| {}).unwrap();
    let outcome = |laws: &[&str]| {
        evaluate(&bank, &answers(vendors(laws)))
            .rules
            .iter()
            .find(|f| f.rule.id == "paper.eu_only")
            .unwrap()
            .outcome
    };
    assert_eq!(outcome(&["qc"]), Outcome::NotApplicable);
    assert_eq!(outcome(&["eu"]), Outcome::Applies);
    assert_eq!(outcome(&["eu", "qc"]), Outcome::Applies);
    let quebec = report(&bank, vendors(&["qc"]), Lang::Fr);
    assert!(!quebec.contains("Règle européenne"));
    assert!(!quebec.contains("Seulement sous le RGPD"));
    let both = report(&bank, vendors(&["eu", "qc"]), Lang::Fr);
    assert!(both.contains("Règle européenne"));
}

#[test]
fn the_severity_is_the_most_severe_of_the_sessions_laws() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |_| {}).unwrap();
    let severity = |laws: &[&str]| {
        evaluate(&bank, &answers(vendors(laws)))
            .rules
            .iter()
            .find(|f| f.rule.id == "paper.weighs")
            .unwrap()
            .severity
    };
    assert_eq!(severity(&["qc"]), Severity::Advice);
    assert_eq!(severity(&["eu"]), Severity::High);
    assert_eq!(severity(&["eu", "qc"]), Severity::High);
    // Advice in Québec: not a gap, so not in the action plan.
    let eval = evaluate(&bank, &answers(vendors(&["qc"])));
    assert!(!eval.gaps().iter().any(|f| f.rule.id == "paper.weighs"));
}

#[test]
fn missing_lists_the_unticked_options_and_terms_follow_the_law() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |_| {}).unwrap();
    let md = report(&bank, vendors(&["eu"]), Lang::Fr);
    let alarm = bank
        .question("paper.measures")
        .unwrap()
        .option("alarm")
        .unwrap()
        .label
        .get(Lang::Fr)
        .to_string();
    assert!(md.contains(&format!("Il manque : {alarm}.")), "{md}");
    let quebec = report(&bank, vendors(&["qc"]), Lang::Fr);
    assert!(quebec.contains("Hébergeur Nord reçoit des renseignements personnels sans contrat."));
    let english = report(&bank, vendors(&["qc"]), Lang::En);
    assert!(english.contains("Hébergeur Nord receives personal information without a contract."));
}

/// A term read in each entry (`entry_of`) takes the word of that entry, not
/// of any entry: review 8 found a sentence on a missing clause printed for
/// providers whose contract has it.
#[test]
fn a_term_of_an_entry_follows_that_entry() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |r| {
        r["rules"][0]["finding"]["fr"] =
            json!("{answer:name}, {term:kind}, reçoit des {term:pi} sans contrat.");
    })
    .unwrap();
    let md = report(&bank, vendors(&["eu"]), Lang::Fr);
    for line in [
        "Hébergeur Nord, un prestataire, reçoit des données personnelles sans contrat.",
        "Paie Ouest, votre service de paie, reçoit des données personnelles sans contrat.",
    ] {
        assert!(md.contains(line), "{line}\n{md}");
    }
}

/// An expected validation message and the edit of the rules that causes it.
type Case = (&'static str, fn(&mut Value));

#[test]
fn validate_names_what_the_new_fields_get_wrong() {
    let cases: [Case; 7] = [
        ("`older_than` needs a date", |r| {
            r["rules"][1]["when"] = json!({"older_than": {"question": "email", "months": 12}});
        }),
        ("which the rule's `jurisdictions` leave out", |r| {
            r["rules"][1]["refs"]["qc"] = json!({"section": "10"});
        }),
        ("is not a group question", |r| {
            r["rules"][0]["for_each"] = json!("paper");
        }),
        ("unknown term `pii`", |r| {
            r["rules"][0]["finding"]["fr"] = json!("Des {term:pii}.");
        }),
        ("needs a multiple-choice question", |r| {
            r["rules"][3]["finding"]["en"] = json!("{missing:backup/none}");
        }),
        ("has no option `shredder`", |r| {
            r["rules"][3]["finding"]["en"] = json!("{missing:paper.measures/shredder}");
        }),
        ("term `kind` reads an entry of `vendors`", |r| {
            r["rules"][1]["finding"]["fr"] = json!("Seulement {term:kind}.");
        }),
    ];
    for (expected, edit) in cases {
        let dir = tempfile::tempdir().unwrap();
        let err = bank_with(dir.path(), edit).unwrap_err();
        assert!(err.contains(expected), "expected «{expected}» in: {err}");
        assert!(err.contains("legal.json"), "the file is named: {err}");
    }
}

#[test]
fn what_is_at_stake_raises_the_severity_and_the_report_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let bank = bank_with(dir.path(), |_| {}).unwrap();
    let given = |laws: &[&str]| {
        let mut v = vendors(laws);
        v["backup"] = json!("none");
        v
    };
    let severity = |laws: &[&str]| {
        evaluate(&bank, &answers(given(laws)))
            .rules
            .iter()
            .find(|f| f.rule.id == "backup.stakes")
            .map(|f| f.severity)
            .unwrap()
    };
    assert_eq!(severity(&["eu"]), Severity::Medium);
    assert_eq!(severity(&["qc"]), Severity::High);
    let raised = report(&bank, given(&["qc"]), Lang::Fr);
    assert!(
        raised.contains(
            "Rien n’est sauvegardé. Priorité élevée, car vous traitez des renseignements de santé."
        ),
        "{raised}"
    );
    let english = report(&bank, given(&["qc"]), Lang::En);
    assert!(
        english.contains(
            "Nothing is backed up. High priority, because you handle health information."
        )
    );
    let plain = report(&bank, given(&["eu"]), Lang::Fr);
    assert!(plain.contains("Rien n’est sauvegardé."));
    assert!(
        !plain.contains("car vous traitez"),
        "no reason without the modifier"
    );
}

#[test]
fn an_area_with_fewer_than_three_checked_requirements_has_no_score() {
    let bank = common::mini_bank();
    // Two security requirements checked (paper, backups): no score, and the report says why.
    let given =
        json!({"org.name": "X", "paper": true, "paper.measures": ["locked"], "backup": "offsite"});
    let eval = evaluate(&bank, &answers(given.clone()));
    let security = &eval.scores[0];
    assert_eq!((security.checked, security.score), (2, None));
    let md = report(&bank, given, Lang::Fr);
    assert!(md.contains("trop peu de réponses"), "{md}");
    // A gap among them: the bar says there is one to fix, not "too few answers".
    let with_gap = report(
        &bank,
        json!({"org.name": "X", "paper": true, "paper.measures": ["locked"], "backup": "none"}),
        Lang::Fr,
    );
    assert!(
        with_gap.contains("non noté\u{a0}: 1 écart à corriger")
            && !with_gap.contains("trop peu de réponses"),
        "{with_gap}"
    );
    // With the legal rules added, three are checked: a score appears.
    let dir = tempfile::tempdir().unwrap();
    let bigger = bank_with(dir.path(), |_| {}).unwrap();
    let given = json!({"org.name": "X", "org.where": ["eu"], "paper": true, "paper.measures": ["locked"], "backup": "offsite"});
    let security = evaluate(&bigger, &answers(given)).scores[0].clone();
    assert!(security.checked >= 3);
    assert!(security.score.is_some());
}

#[test]
fn rules_checking_one_requirement_are_scored_once() {
    let dir = tempfile::tempdir().unwrap();
    // Two alternatives of one answer: no backups at all, or offsite only.
    let with = |requirement: serde_json::Value| {
        move |r: &mut Value| {
            r["rules"][1] = json!({
                "id": "backup.offsite_only",
                "area": "security",
                "severity": "low",
                "when": {"equals": {"question": "backup", "value": "offsite"}},
                "title": {"fr": "Sauvegarde hors site seulement", "en": "Offsite backup only"},
                "finding": {"fr": "Une seule copie.", "en": "One copy only."},
                "recommendation": {"fr": "Ajoutez une copie.", "en": "Add a copy."},
                "refs": {"eu": {"article": "32(1)(c)"}, "ca": {"clause": "4.7.1"}, "qc": {"section": "10"}}
            });
            r["rules"][1]["requirement"] = requirement.clone();
            r["rules"][2]["requirement"] = requirement;
        }
    };
    let security = |bank: &Bank| {
        let mut v = vendors(&["eu"]);
        v["backup"] = json!("none");
        evaluate(bank, &answers(v)).scores[0].clone()
    };
    let apart = security(&bank_with(dir.path(), with(json!(null))).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let together = security(&bank_with(dir.path(), with(json!("backups"))).unwrap());
    // No backups: `backup.stakes` applies, `backup.offsite_only` does not. Apart,
    // the second counts as a requirement met; together, they are one gap.
    assert_eq!(together.checked + 1, apart.checked);
    assert_eq!(together.gaps, apart.gaps);
    assert!(together.earned < apart.earned);
}

/// In a report under several laws, each law's own paragraph speaks that
/// law's words: a Québec software firm working for EU clients reads
/// « sous-traitant » in the GDPR paragraph and « prestataire de services »
/// in the Québec one, and its citations likewise.
#[test]
fn each_law_s_paragraph_uses_that_law_s_words() {
    let bank = common::embedded();
    let session = privaudit::example::open(&bank, "logiciels-boreal").unwrap();
    for (lang, eu, qc) in [
        (
            Lang::Fr,
            "Union européenne, le sous-traitant avertit",
            "Au Québec, le contrat avec un prestataire de services",
        ),
        (
            Lang::En,
            "European Union, a processor informs",
            "In Québec, the contract with a service provider",
        ),
    ] {
        let options = BuildOptions {
            lang,
            date: time::macros::date!(2026 - 11 - 29),
        };
        let report = build(&bank, &session, options);
        let text = report
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                privaudit::report::Block::Finding(f) if f.rule == "inc.client_notice.vague" => {
                    Some(f.recommendation.clone())
                }
                _ => None,
            })
            .expect("the vague client notice applies");
        assert!(text.contains(eu) && text.contains(qc), "{lang:?}: {text}");
    }
}

/// A date answer reads as people write it.
#[test]
fn dates_read_as_people_write_them() {
    let bank = common::embedded();
    let session = privaudit::example::open(&bank, "cabinet-medical").unwrap();
    for (lang, date) in [
        (Lang::Fr, "15 septembre 2025"),
        (Lang::En, "September 15, 2025"),
    ] {
        let options = BuildOptions {
            lang,
            date: time::macros::date!(2026 - 11 - 29),
        };
        let md = markdown::render(&build(&bank, &session, options));
        assert!(md.contains(date), "{lang:?}: {date}");
        assert!(!md.contains("2025-09-15"), "{lang:?}");
    }
}

/// A rule checked in each entry weighs each entry by its own stakes: a
/// vendor abroad raises its own finding, not its neighbour's; the score
/// counts the rule at its most severe entry. Reading every entry in such a
/// modifier is refused by validation.
#[test]
fn a_per_entry_rule_weighs_each_entry_by_its_own_answers() {
    let dir = tempfile::tempdir().unwrap();
    let with_modifier = |when: Value| {
        move |r: &mut Value| {
            r["rules"][0]["severity"] = json!("low");
            r["rules"][0]["modifiers"] = json!([{
                "when": when,
                "severity": "high",
                "because": {"fr": "ce fournisseur est à l’étranger", "en": "this vendor is abroad"}
            }]);
        }
    };
    let far = json!({"equals": {"question": "name", "value": "Faraway"}});
    let bank = bank_with(dir.path(), with_modifier(far)).unwrap();
    let given = json!({"org.name": "X", "org.where": ["eu"], "vendors": {"entries": [
        {"name": "Nearby", "abroad": true, "contract": false},
        {"name": "Faraway", "abroad": true, "contract": false}
    ]}});
    let eval = evaluate(&bank, &answers(given.clone()));
    let severity_of = |name_index: usize| {
        eval.findings
            .iter()
            .find(|f| f.rule.id == "vendors.each" && f.entry == Some(name_index))
            .map(|f| f.severity)
            .unwrap()
    };
    assert_eq!(severity_of(0), Severity::Low, "the nearby vendor");
    assert_eq!(severity_of(1), Severity::High, "the faraway vendor");
    let rule = eval
        .rules
        .iter()
        .find(|f| f.rule.id == "vendors.each")
        .unwrap();
    assert_eq!(
        rule.severity,
        Severity::High,
        "scored at its most severe entry"
    );
    let md = report(&bank, given, Lang::Fr);
    assert_eq!(
        md.matches("car ce fournisseur est à l’étranger").count(),
        1,
        "{md}"
    );
    let dir = tempfile::tempdir().unwrap();
    let every_entry = with_modifier(
        json!({"any_entry": {"group": "vendors", "when": {"equals": {"question": "name", "value": "Faraway"}}}}),
    );
    let err = bank_with(dir.path(), every_entry).unwrap_err();
    assert!(err.contains("reads every entry of `vendors`"), "{err}");
}

/// Under one law, sentences do not say where they apply (« Dans l’Union
/// européenne, notifiez… » reads « Notifiez… »); under several, they do.
#[test]
fn a_sentence_names_its_territory_only_when_several_laws_apply() {
    let bank = common::embedded();
    let text = |name: &str, lang: Lang| {
        let session = privaudit::example::open(&bank, name).unwrap();
        let options = BuildOptions {
            lang,
            date: time::macros::date!(2026 - 11 - 29),
        };
        markdown::render(&build(&bank, &session, options))
    };
    for (lang, eu) in [
        (Lang::Fr, "Dans l’Union européenne, "),
        (Lang::En, "In the European Union, "),
    ] {
        let single = text("studio-lumen", lang);
        assert!(!single.contains(eu), "{lang:?}");
        assert!(
            single.contains("72 heures") || single.contains("72 hours"),
            "the sentences are kept, without their opening words"
        );
        assert!(text("logiciels-boreal", lang).contains(eu), "{lang:?}");
    }
}
