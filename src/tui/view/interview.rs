//! The interview: the section list and the question pane.

use super::list::{Row, window};
use super::{input_cursor, input_line, pane, row, wrap, wrapped_height};
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
    let progress = session.progress(&app.bank);
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
    // The prompt, what earlier answers said, the line that says whether it
    // is answered, a blank line. Measured as drawn: continuations hang by two.
    let state = state_text(app, inner.width).map_or(0, |(text, _)| {
        wrap(&text, usize::from(inner.width), 2).len() as u16
    });
    let state = state
        + reminder_text(app).map_or(0, |text| {
            wrap(&text, usize::from(inner.width), 2).len() as u16
        });
    // Tags go after the prompt's last line: count them in its height.
    let tags = [w_optional(app), w_marks(app)].concat();
    let height = wrapped_height(&format!("{prompt}{tags}"), inner.width)
        .saturating_add(state)
        .saturating_add(1)
        // All but four rows of the pane (half of a very short one): the
        // choices stay in view.
        .min(inner.height.saturating_sub(4).max(inner.height / 2));
    let [top, list] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    (top, list)
}

/// " (facultatif)" when the question on screen is optional.
fn w_optional(app: &App) -> String {
    let asked = app.sub_question().or(app.question());
    match asked {
        Some(q) if q.optional => format!(" {}", words(app.lang).optional),
        _ => String::new(),
    }
}

/// " [à vérifier]" and " [à confirmer]" as the question on screen has them.
fn w_marks(app: &App) -> String {
    let (Some(q), Some(session)) = (app.question(), &app.session) else {
        return String::new();
    };
    let w = words(app.lang);
    let mut marks = String::new();
    if session.to_verify.contains(&q.id) {
        marks.push_str(&format!(" [{}]", w.to_verify));
    }
    if session.to_confirm.contains(&q.id) {
        marks.push_str(&format!(" [{}]", w.to_confirm));
    }
    marks
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

/// `text` on one line, cut to `width` characters with an ellipsis.
fn shorten(text: &str, width: usize) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= width.max(2) {
        return one_line;
    }
    let mut out: String = one_line.chars().take(width.max(2) - 1).collect();
    out.push('…');
    out
}

/// The line under the question that says whether it is answered (and with
/// what) or new; `true` when answered.
fn state_text(app: &App, width: u16) -> Option<(String, bool)> {
    let q = app.question()?;
    let asked = app.sub_question().unwrap_or(q);
    let w = words(app.lang);
    Some(match saved_answer(app, asked) {
        Some(answer) => {
            let shown = shorten(&answer.display(asked, app.lang), usize::from(width) * 2 / 3);
            (format!("✓ {} {shown}", w.saved_answer), true)
        }
        None => (format!("• {}", w.not_answered_yet), false),
    })
}

/// What earlier answers said on the question on screen, when its bank
/// entry has a reminder that holds (not inside a list's entry).
fn reminder_text(app: &App) -> Option<String> {
    let (Some(q), Some(session), None) = (app.question(), &app.session, &app.entry) else {
        return None;
    };
    flow::reminder(&app.bank, &session.answers, q, app.lang).map(|text| format!("→ {text}"))
}

/// The answer saved for the question (or entry sub-question) on screen.
fn saved_answer<'a>(
    app: &'a App,
    asked: &crate::bank::Question,
) -> Option<&'a crate::answer::Answer> {
    let session = app.session.as_ref()?;
    match &app.entry {
        Some(entry) => app.group_entries().get(entry.index)?.get(&asked.id),
        None => session.answers.get(&asked.id),
    }
}

