//! The report model set on pages: cover, contents, chapters and their
//! blocks, running footer. Pure layout: no PDF here.

mod blocks;
mod chapter;

use chapter::{beside, flow_gap, side_style};
mod document;
mod finding;
mod front;
mod table;

pub use document::{Document, compose_document};

use super::fonts::{Face, Fonts};
use super::layout::{Backdrop, Flow, Layout};
use super::page::{Geometry, Item, Piece, baseline};
use super::tags::{Mark, NodeId, ROOT, Role, Scope, Tree};
use super::text::{Line, Rgb, Run, TextStyle, break_lines};
use crate::bank::Severity;
use crate::i18n::{Lang, Ui, ui};
use crate::report::{
    Action, AnswerRow, Block, CheckItem, FindingBlock, KeyFigure, Report, ScoreBar, Span, Status,
    Style,
};
use std::cell::RefCell;

const INK: Rgb = [0.13, 0.15, 0.18];
const MUTED: Rgb = [0.40, 0.44, 0.49];
const ACCENT: Rgb = [0.07, 0.27, 0.45];
const RULE: Rgb = [0.78, 0.81, 0.85];
const TINT: Rgb = [0.945, 0.955, 0.97];
const TRACK: Rgb = [0.89, 0.91, 0.93];
const WHITE: Rgb = [1.0, 1.0, 1.0];
const GREEN: Rgb = [0.15, 0.53, 0.30];
/// Dark enough for text and for white text on it (5.3:1 against white).
const AMBER: Rgb = [0.60, 0.37, 0.0];
const RED: Rgb = [0.75, 0.18, 0.15];

const BODY: TextStyle = TextStyle {
    face: Face::Regular,
    size: 10.0,
    color: INK,
};
const BODY_LEADING: f32 = 13.0;
const SMALL: TextStyle = TextStyle {
    face: Face::Regular,
    size: 8.5,
    color: MUTED,
};
const SMALL_LEADING: f32 = 11.0;
const TABLE: TextStyle = TextStyle {
    face: Face::Regular,
    size: 9.0,
    color: INK,
};
const TABLE_LEADING: f32 = 12.0;
const BLOCK_GAP: f32 = 5.0;
/// The measure of running text in ems: Noto Sans sets about 2.3
/// characters per em of French or English, so 34 ems hold 75 to 80
/// characters, the upper end of a comfortable line (tables and charts keep
/// the full width).
const PROSE_EMS: f32 = 34.0;
/// The space between a sub-heading in the left column and the text.
const SIDE_GUTTER: f32 = 14.0;
const SIDE_LEADING: f32 = 13.0;
/// Tables wider than this are set as one record per row: on a portrait
/// page, nine narrow columns would cut most words.
pub const MAX_COLUMNS: usize = 5;
/// The anchor key of the finding numbered `n` in the action plan is this plus `n`
/// (chapters use their index).
const FINDING_KEY: usize = 1 << 20;

/// The colour that marks a severity.
fn severity_color(severity: Severity) -> Rgb {
    match severity {
        Severity::Critical => [0.55, 0.06, 0.10],
        Severity::High => RED,
        Severity::Medium => AMBER,
        Severity::Low => [0.30, 0.45, 0.62],
        Severity::GoodPractice => GREEN,
        Severity::Advice => [0.10, 0.50, 0.55],
    }
}

/// The colour of a score bar.
fn score_color(score: u8) -> Rgb {
    match score {
        0..50 => RED,
        50..75 => AMBER,
        _ => GREEN,
    }
}

/// Lays out the whole report. `logo` is the logo's pixel size, when there is one.
pub fn compose(report: &Report, geometry: Geometry, logo: Option<(u32, u32)>) -> Layout {
    let mut c = Composer {
        layout: Layout::new(geometry),
        report,
        t: ui(report.lang),
        lang: report.lang,
        tree: RefCell::new(Tree::default()),
        grids: Vec::new(),
    };
    c.cover(logo);
    // Page 2 is the summary, on its own; then the contents, and the chapters
    // one after the other, the annex among them.
    for (n, section) in report.sections.iter().enumerate() {
        if n == 0 {
            c.layout.new_page();
        }
        c.chapter(n, section);
        if n == 0 {
            c.layout.new_page();
            c.contents();
        }
    }
    c.layout.resolve_page_refs();
    c.footers(1);
    let Composer {
        mut layout, tree, ..
    } = c;
    layout.tree = tree.into_inner();
    layout
}

