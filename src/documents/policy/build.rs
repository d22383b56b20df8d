//! Writes the draft privacy policy from the answers, section by section, in
//! the order of GDPR art. 13, with what Québec's s. 8 and PIPEDA's 4.8 add.
//! What the answers do not say becomes a visible placeholder.

use super::model::{Block, Item, Policy, Section, Span};
use crate::answer::Answer;
use crate::documents::{EntryView, Reader, Value};
use crate::i18n::{Lang, colon, format_date, join_list};
use crate::law::Jurisdiction::{Ca, Eu, Qc};

/// French or English.
fn tr(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A placeholder.
fn todo(lang: Lang, fr: &str, en: &str) -> Span {
    Value::to_fill(&tr(lang, fr, en), lang).into()
}

/// Builds the policy of the session read by `r`, dated `date`.
pub fn build(r: &Reader<'_>, date: time::Date) -> Policy {
    let lang = r.lang;
    let org = r.value("org.name");
    let pi = r.term("pi");
    let b = Builder { r, lang, pi: &pi };
    let mut sections = vec![b.identity(), b.contact(), b.purposes()];
    sections.extend(b.legitimate_interests());
    sections.push(b.recipients());
    sections.push(b.transfers());
    sections.push(b.retention());
    sections.push(b.rights());
    sections.push(b.withdrawal());
    sections.push(b.complaint());
    sections.push(b.requirement());
    sections.push(b.automated());
    sections.extend(b.cookies());
    sections.extend(b.children());
    sections.push(b.security());
    sections.push(b.changes());
    let when = format_date(date, lang);
    let dateline = match lang {
        Lang::Fr => format!("Version {date} — dernière mise à jour le {when}"),
        Lang::En => format!("Version {date} — last updated {when}"),
    };
    let intro = match lang {
        Lang::Fr => format!(
            "Cette politique explique comment {} recueille, utilise, communique et conserve vos {pi}, et comment exercer vos droits.",
            org.text
        ),
        Lang::En => format!(
            "This policy explains how {} collects, uses, shares and keeps your {pi}, and how to exercise your rights.",
            org.text
        ),
    };
    let draft_note = sections.iter().any(Section::to_fill).then(|| {
        tr(
            lang,
            "Projet à compléter\u{a0}: les passages marqués [À COMPLÉTER\u{a0}: …] attendent une information que l’évaluation n’a pas donnée. Complétez-les et retirez cette note avant de publier la politique.",
            "Draft to complete: the passages marked [TO COMPLETE: …] await information the assessment did not give. Fill them in and remove this note before publishing the policy.",
        )
    });
    Policy {
        lang,
        title: tr(lang, "Politique de confidentialité", "Privacy policy"),
        organisation: org.text,
        dateline,
        intro,
        draft_note,
        sections,
    }
}

struct Builder<'a> {
    r: &'a Reader<'a>,
    lang: Lang,
    pi: &'a str,
}