pub(super) fn interview(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(q), Some(_)) = (app.question(), &app.session) else {
        return;
    };
    let section = app
        .bank
        .section_of(&q.id)
        .map(|s| s.title.get(app.lang).to_string())
        .unwrap_or_default();
    let block = pane(app, section, app.sidebar.is_none());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (top, list) = question_layout(app, inner);
    // The prompt wrapped at ordinary spaces (never before « ? »), its tags
    // after the last line.
    let width = usize::from(inner.width);
    let mut title: Vec<Line> = wrap(&prompt_text(app), width, 0)
        .into_iter()
        .map(|l| Line::styled(l, app.theme.title))
        .collect();
    if let Some(last) = title.last_mut() {
        last.spans
            .push(Span::styled(w_optional(app), app.theme.dim));
        last.spans.push(Span::styled(w_marks(app), app.theme.warn));
    }
    // What earlier answers said comes right under the question, as in the plain mode.
    if let Some(text) = reminder_text(app) {
        title.extend(
            wrap(&text, width, 2)
                .into_iter()
                .map(|l| Line::styled(l, app.theme.warn)),
        );
    }
    if let Some((text, answered)) = state_text(app, inner.width) {
        let style = if answered {
            app.theme.ok
        } else {
            app.theme.dim
        };
        title.extend(
            wrap(&text, width, 2)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    frame.render_widget(Paragraph::new(title).wrap(Wrap { trim: false }), top);
    let layout = list_layout(app, list);
    frame.render_widget(
        Paragraph::new(layout.lines).wrap(Wrap { trim: false }),
        list,
    );
    if let (Some(pos), None) = (layout.cursor, &app.popup) {
        frame.set_cursor_position(pos);
    }
}

/// What the list under the question shows: its rows (scrolled to the
/// cursor), what follows them, and where the text cursor goes.
pub(super) struct ListLayout {
    /// The lines to draw.
    pub lines: Vec<Line<'static>>,
    /// For each screen line, the row a click there picks.
    pub at: Vec<Option<usize>>,
    /// The text cursor, when a field has the keys.
    pub cursor: Option<(u16, u16)>,
}

/// The list of the question on screen laid out in `list`.
pub(super) fn list_layout(app: &App, list: Rect) -> ListLayout {
    let w = words(app.lang);
    let (Some(q), Some(session)) = (app.question(), &app.session) else {
        return ListLayout {
            lines: Vec::new(),
            at: Vec::new(),
            cursor: None,
        };
    };
    let asked = app.sub_question().unwrap_or(q);
    let mut rows: Vec<Row> = Vec::new();
    let mut selected = None;
    let mut after: Vec<Line<'static>> = Vec::new();
    let mut other_input = None;
    let mut cursor = None;
    match app.active_editor() {
        Some(Editor::Choice(c)) => {
            for (i, (id, label)) in c.items.iter().enumerate() {
                let mark = match (c.multi, c.checked.contains(id)) {
                    (true, true) => "[x] ",
                    (true, false) => "[ ] ",
                    (false, _) => "",
                };
                rows.push(Row::item(
                    row(app, c.is_highlighted(i), format!("{mark}{label}")),
                    i,
                ));
            }
            if let Some(none) = c.none_row() {
                let label = format!("∅ {}", ui(app.lang).none_of_these);
                rows.push(Row::item(row(app, c.is_highlighted(none), label), none));
            }
            let dont_know = c.dont_know_row();
            let label = format!("? {}", ui(app.lang).dont_know);
            rows.push(Row::item(
                row(app, c.is_highlighted(dont_know), label),
                dont_know,
            ));
            selected = c.placed.then_some(c.cursor);
            if c.checked.contains(OTHER) {
                let prefix = format!("  {} ", ui(app.lang).other_specify);
                after.push(Line::raw(""));
                after.push(input_line(&prefix, &c.other, list.width, app.theme.text));
                if c.on_other() {
                    other_input = Some(input_cursor(&prefix, &c.other, list.width));
                }
            }
        }
        Some(Editor::Text(t)) => {
            let prefix = "› ";
            rows.push(Row::text(input_line(
                prefix,
                &t.input,
                list.width,
                app.theme.focus,
            )));
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
                rows.push(Row::text(Line::styled(format!("  {hint}"), app.theme.dim)));
            }
            if let Some(unit) = asked.unit.as_ref().filter(|_| asked.kind == Kind::Number) {
                rows.push(Row::text(Line::styled(
                    format!("  ({})", unit.get(app.lang)),
                    app.theme.dim,
                )));
            }
            if let Some(error) = &t.error {
                rows.push(Row::text(Line::styled(
                    format!("✗ {error}"),
                    app.theme.error,
                )));
            }
        }
        Some(Editor::Group(g)) => {
            let entries = app.group_entries();
            let missing = app.entries_missing();
            for (i, &missing) in missing.iter().enumerate() {
                let name = entry_name(q, entries, i, app.lang);
                let text = crate::i18n::entry_line(i + 1, &name, missing, app.lang);
                rows.push(Row::item(row(app, g.cursor == i, text), i));
            }
            let add = entries.len();
            rows.push(Row::item(
                row(app, g.cursor == add, w.add_entry.to_string()),
                add,
            ));
            let done = format!("✓ {}", w.entries_done);
            rows.push(Row::item(row(app, g.cursor == add + 1, done), add + 1));
            selected = Some(g.cursor);
        }
        None => {}
    }
    if let Some(note) = session.notes.get(&q.id) {
        let colon = crate::i18n::colon(app.lang);
        after.push(Line::raw(""));
        after.push(Line::styled(
            format!("{}{colon} {note}", w.note),
            app.theme.dim,
        ));
    }
    let after_height: u16 = after
        .iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_height(&text, list.width).max(1)
        })
        .sum();
    let room = list
        .height
        .saturating_sub(after_height)
        .max(3)
        .min(list.height);
    let shown = window(
        rows,
        selected,
        list.width,
        room,
        (w.more_above, w.more_below),
        app.theme.dim,
    );
    let mut at = shown.at;
    let mut lines = shown.lines;
    if let Some(x) = other_input {
        // The field sits after the blank line that follows the list.
        cursor = Some((list.x + x, list.y + at.len() as u16 + 1));
    }
    at.extend(std::iter::repeat_n(None, after.len()));
    lines.extend(after);
    ListLayout { lines, at, cursor }
}
