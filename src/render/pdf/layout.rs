//! The flow of content onto pages: pieces that never split, kept together,
//! with their heading, or across pages with a repeated header; and a check
//! that no text leaves the page's margins.

use super::fonts::Fonts;
use super::page::{Anchor, Geometry, Item, Page, Piece};
use super::tags::{Mark, Tree};
use super::text::Rgb;

/// A stripe or a tint drawn beside or behind a flow, page by page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Backdrop {
    /// Left edge.
    pub x: f32,
    /// Width.
    pub w: f32,
    /// Colour.
    pub color: Rgb,
}

/// Content to place: pieces in order, and how they may break across pages.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    /// The pieces.
    pub pieces: Vec<Piece>,
    /// Move the whole flow to the next page rather than split it (when it fits on one).
    pub keep_together: bool,
    /// The first pieces that must share a page (a heading and what follows).
    pub keep_first: usize,
    /// The fewest pieces allowed alone at the top of a page.
    pub keep_last: usize,
    /// Drawn again at the top of each page the flow continues on (a table's header row).
    pub header: Option<Piece>,
    /// Drawn behind each page's part of the flow.
    pub backdrop: Vec<Backdrop>,
    /// The first pieces the backdrop leaves out (a heading put before a finding).
    pub lead_in: usize,
}

impl Flow {
    /// A flow of pieces with the usual paragraph rules: two lines at least
    /// at the foot and at the head of a page.
    pub fn paragraph(pieces: Vec<Piece>) -> Flow {
        Flow {
            pieces,
            keep_first: 2,
            keep_last: 2,
            ..Flow::default()
        }
    }

    /// Puts `heading` pieces before this flow, on the same page as its first pieces.
    pub fn after_heading(mut self, heading: Vec<Piece>) -> Flow {
        let n = heading.len();
        let mut pieces = heading;
        pieces.append(&mut self.pieces);
        self.pieces = pieces;
        self.keep_first = n + self.keep_first.clamp(1, 2);
        self.lead_in += n;
        self
    }

    /// Total height.
    pub fn height(&self) -> f32 {
        self.pieces.iter().map(|p| p.height).sum()
    }
}

const EPSILON: f32 = 0.01;

/// The document being laid out.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Page geometry.
    pub geometry: Geometry,
    /// The pages so far.
    pub pages: Vec<Page>,
    /// Outline entries, in document order.
    pub anchors: Vec<Anchor>,
    /// The structure tree the pages' marks refer to.
    pub tree: Tree,
    y: f32,
    fresh: bool,
}

impl Layout {
    /// A layout with one empty page.
    pub fn new(geometry: Geometry) -> Layout {
        Layout {
            geometry,
            pages: vec![Page::default()],
            anchors: Vec::new(),
            tree: Tree::default(),
            y: geometry.top,
            fresh: true,
        }
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geometry.top;
        self.fresh = true;
    }

    /// The current position down the page.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Space left on the page.
    pub fn remaining(&self) -> f32 {
        self.geometry.body_bottom() - self.y
    }

    /// Whether nothing has been placed on this page's body yet.
    pub fn is_fresh(&self) -> bool {
        self.fresh
    }

    /// Vertical space, dropped at the top of a page.
    pub fn space(&mut self, height: f32) {
        if !self.fresh {
            self.y = (self.y + height).min(self.geometry.body_bottom());
        }
    }

    /// Draws an item at absolute coordinates on the current page.
    pub fn draw(&mut self, item: Item) {
        self.pages.last_mut().expect("a page").items.push(item);
    }

    /// Places a piece at the current position.
    fn put(&mut self, piece: &Piece) {
        if self.fresh && piece.items.is_empty() && piece.anchor.is_none() {
            // Space before something is not wanted at the head of a page.
            return;
        }
        let page = self.pages.len() - 1;
        if let Some((level, title, key)) = &piece.anchor {
            self.anchors.push(Anchor {
                level: *level,
                title: title.clone(),
                key: *key,
                page,
                y: self.y,
            });
        }
        // What a piece draws before its first mark is decoration, whatever
        // was drawn before it.
        if !matches!(piece.items.first(), None | Some(Item::Mark(_))) {
            self.draw(Item::Mark(Mark::Artifact));
        }
        for item in &piece.items {
            let mut item = item.clone();
            item.shift(self.y);
            self.draw(item);
        }
        self.y += piece.height;
        self.fresh = false;
    }

