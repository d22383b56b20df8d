//! The colours a document draws with, as one indexed colour space (ISO
//! 32000-1, 8.6.6.3) over DeviceRGB: a page sets a colour with `3 sc`
//! rather than `0.13 0.15 0.18 rg`. A report changes colour about 60 times a
//! page (labels and values alternate in every table), so this takes a tenth
//! off its page content before compression and 3 % after.

use super::page::{Item, Page};
use super::text::Rgb;
use lopdf::{Object, StringFormat};

/// The colour space's name in the pages' resources.
pub const NAME: &str = "C";

/// At most this many colours in an indexed colour space (ISO 32000-1,
/// 8.6.6.3); any others are set directly.
const MAX: usize = 256;

/// The colours of a document, in the order they first appear, 8 bits a
/// component (what any screen or printer shows of an sRGB colour).
#[derive(Debug, Default)]
pub struct Palette {
    colors: Vec<[u8; 3]>,
}

impl Palette {
    /// Every fill and stroke colour of `pages`, up to [`MAX`].
    pub fn of(pages: &[Page]) -> Palette {
        let mut palette = Palette::default();
        for item in pages.iter().flat_map(|page| &page.items) {
            let colors: [Option<Rgb>; 2] = match item {
                Item::Text { style, .. } => [Some(style.color), None],
                Item::Rect { fill, stroke, .. } => [*fill, stroke.map(|(c, _)| c)],
                Item::Stroke { color, .. } | Item::Dots { color, .. } => [Some(*color), None],
                _ => [None, None],
            };
            for color in colors.into_iter().flatten() {
                let bytes = bytes(color);
                if palette.colors.len() < MAX && !palette.colors.contains(&bytes) {
                    palette.colors.push(bytes);
                }
            }
        }
        palette
    }

    /// The index of `color`, when the palette holds it.
    pub fn index(&self, color: Rgb) -> Option<usize> {
        let bytes = bytes(color);
        self.colors.iter().position(|c| *c == bytes)
    }

    /// Whether the document draws in no colour at all.
    pub fn is_empty(&self) -> bool {
        self.colors.is_empty()
    }

    /// The colour space: `[/Indexed /DeviceRGB hival <colours>]`.
    pub fn color_space(&self) -> Object {
        Object::Array(vec![
            Object::Name(b"Indexed".to_vec()),
            Object::Name(b"DeviceRGB".to_vec()),
            Object::Integer(self.colors.len().saturating_sub(1) as i64),
            Object::String(self.colors.concat(), StringFormat::Hexadecimal),
        ])
    }
}

/// A colour's components scaled to 0–255.
fn bytes(color: Rgb) -> [u8; 3] {
    color.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::fonts::Face;
    use crate::render::pdf::text::TextStyle;

    fn text(color: Rgb) -> Item {
        Item::Text {
            x: 0.0,
            y: 0.0,
            style: TextStyle {
                face: Face::Regular,
                size: 10.0,
                color,
            },
            text: "x".into(),
            width: 1.0,
        }
    }

    #[test]
    fn each_colour_is_listed_once_in_the_order_it_first_appears() {
        let dark = [0.13, 0.15, 0.18];
        let amber = [0.6, 0.37, 0.0];
        let page = Page {
            items: vec![
                text(dark),
                Item::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 1.0,
                    h: 1.0,
                    fill: Some(amber),
                    stroke: Some((dark, 1.0)),
                },
                text(amber),
            ],
        };
        let palette = Palette::of(&[page]);
        assert_eq!(
            (palette.index(dark), palette.index(amber)),
            (Some(0), Some(1))
        );
        assert_eq!(palette.index([1.0, 1.0, 1.0]), None);
        let Object::Array(space) = palette.color_space() else {
            panic!("an array");
        };
        assert_eq!(space[2], Object::Integer(1));
        assert_eq!(
            space[3],
            Object::String(vec![33, 38, 46, 153, 94, 0], StringFormat::Hexadecimal)
        );
    }
}
