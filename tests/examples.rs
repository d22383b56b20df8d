//! The bundled organisations: each report is snapshotted, and each must
//! (and must not) produce the findings its answers call for.

mod common;

use common::embedded;
use privaudit::example;
use privaudit::render::markdown;
use privaudit::report::{BuildOptions, build};
use privaudit::rules::{Outcome, evaluate};
use rstest::rstest;

#[rstest]
#[case::web_studio(
    "atelier-pixel",
    &["sec.mfa.missing", "tp.transfer.qc", "tp.contract.qc", "trans.cookies.notice_only", "inc.plan.missing", "act.staff.retention", "trans.policy.no_transfers_qc", "ret.periods.missing_indefinite"],
    &["sec.backups.none", "con.express.missing", "gov.records.missing", "tp.none", "gov.provider.advice", "con.basis.unknown", "inc.register.missing", "trans.policy.no_transfers", "trans.policy.no_transfers_ca"]
)]
#[case::medical_practice(
    "cabinet-medical",
    &["con.special.health_care", "sec.sensitive.assessment_advice", "sec.mfa.missing", "sec.backups.local", "trans.policy.old"],
    &["con.express.missing", "sec.sensitive.no_assessment", "con.implied.transactions", "gov.processor.contracts", "sec.paper.unlocked", "trans.cookies.no_consent", "gov.officer.missing", "con.children.age_good_eu", "con.children.no_parental_eu", "sec.mfa.good"]
)]
#[case::online_shop(
    "boutique-en-ligne",
    &["inc.past.unhandled", "sec.backups.none", "ret.periods.missing_indefinite", "ret.destruction.unsafe", "trans.cookies.notice_only", "con.marketing.implicit", "tp.contract.ca"],
    &["gov.records.missing", "con.express.missing", "rights.portability.missing", "tp.transfer.qc", "tp.transfer.eu_none"]
)]
#[case::quebec_accountant(
    "cabinet-comptable-quebec",
    &["con.express.good", "sec.paper.good", "sec.backups.good", "sec.website.outdated", "tp.contract.qc_sensitive", "tp.transfer.qc_good"],
    &["tp.transfer.qc", "gov.governance_policy.missing", "con.express.missing", "inc.register.missing", "gov.records.missing"]
)]
#[case::consultancy(
    "conseil-horizon",
    &["trans.cookies.no_consent", "tp.transfer.eu_none", "con.basis.li_balancing_missing", "gov.records.missing", "col.new_purpose", "con.optout.hard", "trans.policy.incomplete"],
    &["gov.dpo.missing", "con.express.missing", "gov.governance_policy.missing", "gov.officer.missing", "con.implied.transactions", "gov.processor.contracts", "con.basis.trackers_li", "con.proof.missing", "con.withdrawal.missing", "ret.closure.good", "con.basis.identified", "ret.audience_fr"]
)]
#[case::it_contractor(
    "infogerance-lumiere",
    &["gov.records.processor_good", "tp.contract.eu", "tp.transfer.eu_tia", "con.basis.identified"],
    &["gov.processor.contracts", "gov.processor.breach", "con.special.no_condition", "sec.sensitive.no_assessment", "gov.representative.missing", "gov.processor.subprocessors"]
)]
#[case::yoga_studio_on_us_tools(
    "harbour-yoga",
    &["tp.transfer.eu_privacy_shield", "tp.transfer.eu_tia", "tp.transfer.eu_unknown", "tp.transfer.eu_good", "con.basis.marketing_consent_collected", "gov.records.missing", "trans.policy.old", "ret.periods.missing_indefinite"],
    &["gov.processor.contracts", "gov.representative.missing", "con.implied.transactions", "tp.contract.qc", "tp.transfer.eu_none", "con.basis.marketing_li", "con.basis.li_balancing_missing", "con.basis.trackers_li"]
)]
#[case::quebec_saas_with_eu_clients(
    "logiciels-boreal",
    &["gov.representative.missing", "tp.transfer.qc", "gov.records.processor_missing", "con.special.for_clients", "gov.processor.good", "tp.transfer.qc_good", "sec.development.qc_pia_missing", "con.announced.transactions"],
    &["con.special.no_condition", "tp.transfer.eu_none", "tp.transfer.eu_privacy_shield", "gov.processor.contracts", "sec.sensitive.no_assessment", "con.special.explicit_consent", "con.express.good", "con.express.for_clients"]
)]
#[case::photo_studio(
    "studio-lumen",
    &["gov.records.missing", "inc.plan.missing", "sec.mfa.missing", "rights.requests.good", "trans.policy.retention_good", "act.none"],
    &["inc.register.missing", "inc.notify.missing", "con.implied.transactions", "tp.transfer.eu_none", "trans.cookies.no_consent", "sec.website.no_https", "sec.paper.unlocked", "con.special.no_condition"]
)]
fn findings_follow_the_answers(
    #[case] name: &str,
    #[case] must: &[&str],
    #[case] must_not: &[&str],
) {
    let bank = embedded();
    let session = example::open(&bank, name).unwrap();
    let eval = evaluate(&bank, &session.answers);
    let outcome = |id: &str| {
        eval.rules
            .iter()
            .find(|f| f.rule.id == id)
            .unwrap_or_else(|| panic!("no rule {id}"))
            .outcome
    };
    for id in must {
        assert_eq!(outcome(id), Outcome::Applies, "{name} must produce {id}");
    }
    for id in must_not {
        assert_ne!(
            outcome(id),
            Outcome::Applies,
            "{name} must not produce {id}"
        );
    }
}

/// The studio's report is snapshotted in both languages by tests/report.rs.
#[rstest]
#[case("cabinet-medical")]
#[case("boutique-en-ligne")]
#[case("cabinet-comptable-quebec")]
#[case("conseil-horizon")]
#[case("infogerance-lumiere")]
#[case("harbour-yoga")]
#[case("logiciels-boreal")]
#[case("studio-lumen")]
fn report_snapshot(#[case] name: &str) {
    let bank = embedded();
    let session = example::open(&bank, name).unwrap();
    let options = BuildOptions {
        lang: session.lang,
        date: time::macros::date!(2026 - 11 - 22),
    };
    let md = markdown::render(&build(&bank, &session, options));
    insta::assert_snapshot!(format!("example_{name}"), md);
}

#[test]
fn reports_cite_only_the_laws_of_the_jurisdictions_selected() {
    let bank = embedded();
    for (name, present, absent) in [
        ("cabinet-medical", "RGPD", ["LPRPDE", "RLRQ"]),
        ("boutique-en-ligne", "LPRPDE", ["RGPD", "RLRQ"]),
        ("cabinet-comptable-quebec", "RLRQ", ["RGPD", "LPRPDE"]),
    ] {
        let session = example::open(&bank, name).unwrap();
        let options = BuildOptions {
            lang: session.lang,
            date: time::macros::date!(2026 - 11 - 22),
        };
        let md = markdown::render(&build(&bank, &session, options));
        assert!(md.contains(present), "{name} cites {present}");
        for law in absent {
            assert!(!md.contains(law), "{name} does not cite {law}");
        }
    }
}
