//! Tables: column widths from their content, rows that wrap, a header row
//! repeated on every page the table runs onto.

use super::*;

/// The padding inside a table's cells.
pub(super) const PAD: f32 = 3.0;

impl Composer<'_> {
    /// A table whose columns share the measure by their content (or take
    /// `widths`, a grid shared with other tables), whose header row repeats
    /// on every page it runs onto.
    pub(super) fn table(
        &self,
        header: &[String],
        rows: &[Vec<Vec<Run>>],
        widths: Option<&[f32]>,
    ) -> Flow {
        let g = self.g();
        let pad = PAD;
        let header_style = TABLE.with_face(Face::Bold).with_color(WHITE);
        let head: Vec<Vec<Run>> = header
            .iter()
            .map(|h| vec![Run::new(h, header_style)])
            .collect();
        let widths = widths.map_or_else(
            || column_widths(&head, rows, g.measure(), pad),
            <[f32]>::to_vec,
        );
        let (table, header_piece) = self.header_row(&head, &widths, pad);
        let mut pieces = Vec::with_capacity(rows.len());
        for (n, row) in rows.iter().enumerate() {
            let fill = (n % 2 == 1).then_some(TINT);
            let tr = self.node(table, Role::TR);
            // One cell per column, empty or not: every row as wide as the header.
            let cells: Vec<NodeId> = head.iter().map(|_| self.node(tr, Role::TD)).collect();
            let piece = self.table_row(row, &widths, pad, fill, &cells);
            if piece.height <= self.card_limit() {
                pieces.push(piece);
            } else {
                pieces.extend(self.split_row(row, &widths, pad, fill, &cells));
            }
        }
        let mut all = vec![header_piece.clone()];
        all.extend(pieces);
        Flow {
            // A short table is not split: its header would be repeated for a row or two.
            keep_together: rows.len() <= 6,
            pieces: all,
            keep_first: 2,
            keep_last: 2,
            header: Some(header_piece),
            ..Flow::default()
        }
    }

    /// Actions as a compact table: number, priority, action, area and the
    /// page of its finding, each row a link to the finding (which says what to do).
    pub(super) fn action_table(&self, items: &[Action]) -> Flow {
        let g = self.g();
        let pad = PAD;
        let t = self.t;
        let header_style = TABLE.with_face(Face::Bold).with_color(WHITE);
        let head: Vec<Vec<Run>> = [t.number, t.priority, t.action, t.area, t.page]
            .iter()
            .map(|h| vec![Run::new(*h, header_style)])
            .collect();
        let cells_of = |a: &Action, page: &str| -> Vec<Vec<Run>> {
            vec![
                vec![Run::new(
                    a.number.to_string(),
                    TABLE.with_face(Face::Bold).with_color(ACCENT),
                )],
                vec![Run::new(
                    &a.priority,
                    TABLE
                        .with_face(Face::Bold)
                        .with_color(severity_color(a.severity)),
                )],
                vec![Run::new(&a.task, TABLE)],
                vec![Run::new(&a.area, TABLE.with_color(MUTED))],
                vec![Run::new(page, TABLE)],
            ]
        };
        // The page column is sized for three digits, written once pages are known.
        let sizing: Vec<Vec<Vec<Run>>> = items.iter().map(|a| cells_of(a, "999")).collect();
        let mut widths = column_widths(&head, &sizing, g.measure(), pad);
        // Room to spare goes to the action, not to the page number.
        let fonts = Fonts::get();
        let page_w = fonts
            .width(header_style.face, header_style.size, t.page)
            .max(fonts.width(TABLE.face, TABLE.size, "999"))
            + 2.0 * pad
            + 1.0;
        if widths[4] > page_w {
            widths[2] += widths[4] - page_w;
            widths[4] = page_w;
        }
        let (table, header_piece) = self.header_row(&head, &widths, pad);
        let mut pieces = vec![header_piece.clone()];
        for (n, a) in items.iter().enumerate() {
            let fill = (n % 2 == 1).then_some(TINT);
            let tr = self.node(table, Role::TR);
            let mut nodes: Vec<NodeId> = head.iter().map(|_| self.node(tr, Role::TD)).collect();
            // The action is the link to its finding.
            let link = self.node(nodes[2], Role::Link);
            nodes[2] = link;
            let mut piece = self.table_row(&cells_of(a, ""), &widths, pad, fill, &nodes);
            let key = FINDING_KEY + a.number;
            piece.items.extend([
                Item::Mark(Mark::Node(nodes[4])),
                Item::PageRef {
                    right: g.right() - pad,
                    y: pad * 0.75 + baseline(TABLE_LEADING, TABLE.size),
                    style: TABLE,
                    key,
                },
                Item::Mark(Mark::Node(link)),
                Item::Link {
                    x: g.side,
                    y: 0.0,
                    w: g.measure(),
                    h: piece.height,
                    key,
                },
            ]);
            pieces.push(piece);
        }
        Flow {
            pieces,
            keep_first: 2,
            keep_last: 2,
            header: Some(header_piece),
            ..Flow::default()
        }
    }

    /// A new table in the structure tree and its header row, each cell a
    /// column header (the row repeated on every page the table runs onto).
    fn header_row(&self, head: &[Vec<Run>], widths: &[f32], pad: f32) -> (NodeId, Piece) {
        let table = self.node(ROOT, Role::Table);
        let tr = self.node(table, Role::TR);
        let cells: Vec<NodeId> = head
            .iter()
            .map(|_| self.header_cell(tr, Scope::Column))
            .collect();
        (
            table,
            self.table_row(head, widths, pad, Some(ACCENT), &cells),
        )
    }

    /// One row: `cells` set in `widths`, each marked as content of its node in `nodes`.
    pub(super) fn table_row(
        &self,
        cells: &[Vec<Run>],
        widths: &[f32],
        pad: f32,
        fill: Option<Rgb>,
        nodes: &[NodeId],
    ) -> Piece {
        let g = self.g();
        let mut piece = Piece::default();
        let mut x = g.side;
        let mut height: f32 = 0.0;
        let mut texts = Vec::new();
        for ((cell, &w), &node) in cells.iter().zip(widths).zip(nodes) {
            let lines = break_lines(cell, w - 2.0 * pad);
            texts.push(Item::Mark(Mark::Node(node)));
            for (i, line) in lines.iter().enumerate() {
                let mut p = Piece::line(line, x + pad, TABLE_LEADING);
                for item in &mut p.items {
                    item.shift(pad * 0.75 + i as f32 * TABLE_LEADING);
                }
                texts.extend(p.items);
            }
            height = height.max(lines.len() as f32 * TABLE_LEADING);
            x += w;
        }
        piece.height = height + 1.5 * pad;
        piece.items.push(Item::Mark(Mark::Artifact));
        if let Some(color) = fill {
            piece.items.push(Item::Rect {
                x: g.side,
                y: 0.0,
                w: g.measure(),
                h: piece.height,
                fill: Some(color),
                stroke: None,
            });
        }
        piece
            .items
            .push(hairline(g.side, piece.height - 0.4, g.measure()));
        piece.items.extend(texts);
        piece
    }

    /// A row too tall to keep whole, as slices of a few lines each.
    pub(super) fn split_row(
        &self,
        cells: &[Vec<Run>],
        widths: &[f32],
        pad: f32,
        fill: Option<Rgb>,
        nodes: &[NodeId],
    ) -> Vec<Piece> {
        let broken: Vec<Vec<Line>> = cells
            .iter()
            .zip(widths)
            .map(|(c, &w)| break_lines(c, w - 2.0 * pad))
            .collect();
        let tallest = broken.iter().map(Vec::len).max().unwrap_or(0);
        let chunk = 4;
        (0..tallest)
            .step_by(chunk)
            .map(|start| {
                let slice: Vec<Vec<Run>> = broken
                    .iter()
                    .map(|lines| {
                        let text: Vec<String> = lines
                            .iter()
                            .skip(start)
                            .take(chunk)
                            .map(Line::text)
                            .collect();
                        let style = lines
                            .first()
                            .and_then(|l| l.parts.first())
                            .map_or(TABLE, |p| p.style);
                        vec![Run::new(text.join("\n"), style)]
                    })
                    .collect();
                self.table_row(&slice, widths, pad, fill, nodes)
            })
            .collect()
    }
}

