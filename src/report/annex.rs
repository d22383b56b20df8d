//! The annex: every answer given, section by section, with notes and marks.

use super::model::*;
use crate::answer::Answer;
use crate::bank::{Bank, Kind};
use crate::condition::Scope;
use crate::flow::Visible;
use crate::i18n::colon;
use crate::i18n::{Lang, ui};
use crate::session::Session;

/// The annex chapter.
pub fn annex(bank: &Bank, session: &Session, visible: &Visible<'_>, lang: Lang) -> ReportSection {
    let t = ui(lang);
    let mut blocks = vec![Block::Paragraph {
        spans: vec![Span::plain(t.annex_intro)],
    }];
    for section in &bank.sections {
        let answered: Vec<_> = section
            .questions
            .iter()
            .filter(|q| visible.answer(&q.id).is_some())
            .collect();
        if answered.is_empty() {
            continue;
        }
        blocks.push(Block::Heading {
            level: 2,
            text: section.title.get(lang).into(),
        });
        let rows = answered
            .iter()
            .map(|q| {
                let answer = visible
                    .answer(&q.id)
                    .map_or_else(String::new, |a| a.display(q, lang));
                let mut note = session.notes.get(&q.id).cloned().unwrap_or_default();
                let marks = [
                    (session.to_verify.contains(&q.id), t.status_verify),
                    (session.to_confirm.contains(&q.id), t.status_confirm),
                ];
                for (_, word) in marks.iter().filter(|(marked, _)| *marked) {
                    let mark = format!("({})", word.to_lowercase());
                    note = if note.is_empty() {
                        mark
                    } else {
                        format!("{mark} {note}")
                    };
                }
                vec![q.short_label().get(lang).to_string(), answer, note]
            })
            .collect();
        blocks.push(Block::Table {
            header: vec![t.question.into(), t.answer.into(), t.note.into()],
            rows,
        });
        for group in answered.iter().filter(|q| q.kind == Kind::Group) {
            let Some(entries) = visible.answer(&group.id).and_then(Answer::entries) else {
                continue;
            };
            if entries.is_empty() {
                continue;
            }
            blocks.push(Block::Heading {
                level: 3,
                text: group.short_label().get(lang).into(),
            });
            let mut header = vec![String::new()];
            header.extend(
                group
                    .questions
                    .iter()
                    .map(|s| s.short_label().get(lang).to_string()),
            );
            let rows = entries
                .iter()
                .enumerate()
                .map(|(i, entry)| {
                    let mut row = vec![format!("{}", i + 1)];
                    row.extend(group.questions.iter().map(|sub| {
                        entry
                            .get(&sub.id)
                            .map_or_else(String::new, |a| a.display(sub, lang))
                    }));
                    row
                })
                .collect();
            blocks.push(Block::Table { header, rows });
        }
    }
    if !session.retired.is_empty() {
        blocks.push(Block::Heading {
            level: 2,
            text: t.retired_title.into(),
        });
        blocks.push(Block::Paragraph {
            spans: vec![Span::plain(t.retired_intro)],
        });
        let items = session
            .retired
            .iter()
            .map(|(id, value)| {
                vec![
                    Span::strong(format!("{id}{}", colon(lang))),
                    Span::plain(format!(" {value}")),
                ]
            })
            .collect();
        blocks.push(Block::Bullets { items });
    }
    ReportSection {
        id: "annex".into(),
        title: t.annex.into(),
        blocks,
    }
}
