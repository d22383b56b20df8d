//! The Markdown export: CommonMark with GitHub tables and task lists.

use crate::bank::Severity;
use crate::i18n::{Lang, ui};
use crate::report::{Block, FindingBlock, Report, Span, Status, Style};
use std::fmt::Write as _;

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let lang = report.lang;
    let t = ui(lang);
    let colon = crate::i18n::colon(lang);
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}\n", escape(&report.title));
    let _ = writeln!(out, "*{}*\n", escape(&report.subtitle));
    if let Some(band) = report.draft_band() {
        let _ = writeln!(out, "**{}**\n", escape(&band));
    }
    let m = &report.meta;
    let mut facts = vec![
        (t.prepared_for, m.organisation.clone()),
        (t.date, m.date.clone()),
    ];
    facts.push((t.legal_framework, m.jurisdictions.join(t.list_sep)));
    if let Some(by) = &m.prepared_by {
        facts.push((t.prepared_by, by.clone()));
    }
    facts.extend(m.mission_facts(t));
    if let Some(score) = report.evaluation.overall {
        facts.push((t.overall_score, format!("{score}/100")));
    }
    for (label, value) in facts {
        let _ = writeln!(out, "**{label}{colon}** {}  ", escape(&value));
    }
    out.push('\n');
    for (n, section) in report.sections.iter().enumerate() {
        let _ = writeln!(out, "## {}. {}\n", n + 1, escape(&section.title));
        for block in &section.blocks {
            block_md(&mut out, block, lang);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A chapter of the report as a document of its own, under a level-one
/// `title`, its headings one level up: the comparison with the last audit.
pub fn chapter(title: &str, blocks: &[Block], lang: Lang) -> String {
    let mut out = format!("# {}\n\n", escape(title));
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    escape(text)
                );
            }
            other => block_md(&mut out, other, lang),
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn block_md(out: &mut String, block: &Block, lang: Lang) {
    let t = ui(lang);
    let colon = crate::i18n::colon(lang);
    match block {
        Block::Heading { level, text } => {
            let _ = writeln!(
                out,
                "{} {}\n",
                "#".repeat(usize::from(*level) + 1),
                escape(text)
            );
        }
        Block::Paragraph { spans } => {
            let _ = writeln!(out, "{}\n", spans_md(spans));
        }
        Block::Bullets { items } => {
            for item in items {
                let _ = writeln!(out, "- {}", spans_md(item));
            }
            out.push('\n');
        }
        Block::Checklist { items } => {
            for item in items {
                let (mark, label) = match item.status {
                    Status::Done => ("x", t.status_done),
                    Status::Todo => (" ", t.status_todo),
                    Status::ToVerify => (" ", t.status_verify),
                };
                let _ = writeln!(out, "- [{mark}] {} — *{label}*", escape(&item.text));
            }
            out.push('\n');
        }
        Block::Table { header, rows } => table_md(out, header, rows),
        Block::Answers { rows } => {
            let header = [t.question, t.answer, t.note].map(String::from);
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| vec![r.question.clone(), r.answer.clone(), r.note.clone()])
                .collect();
            table_md(out, &header, &rows);
        }
        Block::KeyFigures { figures } => {
            for f in figures {
                let _ = writeln!(
                    out,
                    "- **{}{colon}** {}",
                    escape(&f.label),
                    escape(&f.value)
                );
            }
            out.push('\n');
        }
        Block::Scores { scores } => {
            let rows: Vec<Vec<String>> = scores
                .iter()
                .map(|s| match s.score {
                    Some(score) => vec![s.label.clone(), format!("{score}/100"), bar(score)],
                    None => vec![s.label.clone(), s.missing.clone(), String::new()],
                })
                .collect();
            table_md(
                out,
                &[t.area.to_string(), t.score.to_string(), String::new()],
                &rows,
            );
        }
        Block::Actions { items } | Block::FirstSteps { items } => {
            // One line per action; the finding with the same number says what to do.
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|a| {
                    vec![
                        a.number.to_string(),
                        a.priority.clone(),
                        a.task.clone(),
                        a.area.clone(),
                    ]
                })
                .collect();
            let header = [t.number, t.priority, t.action, t.area].map(String::from);
            table_md(out, &header, &rows);
        }
        Block::Finding(f) => finding_md(out, f, lang),
        Block::Signature { facts } => {
            for (label, value) in facts {
                let _ = writeln!(out, "**{}{colon}** {}  ", escape(label), escape(value));
            }
            let blank = "\\_".repeat(24);
            let _ = writeln!(
                out,
                "**{}{colon}** {blank}  \n**{}{colon}** {}\n",
                t.validated_by,
                t.date,
                "\\_".repeat(12)
            );
        }
    }
}

