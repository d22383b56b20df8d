//! Page content streams written straight from the page model, with the
//! operators printpdf would write for the same drawing: no intermediate
//! operation lists, one reused buffer, each page deflated as it is done.
//! Every drawing is in a marked-content sequence: content of a structure
//! element (with its MCID) or an artifact.

use super::fonts::{Face, Fonts};
use super::glyphs::Glyphs;
use super::page::{Item, Page};
use super::palette::{self, Palette};
use super::tags::{Mark, NodeId, Tree};
use super::text::Rgb;
use std::io::Write as _;

/// Shows `text`: `(…)Tj`, or `[(…)n(…)]TJ` where the font kerns a
/// pair (n in thousandths of an em, positive moving left), so that what is
/// drawn is as wide as what the layout measured. One or two bytes per
/// glyph in a literal string (half the size of hex before compression, a
/// seventh less after).
fn show(out: &mut Vec<u8>, text: &str, glyphs: &Glyphs, face: Face) {
    let fonts = Fonts::get();
    let start = out.len();
    let mut kerned = false;
    let mut previous = None;
    out.push(b'(');
    for c in text.chars() {
        if let Some(p) = previous {
            let kern = fonts.kern_units(face, p, c);
            if kern != 0 {
                let _ = write!(out, "){}(", -kern);
                kerned = true;
            }
        }
        previous = Some(c);
        let code = glyphs.get(c).to_be_bytes();
        let code = if glyphs.one_byte() {
            &code[1..]
        } else {
            &code[..]
        };
        for &byte in code {
            match byte {
                b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                b'\r' => out.extend_from_slice(b"\\r"),
                _ => out.push(byte),
            }
        }
    }
    if kerned {
        out.insert(start, b'[');
        out.extend_from_slice(b")]TJ\n");
    } else {
        out.extend_from_slice(b")Tj\n");
    }
}

/// What a page's content refers to.
pub struct Resources<'a> {
    /// Glyph ids per face (indexed by `Face as usize`).
    pub glyphs: &'a [Glyphs; 2],
    /// Whether the `Logo` image XObject exists.
    pub logo: bool,
    /// The page height (y is flipped: the model counts from the top).
    pub height: f32,
    /// The structure tree the page's marks refer to.
    pub tree: &'a Tree,
    /// The document's colours ([`palette::NAME`] in the resources).
    pub palette: &'a Palette,
}

/// What a page's marked content refers to.
#[derive(Debug, Default, PartialEq)]
pub struct PageMarks {
    /// The structure element of each marked-content sequence, by MCID.
    pub mcids: Vec<NodeId>,
    /// The structure element of each link on the page, in order.
    pub links: Vec<Option<NodeId>>,
}

/// The resource name of a face's font.
pub fn font_name(face: Face) -> String {
    format!("F{}", face as usize + 1)
}

/// A number as lopdf writes a real (Rust's shortest round-trip form).
fn num(out: &mut Vec<u8>, v: f32) {
    let _ = write!(out, "{v}");
}

/// Numbers then an operator: colours and sizes as they are, coordinates
/// (`re`, `m`, `l`, `cm`, `w`) in hundredths of a point.
fn nums(out: &mut Vec<u8>, values: &[f32], op: &str) {
    let exact = matches!(op, "rg" | "RG" | "Tf");
    for v in values {
        if exact {
            num(out, *v);
        } else {
            let _ = write!(out, "{}", Hundredths(hundredths(*v)));
        }
        out.push(b' ');
    }
    out.extend_from_slice(op.as_bytes());
    out.push(b'\n');
}

/// Whether a colour is for filling or for stroking.
#[derive(Clone, Copy)]
enum Paint {
    Fill,
    Stroke,
}

/// Sets the fill or stroke colour: its index in the palette (`3 sc`), or
/// the colour itself (`0.13 0.15 0.18 rg`) past the palette's 256.
fn color(out: &mut Vec<u8>, palette: &Palette, rgb: Rgb, paint: Paint) {
    match (palette.index(rgb), paint) {
        (Some(i), Paint::Fill) => {
            let _ = writeln!(out, "{i} sc");
        }
        (Some(i), Paint::Stroke) => {
            let _ = writeln!(out, "{i} SC");
        }
        (None, Paint::Fill) => nums(out, &rgb, "rg"),
        (None, Paint::Stroke) => nums(out, &rgb, "RG"),
    }
}

