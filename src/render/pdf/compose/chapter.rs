//! A chapter set on pages: its title, sub-headings beside the running
//! text they head, and its blocks in order, each kept with what it announces.

use super::*;

/// The left column's text: sub-headings and records' names, bold in the accent colour.
pub(super) fn side_style() -> TextStyle {
    BODY.with_face(Face::Bold).with_color(ACCENT)
}

impl Composer<'_> {
    /// A sub-heading set in the left column, to go beside the flow that
    /// follows it (see [`beside`]): a piece of no height, and the height
    /// its lines take.
    fn side_heading(&self, level: u8, text: &str, role: Role) -> (Piece, f32) {
        let node = self.node(ROOT, role);
        let (mut piece, height) = self.side_lines(text, node);
        if level <= 2 {
            piece.anchor = Some((2, text.to_string(), None));
        }
        (piece, height)
    }

    /// `text` set in the left column as content of `node`: a piece of no
    /// height, and the height its lines take.
    pub(super) fn side_lines(&self, text: &str, node: NodeId) -> (Piece, f32) {
        let lines = break_lines(&[Run::new(text, side_style())], self.side_width());
        self.side_piece(&lines, node)
    }

    /// The width of the left column.
    pub(super) fn side_width(&self) -> f32 {
        self.prose_x() - self.g().side - SIDE_GUTTER
    }

    /// `lines` set in the left column as content of `node`: a piece of no
    /// height, and the height the lines take.
    pub(super) fn side_piece(&self, lines: &[Line], node: NodeId) -> (Piece, f32) {
        let mut piece = stack(tagged_lines(lines, self.g().side, SIDE_LEADING, node));
        let height = piece.height;
        piece.height = 0.0;
        (piece, height)
    }

    /// A chapter's title with its rule, as a piece carrying its outline entry.
    pub(super) fn chapter_title(&self, title: String, key: Option<usize>) -> Piece {
        let g = self.g();
        let style = TextStyle {
            face: Face::Bold,
            size: 18.0,
            color: ACCENT,
        };
        let lines = break_lines(&[Run::new(title.clone(), style)], g.measure());
        let node = self.node(ROOT, Role::H1);
        let mut piece = stack(tagged_lines(&lines, g.side, 23.0, node));
        let rule = Item::Rect {
            x: g.side,
            y: piece.height + 4.0,
            w: g.measure(),
            h: 1.2,
            fill: Some(ACCENT),
            stroke: None,
        };
        piece.decor(rule, None);
        piece.height += 16.0;
        piece.anchor = Some((1, title, key));
        piece
    }

    pub(super) fn chapter(&mut self, n: usize, section: &crate::report::ReportSection) {
        self.grids = self.grids(section);
        let title = format!("{}.\u{a0}{}", n + 1, section.title);
        // The chapter's title, and the headings that follow it, go on the
        // page of the first block under them.
        let mut heading: Vec<Piece> = vec![Piece::gap(12.0), self.chapter_title(title, Some(n))];
        // Heading levels are never skipped: a level 3 with no level 2 above
        // it in the chapter is read as a level 2.
        let mut under_h2 = false;
        // A sub-heading waiting for the running text it is set beside.
        let mut side: Option<(Piece, f32)> = None;
        // A paragraph waiting for the block it announces.
        let mut lead: Option<Flow> = None;
        for (b, block) in section.blocks.iter().enumerate() {
            if let Block::Heading { level, text } = block {
                let role = if *level >= 3 && under_h2 {
                    Role::H3
                } else {
                    under_h2 = true;
                    Role::H2
                };
                heading.push(Piece::gap(if *level == 2 { 10.0 } else { 6.0 }));
                if section.blocks.get(b + 1).is_some_and(in_prose_column) {
                    side = Some(self.side_heading(*level, text, role));
                } else {
                    heading.push(self.heading(*level, text, role));
                }
                continue;
            }
            for (i, flow) in self.block(block).into_iter().enumerate() {
                let flow = if i == 0 && !heading.is_empty() {
                    flow.after_heading(std::mem::take(&mut heading))
                } else {
                    flow
                };
                let flow = match side.take() {
                    Some((head, height)) => beside(flow, head, height),
                    None => flow,
                };
                let mut flow = match lead.take() {
                    Some(lead) => lead_into(lead, flow),
                    None => flow,
                };
                if introduces(block, section.blocks.get(b + 1)) {
                    // A sentence ending in a colon goes on the page of what it announces.
                    flow.pieces.push(Piece::gap(flow_gap(block)));
                    lead = Some(flow);
                    continue;
                }
                self.layout.place(&flow);
                self.layout.space(flow_gap(block));
            }
        }
        if let Some(lead) = lead {
            self.layout.place(&lead);
        }
        if !heading.is_empty() {
            self.layout.place(&Flow {
                pieces: heading,
                ..Flow::default()
            });
        }
    }

    /// One grid for each header that several narrow tables of the chapter share.
    fn grids(&self, section: &crate::report::ReportSection) -> Vec<Grid> {
        // Each header, the rows of all its tables, how many tables.
        let mut grouped: Vec<(&Vec<String>, Rows, usize)> = Vec::new();
        for block in &section.blocks {
            let Block::Table { header, rows } = block else {
                continue;
            };
            if header.len() > MAX_COLUMNS {
                continue;
            }
            match grouped.iter_mut().find(|(h, _, _)| *h == header) {
                Some((_, all, count)) => {
                    all.extend(rows.iter().cloned());
                    *count += 1;
                }
                None => grouped.push((header, rows.clone(), 1)),
            }
        }
        grouped
            .into_iter()
            .filter(|(_, _, count)| *count > 1)
            .map(|(header, rows, _)| {
                let keep = kept_columns(header.len(), &rows);
                let head: Vec<Vec<Run>> = keep
                    .iter()
                    .map(|&i| vec![Run::new(&header[i], TABLE.with_face(Face::Bold))])
                    .collect();
                let cells = kept_cells(&rows, &keep);
                let widths = table::column_widths(&head, &cells, self.g().measure(), table::PAD);
                Grid {
                    header: header.clone(),
                    keep,
                    widths,
                }
            })
            .collect()
    }

    pub(super) fn heading(&self, level: u8, text: &str, role: Role) -> Piece {
        let g = self.g();
        let (style, leading) = if level <= 2 {
            (
                TextStyle {
                    face: Face::Bold,
                    size: 13.5,
                    color: ACCENT,
                },
                18.0,
            )
        } else {
            (BODY.with_face(Face::Bold).with_color(INK), 15.0)
        };
        let lines = break_lines(&[Run::new(text, style)], g.measure());
        let node = self.node(ROOT, role);
        let mut piece = stack(tagged_lines(&lines, g.side, leading, node));
        piece.height += 4.0;
        if level <= 2 {
            piece.anchor = Some((2, text.to_string(), None));
        }
        piece
    }
}

