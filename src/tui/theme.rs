//! The wizard's colours, in one place. With `NO_COLOR` set, only bold,
//! reverse and underline remain, so focus and selection stay visible.

use ratatui::style::{Color, Modifier, Style};

/// The styles every view draws with.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: hints, help, keys.
    pub dim: Style,
    /// Titles.
    pub title: Style,
    /// The selected item of a focused list.
    pub selected: Style,
    /// The border of the focused pane.
    pub focus: Style,
    /// The border of other panes.
    pub border: Style,
    /// Error messages.
    pub error: Style,
    /// Confirmations.
    pub ok: Style,
    /// Marks something to verify or a gap.
    pub warn: Style,
}

impl Theme {
    /// The theme for this terminal: plain when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Theme::plain()
        } else {
            Theme::colour()
        }
    }

    /// With colours.
    pub fn colour() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            focus: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
        }
    }

    /// Without colours: emphasis by weight and reverse video only.
    pub fn plain() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            focus: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            error: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ok: Style::new().add_modifier(Modifier::BOLD),
            warn: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}
