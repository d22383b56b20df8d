//! Line breaking: styled runs into lines no wider than a measure, using the
//! real glyph widths of the shipped fonts.

use super::fonts::{Face, Fonts};

/// An RGB colour, each component 0 to 1.
pub type Rgb = [f32; 3];

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// The face.
    pub face: Face,
    /// The size, in points.
    pub size: f32,
    /// The colour.
    pub color: Rgb,
}

impl TextStyle {
    /// The same style in another face.
    pub fn with_face(self, face: Face) -> TextStyle {
        TextStyle { face, ..self }
    }

    /// The same style in another colour.
    pub fn with_color(self, color: Rgb) -> TextStyle {
        TextStyle { color, ..self }
    }
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Its style.
    pub style: TextStyle,
}

impl Run {
    /// A run.
    pub fn new(text: impl Into<String>, style: TextStyle) -> Run {
        Run {
            text: text.into(),
            style,
        }
    }
}

/// Text placed on a line, `dx` points from the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Offset from the start of the line.
    pub dx: f32,
    /// The text.
    pub text: String,
    /// Its style.
    pub style: TextStyle,
    /// Its measured width.
    pub width: f32,
}

/// A line ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// Its pieces, left to right.
    pub parts: Vec<Placed>,
    /// Its measured width.
    pub width: f32,
}

impl Line {
    /// The line's text, for tests and extraction checks.
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }
}

/// A word: text between breakable spaces, possibly in several styles.
#[derive(Debug, Clone)]
struct Word {
    frags: Vec<Run>,
    width: f32,
}

impl Word {
    fn push(&mut self, c: char, style: TextStyle, fonts: &Fonts) {
        self.width += fonts.char_width(style.face, style.size, c);
        match self.frags.last_mut() {
            Some(last) if last.style == style => {
                if let Some(previous) = last.text.chars().next_back() {
                    self.width += fonts.kern(style.face, style.size, previous, c);
                }
                last.text.push(c);
            }
            _ => self.frags.push(Run::new(c, style)),
        }
    }
}

/// One entry of a line under construction: a word and the style of the
/// space before it (none for the first word).
type Slot = (Option<TextStyle>, Word);

/// Breaks `runs` into lines at most `measure` points wide. A `\n` forces a
/// break; a word wider than the measure is cut between characters; a last
/// line of a single word takes a word from the line above when it can.
pub fn break_lines(runs: &[Run], measure: f32) -> Vec<Line> {
    let fonts = Fonts::get();
    let mut paragraphs: Vec<Vec<Slot>> = vec![Vec::new()];
    let mut word: Option<Word> = None;
    let mut space: Option<TextStyle> = None;
    for run in runs {
        for c in run.text.chars() {
            match c {
                ' ' | '\t' | '\r' => {
                    if let Some(w) = word.take() {
                        paragraphs.last_mut().unwrap().push((space.take(), w));
                    }
                    if !paragraphs.last().unwrap().is_empty() {
                        space = Some(run.style);
                    }
                }
                '\n' => {
                    if let Some(w) = word.take() {
                        paragraphs.last_mut().unwrap().push((space.take(), w));
                    }
                    space = None;
                    paragraphs.push(Vec::new());
                }
                c => word
                    .get_or_insert_with(|| Word {
                        frags: Vec::new(),
                        width: 0.0,
                    })
                    .push(printable(c, fonts), run.style, fonts),
            }
        }
    }
    if let Some(w) = word.take() {
        paragraphs.last_mut().unwrap().push((space.take(), w));
    }
    let mut lines = Vec::new();
    for words in paragraphs {
        lines.extend(break_paragraph(words, measure, fonts));
    }
    lines
}

/// Characters the fonts cannot draw become a visible stand-in rather than an empty box.
fn printable(c: char, fonts: &Fonts) -> char {
    if c.is_ascii_graphic() {
        c
    } else if c.is_control() {
        ' '
    } else if fonts.has_glyph(Face::Regular, c) {
        c
    } else {
        '?'
    }
}

fn space_width(style: TextStyle, fonts: &Fonts) -> f32 {
    fonts.width(style.face, style.size, " ")
}