    /// Places a flow, breaking it across pages by its rules.
    pub fn place(&mut self, flow: &Flow) {
        let pieces = &flow.pieces;
        let full = self.geometry.body_height();
        let total = flow.height();
        if !self.fresh && flow.keep_together && total <= full && total > self.remaining() + EPSILON
        {
            self.new_page();
        }
        let first: f32 = pieces.iter().take(flow.keep_first).map(|p| p.height).sum();
        if !self.fresh && first > self.remaining() + EPSILON && first <= full {
            self.new_page();
        }
        let mut i = 0;
        while i < pieces.len() {
            let available = self.remaining() + EPSILON;
            let mut k = 0;
            let mut used = 0.0;
            while i + k < pieces.len() && used + pieces[i + k].height <= available {
                used += pieces[i + k].height;
                k += 1;
            }
            if k == 0 && !self.fresh {
                self.continue_on_new_page(flow);
                continue;
            }
            // A piece taller than a page is placed anyway; the bounds check reports it.
            let k = k.max(1);
            let left = pieces.len() - (i + k);
            let k = if left > 0 && left < flow.keep_last && k > flow.keep_last - left + 1 {
                k - (flow.keep_last - left)
            } else {
                k
            };
            let mut start = self.pages.last().map_or(0, |p| p.items.len());
            let mut top = self.y;
            for (n, piece) in pieces.iter().enumerate().skip(i).take(k) {
                self.put(piece);
                if n < flow.lead_in {
                    // The backdrop starts below a heading put before the flow.
                    start = self.pages.last().map_or(0, |p| p.items.len());
                    top = self.y;
                }
            }
            self.backdrop(flow, start, top);
            i += k;
            if i < pieces.len() {
                self.continue_on_new_page(flow);
            }
        }
    }

    fn continue_on_new_page(&mut self, flow: &Flow) {
        self.new_page();
        if let Some(header) = &flow.header {
            let start = self.pages.last().map_or(0, |p| p.items.len());
            let top = self.y;
            self.put(&header.as_artifact());
            self.backdrop(flow, start, top);
        }
    }

    fn backdrop(&mut self, flow: &Flow, start: usize, top: f32) {
        let bottom = self.y;
        let items = &mut self.pages.last_mut().expect("a page").items;
        if bottom <= top + EPSILON {
            return;
        }
        if !flow.backdrop.is_empty() {
            items.insert(start, Item::Mark(Mark::Artifact));
        }
        for (n, b) in flow.backdrop.iter().enumerate() {
            items.insert(
                start + 1 + n,
                Item::Rect {
                    x: b.x,
                    y: top,
                    w: b.w,
                    h: bottom - top,
                    fill: Some(b.color),
                    stroke: None,
                },
            );
        }
    }

    /// The anchor links and page references with `key` point to.
    pub fn anchor(&self, key: usize) -> Option<&Anchor> {
        self.anchors.iter().find(|a| a.key == Some(key))
    }

    /// Turns page references into text, now that every anchor has its page.
    pub fn resolve_page_refs(&mut self) {
        let fonts = Fonts::get();
        let pages_of: Vec<(usize, usize)> = self
            .anchors
            .iter()
            .filter_map(|a| a.key.map(|k| (k, a.page)))
            .collect();
        for page in &mut self.pages {
            for item in &mut page.items {
                if let Item::PageRef {
                    right,
                    y,
                    style,
                    key,
                } = item
                {
                    let text = pages_of
                        .iter()
                        .find(|(k, _)| k == key)
                        .map_or("?".to_string(), |(_, p)| (p + 1).to_string());
                    let width = fonts.width(style.face, style.size, &text);
                    *item = Item::Text {
                        x: *right - width,
                        y: *y,
                        style: *style,
                        text,
                        width,
                    };
                }
            }
        }
    }

