//! The text of a PDF privaudit wrote, read back as a reader extracts it:
//! each string shown, through its font's ToUnicode map, with a line break
//! where text starts on another line and a space where it resumes further
//! right on the same line than the last text ended (a table's next column,
//! a value after its label). Only what privaudit's pages use is read: text
//! placed with `Td`, shown with `Tj` and `TJ` in Type 0 fonts.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// A font of a page: bytes per code, what each code reads as, how wide it is.
pub struct Font {
    /// Bytes per character code: two under Identity-H, else one.
    pub code_bytes: usize,
    /// The text of each code.
    pub text: HashMap<u16, String>,
    /// Advance of each code, in thousandths of the font size.
    widths: HashMap<u16, f32>,
    default_width: f32,
}

impl Font {
    /// Reads a page's font dictionary.
    pub fn read(doc: &Document, font: &Dictionary) -> Font {
        let descendant = font
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .ok()
            .and_then(|fonts| fonts.first())
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok());
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        if let Some(cid) = descendant {
            if let Ok(dw) = cid.get(b"DW").and_then(Object::as_float) {
                default_width = dw;
            }
            let w = cid.get(b"W").and_then(|w| doc.dereference(w)).ok();
            if let Some(Ok(entries)) = w.map(|(_, w)| w.as_array()) {
                read_widths(entries, &mut widths);
            }
        }
        Font {
            code_bytes: code_bytes(font),
            text: to_unicode(doc, font),
            widths,
            default_width,
        }
    }

    /// The text of `bytes` shown in this font. A code the ToUnicode map
    /// lacks fails the test: a reader could not read that glyph.
    pub fn text_of(&self, bytes: &[u8]) -> String {
        self.codes(bytes)
            .map(|code| {
                self.text
                    .get(&code)
                    .unwrap_or_else(|| panic!("code {code:#x} has no text"))
                    .as_str()
            })
            .collect()
    }

    /// The text and the advance (in thousandths of the size) of `bytes` shown in this font.
    fn show(&self, bytes: &[u8]) -> (String, f32) {
        let advance = self
            .codes(bytes)
            .map(|code| {
                self.widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width)
            })
            .sum();
        (self.text_of(bytes), advance)
    }

    /// The character codes of `bytes`, one or two bytes each.
    fn codes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = u16> + 'b {
        bytes
            .chunks(self.code_bytes)
            .map(|code| code.iter().fold(0, |code, &b| code << 8 | u16::from(b)))
    }
}

/// The entries of a CIDFont's `W` array: `c [w1 w2 …]` and `c1 c2 w`.
fn read_widths(entries: &[Object], widths: &mut HashMap<u16, f32>) {
    let mut i = 0;
    while i + 1 < entries.len() {
        let first = entries[i].as_i64().unwrap_or(0) as u16;
        if let Ok(list) = entries[i + 1].as_array() {
            for (k, w) in list.iter().enumerate() {
                widths.insert(first + k as u16, w.as_float().unwrap_or(0.0));
            }
            i += 2;
        } else {
            let last = entries[i + 1].as_i64().unwrap_or(0) as u16;
            let w = entries
                .get(i + 2)
                .and_then(|w| w.as_float().ok())
                .unwrap_or(0.0);
            for code in first..=last {
                widths.insert(code, w);
            }
            i += 3;
        }
    }
}

/// A font's ToUnicode map: glyph code → text (`bfchar` and `bfrange` entries).
pub fn to_unicode(doc: &Document, font: &Dictionary) -> HashMap<u16, String> {
    let stream = doc
        .get_object(font.get(b"ToUnicode").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    let cmap = String::from_utf8(stream.decompressed_content().unwrap()).unwrap();
    let mut map = HashMap::new();
    let hex = |s: &str| s.trim_matches(|c| c == '<' || c == '>').to_string();
    let number = |s: &str| u32::from_str_radix(&hex(s), 16).unwrap();
    for block in cmap.split("beginbfchar").skip(1) {
        for line in block.split("endbfchar").next().unwrap().lines() {
            let mut parts = line.split_whitespace();
            let (Some(code), Some(text)) = (parts.next(), parts.next()) else {
                continue;
            };
            let units: Vec<u16> = hex(text)
                .as_bytes()
                .chunks(4)
                .map(|c| u16::from_str_radix(std::str::from_utf8(c).unwrap(), 16).unwrap())
                .collect();
            map.insert(number(code) as u16, String::from_utf16(&units).unwrap());
        }
    }
    // Ranges: consecutive codes for consecutive characters.
    for block in cmap.split("beginbfrange").skip(1) {
        for line in block.split("endbfrange").next().unwrap().lines() {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let [first, last, start] = parts[..] else {
                continue;
            };
            for code in number(first)..=number(last) {
                let c = char::from_u32(number(start) + code - number(first)).unwrap();
                map.insert(code as u16, c.to_string());
            }
        }
    }
    map
}

/// Bytes per character code: two under Identity-H, else one (the one-byte CMap).
pub fn code_bytes(font: &Dictionary) -> usize {
    match font.get(b"Encoding").unwrap() {
        Object::Name(name) if name == b"Identity-H" => 2,
        _ => 1,
    }
}

/// The fonts of a page, by resource name.
pub fn page_fonts(doc: &Document, page: lopdf::ObjectId) -> HashMap<Vec<u8>, Font> {
    doc.get_page_fonts(page)
        .unwrap()
        .into_iter()
        .map(|(name, font)| (name, Font::read(doc, font)))
        .collect()
}

/// The text of each page.
pub fn pages_text(bytes: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(bytes).expect("a PDF");
    doc.get_pages()
        .values()
        .map(|&page| page_text(&doc, page))
        .collect()
}

/// The text of every page, one after the other.
pub fn text(bytes: &[u8]) -> String {
    pages_text(bytes).join("\n")
}

/// The text of one page.
fn page_text(doc: &Document, page: lopdf::ObjectId) -> String {
    let fonts = page_fonts(doc, page);
    let content = Content::decode(&doc.get_page_content(page)).unwrap();
    let mut out = String::new();
    let mut font: Option<&Font> = None;
    let mut size = 0.0;
    // Where the current line starts, and where the last text shown ended.
    let (mut line, mut end) = ((0.0f32, 0.0f32), None::<(f32, f32)>);
    let number = |o: &Object| o.as_float().unwrap_or(0.0);
    for op in &content.operations {
        match op.operator.as_str() {
            "BT" => line = (0.0, 0.0),
            "Tf" => {
                font = op.operands[0].as_name().ok().and_then(|n| fonts.get(n));
                size = number(&op.operands[1]);
            }
            "Td" => {
                line = (
                    line.0 + number(&op.operands[0]),
                    line.1 + number(&op.operands[1]),
                );
            }
            "Tj" | "TJ" => {
                let Some(font) = font else { continue };
                if let Some((x, y)) = end {
                    if (line.1 - y).abs() > 0.5 {
                        out.push('\n');
                    } else if line.0 > x + 0.15 * size {
                        out.push(' ');
                    }
                }
                let parts = match &op.operands[0] {
                    Object::Array(parts) => parts.clone(),
                    string => vec![string.clone()],
                };
                let mut advance = 0.0;
                for part in &parts {
                    match part {
                        Object::String(bytes, _) => {
                            let (text, width) = font.show(bytes);
                            out.push_str(&text);
                            advance += width;
                        }
                        // Kerning: thousandths of the size, positive moving left.
                        kern => advance -= number(kern),
                    }
                }
                end = Some((line.0 + advance * size / 1000.0, line.1));
            }
            _ => {}
        }
    }
    out
}
