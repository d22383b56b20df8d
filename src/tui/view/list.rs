//! A list that scrolls with its cursor: the rows that fit, with a marker for
//! the rows above and below, so that nothing is cut at the smallest size.

use super::wrap;
use ratatui::style::Style;
use ratatui::text::Line;

/// One line of a list: its text and the selectable row it belongs to (none
/// for a heading or a blank line).
pub struct Row {
    /// What is shown.
    pub line: Line<'static>,
    /// The selectable index (what the cursor and clicks count).
    pub index: Option<usize>,
}

impl Row {
    /// A row the cursor can reach.
    pub fn item(line: Line<'static>, index: usize) -> Row {
        Row {
            line,
            index: Some(index),
        }
    }

    /// A row the cursor skips.
    pub fn text(line: Line<'static>) -> Row {
        Row { line, index: None }
    }
}

/// The lines to draw and, for each screen line, the selectable index under it.
pub struct Window {
    /// The rows shown, with the markers.
    pub lines: Vec<Line<'static>>,
    /// For each screen line (rows wrap), the selectable index drawn there.
    pub at: Vec<Option<usize>>,
}

/// The rows that fit in `height` lines of `width` with the row of `cursor`
/// visible; `above` and `below` say how many rows are hidden (`{n}`).
pub fn window(
    rows: Vec<Row>,
    cursor: Option<usize>,
    width: u16,
    height: u16,
    (above, below): (&str, &str),
    marker: Style,
) -> Window {
    // Rows wider than the list are wrapped here, at ordinary spaces, their
    // continuation lines indented under the option's first word.
    let rows: Vec<(Vec<Line<'static>>, Option<usize>)> = rows
        .into_iter()
        .map(|r| (fit(r.line, usize::from(width)), r.index))
        .collect();
    let heights: Vec<usize> = rows.iter().map(|(lines, _)| lines.len()).collect();
    let height = usize::from(height);
    let total: usize = heights.iter().sum();
    let focus = cursor
        .and_then(|c| rows.iter().position(|(_, index)| *index == Some(c)))
        .unwrap_or(0);
    let (first, last) = if total <= height {
        (0, rows.len())
    } else {
        visible_range(&heights, focus, height)
    };
    let mut lines = Vec::new();
    let mut at = Vec::new();
    if first > 0 {
        lines.push(Line::styled(
            above.replace("{n}", &first.to_string()),
            marker,
        ));
        at.push(None);
    }
    for (row_lines, index) in rows.into_iter().skip(first).take(last - first) {
        at.extend(std::iter::repeat_n(index, row_lines.len()));
        lines.extend(row_lines);
    }
    let hidden = heights.len() - last;
    if hidden > 0 {
        lines.push(Line::styled(
            below.replace("{n}", &hidden.to_string()),
            marker,
        ));
        at.push(None);
    }
    Window { lines, at }
}

/// The rows `first..last` around `focus` that fit in `height` lines, a line
/// kept for each marker needed.
fn visible_range(heights: &[usize], focus: usize, height: usize) -> (usize, usize) {
    let n = heights.len();
    let fits = |first: usize, last: usize| {
        let markers = usize::from(first > 0) + usize::from(last < n);
        heights[first..last].iter().sum::<usize>() + markers <= height
    };
    let mut first = focus;
    let mut last = focus + 1;
    // Grow downwards first (what follows the cursor), then upwards.
    while last < n && fits(first, last + 1) {
        last += 1;
    }
    while first > 0 && fits(first - 1, last) {
        first -= 1;
    }
    (first, last)
}

fn text_of(line: &Line) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The line as it fits in `width`: unchanged when it does, else wrapped in
/// its own style, continuation lines hanging under the first word after the
/// row's marks ("› [ ] ", "  ? ", "  1. ").
fn fit(line: Line<'static>, width: usize) -> Vec<Line<'static>> {
    let text = text_of(&line);
    if text.chars().count() <= width {
        return vec![line];
    }
    // A ticked box's "x" ("[x]") is part of the mark, not the first word.
    let boxed = text.trim_start_matches(['›', ' ']).starts_with('[');
    let skip = boxed
        .then(|| text.chars().position(|c| c == ']'))
        .flatten()
        .map_or(0, |i| i + 1);
    let first_word = text
        .chars()
        .enumerate()
        .skip(skip)
        .find(|&(_, c)| c.is_alphanumeric() || c == '(' || c == '«')
        .map_or(0, |(i, _)| i);
    // Under a mark ("[ ] ", "? ", "1. ") the text aligns with the first word;
    // an option without one indents its continuation a little more.
    let marked = text
        .chars()
        .take(first_word)
        .any(|c| !c.is_whitespace() && c != '›');
    let hang = if marked { first_word } else { first_word + 2 };
    let style = line
        .style
        .patch(line.spans.first().map(|s| s.style).unwrap_or_default());
    wrap(&text, width, hang)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> Vec<Row> {
        (0..n)
            .map(|i| Row::item(Line::raw(format!("option {i}")), i))
            .collect()
    }

    #[test]
    fn a_ticked_box_wraps_like_an_empty_one() {
        let option = "Informations bancaires ou de carte de paiement";
        let wrapped = |mark: &str| -> Vec<String> {
            fit(Line::raw(format!("› {mark} {option}")), 30)
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect()
        };
        let (ticked, empty) = (wrapped("[x]"), wrapped("[ ]"));
        assert!(ticked.len() > 1, "{ticked:?}");
        assert_eq!(ticked[1..], empty[1..], "continuations hang under the text");
        assert!(ticked[1].starts_with("      "), "{ticked:?}");
    }

    #[test]
    fn a_list_that_fits_is_shown_whole() {
        let w = window(rows(3), Some(2), 40, 5, ("↑ {n}", "↓ {n}"), Style::new());
        assert_eq!(w.lines.len(), 3);
        assert_eq!(w.at, vec![Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn a_long_list_scrolls_to_its_cursor_with_markers() {
        let w = window(rows(20), Some(10), 40, 6, ("↑ {n}", "↓ {n}"), Style::new());
        assert_eq!(w.lines.len(), 6);
        assert!(w.at.contains(&Some(10)));
        let first = w.lines[0].spans[0].content.to_string();
        let last = w.lines[5].spans[0].content.to_string();
        assert!(first.starts_with("↑ "), "{first}");
        assert!(last.starts_with("↓ "), "{last}");
        let shown = w.at.iter().flatten().count();
        let above: usize = first[4..].trim().parse().unwrap();
        let below: usize = last[4..].trim().parse().unwrap();
        assert_eq!(above + shown + below, 20);
    }
}
