//! The welcome screen, the review, the preview and the popups.

use super::list::{Row, Window, window};
use super::{bar, centered, input_cursor, input_line, pane, row, wrapped_height};
use crate::i18n::{percent, ui};
use crate::render::Format;
use crate::rules::template::help_text;
use crate::tui::app::{App, ExportFormat, MissionForm, Popup, Screen, WelcomeStep};
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
    if !matches!(app.screen, Screen::Welcome(_)) {
        return;
    }
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
    let (shown, cursor) = welcome_rows(app, list);
    frame.render_widget(Paragraph::new(shown.lines).wrap(Wrap { trim: false }), list);
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

/// The welcome screen's list laid out in `list` (scrolled to its cursor),
/// and the text cursor when a field has the keys.
pub(super) fn welcome_rows(app: &App, list: Rect) -> (Window, Option<(u16, u16)>) {
    let w = words(app.lang);
    let Screen::Welcome(welcome) = &app.screen else {
        return (
            Window {
                lines: Vec::new(),
                at: Vec::new(),
            },
            None,
        );
    };
    let mut rows = Vec::new();
    let mut cursor = None;
    let mut selected = None;
    match &welcome.step {
        WelcomeStep::Menu => {
            let new = row(app, welcome.cursor == 0, w.new_assessment.to_string());
            rows.push(Row::item(new, 0));
            rows.push(Row::text(Line::raw("")));
            rows.push(Row::text(Line::styled(w.saved_sessions, app.theme.title)));
            if welcome.sessions.is_empty() {
                rows.push(Row::text(Line::styled(
                    format!("  {}", w.no_sessions),
                    app.theme.dim,
                )));
            }
            for (i, s) in welcome.sessions.iter().enumerate() {
                let standing = match s.score {
                    Some(n) => format!("{} {n}/100", ui(app.lang).score.to_lowercase()),
                    None => percent(s.percent, app.lang),
                };
                let file = s.file_name();
                let text = format!("{} — {standing} — {} — {file}", s.organisation, s.updated);
                rows.push(Row::item(row(app, welcome.cursor == i + 1, text), i + 1));
            }
            rows.push(Row::text(Line::raw("")));
            let open = welcome.sessions.len() + 1;
            let line = row(app, welcome.cursor == open, w.open_file.to_string());
            rows.push(Row::item(line, open));
            selected = Some(welcome.cursor);
        }
        WelcomeStep::Language { cursor: c } => {
            rows.push(Row::text(Line::styled(w.choose_language, app.theme.title)));
            rows.push(Row::item(row(app, *c == 0, "Français".into()), 0));
            rows.push(Row::item(row(app, *c == 1, "English".into()), 1));
            selected = Some(*c);
        }
        WelcomeStep::Organisation { input, .. }
        | WelcomeStep::OpenPath { input, .. }
        | WelcomeStep::Rename { input, .. } => {
            let prompt = match welcome.step {
                WelcomeStep::OpenPath { .. } => w.path_prompt,
                WelcomeStep::Rename { .. } => w.rename_prompt,
                _ => w.organisation_prompt,
            };
            rows.push(Row::text(Line::styled(prompt, app.theme.title)));
            rows.push(Row::text(input_line(
                "› ",
                input,
                list.width,
                app.theme.focus,
            )));
            cursor = Some((list.x + input_cursor("› ", input, list.width), list.y + 1));
            if let WelcomeStep::OpenPath {
                error: Some(error), ..
            } = &welcome.step
            {
                rows.push(Row::text(Line::raw("")));
                rows.push(Row::text(Line::styled(error.clone(), app.theme.error)));
            }
        }
    }
    let shown = window(
        rows,
        selected,
        list.width,
        list.height,
        (w.more_above, w.more_below),
        app.theme.dim,
    );
    (shown, cursor)
}

