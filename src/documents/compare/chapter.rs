//! The comparison set as a chapter of a report, as Markdown and as a
//! document of its own (PDF).

use super::Comparison;
use crate::i18n::{Lang, format_date, percent};
use crate::report::{Block, PlannedAction, ReportSection, Span};

/// The id of the comparison's chapter in a report.
pub const CHAPTER_ID: &str = "progress";

/// The comparison as a chapter: scores then and now, gaps closed, new and
/// still open, answers changed, questions retired.
pub fn chapter(c: &Comparison) -> ReportSection {
    let lang = c.lang;
    let fr = lang == Lang::Fr;
    let tr = |a: &str, b: &str| if fr { a.to_string() } else { b.to_string() };
    // An area with no number says why (« non noté : 1 écart à corriger »).
    let area_score = |s: Option<u8>, why: &str| match s {
        Some(s) => percent(s, lang),
        None if why.is_empty() => "—".to_string(),
        None => why.to_string(),
    };
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
        area_score(c.overall.0, ""),
        area_score(c.overall.1, ""),
    ]];
    rows.extend(c.areas.iter().map(|a| {
        vec![
            a.title.clone(),
            area_score(a.old, &a.old_unscored),
            area_score(a.new, &a.new_unscored),
        ]
    }));
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
    part(
        &mut blocks,
        tr("Écarts corrigés", "Gaps closed"),
        None,
        c.closed.iter().map(action).collect(),
        tr(
            "Aucun écart de la dernière évaluation n’a été corrigé.",
            "No gap of the last assessment was closed.",
        ),
    );
    // A fixed gap can uncover another that its finding used to cover.
    let uncovered = !c.opened.is_empty() && !c.closed.is_empty();
    part(
        &mut blocks,
        tr("Nouveaux écarts", "New gaps"),
        uncovered.then(|| tr(
            "Un écart est nouveau parce qu’une réponse a changé, ou parce qu’un écart aujourd’hui corrigé le masquait.",
            "A gap is new because an answer changed, or because a gap now closed was hiding it.",
        )),
        c.opened.iter().map(action).collect(),
        tr("Aucun nouvel écart.", "No new gap."),
    );
    if !c.revealed.is_empty() {
        part(
            &mut blocks,
            tr(
                "Écarts apparus sans changement de réponse",
                "Gaps found with no answer changed",
            ),
            Some(tr(
                "Les réponses qu’ils lisent n’ont pas changé\u{a0}: un autre écart les couvrait à la dernière évaluation, ou le temps a passé (une politique qui a maintenant plus d’un an, par exemple).",
                "The answers they read did not change: another gap covered them at the last assessment, or time has passed (a policy now more than a year old, for example).",
            )),
            c.revealed.iter().map(action).collect(),
            String::new(),
        );
    }
    part(
        &mut blocks,
        tr("Écarts toujours ouverts", "Gaps still open"),
        None,
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
        part(
            &mut blocks,
            tr(
                "Questions retirées du questionnaire",
                "Questions retired from the questionnaire",
            ),
            Some(tr(
                "Le questionnaire a changé entre les deux évaluations\u{a0}: les réponses à ces questions, retirées ou renommées, sont conservées mais ne sont ni évaluées ni comptées comme des changements.",
                "The questionnaire changed between the two assessments: the answers to these questions, retired or renamed, are kept but neither assessed nor counted as changes.",
            )),
            c.retired
                .iter()
                .map(|id| vec![Span::plain(id.clone())])
                .collect(),
            String::new(),
        );
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

/// A part of the chapter: its heading, a sentence saying what it lists if
/// any, then the list, or `empty` when there is nothing to list.
fn part(
    blocks: &mut Vec<Block>,
    title: String,
    intro: Option<String>,
    items: Vec<Vec<Span>>,
    empty: String,
) {
    let para = |text: String| Block::Paragraph {
        spans: vec![Span::plain(text)],
    };
    blocks.push(Block::Heading {
        level: 2,
        text: title,
    });
    blocks.extend(intro.map(para));
    blocks.push(if items.is_empty() {
        para(empty)
    } else {
        Block::Bullets { items }
    });
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
