//! Drawing: each screen is a function of the app's state. The interview's
//! panes are in `interview.rs`, the other screens and the popups in `screens.rs`.

mod interview;
mod list;
mod screens;

use interview::{interview, list_layout, question_layout, sidebar};
use screens::{
    draw_popup, mission, preview, review, review_rows, welcome, welcome_layout, welcome_rows,
};

use super::app::{App, Popup, Screen, WelcomeStep};
use super::strings::words;
use crate::i18n::percent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
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

/// Splits the screen; the sidebar is empty outside the interview, and the
/// footer takes the lines its keys need at this width.
pub fn areas(area: Rect, app: &App) -> Areas {
    let with_sidebar = matches!(app.screen, Screen::Interview);
    let footer_height = footer_lines(app, area.width).len() as u16;
    // A long message (a file refused, with its path) wraps on up to three lines.
    let status_height = app
        .status
        .as_ref()
        .map_or(1, |(_, text)| wrapped_height(text, area.width).clamp(1, 3));
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(status_height),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    let side = if with_sidebar {
        (area.width * 3 / 10).clamp(24, 36)
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

/// The row of the main list under a click at `at`, as the screen draws it
/// (lists scroll and rows wrap).
pub fn clicked_row(app: &App, screen: Rect, at: Position) -> Option<usize> {
    let a = areas(screen, app);
    let inner = inner(a.main);
    match &app.screen {
        Screen::Interview => {
            let list = question_layout(app, inner).1;
            let line = usize::from(at.y.checked_sub(list.y)?);
            list.contains(at)
                .then(|| list_layout(app, list).at.get(line).copied().flatten())
                .flatten()
        }
        Screen::Welcome(_) => {
            let list = welcome_layout(app, inner).1;
            let line = usize::from(at.y.checked_sub(list.y)?);
            list.contains(at)
                .then(|| welcome_rows(app, list).0.at.get(line).copied().flatten())
                .flatten()
        }
        Screen::Review { .. } => {
            let line = usize::from(at.y.checked_sub(inner.y)?);
            inner
                .contains(at)
                .then(|| review_rows(app, inner).at.get(line).copied().flatten())
                .flatten()
        }
        Screen::Preview { .. } | Screen::Mission(_) => None,
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
    let a = areas(area, app);
    header(frame, app, a.header);
    match &app.screen {
        Screen::Welcome(_) => welcome(frame, app, a.main),
        Screen::Interview => {
            sidebar(frame, app, a.sidebar);
            interview(frame, app, a.main);
        }
        Screen::Review { .. } => review(frame, app, a.main),
        Screen::Mission(form) => mission(frame, app, a.main, form),
        Screen::Preview {
            scroll,
            report,
            text,
        } => preview(frame, app, a.main, *scroll, report, text),
    }
    if let Some((good, text)) = &app.status {
        let style = if *good { app.theme.ok } else { app.theme.error };
        let lines: Vec<Line> = text
            .split('\n')
            .flat_map(|p| wrap(p, usize::from(a.status.width), 2))
            .map(Line::raw)
            .collect();
        frame.render_widget(Paragraph::new(lines).style(style), a.status);
    }
    let footer: Vec<Line> = footer_lines(app, a.footer.width)
        .into_iter()
        .map(Line::raw)
        .collect();
    frame.render_widget(Paragraph::new(footer).style(app.theme.dim), a.footer);
    if let Some(popup) = &app.popup {
        draw_popup(frame, app, popup, area);
    }
}

fn header(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = vec![Span::styled(" privaudit ", app.theme.title)];
    if let Some(session) = &app.session {
        let progress = session.progress(&app.bank);
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

/// The key hints of the screen, packed into as few lines as the width needs:
/// the keys that matter everywhere (F1 … F10, Ctrl-Z, Ctrl-Q) always, then
/// the screen's own keys first when there is room.
pub fn footer_lines(app: &App, width: u16) -> Vec<String> {
    let w = words(app.lang);
    let own: &[&str] = match (&app.popup, &app.screen) {
        (Some(Popup::Export { .. }), _) => w.keys_export,
        (Some(Popup::Confirm { .. }), _) => w.keys_confirm,
        (Some(_), _) => w.keys_popup,
        (None, Screen::Welcome(welcome)) if matches!(welcome.step, WelcomeStep::Menu) => {
            w.keys_welcome
        }
        (None, Screen::Welcome(_)) => w.keys_text,
        (None, Screen::Review { .. }) => w.keys_review,
        (None, Screen::Preview { .. }) => w.keys_preview,
        (None, Screen::Mission(_)) => w.keys_mission,
        (None, Screen::Interview) if app.on_group_list() => w.keys_group,
        (None, Screen::Interview) if app.choice().is_some_and(|c| c.multi) => w.keys_multi,
        (None, Screen::Interview) if app.choice().is_some() => w.keys_question,
        (None, Screen::Interview) => w.keys_text,
    };
    let global: &[&str] = match (&app.popup, &app.screen) {
        (Some(_), _) => &[],
        (None, Screen::Welcome(_) | Screen::Mission(_)) => w.keys_quit,
        (None, Screen::Interview) => w.keys_global,
        (None, _) => w.keys_screens,
    };
    let width = usize::from(width.max(20));
    let lines = |items: &[&str]| pack(items, width);
    // Drop the screen's own keys from the end until everything fits in two lines.
    for keep in (0..=own.len()).rev() {
        let items: Vec<&str> = own[..keep].iter().chain(global).copied().collect();
        let packed = lines(&items);
        if packed.len() <= 2 || keep == 0 {
            return packed;
        }
    }
    unreachable!("the loop returns at keep == 0")
}

/// Items joined by " · " into lines of at most `width` characters.
fn pack(items: &[&str], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 3 + item.chars().count() <= width => {
                line.push_str(" · ");
                line.push_str(item);
            }
            _ => lines.push((*item).to_string()),
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
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

/// Number of lines `text` takes wrapped at `width`, as [`wrap`] wraps it.
fn wrapped_height(text: &str, width: u16) -> u16 {
    text.split('\n')
        .map(|paragraph| wrap(paragraph, usize::from(width), 0).len() as u16)
        .sum()
}

/// `text` cut into lines of at most `width` characters at ordinary spaces
/// only: a no-break space (before « ? », « : », inside « ») never starts a
/// line. Its leading spaces are kept; lines after the first start with `hang`
/// spaces, so that a wrapped option reads as one; a word longer than a line
/// is cut.
pub fn wrap(text: &str, width: usize, hang: usize) -> Vec<String> {
    let width = width.max(2);
    let hang = hang.min(width / 2);
    let body = text.trim_start_matches(' ');
    let lead = (text.len() - body.len()).min(width / 2);
    let mut lines = Vec::new();
    let mut line = " ".repeat(lead);
    let (mut len, mut start) = (lead, lead);
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        let chars: Vec<char> = word.chars().collect();
        let gap = usize::from(len > start);
        if len + gap + chars.len() <= width {
            if gap == 1 {
                line.push(' ');
            }
            line.extend(&chars);
            len += gap + chars.len();
            continue;
        }
        if len > start {
            lines.push(std::mem::replace(&mut line, " ".repeat(hang)));
            (len, start) = (hang, hang);
        }
        let mut rest = &chars[..];
        while rest.len() > width - len {
            let (head, tail) = rest.split_at(width - len);
            line.extend(head);
            lines.push(std::mem::replace(&mut line, " ".repeat(hang)));
            (len, start) = (hang, hang);
            rest = tail;
        }
        line.extend(rest);
        len += rest.len();
    }
    lines.push(line);
    lines
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

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_no_break_spaces_and_hangs_continuations() {
        let q = "Quels types d’informations personnelles recueillez-vous\u{202f}?";
        let lines = wrap(q, 30, 0);
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert!(!lines.iter().any(|l| l.trim() == "?"), "{lines:?}");
        let option = "  [ ] Jusqu’à la fin de la demande ou de la relation, puis il est détruit";
        let lines = wrap(option, 40, 6);
        assert!(lines[0].starts_with("  [ ] Jusqu’à"), "{lines:?}");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("      ") && !l[6..].starts_with(' '))
        );
        assert_eq!(wrap("", 10, 2), vec![String::new()]);
        assert_eq!(wrap("abcdefghij", 4, 0), vec!["abcd", "efgh", "ij"]);
    }
}