fn break_paragraph(words: Vec<Slot>, measure: f32, fonts: &Fonts) -> Vec<Line> {
    let mut lines: Vec<Vec<Slot>> = Vec::new();
    let mut current: Vec<Slot> = Vec::new();
    let mut width = 0.0;
    for (space, word) in words {
        let gap = space.map_or(0.0, |s| space_width(s, fonts));
        if !current.is_empty() && width + gap + word.width <= measure {
            width += gap + word.width;
            current.push((space, word));
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        let mut pieces = cut(word, measure, fonts);
        let last = pieces.pop().expect("cut returns at least one piece");
        for piece in pieces {
            lines.push(vec![(None, piece)]);
        }
        width = last.width;
        current.push((None, last));
    }
    lines.push(current);
    avoid_lonely_last_word(&mut lines, measure, fonts);
    lines.into_iter().map(|l| to_line(l, fonts)).collect()
}

/// Moves the last word of the next-to-last line down when the last line has
/// a single word, so that no paragraph ends on a line of one word.
fn avoid_lonely_last_word(lines: &mut [Vec<Slot>], measure: f32, fonts: &Fonts) {
    let n = lines.len();
    if n < 2 || lines[n - 1].len() != 1 || lines[n - 2].len() < 3 {
        return;
    }
    let (head, tail) = lines.split_at_mut(n - 1);
    let above = &mut head[n - 2];
    let (moved_space, moved) = above.last().cloned().expect("three words");
    let lonely = &tail[0][0].1;
    let gap = moved_space.map_or(0.0, |s| space_width(s, fonts));
    if moved.width + gap + lonely.width > measure {
        return;
    }
    above.pop();
    let last = &mut tail[0];
    last[0].0 = moved_space;
    last.insert(0, (None, moved));
}

/// Cuts a word wider than the measure between characters.
fn cut(word: Word, measure: f32, fonts: &Fonts) -> Vec<Word> {
    if word.width <= measure {
        return vec![word];
    }
    let mut pieces = Vec::new();
    let mut current = Word {
        frags: Vec::new(),
        width: 0.0,
    };
    for frag in word.frags {
        for c in frag.text.chars() {
            let w = fonts.char_width(frag.style.face, frag.style.size, c);
            if current.width + w > measure && !current.frags.is_empty() {
                pieces.push(std::mem::replace(
                    &mut current,
                    Word {
                        frags: Vec::new(),
                        width: 0.0,
                    },
                ));
            }
            current.push(c, frag.style, fonts);
        }
    }
    pieces.push(current);
    pieces
}

fn to_line(slots: Vec<Slot>, fonts: &Fonts) -> Line {
    let mut line = Line::default();
    let mut x = 0.0;
    for (space, word) in slots {
        if let Some(style) = space {
            append(&mut line, " ", style, fonts, &mut x);
        }
        for frag in word.frags {
            append(&mut line, &frag.text, frag.style, fonts, &mut x);
        }
    }
    line.width = x;
    line
}

fn append(line: &mut Line, text: &str, style: TextStyle, fonts: &Fonts, x: &mut f32) {
    let mut width = fonts.width(style.face, style.size, text);
    match line.parts.last_mut() {
        Some(last) if last.style == style => {
            if let (Some(a), Some(b)) = (last.text.chars().next_back(), text.chars().next()) {
                width += fonts.kern(style.face, style.size, a, b);
            }
            last.text.push_str(text);
            last.width += width;
        }
        _ => line.parts.push(Placed {
            dx: *x,
            text: text.to_string(),
            style,
            width,
        }),
    }
    *x += width;
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle {
        face: Face::Regular,
        size: 10.0,
        color: [0.0; 3],
    };

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn lines_never_exceed_the_measure_and_keep_every_word() {
        let text = "Ce rapport reprend les réponses données lors de l’évaluation. \
                    Chaque domaine reçoit une note sur 100 : elle mesure la part des exigences.";
        for measure in [60.0, 120.0, 250.0, 400.0] {
            let lines = break_lines(&[Run::new(text, BODY)], measure);
            for line in &lines {
                assert!(line.width <= measure + 1e-3, "{} > {measure}", line.width);
            }
            assert_eq!(texts(&lines).join(" "), text);
        }
    }

    #[test]
    fn a_word_wider_than_the_measure_is_cut_not_overflowed() {
        let url = "https://www.example.com/politique-de-confidentialite/version-longue";
        let lines = break_lines(&[Run::new(url, BODY)], 80.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 80.0 + 1e-3));
        assert_eq!(texts(&lines).concat(), url);
    }

    #[test]
    fn no_paragraph_ends_with_a_single_word_when_one_can_move_down() {
        let text = "un deux trois quatre cinq six sept huit neuf dix onze douze";
        for measure in 40..300 {
            let lines = break_lines(&[Run::new(text, BODY)], measure as f32);
            let n = lines.len();
            if n >= 2 && lines[n - 2].text().split(' ').count() >= 3 {
                assert!(
                    lines[n - 1].text().contains(' '),
                    "measure {measure}: {:?}",
                    texts(&lines)
                );
            }
            assert!(lines.iter().all(|l| l.width <= measure as f32 + 1e-3));
        }
    }

    #[test]
    fn styles_are_kept_and_positioned_by_measured_width() {
        let bold = BODY.with_face(Face::Bold);
        let lines = break_lines(
            &[
                Run::new("Note globale\u{a0}:", bold),
                Run::new(" 58/100", BODY),
            ],
            400.0,
        );
        assert_eq!(lines.len(), 1);
        let parts = &lines[0].parts;
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].style.face, Face::Bold);
        assert!((parts[1].dx - parts[0].width).abs() < 1e-3);
        assert_eq!(lines[0].text(), "Note globale\u{a0}: 58/100");
    }

    #[test]
    fn newlines_break_lines_and_non_breaking_spaces_do_not() {
        let lines = break_lines(&[Run::new("« Oui »\nligne deux", BODY)], 400.0);
        assert_eq!(texts(&lines), ["« Oui »", "ligne deux"]);
        let narrow = break_lines(&[Run::new("a\u{a0}:\u{a0}b c", BODY)], 26.0);
        assert_eq!(narrow[0].text(), "a\u{a0}:\u{a0}b");
    }
}
