//! The advice reads like one consultant wrote it: each gap said once, never
//! advice that contradicts an answer, and summary counts that equal the
//! lists they count. Run on every bundled organisation, in both languages.

mod common;

use common::embedded;
use privaudit::bank::Bank;
use privaudit::condition::{Condition, Truth};
use privaudit::example;
use privaudit::flow::Visible;
use privaudit::i18n::Lang;
use privaudit::report::{Block, BuildOptions, FindingBlock, Report, build};
use privaudit::session::Session;
use serde_json::json;

fn report(bank: &Bank, session: &Session, lang: Lang) -> Report {
    let options = BuildOptions {
        lang,
        date: time::macros::date!(2026 - 11 - 22),
    };
    build(bank, session, options)
}

/// Every finding block of the report's chapters.
fn findings(report: &Report) -> Vec<&FindingBlock> {
    report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Finding(f) => Some(f),
            _ => None,
        })
        .collect()
}

fn every_report(mut check: impl FnMut(&str, &Session, Lang, &Report)) {
    let bank = embedded();
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        for lang in Lang::ALL {
            check(name, &session, lang, &report(&bank, &session, lang));
        }
    }
}

/// Two different rules that give the same advice are one gap said twice.
#[test]
fn no_two_rules_give_the_same_advice() {
    every_report(|name, _, lang, report| {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for f in findings(report) {
            let first = f
                .recommendation
                .split_inclusive(". ")
                .next()
                .unwrap_or_default();
            if let Some((other, _)) = seen
                .iter()
                .find(|(rule, text)| *rule != f.rule && *text == first)
            {
                panic!(
                    "{name} ({lang:?}): {} and {other} open with the same advice: {first}",
                    f.rule
                );
            }
            seen.push((&f.rule, first));
        }
    });
}

/// Answers, and what the report must then never advise. Each condition is
/// read on the organisation's answers; the phrases on every finding.
fn contradictions() -> Vec<(serde_json::Value, Vec<&'static str>)> {
    vec![
        (
            json!({"no": "org.website"}),
            vec![
                "HTTPS",
                "bannière",
                "banner",
                "sur votre site",
                "on your website",
            ],
        ),
        (json!({"no": "sec.paper"}), vec!["déchiquet", "shred"]),
        (
            json!({"includes": {"question": "sec.mobile_measures", "option": "encryption"}}),
            vec!["Chiffrez les portables", "Encrypt the laptops"],
        ),
        (
            json!({"yes": "consent.double_opt_in"}),
            vec![
                "confirmez chaque inscription par courriel",
                "confirm each sign-up by e-mail",
            ],
        ),
        (
            json!({"equals": {"question": "consent.marketing_form", "value": "unticked"}}),
            vec!["case pré-cochée", "pre-checked box", "pre-ticked"],
        ),
        (
            json!({"no": "sensitive.collects"}),
            vec!["soins", "health care", "dossier médical", "medical record"],
        ),
        (
            json!({"equals": {"question": "sec.backups", "value": "tested"}}),
            vec!["Restaurez un dossier", "Restore a random folder"],
        ),
    ]
}

#[test]
fn no_finding_advises_against_an_answer() {
    let bank = embedded();
    let table = contradictions();
    every_report(|name, session, lang, report| {
        let visible = Visible::new(&bank, &session.answers);
        for (when, phrases) in &table {
            let condition: Condition = serde_json::from_value(when.clone()).unwrap();
            if condition.eval(&visible) != Truth::True {
                continue;
            }
            for f in findings(report) {
                let text = format!("{} {} {}", f.title, f.finding, f.recommendation).to_lowercase();
                for phrase in phrases {
                    assert!(
                        !text.contains(&phrase.to_lowercase()),
                        "{name} ({lang:?}): {} says «{phrase}» although {when}",
                        f.rule
                    );
                }
            }
        }
    });
}

