//! What each bundled organisation's report must never say, in both
//! languages: one law's rule or words in another law's report, implied
//! consent under the GDPR, art. 9 reasoning without art. 9 data, processor
//! clauses for a third party that is not a processor. A consultant who finds
//! one of these phrases cannot sign the report.

mod common;

use common::embedded;
use privaudit::example;
use privaudit::i18n::Lang;
use privaudit::render::markdown;
use privaudit::report::{BuildOptions, build};
use rstest::rstest;

/// Phrases no report under the GDPR alone may contain.
const EU_ONLY: &[&str] = &[
    "consentement implicite",
    "implied consent",
    "LPRPDE",
    "PIPEDA",
    "RLRQ",
    "CQLR",
    "Loi 25",
    "Law 25",
    "Commission d’accès",
    "renseignements personnels",
    "incident de confidentialité",
    "confidentiality incident",
    "breach of security safeguards",
    "témoins",
    "quatre clauses",
    "four essential clauses",
];

/// Phrases no report under Canadian laws alone (PIPEDA, Québec) may contain.
const CANADA_ONLY: &[&str] = &[
    "RGPD",
    "GDPR",
    "CNIL",
    "autorité de contrôle",
    "supervisory authority",
    "sous-traitant",
    "charte informatique",
    "analyse d’impact",
    "impact assessment (DPIA)",
    "registre des traitements",
    "numéro de sécurité sociale",
    "données personnelles",
    "personal data",
    "Privacy Shield",
    "processor",
    "personal data breach",
    "data protection officer",
    "violation de données",
];

/// Phrases no report without Québec may contain.
const NOT_QUEBEC: &[&str] = &["RLRQ", "CQLR", "Loi 25", "Law 25", "Commission d’accès"];

/// Art. 9 reasoning, for organisations without special-category data.
const NO_ART_9: &[&str] = &[
    "art.\u{a0}9",
    "Art.\u{a0}9",
    "article 9",
    "9(2)",
    "catégories particulières",
    "special categories",
];

/// Phrases about care, for organisations that handle no health data (a
/// bakery is not told about « soins »).
const NO_HEALTH: &[&str] = &[
    "soins",
    "health care",
    "patient",
    "dossier médical",
    "medical record",
];

/// Phrases for an organisation established in another EU country: its authority is not the CNIL.
const NOT_FRANCE: &[&str] = &[
    "CNIL",
    "loi Informatique et Libertés",
    "French Data Protection Act",
    "code des postes",
    "Postal and Electronic Communications Code",
    "En France",
    "In France",
];

/// A Québec business with health data (allergies) but no care: no care advice.
const NO_HEALTH_CARE: &[&str] = &["soins", "dossier médical", "health care"];

/// Official titles that contain a phrase a list forbids, and may be cited.
const TITLES: &[&str] = &["Guidelines for processing personal data across borders"];

fn report(name: &str, lang: Lang) -> String {
    let bank = embedded();
    let session = example::open(&bank, name).unwrap();
    let options = BuildOptions {
        lang,
        date: time::macros::date!(2026 - 11 - 22),
    };
    markdown::render(&build(&bank, &session, options))
}

/// The lines of `text` holding `phrase`, case-insensitively.
fn lines_with<'t>(text: &'t str, phrase: &str) -> Vec<&'t str> {
    let phrase = phrase.to_lowercase();
    text.lines()
        .filter(|line| line.to_lowercase().contains(&phrase))
        .collect()
}

#[rstest]
#[case::medical_practice_france("cabinet-medical", &[EU_ONLY])]
#[case::consultancy_eu("conseil-horizon", &[EU_ONLY, NO_ART_9, NO_HEALTH])]
#[case::web_studio_quebec("atelier-pixel", &[CANADA_ONLY, NO_ART_9, NO_HEALTH])]
#[case::online_shop_canada("boutique-en-ligne", &[CANADA_ONLY, NOT_QUEBEC, NO_ART_9, NO_HEALTH])]
#[case::accountant_quebec("cabinet-comptable-quebec", &[CANADA_ONLY, NO_ART_9, NO_HEALTH])]
#[case::it_contractor_france("infogerance-lumiere", &[EU_ONLY, NO_ART_9, NO_HEALTH])]
#[case::yoga_studio_ireland("harbour-yoga", &[EU_ONLY, NO_ART_9, NO_HEALTH, NOT_FRANCE])]
#[case::saas_quebec_with_eu_clients("logiciels-boreal", &[NO_HEALTH_CARE])]
#[case::photo_studio_france("studio-lumen", &[EU_ONLY, NO_ART_9, NO_HEALTH])]
fn a_report_never_says(#[case] name: &str, #[case] lists: &[&[&str]]) {
    for lang in Lang::ALL {
        let text = TITLES.iter().fold(report(name, lang), |text, title| {
            text.replace(title, "[title]")
        });
        let found: Vec<String> = lists
            .iter()
            .flat_map(|list| list.iter())
            .flat_map(|phrase| {
                lines_with(&text, phrase)
                    .into_iter()
                    .map(move |line| format!("«{phrase}» in: {line}"))
            })
            .collect();
        assert!(
            found.is_empty(),
            "{name} ({lang:?}) says what it must not:\n{}",
            found.join("\n")
        );
    }
}
