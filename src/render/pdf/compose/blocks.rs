//! The report's blocks set as flows: bullets, checklists, records, the
//! annex's answers, key figures, the signature and the score chart.

use super::*;

/// What a label-and-value table holds, which sets its layout.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// A record's fields in its card: short labels, tight rows.
    Record,
    /// The annex's questions and answers: the question gets the room, and a
    /// hairline parts the rows.
    Answers,
}

impl Composer<'_> {
    /// The lines of one bullet point, an item of `list`.
    pub(super) fn bullet(&self, runs: &[Run], list: NodeId) -> Vec<Piece> {
        let indent = 14.0;
        let x = self.prose_x();
        let lines = break_lines(runs, self.prose(BODY) - indent);
        let item = self.node(list, Role::LI);
        let label = self.node(item, Role::Lbl);
        let body = self.node(item, Role::LBody);
        let mut pieces = tagged_lines(&lines, x + indent, BODY_LEADING, body);
        if let Some(first) = pieces.first_mut() {
            let style = BODY.with_color(ACCENT);
            first.items.push(Item::Mark(Mark::Node(label)));
            first.items.push(Item::Text {
                x: x + 3.0,
                y: baseline(BODY_LEADING, style.size),
                style,
                text: "•".into(),
                width: Fonts::get().width(style.face, style.size, "•"),
            });
        }
        pieces
    }

    /// Items with their status, in two columns when every item is short enough.
    pub(super) fn checklist(&self, items: &[CheckItem]) -> Flow {
        let g = self.g();
        let fonts = Fonts::get();
        let status_style = TABLE.with_face(Face::Bold);
        let status_w = [self.t.status_done, self.t.status_todo, self.t.status_verify]
            .iter()
            .map(|s| fonts.width(status_style.face, status_style.size, s))
            .fold(0.0, f32::max)
            + 8.0;
        let icon = 18.0;
        let gutter = 24.0;
        let left = self.prose_x();
        let full = g.right() - left;
        let half = (full - gutter) / 2.0;
        // Two columns when no item takes more than two lines there.
        let two = items.len() >= 4
            && items.iter().all(|i| {
                break_lines(&[Run::new(&i.text, TABLE)], half - icon - status_w).len() <= 2
            });
        let (columns, width) = if two { (2, half) } else { (1, full) };
        let mut pieces = Vec::new();
        let list = self.node(ROOT, Role::L);
        let rows = items.len().div_ceil(columns);
        // Read row by row, as the eye goes: left item, then right item.
        for (r, row) in items.chunks(columns).enumerate() {
            let mut piece = Piece::default();
            for (c, item) in row.iter().enumerate() {
                let x = left + c as f32 * (half + gutter);
                let entry = self.node(list, Role::LI);
                let label = self.node(entry, Role::Lbl);
                let body = self.node(entry, Role::LBody);
                let lines = break_lines(&[Run::new(&item.text, TABLE)], width - icon - status_w);
                let mut cell = stack(tagged_lines(&lines, x + icon, TABLE_LEADING, body));
                cell.height += 4.0;
                let (word, color) = match item.status {
                    Status::Done => (self.t.status_done, GREEN),
                    Status::Todo => (self.t.status_todo, RED),
                    Status::ToVerify => (self.t.status_verify, AMBER),
                };
                // The icon says what the word says: decoration.
                cell.items.push(Item::Mark(Mark::Artifact));
                cell.items.extend(status_icon(
                    item.status,
                    x + 1.0,
                    (TABLE_LEADING - 10.0) / 2.0,
                ));
                let word_w = fonts.width(status_style.face, status_style.size, word);
                cell.items.push(Item::Mark(Mark::Node(label)));
                cell.items.push(Item::Text {
                    x: x + width - word_w,
                    y: baseline(TABLE_LEADING, status_style.size),
                    style: status_style.with_color(color),
                    text: word.to_string(),
                    width: word_w,
                });
                if r + 1 < rows {
                    cell.decor(hairline(x + icon, cell.height - 2.5, width - icon), None);
                }
                piece.height = piece.height.max(cell.height);
                piece.items.extend(cell.items);
            }
            pieces.push(piece);
        }
        Flow {
            pieces,
            keep_first: 2,
            keep_last: 2,
            ..Flow::default()
        }
    }

    /// One row of a wide table as a record: its name in the left column,
    /// beside a label and a value per column in the prose column.
    pub(super) fn record(&self, header: &[String], row: &[String]) -> Flow {
        let numbered = header.first().is_some_and(|h| h.trim().is_empty()) && row.len() > 1;
        let (title, first_field) = if numbered {
            (format!("{}.\u{a0}{}", row[0], row[1]), 2)
        } else {
            (row.first().cloned().unwrap_or_default(), 1)
        };
        // A record is read as a table of two columns: the field, its value.
        let table = self.node(ROOT, Role::Table);
        let caption = self.node(table, Role::Caption);
        let (caption, caption_height) = self.side_lines(&title, caption);
        let fields: Vec<(&str, &str, &str)> = header
            .iter()
            .zip(row)
            .skip(first_field)
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(label, value)| (label.as_str(), value.as_str(), ""))
            .collect();
        let mut pieces = vec![Piece::gap(4.0)];
        pieces.extend(self.field_rows(table, &fields, Fields::Record));
        // On a page it continues on, the record's name is drawn again (an
        // artifact), on one line: one always fits beside the rows a page holds.
        let short = fit(&title, side_style(), self.side_width());
        let (repeated, _) = self.side_piece(
            &break_lines(&[Run::new(short, side_style())], f32::INFINITY),
            ROOT,
        );
        let mut flow = beside(self.ruled_card(pieces, 8.0), caption, caption_height + 4.0);
        flow.keep_first = flow.keep_first.max(3);
        flow.header = Some(repeated);
        flow
    }

    /// The annex's questions: each beside its answer, and the note taken
    /// on it under the answer, read as a table of two columns.
    pub(super) fn answers(&self, rows: &[AnswerRow]) -> Flow {
        let table = self.node(ROOT, Role::Table);
        let fields: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r.question.as_str(), r.answer.as_str(), r.note.as_str()))
            .collect();
        Flow::paragraph(self.field_rows(table, &fields, Fields::Answers))
    }

    /// Rows of `table` in the prose column, one piece each: a label (the
    /// row's header cell) beside its value and, under the value, a note in
    /// grey.
    fn field_rows(&self, table: NodeId, fields: &[(&str, &str, &str)], kind: Fields) -> Vec<Piece> {
        let g = self.g();
        let left = self.prose_x();
        let width = g.right() - left;
        let ruled = kind == Fields::Answers;
        // An answer is short ("Oui", a name): the question gets more room.
        let label_w = match kind {
            Fields::Answers => width * 0.45,
            Fields::Record => (width * 0.34).min(130.0),
        };
        let label_style = TABLE.with_color(MUTED);
        let note_style = TABLE.with_color(MUTED);
        let mut pieces = Vec::with_capacity(fields.len());
        for (i, (label, value, note)) in fields.iter().enumerate() {
            let tr = self.node(table, Role::TR);
            let (th, td) = (self.header_cell(tr, Scope::Row), self.node(tr, Role::TD));
            let labels = break_lines(&[Run::new(*label, label_style)], label_w - 8.0);
            let mut values = break_lines(&[Run::new(*value, TABLE)], width - label_w);
            if !note.is_empty() {
                values.extend(break_lines(&[Run::new(*note, note_style)], width - label_w));
            }
            // Line by line, the label's beside the value's, label first.
            let mut label_lines = tagged_lines(&labels, left, TABLE_LEADING, th).into_iter();
            let mut value_lines =
                tagged_lines(&values, left + label_w, TABLE_LEADING, td).into_iter();
            let mut row: Vec<Piece> = Vec::new();
            loop {
                let lines: Vec<Piece> = [label_lines.next(), value_lines.next()]
                    .into_iter()
                    .flatten()
                    .collect();
                if lines.is_empty() {
                    break;
                }
                let mut line = Piece::gap(TABLE_LEADING);
                for piece in lines {
                    line.items.extend(piece.items);
                }
                row.push(line);
            }
            let mut end = Piece::gap(if ruled { 3.0 } else { 1.5 });
            if ruled && i + 1 < fields.len() {
                end.decor(hairline(left, 1.5, width), None);
            }
            row.push(end);
            // A row stays whole unless it is long (a list of 500 names).
            pieces.extend(card(row, self.card_limit()));
        }
        pieces
    }

    pub(super) fn key_figures(&self, figures: &[KeyFigure]) -> Flow {
        let g = self.g();
        let label_w = g.measure() * 0.42;
        let pad = 10.0;
        let mut pieces = vec![Piece::gap(5.0)];
        let table = self.node(ROOT, Role::Table);
        for f in figures {
            let tr = self.node(table, Role::TR);
            let (th, td) = (self.header_cell(tr, Scope::Row), self.node(tr, Role::TD));
            let label = break_lines(
                &[Run::new(&f.label, BODY.with_color(MUTED))],
                label_w - pad - 6.0,
            );
            let value = break_lines(
                &[Run::new(&f.value, BODY.with_face(Face::Bold))],
                g.measure() - label_w - pad,
            );
            let mut piece = stack(tagged_lines(&label, g.side + pad, BODY_LEADING, th));
            let value_piece = stack(tagged_lines(&value, g.side + label_w, BODY_LEADING, td));
            piece.height = piece.height.max(value_piece.height);
            piece.items.extend(value_piece.items);
            pieces.push(piece);
        }
        pieces.push(Piece::gap(5.0));
        Flow {
            pieces: vec![stack(pieces)],
            backdrop: vec![
                Backdrop {
                    x: g.side,
                    w: g.measure(),
                    color: TINT,
                },
                Backdrop {
                    x: g.side,
                    w: 3.0,
                    color: ACCENT,
                },
            ],
            ..Flow::default()
        }
    }

    /// Who prepared the report, then lines to sign for who validates it and when.
    pub(super) fn signature(&self, facts: &[(String, String)]) -> Flow {
        let g = self.g();
        let label_w = 130.0;
        let label_style = BODY.with_face(Face::Bold).with_color(MUTED);
        let table = self.node(ROOT, Role::Table);
        let mut pieces = Vec::new();
        // Filled in: (label, Some(value)); to sign by hand: (label, None).
        let rows = facts
            .iter()
            .map(|(l, v)| (l.as_str(), Some(v)))
            .chain([(self.t.validated_by, None), (self.t.date, None)]);
        for (label, value) in rows {
            let signed = value.is_none();
            let tr = self.node(table, Role::TR);
            let (th, td) = (self.header_cell(tr, Scope::Row), self.node(tr, Role::TD));
            let leading = if signed { 30.0 } else { BODY_LEADING + 2.0 };
            let key = break_lines(&[Run::new(label, label_style)], label_w - 8.0);
            let mut piece = stack(tagged_lines(&key, g.side, leading, th));
            if signed {
                // A line to write on.
                piece.decor(
                    Item::Rect {
                        x: g.side + label_w,
                        y: baseline(leading, BODY.size) + 2.0,
                        w: (g.measure() - label_w).min(220.0),
                        h: 0.6,
                        fill: Some(MUTED),
                        stroke: None,
                    },
                    Some(td),
                );
            } else if let Some(value) = value {
                let val = break_lines(&[Run::new(value, BODY)], g.measure() - label_w);
                let value_piece = stack(tagged_lines(&val, g.side + label_w, leading, td));
                piece.height = piece.height.max(value_piece.height);
                piece.items.extend(value_piece.items);
            }
            pieces.push(piece);
        }
        Flow {
            pieces: vec![stack(pieces)],
            ..Flow::default()
        }
    }

    /// Scores as a horizontal bar chart, one bar per area.
    pub(super) fn scores(&self, scores: &[ScoreBar]) -> Flow {
        let g = self.g();
        let fonts = Fonts::get();
        let label_w = g.measure() * 0.36;
        let value_w = 52.0;
        let track_x = g.side + label_w;
        let track_w = g.measure() - label_w - value_w;
        let label_style = TextStyle {
            face: Face::Regular,
            size: 9.5,
            color: INK,
        };
        let leading = 13.0;
        // A figure: labels, bars and values are read as its alternate text.
        let figure = self.node(ROOT, Role::Figure);
        self.tree.borrow_mut().nodes[figure].alt = Some(chart_alt(self.lang, scores));
        let mut pieces = Vec::new();
        for s in scores {
            let lines = break_lines(&[Run::new(&s.label, label_style)], label_w - 8.0);
            let mut piece = stack(tagged_lines(&lines, g.side, leading, figure));
            piece.height = piece.height.max(leading) + 3.5;
            let bar_h = 9.0;
            let bar_y = (leading - bar_h) / 2.0;
            if s.score.is_none() {
                // No bar to draw: what is missing says why, where the bar would be.
                let width = fonts.width(SMALL.face, SMALL.size, &s.missing);
                piece.items.push(Item::Text {
                    x: track_x,
                    y: baseline(leading, SMALL.size),
                    style: SMALL,
                    text: s.missing.clone(),
                    width,
                });
                pieces.push(piece);
                continue;
            }
            piece.items.push(Item::Rect {
                x: track_x,
                y: bar_y,
                w: track_w,
                h: bar_h,
                fill: Some(TRACK),
                stroke: None,
            });
            for quarter in [0.25_f32, 0.5, 0.75] {
                piece.items.push(Item::Rect {
                    x: track_x + track_w * quarter,
                    y: bar_y - 2.0,
                    w: 0.5,
                    h: bar_h + 4.0,
                    fill: Some(WHITE),
                    stroke: None,
                });
            }
            let (text, style) = match s.score {
                Some(score) => {
                    // A score of 0 keeps a visible stub: it is a bar, not a gap.
                    piece.items.push(Item::Rect {
                        x: track_x,
                        y: bar_y,
                        w: (track_w * f32::from(score.min(100)) / 100.0).max(3.0),
                        h: bar_h,
                        fill: Some(score_color(score)),
                        stroke: None,
                    });
                    (format!("{score}/100"), label_style.with_face(Face::Bold))
                }
                None => (s.missing.clone(), SMALL),
            };
            let width = fonts.width(style.face, style.size, &text);
            piece.items.push(Item::Text {
                x: g.right() - width,
                y: baseline(leading, style.size),
                style,
                text,
                width,
            });
            pieces.push(piece);
        }
        pieces.push(self.score_key(track_x, figure));
        Flow {
            pieces: card(pieces, self.card_limit()),
            ..Flow::default()
        }
    }

    /// The chart's colour key: a swatch and its range for each colour.
    fn score_key(&self, x: f32, figure: NodeId) -> Piece {
        let fonts = Fonts::get();
        let style = SMALL.with_face(Face::Regular);
        let leading = 14.0;
        let mut piece = Piece::gap(leading + 4.0);
        let mut x = x;
        for (label, color) in self.t.score_key.iter().zip([RED, AMBER, GREEN]) {
            piece.decor(
                Item::Rect {
                    x,
                    y: 4.0 + (leading - 8.0) / 2.0,
                    w: 8.0,
                    h: 8.0,
                    fill: Some(color),
                    stroke: None,
                },
                Some(figure),
            );
            let width = fonts.width(style.face, style.size, label);
            piece.items.push(Item::Text {
                x: x + 12.0,
                y: 4.0 + baseline(leading, style.size),
                style,
                text: label.to_string(),
                width,
            });
            x += 12.0 + width + 18.0;
        }
        piece
    }
}

