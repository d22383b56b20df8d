//! What people can do: their rights, withdrawing consent, complaining, and
//! automated decisions (GDPR art. 13(2)(b)–(d), (f)).

use super::Builder;
use crate::answer::Answer;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::i18n::Lang;
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
        if eu
            && r.answer("org.establishment")
                .is_some_and(|a| a == &Answer::Text("france".into()))
        {
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

    /// Art. 13(2)(c): withdrawing consent.
    pub(super) fn withdrawal(&self) -> Section {
        let r = self.r;
        let (own, _) = self.activities();
        let consent_based = own.iter().any(|e| {
            e.selected("basis").iter().any(|b| b == "consent") || self.wrong_interests(e).is_some()
        }) || r.yes("trans.cookies") == Some(true);
        let bases_known = !own.is_empty() && own.iter().all(|e| !e.selected("basis").is_empty());
        let mut blocks = Vec::new();
        if r.under(Eu) && !r.under(Ca) && !r.under(Qc) && bases_known && !consent_based {
            blocks.push(Block::Para(vec![self
                .t(
                    "Aucun des traitements décrits ci-dessus ne repose sur votre consentement. Si nous vous le demandons un jour, vous pourrez le retirer à tout moment.",
                    "None of the processing described above rests on your consent. Should we ever ask for it, you will be able to withdraw it at any time.",
                )
                .into()]));
        } else {
            let how: Span = if r.yes("consent.withdrawal") == Some(false) {
                self.todo(
                    "comment retirer son consentement aussi simplement qu’on l’a donné",
                    "how to withdraw consent as easily as it was given",
                )
            } else {
                self.t(
                    "aussi simplement que vous l’avez donné, en nous écrivant à ",
                    "as easily as you gave it, by writing to us at ",
                )
                .into()
            };
            let mut para = vec![
                self.t(
                    "Lorsque nous utilisons vos informations avec votre consentement, vous pouvez le retirer à tout moment, ",
                    "Where we use your information with your consent, you can withdraw it at any time, ",
                )
                .into(),
                how.clone(),
            ];
            if !how.to_fill {
                para.push(self.email());
            }
            if r.under(Qc) {
                para.push(
                    self.t(
                        " (RLRQ c.\u{a0}P-39.1, art.\u{a0}8)",
                        " (CQLR c.\u{a0}P-39.1, s.\u{a0}8)",
                    )
                    .into(),
                );
            }
            para.push(".".into());
            let mut refs = Vec::new();
            if r.under(Eu) {
                refs.push(self.t(
                    " Le retrait ne remet pas en cause ce que nous avons fait avant (RGPD, art.\u{a0}7(3)).",
                    " Withdrawal does not affect what we did before (GDPR, Art.\u{a0}7(3)).",
                ));
            }
            if r.under(Ca) {
                refs.push(self.t(
                    " Nous vous dirons ce que le retrait implique, par exemple un service que nous ne pourrions plus vous rendre (LPRPDE, annexe\u{a0}1, art.\u{a0}4.3.8).",
                    " We will tell you what withdrawing implies, for example a service we could no longer provide (PIPEDA, Sch.\u{a0}1, cl.\u{a0}4.3.8).",
                ));
            }
            para.extend(refs.into_iter().map(Span::from));
            blocks.push(Block::Para(para));
        }
        blocks.extend(self.mailings());
        self.section(
            Item::Withdrawal,
            self.t("Retirer votre consentement", "Withdrawing your consent"),
            blocks,
        )
    }

    /// How people come to receive the promotional mailings, and what every
    /// mailing carries, as the answers say: a way to unsubscribe, a tracking
    /// pixel and whether it needs the subscriber's agreement.
    fn mailings(&self) -> Option<Block> {
        let mut spans: Vec<Span> = Vec::new();
        let newsletters = self.r.term("newsletters");
        let signup: Option<Span> = match self.r.answer("consent.marketing_form") {
            Some(Answer::Text(form)) => match form.as_str() {
                "unticked" | "signup_form" => Some(
                    match self.lang {
                        Lang::Fr => format!(
                            "Nous ne vous envoyons nos {newsletters} et nos offres que si vous vous y êtes inscrit vous-même."
                        ),
                        Lang::En => format!(
                            "We send you our {newsletters} and offers only if you signed up for them yourself."
                        ),
                    }
                    .into(),
                ),
                // E-mail prospecting without consent, as EU law allows it
                // (ePrivacy art. 13(2)): customers about similar products, and
                // professionals; writing to us or opening an account is no ground.
                "implicit" if self.r.under(Eu) => Some(self.soft_opt_in().into()),
                "implicit" => Some(
                    self.t(
                        // Implied consent from a business relationship is limited in time.
                        "Lorsque vous achetez chez nous, créez un compte ou nous écrivez, nous pouvons vous envoyer nos offres pendant deux ans après votre dernier achat (six mois après une demande de renseignements), comme le permet la Loi canadienne anti-pourriel.",
                        "When you buy from us, open an account or write to us, we may send you our offers for two years after your last purchase (six months after an inquiry), as Canada’s Anti-Spam Legislation allows.",
                    )
                    .into(),
                ),
                "customers_similar" => Some(
                    self.t(
                        "Nous n’envoyons nos offres qu’à nos clients, au sujet de produits ou services semblables à ceux qu’ils ont achetés\u{a0}; vous pouvez les refuser dès votre commande.",
                        "We send our offers only to our customers, about products or services similar to those they bought; you can refuse them when you order.",
                    )
                    .into(),
                ),
                "professionals" => Some(
                    self.t(
                        "Nous n’envoyons nos offres qu’à des professionnels, à leur adresse de travail, au sujet de leur métier.",
                        "We send our offers only to professionals, at their work address, about their line of work.",
                    )
                    .into(),
                ),
                _ => Some(self.todo(
                    "comment les personnes acceptent de recevoir nos envois promotionnels\u{a0}: aujourd’hui, la case est déjà cochée",
                    "how people agree to receive our promotional mailings: today the box is already ticked",
                )),
            },
            _ => None,
        };
        spans.extend(signup);
        let ticked = self.ticked("consent.mailing");
        let has = |option: &str| ticked.iter().any(|t| t == option);
        let mut add = |span: Span| {
            if !spans.is_empty() {
                spans.push(" ".into());
            }
            spans.push(span);
        };
        if has("unsubscribe") {
            add(self
                .t(
                    "Chacun de nos envois promotionnels contient un lien pour vous désinscrire.",
                    "Each of our promotional mailings contains a link to unsubscribe.",
                )
                .into());
        } else if !ticked.is_empty() {
            add(self.todo(
                "comment se désinscrire\u{a0}: aujourd’hui nos envois ne contiennent pas de lien de désinscription",
                "how to unsubscribe: today our mailings contain no unsubscribe link",
            ));
        }
        if has("tracking") {
            let mut text = self.t(
                "Nos envois contiennent un pixel de suivi qui nous indique si vous les ouvrez et cliquez sur leurs liens.",
                "Our mailings contain a tracking pixel that tells us whether you open them and click their links.",
            );
            if has("tracking_consent") {
                text.push_str(&self.t(
                    " Nous ne l’utilisons qu’avec votre accord.",
                    " We use it only with your agreement.",
                ));
            }
            add(text.into());
        }
        (!spans.is_empty()).then_some(Block::Para(spans))
    }

    /// Whom EU law lets us e-mail offers without prior consent, and how they
    /// object, citing the national law where the bank names it.
    fn soft_opt_in(&self) -> String {
        let r = self.r;
        let national = r.answer("org.establishment") == Some(&Answer::Text("france".into()))
            || r.answer("org.eu_country") == Some(&Answer::Text("ireland".into()));
        let law = if national {
            r.term("eprivacy_marketing_law")
                .replace("art. ", "art.\u{a0}")
                .replace("Art. ", "Art.\u{a0}")
                .replace("L. ", "L.\u{a0}")
                .replace("n° ", "n°\u{a0}")
        } else {
            self.t(
                "directive 2002/58/CE, art.\u{a0}13(2)",
                "Directive 2002/58/EC, Art.\u{a0}13(2)",
            )
        };
        match self.lang {
            Lang::Fr => format!(
                "Si vous êtes déjà client, nous pouvons vous envoyer par courriel des offres sur des produits ou services analogues à ceux que vous nous avez achetés\u{202f}; vous pouvez vous y opposer dès maintenant et à chaque envoi ({law}). Si vous êtes un professionnel, nous pouvons vous écrire à votre adresse professionnelle au sujet de votre activité\u{202f}; vous pouvez vous y opposer à tout moment."
            ),
            Lang::En => format!(
                "If you are already a customer, we may e-mail you offers about products or services similar to those you bought from us; you can object now and in every mailing ({law}). If you are a professional, we may write to you at your work address about your line of work; you can object at any time."
            ),
        }
    }

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
            if r.answer("org.establishment") == Some(&Answer::Text("quebec".into())) {
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
        blocks.push(Block::Para(vec![
            if several {
                self.t(
                    "Vous pouvez aussi porter plainte auprès de l’une des autorités suivantes\u{a0}:",
                    "You can also complain to:",
                )
            } else {
                self.t(
                    "Vous pouvez aussi porter plainte auprès de l’autorité suivante\u{a0}:",
                    "You can also complain to:",
                )
            }
            .into(),
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
        let place = match r.answer("org.establishment") {
            Some(Answer::Text(place)) => place.as_str(),
            _ => "",
        };
        let country = match r.answer("org.eu_country") {
            Some(Answer::Text(country)) => country.as_str(),
            _ => "",
        };
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

/// The supervisory authority a complaint goes to first, under the GDPR.
enum Lead {
    /// Named by the answers.
    Named(String),
    /// Not known from the answers.
    ToFill(Span),
    /// The business has no establishment in the Union, hence no lead authority.
    OutsideUnion,
}