/// The mission form: each field's label over its line, the focused one
/// highlighted, and why the last Enter was refused; it scrolls at small sizes.
pub(super) fn mission(frame: &mut Frame, app: &App, area: Rect, form: &MissionForm) {
    let w = words(app.lang);
    let block = pane(app, w.mission_title.to_string(), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut rows = vec![
        Row::text(Line::styled(w.mission_intro, app.theme.dim)),
        Row::text(Line::raw("")),
    ];
    for (i, (label, input)) in w.mission_fields.iter().zip(&form.inputs).enumerate() {
        let focused = i == form.focus;
        let style = if focused {
            app.theme.focus
        } else {
            app.theme.text
        };
        // The label carries the field's index: the window keeps it and the
        // line below it (the field) on screen together.
        rows.push(Row::item(Line::styled(*label, app.theme.title), i));
        let prefix = if focused { "› " } else { "  " };
        rows.push(Row::text(input_line(prefix, input, inner.width, style)));
    }
    if let Some(error) = &form.error {
        rows.push(Row::text(Line::raw("")));
        rows.push(Row::text(Line::styled(
            format!("✗ {error}"),
            app.theme.error,
        )));
    }
    let shown = window(
        rows,
        Some(form.focus),
        inner.width,
        inner.height,
        (w.more_above, w.more_below),
        app.theme.dim,
    );
    let label_line = shown.at.iter().position(|i| *i == Some(form.focus));
    frame.render_widget(
        Paragraph::new(shown.lines).wrap(Wrap { trim: false }),
        inner,
    );
    if let (Some(line), None) = (label_line, &app.popup) {
        let input = &form.inputs[form.focus];
        let x = inner.x + input_cursor("› ", input, inner.width);
        frame.set_cursor_position((x, inner.y + line as u16 + 1));
    }
}

pub(super) fn review(frame: &mut Frame, app: &App, area: Rect) {
    let w = words(app.lang);
    let block = pane(app, w.review_title.to_string(), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(review_rows(app, inner).lines), inner);
}

/// Every question shown with its answer and marks, scrolled to the cursor
/// (long answers wrap under their question's name).
pub(super) fn review_rows(app: &App, inner: Rect) -> Window {
    let w = words(app.lang);
    let (Some(session), Screen::Review { cursor }) = (&app.session, &app.screen) else {
        return Window {
            lines: Vec::new(),
            at: Vec::new(),
        };
    };
    let rows = app
        .review_questions()
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answer = session.answers.get(&q.id).map_or_else(
                || format!("({})", ui(app.lang).not_answered.to_lowercase()),
                |a| a.display(q, app.lang),
            );
            let mut flags = String::new();
            if session.to_verify.contains(&q.id) {
                flags.push_str(&format!(" [{}]", w.to_verify));
            }
            if session.to_confirm.contains(&q.id) {
                flags.push_str(&format!(" [{}]", w.to_confirm));
            }
            let text = format!("{}{flags} — {answer}", q.short_label().get(app.lang));
            Row::item(row(app, i == *cursor, text), i)
        })
        .collect();
    window(
        rows,
        Some(*cursor),
        inner.width,
        inner.height,
        (w.more_above, w.more_below),
        app.theme.dim,
    )
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
    // The report's own score bars: titles in the session's legal words, and
    // the same "too few answers" as the report.
    let bars = report
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            crate::report::Block::Scores { scores } => Some(scores.as_slice()),
            _ => None,
        })
        .unwrap_or_default();
    for bar_of in bars {
        let label = format!("{:<32}", bar_of.label.chars().take(32).collect::<String>());
        let text = match bar_of.score {
            Some(s) => format!("{label} {} {s:>3}/100", bar(s, 20)),
            None => format!("{label} {}", bar_of.missing),
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
                .map_or_else(
                    || w.no_help.to_string(),
                    |h| match &app.session {
                        Some(s) => help_text(&app.bank, &s.answers, h.get(app.lang), app.lang),
                        None => h.get(app.lang).to_string(),
                    },
                );
            let text = Text::from(vec![
                Line::raw(help),
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
                Line::styled(w.keys_confirm.join(" · "), app.theme.dim),
            ]);
            let height = wrapped_height(
                &format!("{message}\n\n{}", w.keys_confirm.join(" · ")),
                inner_width,
            ) + 2;
            let rect = centered(area, width, height);
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(text).wrap(Wrap { trim: true }).block(pane(
                    app,
                    w.confirm_title.to_string(),
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
            let choice = |f: ExportFormat, label: &str| {
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
                    choice(ExportFormat::Report(Format::Pdf), "PDF"),
                    Span::raw(" "),
                    choice(ExportFormat::Report(Format::Md), "Markdown"),
                    Span::raw(" "),
                    choice(ExportFormat::Report(Format::Json), "JSON"),
                    Span::raw(" "),
                    choice(ExportFormat::Kit, w.export_kit),
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
