//! Drawing: each screen is a function of the app's state.

use super::app::{App, Popup, Screen, WelcomeStep};
use super::editor::{Editor, OTHER};
use super::strings::words;
use crate::answer::entry_name;
use crate::bank::Kind;
use crate::flow::{self, SectionStatus};
use crate::i18n::{percent, ui};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use tui_input::Input;

/// The smallest terminal the wizard draws in.
pub const MIN_SIZE: (u16, u16) = (60, 18);

/// The parts of the screen.
#[derive(Debug, Clone, Copy)]
pub struct Areas {
    /// Title line.
    pub header: Rect,
    /// Section list (interview only).
    pub sidebar: Rect,
    /// The main pane.
    pub main: Rect,
    /// Messages.
    pub status: Rect,
    /// Key hints.
    pub footer: Rect,
}

/// Splits the screen; the sidebar is empty outside the interview.
pub fn areas(area: Rect, with_sidebar: bool) -> Areas {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let side = if with_sidebar {
        (area.width / 4).clamp(22, 34)
    } else {
        0
    };
    let [sidebar, main] =
        Layout::horizontal([Constraint::Length(side), Constraint::Min(0)]).areas(body);
    Areas {
        header,
        sidebar,
        main,
        status,
        footer,
    }
}

/// Where the rows of the main list start on screen (for mouse clicks), if the screen has one.
pub fn list_origin(app: &App, area: Rect) -> Option<Rect> {
    let a = areas(area, matches!(app.screen, Screen::Interview));
    let inner = inner(a.main);
    match &app.screen {
        Screen::Interview => Some(question_layout(app, inner).1),
        Screen::Review { .. } => Some(inner),
        Screen::Welcome(_) => Some(welcome_layout(app, inner).1),
        Screen::Preview { .. } => None,
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let w = words(app.lang);
        let msg = format!(
            "{} {}×{} ({}×{}).",
            w.too_small, MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(msg)
                .style(app.theme.error)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let a = areas(area, matches!(app.screen, Screen::Interview));
    header(frame, app, a.header);
    match &app.screen {
        Screen::Welcome(_) => welcome(frame, app, a.main),
        Screen::Interview => {
            sidebar(frame, app, a.sidebar);
            interview(frame, app, a.main);
        }
        Screen::Review { cursor } => review(frame, app, a.main, *cursor),
        Screen::Preview {
            scroll,
            report,
            text,
        } => preview(frame, app, a.main, *scroll, report, text),
    }
    if let Some((good, text)) = &app.status {
        let style = if *good { app.theme.ok } else { app.theme.error };
        frame.render_widget(Paragraph::new(text.as_str()).style(style), a.status);
    }
    frame.render_widget(
        Paragraph::new(footer_text(app, a.footer.width)).style(app.theme.dim),
        a.footer,
    );
    if let Some(popup) = &app.popup {
        draw_popup(frame, app, popup, area);
    }
}

fn header(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = vec![Span::styled(" privaudit ", app.theme.title)];
    if let Some(session) = &app.session {
        let progress = flow::progress(&app.bank, &session.answers);
        if !session.organisation.is_empty() {
            spans.push(Span::raw(format!("· {} ", session.organisation)));
        }
        spans.push(Span::raw(format!(
            "· {}",
            percent(progress.percent(), app.lang)
        )));
    } else {
        spans.push(Span::raw(format!("· {}", words(app.lang).welcome_title)));
    }
    frame.render_widget(Line::from(spans), area);
}

fn footer_text(app: &App, width: u16) -> &'static str {
    let w = words(app.lang);
    match (&app.popup, &app.screen) {
        (Some(Popup::Export { .. }), _) => w.export_hint,
        (Some(_), _) => w.footer_popup,
        (None, Screen::Welcome(_)) => w.footer_welcome,
        (None, Screen::Review { .. } | Screen::Preview { .. }) => w.footer_list,
        (None, Screen::Interview) if app.on_group_list() => w.entry_hint,
        (None, Screen::Interview) if usize::from(width) < w.footer_question.chars().count() => {
            w.footer_question_short
        }
        (None, Screen::Interview) => w.footer_question,
    }
}

fn pane<'a>(app: &App, title: String, focused: bool) -> Block<'a> {
    let style = if focused {
        app.theme.focus
    } else {
        app.theme.border
    };
    Block::bordered()
        .border_style(style)
        .title(Span::styled(format!(" {title} "), app.theme.title))
}

fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

fn sidebar(frame: &mut Frame, app: &App, area: Rect) {
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

/// Number of lines `text` takes wrapped at `width` (word by word, as the view wraps it).
fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut lines = 0u16;
    for paragraph in text.split('\n') {
        let mut used = 0usize;
        lines += 1;
        for word in paragraph.split(' ') {
            let len = word.chars().count();
            if used > 0 && used + 1 + len > width {
                lines += 1;
                used = len;
            } else {
                used += if used > 0 { 1 + len } else { len };
            }
        }
    }
    lines
}

/// The prompt text above the list and the list area, inside the main pane.
fn question_layout(app: &App, inner: Rect) -> (Rect, Rect) {
    let prompt = prompt_text(app);
    let height = wrapped_height(&prompt, inner.width)
        .saturating_add(1)
        .min(inner.height / 2);
    let [top, list] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    (top, list)
}

fn prompt_text(app: &App) -> String {
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

fn interview(frame: &mut Frame, app: &App, area: Rect) {
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
                let prefix = format!("  {} ", w.other_specify);
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
                    crate::bank::TextFormat::Email => "nom@exemple.fr",
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

fn row(app: &App, selected: bool, text: String) -> Line<'static> {
    if selected {
        Line::styled(format!("› {text}"), app.theme.selected)
    } else {
        Line::styled(format!("  {text}"), app.theme.text)
    }
}

/// A text field on one line, scrolled so that the cursor stays visible.
fn input_line(prefix: &str, input: &Input, width: u16, style: Style) -> Line<'static> {
    let room = usize::from(width)
        .saturating_sub(prefix.chars().count() + 1)
        .max(1);
    let scroll = input.visual_scroll(room);
    let shown: String = input.value().chars().skip(scroll).take(room).collect();
    Line::from(vec![
        Span::raw(prefix.to_string()),
        Span::styled(shown, style),
    ])
}

fn input_cursor(prefix: &str, input: &Input, width: u16) -> u16 {
    let room = usize::from(width)
        .saturating_sub(prefix.chars().count() + 1)
        .max(1);
    let scroll = input.visual_scroll(room);
    (prefix.chars().count() + input.visual_cursor().saturating_sub(scroll)) as u16
}

fn welcome_layout(app: &App, inner: Rect) -> (Rect, Rect) {
    let intro = words(app.lang).welcome_intro;
    let height = wrapped_height(intro, inner.width) + 2;
    let [top, list] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    (top, list)
}

fn welcome(frame: &mut Frame, app: &App, area: Rect) {
    let Screen::Welcome(welcome) = &app.screen else {
        return;
    };
    let w = words(app.lang);
    let block = pane(app, w.welcome_title.to_string(), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (top, list) = welcome_layout(app, inner);
    frame.render_widget(
        Paragraph::new(w.welcome_intro)
            .style(app.theme.text)
            .wrap(Wrap { trim: true }),
        top,
    );
    let mut lines = Vec::new();
    let mut cursor = None;
    match &welcome.step {
        WelcomeStep::Menu => {
            lines.push(row(app, welcome.cursor == 0, w.new_assessment.to_string()));
            lines.push(Line::raw(""));
            lines.push(Line::styled(w.saved_sessions, app.theme.title));
            if welcome.sessions.is_empty() {
                lines.push(Line::styled(format!("  {}", w.no_sessions), app.theme.dim));
            }
            for (i, s) in welcome.sessions.iter().enumerate() {
                let text = format!(
                    "{} — {} — {}",
                    s.organisation,
                    percent(s.percent, app.lang),
                    s.updated
                );
                lines.push(row(app, welcome.cursor == i + 1, text));
            }
            lines.push(Line::raw(""));
            lines.push(row(
                app,
                welcome.cursor == welcome.sessions.len() + 1,
                w.open_file.to_string(),
            ));
        }
        WelcomeStep::Language { cursor: c } => {
            lines.push(Line::styled(w.choose_language, app.theme.title));
            lines.push(row(app, *c == 0, "Français".into()));
            lines.push(row(app, *c == 1, "English".into()));
        }
        WelcomeStep::Organisation { input, .. } | WelcomeStep::OpenPath { input } => {
            let prompt = if matches!(welcome.step, WelcomeStep::OpenPath { .. }) {
                w.path_prompt
            } else {
                w.organisation_prompt
            };
            lines.push(Line::styled(prompt, app.theme.title));
            lines.push(input_line("› ", input, list.width, app.theme.focus));
            cursor = Some((list.x + input_cursor("› ", input, list.width), list.y + 1));
        }
    }
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

fn review(frame: &mut Frame, app: &App, area: Rect, cursor: usize) {
    let w = words(app.lang);
    let block = pane(app, w.review_title.to_string(), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(session) = &app.session else { return };
    let questions = app.review_questions();
    let height = usize::from(inner.height).max(1);
    let first = cursor.saturating_sub(height - 1);
    let lines: Vec<Line> = questions
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, q)| {
            let answer = session.answers.get(&q.id).map_or_else(
                || format!("({})", ui(app.lang).not_answered.to_lowercase()),
                |a| a.display(q, app.lang),
            );
            let flag = if session.to_verify.contains(&q.id) {
                " ⚑"
            } else {
                ""
            };
            row(
                app,
                i == cursor,
                format!("{} — {answer}{flag}", q.short_label().get(app.lang)),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn preview(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    scroll: u16,
    report: &crate::report::Report,
    text: &[String],
) {
    let w = words(app.lang);
    let block = pane(app, w.preview_title.to_string(), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = vec![Line::styled(w.scores, app.theme.title)];
    for (area_def, score) in app.bank.manifest.areas.iter().zip(&report.evaluation.areas) {
        let label = format!(
            "{:<32}",
            area_def
                .title
                .get(app.lang)
                .chars()
                .take(32)
                .collect::<String>()
        );
        let text = match score.score {
            Some(s) => format!("{label} {} {s:>3}/100", bar(s, 20)),
            None => format!("{label} {}", ui(app.lang).not_assessed),
        };
        lines.push(Line::raw(text));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(w.findings, app.theme.title));
    for section in &report.sections {
        for block in &section.blocks {
            if let crate::report::Block::Actions { items } = block {
                for a in items {
                    lines.push(Line::from(vec![
                        Span::styled(format!("{:<9}", a.priority), app.theme.warn),
                        Span::styled(a.title.clone(), app.theme.title),
                    ]));
                    lines.push(Line::styled(
                        format!("         {}", a.action),
                        app.theme.text,
                    ));
                    if !a.refs.is_empty() {
                        lines.push(Line::styled(
                            format!("         {}", a.refs.join(ui(app.lang).list_sep)),
                            app.theme.dim,
                        ));
                    }
                }
            }
        }
    }
    lines.push(Line::raw(""));
    lines.extend(text.iter().map(|l| Line::raw(l.as_str())));
    // Only the lines that can be on screen are laid out: each takes at least one row.
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(usize::from(scroll))
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(
        Paragraph::new(Text::from(shown)).wrap(Wrap { trim: false }),
        inner,
    );
}

fn bar(score: u8, width: usize) -> String {
    let full = (usize::from(score.min(100)) * width + 50) / 100;
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(4));
    let height = height.min(area.height.saturating_sub(2));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn draw_popup(frame: &mut Frame, app: &App, popup: &Popup, area: Rect) {
    let w = words(app.lang);
    match popup {
        Popup::Help => {
            let help = app
                .sub_question()
                .or(app.question())
                .and_then(|q| q.help.as_ref())
                .map_or(w.no_help, |h| h.get(app.lang));
            let text = Text::from(vec![
                Line::raw(help.to_string()),
                Line::raw(""),
                Line::styled(w.keys_help, app.theme.dim),
            ]);
            let rect = centered(area, area.width * 3 / 4, area.height * 2 / 3);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: true }).block(pane(
                    app,
                    w.help_title.to_string(),
                    true,
                )),
                rect,
            );
        }
        Popup::Note(input) => {
            let rect = centered(area, area.width * 3 / 4, 5);
            frame.render_widget(Clear, rect);
            let block = pane(app, w.note.to_string(), true);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let lines = vec![
                Line::styled(w.note_prompt, app.theme.dim),
                input_line("› ", input, inner.width, app.theme.focus),
            ];
            frame.render_widget(Paragraph::new(lines), inner);
            frame.set_cursor_position((
                inner.x + input_cursor("› ", input, inner.width),
                inner.y + 1,
            ));
        }
        Popup::Export { format, path } => {
            let rect = centered(area, area.width * 4 / 5, 6);
            frame.render_widget(Clear, rect);
            let block = pane(app, w.export_title.to_string(), true);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let choice = |f: crate::render::Format, label: &str| {
                if *format == f {
                    Span::styled(format!("[{label}]"), app.theme.selected)
                } else {
                    Span::raw(format!(" {label} "))
                }
            };
            let prefix = format!("{} : ", w.export_path).replace(
                " :",
                if app.lang == crate::i18n::Lang::Fr {
                    "\u{a0}:"
                } else {
                    ":"
                },
            );
            let lines = vec![
                Line::from(vec![
                    Span::raw(format!("{} ", w.export_format)),
                    choice(crate::render::Format::Md, "Markdown"),
                    Span::raw(" "),
                    choice(crate::render::Format::Json, "JSON"),
                ]),
                Line::raw(""),
                input_line(&prefix, path, inner.width, app.theme.focus),
            ];
            frame.render_widget(Paragraph::new(lines), inner);
            frame.set_cursor_position((
                inner.x + input_cursor(&prefix, path, inner.width),
                inner.y + 2,
            ));
        }
    }
}
