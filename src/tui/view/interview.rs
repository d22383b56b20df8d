//! The interview: the section list and the question pane.

use super::{input_cursor, input_line, pane, row, wrapped_height};
use crate::answer::entry_name;
use crate::bank::Kind;
use crate::flow::{self, SectionStatus};
use crate::i18n::ui;
use crate::tui::app::App;
use crate::tui::editor::{Editor, OTHER};
use crate::tui::strings::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub(super) fn sidebar(frame: &mut Frame, app: &App, area: Rect) {
    let Some(session) = &app.session else { return };
    let progress = flow::progress(&app.bank, &session.answers);
    let current = app.current_section();
    let lines: Vec<Line> = app
        .bank
        .sections
        .iter()
        .zip(&progress.sections)
        .enumerate()
        .map(|(i, (section, p))| {
            let mark = match p.status {
                _ if i == current => "▸",
                SectionStatus::Done => "✓",
                SectionStatus::InProgress => "◐",
                SectionStatus::ToDo => "·",
                SectionStatus::Skipped => "–",
            };
            let count = format!("{}/{}", p.done, p.total);
            let room =
                usize::from(area.width.saturating_sub(2)).saturating_sub(count.chars().count() + 3);
            let title = section.title.get(app.lang);
            let title = if title.chars().count() > room {
                format!(
                    "{}…",
                    title
                        .chars()
                        .take(room.saturating_sub(1))
                        .collect::<String>()
                )
            } else {
                title.to_string()
            };
            let pad = room.saturating_sub(title.chars().count());
            let text = format!("{mark} {title}{} {count}", " ".repeat(pad));
            let style = match (app.sidebar, p.status) {
                (Some(s), _) if s == i => app.theme.selected,
                (_, SectionStatus::Skipped) => app.theme.dim,
                _ if i == current => app.theme.title,
                _ => app.theme.text,
            };
            Line::styled(text, style)
        })
        .collect();
    let block = pane(
        app,
        words(app.lang).sections.to_string(),
        app.sidebar.is_some(),
    );
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The prompt text above the list and the list area, inside the main pane.
pub(super) fn question_layout(app: &App, inner: Rect) -> (Rect, Rect) {
    let prompt = prompt_text(app);
    let height = wrapped_height(&prompt, inner.width)
        .saturating_add(1)
        .min(inner.height / 2);
    let [top, list] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    (top, list)
}

pub(super) fn prompt_text(app: &App) -> String {
    let Some(q) = app.question() else {
        return String::new();
    };
    match (&app.entry, app.sub_question()) {
        (Some(entry), Some(sub)) => {
            let name = entry_name(q, app.group_entries(), entry.index, app.lang);
            format!("{name} — {}", sub.label.get(app.lang))
        }
        _ => q.label.get(app.lang).to_string(),
    }
}

pub(super) fn interview(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(q), Some(session)) = (app.question(), &app.session) else {
        return;
    };
    let w = words(app.lang);
    let section = app
        .bank
        .section_of(&q.id)
        .map(|s| s.title.get(app.lang).to_string())
        .unwrap_or_default();
    let block = pane(app, section, app.sidebar.is_none());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (top, list) = question_layout(app, inner);
    let asked = app.sub_question().unwrap_or(q);
    let mut title = vec![Span::styled(prompt_text(app), app.theme.title)];
    if asked.optional {
        title.push(Span::styled(format!(" {}", w.optional), app.theme.dim));
    }
    if session.to_verify.contains(&q.id) {
        title.push(Span::styled(format!(" [{}]", w.to_verify), app.theme.warn));
    }
    frame.render_widget(
        Paragraph::new(Line::from(title)).wrap(Wrap { trim: false }),
        top,
    );
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    match app.active_editor() {
        Some(Editor::Choice(c)) => {
            for (i, (id, label)) in c.items.iter().enumerate() {
                let mark = match (c.multi, c.checked.contains(id)) {
                    (true, true) => "[x] ",
                    (true, false) => "[ ] ",
                    (false, _) => "",
                };
                lines.push(row(app, i == c.cursor, format!("{mark}{label}")));
            }
            lines.push(row(
                app,
                c.cursor == c.items.len(),
                format!("? {}", ui(app.lang).dont_know),
            ));
            if c.checked.contains(OTHER) {
                let prefix = format!("  {} ", ui(app.lang).other_specify);
                let y = list.y + lines.len() as u16 + 1;
                lines.push(Line::raw(""));
                lines.push(input_line(&prefix, &c.other, list.width, app.theme.text));
                if c.on_other() {
                    cursor = Some((list.x + input_cursor(&prefix, &c.other, list.width), y));
                }
            }
        }
        Some(Editor::Text(t)) => {
            let prefix = "› ";
            lines.push(input_line(prefix, &t.input, list.width, app.theme.focus));
            cursor = Some((list.x + input_cursor(prefix, &t.input, list.width), list.y));
            if let Some(format) = asked.format.filter(|_| t.error.is_none()) {
                let hint = match format {
                    crate::bank::TextFormat::Email => w.email_example,
                    crate::bank::TextFormat::Date => {
                        if app.lang == crate::i18n::Lang::Fr {
                            "AAAA-MM-JJ"
                        } else {
                            "YYYY-MM-DD"
                        }
                    }
                    crate::bank::TextFormat::Url => "https://…",
                };
                lines.push(Line::styled(format!("  {hint}"), app.theme.dim));
            }
            if let Some(unit) = asked.unit.as_ref().filter(|_| asked.kind == Kind::Number) {
                lines.push(Line::styled(
                    format!("  ({})", unit.get(app.lang)),
                    app.theme.dim,
                ));
            }
            if let Some(error) = &t.error {
                lines.push(Line::styled(format!("✗ {error}"), app.theme.error));
            }
        }
        Some(Editor::Group(g)) => {
            let entries = app.group_entries();
            for i in 0..entries.len() {
                let name = entry_name(q, entries, i, app.lang);
                lines.push(row(app, g.cursor == i, format!("{}. {name}", i + 1)));
            }
            lines.push(row(app, g.cursor == entries.len(), w.add_entry.to_string()));
            lines.push(row(
                app,
                g.cursor == entries.len() + 1,
                format!("✓ {}", w.entries_done),
            ));
        }
        None => {}
    }
    if let Some(note) = session.notes.get(&q.id) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("{} : {note}", w.note).replace(
                " :",
                if app.lang == crate::i18n::Lang::Fr {
                    "\u{a0}:"
                } else {
                    ":"
                },
            ),
            app.theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);
    if let (Some(pos), None) = (cursor, &app.popup) {
        frame.set_cursor_position(pos);
    }
}
