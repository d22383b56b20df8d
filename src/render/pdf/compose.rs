//! The report model set on pages: cover, contents, chapters and their
//! blocks, running footer. Pure layout: no PDF here.

use super::fonts::{Face, Fonts};
use super::layout::{Backdrop, Flow, Geometry, Item, Layout, Piece, baseline};
use super::text::{Line, Rgb, Run, TextStyle, break_lines};
use crate::bank::Severity;
use crate::i18n::{Lang, Ui, ui};
use crate::report::{
    Action, Block, CheckItem, FindingBlock, KeyFigure, Report, ScoreBar, Span, Status, Style,
};

const INK: Rgb = [0.13, 0.15, 0.18];
const MUTED: Rgb = [0.40, 0.44, 0.49];
const ACCENT: Rgb = [0.07, 0.27, 0.45];
const RULE: Rgb = [0.78, 0.81, 0.85];
const TINT: Rgb = [0.945, 0.955, 0.97];
const TRACK: Rgb = [0.89, 0.91, 0.93];
const WHITE: Rgb = [1.0, 1.0, 1.0];
const GREEN: Rgb = [0.15, 0.53, 0.30];
const AMBER: Rgb = [0.80, 0.52, 0.05];
const RED: Rgb = [0.75, 0.18, 0.15];

const BODY: TextStyle = TextStyle {
    face: Face::Regular,
    size: 10.0,
    color: INK,
};
const BODY_LEADING: f32 = 14.5;
const SMALL: TextStyle = TextStyle {
    face: Face::Italic,
    size: 8.5,
    color: MUTED,
};
const SMALL_LEADING: f32 = 12.0;
const TABLE: TextStyle = TextStyle {
    face: Face::Regular,
    size: 9.0,
    color: INK,
};
const TABLE_LEADING: f32 = 12.5;
const BLOCK_GAP: f32 = 8.0;
/// Tables wider than this are set as one record per row: on a portrait
/// page, nine narrow columns would cut most words.
const MAX_COLUMNS: usize = 5;

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
    };
    c.cover(logo);
    c.layout.new_page();
    c.contents();
    for (n, section) in report.sections.iter().enumerate() {
        c.chapter(n, section);
    }
    c.layout.resolve_page_refs();
    c.footers();
    c.layout
}

struct Composer<'a> {
    layout: Layout,
    report: &'a Report,
    t: &'static Ui,
    lang: Lang,
}

/// Styled runs of a paragraph of the report model.
fn runs(spans: &[Span], base: TextStyle) -> Vec<Run> {
    spans
        .iter()
        .map(|s| {
            let face = match s.style {
                Style::Plain => base.face,
                Style::Strong => Face::Bold,
                Style::Emphasis => Face::Italic,
            };
            Run::new(s.text.clone(), base.with_face(face))
        })
        .collect()
}

