//! What the site and the organisation's practices add: cookies, children,
//! security and changes to the policy.

use super::Builder;
use crate::answer::Answer;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::i18n::{Lang, join_list};

impl Builder<'_> {
    /// Cookies and other trackers, when there is a website.
    pub(super) fn cookies(&self) -> Option<Section> {
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
                let kinds = self.labels("trans.cookie_types", self.ticked("trans.cookie_types"));
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

    /// Children's information and a parent's consent, when children are concerned.
    pub(super) fn children(&self) -> Option<Section> {
        let r = self.r;
        if r.yes("consent.children") != Some(true) {
            return None;
        }
        if r.ruled_out("consent.parental") {
            // Children met offline, under the GDPR alone: no parental consent is
            // asked (art. 8 is for online services), but who speaks for a minor
            // is for the business to say.
            return Some(self.section(
                Item::Children,
                self.t("Enfants", "Children"),
                vec![Block::Para(vec![
                    self.t(
                        "Nous recueillons aussi des informations sur des enfants. ",
                        "We also collect information about children. ",
                    )
                    .into(),
                    self.todo(
                        "qui nous donne les informations d’un enfant et exerce ses droits en son nom, par exemple le titulaire de l’autorité parentale ou le tuteur",
                        "who gives us a child’s information and exercises the child’s rights, for example a parent or guardian",
                    ),
                ])],
            ));
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

    /// How the information is protected.
    pub(super) fn security(&self) -> Section {
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
        // After « notamment par : », each item in lower case; a measure another
        // one already says (« une alarme » beside « une zone protégée par une
        // alarme ») is listed once.
        let texts: Vec<String> = measures
            .iter()
            .map(|m| super::decapitalize(&m[0].text))
            .collect();
        let said_elsewhere = |i: usize| {
            texts.iter().enumerate().any(|(j, other)| {
                j != i
                    && other
                        .to_lowercase()
                        .ends_with(&format!(" {}", texts[i].to_lowercase()))
            })
        };
        let measures: Vec<Vec<Span>> = (0..texts.len())
            .filter(|&i| !said_elsewhere(i))
            .map(|i| vec![texts[i].clone().into()])
            .collect();
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

    /// How the policy changes.
    pub(super) fn changes(&self) -> Section {
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
