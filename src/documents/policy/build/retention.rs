//! How long the information is kept (GDPR art. 13(2)(a)).

use super::Builder;
use crate::answer::Answer;
use crate::documents::EntryView;
use crate::documents::policy::model::{Block, Item, Section, Span};

impl Builder<'_> {
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

    /// The retention periods the answers spell out, if any.
    fn detail(&self) -> Option<String> {
        match self.r.answer("ret.periods_detail") {
            Some(Answer::Text(text)) if !text.trim().is_empty() => Some(text.trim().to_string()),
            _ => None,
        }
    }

    /// Art. 13(2)(a): how long each activity's information is kept.
    pub(super) fn retention(&self) -> Section {
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
}
