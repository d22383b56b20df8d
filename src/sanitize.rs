//! Text that comes from a file (a session, a bank), made safe for where it
//! goes: a terminal must not receive escape sequences (clear the screen, set
//! the title, write the clipboard), and document metadata must not hold
//! control or bidirectional-override characters.

use std::borrow::Cow;

/// Whether `c` could act on a terminal or reorder text: C0 and C1 controls,
/// DEL, and the bidirectional embedding, override and isolate characters.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// `text` for a terminal: every unsafe character shown as a visible escape
/// (`\u{1b}`), line breaks included, so that one value stays on one line.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape_if(text, is_unsafe)
}

/// A message for a terminal that may span lines: like [`terminal`], but line
/// breaks and tabs are kept.
pub fn terminal_lines(text: &str) -> Cow<'_, str> {
    escape_if(text, |c| c != '\n' && c != '\t' && is_unsafe(c))
}

/// `text` for document metadata (PDF title, author, outline): unsafe
/// characters removed, line breaks and tabs turned into spaces.
pub fn metadata(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn escape_if(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_shows_escapes_instead_of_sending_them() {
        let hostile = "Acme\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2J\u{9b}1m\u{7f}\u{202e}txt.exe\nnext";
        let shown = terminal(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert!(shown.starts_with("Acme\\u{1b}]52;c;"));
        assert!(shown.contains("\\u{202e}txt.exe\\u{a}next"));
        assert_eq!(terminal("Café « ok »"), "Café « ok »");
    }

    #[test]
    fn terminal_lines_keeps_line_breaks_only() {
        assert_eq!(terminal_lines("a\nb\u{1b}c"), "a\nb\\u{1b}c");
    }

    #[test]
    fn metadata_drops_controls_and_overrides() {
        assert_eq!(metadata("Ac\u{0}me\u{7} \u{202e}Inc\nLtd"), "Acme Inc Ltd");
        assert!(matches!(metadata("plain"), Cow::Borrowed(_)));
    }
}