fn finding_md(out: &mut String, f: &FindingBlock, lang: Lang) {
    let t = ui(lang);
    if f.severity.is_gap() {
        let number = f.number.map_or_else(String::new, |n| format!("{n}. "));
        let _ = writeln!(
            out,
            "> **{number}{} — {}**\n>",
            escape(&f.label),
            escape(&f.title)
        );
        let _ = writeln!(out, "> {}\n>", escape_line_start(&f.finding));
        let _ = writeln!(out, "> **{}** {}", t.what_to_do, escape(&f.recommendation));
        if !f.refs.is_empty() {
            let _ = writeln!(out, ">\n> {}", refs_md(&f.refs, lang));
        }
        for line in notes_md(f, lang) {
            let _ = writeln!(out, ">\n> {line}");
        }
        out.push('\n');
        return;
    }
    if f.severity == Severity::Advice {
        // Advice is compact, one item each (grouped at the end of its
        // chapter when the practice is absent).
        let _ = writeln!(
            out,
            "- **{}** — {} {}",
            escape(&f.title),
            escape(&f.finding),
            escape(&f.recommendation)
        );
        for line in notes_md(f, lang) {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
        return;
    }
    if f.severity == Severity::GoodPractice {
        let _ = writeln!(out, "**✓ {}** — *{}*\n", escape(&f.title), t.good_practice);
    } else {
        let _ = writeln!(out, "**{}**\n", escape(&f.title));
    }
    let _ = writeln!(
        out,
        "{} {}\n",
        escape_line_start(&f.finding),
        escape(&f.recommendation)
    );
    for line in notes_md(f, lang) {
        let _ = writeln!(out, "{line}\n");
    }
}

/// The notes under a finding, each on its own line, in italics up to the colon.
fn notes_md(f: &FindingBlock, lang: Lang) -> Vec<String> {
    let t = ui(lang);
    let colon = crate::i18n::colon(lang);
    f.notes
        .iter()
        .map(|(question, note)| {
            format!(
                "*{} ({}){colon}* {}",
                t.note_label,
                escape(question),
                escape(note)
            )
        })
        .collect()
}

/// The legal references line: "*Références : a ; b*".
fn refs_md(refs: &[String], lang: Lang) -> String {
    let t = ui(lang);
    format!("*{} {}*", t.legal_basis, escape(&refs.join(t.list_sep)))
}

fn table_md(out: &mut String, header: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "| {} |",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let _ = writeln!(
            out,
            "| {} |",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

fn spans_md(spans: &[Span]) -> String {
    spans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            // The first span starts the paragraph's line.
            let text = if i == 0 {
                escape_line_start(&s.text)
            } else {
                escape(&s.text)
            };
            let trimmed = text.trim_end();
            let trail = &text[trimmed.len()..];
            match s.style {
                Style::Plain => text.clone(),
                Style::Strong if !trimmed.is_empty() => format!("**{trimmed}**{trail}"),
                _ => text.clone(),
            }
        })
        .collect()
}

/// A ten-cell bar for a score out of 100.
fn bar(score: u8) -> String {
    let full = (usize::from(score.min(100)) + 5) / 10;
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

/// Inline text that cannot change the document's structure: the characters
/// Markdown reads as markup are escaped, line breaks become spaces (a name
/// with a line break must not start a heading, a list or a table row), and
/// control and bidirectional-override characters are dropped.
/// Text with the characters Markdown would read as formatting escaped (and
/// control characters removed): shared by every Markdown document.
pub(crate) fn escape(text: &str) -> String {
    let text = crate::sanitize::metadata(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escaped text that starts a line: also escapes what would open a block
/// there (a list marker, a numbered item, a setext underline, an indent).
fn escape_line_start(text: &str) -> String {
    let escaped = escape(text);
    let trimmed = escaped.trim_start();
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    let mut out = String::with_capacity(escaped.len() + 1);
    match trimmed.chars().next() {
        Some('-' | '+' | '=') => {
            out.push('\\');
            out.push_str(trimmed);
        }
        Some(_)
            if (1..=9).contains(&digits)
                && matches!(trimmed[digits..].chars().next(), Some('.' | ')')) =>
        {
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            out.push_str(&trimmed[digits..]);
        }
        _ => out.push_str(trimmed),
    }
    out
}

/// A table cell: escaped, with its line breaks as `<br>`.
fn cell(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}
