//! The comparison of two assessments of the same organisation: scores then
//! and now, gaps closed, new and still open (with how long), answers changed,
//! and answers set aside because the questionnaire changed between the two;
//! a document of its own, or a chapter of the report of an assessment
//! started from an earlier one.

use super::Reader;
use crate::answer::Answer;
use crate::bank::Bank;
use crate::i18n::{Lang, format_date, percent, ui};
use crate::report::{Block, BuildOptions, PlannedAction, Report, ReportSection, Span, actions};
use crate::rules::evaluate_on;
use crate::session::Session;
use std::collections::BTreeSet;
use std::path::Path;

/// One area's score in each assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaChange {
    /// The area's title.
    pub title: String,
    /// Its score then, if it had one.
    pub old: Option<u8>,
    /// Its score now.
    pub new: Option<u8>,
}

/// An answer that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question's short name.
    pub question: String,
    /// The answer then, as a reader sees it.
    pub old: String,
    /// The answer now.
    pub new: String,
}

/// A gap still open, and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StillOpen {
    /// The action, as the new assessment words it.
    pub action: PlannedAction,
    /// Whole months between the two assessments, at least.
    pub months: i32,
}

/// Two assessments compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The language written in.
    pub lang: Lang,
    /// The organisation, as the new assessment names it.
    pub organisation: String,
    /// The date of the earlier assessment.
    pub old_date: time::Date,
    /// The date of the later one.
    pub new_date: time::Date,
    /// The overall score then and now.
    pub overall: (Option<u8>, Option<u8>),
    /// The score of each area then and now, in the bank's order.
    pub areas: Vec<AreaChange>,
    /// Gaps of the earlier assessment that the later one no longer finds.
    pub closed: Vec<PlannedAction>,
    /// Gaps only the later assessment finds.
    pub opened: Vec<PlannedAction>,
    /// Gaps both find.
    pub still_open: Vec<StillOpen>,
    /// Answers that changed, in the interview's order.
    pub changed: Vec<AnswerChange>,
    /// Questions whose answers were set aside, in either session, because the
    /// questionnaire no longer asks them (retired or renamed): not counted as changes.
    pub retired: Vec<String>,
}

