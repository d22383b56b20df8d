//! The page model: page geometry, what is drawn on a page, and pieces of
//! content (items relative to their top) ready to be placed.

use super::tags::{Mark, NodeId};
use super::text::{Line, Rgb, TextStyle};

/// Page size and margins, in points; y grows downwards from the top edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left and right margin.
    pub side: f32,
    /// Top margin: where the body starts.
    pub top: f32,
    /// Bottom margin: where the body ends (the footer sits inside it).
    pub bottom: f32,
}

impl Geometry {
    /// The width of the text block.
    pub fn measure(&self) -> f32 {
        self.width - 2.0 * self.side
    }

    /// Where the body ends.
    pub fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }

    /// The height of the body of a page.
    pub fn body_height(&self) -> f32 {
        self.body_bottom() - self.top
    }

    /// The right edge of the text block.
    pub fn right(&self) -> f32 {
        self.width - self.side
    }
}

/// Something drawn on a page; positions in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// What the items after it are (tagged content or an artifact), until
    /// the next mark; a page and a piece start as artifacts.
    Mark(Mark),
    /// Text on a baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Style.
        style: TextStyle,
        /// The text.
        text: String,
        /// Its measured width.
        width: f32,
    },
    /// A rectangle, filled or stroked.
    Rect {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Stroke colour and thickness.
        stroke: Option<(Rgb, f32)>,
    },
    /// A stroked polyline.
    Stroke {
        /// The points.
        points: Vec<(f32, f32)>,
        /// Colour.
        color: Rgb,
        /// Thickness.
        width: f32,
    },
    /// A dotted line (a leader in the contents).
    Dots {
        /// Where it starts.
        from: f32,
        /// Where it ends.
        to: f32,
        /// Its height.
        y: f32,
        /// Colour.
        color: Rgb,
    },
    /// The logo.
    Image {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
    /// A clickable area that goes to an anchor.
    Link {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// The anchor's key.
        key: usize,
    },
    /// The page number of an anchor, right-aligned at `right`; becomes text when the layout is finished.
    PageRef {
        /// Right edge.
        right: f32,
        /// Baseline.
        y: f32,
        /// Style.
        style: TextStyle,
        /// The anchor's key.
        key: usize,
    },
}

impl Item {
    /// Moves the item `dy` points down.
    pub fn shift(&mut self, dy: f32) {
        match self {
            Item::Text { y, .. }
            | Item::Rect { y, .. }
            | Item::Image { y, .. }
            | Item::Link { y, .. }
            | Item::Dots { y, .. }
            | Item::PageRef { y, .. } => *y += dy,
            Item::Stroke { points, .. } => points.iter_mut().for_each(|p| p.1 += dy),
            Item::Mark(_) => {}
        }
    }
}

/// A page's drawing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// What is drawn, in order.
    pub items: Vec<Item>,
}

/// A place in the document that the outline and the contents point to.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// 1 for a chapter, 2 for a heading inside it, 0 for a link target only.
    pub level: u8,
    /// The title shown in the outline.
    pub title: String,
    /// The key links use (the chapter's index), if any.
    pub key: Option<usize>,
    /// Page index, from 0.
    pub page: usize,
    /// Its top, from the page's top edge.
    pub y: f32,
}

/// An unbreakable slice of content: items relative to its top-left corner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Piece {
    /// Its height.
    pub height: f32,
    /// What it draws, y from the piece's top.
    pub items: Vec<Item>,
    /// The outline entry that starts here: level, title, key.
    pub anchor: Option<(u8, String, Option<usize>)>,
}

impl Piece {
    /// Marks everything this piece draws as content of `node`, up to its
    /// first mark of its own.
    pub fn tagged(mut self, node: NodeId) -> Piece {
        if !self.items.is_empty() {
            self.items.insert(0, Item::Mark(Mark::Node(node)));
        }
        self
    }

    /// The same piece with all its content marked as an artifact (a table's
    /// header row repeated on a new page: read once, where it first is).
    pub fn as_artifact(&self) -> Piece {
        let mut piece = self.clone();
        for item in &mut piece.items {
            if let Item::Mark(mark) = item {
                *mark = Mark::Artifact;
            }
        }
        piece
    }

    /// Draws `item` as an artifact, then goes on as content of `node`.
    pub fn decor(&mut self, item: Item, node: Option<NodeId>) {
        self.items.push(Item::Mark(Mark::Artifact));
        self.items.push(item);
        if let Some(node) = node {
            self.items.push(Item::Mark(Mark::Node(node)));
        }
    }

    /// One line of text starting at `x`, `leading` high.
    pub fn line(line: &Line, x: f32, leading: f32) -> Piece {
        let mut piece = Piece {
            height: leading,
            ..Piece::default()
        };
        piece.add_line(line, x, 0.0, leading);
        piece
    }

    /// Empty vertical space.
    pub fn gap(height: f32) -> Piece {
        Piece {
            height,
            ..Piece::default()
        }
    }

    /// Adds a line of text whose line box starts `top` points down the piece.
    pub fn add_line(&mut self, line: &Line, x: f32, top: f32, leading: f32) {
        for part in &line.parts {
            self.items.push(Item::Text {
                x: x + part.dx,
                y: top + baseline(leading, part.style.size),
                style: part.style,
                text: part.text.clone(),
                width: part.width,
            });
        }
    }
}

/// Where the baseline of text of `size` sits in a line box `leading` high.
pub fn baseline(leading: f32, size: f32) -> f32 {
    (leading + 0.72 * size) / 2.0
}
