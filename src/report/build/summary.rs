//! The summary and the action plan at the front of the report.

use super::Ctx;
use crate::i18n::{colon, percent, ui};
use crate::report::model::*;

impl Ctx<'_> {
    pub(super) fn summary(&self) -> ReportSection {
        let t = ui(self.lang);
        let progress = self.session.progress(self.bank);
        let gaps = self.eval.gaps();
        let count = |s| gaps.iter().filter(|f| f.severity == s).count();
        let by_severity: Vec<String> = [
            crate::bank::Severity::Critical,
            crate::bank::Severity::High,
            crate::bank::Severity::Medium,
            crate::bank::Severity::Low,
        ]
        .into_iter()
        .filter(|s| count(*s) > 0)
        .map(|s| {
            format!(
                "{}{} {}",
                t.severity(s).to_lowercase(),
                colon(self.lang),
                count(s)
            )
        })
        .collect();
        let gap_value = if by_severity.is_empty() {
            "0".to_string()
        } else {
            format!("{} ({})", gaps.len(), by_severity.join(", "))
        };
        let score =
            |s: Option<u8>| s.map_or_else(|| t.not_assessed.to_string(), |s| format!("{s}/100"));
        let figures = vec![
            KeyFigure {
                label: t.overall_score.into(),
                value: score(self.eval.overall),
            },
            KeyFigure {
                label: t.gaps_count.into(),
                value: gap_value,
            },
            KeyFigure {
                label: t.good_practices.into(),
                value: self
                    .applying()
                    .filter(|f| f.severity == crate::bank::Severity::GoodPractice)
                    .count()
                    .to_string(),
            },
            KeyFigure {
                label: t.to_verify_count.into(),
                value: self.points_to_verify().len().to_string(),
            },
            KeyFigure {
                label: t.completion.into(),
                value: format!(
                    "{}/{} ({})",
                    progress.done,
                    progress.total,
                    percent(progress.percent(), self.lang)
                ),
            },
        ];
        let scores = self
            .bank
            .manifest
            .areas
            .iter()
            .zip(&self.eval.scores)
            .map(|(area, s)| ScoreBar {
                label: self.words(&area.title),
                score: s.score,
                missing: s.unscored(self.lang),
            })
            .collect();
        let mut blocks = vec![Block::KeyFigures { figures }];
        let unconfirmed = self.session.to_confirm.len();
        if unconfirmed > 0 {
            // A new audit started from an earlier one: say what is not yet checked.
            let text = t.unconfirmed.replace("{n}", &unconfirmed.to_string());
            blocks.push(Block::Paragraph {
                spans: vec![Span::strong(text)],
            });
        }
        blocks.push(Block::Heading {
            level: 2,
            text: t.strengths.into(),
        });
        let strengths = self.strengths();
        blocks.push(if strengths.is_empty() {
            Block::Paragraph {
                spans: vec![Span::plain(t.strengths_none)],
            }
        } else {
            Block::Bullets { items: strengths }
        });
        let first = self.first_steps();
        if !first.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: t.first_steps.into(),
            });
            blocks.push(Block::FirstSteps { items: first });
        }
        blocks.extend([
            Block::Heading {
                level: 2,
                text: t.scores_by_area.into(),
            },
            Block::Scores { scores },
            Block::Heading {
                level: 2,
                text: t.how_to_read.into(),
            },
            Block::Paragraph {
                spans: vec![Span::plain(t.how_to_read_text)],
            },
        ]);
        ReportSection {
            id: "summary".into(),
            title: t.summary.into(),
            blocks,
        }
    }

    pub(super) fn action_plan(&self) -> ReportSection {
        let t = ui(self.lang);
        let gaps = self.eval.gaps();
        let mut blocks = Vec::new();
        if gaps.is_empty() {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(t.action_plan_empty)],
            });
        } else {
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(t.action_plan_intro)],
            });
            blocks.push(Block::Actions {
                items: self.actions(),
            });
        }
        let to_verify = self.points_to_verify();
        if !to_verify.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: t.to_verify_title.into(),
            });
            blocks.push(Block::Paragraph {
                spans: vec![Span::plain(t.to_verify_intro)],
            });
            blocks.push(Block::Bullets { items: to_verify });
        }
        ReportSection {
            id: "action-plan".into(),
            title: t.action_plan.into(),
            blocks,
        }
    }

    /// The action plan: one action per gap, most urgent first, numbered from 1.
    pub(super) fn actions(&self) -> Vec<Action> {
        let t = ui(self.lang);
        self.eval
            .gaps()
            .iter()
            .enumerate()
            .map(|(i, f)| Action {
                number: i + 1,
                rule: f.rule.id.clone(),
                severity: f.severity,
                priority: t.severity(f.severity).into(),
                title: self.fill(f, f.rule.title.get(self.lang)),
                task: self.task(f),
                area: self.area_title(&f.rule.area),
                action: self.recommendation(f),
                refs: self.refs(f),
            })
            .collect()
    }

    /// What to do first: the critical and high gaps, at least three and at
    /// most five actions of the plan.
    pub(super) fn first_steps(&self) -> Vec<Action> {
        let actions = self.actions();
        let urgent = actions
            .iter()
            .filter(|a| a.severity <= crate::bank::Severity::High)
            .count();
        let n = urgent.clamp(3, 5).min(actions.len());
        actions.into_iter().take(n).collect()
    }
}
