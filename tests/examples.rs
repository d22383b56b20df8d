//! The five bundled organisations: each report is snapshotted, and each must
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
    &["sec.mfa.missing", "tp.transfer.unprotected", "trans.cookies.notice_only", "inc.register.missing", "ret.kind_unknown"],
    &["sec.backups.none", "con.express.missing", "gov.records.missing", "tp.none"]
)]
#[case::medical_practice(
    "cabinet-medical",
    &["con.express.necessary", "sec.sensitive.no_assessment", "tp.contract.audit", "sec.mfa.good", "con.children.good"],
    &["con.express.missing", "tp.transfer.unprotected", "gov.governance_policy.missing", "sec.paper.unlocked", "trans.cookies.no_consent"]
)]
#[case::online_shop(
    "boutique-en-ligne",
    &["inc.past.unhandled", "sec.backups.none", "ret.kind_indefinite", "ret.destruction.unsafe", "trans.cookies.notice_only", "con.marketing.implicit", "tp.transfer.unprotected"],
    &["gov.records.missing", "con.express.missing", "rights.portability.missing"]
)]
#[case::quebec_accountant(
    "cabinet-comptable-quebec",
    &["con.express.good", "sec.paper.good", "sec.backups.good", "sec.website.outdated", "tp.contract.breach"],
    &["tp.transfer.unprotected", "gov.governance_policy.missing", "con.express.missing", "inc.register.missing", "gov.records.missing"]
)]
#[case::consultancy(
    "conseil-horizon",
    &["trans.cookies.no_consent", "tp.transfer.unprotected", "gov.officer.missing", "gov.records.missing", "col.new_purpose", "con.optout.hard"],
    &["gov.dpo.missing", "con.express.missing", "gov.governance_policy.missing"]
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
        eval.findings
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