/// A drawn status box: a green tick, a red empty box, an amber question mark.
pub(super) fn status_icon(status: Status, x: f32, y: f32) -> Vec<Item> {
    let size = 10.0;
    match status {
        Status::Done => vec![
            Item::Rect {
                x,
                y,
                w: size,
                h: size,
                fill: Some(GREEN),
                stroke: None,
            },
            Item::Stroke {
                points: vec![(x + 2.2, y + 5.2), (x + 4.3, y + 7.4), (x + 7.9, y + 2.8)],
                color: WHITE,
                width: 1.4,
            },
        ],
        Status::Todo => vec![Item::Rect {
            x: x + 0.5,
            y: y + 0.5,
            w: size - 1.0,
            h: size - 1.0,
            fill: None,
            stroke: Some((RED, 1.0)),
        }],
        Status::ToVerify => vec![
            Item::Rect {
                x: x + 0.5,
                y: y + 0.5,
                w: size - 1.0,
                h: size - 1.0,
                fill: None,
                stroke: Some((AMBER, 1.0)),
            },
            Item::Rect {
                x: x + 3.0,
                y: y + 4.4,
                w: size - 6.0,
                h: 1.2,
                fill: Some(AMBER),
                stroke: None,
            },
        ],
    }
}

/// The score chart in words, for its alternate text: "Gouvernance 40 sur
/// 100, Sécurité non évaluée, ...".
pub(super) fn chart_alt(lang: Lang, scores: &[ScoreBar]) -> String {
    let (intro, out_of) = match lang {
        Lang::Fr => (
            "Diagramme en barres des notes par domaine\u{a0}: ",
            "sur 100",
        ),
        Lang::En => ("Bar chart of the scores by area: ", "out of 100"),
    };
    let t = ui(lang);
    let values: Vec<String> = scores
        .iter()
        .map(|s| match s.score {
            Some(score) => format!("{} {score} {out_of}", s.label),
            None => format!("{} {}", s.label, t.not_assessed.to_lowercase()),
        })
        .collect();
    format!("{intro}{}.", values.join(", "))
}