/// Column widths from each column's narrowest and natural width, filling `measure`.
pub(super) fn column_widths(
    head: &[Vec<Run>],
    rows: &[Vec<Vec<Run>>],
    measure: f32,
    pad: f32,
) -> Vec<f32> {
    let fonts = Fonts::get();
    let n = head.len();
    let mut min = vec![0.0_f32; n];
    let mut max = vec![0.0_f32; n];
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        for (i, cell) in row.iter().enumerate().take(n) {
            for run in cell {
                for line in run.text.split('\n') {
                    let natural = fonts.width(run.style.face, run.style.size, line);
                    max[i] = max[i].max(natural);
                    for word in line.split(' ') {
                        let w = fonts.width(run.style.face, run.style.size, word);
                        min[i] = min[i].max(w.min(measure / n as f32));
                    }
                }
            }
        }
    }
    let min: Vec<f32> = min.iter().map(|w| w + 2.0 * pad + 1.0).collect();
    let max: Vec<f32> = max.iter().map(|w| w + 2.0 * pad + 1.0).collect();
    share(&min, &max, measure)
}

/// Widths between each column's narrowest (`min`) and natural (`max`) width
/// that fill `measure`: columns whose natural width is within a fair share
/// keep it whole (a short question is not wrapped to give a long answer a
/// few more points); the others split the rest by how much they need; spare
/// room goes to the last column.
pub(super) fn share(min: &[f32], max: &[f32], measure: f32) -> Vec<f32> {
    let n = min.len();
    let sum_max: f32 = max.iter().sum();
    if sum_max <= measure {
        let mut widths = max.to_vec();
        if let Some(last) = widths.last_mut() {
            *last += measure - sum_max;
        }
        return widths;
    }
    let mut whole = vec![false; n];
    loop {
        let room: f32 = measure - (0..n).filter(|&i| whole[i]).map(|i| max[i]).sum::<f32>();
        let open = (0..n).filter(|&i| !whole[i]).count().max(1);
        let fair = room / open as f32;
        let newly: Vec<usize> = (0..n).filter(|&i| !whole[i] && max[i] <= fair).collect();
        if newly.is_empty() {
            break;
        }
        newly.into_iter().for_each(|i| whole[i] = true);
    }
    let room: f32 = measure - (0..n).filter(|&i| whole[i]).map(|i| max[i]).sum::<f32>();
    let open: Vec<usize> = (0..n).filter(|&i| !whole[i]).collect();
    let sum_min: f32 = open.iter().map(|&i| min[i]).sum();
    let spread: f32 = open.iter().map(|&i| max[i] - min[i]).sum();
    let mut widths = max.to_vec();
    for &i in &open {
        widths[i] = if sum_min <= room && spread > 0.0 {
            min[i] + (room - sum_min) * (max[i] - min[i]) / spread
        } else {
            min[i] * room / sum_min.max(1.0)
        };
    }
    widths
}
