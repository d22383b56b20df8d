//! What people can do: their rights, withdrawing consent, complaining, and
//! automated decisions (GDPR art. 13(2)(b)–(d), (f)).

use super::Builder;
use crate::answer::Answer;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::law::Jurisdiction::{Ca, Eu, Qc};

impl Builder<'_> {
    /// Art. 13(2)(b): people's rights under each law, how to use them and the time to answer.
    pub(super) fn rights(&self) -> Section {
        let r = self.r;
        let (eu, ca, qc) = (r.under(Eu), r.under(Ca), r.under(Qc));
        let mut rights: Vec<Vec<Span>> = Vec::new();
        let cite = |eu_art: Option<&str>, qc_s: Option<&str>, ca_cl: Option<&str>| {
            let mut refs = Vec::new();
            if let (true, Some(a)) = (eu, eu_art) {
                refs.push(
                    format!("{} {a}", self.t("RGPD, art.", "GDPR, Art.")).replace(". ", ".\u{a0}"),
                );
            }
            if let (true, Some(s)) = (qc, qc_s) {
                refs.push(
                    format!(
                        "{} {s}",
                        self.t("RLRQ c.\u{a0}P-39.1, art.", "CQLR c.\u{a0}P-39.1, s.")
                    )
                    .replace(". ", ".\u{a0}"),
                );
            }
            if let (true, Some(c)) = (ca, ca_cl) {
                refs.push(
                    format!(
                        "{} {c}",
                        self.t("LPRPDE, annexe\u{a0}1, art.", "PIPEDA, Sch.\u{a0}1, cl.")
                    )
                    .replace(". ", ".\u{a0}"),
                );
            }
            if refs.is_empty() {
                String::new()
            } else {
                format!(" ({})", refs.join(self.semicolon()))
            }
        };
        let mut add = |text: String| rights.push(vec![text.into()]);
        add(self.t(
            "accéder aux informations que nous détenons sur vous et en obtenir une copie",
            "access the information we hold about you and get a copy",
        ) + &cite(Some("15"), Some("27"), Some("4.9")));
        // « Équivoque » is the Québec act's word (s. 28); the GDPR (art. 16) and
        // PIPEDA (4.9.5) speak of inaccurate and incomplete information only.
        let (fr, en) = if qc {
            (
                "faire corriger ce qui est inexact, incomplet ou équivoque",
                "have what is inaccurate, incomplete or ambiguous corrected",
            )
        } else {
            (
                "faire corriger ce qui est inexact et compléter ce qui est incomplet",
                "have what is inaccurate corrected and what is incomplete completed",
            )
        };
        add(self.t(fr, en) + &cite(Some("16"), Some("28"), Some("4.9.5")));
        if eu {
            // What the law obliges us to keep is the limit people meet first (art. 17(3)(b)).
            let (own, _) = self.activities();
            let kept_by_law = own.iter().any(|e| {
                e.choice("retention") == Some("legal")
                    || e.selected("basis").iter().any(|b| b == "legal_obligation")
            });
            let (fr, en) = if kept_by_law {
                (
                    "faire effacer vos données dans les cas prévus par la loi, sauf ce que la loi nous impose de conserver",
                    "have your data erased in the cases the law provides, except what the law requires us to keep",
                )
            } else {
                (
                    "faire effacer vos données dans les cas prévus par la loi",
                    "have your data erased in the cases the law provides",
                )
            };
            add(self.t(fr, en) + &cite(Some("17"), None, None));
            add(self.t(
                "faire limiter le traitement de vos données dans les cas prévus par la loi",
                "have the processing of your data restricted in the cases the law provides",
            ) + &cite(Some("18"), None, None));
            if !self.objection_applies() {
                add(self.t(
                    "vous opposer au traitement de vos données dans les cas prévus par la loi",
                    "object to the processing of your data in the cases the law provides",
                ) + &cite(Some("21"), None, None));
            }
        }
        if eu || qc {
            let (fr, en) = if eu && !qc {
                (
                    "recevoir les données que vous nous avez fournies dans un format structuré et couramment utilisé, ou les faire transmettre à un autre organisme, lorsque leur traitement repose sur votre consentement ou sur un contrat",
                    "receive the data you gave us in a structured, commonly used format, or have them sent to another organization, when their processing rests on your consent or a contract",
                )
            } else {
                (
                    "recevoir les informations informatisées que vous nous avez fournies dans un format technologique structuré et couramment utilisé, ou les faire transmettre à un autre organisme",
                    "receive the computerized information you gave us in a structured, commonly used technological format, or have it sent to another organization",
                )
            };
            add(self.spell(&self.t(fr, en)) + &cite(Some("20"), Some("27"), None));
        }
        if qc {
            add(self.t(
                "demander que nous cessions de diffuser une information vous concernant ou que soit désindexé un lien associé à votre nom, lorsque la loi le permet",
                "ask us to stop disseminating information about you or to de-index a link attached to your name, where the law allows it",
            ) + &cite(None, Some("28.1"), None));
        }
        if eu && r.choice("org.establishment") == Some("france") {
            add(self.t(
                "définir des directives sur le sort de vos données après votre décès (loi Informatique et Libertés, art.\u{a0}85)",
                "set directives on what becomes of your data after your death (French loi Informatique et Libertés, Art.\u{a0}85)",
            ));
        }
        let mut blocks = vec![
            Block::Para(vec![
                self.t("Vous avez le droit de\u{a0}:", "You have the right to:")
                    .into(),
            ]),
            Block::Bullets(rights),
        ];
        if eu && self.objection_applies() {
            // Art. 21(4): the right to object is presented clearly and separately.
            blocks.push(Block::Para(vec![self
                .t(
                    "Votre droit d’opposition\u{a0}: vous pouvez à tout moment vous opposer, pour des raisons tenant à votre situation particulière, au traitement de vos données fondé sur notre intérêt légitime, et, sans avoir à vous justifier, à leur utilisation pour de la prospection (RGPD, art.\u{a0}21).",
                    "Your right to object: you can object at any time, on grounds relating to your particular situation, to the processing of your data based on our legitimate interests, and, without giving any reason, to their use for direct marketing (GDPR, Art.\u{a0}21).",
                )
                .into()]));
        }
        let mut how = vec![
            self.t(
                "Pour exercer ces droits, écrivez-nous à ",
                "To exercise these rights, write to us at ",
            )
            .into(),
            self.email(),
        ];
        let channels = self.labels(
            "rights.channels",
            self.ticked("rights.channels")
                .iter()
                .filter(|c| *c != "email"),
        );
        how.push(".".into());
        if !channels.is_empty() {
            let or = format!(" {} ", self.t("ou", "or"));
            let listed = match channels.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, init)) => format!("{}{or}{last}", init.join(", ")),
                None => String::new(),
            };
            how.push(
                format!(
                    " {} {listed}.",
                    self.t(
                        "Vous pouvez aussi présenter votre demande",
                        "You can also make your request"
                    )
                )
                .into(),
            );
        }
        if r.yes("rights.identity") == Some(true) {
            how.push(
                self.t(
                    " Nous vous demanderons peut-être de confirmer votre identité, pour ne communiquer vos informations qu’à vous.",
                    " We may ask you to confirm your identity, so that we give your information to you alone.",
                )
                .into(),
            );
        }
        blocks.push(Block::Para(how));
        let mut delays = Vec::new();
        if eu {
            delays.push(self.t(
                "un mois, prolongeable de deux mois pour une demande complexe (RGPD, art.\u{a0}12(3))",
                "one month, which may be extended by two months for a complex request (GDPR, Art.\u{a0}12(3))",
            ));
        }
        if qc {
            delays.push(self.t(
                "30\u{a0}jours (RLRQ c.\u{a0}P-39.1, art.\u{a0}32)",
                "30\u{a0}days (CQLR c.\u{a0}P-39.1, s.\u{a0}32)",
            ));
        }
        if ca {
            delays.push(self.t(
                "30\u{a0}jours, prolongeables dans certains cas (LPRPDE, art.\u{a0}8(3) et 8(4))",
                "30\u{a0}days, which may be extended in some cases (PIPEDA, s.\u{a0}8(3) and 8(4))",
            ));
        }
        if !delays.is_empty() {
            blocks.push(Block::Para(vec![
                format!(
                    "{} {}.",
                    self.t("Délai de réponse\u{a0}:", "Time to answer:"),
                    delays.join(self.semicolon())
                )
                .into(),
            ]));
        }
        self.section(Item::Rights, self.t("Vos droits", "Your rights"), blocks)
    }

    /// Whether something the policy describes rests on legitimate interests or
    /// is marketing: only then does the right to object of art. 21(1)–(2) bite,
    /// and art. 21(4) wants it set apart.
    fn objection_applies(&self) -> bool {
        let (own, _) = self.activities();
        own.iter().any(|e| {
            e.selected("basis")
                .iter()
                .any(|b| b == "legitimate_interests")
                || e.selected("purposes").iter().any(|p| p == "marketing")
        })
    }

    /// Art. 13(2)(f) and Québec s. 12.1: automated decisions; none when the
    /// interview never asks (PIPEDA alone does not require it).
    pub(super) fn automated(&self) -> Option<Section> {
        let r = self.r;
        if r.ruled_out("rights.automated") {
            return None;
        }
        let span: Span = match r.answer("rights.automated") {
            Some(Answer::Text(choice)) if choice == "none" => self
                .t(
                    "Nous ne prenons aucune décision à votre sujet fondée exclusivement sur un traitement automatisé, y compris le profilage.",
                    "We make no decision about you based solely on automated processing, including profiling.",
                )
                .into(),
            Some(Answer::Text(_)) => self.todo(
                "décisions prises par traitement automatisé, logique suivie, importance et conséquences pour la personne, et comment en faire revoir une par un membre de l’équipe",
                "decisions made by automated processing, the logic involved, their significance and consequences for the person, and how to have one reviewed by a member of the team",
            ),
            _ => self.todo(
                "si des décisions sont prises sur vous par un traitement entièrement automatisé",
                "whether decisions about you are made by fully automated processing",
            ),
        };
        Some(self.section(
            Item::Automated,
            self.t("Décisions automatisées", "Automated decisions"),
            vec![Block::Para(vec![span])],
        ))
    }
}
