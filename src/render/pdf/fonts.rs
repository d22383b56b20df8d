//! The fonts shipped in `assets/fonts` (Noto Sans): glyph widths for the
//! layout, and subsets of exactly the glyphs a document uses for embedding.

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use printpdf::ParsedFont;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

/// A typeface of the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Roman.
    Regular,
    /// Bold.
    Bold,
    /// Italic.
    Italic,
}

impl Face {
    /// Every face, in the order fonts are numbered in the PDF.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
            Face::Italic => include_bytes!("../../../assets/fonts/NotoSans-Italic.ttf"),
        }
    }

    /// The PostScript name of the face.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
            Face::Italic => "NotoSans-Italic",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Advance widths of one face, in thousandths of an em.
struct Metrics {
    ascii: [u16; 128],
    other: HashMap<char, u16>,
    glyphs: HashMap<char, u16>,
    missing: u16,
}

impl Metrics {
    fn load(face: Face) -> Metrics {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
            .expect("the fonts in assets/ are valid TrueType");
        let scale = |w: u16| -> u16 {
            (u32::from(w) * 1000 / u32::from(parsed.units_per_em.max(1))) as u16
        };
        let missing = scale(parsed.get_glyph_width(0).unwrap_or(500));
        let mut ascii = [missing; 128];
        let mut other = HashMap::new();
        let mut glyphs = HashMap::new();
        for (&cp, &gid) in &parsed.codepoint_to_glyph {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let width = scale(parsed.get_glyph_width(gid).unwrap_or(0));
            glyphs.insert(c, gid);
            if cp < 128 {
                ascii[cp as usize] = width;
            } else {
                other.insert(c, width);
            }
        }
        Metrics {
            ascii,
            other,
            glyphs,
            missing,
        }
    }

    fn advance(&self, c: char) -> u16 {
        if (c as u32) < 128 {
            self.ascii[c as usize]
        } else {
            self.other.get(&c).copied().unwrap_or(self.missing)
        }
    }
}

/// The family's metrics, parsed once per process.
pub struct Fonts {
    faces: [Metrics; 3],
}

impl Fonts {
    /// The shared metrics.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            faces: Face::ALL.map(Metrics::load),
        })
    }

    /// Width of `text` set in `face` at `size` points, in points.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let metrics = &self.faces[face.index()];
        let units: u32 = text.chars().map(|c| u32::from(metrics.advance(c))).sum();
        units as f32 * size / 1000.0
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_glyph(&self, face: Face, c: char) -> bool {
        self.faces[face.index()].glyphs.contains_key(&c)
    }

    /// A font program holding only the glyphs of `chars`, named with a
    /// subset tag derived from its content (so the same text gives the same
    /// bytes).
    pub fn subset(&self, face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, String> {
        let metrics = &self.faces[face.index()];
        let gids: BTreeSet<u16> = chars
            .iter()
            .filter_map(|c| metrics.glyphs.get(c).copied())
            .collect();
        let ids: Vec<u16> = std::iter::once(0)
            .chain(gids.into_iter().filter(|&g| g != 0))
            .collect();
        let file = ReadScope::new(face.bytes())
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = file.table_provider(0).map_err(|e| e.to_string())?;
        let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
            .map_err(|e| e.to_string())?;
        let mut warnings = Vec::new();
        let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| format!("the subset of {} does not parse", face.postscript_name()))?;
        font.font_name = Some(format!("{}+{}", subset_tag(&ids), face.postscript_name()));
        Ok(font)
    }
}

/// Six capital letters that identify a subset (ISO 32000-1, 9.6.4).
fn subset_tag(ids: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for byte in id.to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_than_regular_and_widths_add_up() {
        let fonts = Fonts::get();
        let regular = fonts.width(Face::Regular, 10.0, "Évaluation");
        let bold = fonts.width(Face::Bold, 10.0, "Évaluation");
        assert!(regular > 30.0 && regular < 70.0, "{regular}");
        assert!(bold > regular);
        let parts =
            fonts.width(Face::Regular, 10.0, "Éval") + fonts.width(Face::Regular, 10.0, "uation");
        assert!((parts - regular).abs() < 1e-3);
    }

    #[test]
    fn french_punctuation_is_in_every_face() {
        let fonts = Fonts::get();
        for face in Face::ALL {
            for c in "éèêàçœÉÀ’«»…–—\u{a0}\u{202f}€".chars() {
                assert!(fonts.has_glyph(face, c), "{face:?} lacks {c:?}");
            }
        }
    }

    #[test]
    fn a_subset_keeps_the_characters_it_was_asked_for_and_is_small() {
        let chars: BTreeSet<char> = "Préparé pour « Café »".chars().collect();
        let font = Fonts::get().subset(Face::Regular, &chars).unwrap();
        for c in &chars {
            assert!(font.lookup_glyph_index(*c as u32).is_some(), "{c:?}");
        }
        assert!(
            font.original_bytes.len() < 20_000,
            "{}",
            font.original_bytes.len()
        );
        let name = font.font_name.unwrap();
        assert!(
            name.ends_with("+NotoSans-Regular") && name.len() == 23,
            "{name}"
        );
    }
}
