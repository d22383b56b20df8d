//! Art. 13(2)(d): a complaint to the organisation, then to the authority
//! each law names.

use super::Builder;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::law::Jurisdiction::{Ca, Eu, Qc};

impl Builder<'_> {
    /// Art. 13(2)(d): complaining to us, then to the authority.
    pub(super) fn complaint(&self) -> Section {
        let r = self.r;
        let mut blocks = Vec::new();
        let mut first = vec![
            self.t(
                "Si vous estimez que nous ne respectons pas vos droits, écrivez-nous d’abord à ",
                "If you believe we are not respecting your rights, write to us first at ",
            )
            .into(),
            self.email(),
            ".".into(),
        ];
        if r.yes("rights.complaints") == Some(true) {
            first.push(
                self.t(
                    " Nous examinons chaque plainte et y répondons par écrit.",
                    " We look into every complaint and answer in writing.",
                )
                .into(),
            );
        }
        blocks.push(Block::Para(first));
        let mut authorities: Vec<Vec<Span>> = Vec::new();
        if r.under(Eu) {
            let mut line: Vec<Span> = match self.lead_authority() {
                Lead::Named(name) => vec![format!("{name}, ").into()],
                Lead::ToFill(span) => vec![span, ", ".into()],
                Lead::OutsideUnion => Vec::new(),
            };
            let anyone = self.t(
                "l’autorité de contrôle de l’État membre où vous vivez, où vous travaillez ou où la violation aurait eu lieu (RGPD, art.\u{a0}77)",
                "the supervisory authority of the Member State where you live, work or where the infringement allegedly took place (GDPR, Art.\u{a0}77)",
            );
            line.push(if line.is_empty() {
                anyone.into()
            } else {
                format!("{} {anyone}", self.t("ou", "or")).into()
            });
            authorities.push(line);
        }
        if r.under(Ca) {
            authorities.push(vec![self
                .t(
                    "le Commissariat à la protection de la vie privée du Canada, www.priv.gc.ca (LPRPDE, art.\u{a0}11)",
                    "the Office of the Privacy Commissioner of Canada, www.priv.gc.ca (PIPEDA, s.\u{a0}11)",
                )
                .into()]);
        }
        if r.under(Qc) {
            let cai = vec![
                self.t(
                    "la Commission d’accès à l’information du Québec, www.cai.gouv.qc.ca",
                    "the Commission d’accès à l’information du Québec, www.cai.gouv.qc.ca",
                )
                .into(),
            ];
            // A business established in Québec answers to the CAI first.
            if r.choice("org.establishment") == Some("quebec") {
                authorities.insert(0, cai);
            } else {
                authorities.push(cai);
            }
        }
        if authorities.is_empty() {
            authorities.push(vec![
                self.todo("autorité compétente", "competent authority"),
            ]);
        }
        // Each authority keeps its own article (« le Commissariat », « la CNIL »):
        // the lead-in never ends in « auprès de ».
        let several = authorities.len() > 1 || r.under(Eu);
        let lead_in = if several {
            "Vous pouvez aussi porter plainte auprès de l’une des autorités suivantes\u{a0}:"
        } else {
            "Vous pouvez aussi porter plainte auprès de l’autorité suivante\u{a0}:"
        };
        blocks.push(Block::Para(vec![
            self.t(lead_in, "You can also complain to:").into(),
        ]));
        blocks.push(Block::Bullets(authorities));
        self.section(
            Item::Complaint,
            self.t("Vous plaindre", "Complaints"),
            blocks,
        )
    }

    /// The supervisory authority of the business's establishment in the Union.
    fn lead_authority(&self) -> Lead {
        let r = self.r;
        let place = r.choice("org.establishment").unwrap_or_default();
        let country = r.choice("org.eu_country").unwrap_or_default();
        let (fr, en) = match (place, country) {
            ("france", _) => (
                "la Commission nationale de l’informatique et des libertés (CNIL), www.cnil.fr",
                "the Commission nationale de l’informatique et des libertés (CNIL), www.cnil.fr",
            ),
            // No establishment in the Union: no lead authority (GDPR art. 56), only art. 77's.
            ("quebec" | "canada_other" | "elsewhere", _) => return Lead::OutsideUnion,
            ("eu_other", "ireland") => (
                "la Data Protection Commission (Irlande), www.dataprotection.ie",
                "the Data Protection Commission (Ireland), www.dataprotection.ie",
            ),
            ("eu_other", "belgium") => (
                "l’Autorité de protection des données (Belgique), www.autoriteprotectiondonnees.be",
                "the Data Protection Authority (Belgium), www.autoriteprotectiondonnees.be",
            ),
            ("eu_other", "luxembourg") => (
                "la Commission nationale pour la protection des données (CNPD, Luxembourg), cnpd.public.lu",
                "the Commission nationale pour la protection des données (CNPD, Luxembourg), cnpd.public.lu",
            ),
            ("eu_other", "spain") => (
                "l’Agencia Española de Protección de Datos (AEPD, Espagne), www.aepd.es",
                "the Agencia Española de Protección de Datos (AEPD, Spain), www.aepd.es",
            ),
            ("eu_other", "italy") => (
                "le Garante per la protezione dei dati personali (Italie), www.garanteprivacy.it",
                "the Garante per la protezione dei dati personali (Italy), www.garanteprivacy.it",
            ),
            ("eu_other", "netherlands") => (
                "l’Autoriteit Persoonsgegevens (Pays-Bas), www.autoriteitpersoonsgegevens.nl",
                "the Autoriteit Persoonsgegevens (Netherlands), www.autoriteitpersoonsgegevens.nl",
            ),
            ("eu_other", "portugal") => (
                "la Comissão Nacional de Proteção de Dados (CNPD, Portugal), www.cnpd.pt",
                "the Comissão Nacional de Proteção de Dados (CNPD, Portugal), www.cnpd.pt",
            ),
            // Germany has one authority per Land; another country is not known here.
            _ => {
                return Lead::ToFill(self.todo(
                    "autorité de contrôle et ses coordonnées",
                    "supervisory authority and its contact details",
                ));
            }
        };
        Lead::Named(self.t(fr, en))
    }
}

/// The supervisory authority a complaint goes to first, under the GDPR.
enum Lead {
    /// Named by the answers.
    Named(String),
    /// Not known from the answers.
    ToFill(Span),
    /// The business has no establishment in the Union, hence no lead authority.
    OutsideUnion,
}