/// Lines as pieces, each `leading` high, starting at `x`.
fn line_pieces(lines: &[Line], x: f32, leading: f32) -> Vec<Piece> {
    lines.iter().map(|l| Piece::line(l, x, leading)).collect()
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

    /// Half the body: the tallest piece kept unbroken.
    fn card_limit(&self) -> f32 {
        self.g().body_height() / 2.0
    }

    fn text_at(&mut self, x: f32, top: f32, leading: f32, lines: &[Line]) -> f32 {
        let mut y = top;
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

    fn cover(&mut self, logo: Option<(u32, u32)>) {
        let g = self.g();
        let m = &self.report.meta;
        let measure = g.measure();
        self.layout.draw(Item::Rect {
            x: 0.0,
            y: 0.0,
            w: g.width,
            h: 14.0,
            fill: Some(ACCENT),
            stroke: None,
        });
        if let Some((pw, ph)) = logo {
            let (max_w, max_h) = (150.0_f32, 70.0_f32);
            let scale = (max_w / pw as f32).min(max_h / ph as f32);
            let (w, h) = (pw as f32 * scale, ph as f32 * scale);
            self.layout.draw(Item::Image {
                x: g.side,
                y: g.top,
                w,
                h,
            });
        }
        let mut y = g.height * 0.28;
        let title = TextStyle {
            face: Face::Bold,
            size: 28.0,
            color: ACCENT,
        };
        let lines = break_lines(&[Run::new(&self.report.title, title)], measure);
        y = self.text_at(g.side, y, 36.0, &lines);
        let subtitle = TextStyle {
            face: Face::Regular,
            size: 14.0,
            color: MUTED,
        };
        let lines = break_lines(&[Run::new(&self.report.subtitle, subtitle)], measure);
        y = self.text_at(g.side, y + 4.0, 20.0, &lines);
        y += 18.0;
        self.layout.draw(Item::Rect {
            x: g.side,
            y,
            w: 60.0,
            h: 3.0,
            fill: Some(ACCENT),
            stroke: None,
        });
        y += 26.0;
        let label = TextStyle {
            face: Face::Regular,
            size: 10.0,
            color: MUTED,
        };
        y = self.text_at(
            g.side,
            y,
            14.0,
            &break_lines(&[Run::new(self.t.prepared_for, label)], measure),
        );
        let org = TextStyle {
            face: Face::Bold,
            size: 22.0,
            color: INK,
        };
        let name = if m.organisation.trim().is_empty() {
            "—"
        } else {
            m.organisation.as_str()
        };
        let lines = break_lines(&[Run::new(name, org)], measure);
        y = self.text_at(g.side, y + 2.0, 28.0, &lines[..lines.len().min(4)]);
        y += 26.0;
        let mut facts: Vec<(&str, String)> = vec![
            (self.t.date, m.date.clone()),
            (
                self.t.legal_framework,
                m.jurisdictions.join(self.t.list_sep),
            ),
        ];
        if let Some(by) = &m.prepared_by {
            facts.push((self.t.prepared_by, by.clone()));
        }
        if let Some(score) = self.report.evaluation.overall {
            facts.push((self.t.overall_score, format!("{score}/100")));
        }
        facts.push((self.t.question_bank, m.bank.clone()));
        let label_w = 130.0;
        for (label, value) in facts {
            let key = break_lines(
                &[Run::new(
                    label,
                    BODY.with_face(Face::Bold).with_color(MUTED),
                )],
                label_w - 8.0,
            );
            let val = break_lines(&[Run::new(value, BODY)], measure - label_w);
            let after_key = self.text_at(g.side, y, 16.0, &key);
            let after_val = self.text_at(g.side + label_w, y, 16.0, &val);
            y = after_key.max(after_val) + 4.0;
        }
        let lines = break_lines(&[Run::new(self.t.confidential, SMALL)], measure);
        let top = g.body_bottom() - lines.len() as f32 * SMALL_LEADING;
        self.text_at(g.side, top, SMALL_LEADING, &lines);
    }

    fn contents(&mut self) {
        let g = self.g();
        self.layout.place(&Flow {
            pieces: vec![self.chapter_title(self.t.contents.to_string(), None)],
            ..Flow::default()
        });
        let style = TextStyle {
            face: Face::Regular,
            size: 11.0,
            color: INK,
        };
        let number_room = 30.0;
        let leading = 22.0;
        for (n, section) in self.report.sections.iter().enumerate() {
            let label = format!("{}.\u{a0}{}", n + 1, section.title);
            let lines = break_lines(&[Run::new(label, style)], g.measure() - number_room - 10.0);
            let mut piece = stack(line_pieces(&lines, g.side, leading));
            let last_top = piece.height - leading;
            let base = last_top + baseline(leading, style.size);
            let end = g.side + lines.last().map_or(0.0, |l| l.width) + 6.0;
            // Dot leaders are drawn, not typed, so that copied text stays clean.
            let dots_end = g.right() - number_room + 6.0;
            let mut x = end + 2.0;
            while x + 1.0 < dots_end {
                piece.items.push(Item::Rect {
                    x,
                    y: base - 0.9,
                    w: 0.9,
                    h: 0.9,
                    fill: Some(MUTED),
                    stroke: None,
                });
                x += 4.0;
            }
            piece.items.push(Item::PageRef {
                right: g.right(),
                y: base,
                style: style.with_face(Face::Bold),
                key: n,
            });
            piece.items.push(Item::Link {
                x: g.side,
                y: 0.0,
                w: g.measure(),
                h: piece.height,
                key: n,
            });
            self.layout.place(&Flow {
                pieces: vec![piece],
                ..Flow::default()
            });
        }
    }

    /// A chapter's title with its rule, as a piece carrying its outline entry.
    fn chapter_title(&self, title: String, key: Option<usize>) -> Piece {
        let g = self.g();
        let style = TextStyle {
            face: Face::Bold,
            size: 20.0,
            color: ACCENT,
        };
        let lines = break_lines(&[Run::new(title.clone(), style)], g.measure());
        let mut piece = stack(line_pieces(&lines, g.side, 26.0));
        piece.items.push(Item::Rect {
            x: g.side,
            y: piece.height + 4.0,
            w: g.measure(),
            h: 1.2,
            fill: Some(ACCENT),
            stroke: None,
        });
        piece.height += 20.0;
        piece.anchor = Some((1, title, key));
        piece
    }

    fn chapter(&mut self, n: usize, section: &crate::report::ReportSection) {
        self.layout.new_page();
        let title = format!("{}.\u{a0}{}", n + 1, section.title);
        self.layout.place(&Flow {
            pieces: vec![self.chapter_title(title, Some(n))],
            ..Flow::default()
        });
        let mut heading: Vec<Piece> = Vec::new();
        for block in &section.blocks {
            if let Block::Heading { level, text } = block {
                if !heading.is_empty() {
                    self.layout.place(&Flow {
                        pieces: std::mem::take(&mut heading),
                        ..Flow::default()
                    });
                }
                heading.push(Piece::gap(if *level == 2 { 12.0 } else { 6.0 }));
                heading.push(self.heading(*level, text));
                continue;
            }
            for (i, flow) in self.block(block).into_iter().enumerate() {
                let flow = if i == 0 && !heading.is_empty() {
                    flow.after_heading(std::mem::take(&mut heading))
                } else {
                    flow
                };
                self.layout.place(&flow);
                self.layout.space(flow_gap(block));
            }
        }
        if !heading.is_empty() {
            self.layout.place(&Flow {
                pieces: heading,
                ..Flow::default()
            });
        }
    }

    fn heading(&self, level: u8, text: &str) -> Piece {
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
        let mut piece = stack(line_pieces(&lines, g.side, leading));
        piece.height += 4.0;
        if level <= 2 {
            piece.anchor = Some((2, text.to_string(), None));
        }
        piece
    }

    fn block(&self, block: &Block) -> Vec<Flow> {
        let g = self.g();
        match block {
            Block::Heading { .. } => Vec::new(),
            Block::Paragraph { spans } => {
                let lines = break_lines(&runs(spans, BODY), g.measure());
                vec![Flow::paragraph(line_pieces(&lines, g.side, BODY_LEADING))]
            }
            Block::Bullets { items } => vec![Flow::paragraph(
                items
                    .iter()
                    .flat_map(|item| self.bullet(&runs(item, BODY)))
                    .collect(),
            )],
            Block::Checklist { items } => vec![self.checklist(items)],
            Block::Table { header, rows } if header.len() > MAX_COLUMNS => {
                rows.iter().map(|row| self.record(header, row)).collect()
            }
            Block::Table { header, rows } => {
                // A column empty in every row (no notes taken) is left out.
                let keep: Vec<usize> = (0..header.len())
                    .filter(|&i| {
                        rows.is_empty()
                            || rows
                                .iter()
                                .any(|r| r.get(i).is_some_and(|c| !c.trim().is_empty()))
                    })
                    .collect();
                let header: Vec<String> = keep.iter().map(|&i| header[i].clone()).collect();
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        keep.iter()
                            .map(|&i| r.get(i).cloned().unwrap_or_default())
                            .collect()
                    })
                    .collect();
                let rows: Vec<Vec<Vec<Run>>> = rows
                    .iter()
                    .map(|r| r.iter().map(|c| vec![Run::new(c, TABLE)]).collect())
                    .collect();
                vec![self.table(&header, &rows)]
            }
            Block::KeyFigures { figures } => vec![self.key_figures(figures)],
            Block::Scores { scores } => vec![self.scores(scores)],
            Block::Actions { items } => items
                .iter()
                .enumerate()
                .map(|(i, a)| self.action(i + 1, a))
                .collect(),
            Block::Finding(f) => vec![self.finding(f)],
        }
    }

    /// The lines of one bullet point.
    fn bullet(&self, runs: &[Run]) -> Vec<Piece> {
        let g = self.g();
        let indent = 14.0;
        let lines = break_lines(runs, g.measure() - indent);
        let mut pieces = line_pieces(&lines, g.side + indent, BODY_LEADING);
        if let Some(first) = pieces.first_mut() {
            let style = BODY.with_color(ACCENT);
            first.items.push(Item::Text {
                x: g.side + 3.0,
                y: baseline(BODY_LEADING, style.size),
                style,
                text: "•".into(),
                width: Fonts::get().width(style.face, style.size, "•"),
            });
        }
        pieces
    }

    fn checklist(&self, items: &[CheckItem]) -> Flow {
        let g = self.g();
        let fonts = Fonts::get();
        let status_style = TABLE.with_face(Face::Bold);
        let status_w = [self.t.status_done, self.t.status_todo, self.t.status_verify]
            .iter()
            .map(|s| fonts.width(status_style.face, status_style.size, s))
            .fold(0.0, f32::max)
            + 8.0;
        let icon = 18.0;
        let measure = g.measure() - icon - status_w;
        let mut pieces = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let lines = break_lines(&[Run::new(&item.text, BODY)], measure);
            let mut piece = stack(line_pieces(&lines, g.side + icon, BODY_LEADING));
            piece.height += 5.0;
            let (word, color) = match item.status {
                Status::Done => (self.t.status_done, GREEN),
                Status::Todo => (self.t.status_todo, RED),
                Status::ToVerify => (self.t.status_verify, AMBER),
            };
            piece.items.extend(status_icon(
                item.status,
                g.side + 1.0,
                (BODY_LEADING - 10.0) / 2.0,
            ));
            let width = fonts.width(status_style.face, status_style.size, word);
            piece.items.push(Item::Text {
                x: g.right() - width,
                y: baseline(BODY_LEADING, status_style.size),
                style: status_style.with_color(color),
                text: word.to_string(),
                width,
            });
            if n + 1 < items.len() {
                piece.items.push(hairline(
                    g.side + icon,
                    piece.height - 2.5,
                    g.measure() - icon,
                ));
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

    /// A table whose columns share the measure by their content, whose
    /// header row repeats on every page it runs onto.
    fn table(&self, header: &[String], rows: &[Vec<Vec<Run>>]) -> Flow {
        let g = self.g();
        let pad = 4.0;
        let header_style = TABLE.with_face(Face::Bold).with_color(WHITE);
        let head: Vec<Vec<Run>> = header
            .iter()
            .map(|h| vec![Run::new(h, header_style)])
            .collect();
        let widths = column_widths(&head, rows, g.measure(), pad);
        let header_piece = self.table_row(&head, &widths, pad, Some(ACCENT));
        let mut pieces = Vec::with_capacity(rows.len());
        for (n, row) in rows.iter().enumerate() {
            let fill = (n % 2 == 1).then_some(TINT);
            let piece = self.table_row(row, &widths, pad, fill);
            if piece.height <= self.card_limit() {
                pieces.push(piece);
            } else {
                pieces.extend(self.split_row(row, &widths, pad, fill));
            }
        }
        let mut all = vec![header_piece.clone()];
        all.extend(pieces);
        Flow {
            pieces: all,
            keep_first: 2,
            keep_last: 1,
            header: Some(header_piece),
            ..Flow::default()
        }
    }

    fn table_row(&self, cells: &[Vec<Run>], widths: &[f32], pad: f32, fill: Option<Rgb>) -> Piece {
        let g = self.g();
        let mut piece = Piece::default();
        let mut x = g.side;
        let mut height: f32 = 0.0;
        let mut texts = Vec::new();
        for (cell, &w) in cells.iter().zip(widths) {
            let lines = break_lines(cell, w - 2.0 * pad);
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
    fn split_row(
        &self,
        cells: &[Vec<Run>],
        widths: &[f32],
        pad: f32,
        fill: Option<Rgb>,
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
                self.table_row(&slice, widths, pad, fill)
            })
            .collect()
    }

    /// One row of a wide table as a record: its name, then a label and a value per column.
    fn record(&self, header: &[String], row: &[String]) -> Flow {
        let g = self.g();
        let numbered = header.first().is_some_and(|h| h.trim().is_empty()) && row.len() > 1;
        let (title, first_field) = if numbered {
            (format!("{}.\u{a0}{}", row[0], row[1]), 2)
        } else {
            (row.first().cloned().unwrap_or_default(), 1)
        };
        let title_style = TextStyle {
            face: Face::Bold,
            size: 10.5,
            color: ACCENT,
        };
        let mut pieces = vec![Piece::gap(4.0)];
        pieces.extend(line_pieces(
            &break_lines(&[Run::new(title, title_style)], g.measure()),
            g.side,
            16.0,
        ));
        let label_w = (g.measure() * 0.32).min(170.0);
        let label_style = TABLE.with_color(MUTED);
        for (label, value) in header.iter().zip(row).skip(first_field) {
            if value.trim().is_empty() {
                continue;
            }
            let labels = break_lines(&[Run::new(label, label_style)], label_w - 10.0);
            let values = break_lines(&[Run::new(value, TABLE)], g.measure() - label_w - 10.0);
            let mut piece = stack(line_pieces(&labels, g.side + 10.0, TABLE_LEADING));
            let value_piece = stack(line_pieces(&values, g.side + label_w, TABLE_LEADING));
            piece.height = piece.height.max(value_piece.height) + 1.5;
            piece.items.extend(value_piece.items);
            pieces.push(piece);
        }
        self.ruled_card(pieces, 8.0)
    }

    /// The pieces of one card (an action, a record) closed by a rule
    /// `gap` points below, kept on one page when short.
    fn ruled_card(&self, mut pieces: Vec<Piece>, gap: f32) -> Flow {
        let g = self.g();
        let mut last = Piece::gap(gap);
        last.items.push(hairline(g.side, 5.0, g.measure()));
        pieces.push(last);
        Flow {
            pieces: card(pieces, self.card_limit()),
            keep_first: 3,
            keep_last: 2,
            ..Flow::default()
        }
    }

    fn key_figures(&self, figures: &[KeyFigure]) -> Flow {
        let g = self.g();
        let label_w = g.measure() * 0.42;
        let pad = 10.0;
        let mut pieces = vec![Piece::gap(6.0)];
        for f in figures {
            let label = break_lines(
                &[Run::new(&f.label, BODY.with_color(MUTED))],
                label_w - pad - 6.0,
            );
            let value = break_lines(
                &[Run::new(&f.value, BODY.with_face(Face::Bold))],
                g.measure() - label_w - pad,
            );
            let mut piece = stack(line_pieces(&label, g.side + pad, BODY_LEADING + 2.0));
            let value_piece = stack(line_pieces(&value, g.side + label_w, BODY_LEADING + 2.0));
            piece.height = piece.height.max(value_piece.height);
            piece.items.extend(value_piece.items);
            pieces.push(piece);
        }
        pieces.push(Piece::gap(6.0));
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

    /// Scores as a horizontal bar chart, one bar per area.
    fn scores(&self, scores: &[ScoreBar]) -> Flow {
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
        let mut pieces = Vec::new();
        for s in scores {
            let lines = break_lines(&[Run::new(&s.label, label_style)], label_w - 8.0);
            let mut piece = stack(line_pieces(&lines, g.side, leading));
            piece.height = piece.height.max(leading) + 7.0;
            let bar_h = 9.0;
            let bar_y = (leading - bar_h) / 2.0;
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
                    if score > 0 {
                        piece.items.push(Item::Rect {
                            x: track_x,
                            y: bar_y,
                            w: track_w * f32::from(score.min(100)) / 100.0,
                            h: bar_h,
                            fill: Some(score_color(score)),
                            stroke: None,
                        });
                    }
                    (format!("{score}/100"), label_style.with_face(Face::Bold))
                }
                None => (self.t.not_assessed.to_string(), SMALL),
            };
            let width = fonts.width(style.face, style.size, &text);
            let width_room = value_w.max(width);
            let text = fit(&text, style, width_room);
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
        Flow {
            pieces: card(pieces, self.card_limit()),
            ..Flow::default()
        }
    }

    fn action(&self, number: usize, a: &Action) -> Flow {
        let g = self.g();
        let fonts = Fonts::get();
        let indent = 22.0;
        let x = g.side + indent;
        let measure = g.measure() - indent;
        let badge = TextStyle {
            face: Face::Bold,
            size: 8.0,
            color: WHITE,
        };
        let title_style = TextStyle {
            face: Face::Bold,
            size: 10.5,
            color: INK,
        };
        let priority = a.priority.to_uppercase();
        let title = break_lines(
            &[
                Run::new(&priority, badge),
                Run::new("\u{a0}\u{a0}\u{a0}", badge),
                Run::new(&a.title, title_style),
            ],
            measure - 4.0,
        );
        let mut pieces = vec![Piece::gap(4.0)];
        let mut first = stack(line_pieces(&title, x + 4.0, 16.0));
        let badge_w = fonts.width(badge.face, badge.size, &priority);
        first.items.insert(
            0,
            Item::Rect {
                x: x + 1.0,
                y: 2.5,
                w: badge_w + 6.0,
                h: 11.0,
                fill: Some(severity_color(a.severity)),
                stroke: None,
            },
        );
        let number_style = TextStyle {
            face: Face::Bold,
            size: 10.5,
            color: ACCENT,
        };
        let label = format!("{number}.");
        // The number first, so that text is read in order.
        first.items.insert(
            0,
            Item::Text {
                x: g.side,
                y: baseline(16.0, number_style.size),
                width: fonts.width(number_style.face, number_style.size, &label),
                style: number_style,
                text: label,
            },
        );
        pieces.push(first);
        let text = break_lines(&[Run::new(&a.action, BODY)], measure);
        pieces.extend(line_pieces(&text, x, BODY_LEADING));
        let colon = if self.lang == Lang::Fr {
            "\u{a0}: "
        } else {
            ": "
        };
        let mut meta = format!("{}{colon}{}", self.t.area, a.area);
        if !a.refs.is_empty() {
            meta.push_str(" · ");
            meta.push_str(self.t.legal_basis);
            meta.push(' ');
            meta.push_str(&a.refs.join(self.t.list_sep));
        }
        let meta = break_lines(&[Run::new(meta, SMALL)], measure);
        pieces.extend(line_pieces(&meta, x, SMALL_LEADING));
        self.ruled_card(pieces, 6.0)
    }

    fn finding(&self, f: &FindingBlock) -> Flow {
        let g = self.g();
        let indent = 12.0;
        let x = g.side + indent;
        let measure = g.measure() - indent;
        let color = severity_color(f.severity);
        let mut pieces = Vec::new();
        let head: Vec<Run> = if f.severity.is_gap() {
            vec![
                Run::new(&f.label, BODY.with_face(Face::Bold).with_color(color)),
                Run::new(" — ", BODY.with_face(Face::Bold).with_color(color)),
                Run::new(&f.title, BODY.with_face(Face::Bold)),
            ]
        } else {
            vec![
                Run::new(&f.title, BODY.with_face(Face::Bold)),
                Run::new(" — ", BODY.with_color(MUTED)),
                Run::new(&f.label, BODY.with_face(Face::Italic).with_color(color)),
            ]
        };
        pieces.extend(line_pieces(&break_lines(&head, measure), x, BODY_LEADING));
        if f.severity.is_gap() {
            pieces.extend(line_pieces(
                &break_lines(&[Run::new(&f.finding, BODY)], measure),
                x,
                BODY_LEADING,
            ));
            let todo = [
                Run::new(self.t.what_to_do, BODY.with_face(Face::Bold)),
                Run::new(" ", BODY),
                Run::new(&f.recommendation, BODY),
            ];
            pieces.extend(line_pieces(&break_lines(&todo, measure), x, BODY_LEADING));
        } else {
            let text = format!("{} {}", f.finding, f.recommendation);
            pieces.extend(line_pieces(
                &break_lines(&[Run::new(text.trim(), BODY)], measure),
                x,
                BODY_LEADING,
            ));
        }
        if !f.refs.is_empty() {
            let refs = format!("{} {}", self.t.legal_basis, f.refs.join(self.t.list_sep));
            pieces.extend(line_pieces(
                &break_lines(&[Run::new(refs, SMALL)], measure),
                x,
                SMALL_LEADING,
            ));
        }
        if f.severity == Severity::GoodPractice
            && let Some(first) = pieces.first_mut()
        {
            first
                .items
                .extend(status_icon(Status::Done, g.side - 1.0, 2.0));
        }
        let backdrop = if f.severity == Severity::GoodPractice {
            Vec::new()
        } else {
            vec![Backdrop {
                x: g.side,
                w: 3.0,
                color,
            }]
        };
        Flow {
            pieces: card(pieces, self.card_limit()),
            keep_first: 2,
            keep_last: 2,
            backdrop,
            ..Flow::default()
        }
    }

    /// "Organisation ... page X of Y" at the foot of every page but the cover.
    fn footers(&mut self) {
        let g = self.g();
        let fonts = Fonts::get();
        let style = TextStyle {
            face: Face::Regular,
            size: 8.0,
            color: MUTED,
        };
        let total = self.layout.pages.len();
        let y_rule = g.body_bottom() + 18.0;
        let organisation = self.report.meta.organisation.clone();
        for (n, page) in self.layout.pages.iter_mut().enumerate().skip(1) {
            let number = self
                .t
                .page_of
                .replace("{page}", &(n + 1).to_string())
                .replace("{pages}", &total.to_string());
            let number_w = fonts.width(style.face, style.size, &number);
            let org = fit(&organisation, style, g.measure() - number_w - 24.0);
            let org_w = fonts.width(style.face, style.size, &org);
            let base = y_rule + 12.0;
            page.items.push(Item::Rect {
                x: g.side,
                y: y_rule,
                w: g.measure(),
                h: 0.5,
                fill: Some(RULE),
                stroke: None,
            });
            page.items.push(Item::Text {
                x: g.side,
                y: base,
                style,
                text: org,
                width: org_w,
            });
            page.items.push(Item::Text {
                x: g.right() - number_w,
                y: base,
                style,
                text: number,
                width: number_w,
            });
        }
    }
}

/// A thin grey rule.
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

/// The space after a block.
fn flow_gap(block: &Block) -> f32 {
    match block {
        Block::Bullets { .. } => 2.0,
        Block::Actions { .. } => 0.0,
        Block::Table { header, .. } if header.len() > MAX_COLUMNS => 0.0,
        _ => BLOCK_GAP,
    }
}

/// A drawn status box: a green tick, a red empty box, an amber question mark.
fn status_icon(status: Status, x: f32, y: f32) -> Vec<Item> {
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

/// Column widths from each column's narrowest and natural width, filling `measure`.
fn column_widths(head: &[Vec<Run>], rows: &[Vec<Vec<Run>>], measure: f32, pad: f32) -> Vec<f32> {
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
fn share(min: &[f32], max: &[f32], measure: f32) -> Vec<f32> {
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
