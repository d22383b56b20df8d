//! Who answers for the information: the organisation, its representative in the
//! Union, its data protection officer or person in charge (GDPR art. 13(1)(a)–(b)).

use super::Builder;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::law::Jurisdiction::{Eu, Qc};

impl Builder<'_> {
    /// Art. 13(1)(a): who is responsible, how to reach them, and the art. 27 representative.
    pub(super) fn identity(&self) -> Section {
        let r = self.r;
        let mut first = vec![
            Span::from(r.value("org.name")),
            ", ".into(),
            r.value("org.address").into(),
            ". ".into(),
        ];
        first.push(
            self.t(
                "Pour toute question sur cette politique ou sur vos ",
                "For any question about this policy or your ",
            )
            .into(),
        );
        first.push(
            format!(
                "{}{}",
                self.pi,
                self.t(", écrivez-nous à ", ", write to us at ")
            )
            .into(),
        );
        first.push(self.email());
        first.push(".".into());
        let mut blocks = vec![Block::Para(first)];
        if r.yes("org.website") == Some(true) {
            blocks.push(Block::Para(vec![
                format!("{}{} ", self.t("Notre site", "Our website"), self.colon()).into(),
                r.value("org.website_url").into(),
            ]));
        }
        if !r.ruled_out("org.eu_representative") {
            let representative = match r.yes("org.eu_representative") {
                Some(true) => self.todo(
                    "nom et coordonnées de notre représentant",
                    "name and contact details of our representative",
                ),
                _ => self.todo(
                    "représentant à désigner dans l’Union",
                    "representative to designate in the Union",
                ),
            };
            blocks.push(Block::Para(vec![
                format!(
                    "{}{} ",
                    self.t(
                        "Notre représentant dans l’Union européenne (RGPD, art.\u{a0}27)",
                        "Our representative in the European Union (GDPR, Art.\u{a0}27)"
                    ),
                    self.colon()
                )
                .into(),
                representative,
            ]));
        }
        self.section(
            Item::Identity,
            self.t("Qui sommes-nous\u{a0}?", "Who we are"),
            blocks,
        )
    }

    /// Art. 13(1)(b): the data protection officer, or the person in charge.
    pub(super) fn contact(&self) -> Section {
        let r = self.r;
        let eu = r.under(Eu);
        let mut blocks = Vec::new();
        if eu && !r.ruled_out("org.dpo") {
            let dpo = match r.yes("org.dpo") {
                Some(true) => self.todo(
                    "nom ou fonction et coordonnées du délégué",
                    "name or title and contact details of the officer",
                ),
                _ => self.todo(
                    "délégué à désigner (RGPD, art. 37)",
                    "officer to designate (GDPR, Art. 37)",
                ),
            };
            blocks.push(Block::Para(vec![
                format!(
                    "{}{} ",
                    self.t(
                        "Notre délégué à la protection des données",
                        "Our data protection officer"
                    ),
                    self.colon()
                )
                .into(),
                dpo,
            ]));
        }
        let person = match r.yes("org.officer") {
            Some(true) => Span::from(r.value("org.officer_name")),
            Some(false) if r.under(Qc) => self.todo(
                "titre et coordonnées de la personne responsable (à défaut de désignation, la personne ayant la plus haute autorité)",
                "title and contact details of the person in charge (failing a designation, the person with the highest authority)",
            ),
            Some(false) if !eu => self.todo(
                "nom ou titre de la personne responsable",
                "name or title of the person accountable",
            ),
            Some(false) => Span::from(String::new()),
            None => self.todo(
                "nom ou titre de la personne responsable",
                "name or title of the person in charge",
            ),
        };
        if !person.text.is_empty() {
            blocks.push(Block::Para(vec![
                format!(
                    "{}{} ",
                    self.t(
                        "Personne responsable de la protection de vos ",
                        "Person in charge of protecting your "
                    ) + self.pi,
                    self.colon()
                )
                .into(),
                person,
                format!(
                    ". {}",
                    self.t("Vous pouvez lui écrire à ", "You can write to them at ")
                )
                .into(),
                self.email(),
                ".".into(),
            ]));
        }
        if blocks.is_empty() {
            blocks.push(Block::Para(vec![
                self.t(
                    "Nous n’avons pas désigné de délégué à la protection des données. Pour toute question, écrivez-nous à ",
                    "We have not designated a data protection officer. For any question, write to us at ",
                )
                .into(),
                self.email(),
                ".".into(),
            ]));
        }
        let title = if eu && r.yes("org.dpo") == Some(true) {
            self.t(
                "Délégué à la protection des données",
                "Data protection officer",
            )
        } else {
            self.t("Qui contacter", "Whom to contact")
        };
        self.section(Item::Contact, title, blocks)
    }
}