/// The date an assessment speaks for: its visit, else its last change.
pub fn date_of(session: &Session) -> time::Date {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    session
        .mission
        .visit_date
        .as_deref()
        .and_then(|d| time::Date::parse(d, &fmt).ok())
        .unwrap_or_else(|| session.updated.date())
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
fn months(from: time::Date, to: time::Date) -> i32 {
    let m = (to.year() - from.year()) * 12 + i32::from(u8::from(to.month()))
        - i32::from(u8::from(from.month()));
    let m = if to.day() < from.day() { m - 1 } else { m };
    m.max(0)
}

/// Compares `old` with `new`, both already checked against `bank`.
pub fn compare(bank: &Bank, old: &Session, new: &Session, lang: Lang) -> Comparison {
    let (old_date, new_date) = (date_of(old), date_of(new));
    let before = actions(
        bank,
        old,
        BuildOptions {
            lang,
            date: old_date,
        },
    );
    let after = actions(
        bank,
        new,
        BuildOptions {
            lang,
            date: new_date,
        },
    );
    let before_ids: BTreeSet<&str> = before.iter().map(|a| a.id.as_str()).collect();
    let after_ids: BTreeSet<&str> = after.iter().map(|a| a.id.as_str()).collect();
    let closed = before
        .iter()
        .filter(|a| !after_ids.contains(a.id.as_str()))
        .cloned()
        .collect();
    let opened = after
        .iter()
        .filter(|a| !before_ids.contains(a.id.as_str()))
        .cloned()
        .collect();
    let still_open = after
        .iter()
        .filter(|a| before_ids.contains(a.id.as_str()))
        .map(|a| StillOpen {
            action: a.clone(),
            months: months(old_date, new_date),
        })
        .collect();
    let then = evaluate_on(bank, &old.answers, old_date);
    let now = evaluate_on(bank, &new.answers, new_date);
    let reader = Reader::new(bank, new, lang, new_date);
    let areas = bank
        .manifest
        .areas
        .iter()
        .map(|area| {
            let score = |scores: &[crate::rules::AreaScore]| {
                scores
                    .iter()
                    .find(|s| s.area == area.id)
                    .and_then(|s| s.score)
            };
            AreaChange {
                title: reader.words(&area.title),
                old: score(&then.scores),
                new: score(&now.scores),
            }
        })
        .collect();
    let t = ui(lang);
    let shown = |a: Option<&Answer>, q: &crate::bank::Question| {
        a.map_or_else(|| t.not_answered.to_string(), |a| a.display(q, lang))
    };
    let changed = bank
        .questions()
        .filter_map(|(_, q)| {
            let (a, b) = (old.answers.get(&q.id), new.answers.get(&q.id));
            if a == b {
                return None;
            }
            let (old_text, mut new_text) = (shown(a, q), shown(b, q));
            if old_text == new_text {
                new_text.push_str(match lang {
                    Lang::Fr => " (entrées modifiées)",
                    Lang::En => " (entries changed)",
                });
            }
            Some(AnswerChange {
                question: q.short_label().get(lang).to_string(),
                old: old_text,
                new: new_text,
            })
        })
        .collect();
    let retired: BTreeSet<String> = old
        .retired
        .keys()
        .chain(new.retired.keys())
        .cloned()
        .collect();
    Comparison {
        lang,
        organisation: new.organisation.clone(),
        old_date,
        new_date,
        overall: (then.overall, now.overall),
        areas,
        closed,
        opened,
        still_open,
        changed,
        retired: retired.into_iter().collect(),
    }
}

/// The id of the comparison's chapter in a report.
pub const CHAPTER_ID: &str = "progress";

/// The comparison as a chapter: scores then and now, gaps closed, new and
/// still open, answers changed, questions retired.
pub fn chapter(c: &Comparison) -> ReportSection {
    let lang = c.lang;
    let fr = lang == Lang::Fr;
    let tr = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    let score = |s: Option<u8>| s.map_or_else(|| "—".to_string(), |s| percent(s, lang));
    let (then, now) = (format_date(c.old_date, lang), format_date(c.new_date, lang));
    let heading = |text: String| Block::Heading { level: 2, text };
    let para = |text: String| Block::Paragraph {
        spans: vec![Span::plain(text)],
    };
    let mut blocks = vec![
        para(match lang {
            Lang::Fr => format!("Évaluation du {now}, comparée à celle du {then}."),
            Lang::En => format!("Assessment of {now}, compared with that of {then}."),
        }),
        heading(tr("Notes", "Scores")),
    ];
    let mut rows = vec![vec![
        tr("Note globale", "Overall score"),
        score(c.overall.0),
        score(c.overall.1),
    ]];
    rows.extend(
        c.areas
            .iter()
            .map(|a| vec![a.title.clone(), score(a.old), score(a.new)]),
    );
    blocks.push(Block::Table {
        header: vec![tr("Domaine", "Area"), then.clone(), now.clone()],
        rows,
    });
    let action = |a: &PlannedAction| {
        vec![
            Span::strong(a.title.clone()),
            Span::plain(format!(" ({}, {})", a.priority, a.area)),
        ]
    };
    let mut list = |title: String, items: Vec<Vec<Span>>, empty: String| {
        blocks.push(heading(title));
        blocks.push(if items.is_empty() {
            para(empty)
        } else {
            Block::Bullets { items }
        });
    };
    list(
        tr("Écarts corrigés", "Gaps closed"),
        c.closed.iter().map(action).collect(),
        tr(
            "Aucun écart de la dernière évaluation n’a été corrigé.",
            "No gap of the last assessment was closed.",
        ),
    );
    list(
        tr("Nouveaux écarts", "New gaps"),
        c.opened.iter().map(action).collect(),
        tr("Aucun nouvel écart.", "No new gap."),
    );
    list(
        tr("Écarts toujours ouverts", "Gaps still open"),
        c.still_open
            .iter()
            .map(|s| {
                let mut spans = action(&s.action);
                spans.push(Span::plain(match lang {
                    Lang::Fr => format!(
                        " — déjà relevé le {then}, ouvert depuis au moins {}\u{a0}mois",
                        s.months
                    ),
                    Lang::En => format!(
                        " — already found on {then}, open for at least {} month{}",
                        s.months,
                        if s.months == 1 { "" } else { "s" }
                    ),
                }));
                spans
            })
            .collect(),
        tr("Aucun écart n’est resté ouvert.", "No gap remained open."),
    );
    blocks.push(heading(tr("Réponses modifiées", "Answers changed")));
    blocks.push(if c.changed.is_empty() {
        para(tr("Aucune réponse n’a changé.", "No answer changed."))
    } else {
        Block::Table {
            header: vec![tr("Question", "Question"), then, now],
            rows: c
                .changed
                .iter()
                .map(|ch| vec![ch.question.clone(), ch.old.clone(), ch.new.clone()])
                .collect(),
        }
    });
    if !c.retired.is_empty() {
        blocks.push(heading(tr(
            "Questions retirées du questionnaire",
            "Questions retired from the questionnaire",
        )));
        blocks.push(para(tr(
            "Le questionnaire a changé entre les deux évaluations\u{a0}: les réponses à ces questions, retirées ou renommées, sont conservées mais ne sont ni évaluées ni comptées comme des changements.",
            "The questionnaire changed between the two assessments: the answers to these questions, retired or renamed, are kept but neither assessed nor counted as changes.",
        )));
        blocks.push(Block::Bullets {
            items: c
                .retired
                .iter()
                .map(|id| vec![Span::plain(id.clone())])
                .collect(),
        });
    }
    ReportSection {
        id: CHAPTER_ID.into(),
        title: tr(
            "Évolution depuis la dernière évaluation",
            "Progress since the last assessment",
        ),
        blocks,
    }
}

/// The comparison as a Markdown document.
pub fn markdown(c: &Comparison) -> String {
    let chapter = chapter(c);
    let title = format!("{} — {}", chapter.title, c.organisation);
    crate::render::markdown::chapter(&title, &chapter.blocks, c.lang) + "\n"
}

/// The comparison as a printable document: the chapter's opening line as
/// the dateline, each of its parts (scores, gaps closed, new, still open,
/// answers changed) a chapter of its own.
pub fn document(c: &Comparison) -> crate::render::pdf::compose::Document {
    let chapter = chapter(c);
    let (mut dateline, mut intro) = (String::new(), Vec::new());
    let mut sections: Vec<ReportSection> = Vec::new();
    for block in chapter.blocks {
        match (block, sections.last_mut()) {
            (Block::Heading { text, .. }, _) => sections.push(ReportSection {
                id: format!("{CHAPTER_ID}-{}", sections.len() + 1),
                title: text,
                blocks: Vec::new(),
            }),
            (block, Some(section)) => section.blocks.push(block),
            (Block::Paragraph { spans }, None) if dateline.is_empty() => {
                dateline = spans.into_iter().map(|s| s.text).collect();
            }
            (block, None) => intro.push(block),
        }
    }
    crate::render::pdf::compose::Document {
        lang: c.lang,
        title: chapter.title,
        organisation: c.organisation.clone(),
        dateline,
        note: None,
        intro,
        sections,
        strong_to_fill: false,
    }
}

/// The comparison as PDF bytes on `paper`, dated `created` in its metadata.
pub fn pdf(
    c: &Comparison,
    paper: crate::render::pdf::Paper,
    created: time::OffsetDateTime,
) -> Result<Vec<u8>, crate::render::pdf::WriteError> {
    crate::render::pdf::render_document(&document(c), paper, created)
}

/// Adds to `report` of `session` (kept at `session_path`) the comparison with
/// the assessment it was started from, after the action plan, when that
/// earlier session can still be read; says whether it did.
pub fn attach(
    report: &mut Report,
    bank: &Bank,
    session: &Session,
    session_path: Option<&Path>,
) -> bool {
    let Some(old) = crate::session::library::previous(bank, session, session_path) else {
        return false;
    };
    let chapter = chapter(&compare(bank, &old, session, report.lang));
    let at = report
        .sections
        .iter()
        .position(|s| s.id == "action-plan")
        .map_or(report.sections.len(), |i| i + 1);
    report.sections.insert(at, chapter);
    true
}

#[cfg(test)]
mod tests {
    use super::months;
    use time::macros::date;

    #[test]
    fn months_are_whole_and_never_negative() {
        assert_eq!(months(date!(2025 - 11 - 05), date!(2026 - 11 - 05)), 12);
        assert_eq!(months(date!(2025 - 11 - 06), date!(2026 - 11 - 05)), 11);
        assert_eq!(months(date!(2026 - 11 - 05), date!(2025 - 11 - 05)), 0);
    }
}
