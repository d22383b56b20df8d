//! Page content streams written straight from the page model, with the
//! operators printpdf would write for the same drawing: no intermediate
//! operation lists, one reused buffer, each page deflated as it is done.
//! Every drawing is in a marked-content sequence: content of a structure
//! element (with its MCID) or an artifact.

use super::fonts::{Face, Fonts};
use super::page::{Item, Page};
use super::tags::{Mark, NodeId, Tree};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;

/// Characters below this are looked up in a table rather than a map.
const TABLE: usize = 0x2100;

/// The glyph ids of one embedded subset and the codes its text is shown
/// with: the subset's own glyph ids (which are its CIDs), one byte each when
/// every glyph shown is below 256 (see [`ONE_BYTE_CMAP`]), else two (Identity-H,
/// as printpdf encodes text for an embedded TrueType font). Unknown
/// characters give glyph 0 (.notdef), as in printpdf.
#[derive(Debug, Default)]
pub struct Glyphs {
    near: Vec<u16>,
    far: HashMap<char, u16>,
    /// The character each glyph stands for (the lowest, when several share it).
    names: BTreeMap<u16, char>,
    one_byte: bool,
}

impl Glyphs {
    /// The glyph ids of `chars` in a font, through `lookup`.
    pub fn new(
        chars: impl IntoIterator<Item = char>,
        lookup: impl Fn(char) -> Option<u16>,
    ) -> Glyphs {
        let mut glyphs = Glyphs {
            near: vec![0; TABLE],
            far: HashMap::new(),
            names: BTreeMap::new(),
            one_byte: true,
        };
        for c in chars {
            let gid = lookup(c).unwrap_or(0);
            match glyphs.near.get_mut(c as usize) {
                Some(slot) => *slot = gid,
                None => {
                    glyphs.far.insert(c, gid);
                }
            }
            if gid != 0 {
                let name = glyphs.names.entry(gid).or_insert(c);
                *name = (*name).min(c);
            }
            glyphs.one_byte &= gid < 256;
        }
        glyphs
    }

    fn get(&self, c: char) -> u16 {
        match self.near.get(c as usize) {
            Some(&gid) => gid,
            None => self.far.get(&c).copied().unwrap_or(0),
        }
    }

    /// Whether text is shown with one byte per glyph (through [`ONE_BYTE_CMAP`]).
    pub fn one_byte(&self) -> bool {
        self.one_byte
    }

    /// The ToUnicode CMap of the codes text is shown with: what a reader
    /// extracts, copies or speaks for each glyph.
    pub fn to_unicode(&self) -> String {
        let (digits, last) = if self.one_byte {
            (2, 0xFF)
        } else {
            (4, 0xFFFF)
        };
        let mut out = String::with_capacity(256 + self.names.len() * 16);
        out.push_str(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n",
        );
        let _ = write!(
            out,
            "1 begincodespacerange\n<{:0digits$X}> <{last:0digits$X}>\nendcodespacerange\n",
            0
        );
        let names: Vec<(&u16, &char)> = self.names.iter().collect();
        // At most 100 mappings a block (ISO 32000-1, 9.10.3).
        for block in names.chunks(100) {
            let _ = writeln!(out, "{} beginbfchar", block.len());
            for (gid, c) in block {
                let _ = write!(out, "<{:0digits$X}> <", gid);
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(out, "{unit:04X}");
                }
                out.push_str(">\n");
            }
            out.push_str("endbfchar\n");
        }
        out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        out
    }
}

/// The name of [`ONE_BYTE_CMAP`].
pub const ONE_BYTE_CMAP_NAME: &str = "OneByte-Identity-H";

/// The encoding of a font whose text is shown one byte per glyph: codes
/// 00 to FF are CIDs 0 to 255, as Identity-H does with two bytes (ISO
/// 32000-1, 9.7.5.3). Registry and ordering are the CID fonts' own. Word
/// spacing (`Tw`) would now apply to code 32, which is a glyph id here, not
/// a space: the content never sets it (nor did printpdf's).
pub const ONE_BYTE_CMAP: &str = "%!PS-Adobe-3.0 Resource-CMap
%%DocumentNeededResources: ProcSet (CIDInit)
%%IncludeResource: ProcSet (CIDInit)
%%BeginResource: CMap (OneByte-Identity-H)
%%Title: (OneByte-Identity-H Adobe Identity 0)
%%EndComments
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> def
/CMapName /OneByte-Identity-H def
/CMapVersion 1.000 def
/CMapType 1 def
/WMode 0 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 begincidrange
<00> <FF> 0
endcidrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
%%EndResource
%%EOF
";

/// Shows `text`: `(…) Tj`, or `[(…) n (…)] TJ` where the font kerns a
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
                let _ = write!(out, ") {} (", -kern);
                kerned = true;
            }
        }
        previous = Some(c);
        let code = glyphs.get(c).to_be_bytes();
        let code = if glyphs.one_byte {
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
        out.extend_from_slice(b")] TJ\n");
    } else {
        out.extend_from_slice(b") Tj\n");
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
                    let _ = writeln!(out, "/{role} <</MCID {}>> BDC", marks.mcids.len());
                    marks.mcids.push(node);
                }
                Mark::Artifact => out.extend_from_slice(b"/Artifact BMC\n"),
                Mark::Footer => {
                    out.extend_from_slice(b"/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
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
                    nums(out, &style.color, "rg");
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
                    nums(out, f, "rg");
                    fill_state = Some(*f);
                }
                if let Some((c, width)) = stroke {
                    nums(out, c, "RG");
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
                nums(out, color, "RG");
                nums(out, &[*width], "w");
                line(out, points.iter().copied(), res.height);
            }
            Item::Dots { from, to, y, color } => {
                out.extend_from_slice(b"q\n");
                nums(out, color, "RG");
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
        };
        let mut out = Vec::new();
        let marks = write_page(&page, &res, &mut out);
        // Both texts share a text object, each in its own sequence, the
        // second placed from the first's start; the string's delimiters, backslash and carriage return are escaped.
        assert_eq!(
            out.escape_ascii().to_string(),
            (b"BT\n/P <</MCID 0>> BDC\n/F2 11 Tf\n0.1 0.2 0.3 rg\n62 700 Td\n\
                  (\x00\x01\x01\xab) Tj\nEMC\n/H1 <</MCID 1>> BDC\n18 0 Td\n\
                  (\x01\xab\\\\\\(\\r\\)) Tj\nEMC\nET\n\
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
    fn small_subsets_show_one_byte_a_glyph_and_map_it_back_to_text() {
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
        assert_eq!(out, b"(\x01\x03\\(\xff) Tj\n");
        let cmap = glyphs.to_unicode();
        assert!(cmap.contains("<00> <FF>\nendcodespacerange"), "{cmap}");
        // A shared glyph reads as the lowest of its characters.
        assert!(
            cmap.contains("4 beginbfchar\n<01> <0061>\n<03> <0020>\n<28> <0028>\n<FF> <00E9>\n"),
            "{cmap}"
        );
        let large = Glyphs::new("ab".chars(), |c| Some(if c == 'a' { 1 } else { 256 }));
        assert!(!large.one_byte());
        assert!(large.to_unicode().contains("<0000> <FFFF>"));
    }
}
