//! The fonts shipped in `assets/fonts` (Noto Sans): glyph widths for the
//! layout, and subsets of exactly the glyphs a document uses for embedding.

use super::kerning::Kerning;
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
}

impl Face {
    /// Every face, in the order fonts are numbered in the PDF.
    pub const ALL: [Face; 2] = [Face::Regular, Face::Bold];

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"),
        }
    }

    /// The PostScript name of the face.
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "NotoSans-Regular",
            Face::Bold => "NotoSans-Bold",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Characters below this are looked up in a table rather than a map: Latin
/// scripts, general punctuation (’ « » … NNBSP) and the euro sign.
const TABLE: usize = 0x2100;
/// The table's mark for "no glyph".
const NONE: u16 = u16::MAX;

/// Advance widths, glyph ids and kerning of one face; widths in thousandths of an em.
struct Metrics {
    near_width: Vec<u16>,
    near_glyph: Vec<u16>,
    far: HashMap<char, (u16, u16)>,
    missing: u16,
    kerning: Kerning,
}

impl Metrics {
    /// Reads the cmap, hmtx and GPOS tables straight from the font file (no copy of it).
    fn load(face: Face) -> Metrics {
        use allsorts::tables::cmap::Cmap;
        use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
        use allsorts::tag;
        const BROKEN: &str = "the fonts in assets/ are valid TrueType";
        let file = ReadScope::new(face.bytes())
            .read::<FontData<'_>>()
            .expect(BROKEN);
        let provider = file.table_provider(0).expect(BROKEN);
        let table = |t| provider.read_table_data(t).expect(BROKEN);
        let (head, maxp, hhea) = (table(tag::HEAD), table(tag::MAXP), table(tag::HHEA));
        let head = ReadScope::new(&head).read::<HeadTable>().expect(BROKEN);
        let maxp = ReadScope::new(&maxp).read::<MaxpTable>().expect(BROKEN);
        let hhea = ReadScope::new(&hhea).read::<HheaTable>().expect(BROKEN);
        let hmtx = table(tag::HMTX);
        let hmtx = ReadScope::new(&hmtx)
            .read_dep::<HmtxTable<'_>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .expect(BROKEN);
        let em = u32::from(head.units_per_em.max(1));
        let width = |gid: u16| -> u16 {
            let advance = hmtx.horizontal_advance(gid).unwrap_or(0);
            ((u32::from(advance) * 1000 / em) as u16).min(NONE - 1)
        };
        let mut metrics = Metrics {
            near_width: vec![NONE; TABLE],
            near_glyph: vec![0; TABLE],
            far: HashMap::new(),
            missing: width(0),
            kerning: Kerning::load(
                provider.read_table_data(tag::GPOS).ok().as_deref(),
                head.units_per_em,
            ),
        };
        let cmap = table(tag::CMAP);
        let cmap = ReadScope::new(&cmap).read::<Cmap<'_>>().expect(BROKEN);
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap)
            .ok()
            .flatten()
            .expect(BROKEN);
        let _ = subtable.mappings_fn(|cp, gid| {
            let Some(c) = char::from_u32(cp) else {
                return;
            };
            if (cp as usize) < TABLE {
                metrics.near_width[cp as usize] = width(gid);
                metrics.near_glyph[cp as usize] = gid;
            } else {
                metrics.far.insert(c, (gid, width(gid)));
            }
        });
        metrics
    }

    /// The advance of `c`, if the face has it.
    fn get(&self, c: char) -> Option<u16> {
        match self.near_width.get(c as usize) {
            Some(&NONE) => None,
            Some(&width) => Some(width),
            None => self.far.get(&c).map(|g| g.1),
        }
    }

    /// The glyph id of `c`, if the face has it.
    fn glyph(&self, c: char) -> Option<u16> {
        self.get(c)?;
        match self.near_glyph.get(c as usize) {
            Some(&gid) => Some(gid),
            None => self.far.get(&c).map(|g| g.0),
        }
    }

    fn advance(&self, c: char) -> u16 {
        self.get(c).unwrap_or(self.missing)
    }

    /// The kerning between `a` and `b`, in thousandths of an em.
    fn kern(&self, a: char, b: char) -> i16 {
        match (self.glyph(a), self.glyph(b)) {
            (Some(ga), Some(gb)) => self.kerning.pair((a, ga), (b, gb)),
            _ => 0,
        }
    }
}

