//! The welcome screen, the review, the preview and the popups.

use super::{bar, centered, input_cursor, input_line, pane, row, wrapped_height};
use crate::i18n::{percent, ui};
use crate::tui::app::{App, Popup, Screen, WelcomeStep};
use crate::tui::strings::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub(super) fn welcome_layout(app: &App, inner: Rect) -> (Rect, Rect) {
    let intro = words(app.lang).welcome_intro;
    let height = wrapped_height(intro, inner.width) + 2;
    let [top, list] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(0)]).areas(inner);
    (top, list)
}

pub(super) fn welcome(frame: &mut Frame, app: &App, area: Rect) {
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
                let score = s.score.map_or_else(String::new, |n| {
                    format!(" — {} {n}/100", ui(app.lang).score.to_lowercase())
                });
                let text = format!(
                    "{} — {}{score} — {}",
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
        WelcomeStep::Organisation { input, .. } | WelcomeStep::OpenPath { input, .. } => {
            let prompt = if matches!(welcome.step, WelcomeStep::OpenPath { .. }) {
                w.path_prompt
            } else {
                w.organisation_prompt
            };
            lines.push(Line::styled(prompt, app.theme.title));
            lines.push(input_line("› ", input, list.width, app.theme.focus));
            cursor = Some((list.x + input_cursor("› ", input, list.width), list.y + 1));
            if let WelcomeStep::OpenPath {
                error: Some(error), ..
            } = &welcome.step
            {
                lines.push(Line::raw(""));
                lines.push(Line::styled(error.clone(), app.theme.error));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

pub(super) fn review(frame: &mut Frame, app: &App, area: Rect, cursor: usize) {
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

pub(super) fn preview(
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

pub(super) fn draw_popup(frame: &mut Frame, app: &App, popup: &Popup, area: Rect) {
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
        Popup::Confirm { message, .. } => {
            let width = (area.width * 3 / 4).max(20);
            let inner_width = width.saturating_sub(2);
            let text = Text::from(vec![
                Line::raw(message.clone()),
                Line::raw(""),
                Line::styled(w.confirm_hint, app.theme.dim),
            ]);
            let height =
                wrapped_height(&format!("{message}\n\n{}", w.confirm_hint), inner_width) + 2;
            let rect = centered(area, width, height);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: true }).block(pane(
                    app,
                    String::new(),
                    true,
                )),
                rect,
            );
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
                    choice(crate::render::Format::Pdf, "PDF"),
                    Span::raw(" "),
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
