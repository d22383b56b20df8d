//! How long the information is kept (GDPR art. 13(2)(a)).

use super::Builder;
use crate::answer::Answer;
use crate::documents::EntryView;
use crate::documents::policy::model::{Block, Item, Section, Span};

/// One line of the retention schedule the answers give: what, and for how long.
struct Scheduled {
    what: String,
    period: Vec<Span>,
}

impl Builder<'_> {
    /// A period of the retention schedule as a policy states it: "3 ans", or
    /// for a minimum the law sets, an end and where the period starts (art.
    /// 13(2)(a) and Québec s. 23 ask for an end, not a minimum).
    fn period(&self, n: f64, unit: &str) -> Option<Vec<Span>> {
        let one = n == 1.0;
        let number = crate::answer::format_number(n, self.lang);
        let (fr, en) = match unit {
            "days" => (
                if one { "jour" } else { "jours" },
                if one { "day" } else { "days" },
            ),
            "months" => ("mois", if one { "month" } else { "months" }),
            "years" | "years_min" => (
                if one { "an" } else { "ans" },
                if one { "year" } else { "years" },
            ),
            _ => return None,
        };
        let period = match self.lang {
            crate::i18n::Lang::Fr => format!("{number}\u{a0}{fr}"),
            crate::i18n::Lang::En => format!("{number} {en}"),
        };
        Some(if unit == "years_min" {
            vec![
                format!("{period} {} ", self.t("à compter de", "from")).into(),
                self.todo(
                    "point de départ de cette durée, par exemple la clôture de l’exercice, la fin de notre relation ou votre dernière visite",
                    "when this period starts, for example the end of the financial year, of our relationship or your last visit",
                ),
                self.t(
                    ", durée que la loi nous impose, puis nous les détruisons",
                    ", the period the law requires, then we destroy it",
                )
                .into(),
            ]
        } else {
            vec![period.into()]
        })
    }

    /// The retention schedule the answers give, line by line.
    fn schedule(&self) -> Vec<Scheduled> {
        self.r
            .entries("ret.schedule")
            .iter()
            .filter_map(|e| {
                let Some(Answer::Text(what)) = e.answer("what") else {
                    return None;
                };
                let Some(Answer::Number(n)) = e.answer("duration") else {
                    return None;
                };
                let period = self.period(*n, e.choice("unit")?)?;
                Some(Scheduled {
                    what: what.trim().to_string(),
                    period,
                })
            })
            .filter(|s| !s.what.is_empty())
            .collect()
    }

    /// How long an activity's information is kept, as a policy states it: the
    /// period the schedule gives for it, else the inventory's answer.
    fn kept(&self, e: &EntryView<'_>, schedule: &[Scheduled]) -> Vec<Span> {
        if let Some(line) = schedule.iter().find(|s| same_name(&s.what, &e.name)) {
            return line.period.clone();
        }
        let purposes = e.selected("purposes");
        let mailing_list = !purposes.is_empty() && purposes.iter().all(|p| p == "marketing");
        vec![match e.choice("retention") {
            // A subscriber makes no request: the list ends when they leave it.
            Some("purpose") if mailing_list => self
                .t(
                    "jusqu’à votre désinscription, puis nous les détruisons",
                    "until you unsubscribe, then we destroy it",
                )
                .into(),
            Some("purpose") => self
                .t(
                    "jusqu’à la fin de votre demande ou de notre relation, puis nous les détruisons",
                    "until your request or our relationship ends, then we destroy it",
                )
                .into(),
            // Written as the schedule's periods are ("3 ans"), so that both read alike.
            Some("1y") => self.t("1\u{a0}an", "1 year").into(),
            Some("3y") => self.t("3\u{a0}ans", "3 years").into(),
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
            Some(_) => Span::from(e.value("retention")),
            None => self.todo(
                "durée de conservation de ces informations",
                "how long this information is kept",
            ),
        }]
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
        let (own, for_clients) = self.activities();
        let schedule = self.schedule();
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
            let mut lines: Vec<Vec<Span>> = own
                .iter()
                .map(|e| self.line_of(&e.name, self.kept(e, &schedule)))
                .collect();
            // The schedule's other lines: kinds of information the inventory does not name.
            lines.extend(
                schedule
                    .iter()
                    .filter(|s| {
                        !own.iter()
                            .chain(&for_clients)
                            .any(|e| same_name(&s.what, &e.name))
                    })
                    .map(|s| self.line_of(&s.what, s.period.clone())),
            );
            // Art. 14(2)(a): data obtained from others need their period too.
            if self
                .ticked("consent.secondary_uses")
                .iter()
                .any(|u| u == "other_sources")
            {
                lines.push(self.line(
                    &self.t(
                        "Coordonnées obtenues par d’autres (prospection)",
                        "Contact details obtained from others (prospecting)",
                    ),
                    self.todo(
                        "durée de conservation, par exemple 3\u{a0}ans après notre dernier contact avec vous",
                        "retention period, for example 3 years after our last contact with you",
                    ),
                ));
            }
            blocks.push(Block::Bullets(lines));
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

/// Whether a line of the schedule names an activity of the inventory (case and spaces aside).
fn same_name(scheduled: &str, activity: &str) -> bool {
    scheduled.trim().to_lowercase() == activity.trim().to_lowercase()
}