/// The family's metrics, parsed once per process.
pub struct Fonts {
    faces: [Metrics; 2],
}

impl Fonts {
    /// The shared metrics.
    pub fn get() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| Fonts {
            faces: Face::ALL.map(Metrics::load),
        })
    }

    /// Width of `text` set in `face` at `size` points, in points, kerning included.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let metrics = &self.faces[face.index()];
        let mut units: i32 = 0;
        // Each character's glyph is looked up once, for both of its pairs.
        let mut previous: Option<(char, u16)> = None;
        for c in text.chars() {
            units += i32::from(metrics.advance(c));
            let glyph = metrics.glyph(c).map(|g| (c, g));
            if let (Some(p), Some(g)) = (previous, glyph) {
                units += i32::from(metrics.kerning.pair(p, g));
            }
            previous = glyph;
        }
        units as f32 * size / 1000.0
    }

    /// The kerning between `a` and `b` set in `face`, in thousandths of an
    /// em (negative brings them closer).
    pub fn kern_units(&self, face: Face, a: char, b: char) -> i16 {
        self.faces[face.index()].kern(a, b)
    }

    /// The kerning between `a` and `b`, in points.
    pub fn kern(&self, face: Face, size: f32, a: char, b: char) -> f32 {
        f32::from(self.kern_units(face, a, b)) * size / 1000.0
    }

    /// Width of one character, in points.
    pub fn char_width(&self, face: Face, size: f32, c: char) -> f32 {
        f32::from(self.faces[face.index()].advance(c)) * size / 1000.0
    }

    /// Whether the face has a glyph for `c`.
    pub fn has_glyph(&self, face: Face, c: char) -> bool {
        self.faces[face.index()].get(c).is_some()
    }

    /// A font program holding only the glyphs of `chars`, named with a
    /// subset tag derived from its content (so the same text gives the same
    /// bytes).
    pub fn subset(&self, face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, String> {
        let metrics = &self.faces[face.index()];
        let gids: BTreeSet<u16> = chars.iter().filter_map(|c| metrics.glyph(*c)).collect();
        let ids: Vec<u16> = std::iter::once(0)
            .chain(gids.into_iter().filter(|&g| g != 0))
            .collect();
        let file = ReadScope::new(face.bytes())
            .read::<FontData<'_>>()
            .map_err(|e| e.to_string())?;
        let provider = file.table_provider(0).map_err(|e| e.to_string())?;
        let bytes = subset(&provider, &ids, &embedded_tables(), CmapTarget::Unicode)
            .map_err(|e| e.to_string())?;
        let mut warnings = Vec::new();
        let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
            .ok_or_else(|| format!("the subset of {} does not parse", face.postscript_name()))?;
        font.font_name = Some(format!("{}+{}", subset_tag(&ids), face.postscript_name()));
        Ok(font)
    }
}

/// The tables an embedded subset keeps: what a PDF reader draws and
/// measures glyphs with (ISO 32000-1, 9.9), and the character map. The
/// fonts are unhinted (no `cvt`, `fpgm`, `prep`), and the `name` table, 0.7
/// KB a face once deflated, says nothing a reader uses: the document names
/// the font in its font dictionaries.
fn embedded_tables() -> SubsetProfile {
    use allsorts::tag;
    SubsetProfile::Custom(vec![
        tag::CMAP,
        tag::GLYF,
        tag::HEAD,
        tag::HHEA,
        tag::HMTX,
        tag::LOCA,
        tag::MAXP,
        tag::POST,
    ])
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
    fn the_fonts_kern_pairs_that_would_look_loose() {
        let fonts = Fonts::get();
        for face in Face::ALL {
            for (a, b) in [('T', 'r'), ('T', 'é'), ('A', 'V'), ('L', '’')] {
                let kern = fonts.kern_units(face, a, b);
                assert!(kern < 0, "{face:?} {a}{b}: {kern}");
            }
            assert_eq!(fonts.kern_units(face, 'n', 'n'), 0);
        }
        let plain: f32 = "Té"
            .chars()
            .map(|c| fonts.char_width(Face::Regular, 10.0, c))
            .sum();
        assert!(fonts.width(Face::Regular, 10.0, "Té") < plain);
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