struct Composer<'a> {
    layout: Layout,
    report: &'a Report,
    t: &'static Ui,
    lang: Lang,
    /// The structure tree, grown as pieces are made (in reading order).
    tree: RefCell<Tree>,
    /// The column grids the current chapter's tables share.
    grids: Vec<Grid>,
}

/// A table's rows of cells.
type Rows = Vec<Vec<String>>;

/// Columns shared by the tables of a chapter that have the same header.
struct Grid {
    /// The header, as in the report.
    header: Vec<String>,
    /// The columns shown: those not empty in every row of every such table.
    keep: Vec<usize>,
    /// Their widths.
    widths: Vec<f32>,
}

/// The columns of a table to show: a column empty in every row (no notes
/// taken) is left out.
fn kept_columns(columns: usize, rows: &[Vec<String>]) -> Vec<usize> {
    (0..columns)
        .filter(|&i| {
            rows.is_empty()
                || rows
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| !c.trim().is_empty()))
        })
        .collect()
}

/// Styled runs of a paragraph of the report model.
fn runs(spans: &[Span], base: TextStyle) -> Vec<Run> {
    spans
        .iter()
        .map(|s| {
            let face = match s.style {
                Style::Plain => base.face,
                Style::Strong => Face::Bold,
            };
            Run::new(s.text.clone(), base.with_face(face))
        })
        .collect()
}

/// Lines as pieces, each `leading` high, starting at `x`, each marked as
/// content of `node`.
fn tagged_lines(lines: &[Line], x: f32, leading: f32, node: NodeId) -> Vec<Piece> {
    lines
        .iter()
        .map(|l| Piece::line(l, x, leading).tagged(node))
        .collect()
}

/// Stacks pieces into one unbreakable piece.
fn stack(pieces: Vec<Piece>) -> Piece {
    let mut out = Piece::default();
    for piece in pieces {
        for mut item in piece.items {
            item.shift(out.height);
            out.items.push(item);
        }
        out.height += piece.height;
        if out.anchor.is_none() {
            out.anchor = piece.anchor;
        }
    }
    out
}

/// One unbreakable piece when short, else its lines (so nothing is taller than a page).
fn card(pieces: Vec<Piece>, limit: f32) -> Vec<Piece> {
    let height: f32 = pieces.iter().map(|p| p.height).sum();
    if height <= limit {
        vec![stack(pieces)]
    } else {
        pieces
    }
}

