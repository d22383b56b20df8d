//! What is collected, why and on what basis: the activities, data obtained from
//! others, special categories, legitimate interests and whether data are required.

use super::Builder;
use crate::answer::Answer;
use crate::documents::EntryView;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::i18n::{Lang, join_list};
use crate::law::Jurisdiction::{Eu, Qc};

impl Builder<'_> {
    /// A lawful basis as a policy states it, with its point of art. 6(1).
    pub(super) fn basis(&self, id: &str) -> Option<String> {
        let (fr, en, point) = match id {
            "contract" => (
                "l’exécution d’un contrat avec vous, ou de mesures prises à votre demande avant sa conclusion",
                "the performance of a contract with you, or steps taken at your request before entering into it",
                "b",
            ),
            "legal_obligation" => (
                "le respect d’une obligation légale",
                "compliance with a legal obligation",
                "c",
            ),
            "consent" => ("votre consentement", "your consent", "a"),
            "legitimate_interests" => ("notre intérêt légitime", "our legitimate interests", "f"),
            "vital_interests" => (
                "la sauvegarde des intérêts vitaux d’une personne",
                "protecting someone’s vital interests",
                "d",
            ),
            "public_task" => (
                "l’exécution d’une mission d’intérêt public",
                "the performance of a task in the public interest",
                "e",
            ),
            _ => return None,
        };
        Some(match self.lang {
            Lang::Fr => format!("{fr} (RGPD, art.\u{a0}6(1)({point}))"),
            Lang::En => format!("{en} (GDPR, Art.\u{a0}6(1)({point}))"),
        })
    }

    /// Art. 13(1)(c): each activity's people, data, purposes and lawful basis.
    pub(super) fn purposes(&self) -> Section {
        let (own, for_clients) = self.activities();
        let mut blocks = Vec::new();
        if own.is_empty() && for_clients.is_empty() {
            blocks.push(Block::Para(vec![self.todo(
                "ce que vous recueillez, sur qui et pourquoi",
                "what you collect, about whom and why",
            )]));
        }
        for e in &own {
            blocks.push(Block::Heading(e.name.clone()));
            let mut lines = vec![
                self.line(
                    &self.t("Personnes concernées", "About whom"),
                    self.in_sentence(e.value("people")),
                ),
                self.line(
                    &self.t("Ce que nous recueillons", "What we collect"),
                    self.in_sentence(e.value("what")),
                ),
                self.line(&self.t("Pourquoi", "Why"), self.why(e)),
                self.line(
                    &self.t("Qui les recueille", "Who collects it"),
                    e.value("who_collects").into(),
                ),
                self.line(
                    // The answer may name someone outside (an accountant), so not « chez nous ».
                    &self.t("Qui les utilise", "Who uses it"),
                    e.value("used_by").into(),
                ),
            ];
            if !e.ruled_out("basis") {
                let wrong = self.wrong_interests(e);
                let bases: Vec<String> = e
                    .selected("basis")
                    .iter()
                    .filter(|id| wrong.is_none() || *id != "legitimate_interests")
                    .filter_map(|id| self.basis(id))
                    .collect();
                let mut line = self.line(&self.t("Base légale", "Lawful basis"), {
                    if bases.is_empty() && wrong.is_none() {
                        Span::from(e.value("basis"))
                    } else {
                        join_list(&bases, self.lang).into()
                    }
                });
                if let Some(wrong) = wrong {
                    // The legitimate interest the report rejects is not published as a fact.
                    if bases.is_empty() {
                        line.pop();
                    } else {
                        line.push(self.semicolon().into());
                    }
                    line.push(self.consent_needed(wrong));
                }
                lines.push(line);
            }
            blocks.push(Block::Bullets(lines));
        }
        if let Some(block) = self.special_categories(&own, !for_clients.is_empty()) {
            blocks.push(block);
        }
        blocks.extend(self.express_consent());
        blocks.extend(self.consent_by_giving());
        blocks.extend(self.testimonials());
        blocks.extend(self.other_sources(&own));
        if !for_clients.is_empty() {
            let names: Vec<String> = for_clients.iter().map(|e| e.name.clone()).collect();
            blocks.push(Block::Para(vec![
                match self.lang {
                    Lang::Fr => format!(
                        "Nous traitons aussi des {} pour le compte de nos clients ({})\u{a0}: nous le faisons sur leurs instructions, et c’est leur propre politique qui vous renseigne sur ces traitements.",
                        self.pi,
                        join_list(&names, self.lang)
                    ),
                    Lang::En => format!(
                        "We also process {} on behalf of our clients ({}): we do so on their instructions, and their own policy tells you about that processing.",
                        self.pi,
                        join_list(&names, self.lang)
                    ),
                }
                .into(),
            ]));
        }
        self.section(
            Item::Purposes,
            self.t(
                "Ce que nous recueillons, et pourquoi",
                "What we collect, and why",
            ),
            blocks,
        )
    }

    /// What people whose contact details come from others must learn (GDPR
    /// art. 14(1)(c)–(d) and 14(2)(f)): the purpose, the lawful basis, the
    /// categories obtained and their source. The categories are those the
    /// inventory records about prospects; no answer names the source, so it
    /// is always to complete.
    fn other_sources(&self, own: &[EntryView<'_>]) -> Vec<Block> {
        let r = self.r;
        let ticked =
            |question: &str, option: &str| self.ticked(question).iter().any(|id| id == option);
        if !ticked("consent.secondary_uses", "other_sources") {
            return Vec::new();
        }
        let mut categories: Vec<String> = Vec::new();
        for e in own {
            let what = self.in_sentence(e.value("what"));
            if e.selected("people").iter().any(|p| p == "prospects")
                && !what.to_fill
                && !categories.contains(&what.text)
            {
                categories.push(what.text);
            }
        }
        let categories = if categories.is_empty() {
            self.todo(
                "catégories de renseignements obtenus, par exemple nom, fonction, adresse électronique, téléphone",
                "categories of information obtained, for example name, job title, e-mail address, telephone",
            )
        } else {
            let sep = self.semicolon();
            Span::from(categories.join(sep))
        };
        let mut lines = vec![
            self.line(
                &self.t("Pourquoi", "Why"),
                self.t(
                    "vous présenter nos produits et services (prospection)",
                    "to present our products and services to you (prospecting)",
                )
                .into(),
            ),
            self.line(&self.t("Ce que nous obtenons", "What we obtain"), categories),
            self.line(
                &self.t("Source", "Source"),
                self.todo(
                    "d’où viennent ces coordonnées (fournisseur du fichier, partenaire, réseau social, annuaire) et si elles sont accessibles au public",
                    "where these contact details come from (list supplier, partner, social network, directory) and whether they are publicly available",
                ),
            ),
        ];
        if r.under(Eu) {
            lines.push(self.line(
                &self.t("Base légale", "Lawful basis"),
                self.todo(
                    "base légale de cette prospection, par exemple le consentement donné à la source ou notre intérêt légitime",
                    "lawful basis of this prospecting, for example consent given to the source or our legitimate interests",
                ),
            ));
        }
        let mut intro = self.t(
            "Pour notre prospection, nous utilisons aussi des coordonnées que vous ne nous avez pas données vous-même\u{a0}: nous les avons obtenues par d’autres.",
            "For our prospecting, we also use contact details you did not give us yourself: we obtained them from others.",
        );
        if ticked("consent.other_sources", "informed") {
            intro.push_str(&self.t(
                " Notre premier message vous dit qui nous sommes, d’où viennent vos coordonnées et comment refuser nos messages.",
                " Our first message tells you who we are, where your contact details came from and how to refuse our messages.",
            ));
        }
        vec![
            Block::Heading(self.t(
                "Coordonnées obtenues par d’autres",
                "Contact details obtained from others",
            )),
            Block::Para(vec![intro.into()]),
            Block::Bullets(lines),
        ]
    }

    /// The art. 9(2) conditions relied on for health and the other special
    /// categories, when the interview asked for them.
    /// Health stays out when the organisation also works for clients and none
    /// of its own activities holds health data: the health data are then the
    /// clients' (the restaurants' guests' allergies), not its own.
    fn special_categories(&self, own: &[EntryView<'_>], for_clients: bool) -> Option<Block> {
        const ART9: [&str; 8] = [
            "health",
            "ethnic",
            "political",
            "religious",
            "union",
            "genetic",
            "biometric",
            "sex_life",
        ];
        let r = self.r;
        if r.ruled_out("sensitive.art9_condition") || r.answer("sensitive.categories").is_none() {
            return None;
        }
        let categories = self.labels(
            "sensitive.categories",
            self.ticked("sensitive.categories")
                .iter()
                .filter(|id| ART9.contains(&id.as_str()))
                .filter(|id| {
                    *id != "health"
                        || !for_clients
                        || own
                            .iter()
                            .any(|e| e.selected("what").iter().any(|w| w == "health"))
                }),
        );
        if categories.is_empty() {
            return None;
        }
        let conditions: Vec<String> = self
            .ticked("sensitive.art9_condition")
            .iter()
            .filter_map(|id| {
                let (fr, en, point) = match id.as_str() {
                    "explicit_consent" => {
                        ("votre consentement explicite", "your explicit consent", "a")
                    }
                    "employment" => (
                        "nos obligations en droit du travail et de la protection sociale",
                        "our obligations under employment and social security law",
                        "b",
                    ),
                    "vital" => (
                        "la protection de la vie d’une personne hors d’état de consentir",
                        "protecting the vital interests of someone unable to consent",
                        "c",
                    ),
                    "members" => (
                        "les activités menées pour nos membres",
                        "activities carried out for our members",
                        "d",
                    ),
                    "made_public" => (
                        "des données que vous avez vous-même rendues publiques",
                        "data you have made public yourself",
                        "e",
                    ),
                    "legal_claims" => (
                        "la constatation, l’exercice ou la défense de droits en justice",
                        "the establishment, exercise or defence of legal claims",
                        "f",
                    ),
                    "health_care" => (
                        "les soins et diagnostics médicaux, par des professionnels tenus au secret",
                        "medical care and diagnosis, by professionals bound by secrecy",
                        "h",
                    ),
                    _ => return None,
                };
                Some(match self.lang {
                    Lang::Fr => format!("{fr} (RGPD, art.\u{a0}9(2)({point}))"),
                    Lang::En => format!("{en} (GDPR, Art.\u{a0}9(2)({point}))"),
                })
            })
            .collect();
        let condition: Span = if conditions.is_empty() {
            self.todo(
                "exception de l’article 9(2) du RGPD qui permet ce traitement",
                "exception of GDPR Article 9(2) that allows this processing",
            )
        } else {
            format!("{}.", join_list(&conditions, self.lang)).into()
        };
        // Employment law is relied on, yet no staff activity lists health data
        // (sick leave): which data that condition covers is for the owner to say.
        let staff_health = own.iter().any(|e| {
            e.selected("people").iter().any(|p| p == "employees")
                && e.selected("what").iter().any(|w| w == "health")
        });
        let unplaced = self
            .ticked("sensitive.art9_condition")
            .iter()
            .any(|c| c == "employment")
            && !staff_health;
        let mut spans = vec![
            match self.lang {
                Lang::Fr => format!(
                    "Certaines informations relèvent des catégories particulières de données ({})\u{202f}; ce qui nous permet de les traiter\u{a0}: ",
                    join_list(&categories, self.lang)
                ),
                Lang::En => format!(
                    "Some information belongs to the special categories of data ({}); what allows us to process it: ",
                    join_list(&categories, self.lang)
                ),
            }
            .into(),
            condition,
        ];
        if unplaced {
            spans.push(" ".into());
            spans.push(self.todo(
                "quelles informations de santé sur notre personnel relèvent du droit du travail (par exemple les arrêts de travail), et dans quelle activité",
                "which health information about our staff falls under employment law (for example sick leave), and in which activity",
            ));
        }
        Some(Block::Para(spans))
    }

    /// Québec: sensitive information used for another purpose only with
    /// express consent (s. 12), when the answers say it is asked for.
    fn express_consent(&self) -> Option<Block> {
        let r = self.r;
        let asked =
            matches!(r.answer("sensitive.express_consent"), Some(Answer::Text(c)) if c == "yes");
        (r.under(Qc) && asked).then(|| {
            Block::Para(vec![self
                .t(
                    // S. 12 is about a use beyond the purposes of collection; collection
                    // for the stated purposes is s. 8.3's, said in the next paragraph.
                    "Nous n’utilisons vos renseignements personnels sensibles à d’autres fins que celles indiquées ci-dessus qu’avec votre consentement exprès (RLRQ c.\u{a0}P-39.1, art.\u{a0}12).",
                    "We use your sensitive personal information for purposes other than those stated above only with your express consent (CQLR c.\u{a0}P-39.1, s.\u{a0}12).",
                )
                .into()])
        })
    }

    /// Québec: what giving information after reading the purposes consents to
    /// (s. 8.3), a legal effect, not a claim about practice.
    fn consent_by_giving(&self) -> Option<Block> {
        self.r.under(Qc).then(|| {
            Block::Para(vec![self
                .t(
                    "En nous donnant vos renseignements personnels après avoir été informé des fins indiquées ci-dessus, vous consentez à ce que nous les utilisions et les communiquions pour ces fins (RLRQ c.\u{a0}P-39.1, art.\u{a0}8.3).",
                    "By giving us your personal information after being told the purposes stated above, you consent to our using and sharing it for those purposes (CQLR c.\u{a0}P-39.1, s.\u{a0}8.3).",
                )
                .into()])
        })
    }

    /// Customers' testimonials, reviews or photos in the organisation's
    /// advertising, and how people agree or refuse.
    fn testimonials(&self) -> Vec<Block> {
        if !self
            .ticked("consent.secondary_uses")
            .iter()
            .any(|u| u == "testimonials")
        {
            return Vec::new();
        }
        let lead = self.t(
            "Nous pouvons publier des témoignages, avis ou photos de clients dans notre publicité (site, réseaux sociaux, brochures)",
            "We may publish customers’ testimonials, reviews or photos in our advertising (website, social media, brochures)",
        );
        let spans: Vec<Span> = match self.r.answer("consent.testimonials") {
            Some(Answer::Text(how)) if how == "written" => vec![
                format!(
                    "{lead}{}",
                    self.t(
                        ", seulement avec votre accord écrit.",
                        ", only with your written agreement."
                    )
                )
                .into(),
            ],
            Some(Answer::Text(how)) if how == "informed" => vec![
                format!(
                    "{lead}{}",
                    self.t(
                        "\u{a0}; nous vous prévenons avant, et vous pouvez refuser ou en demander le retrait à tout moment en nous écrivant à ",
                        "; we tell you beforehand, and you can refuse or ask for removal at any time by writing to us at ",
                    )
                )
                .into(),
                self.email(),
                ".".into(),
            ],
            _ => vec![
                format!("{lead}{} ", self.colon()).into(),
                self.todo(
                    "comment les clients acceptent ou refusent la publication de leur témoignage, avis ou photo",
                    "how customers agree to or refuse the publication of their testimonial, review or photo",
                ),
                ".".into(),
            ],
        };
        // Its own heading, so that it does not read as part of the last activity.
        vec![
            Block::Heading(self.t("Témoignages et photos", "Testimonials and photos")),
            Block::Para(spans),
        ]
    }

    /// Why an activity's information is collected: the words given, else the purposes ticked.
    pub(super) fn why(&self, e: &EntryView<'_>) -> Span {
        match e.answer("purpose").filter(|a| a.is_substantive()) {
            // After the colon, in lower case like the other values of the list.
            Some(_) => super::decapitalize(&e.value("purpose").text).into(),
            None if e.answer("purposes").is_some_and(Answer::is_substantive) => {
                e.value("purposes").into()
            }
            None => e.value("purpose").into(),
        }
    }
}
