//! Deflate in the zlib format (what `FlateDecode` reads) for every stream of
//! a PDF, by libdeflate. On the web studio's report, at the levels below, it
//! packs page content 5 % and object streams 12 % smaller than zlib (zlib-rs)
//! did at the levels the speed target allowed (3 and 4): its encoder sees a
//! whole buffer at once. One compressor per effort is kept per thread and
//! reused, so the many streams of a document do not each allocate and clear
//! one.

use libdeflater::{CompressionLvl, Compressor};
use std::cell::RefCell;

/// How hard to try: a libdeflate level, by kind of stream and length of
/// document. Measured on the web studio's report (instructions, whole
/// process): page content at 8 rather than 6 saves 330 bytes for 1 % more
/// work, object streams 390 bytes for 6 % more, which the speed target
/// cannot spare; above 9 the encoder searches for the best parse, which on
/// the fonts saved 100 bytes for 5 % more. On 4,855 pages, 8 took 3.15 s
/// against 2.43 s at 6, for 2 % less: long documents stay at 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effort(i32);

/// Past this many pages, a document is long.
const LONG_PAGES: usize = 200;

impl Effort {
    /// What each file holds once and is small: fonts, colour profile, CMaps.
    pub const ONCE: Effort = Effort(9);
    /// Images (a logo): large and already dense, so little to gain.
    pub const IMAGES: Effort = Effort(6);

    /// Page content of a document of `pages` pages: most of its bytes.
    pub fn pages(pages: usize) -> Effort {
        Effort(if pages <= LONG_PAGES { 8 } else { 6 })
    }

    /// Object streams and the cross-reference stream.
    pub const OBJECTS: Effort = Effort(6);
}

thread_local! {
    static COMPRESSORS: RefCell<Vec<(Effort, Compressor)>> = const { RefCell::new(Vec::new()) };
}

/// `content` deflated in the zlib format.
pub fn deflate(content: &[u8], effort: Effort) -> Vec<u8> {
    COMPRESSORS.with(|cell| {
        let mut compressors = cell.borrow_mut();
        let index = match compressors.iter().position(|(e, _)| *e == effort) {
            Some(index) => index,
            None => {
                let level = CompressionLvl::new(effort.0).unwrap_or_default();
                compressors.push((effort, Compressor::new(level)));
                compressors.len() - 1
            }
        };
        let compressor = &mut compressors[index].1;
        let mut out = vec![0; compressor.zlib_compress_bound(content.len())];
        // The buffer has libdeflate's own worst-case size for this input.
        let written = compressor
            .zlib_compress(content, &mut out)
            .expect("libdeflate's bound always leaves room");
        out.truncate(written);
        // The bound is about the input's size; a page kept its whole
        // capacity, 25 MB over the 4,855 pages of 10,000 third parties.
        out.shrink_to_fit();
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn what_is_deflated_inflates_back_to_the_same_bytes_at_every_effort() {
        let text: Vec<u8> = (0..5000u32)
            .flat_map(|i| {
                format!("/P <</MCID {i}>> BDC\n(ligne {}) Tj\nEMC\n", i % 97).into_bytes()
            })
            .collect();
        let all = [
            Effort::pages(1),
            Effort::pages(1000),
            Effort::OBJECTS,
            Effort::ONCE,
            Effort::IMAGES,
        ];
        for effort in all {
            for content in [&text[..], b"", b"x"] {
                let packed = deflate(content, effort);
                let mut back = Vec::new();
                flate2::read::ZlibDecoder::new(&packed[..])
                    .read_to_end(&mut back)
                    .unwrap();
                assert_eq!(back, content, "{effort:?}");
            }
            assert!(deflate(&text, effort).len() < text.len() / 10, "{effort:?}");
        }
    }
}
