//! Keys to messages, as a pure function so that it can be tested without a terminal.

use super::app::Msg;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The message a terminal event stands for; `typing` when a text field has the keys.
pub fn map(event: &Event, typing: bool) -> Option<Msg> {
    let key = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => *key,
        Event::Paste(text) => return Some(Msg::Paste(text.clone())),
        _ => return None,
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    Some(match key.code {
        KeyCode::Char('q' | 'c') if ctrl => Msg::Quit,
        KeyCode::Char('z') if ctrl => Msg::Undo,
        KeyCode::F(1) => Msg::Help,
        KeyCode::F(2) => Msg::Review,
        KeyCode::F(3) => Msg::DontKnow,
        KeyCode::F(4) => Msg::Note,
        KeyCode::F(5) => Msg::Preview,
        KeyCode::F(6) => Msg::SwitchLanguage,
        KeyCode::F(7) => Msg::Mission,
        KeyCode::F(10) => Msg::Export,
        KeyCode::Enter => Msg::Confirm,
        KeyCode::Esc => Msg::Back,
        KeyCode::Tab | KeyCode::BackTab => Msg::Focus,
        KeyCode::PageUp => Msg::PreviousQuestion,
        KeyCode::PageDown => Msg::NextQuestion,
        KeyCode::Up if shift => Msg::MoveUp,
        KeyCode::Down if shift => Msg::MoveDown,
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        _ if typing => Msg::Edit(Event::Key(key)),
        KeyCode::Char(' ') => Msg::Toggle,
        KeyCode::Left => Msg::Left,
        KeyCode::Right => Msg::Right,
        KeyCode::Delete | KeyCode::Backspace => Msg::Delete,
        KeyCode::Char('r') => Msg::Rename,
        KeyCode::Char('d') => Msg::Duplicate,
        KeyCode::Char('a') => Msg::Archive,
        _ => return None,
    })
}

/// A key press, for tests and scripted input.
pub fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}