/// Writes the content stream of `page` into `out` (cleared first); returns
/// what its marked content and links belong to.
pub fn write_page(page: &Page, res: &Resources<'_>, out: &mut Vec<u8>) -> PageMarks {
    out.clear();
    let mut marks = PageMarks::default();
    let flip = |y: f32| res.height - y;
    // Consecutive texts share one text object, and the font and colour
    // are set only when they change: smaller streams, faster export.
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    let mut fill_state: Option<[f32; 3]> = None;
    // The mark in force, the marked-content sequence open in the stream,
    // and whether it was opened inside the current text object (then it
    // must close before the text object does; else the text object must
    // close before it does).
    let mut want = Mark::Artifact;
    let mut open: Option<Mark> = None;
    let mut open_in_text = false;
    // Where the current line of text starts, in hundredths of a point: a
    // text object starts at the origin.
    let mut line_start = (0i64, 0i64);
    if !res.palette.is_empty() {
        let _ = writeln!(out, "/{0} cs /{0} CS", palette::NAME);
    }
    for item in &page.items {
        match item {
            Item::Mark(mark) => {
                want = *mark;
                continue;
            }
            Item::Link { .. } => {
                marks.links.push(match want {
                    Mark::Node(node) => Some(node),
                    _ => None,
                });
                continue;
            }
            Item::PageRef { .. } => continue,
            _ => {}
        }
        let text = matches!(item, Item::Text { .. });
        // A sequence never crosses a text object's bounds: texts of several
        // sequences share a text object, each sequence inside it.
        let change = open != Some(want);
        if in_text && (!text || (change && !open_in_text)) {
            if open_in_text {
                out.extend_from_slice(b"EMC\n");
                open = None;
            }
            out.extend_from_slice(b"ET\n");
            in_text = false;
        }
        if open.is_some() && open != Some(want) {
            out.extend_from_slice(b"EMC\n");
            open = None;
        }
        if text && !in_text {
            out.extend_from_slice(b"BT\n");
            in_text = true;
            line_start = (0, 0);
        }
        if open != Some(want) {
            open_in_text = in_text;
            match want {
                Mark::Node(node) => {
                    let role = res.tree.nodes[node].role.name();
                    let _ = writeln!(out, "/{role}<</MCID {}>>BDC", marks.mcids.len());
                    marks.mcids.push(node);
                }
                Mark::Artifact => out.extend_from_slice(b"/Artifact BMC\n"),
                Mark::Footer => {
                    out.extend_from_slice(b"/Artifact<</Type/Pagination/Subtype/Footer>>BDC\n")
                }
            }
            open = Some(want);
        }
        match item {
            Item::Text {
                x, y, style, text, ..
            } => {
                if font != Some((style.face, style.size)) {
                    let _ = write!(out, "/{} ", font_name(style.face));
                    nums(out, &[style.size], "Tf");
                    font = Some((style.face, style.size));
                }
                if fill_state != Some(style.color) {
                    color(out, res.palette, style.color, Paint::Fill);
                    fill_state = Some(style.color);
                }
                // Each line moves from the previous one's start (Td): the
                // same move line after line compresses to almost nothing.
                let at = (hundredths(*x), hundredths(flip(*y)));
                let _ = writeln!(
                    out,
                    "{} {} Td",
                    Hundredths(at.0 - line_start.0),
                    Hundredths(at.1 - line_start.1)
                );
                line_start = at;
                show(out, text, &res.glyphs[style.face as usize], style.face);
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let paint = match (fill, stroke) {
                    (Some(_), Some(_)) => "B",
                    (None, Some(_)) => "S",
                    _ => "f",
                };
                if let Some(f) = fill
                    && fill_state != Some(*f)
                {
                    color(out, res.palette, *f, Paint::Fill);
                    fill_state = Some(*f);
                }
                if let Some((c, width)) = stroke {
                    color(out, res.palette, *c, Paint::Stroke);
                    nums(out, &[*width], "w");
                }
                nums(out, &[*x, flip(y + h), *w, *h], "re");
                out.extend_from_slice(paint.as_bytes());
                out.push(b'\n');
            }
            Item::Stroke {
                points,
                color,
                width,
            } => {
                self::color(out, res.palette, *color, Paint::Stroke);
                nums(out, &[*width], "w");
                line(out, points.iter().copied(), res.height);
            }
            Item::Dots { from, to, y, color } => {
                out.extend_from_slice(b"q\n");
                self::color(out, res.palette, *color, Paint::Stroke);
                out.extend_from_slice(b"0.9 w\n1 J\n[0 4] 0 d\n");
                line(out, [(*from, *y), (*to, *y)].into_iter(), res.height);
                out.extend_from_slice(b"Q\n");
            }
            Item::Image { x, y, w, h } => {
                if res.logo {
                    out.extend_from_slice(b"q\n");
                    nums(out, &[*w, 0.0, 0.0, *h, *x, flip(y + h)], "cm");
                    out.extend_from_slice(b"/Logo Do\nQ\n");
                }
            }
            // Links become annotations; page references are text by now.
            Item::Mark(_) | Item::Link { .. } | Item::PageRef { .. } => {}
        }
    }
    if in_text {
        if open_in_text {
            out.extend_from_slice(b"EMC\n");
            open = None;
        }
        out.extend_from_slice(b"ET\n");
    }
    if open.is_some() {
        out.extend_from_slice(b"EMC\n");
    }
    marks
}

