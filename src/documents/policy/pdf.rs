//! The policy as a PDF: its title block, then its sections as chapters,
//! placeholders in bold amber, through the report's PDF engine.

use super::model::{Block, Policy, Span};
use crate::render::pdf::{self, Paper, WriteError, compose::Document};
use crate::report::{self, ReportSection};

/// The policy's text runs: placeholders in bold (set in amber too).
fn spans(spans: &[Span]) -> Vec<report::Span> {
    spans
        .iter()
        .map(|s| {
            if s.to_fill {
                report::Span::strong(s.text.clone())
            } else {
                report::Span::plain(s.text.clone())
            }
        })
        .collect()
}

/// The policy as a printable document: sections as chapters, sub-headings
/// as their headings, placeholders as passages to complete.
pub fn document(policy: &Policy) -> Document {
    let sections = policy
        .sections
        .iter()
        .map(|section| ReportSection {
            id: format!("{:?}", section.item).to_lowercase(),
            title: section.title.clone(),
            blocks: section
                .blocks
                .iter()
                .map(|block| match block {
                    Block::Para(p) => report::Block::Paragraph { spans: spans(p) },
                    Block::Heading(h) => report::Block::Heading {
                        level: 2,
                        text: h.clone(),
                    },
                    Block::Bullets(items) => report::Block::Bullets {
                        items: items.iter().map(|i| spans(i)).collect(),
                    },
                })
                .collect(),
        })
        .collect();
    Document {
        lang: policy.lang,
        title: policy.title.clone(),
        organisation: policy.organisation.clone(),
        dateline: policy.dateline.clone(),
        note: policy.draft_note.clone(),
        intro: vec![report::Block::Paragraph {
            spans: vec![report::Span::plain(policy.intro.clone())],
        }],
        sections,
        strong_to_fill: true,
    }
}

/// The policy as PDF bytes on `paper`, dated `created` in its metadata.
pub fn render(
    policy: &Policy,
    paper: Paper,
    created: time::OffsetDateTime,
) -> Result<Vec<u8>, WriteError> {
    pdf::render_document(&document(policy), paper, created)
}