/// Whether `block` is a paragraph ending in a colon that announces `next`
/// (a list, a table, a record).
fn introduces(block: &Block, next: Option<&Block>) -> bool {
    let Block::Paragraph { spans } = block else {
        return false;
    };
    let ends_in_colon = spans
        .last()
        .is_some_and(|s| s.text.trim_end().ends_with(':'));
    ends_in_colon && next.is_some_and(|n| !matches!(n, Block::Heading { .. }))
}

/// `lead` followed by `next`, the whole of `lead` on the page of `next`'s
/// first pieces; `next`'s backdrop is not drawn beside `lead`.
fn lead_into(lead: Flow, next: Flow) -> Flow {
    let n = lead.pieces.len();
    let mut pieces = lead.pieces;
    pieces.extend(next.pieces);
    Flow {
        pieces,
        keep_first: n + next.keep_first.clamp(1, 2),
        lead_in: n + next.lead_in,
        ..next
    }
}

/// Whether a block is set in the prose column with its left column free
/// for a sub-heading (tables and charts take the full width; a gap sets its
/// own head there).
fn in_prose_column(block: &Block) -> bool {
    match block {
        Block::Paragraph { .. }
        | Block::Bullets { .. }
        | Block::Checklist { .. }
        | Block::Answers { .. } => true,
        Block::Finding(f) => !f.severity.is_gap(),
        _ => false,
    }
}

/// Puts a side heading before `flow`'s first piece (after any heading
/// stacked above it), keeps on its page the pieces its lines run beside, and
/// pads the flow when it is shorter than the heading.
pub(super) fn beside(mut flow: Flow, head: Piece, height: f32) -> Flow {
    let at = flow.lead_in.min(flow.pieces.len());
    let mut covered = 0.0;
    let mut spanned = 0;
    for piece in &flow.pieces[at..] {
        if covered >= height {
            break;
        }
        covered += piece.height;
        spanned += 1;
    }
    if covered < height {
        flow.pieces.push(Piece::gap(height - covered));
        spanned += 1;
    }
    flow.pieces.insert(at, head);
    flow.lead_in = at + 1;
    flow.keep_first = flow.keep_first.max(at + 1 + spanned);
    flow
}

/// The space after a block.
pub(super) fn flow_gap(block: &Block) -> f32 {
    match block {
        Block::Bullets { .. } => 2.0,
        Block::Finding(f) if !f.severity.is_gap() => 5.0,
        Block::Table { header, .. } if header.len() > MAX_COLUMNS => 0.0,
        _ => BLOCK_GAP,
    }
}