/// The summary's figures count exactly what the report lists.
#[test]
fn summary_counts_equal_the_lists() {
    every_report(|name, _, lang, report| {
        let blocks: Vec<&Block> = report.sections.iter().flat_map(|s| &s.blocks).collect();
        let figures: Vec<String> = blocks
            .iter()
            .find_map(|b| match b {
                Block::KeyFigures { figures } => {
                    Some(figures.iter().map(|f| f.value.clone()).collect())
                }
                _ => None,
            })
            .unwrap();
        let leading = |s: &str| -> usize {
            s.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap()
        };
        let actions = blocks
            .iter()
            .find_map(|b| match b {
                Block::Actions { items } => Some(items.len()),
                _ => None,
            })
            .unwrap_or(0);
        let good = findings(report)
            .iter()
            .filter(|f| f.severity == privaudit::bank::Severity::GoodPractice)
            .count();
        let gaps_in_chapters = findings(report)
            .iter()
            .filter(|f| f.severity.is_gap())
            .count();
        let to_verify = report
            .sections
            .iter()
            .find(|s| s.id == "action-plan")
            .and_then(|s| {
                s.blocks.iter().rev().find_map(|b| match b {
                    Block::Bullets { items } => Some(items.len()),
                    _ => None,
                })
            })
            .unwrap_or(0);
        // Overall score, gaps, good practices, points to verify, completion.
        assert_eq!(
            leading(&figures[1]),
            actions,
            "{name} ({lang:?}): gaps vs action plan"
        );
        assert_eq!(
            actions, gaps_in_chapters,
            "{name} ({lang:?}): action plan vs chapters"
        );
        assert_eq!(
            leading(&figures[2]),
            good,
            "{name} ({lang:?}): good practices"
        );
        assert_eq!(
            leading(&figures[3]),
            to_verify,
            "{name} ({lang:?}): points to verify"
        );
    });
}

/// Severity follows what is at stake: a two-person studio that only holds
/// names and e-mail addresses is not told its gaps are as grave as a
/// medical practice's, while the practice keeps its health-data findings
/// high or critical.
#[test]
fn severity_follows_the_stakes() {
    use privaudit::bank::Severity;
    let bank = embedded();
    let grave = |f: &&FindingBlock| matches!(f.severity, Severity::Critical | Severity::High);
    for lang in Lang::ALL {
        let studio = report(&bank, &example::open(&bank, "studio-lumen").unwrap(), lang);
        let studio_grave: Vec<&str> = findings(&studio)
            .into_iter()
            .filter(grave)
            .map(|f| f.rule.as_str())
            .collect();
        assert!(
            studio_grave.len() <= 3,
            "studio-lumen ({lang:?}) has {} high or critical findings: {studio_grave:?}",
            studio_grave.len()
        );
        // The medical practice and the studio, each without two-factor
        // authentication and backups: the same gaps weigh more over health data.
        let without_safeguards = |name: &str| {
            let mut session = example::open(&bank, name).unwrap();
            let mut answers = serde_json::to_value(&session.answers).unwrap();
            answers["sec.mfa"] = json!(false);
            answers["sec.backups"] = json!("none");
            session.answers = serde_json::from_value(answers).unwrap();
            report(&bank, &session, lang)
        };
        let severity_of = |report: &Report, rule: &str| {
            findings(report)
                .into_iter()
                .find(|f| f.rule == rule)
                .map(|f| (f.severity, f.finding.clone()))
                .unwrap_or_else(|| panic!("{rule} does not apply"))
        };
        let medical = without_safeguards("cabinet-medical");
        let studio = without_safeguards("studio-lumen");
        for rule in ["sec.mfa.missing", "sec.backups.none"] {
            let (at_medical, text) = severity_of(&medical, rule);
            let (at_studio, _) = severity_of(&studio, rule);
            assert!(
                matches!(at_medical, Severity::Critical | Severity::High),
                "cabinet-medical ({lang:?}): {rule} is only {at_medical:?}"
            );
            assert!(
                at_studio > at_medical,
                "{rule} weighs as much for the studio ({at_studio:?}) as for the medical practice"
            );
            let reason = if lang == Lang::Fr { "santé" } else { "health" };
            assert!(text.contains(reason), "{rule} does not say why: {text}");
        }
    }
}

/// The medical practice as shipped: its missing two-factor authentication
/// is a high-priority gap, and the report says it is because of health data.
#[test]
fn the_medical_practice_s_gaps_weigh_as_health_data_do() {
    let bank = embedded();
    let session = example::open(&bank, "cabinet-medical").unwrap();
    let report = report(&bank, &session, Lang::Fr);
    let mfa = findings(&report)
        .into_iter()
        .find(|f| f.rule == "sec.mfa.missing")
        .expect("the practice has no two-factor authentication");
    assert_eq!(mfa.severity, privaudit::bank::Severity::High);
    assert!(
        mfa.finding
            .contains("Priorité élevée, car vous traitez des informations de santé"),
        "{}",
        mfa.finding
    );
}

/// A "don't know" is listed to verify by its question, never under a gap's
/// title that states a fault nobody answered (« Site web non mis à jour »).
#[test]
fn a_point_to_verify_names_the_question_not_a_fault() {
    let bank = embedded();
    let session = example::open(&bank, "conseil-horizon").unwrap();
    let md = privaudit::render::markdown::render(&report(&bank, &session, Lang::Fr));
    let list = md
        .split("### Points à vérifier")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a list of points to verify");
    assert!(
        list.contains("**Mises à jour du site** — réponse «\u{a0}Je ne sais pas\u{a0}»"),
        "{list}"
    );
    assert!(!list.contains("non mis à jour"), "{list}");
}