/// A coordinate in hundredths of a point: finer than any device shows.
fn hundredths(v: f32) -> i64 {
    (f64::from(v) * 100.0).round() as i64
}

/// Hundredths of a point written as a PDF number: `-14`, `210.5`, `0.07`.
struct Hundredths(i64);

impl std::fmt::Display for Hundredths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let (units, rest) = (self.0.abs() / 100, self.0.abs() % 100);
        match rest {
            0 => write!(f, "{sign}{units}"),
            r if r % 10 == 0 => write!(f, "{sign}{units}.{}", r / 10),
            r => write!(f, "{sign}{units}.{r:02}"),
        }
    }
}

/// A stroked polyline (y from the top of a page `height` high).
fn line(out: &mut Vec<u8>, mut points: impl Iterator<Item = (f32, f32)>, height: f32) {
    let Some((x, y)) = points.next() else {
        return;
    };
    nums(out, &[x, height - y], "m");
    for (x, y) in points {
        nums(out, &[x, height - y], "l");
    }
    out.extend_from_slice(b"S\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::tags::{ROOT, Role};
    use crate::render::pdf::text::TextStyle;

    #[test]
    fn text_is_shown_as_two_byte_glyph_ids_with_state_set_only_on_change() {
        let style = TextStyle {
            face: Face::Bold,
            size: 11.0,
            color: [0.1, 0.2, 0.3],
        };
        let text = |x: f32, text: &str| Item::Text {
            x,
            y: 100.0,
            style,
            text: text.into(),
            width: 0.0,
        };
        let mut tree = Tree::default();
        let p = tree.add(ROOT, Role::P);
        let h1 = tree.add(ROOT, Role::H1);
        let page = Page {
            items: vec![
                Item::Mark(Mark::Node(p)),
                text(62.0, "Ab"),
                Item::Mark(Mark::Node(h1)),
                text(80.0, "b()"),
                Item::Mark(Mark::Artifact),
                Item::Rect {
                    x: 10.0,
                    y: 20.0,
                    w: 30.0,
                    h: 5.0,
                    fill: Some([0.1, 0.2, 0.3]),
                    stroke: None,
                },
            ],
        };
        let glyphs = [
            Glyphs::default(),
            Glyphs::new("Ab()".chars(), |c| {
                Some(match c {
                    'A' => 1,
                    'b' => 0x1ab,
                    '(' => 0x5c28,
                    _ => 0x0d29,
                })
            }),
        ];
        let res = Resources {
            glyphs: &glyphs,
            logo: false,
            height: 800.0,
            tree: &tree,
            palette: &Palette::of(std::slice::from_ref(&page)),
        };
        let mut out = Vec::new();
        let marks = write_page(&page, &res, &mut out);
        // Both texts share a text object, each in its own sequence, the
        // second placed from the first's start; the string's delimiters, backslash and carriage return are escaped.
        assert_eq!(
            out.escape_ascii().to_string(),
            (b"/C cs /C CS\nBT\n/P<</MCID 0>>BDC\n/F2 11 Tf\n0 sc\n62 700 Td\n\
                  (\x00\x01\x01\xab)Tj\nEMC\n/H1<</MCID 1>>BDC\n18 0 Td\n\
                  (\x01\xab\\\\\\(\\r\\))Tj\nEMC\nET\n\
                  /Artifact BMC\n10 775 30 5 re\nf\nEMC\n")
                .escape_ascii()
                .to_string()
        );
        assert_eq!(marks.mcids, [p, h1]);
    }

    #[test]
    fn coordinates_are_written_in_hundredths_of_a_point() {
        let text = |v: i64| Hundredths(v).to_string();
        assert_eq!(
            [
                text(-1400),
                text(21050),
                text(7),
                text(-5),
                text(0),
                text(12345)
            ],
            ["-14", "210.5", "0.07", "-0.05", "0", "123.45"]
        );
        assert_eq!(hundredths(428.08798), 42809);
    }

    #[test]
    fn small_subsets_show_one_byte_a_glyph() {
        let glyphs = Glyphs::new("a\u{a0} (é".chars(), |c| {
            Some(match c {
                'a' => 1,
                ' ' | '\u{a0}' => 3,
                '(' => 0x28,
                _ => 0xff,
            })
        });
        assert!(glyphs.one_byte());
        let mut out = Vec::new();
        show(&mut out, "a (é", &glyphs, Face::Bold);
        assert_eq!(out, b"(\x01\x03\\(\xff)Tj\n");
    }
}
