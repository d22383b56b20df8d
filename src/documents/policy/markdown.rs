//! The policy as Markdown: placeholders in bold so they cannot be missed.

use super::model::{Block, Policy, Span};

use crate::render::markdown::escape;

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            if s.to_fill {
                format!("**{}**", escape(&s.text))
            } else {
                escape(&s.text)
            }
        })
        .collect()
}

/// The policy as a Markdown document.
pub fn render(policy: &Policy) -> String {
    let mut out = format!(
        "# {} — {}\n\n*{}*\n\n",
        escape(&policy.title),
        escape(&policy.organisation),
        escape(&policy.dateline)
    );
    if let Some(note) = &policy.draft_note {
        out.push_str(&format!("> **{}**\n\n", escape(note)));
    }
    out.push_str(&escape(&policy.intro));
    out.push_str("\n\n");
    for (i, section) in policy.sections.iter().enumerate() {
        out.push_str(&format!("## {}. {}\n\n", i + 1, escape(&section.title)));
        for block in &section.blocks {
            match block {
                Block::Para(p) => out.push_str(&format!("{}\n\n", spans(p))),
                Block::Heading(h) => out.push_str(&format!("### {}\n\n", escape(h))),
                Block::Bullets(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", spans(item)));
                    }
                    out.push('\n');
                }
            }
        }
    }
    out
}
