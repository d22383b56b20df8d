//! What people type at a prompt: the commands, and numbers picked from a list.

/// What can be typed at any prompt instead of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// `?`: the question's help.
    Help,
    /// `!`: "don't know".
    DontKnow,
    /// `<`: the previous question.
    Back,
    /// `#`: a note on the question.
    Note,
    /// `%`: undo the last change of an answer (punctuation, like the other
    /// commands, so that no text answer is taken for it).
    Undo,
}

impl Command {
    pub fn parse(line: &str) -> Option<Command> {
        match line {
            "?" => Some(Command::Help),
            "!" => Some(Command::DontKnow),
            "<" => Some(Command::Back),
            "#" => Some(Command::Note),
            "%" => Some(Command::Undo),
            _ => None,
        }
    }
}

/// A yes or a no typed in either language (`o`, `oui`, `y`, `yes`; `n`, `non`, `no`).
pub fn yes_no(line: &str) -> Option<bool> {
    match line.trim().to_lowercase().as_str() {
        "o" | "oui" | "y" | "yes" => Some(true),
        "n" | "non" | "no" => Some(false),
        _ => None,
    }
}

/// A number from 1 to `len`, as an index.
pub fn pick(line: &str, len: usize) -> Option<usize> {
    let n: usize = line.parse().ok()?;
    (1..=len).contains(&n).then(|| n - 1)
}

/// Numbers from 1 to `len` separated by commas or spaces, as indices; `0` for none.
pub fn pick_many(line: &str, len: usize) -> Option<Vec<usize>> {
    if line == "0" {
        return Some(Vec::new());
    }
    let parts: Vec<&str> = line
        .split([',', ' ', ';'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    parts.into_iter().map(|p| pick(p, len)).collect()
}

/// `m 2` into `("m", Some(2))`; `a` into `("a", None)`.
pub fn split_command(line: &str) -> (&str, Option<usize>) {
    let line = line.trim();
    let split = line
        .find(|c: char| c.is_ascii_digit() || c == ' ')
        .unwrap_or(line.len());
    let (command, rest) = line.split_at(split);
    (command.trim(), rest.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_people_type_them() {
        assert_eq!(pick("2", 3), Some(1));
        assert_eq!(pick("4", 3), None);
        assert_eq!(pick("oui", 3), None);
        assert_eq!(pick_many("1, 3", 3), Some(vec![0, 2]));
        assert_eq!(pick_many("1 3", 3), Some(vec![0, 2]));
        assert_eq!(pick_many("0", 3), Some(vec![]));
        assert_eq!(pick_many("1,9", 3), None);
        assert_eq!(split_command("m 2"), ("m", Some(2)));
        assert_eq!(split_command("m2"), ("m", Some(2)));
        assert_eq!(split_command("a"), ("a", None));
    }
}
