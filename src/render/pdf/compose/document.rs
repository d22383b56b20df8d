//! A document without a score (the privacy policy, the comparison of two
//! assessments): a title block at the head of the first page instead of the
//! report's cover, no summary nor contents, then its chapters set like the
//! report's, with the running footer on every page.

use super::*;
use crate::report::{EvaluationSummary, Meta, ReportSection};

/// A document to print: what its title block says, and its chapters.
#[derive(Debug, Clone)]
pub struct Document {
    /// The language it is written in.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// The organisation it is about (title block and footer).
    pub organisation: String,
    /// The line under the organisation: version, dates.
    pub dateline: String,
    /// A warning set in an amber band under the dateline (a draft to complete).
    pub note: Option<String>,
    /// Blocks before the first chapter (an opening paragraph).
    pub intro: Vec<Block>,
    /// The chapters, numbered; their level 2 headings are sub-headings.
    pub sections: Vec<ReportSection>,
    /// Bold spans are passages to complete: set in amber as well as bold.
    pub strong_to_fill: bool,
}

/// Lays out `doc` on pages of `geometry`.
pub fn compose_document(doc: &Document, geometry: Geometry) -> Layout {
    // The composer reads the footer's organisation and the chapters from a
    // report; a document is one without a cover, summary or score.
    let report = Report {
        lang: doc.lang,
        draft: false,
        title: doc.title.clone(),
        subtitle: doc.dateline.clone(),
        meta: Meta {
            organisation: doc.organisation.clone(),
            date: String::new(),
            date_iso: String::new(),
            jurisdictions: Vec::new(),
            prepared_by: None,
            firm: None,
            contact: None,
            visit_date: None,
            scope: None,
            bank: String::new(),
            completion: 100,
        },
        sections: Vec::new(),
        evaluation: EvaluationSummary {
            overall: None,
            areas: Vec::new(),
            rules: Vec::new(),
        },
    };
    let mut c = Composer {
        layout: Layout::new(geometry),
        report: &report,
        t: ui(doc.lang),
        lang: doc.lang,
        tree: RefCell::new(Tree::default()),
        grids: Vec::new(),
    };
    c.title_block(doc);
    for block in &doc.intro {
        for flow in c.block(block) {
            c.layout.place(&flow);
            c.layout.space(flow_gap(block));
        }
    }
    for (n, section) in doc.sections.iter().enumerate() {
        c.chapter(n, section);
    }
    c.layout.resolve_page_refs();
    c.footers(0);
    let Composer {
        mut layout, tree, ..
    } = c;
    if doc.strong_to_fill {
        mark_to_fill(&mut layout);
    }
    layout.tree = tree.into_inner();
    layout
}

/// Sets the bold body text of every page in amber: in a document whose bold
/// spans are passages to complete, they stand out in colour as well as in weight.
fn mark_to_fill(layout: &mut Layout) {
    let bold = BODY.with_face(Face::Bold);
    for page in &mut layout.pages {
        for item in &mut page.items {
            if let Item::Text { style, .. } = item
                && *style == bold
            {
                *style = bold.with_color(AMBER);
            }
        }
    }
}

impl Composer<'_> {
    /// The accent band along the top edge, the title, the organisation, the
    /// dateline, the note in an amber band, and a short rule.
    fn title_block(&mut self, doc: &Document) {
        let g = self.g();
        let measure = g.measure();
        self.accent_band();
        let title = TextStyle {
            face: Face::Bold,
            size: 24.0,
            color: ACCENT,
        };
        let organisation = TextStyle {
            face: Face::Bold,
            size: 15.0,
            color: INK,
        };
        let dateline = TextStyle {
            face: Face::Regular,
            size: 10.0,
            color: MUTED,
        };
        let name = organisation_or_dash(&doc.organisation);
        let mut pieces = Vec::new();
        for (text, style, leading, role, gap) in [
            (doc.title.as_str(), title, 30.0, Role::H1, 4.0),
            (name, organisation, 20.0, Role::P, 4.0),
            (doc.dateline.as_str(), dateline, 14.0, Role::P, 10.0),
        ] {
            let lines = break_lines(&[Run::new(text, style)], measure);
            let node = self.node(ROOT, role);
            pieces.push(stack(tagged_lines(&lines, g.side, leading, node)));
            pieces.push(Piece::gap(gap));
        }
        if let Some(note) = &doc.note {
            pieces.push(self.note(note));
            pieces.push(Piece::gap(12.0));
        }
        let mut rule = Piece::gap(26.0);
        rule.decor(
            Item::Rect {
                x: g.side,
                y: 2.0,
                w: 60.0,
                h: 3.0,
                fill: Some(ACCENT),
                stroke: None,
            },
            None,
        );
        pieces.push(rule);
        self.layout.place(&Flow {
            pieces: vec![stack(pieces)],
            ..Flow::default()
        });
    }

    /// A paragraph in white bold on an amber band.
    fn note(&self, text: &str) -> Piece {
        let g = self.g();
        let style = BODY.with_face(Face::Bold).with_color(WHITE);
        let (pad, leading) = (10.0, BODY_LEADING);
        let lines = break_lines(&[Run::new(text, style)], g.measure() - 2.0 * pad);
        let height = lines.len() as f32 * leading + 2.0 * pad;
        let node = self.node(ROOT, Role::P);
        let mut piece = Piece::gap(height);
        piece.decor(
            Item::Rect {
                x: g.side,
                y: 0.0,
                w: g.measure(),
                h: height,
                fill: Some(AMBER),
                stroke: None,
            },
            Some(node),
        );
        for (i, line) in lines.iter().enumerate() {
            piece.add_line(line, g.side + pad, pad + i as f32 * leading, leading);
        }
        piece
    }
}