impl Builder<'_> {
    fn t(&self, fr: &str, en: &str) -> String {
        tr(self.lang, fr, en)
    }

    fn todo(&self, fr: &str, en: &str) -> Span {
        todo(self.lang, fr, en)
    }

    fn colon(&self) -> &'static str {
        colon(self.lang)
    }

    fn section(&self, item: Item, title: String, blocks: Vec<Block>) -> Section {
        Section {
            item,
            title,
            blocks,
        }
    }

    /// The contact e-mail, or a placeholder.
    fn email(&self) -> Span {
        self.r.value("org.contact_email").into()
    }

    /// The activities carried out on the organisation's own behalf, and those for clients.
    fn activities(&self) -> (Vec<EntryView<'_>>, Vec<EntryView<'_>>) {
        self.r
            .entries("info.types")
            .into_iter()
            .partition(|e| e.answer("for_client") != Some(&Answer::Bool(true)))
    }

    fn identity(&self) -> Section {
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

    fn contact(&self) -> Section {
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

    /// A lawful basis as a policy states it, with its point of art. 6(1).
    fn basis(&self, id: &str) -> Option<String> {
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

    /// One line of an activity: "Label : value".
    fn line(&self, label: &str, value: Span) -> Vec<Span> {
        vec![format!("{label}{} ", self.colon()).into(), value]
    }

    fn purposes(&self) -> Section {
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
                    e.value("people").into(),
                ),
                self.line(
                    &self.t("Ce que nous recueillons", "What we collect"),
                    e.value("what").into(),
                ),
                self.line(&self.t("Pourquoi", "Why"), self.why(e)),
                self.line(
                    &self.t("Qui les recueille", "Who collects it"),
                    e.value("who_collects").into(),
                ),
                self.line(
                    &self.t("Qui y a accès chez nous", "Who has access at our end"),
                    e.value("used_by").into(),
                ),
            ];
            if !e.ruled_out("basis") {
                let bases: Vec<String> = e
                    .selected("basis")
                    .iter()
                    .filter_map(|id| self.basis(id))
                    .collect();
                let value = if bases.is_empty() {
                    Span::from(e.value("basis"))
                } else {
                    join_list(&bases, self.lang).into()
                };
                lines.push(self.line(&self.t("Base légale", "Lawful basis"), value));
            }
            blocks.push(Block::Bullets(lines));
        }
        if let Some(block) = self.special_categories() {
            blocks.push(block);
        }
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
        let ticked = |question: &str, option: &str| {
            r.answer(question)
                .and_then(Answer::selected)
                .is_some_and(|ids| ids.iter().any(|id| id == option))
        };
        if !ticked("consent.secondary_uses", "other_sources") {
            return Vec::new();
        }
        let mut categories: Vec<String> = Vec::new();
        for e in own {
            let what = e.value("what");
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
            let sep = if self.lang == Lang::Fr {
                "\u{202f}; "
            } else {
                "; "
            };
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
    fn special_categories(&self) -> Option<Block> {
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
        let categories: Vec<String> = r
            .answer("sensitive.categories")
            .and_then(Answer::selected)
            .unwrap_or_default()
            .iter()
            .filter(|id| ART9.contains(&id.as_str()))
            .filter_map(|id| {
                r.bank
                    .question("sensitive.categories")
                    .and_then(|q| q.option(id))
                    .map(|o| o.label.get(self.lang).to_lowercase())
            })
            .collect();
        if categories.is_empty() {
            return None;
        }
        let conditions: Vec<String> = r
            .answer("sensitive.art9_condition")
            .and_then(Answer::selected)
            .unwrap_or_default()
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
        Some(Block::Para(vec![
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
        ]))
    }

    /// Why an activity's information is collected: the words given, else the purposes ticked.
    fn why(&self, e: &EntryView<'_>) -> Span {
        match e.answer("purpose").filter(|a| a.is_substantive()) {
            Some(_) => e.value("purpose").into(),
            None if e.answer("purposes").is_some_and(Answer::is_substantive) => {
                e.value("purposes").into()
            }
            None => e.value("purpose").into(),
        }
    }

    fn legitimate_interests(&self) -> Option<Section> {
        let (own, _) = self.activities();
        let with: Vec<&EntryView<'_>> = own
            .iter()
            .filter(|e| {
                e.selected("basis")
                    .iter()
                    .any(|b| b == "legitimate_interests")
            })
            .collect();
        if with.is_empty() {
            return None;
        }
        let lines = with
            .iter()
            .map(|e| {
                self.line(
                    &e.name,
                    self.todo(
                        "l’intérêt poursuivi, et pourquoi il ne l’emporte pas sur vos droits",
                        "the interest pursued, and why it does not override your rights",
                    ),
                )
            })
            .collect();
        Some(self.section(
            Item::LegitimateInterests,
            self.t("Nos intérêts légitimes", "Our legitimate interests"),
            vec![
                Block::Para(vec![self
                    .t(
                        "Lorsque nous nous fondons sur notre intérêt légitime, cet intérêt est le suivant\u{a0}:",
                        "Where we rely on our legitimate interests, those interests are:",
                    )
                    .into()]),
                Block::Bullets(lines),
            ],
        ))
    }

    /// The third parties that receive the information this policy is about
    /// (not only what is handled for clients), or `None` when the answers do
    /// not say whether any.
    fn third_parties(&self) -> Option<Vec<EntryView<'_>>> {
        let (_, for_clients) = self.activities();
        let clients_only: Vec<String> = for_clients.iter().map(|e| e.name.clone()).collect();
        match self.r.yes("tp.shares") {
            Some(false) => Some(Vec::new()),
            Some(true) => Some(
                self.r
                    .entries("tp.list")
                    .into_iter()
                    .filter(|tp| {
                        let shared = tp.selected("info_shared");
                        shared.is_empty() || shared.iter().any(|s| !clients_only.contains(s))
                    })
                    .collect(),
            ),
            None => None,
        }
    }

    fn role(&self, id: Option<&str>) -> Option<String> {
        let provider = self.r.term("provider");
        Some(match id? {
            "processor" => match self.lang {
                Lang::Fr => format!("{provider} qui agit pour notre compte"),
                Lang::En => format!("{provider} acting on our behalf"),
            },
            "controller" => self.t(
                "les utilise pour son propre compte",
                "uses it on its own behalf",
            ),
            "joint" => self.t(
                "décide avec nous de leur usage",
                "decides with us how it is used",
            ),
            _ => return None,
        })
    }

    fn recipients(&self) -> Section {
        let own: Vec<String> = self.activities().0.iter().map(|e| e.name.clone()).collect();
        let blocks = match self.third_parties() {
            None => vec![Block::Para(vec![self.todo(
                "à qui vous communiquez ces informations",
                "who you share this information with",
            )])],
            Some(tps) if tps.is_empty() => vec![Block::Para(vec![
                match self.lang {
                    Lang::Fr => format!("Nous ne communiquons vos {} à aucun tiers.", self.pi),
                    Lang::En => format!("We do not share your {} with anyone.", self.pi),
                }
                .into(),
            ])],
            Some(tps) => {
                let lines = tps
                    .iter()
                    .map(|tp| {
                        let mut line: Vec<Span> = vec![tp.name.clone().into()];
                        if let Some(Answer::Text(service)) = tp.answer("service")
                            && !service.trim().is_empty()
                        {
                            line.push(format!(" — {}", service.trim()).into());
                        }
                        let mut about = Vec::new();
                        if let Some(role) = self.role(tp.choice("role")) {
                            about.push(role);
                        }
                        let shared: Vec<String> = tp
                            .selected("info_shared")
                            .iter()
                            .filter(|s| own.contains(s))
                            .cloned()
                            .collect();
                        if !shared.is_empty() {
                            about.push(join_list(&shared, self.lang));
                        }
                        if !about.is_empty() {
                            let sep = if self.lang == Lang::Fr {
                                "\u{202f}; "
                            } else {
                                "; "
                            };
                            line.push(format!(" ({})", about.join(sep)).into());
                        }
                        line
                    })
                    .collect();
                vec![
                    Block::Para(vec![
                        format!(
                        "{} {} {}",
                        self.t("Nous communiquons certaines de vos", "We share some of your"),
                        self.pi,
                        self.t(
                            "aux organisations suivantes, pour les seules fins indiquées\u{a0}:",
                            "with the following organizations, only for the purposes stated:"
                        )
                    )
                        .into(),
                    ]),
                    Block::Bullets(lines),
                ]
            }
        };
        self.section(
            Item::Recipients,
            self.t("À qui nous les communiquons", "Who we share it with"),
            blocks,
        )
    }

    /// How a transfer outside the Union is safeguarded, as the policy states it.
    fn safeguard(&self, tp: &EntryView<'_>) -> Span {
        match tp.choice("safeguards") {
            Some("adequacy") => self
                .t(
                    "décision d’adéquation de la Commission européenne (RGPD, art.\u{a0}45)",
                    "adequacy decision of the European Commission (GDPR, Art.\u{a0}45)",
                )
                .into(),
            Some("dpf") => self
                .t(
                    "certification du destinataire au cadre de protection des données UE–États-Unis (Data Privacy Framework), objet de la décision d’adéquation de la Commission européenne du 10\u{a0}juillet 2023 (RGPD, art.\u{a0}45)",
                    "the recipient’s certification under the EU–U.S. Data Privacy Framework, covered by the European Commission’s adequacy decision of 10\u{a0}July 2023 (GDPR, Art.\u{a0}45)",
                )
                .into(),
            Some("scc") => self
                .t(
                    "clauses contractuelles types adoptées par la Commission européenne (RGPD, art.\u{a0}46(2)(c))",
                    "standard contractual clauses adopted by the European Commission (GDPR, Art.\u{a0}46(2)(c))",
                )
                .into(),
            Some("bcr") => self
                .t(
                    "règles d’entreprise contraignantes de son groupe (RGPD, art.\u{a0}47)",
                    "binding corporate rules of its group (GDPR, Art.\u{a0}47)",
                )
                .into(),
            Some("derogation") => self.todo(
                "dérogation de l’article 49 du RGPD invoquée",
                "derogation of GDPR Article 49 relied on",
            ),
            Some("privacy_shield") => self.todo(
                "garantie valable\u{a0}: le Privacy Shield a été invalidé par la Cour de justice de l’Union européenne le 16\u{a0}juillet 2020",
                "a valid safeguard: the Privacy Shield was invalidated by the Court of Justice of the European Union on 16 July 2020",
            ),
            _ => self.todo(
                "garantie qui encadre ce transfert (RGPD, art. 45 à 49)",
                "safeguard for this transfer (GDPR, Art. 45 to 49)",
            ),
        }
    }

    fn transfers(&self) -> Section {
        let r = self.r;
        let mut blocks = Vec::new();
        let tps = self.third_parties();
        let country = |tp: &EntryView<'_>| tp.value("country").text;
        match &tps {
            None => blocks.push(Block::Para(vec![self.todo(
                "où vos tiers hébergent ou traitent les informations",
                "where your third parties host or process the information",
            )])),
            Some(tps) => {
                if r.under(Eu) {
                    let outside: Vec<&EntryView<'_>> = tps
                        .iter()
                        .filter(|tp| tp.choice("country") != Some("eu"))
                        .collect();
                    if outside.is_empty() {
                        let moved = match self.lang {
                            Lang::Fr if self.pi.starts_with("renseignements") => "transférés",
                            Lang::Fr => "transférées",
                            Lang::En => "transferred",
                        };
                        blocks.push(Block::Para(vec![
                            match self.lang {
                                Lang::Fr => format!(
                                    "Vos {} ne sont pas {moved} hors de l’Union européenne.",
                                    self.pi
                                ),
                                Lang::En => format!(
                                    "Your {} is not {moved} outside the European Union.",
                                    self.pi
                                ),
                            }
                            .into(),
                        ]));
                    } else {
                        blocks.push(Block::Para(vec![self
                            .t(
                                "Les destinataires suivants se trouvent hors de l’Union européenne. Chaque transfert est encadré comme suit\u{a0}:",
                                "The following recipients are outside the European Union. Each transfer is safeguarded as follows:",
                            )
                            .into()]));
                        blocks.push(Block::Bullets(
                            outside
                                .iter()
                                .map(|tp| {
                                    let place = if tp.choice("country").is_some() {
                                        country(tp)
                                    } else {
                                        tp.value("country").text
                                    };
                                    let safeguard = if tp.ruled_out("safeguards") {
                                        self.todo(
                                            "garantie qui encadre ce transfert",
                                            "safeguard for this transfer",
                                        )
                                    } else {
                                        self.safeguard(tp)
                                    };
                                    vec![
                                        format!("{} ({place}){} ", tp.name, self.colon()).into(),
                                        safeguard,
                                    ]
                                })
                                .collect(),
                        ));
                        if outside
                            .iter()
                            .any(|tp| matches!(tp.choice("safeguards"), Some("scc" | "bcr")))
                        {
                            blocks.push(Block::Para(vec![
                                self.t(
                                    "Vous pouvez obtenir une copie de ces garanties en nous écrivant à ",
                                    "You can obtain a copy of these safeguards by writing to us at ",
                                )
                                .into(),
                                self.email(),
                                ".".into(),
                            ]));
                        }
                    }
                }
                if r.under(Qc) {
                    let outside: Vec<String> = tps
                        .iter()
                        .filter(|tp| tp.choice("country") != Some("qc"))
                        .map(|tp| format!("{} ({})", tp.name, country(tp)))
                        .collect();
                    blocks.push(Block::Para(vec![if outside.is_empty() {
                        self.t(
                            "Vos renseignements personnels ne sont pas communiqués à l’extérieur du Québec.",
                            "Your personal information is not shared outside Québec.",
                        )
                    } else {
                        match self.lang {
                            Lang::Fr => format!(
                                "Vos renseignements personnels peuvent être communiqués à l’extérieur du Québec, à {}.",
                                join_list(&outside, self.lang)
                            ),
                            Lang::En => format!(
                                "Your personal information may be shared outside Québec, with {}.",
                                join_list(&outside, self.lang)
                            ),
                        }
                    }
                    .into()]));
                }
                if r.under(Ca) {
                    let abroad: Vec<String> = tps
                        .iter()
                        .filter(|tp| matches!(tp.choice("country"), Some("us" | "eu" | "other")))
                        .map(|tp| format!("{} ({})", tp.name, country(tp)))
                        .collect();
                    if !abroad.is_empty() {
                        blocks.push(Block::Para(vec![match self.lang {
                            Lang::Fr => format!(
                                "Certains de vos renseignements sont traités hors du Canada, par {}. Ils y sont soumis aux lois du pays concerné et peuvent être communiqués à ses tribunaux, à ses organismes chargés de l’application de la loi et à ses autorités.",
                                join_list(&abroad, self.lang)
                            ),
                            Lang::En => format!(
                                "Some of your information is processed outside Canada, by {}. There it is subject to the laws of that country and may be disclosed to its courts, law enforcement agencies and authorities.",
                                join_list(&abroad, self.lang)
                            ),
                        }
                        .into()]));
                    } else if !r.under(Qc) && !r.under(Eu) {
                        blocks.push(Block::Para(vec![self
                            .t(
                                "Vos renseignements personnels sont conservés et traités au Canada.",
                                "Your personal information is kept and processed in Canada.",
                            )
                            .into()]));
                    }
                }
            }
        }
        let title = if r.laws() == [Eu] {
            self.t(
                "Transferts hors de l’Union européenne",
                "Transfers outside the European Union",
            )
        } else {
            self.t(
                "Où vos renseignements sont traités",
                "Where your information is processed",
            )
        };
        self.section(Item::Transfers, title, blocks)
    }

    /// How long an activity's information is kept, as a policy states it.
    fn kept(&self, e: &EntryView<'_>) -> Span {
        match e.choice("retention") {
            Some("purpose") => self
                .t(
                    "jusqu’à la fin de votre demande ou de notre relation, puis nous les détruisons",
                    "until your request or our relationship ends, then we destroy it",
                )
                .into(),
            Some("1y") => self.t("environ un an", "about a year").into(),
            Some("3y") => self.t("environ trois ans", "about three years").into(),
            Some("legal") => {
                if self.detail().is_some() {
                    self.t(
                        "la durée que la loi nous impose (voir ci-dessous)",
                        "as long as the law requires (see below)",
                    )
                    .into()
                } else {
                    self.todo(
                        "durée que la loi impose pour ces informations",
                        "period the law sets for this information",
                    )
                }
            }
            Some("indefinite") => self.todo(
                "durée de conservation à fixer\u{a0}: aucune n’est fixée aujourd’hui",
                "retention period to set: none is set today",
            ),
            _ => Span::from(e.value("retention")),
        }
    }

    fn detail(&self) -> Option<String> {
        match self.r.answer("ret.periods_detail") {
            Some(Answer::Text(text)) if !text.trim().is_empty() => Some(text.trim().to_string()),
            _ => None,
        }
    }

    fn retention(&self) -> Section {
        let (own, _) = self.activities();
        let mut blocks = vec![];
        if own.is_empty() {
            blocks.push(Block::Para(vec![self.todo(
                "durée de conservation de chaque type d’information",
                "how long each kind of information is kept",
            )]));
        } else {
            blocks.push(Block::Para(vec![self
                .t(
                    "Nous ne gardons vos informations que le temps nécessaire aux fins pour lesquelles nous les avons recueillies\u{a0}:",
                    "We keep your information only as long as needed for the purposes we collected it for:",
                )
                .into()]));
            blocks.push(Block::Bullets(
                own.iter()
                    .map(|e| self.line(&e.name, self.kept(e)))
                    .collect(),
            ));
        }
        if let Some(detail) = self.detail() {
            blocks.push(Block::Para(vec![
                format!(
                    "{}{} ",
                    self.t("Nos durées en détail", "Our periods in detail"),
                    self.colon()
                )
                .into(),
                detail.into(),
            ]));
        }
        self.section(
            Item::Retention,
            self.t("Combien de temps nous les gardons", "How long we keep it"),
            blocks,
        )
    }

    fn rights(&self) -> Section {
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
                format!(
                    " ({})",
                    refs.join(if self.lang == Lang::Fr {
                        "\u{202f}; "
                    } else {
                        "; "
                    })
                )
            }
        };
        let mut add = |text: String| rights.push(vec![text.into()]);
        add(self.t(
            "accéder aux informations que nous détenons sur vous et en obtenir une copie",
            "access the information we hold about you and get a copy",
        ) + &cite(Some("15"), Some("27"), Some("4.9")));
        add(self.t(
            "faire corriger ce qui est inexact, incomplet ou équivoque",
            "have what is inaccurate, incomplete or ambiguous corrected",
        ) + &cite(Some("16"), Some("28"), Some("4.9.5")));
        if eu {
            add(self.t(
                "faire effacer vos données dans les cas prévus par la loi",
                "have your data erased in the cases the law provides",
            ) + &cite(Some("17"), None, None));
            add(self.t(
                "faire limiter le traitement de vos données dans les cas prévus par la loi",
                "have the processing of your data restricted in the cases the law provides",
            ) + &cite(Some("18"), None, None));
            add(self.t(
                "vous opposer au traitement de vos données fondé sur notre intérêt légitime, et à tout moment à la prospection",
                "object to the processing of your data based on our legitimate interests, and at any time to direct marketing",
            ) + &cite(Some("21"), None, None));
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
            add(self.t(fr, en) + &cite(Some("20"), Some("27"), None));
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
        let mut how = vec![
            self.t(
                "Pour exercer ces droits, écrivez-nous à ",
                "To exercise these rights, write to us at ",
            )
            .into(),
            self.email(),
        ];
        let channels: Vec<String> = r
            .answer("rights.channels")
            .and_then(Answer::selected)
            .unwrap_or_default()
            .iter()
            .filter(|c| *c != "email")
            .filter_map(|c| {
                r.bank
                    .question("rights.channels")
                    .and_then(|q| q.option(c))
                    .map(|o| o.label.get(self.lang).to_lowercase())
            })
            .collect();
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
                "30\u{a0}jours, prolongeables dans certains cas (LPRPDE, art.\u{a0}8(3))",
                "30\u{a0}days, which may be extended in some cases (PIPEDA, s.\u{a0}8(3))",
            ));
        }
        if !delays.is_empty() {
            blocks.push(Block::Para(vec![
                format!(
                    "{} {}.",
                    self.t(
                        "La loi nous donne pour vous répondre\u{a0}:",
                        "The law gives us this long to answer:"
                    ),
                    delays.join(if self.lang == Lang::Fr {
                        "\u{202f}; "
                    } else {
                        "; "
                    })
                )
                .into(),
            ]));
        }
        self.section(Item::Rights, self.t("Vos droits", "Your rights"), blocks)
    }

    fn withdrawal(&self) -> Section {
        let r = self.r;
        let (own, _) = self.activities();
        let consent_based = own
            .iter()
            .any(|e| e.selected("basis").iter().any(|b| b == "consent"))
            || r.yes("trans.cookies") == Some(true);
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
        self.section(
            Item::Withdrawal,
            self.t("Retirer votre consentement", "Withdrawing your consent"),
            blocks,
        )
    }

    fn complaint(&self) -> Section {
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
            let established_in_france =
                r.answer("org.establishment") == Some(&Answer::Text("france".into()));
            let mut line: Vec<Span> = if established_in_france {
                vec![self
                    .t(
                        "la Commission nationale de l’informatique et des libertés (CNIL), www.cnil.fr, ",
                        "the Commission nationale de l’informatique et des libertés (CNIL), www.cnil.fr, ",
                    )
                    .into()]
            } else {
                vec![
                    self.todo(
                        "autorité de contrôle et ses coordonnées",
                        "supervisory authority and its contact details",
                    ),
                    ", ".into(),
                ]
            };
            line.push(
                self.t(
                    "ou l’autorité de contrôle de l’État membre où vous vivez, où vous travaillez ou où la violation aurait eu lieu (RGPD, art.\u{a0}77)",
                    "or the supervisory authority of the Member State where you live, work or where the infringement allegedly took place (GDPR, Art.\u{a0}77)",
                )
                .into(),
            );
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
            authorities.push(vec![
                self.t(
                    "la Commission d’accès à l’information du Québec, www.cai.gouv.qc.ca",
                    "the Commission d’accès à l’information du Québec, www.cai.gouv.qc.ca",
                )
                .into(),
            ]);
        }
        if authorities.is_empty() {
            authorities.push(vec![
                self.todo("autorité compétente", "competent authority"),
            ]);
        }
        blocks.push(Block::Para(vec![
            self.t(
                "Vous pouvez aussi vous plaindre auprès de\u{a0}:",
                "You can also complain to:",
            )
            .into(),
        ]));
        blocks.push(Block::Bullets(authorities));
        self.section(
            Item::Complaint,
            self.t("Vous plaindre", "Complaints"),
            blocks,
        )
    }

    fn requirement(&self) -> Section {
        let (own, _) = self.activities();
        let lines: Vec<Vec<Span>> = own
            .iter()
            .map(|e| {
                let ids: Vec<&str> = if e.selected("basis").is_empty() {
                    e.selected("purposes")
                        .iter()
                        .map(|p| match p.as_str() {
                            "service" => "contract",
                            "legal" => "legal_obligation",
                            _ => "optional",
                        })
                        .collect()
                } else {
                    e.selected("basis").iter().map(String::as_str).collect()
                };
                let value: Span = if ids.contains(&"legal_obligation") {
                    self.t(
                        "la loi nous impose de les recueillir",
                        "the law requires us to collect it",
                    )
                    .into()
                } else if ids.contains(&"contract") {
                    self.t(
                        "leur communication nous est nécessaire pour vous fournir ce que vous demandez\u{202f}; sans elle, nous ne pourrions pas le faire",
                        "we need it to provide what you ask for; without it, we could not do so",
                    )
                    .into()
                } else if !ids.is_empty() {
                    self.t(
                        "vous êtes libre de ne pas les fournir, sans autre conséquence que de ne pas en bénéficier",
                        "you are free not to give it, with no consequence other than not benefiting from it",
                    )
                    .into()
                } else {
                    self.todo(
                        "si ces informations sont obligatoires et ce qu’il se passe si elles ne sont pas fournies",
                        "whether this information is required and what happens if it is not given",
                    )
                };
                self.line(&e.name, value)
            })
            .collect();
        let blocks = if lines.is_empty() {
            vec![Block::Para(vec![self.todo(
                "si les informations demandées sont obligatoires",
                "whether the information asked for is required",
            )])]
        } else {
            vec![Block::Bullets(lines)]
        };
        self.section(
            Item::Requirement,
            self.t(
                "Devez-vous nous fournir ces informations\u{a0}?",
                "Do you have to give us this information?",
            ),
            blocks,
        )
    }

    fn automated(&self) -> Section {
        let r = self.r;
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
        self.section(
            Item::Automated,
            self.t("Décisions automatisées", "Automated decisions"),
            vec![Block::Para(vec![span])],
        )
    }

    fn cookies(&self) -> Option<Section> {
        let r = self.r;
        if r.yes("org.website") != Some(true) {
            return None;
        }
        let word = r.term("cookies");
        let para: Vec<Span> = match r.yes("trans.cookies") {
            Some(false) => vec![
                match self.lang {
                    Lang::Fr => format!(
                        "Notre site n’utilise que les {word} nécessaires à son fonctionnement."
                    ),
                    Lang::En => format!("Our website only uses the {word} it needs to work."),
                }
                .into(),
            ],
            Some(true) => {
                let kinds: Vec<String> = r
                    .answer("trans.cookie_types")
                    .and_then(Answer::selected)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|id| {
                        r.bank
                            .question("trans.cookie_types")
                            .and_then(|q| q.option(id))
                            .map(|o| o.label.get(self.lang).to_lowercase())
                    })
                    .collect();
                let mut para: Vec<Span> = vec![match self.lang {
                    Lang::Fr => format!("Notre site utilise des {word} qui ne sont pas nécessaires à son fonctionnement"),
                    Lang::En => format!("Our website uses {word} that it does not need to work"),
                }
                .into()];
                if kinds.is_empty() {
                    para.push(" (".into());
                    para.push(self.todo("à quoi ils servent", "what they are for"));
                    para.push(").".into());
                } else {
                    para.push(format!(" ({}).", join_list(&kinds, self.lang)).into());
                }
                para.push(" ".into());
                para.push(match r.answer("trans.cookie_consent") {
                    Some(Answer::Text(c)) if c == "choice" => self
                        .t(
                            "Ils ne sont déposés qu’avec votre accord, que vous pouvez refuser aussi facilement que le donner, et retirer à tout moment.",
                            "They are set only with your agreement, which you can refuse as easily as give, and withdraw at any time.",
                        )
                        .into(),
                    _ => self.todo(
                        "comment les visiteurs les acceptent ou les refusent\u{a0}: aujourd’hui, aucun vrai choix ne leur est proposé avant leur dépôt",
                        "how visitors accept or refuse them: today they are given no real choice before they are set",
                    ),
                });
                para
            }
            None => vec![self.todo(
                &format!("{word} utilisés par le site et comment les visiteurs les acceptent"),
                "cookies the website uses and how visitors accept them",
            )],
        };
        let title = match self.lang {
            Lang::Fr => {
                let mut chars = word.chars();
                chars
                    .next()
                    .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
            }
            Lang::En => "Cookies".to_string(),
        };
        Some(self.section(Item::Cookies, title, vec![Block::Para(para)]))
    }

    fn children(&self) -> Option<Section> {
        let r = self.r;
        if r.yes("consent.children") != Some(true) || r.ruled_out("consent.parental") {
            return None;
        }
        let age = match r.answer("consent.parental_age") {
            Some(Answer::Number(n)) if n.is_finite() => {
                Some(crate::answer::format_number(*n, self.lang))
            }
            _ => None,
        };
        let span: Span = match (r.yes("consent.parental"), age) {
            (Some(true), Some(age)) => match self.lang {
                Lang::Fr => format!(
                    "Nous ne recueillons les informations d’un enfant de moins de {age}\u{a0}ans qu’avec le consentement de la personne titulaire de l’autorité parentale ou du tuteur."
                ),
                Lang::En => format!(
                    "We collect information about a child under {age} only with the consent of a parent or guardian."
                ),
            }
            .into(),
            (Some(true), None) => self.todo(
                "âge en dessous duquel le consentement d’un parent ou du tuteur est demandé",
                "age below which a parent’s or guardian’s consent is asked for",
            ),
            _ => self.todo(
                "comment le consentement d’un parent ou du tuteur est obtenu pour les enfants",
                "how a parent’s or guardian’s consent is obtained for children",
            ),
        };
        Some(self.section(
            Item::Children,
            self.t("Enfants", "Children"),
            vec![Block::Para(vec![span])],
        ))
    }

    fn security(&self) -> Section {
        let r = self.r;
        let mut measures: Vec<Vec<Span>> = Vec::new();
        for id in [
            "sec.need_to_know",
            "sec.electronic_measures",
            "sec.mfa",
            "sec.paper_measures",
            "sec.premises",
            "sec.training",
        ] {
            let Some(q) = r.bank.question(id) else {
                continue;
            };
            match r.answer(id) {
                Some(Answer::Bool(true)) => measures.push(vec![r.short(id).into()]),
                Some(a) => {
                    for option in a.selected().unwrap_or_default() {
                        if let Some(choice) = q.option(option) {
                            measures.push(vec![choice.label.get(self.lang).to_string().into()]);
                        }
                    }
                }
                None => {}
            }
        }
        let blocks = if measures.is_empty() {
            vec![Block::Para(vec![self.todo(
                "mesures de sécurité en place",
                "security measures in place",
            )])]
        } else {
            vec![
                Block::Para(vec![
                    format!(
                        "{} {}{}",
                        self.t("Nous protégeons vos", "We protect your"),
                        self.pi,
                        self.t(", notamment par\u{a0}:", ", in particular with:")
                    )
                    .into(),
                ]),
                Block::Bullets(measures),
            ]
        };
        self.section(
            Item::Security,
            self.t("Comment nous les protégeons", "How we protect it"),
            blocks,
        )
    }

    fn changes(&self) -> Section {
        self.section(
            Item::Changes,
            self.t("Modifications de cette politique", "Changes to this policy"),
            vec![Block::Para(vec![self
                .t(
                    "Nous mettons cette politique à jour quand nos pratiques changent. La date de la dernière mise à jour figure en tête du document.",
                    "We update this policy when our practices change. The date of the last update is shown at the top.",
                )
                .into()])],
        )
    }
}
