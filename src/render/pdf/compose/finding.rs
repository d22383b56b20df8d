//! Findings set as flows: a gap with its head in the left column beside
//! its text and a bar of its severity's colour; good practices and advice
//! compact, one size smaller.

use super::blocks::status_icon;
use super::*;

impl Composer<'_> {
    /// A good practice or a piece of advice, compact and one size smaller
    /// than the gaps: its title, then the text, in one paragraph; a good
    /// practice carries its tick and its label.
    fn compact(&self, f: &FindingBlock) -> Flow {
        let good = f.severity == Severity::GoodPractice;
        let indent = if good { 14.0 } else { 0.0 };
        let text = format!("{} {}", f.finding, f.recommendation);
        let mut runs = vec![Run::new(&f.title, TABLE.with_face(Face::Bold))];
        if good {
            runs.push(Run::new(" — ", TABLE.with_color(MUTED)));
            runs.push(Run::new(
                &f.label,
                TABLE.with_color(severity_color(f.severity)),
            ));
        }
        runs.push(Run::new(
            if good { ". " } else { " — " },
            TABLE.with_color(MUTED),
        ));
        runs.push(Run::new(text.trim(), TABLE));
        let measure = self.prose(TABLE) - indent;
        let left = self.prose_x();
        let mut pieces = tagged_lines(
            &break_lines(&runs, measure),
            left + indent,
            TABLE_LEADING,
            self.node(ROOT, Role::P),
        );
        pieces.extend(self.notes(f, left + indent, measure));
        if good && let Some(first) = pieces.first_mut() {
            // The label says "in place": the tick is decoration.
            first.items.push(Item::Mark(Mark::Artifact));
            first.items.extend(status_icon(
                Status::Done,
                left,
                (TABLE_LEADING - 10.0) / 2.0,
            ));
        }
        Flow::paragraph(pieces)
    }

    /// The notes taken on the questions behind a finding, one paragraph each.
    fn notes(&self, f: &FindingBlock, x: f32, measure: f32) -> Vec<Piece> {
        let colon = crate::i18n::colon(self.report.lang);
        let mut pieces = Vec::new();
        for (question, note) in &f.notes {
            let line = [
                Run::new(
                    format!("{} ({question}){colon} ", self.t.note_label),
                    SMALL.with_face(Face::Bold),
                ),
                Run::new(note.as_str(), SMALL),
            ];
            pieces.extend(tagged_lines(
                &break_lines(&line, measure),
                x,
                SMALL_LEADING,
                self.node(ROOT, Role::P),
            ));
        }
        pieces
    }

    /// A gap: its number, severity and title in the left column, beside
    /// what was found, what to do, its references and notes, which run
    /// beside a bar of its severity's colour.
    pub(super) fn finding(&self, f: &FindingBlock) -> Flow {
        if !f.severity.is_gap() {
            return self.compact(f);
        }
        let indent = 12.0;
        let left = self.prose_x();
        let x = left + indent;
        let measure = self.prose(BODY) - indent;
        let color = severity_color(f.severity);
        // On a page it continues on, the gap's number and severity are drawn
        // again (an artifact).
        let (head, head_height, repeated) = self.finding_head(f);
        let mut pieces = vec![head];
        let p = |pieces: &mut Vec<Piece>, lines: &[Line], leading: f32| {
            pieces.extend(tagged_lines(lines, x, leading, self.node(ROOT, Role::P)));
        };
        p(
            &mut pieces,
            &break_lines(&[Run::new(&f.finding, BODY)], measure),
            BODY_LEADING,
        );
        let todo = [
            Run::new(self.t.what_to_do, BODY.with_face(Face::Bold)),
            Run::new(" ", BODY),
            Run::new(&f.recommendation, BODY),
        ];
        p(&mut pieces, &break_lines(&todo, measure), BODY_LEADING);
        if !f.refs.is_empty() {
            let refs = format!("{} {}", self.t.legal_basis, f.refs.join(self.t.list_sep));
            p(
                &mut pieces,
                &break_lines(&[Run::new(refs, SMALL)], measure),
                SMALL_LEADING,
            );
        }
        pieces.extend(self.notes(f, x, measure));
        // The head and the lines it runs beside make one piece, so that a
        // page never separates them.
        let mut covered = 0.0;
        let beside = pieces
            .iter()
            .position(|piece| {
                covered += piece.height;
                covered >= head_height
            })
            .map_or(pieces.len(), |i| i + 1);
        let rest = pieces.split_off(beside);
        let mut first = stack(pieces);
        first.height = first.height.max(head_height);
        if let Some(n) = f.number {
            // The action plan's rows link here.
            first.anchor = Some((0, f.title.clone(), Some(FINDING_KEY + n)));
        }
        let mut pieces = vec![first];
        pieces.extend(rest);
        Flow {
            pieces: card(pieces, self.gap_limit()),
            keep_first: 2,
            keep_last: 2,
            header: Some(repeated),
            backdrop: vec![Backdrop {
                x: left,
                w: 3.0,
                color,
            }],
            ..Flow::default()
        }
    }

    /// A gap's number and severity, then its title, set in the left column:
    /// a piece of no height, the height its lines take, and its first line
    /// alone (number and severity), to draw again on a page the gap
    /// continues on: one line always fits beside the two a page holds.
    fn finding_head(&self, f: &FindingBlock) -> (Piece, f32, Piece) {
        let width = self.side_width();
        let bold = BODY.with_face(Face::Bold);
        let number = f.number.map_or_else(String::new, |n| format!("{n}.\u{a0}"));
        let mut lines = break_lines(
            &[
                Run::new(number, bold.with_color(ACCENT)),
                Run::new(&f.label, bold.with_color(severity_color(f.severity))),
            ],
            width,
        );
        let (repeated, _) = self.side_piece(&lines[..1], ROOT);
        lines.extend(break_lines(&[Run::new(&f.title, bold)], width));
        let (piece, height) = self.side_piece(&lines, self.node(ROOT, Role::P));
        (piece, height, repeated)
    }
}