/// Text shortened with an ellipsis to fit `width`.
fn fit(text: &str, style: TextStyle, width: f32) -> String {
    let fonts = Fonts::get();
    if fonts.width(style.face, style.size, text) <= width {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && fonts.width(style.face, style.size, &format!("{out}…")) > width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

impl Composer<'_> {
    fn g(&self) -> Geometry {
        self.layout.geometry
    }

    /// The width of running text set in `style`: at most [`PROSE_EMS`] ems,
    /// so that a full line holds about 80 characters whatever the paper.
    fn prose(&self, style: TextStyle) -> f32 {
        (PROSE_EMS * style.size).min(self.g().measure())
    }

    /// Where running text starts: its column sits against the right margin,
    /// the room on its left holding the sub-headings.
    fn prose_x(&self) -> f32 {
        self.g().right() - self.prose(BODY)
    }

    /// A new structure element of `role`, the last child of `parent` so far.
    fn node(&self, parent: NodeId, role: Role) -> NodeId {
        self.tree.borrow_mut().add(parent, role)
    }

    /// A new header cell of `scope` in `row`.
    fn header_cell(&self, row: NodeId, scope: Scope) -> NodeId {
        let cell = self.node(row, Role::TH);
        self.tree.borrow_mut().nodes[cell].scope = Some(scope);
        cell
    }

    /// Draws an item as decoration, straight on the current page.
    fn decor(&mut self, item: Item) {
        self.layout.draw(Item::Mark(Mark::Artifact));
        self.layout.draw(item);
    }

    /// A third of the body: the tallest piece kept unbroken (taller cards
    /// break between lines rather than leave a page part empty).
    fn card_limit(&self) -> f32 {
        self.g().body_height() / 3.0
    }

    /// The tallest gap kept unbroken: an eighth of the body, about six
    /// lines. A longer one breaks between lines (two at least on each
    /// page, its head with its first lines) rather than leave the foot of a
    /// page empty: whole cards left a page and a half blank in the web
    /// studio's report.
    fn gap_limit(&self) -> f32 {
        self.g().body_height() / 8.0
    }

    /// Draws `lines` from `top` as content of `node`; returns where they end.
    fn text_at(&mut self, x: f32, top: f32, leading: f32, lines: &[Line], node: NodeId) -> f32 {
        let mut y = top;
        self.layout.draw(Item::Mark(Mark::Node(node)));
        for line in lines {
            let mut piece = Piece::line(line, x, leading);
            for item in &mut piece.items {
                item.shift(y);
            }
            for item in piece.items {
                self.layout.draw(item);
            }
            y += leading;
        }
        y
    }

    fn block(&self, block: &Block) -> Vec<Flow> {
        match block {
            Block::Heading { .. } => Vec::new(),
            Block::Paragraph { spans } => {
                let lines = break_lines(&runs(spans, BODY), self.prose(BODY));
                let node = self.node(ROOT, Role::P);
                vec![Flow::paragraph(tagged_lines(
                    &lines,
                    self.prose_x(),
                    BODY_LEADING,
                    node,
                ))]
            }
            Block::Bullets { items } => {
                let list = self.node(ROOT, Role::L);
                vec![Flow::paragraph(
                    items
                        .iter()
                        .flat_map(|item| self.bullet(&runs(item, BODY), list))
                        .collect(),
                )]
            }
            Block::Checklist { items } => vec![self.checklist(items)],
            Block::Table { header, rows } if header.len() > MAX_COLUMNS => {
                rows.iter().map(|row| self.record(header, row)).collect()
            }
            Block::Table { header, rows } => {
                // Tables with the same columns in a chapter (the annex's)
                // share one grid; alone, a table takes its own.
                let grid = self.grids.iter().find(|g| g.header == *header);
                let keep =
                    grid.map_or_else(|| kept_columns(header.len(), rows), |g| g.keep.clone());
                let header: Vec<String> = keep.iter().map(|&i| header[i].clone()).collect();
                let rows = kept_cells(rows, &keep);
                vec![self.table(&header, &rows, grid.map(|g| g.widths.as_slice()))]
            }
            Block::Answers { rows } => vec![self.answers(rows)],
            Block::KeyFigures { figures } => vec![self.key_figures(figures)],
            Block::Scores { scores } => vec![self.scores(scores)],
            Block::Actions { items } | Block::FirstSteps { items } => {
                vec![self.action_table(items)]
            }
            Block::Finding(f) => vec![self.finding(f)],
            Block::Signature { facts } => vec![self.signature(facts)],
        }
    }

    /// The pieces of one card (an action, a record) closed by a rule
    /// `gap` points below, kept on one page when short.
    fn ruled_card(&self, mut pieces: Vec<Piece>, gap: f32) -> Flow {
        let g = self.g();
        let mut last = Piece::gap(gap);
        last.decor(hairline(g.side, 5.0, g.measure()), None);
        pieces.push(last);
        Flow {
            pieces: card(pieces, self.gap_limit()),
            keep_first: 3,
            keep_last: 2,
            ..Flow::default()
        }
    }
}

/// A thin grey rule.
/// The organisation's name, or a dash where none was given (a cover or a
/// title block never shows an empty line).
fn organisation_or_dash(name: &str) -> &str {
    if name.trim().is_empty() { "—" } else { name }
}

fn hairline(x: f32, y: f32, w: f32) -> Item {
    Item::Rect {
        x,
        y,
        w,
        h: 0.4,
        fill: Some(RULE),
        stroke: None,
    }
}

/// The cells of `rows` in the columns `keep`, in the table's text style.
fn kept_cells(rows: &[Vec<String>], keep: &[usize]) -> Vec<Vec<Vec<Run>>> {
    rows.iter()
        .map(|r| {
            keep.iter()
                .map(|&i| vec![Run::new(r.get(i).cloned().unwrap_or_default(), TABLE)])
                .collect()
        })
        .collect()
}
