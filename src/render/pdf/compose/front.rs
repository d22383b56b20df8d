//! The front matter and the running footer: cover, table of contents, page numbers.

use super::*;

impl Composer<'_> {
    /// The accent band along the top edge of a first page.
    pub(super) fn accent_band(&mut self) {
        let width = self.g().width;
        self.decor(Item::Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: 14.0,
            fill: Some(ACCENT),
            stroke: None,
        });
    }

    pub(super) fn cover(&mut self, logo: Option<(u32, u32)>) {
        let g = self.g();
        let m = &self.report.meta;
        let measure = g.measure();
        self.accent_band();
        if let Some((pw, ph)) = logo {
            let (max_w, max_h) = (150.0_f32, 70.0_f32);
            let scale = (max_w / pw as f32).min(max_h / ph as f32);
            let (w, h) = (pw as f32 * scale, ph as f32 * scale);
            let figure = self.node(ROOT, Role::Figure);
            self.tree.borrow_mut().nodes[figure].alt = Some(logo_alt(self.lang, &m.organisation));
            self.layout.draw(Item::Mark(Mark::Node(figure)));
            self.layout.draw(Item::Image {
                x: g.side,
                y: g.top,
                w,
                h,
            });
        }
        if let Some(band) = self.report.draft_band() {
            // An unfinished assessment says so before anything else.
            let style = TextStyle {
                face: Face::Bold,
                size: 12.0,
                color: WHITE,
            };
            let top = g.top + if logo.is_some() { 84.0 } else { 0.0 };
            let lines = break_lines(&[Run::new(band, style)], measure - 24.0);
            let h = lines.len() as f32 * 18.0 + 14.0;
            self.decor(Item::Rect {
                x: g.side,
                y: top,
                w: measure,
                h,
                fill: Some(AMBER),
                stroke: None,
            });
            let p = self.node(ROOT, Role::P);
            self.text_at(g.side + 12.0, top + 7.0, 18.0, &lines, p);
        }
        let mut y = g.height * 0.28;
        let title = TextStyle {
            face: Face::Bold,
            size: 28.0,
            color: ACCENT,
        };
        let lines = break_lines(&[Run::new(&self.report.title, title)], measure);
        let h1 = self.node(ROOT, Role::H1);
        y = self.text_at(g.side, y, 36.0, &lines, h1);
        let subtitle = TextStyle {
            face: Face::Regular,
            size: 14.0,
            color: MUTED,
        };
        let lines = break_lines(&[Run::new(&self.report.subtitle, subtitle)], measure);
        let p = self.node(ROOT, Role::P);
        y = self.text_at(g.side, y + 4.0, 20.0, &lines, p);
        y += 18.0;
        self.decor(Item::Rect {
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
        let p = self.node(ROOT, Role::P);
        y = self.text_at(
            g.side,
            y,
            14.0,
            &break_lines(&[Run::new(self.t.prepared_for, label)], measure),
            p,
        );
        let org = TextStyle {
            face: Face::Bold,
            size: 22.0,
            color: INK,
        };
        let name = organisation_or_dash(&m.organisation);
        let lines = break_lines(&[Run::new(name, org)], measure);
        let p = self.node(ROOT, Role::P);
        y = self.text_at(g.side, y + 2.0, 28.0, &lines[..lines.len().min(4)], p);
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
        facts.extend(m.mission_facts(self.t));
        let label_w = 130.0;
        let table = self.node(ROOT, Role::Table);
        for (label, value) in facts {
            let tr = self.node(table, Role::TR);
            let (th, td) = (self.header_cell(tr, Scope::Row), self.node(tr, Role::TD));
            let key = break_lines(
                &[Run::new(
                    label,
                    BODY.with_face(Face::Bold).with_color(MUTED),
                )],
                label_w - 8.0,
            );
            let val = break_lines(&[Run::new(value, BODY)], measure - label_w);
            let after_key = self.text_at(g.side, y, 16.0, &key, th);
            let after_val = self.text_at(g.side + label_w, y, 16.0, &val, td);
            y = after_key.max(after_val) + 4.0;
        }
        if let Some(score) = self.report.evaluation.overall {
            self.cover_score(y + 18.0, score);
        }
        let lines = break_lines(&[Run::new(self.t.confidential, SMALL)], measure);
        let top = g.body_bottom() - lines.len() as f32 * SMALL_LEADING;
        let p = self.node(ROOT, Role::P);
        self.text_at(g.side, top, SMALL_LEADING, &lines, p);
    }

    /// The overall score, large, in its colour, with its label and a bar.
    fn cover_score(&mut self, top: f32, score: u8) {
        let g = self.g();
        let fonts = Fonts::get();
        let color = score_color(score);
        let big = TextStyle {
            face: Face::Bold,
            size: 40.0,
            color,
        };
        let label = BODY.with_face(Face::Bold).with_color(MUTED);
        let figure = format!("{score}");
        let out_of = "/100";
        let small = TextStyle {
            face: Face::Bold,
            size: 16.0,
            color: MUTED,
        };
        let p = self.node(ROOT, Role::P);
        self.layout.draw(Item::Mark(Mark::Node(p)));
        let base = top + 16.0;
        self.layout.draw(Item::Text {
            x: g.side,
            y: base,
            style: label,
            text: self.t.overall_score.to_string(),
            width: fonts.width(label.face, label.size, self.t.overall_score),
        });
        let big_base = base + 44.0;
        let big_w = fonts.width(big.face, big.size, &figure);
        let p = self.node(ROOT, Role::P);
        self.layout.draw(Item::Mark(Mark::Node(p)));
        self.layout.draw(Item::Text {
            x: g.side,
            y: big_base,
            style: big,
            text: figure,
            width: big_w,
        });
        self.layout.draw(Item::Text {
            x: g.side + big_w + 4.0,
            y: big_base,
            style: small,
            text: out_of.to_string(),
            width: fonts.width(small.face, small.size, out_of),
        });
        let bar_y = big_base + 12.0;
        let bar_w = g.measure().min(300.0);
        self.decor(Item::Rect {
            x: g.side,
            y: bar_y,
            w: bar_w,
            h: 8.0,
            fill: Some(TRACK),
            stroke: None,
        });
        self.layout.draw(Item::Rect {
            x: g.side,
            y: bar_y,
            w: (bar_w * f32::from(score.min(100)) / 100.0).max(3.0),
            h: 8.0,
            fill: Some(color),
            stroke: None,
        });
    }

    pub(super) fn contents(&mut self) {
        let g = self.g();
        self.layout.place(&Flow {
            pieces: vec![self.chapter_title(self.t.contents.to_string(), None)],
            ..Flow::default()
        });
        let style = BODY;
        let number_room = 30.0;
        let leading = 15.0;
        let toc = self.node(ROOT, Role::TOC);
        for (n, section) in self.report.sections.iter().enumerate() {
            let entry = self.node(toc, Role::TOCI);
            let link = self.node(entry, Role::Link);
            let label = format!("{}.\u{a0}{}", n + 1, section.title);
            let lines = break_lines(&[Run::new(label, style)], g.measure() - number_room - 10.0);
            let mut piece = stack(tagged_lines(&lines, g.side, leading, link));
            let last_top = piece.height - leading;
            let base = last_top + baseline(leading, style.size);
            let end = g.side + lines.last().map_or(0.0, |l| l.width) + 6.0;
            // Dot leaders are drawn, not typed, so that copied text stays clean.
            let dots_end = g.right() - number_room + 6.0;
            if dots_end > end + 6.0 {
                let dots = Item::Dots {
                    from: end + 2.0,
                    to: dots_end,
                    y: base - 0.5,
                    color: MUTED,
                };
                piece.decor(dots, Some(link));
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

    /// "Organisation ... page X of Y" at the foot of every page from the
    /// `first` (1: not on the cover).
    pub(super) fn footers(&mut self, first: usize) {
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
        for (n, page) in self.layout.pages.iter_mut().enumerate().skip(first) {
            let number = self
                .t
                .page_of
                .replace("{page}", &(n + 1).to_string())
                .replace("{pages}", &total.to_string());
            let number_w = fonts.width(style.face, style.size, &number);
            let org = fit(&organisation, style, g.measure() - number_w - 24.0);
            let org_w = fonts.width(style.face, style.size, &org);
            let base = y_rule + 12.0;
            page.items.push(Item::Mark(Mark::Footer));
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

/// The logo's alternate text: "Logo de l'organisation X".
fn logo_alt(lang: Lang, organisation: &str) -> String {
    let organisation = organisation.trim();
    match (lang, organisation.is_empty()) {
        (Lang::Fr, false) => format!("Logo de {organisation}"),
        (Lang::Fr, true) => "Logo de l’organisation".to_string(),
        (Lang::En, false) => format!("Logo of {organisation}"),
        (Lang::En, true) => "The organisation’s logo".to_string(),
    }
}
