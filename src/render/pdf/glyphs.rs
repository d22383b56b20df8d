//! The codes a font's text is shown with (one byte a glyph in a small
//! subset, two in a large one) and the maps that go with them: the
//! ToUnicode CMap that gives each code back its text, and the one-byte
//! encoding CMap.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

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

    /// The code `c` is shown with.
    pub fn get(&self, c: char) -> u16 {
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
        let (ranges, singles) = self.runs();
        // At most 100 mappings a block (ISO 32000-1, 9.10.3).
        for block in ranges.chunks(100) {
            let _ = writeln!(out, "{} beginbfrange", block.len());
            for &(first, last, c) in block {
                let _ = writeln!(
                    out,
                    "<{first:0digits$X}> <{last:0digits$X}> <{:04X}>",
                    c as u32
                );
            }
            out.push_str("endbfrange\n");
        }
        for block in singles.chunks(100) {
            let _ = writeln!(out, "{} beginbfchar", block.len());
            for &(gid, c) in block {
                let _ = write!(out, "<{gid:0digits$X}> <");
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

    /// The mappings as runs of consecutive codes for consecutive characters
    /// (`bfrange`: "a" to "z" in one line) and the codes left alone
    /// (`bfchar`). A run stays within one last byte of both the code and the
    /// character, as a range may only step the last byte (ISO 32000-1, 9.10.3).
    fn runs(&self) -> (Vec<Range>, Vec<(u16, char)>) {
        let (mut ranges, mut singles) = (Vec::new(), Vec::new());
        let mut close = |(first, last, c): Range| {
            if first == last {
                singles.push((first, c));
            } else {
                ranges.push((first, last, c));
            }
        };
        let mut run: Option<Range> = None;
        for (&gid, &c) in &self.names {
            let extends = run.is_some_and(|(first, last, start)| {
                let start = start as u32;
                let end = start + u32::from(gid - first);
                gid == last + 1
                    && gid >> 8 == first >> 8
                    && end < 0x1_0000
                    && end >> 8 == start >> 8
                    && c as u32 == end
            });
            run = match run {
                Some((first, _, start)) if extends => Some((first, gid, start)),
                done => {
                    if let Some(done) = done {
                        close(done);
                    }
                    Some((gid, gid, c))
                }
            };
        }
        if let Some(done) = run {
            close(done);
        }
        (ranges, singles)
    }
}

/// Codes `first` to `last` for the characters from `start` on.
type Range = (u16, u16, char);

/// The name of [`ONE_BYTE_CMAP`].
pub const ONE_BYTE_CMAP_NAME: &str = "OneByte-Identity-H";

/// The encoding of a font whose text is shown one byte per glyph: codes
/// 00 to FF are CIDs 0 to 255, as Identity-H does with two bytes (ISO
/// 32000-1, 9.7.5.3). Registry and ordering are the CID fonts' own. Word
/// spacing (`Tw`) would now apply to code 32, which is a glyph id here, not
/// a space: the content never sets it (nor did printpdf's).
pub const ONE_BYTE_CMAP: &str = "/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> def
/CMapName /OneByte-Identity-H def
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
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_map_gives_each_code_its_character_in_runs_where_it_can() {
        let glyphs = Glyphs::new("a\u{a0} (ébcdz".chars(), |c| {
            Some(match c {
                'a' => 1,
                'b' => 2,
                'c' => 3,
                'd' => 4,
                'z' => 5,
                ' ' | '\u{a0}' => 0x20,
                '(' => 0x28,
                _ => 0xff,
            })
        });
        assert!(glyphs.one_byte());
        let cmap = glyphs.to_unicode();
        assert!(cmap.contains("<00> <FF>\nendcodespacerange"), "{cmap}");
        // a to d in one range; a shared glyph reads as the lowest of its characters.
        assert!(
            cmap.contains("1 beginbfrange\n<01> <04> <0061>\nendbfrange\n"),
            "{cmap}"
        );
        assert!(
            cmap.contains("4 beginbfchar\n<05> <007A>\n<20> <0020>\n<28> <0028>\n<FF> <00E9>\n"),
            "{cmap}"
        );
        let large = Glyphs::new("ab".chars(), |c| Some(if c == 'a' { 1 } else { 256 }));
        assert!(!large.one_byte());
        assert!(large.to_unicode().contains("<0000> <FFFF>"));
    }

    #[test]
    fn the_one_byte_cmap_is_named_as_the_fonts_refer_to_it() {
        let name = format!("/CMapName /{ONE_BYTE_CMAP_NAME} def");
        assert!(ONE_BYTE_CMAP.contains(&name));
    }

    #[test]
    fn a_range_never_steps_past_the_last_byte_of_its_code_or_its_character() {
        // Codes FE, FF and 100 for characters U+00FE, U+00FF and U+0100.
        let glyphs = Glyphs::new("\u{fe}\u{ff}\u{100}".chars(), |c| {
            Some(match c {
                '\u{fe}' => 0xFE,
                '\u{ff}' => 0xFF,
                _ => 0x100,
            })
        });
        let (ranges, singles) = glyphs.runs();
        assert_eq!(ranges, [(0xFE, 0xFF, '\u{fe}')]);
        assert_eq!(singles, [(0x100, '\u{100}')]);
        // Consecutive codes, but U+00FF to U+0100 changes two bytes.
        let glyphs = Glyphs::new("\u{ff}\u{100}".chars(), |c| {
            Some(if c == '\u{ff}' { 1 } else { 2 })
        });
        assert!(glyphs.runs().0.is_empty());
    }
}