    /// Every text or image that leaves the margins: page number and what it is.
    pub fn overflows(&self) -> Vec<String> {
        let g = &self.geometry;
        let (left, right) = (g.side - EPSILON, g.right() + EPSILON);
        let (top, bottom) = (g.top / 2.0, g.height - g.bottom / 3.0);
        let mut out = Vec::new();
        for (n, page) in self.pages.iter().enumerate() {
            for item in &page.items {
                let (x0, x1, y0, y1, what) = match item {
                    Item::Text {
                        x,
                        y,
                        style,
                        text,
                        width,
                    } => (
                        *x,
                        x + width,
                        y - 0.75 * style.size,
                        y + 0.25 * style.size,
                        text.clone(),
                    ),
                    Item::Image { x, y, w, h } => (*x, x + w, *y, y + h, "logo".to_string()),
                    _ => continue,
                };
                if x0 < left || x1 > right || y0 < top || y1 > bottom {
                    out.push(format!(
                        "page {}: {what:?} at x {x0:.1}–{x1:.1}, y {y0:.1}–{y1:.1}",
                        n + 1
                    ));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Face;
    use super::super::text::TextStyle;
    use super::*;

    const GEOMETRY: Geometry = Geometry {
        width: 200.0,
        height: 200.0,
        side: 20.0,
        top: 20.0,
        bottom: 20.0,
    };

    /// `n` pieces standing for lines: each draws a small box.
    fn pieces(n: usize, height: f32) -> Vec<Piece> {
        (0..n)
            .map(|_| Piece {
                height,
                items: vec![Item::Rect {
                    x: 20.0,
                    y: 0.0,
                    w: 5.0,
                    h: 5.0,
                    fill: None,
                    stroke: None,
                }],
                anchor: None,
            })
            .collect()
    }

    #[test]
    fn space_is_dropped_at_the_head_of_a_page() {
        let mut layout = Layout::new(GEOMETRY);
        layout.place(&Flow::paragraph(vec![Piece::gap(12.0)]));
        layout.place(&Flow::paragraph(pieces(1, 20.0)));
        assert_eq!(layout.y(), GEOMETRY.top + 20.0);
    }

    #[test]
    fn a_flow_breaks_across_pages_and_repeats_its_header() {
        let mut layout = Layout::new(GEOMETRY);
        let header = Piece {
            height: 20.0,
            items: vec![Item::Rect {
                x: 20.0,
                y: 0.0,
                w: 10.0,
                h: 10.0,
                fill: None,
                stroke: None,
            }],
            anchor: None,
        };
        let mut flow = Flow::paragraph(pieces(20, 20.0));
        flow.header = Some(header);
        layout.place(&flow);
        // 160 points of body: 8 pieces on the first page, then header + 7.
        assert_eq!(layout.pages.len(), 3);
        let drawn = |page: &Page| {
            page.items
                .iter()
                .filter(|i| !matches!(i, Item::Mark(_)))
                .count()
        };
        assert_eq!(drawn(&layout.pages[0]), 8);
        // The header and seven pieces, then the header and the last five.
        assert_eq!(drawn(&layout.pages[1]), 8);
        assert_eq!(drawn(&layout.pages[2]), 6);
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let mut layout = Layout::new(GEOMETRY);
        layout.place(&Flow::paragraph(pieces(7, 20.0)));
        let heading = Piece {
            height: 20.0,
            anchor: Some((2, "Titre".into(), None)),
            ..Piece::default()
        };
        layout.place(&Flow::paragraph(pieces(3, 20.0)).after_heading(vec![heading]));
        assert_eq!(layout.anchors[0].page, 1, "the heading moved with its text");
    }

    #[test]
    fn a_backdrop_starts_below_the_heading_before_it() {
        let mut layout = Layout::new(GEOMETRY);
        let heading = Piece {
            height: 20.0,
            anchor: Some((2, "Titre".into(), None)),
            ..Piece::default()
        };
        let mut flow = Flow::paragraph(pieces(3, 20.0));
        flow.backdrop = vec![Backdrop {
            x: 20.0,
            w: 3.0,
            color: [1.0, 0.0, 0.0],
        }];
        layout.place(&flow.after_heading(vec![heading]));
        let bars: Vec<(f32, f32)> = layout.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { y, h, w, .. } if *w == 3.0 => Some((*y, *h)),
                _ => None,
            })
            .collect();
        // The bar runs beside the three lines only, not beside the heading.
        assert_eq!(bars, vec![(GEOMETRY.top + 20.0, 60.0)]);
    }

    #[test]
    fn no_single_line_is_left_alone_at_the_head_of_a_page() {
        let mut layout = Layout::new(GEOMETRY);
        layout.place(&Flow::paragraph(pieces(9, 20.0)));
        // Eight fit; the ninth would be alone on the next page, so the eighth goes with it.
        assert_eq!(layout.y(), GEOMETRY.top + 40.0);
    }

    #[test]
    fn kept_together_flows_move_whole() {
        let mut layout = Layout::new(GEOMETRY);
        layout.place(&Flow::paragraph(pieces(5, 20.0)));
        let mut flow = Flow::paragraph(pieces(4, 20.0));
        flow.keep_together = true;
        layout.place(&flow);
        assert_eq!(layout.pages.len(), 2);
        assert_eq!(layout.y(), GEOMETRY.top + 80.0);
    }

    #[test]
    fn text_outside_the_margins_is_reported() {
        let mut layout = Layout::new(GEOMETRY);
        let style = TextStyle {
            face: Face::Regular,
            size: 10.0,
            color: [0.0; 3],
        };
        layout.draw(Item::Text {
            x: 150.0,
            y: 50.0,
            style,
            text: "trop long".into(),
            width: 40.0,
        });
        assert_eq!(layout.overflows().len(), 1);
    }
}
