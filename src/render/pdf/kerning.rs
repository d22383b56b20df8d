//! Pair kerning from a font's GPOS `kern` feature (Latin script), so that
//! "Tr", "Té" or "AV" are set as the type designer spaced them.

use allsorts::binary::read::ReadScope;
use allsorts::layout::{GPOS, LayoutTable, LookupCacheItem, PosLookup, new_layout_cache};
use allsorts::tag;
use std::sync::Arc;
use std::sync::atomic::{AtomicI16, Ordering};

/// Characters whose pairs are remembered once looked up: Latin-1, Latin
/// Extended-A (œ), then the punctuation French and English text uses.
const DENSE: usize = 0x180;
const PUNCTUATION: [char; 9] = [
    '\u{2013}', '\u{2014}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2026}', '\u{202F}',
    '\u{20AC}',
];
const SLOTS: usize = DENSE + PUNCTUATION.len();
/// A pair not looked up yet.
const UNKNOWN: i16 = i16::MIN;

/// The kerning pairs of one face, looked up lazily and remembered.
pub struct Kerning {
    lookups: Vec<Arc<LookupCacheItem<PosLookup>>>,
    units_per_em: i32,
    pairs: Vec<AtomicI16>,
}

impl Kerning {
    /// Reads the `kern` lookups of the Latin script (or the default one)
    /// from a GPOS table; a font without them kerns nothing.
    pub fn load(gpos: Option<&[u8]>, units_per_em: u16) -> Kerning {
        let lookups = gpos.map(kern_lookups).unwrap_or_default();
        Kerning {
            lookups,
            units_per_em: i32::from(units_per_em.max(1)),
            pairs: Vec::new(),
        }
        .with_cache()
    }

    fn with_cache(mut self) -> Kerning {
        if !self.lookups.is_empty() {
            self.pairs = (0..SLOTS * SLOTS)
                .map(|_| AtomicI16::new(UNKNOWN))
                .collect();
        }
        self
    }

    /// The adjustment between two characters, in thousandths of an em
    /// (negative brings them closer), given their glyph ids.
    pub fn pair(&self, (a, ga): (char, u16), (b, gb): (char, u16)) -> i16 {
        if self.lookups.is_empty() {
            return 0;
        }
        let Some(index) = slot(a).zip(slot(b)).map(|(x, y)| x * SLOTS + y) else {
            return self.look_up(ga, gb);
        };
        let known = self.pairs[index].load(Ordering::Relaxed);
        if known != UNKNOWN {
            return known;
        }
        let value = self.look_up(ga, gb);
        self.pairs[index].store(value, Ordering::Relaxed);
        value
    }

    /// Every `kern` lookup applied in order, the first subtable that covers
    /// the pair deciding within each (OpenType's rule).
    fn look_up(&self, first: u16, second: u16) -> i16 {
        let mut units: i32 = 0;
        for lookup in &self.lookups {
            let PosLookup::PairPos(subtables) = &lookup.lookup_subtables else {
                continue;
            };
            for subtable in subtables {
                if let Ok(Some((value, _))) = subtable.apply(first, second) {
                    units += value.map_or(0, |v| i32::from(v.x_advance));
                    break;
                }
            }
        }
        (units * 1000 / self.units_per_em).clamp(-1000, 1000) as i16
    }
}

/// The pair's slot in the remembered table, for the characters most text uses.
fn slot(c: char) -> Option<usize> {
    let code = c as usize;
    if code < DENSE {
        return Some(code);
    }
    PUNCTUATION.iter().position(|&p| p == c).map(|i| DENSE + i)
}

fn kern_lookups(gpos: &[u8]) -> Vec<Arc<LookupCacheItem<PosLookup>>> {
    let Ok(table) = ReadScope::new(gpos).read::<LayoutTable<GPOS>>() else {
        return Vec::new();
    };
    let cache = new_layout_cache(table);
    let table = &cache.layout_table;
    let indices: Vec<u16> = (|| {
        let script = table.find_script_or_default(tag::LATN).ok()??;
        let langsys = script.default_langsys_record()?;
        let feature = table
            .find_langsys_feature(langsys, tag::KERN, None)
            .ok()??;
        Some(feature.lookup_indices.clone())
    })()
    .unwrap_or_default();
    let Some(list) = table.opt_lookup_list.as_ref() else {
        return Vec::new();
    };
    indices
        .into_iter()
        .filter_map(|i| list.lookup_cache_gpos(&cache, usize::from(i)).ok())
        .collect()
}
