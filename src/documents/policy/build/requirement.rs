//! Art. 13(2)(e): whether each activity's information is required, and
//! what happens when it is not given.

use super::Builder;
use crate::answer::Answer;
use crate::documents::policy::model::{Block, Item, Section, Span};
use crate::i18n::Lang;

impl Builder<'_> {
    /// Whether visitors can refuse the browsing data the website collects: only
    /// a banner that lets them refuse before anything is set gives them the choice.
    pub(super) fn browsing_refusal(&self) -> Span {
        let cookies = self.r.term("cookies");
        match self.r.answer("trans.cookie_consent") {
            Some(Answer::Text(c)) if c == "choice" => match self.lang {
                Lang::Fr => format!(
                    "vous pouvez refuser les {cookies} qui ne sont pas nécessaires, dans le bandeau de notre site, sans autre conséquence"
                ),
                Lang::En => format!(
                    "you can refuse the {cookies} that are not needed, in our website’s banner, with no other consequence"
                ),
            }
            .into(),
            _ => self.todo(
                "comment les visiteurs peuvent refuser la collecte de ces données\u{a0}: aujourd’hui, aucun vrai choix ne leur est proposé",
                "how visitors can refuse the collection of this data: today they are given no real choice",
            ),
        }
    }

    /// Art. 13(2)(e): whether each activity's information is required.
    pub(super) fn requirement(&self) -> Section {
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
                let what = e.selected("what");
                let browsing_only = !what.is_empty() && what.iter().all(|w| w == "online");
                let value: Span = if browsing_only {
                    self.browsing_refusal()
                } else if e.selected("purposes").iter().any(|p| p == "recruitment") {
                    self.t(
                        "sans elles, nous ne pourrions pas examiner votre candidature",
                        "without it, we could not consider your application",
                    )
                    .into()
                } else if ids.contains(&"contract")
                    && !e.selected("people").is_empty()
                    && e.selected("people").iter().all(|p| p == "employees")
                {
                    let mut text = self.t(
                        "leur communication est nécessaire à votre contrat de travail",
                        "we need it for your employment contract",
                    );
                    if ids.contains(&"legal_obligation") {
                        text.push_str(&self.t(
                            "\u{202f}; la loi nous impose en outre de les conserver",
                            "; the law also requires us to keep it",
                        ));
                    }
                    text.into()
                } else if ids.contains(&"contract") && ids.contains(&"legal_obligation") {
                    self.t(
                        "leur communication nous est nécessaire pour vous fournir ce que vous demandez\u{202f}; la loi nous impose en outre de les conserver",
                        "we need it to provide what you ask for; the law also requires us to keep it",
                    )
                    .into()
                } else if ids.contains(&"legal_obligation") {
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
                let mut line = self.line(&e.name, value);
                // A prospect found by the business asked for nothing.
                let prospecting = e.selected("people").iter().any(|p| p == "prospects")
                    && e.selected("purposes").iter().any(|p| p == "marketing")
                    && ids.contains(&"contract");
                if prospecting {
                    line.push(
                        self.t(
                            "\u{202f}; si vous êtes un prospect, vous êtes libre de ne pas nous les donner",
                            "; if you are a prospect, you are free not to give it",
                        )
                        .into(),
                    );
                }
                line
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
}
