//! The report as a renderer-neutral document: every output (Markdown, JSON,
//! PDF, the wizard's preview) draws this and only this.

use crate::bank::Severity;
use crate::i18n::Lang;
use serde::Serialize;

/// A whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The language it is written in.
    pub lang: Lang,
    /// Whether the assessment is unfinished: some questions shown are not answered.
    pub draft: bool,
    /// Title for the cover.
    pub title: String,
    /// Subtitle for the cover.
    pub subtitle: String,
    /// Who, when, under which law.
    pub meta: Meta,
    /// The chapters, in order.
    pub sections: Vec<ReportSection>,
    /// Scores and rule outcomes, for programs reading the JSON export.
    pub evaluation: EvaluationSummary,
}

impl Report {
    /// The band an unfinished assessment carries on its cover:
    /// "BROUILLON — 45 % des questions répondues".
    pub fn draft_band(&self) -> Option<String> {
        self.draft.then(|| {
            crate::i18n::ui(self.lang).draft_band.replace(
                "{percent}",
                &crate::i18n::percent(self.meta.completion, self.lang),
            )
        })
    }
}

/// Scores and every rule's outcome, in machine-friendly form.
#[derive(Debug, Clone, Serialize)]
pub struct EvaluationSummary {
    /// All areas together, 0 to 100.
    pub overall: Option<u8>,
    /// One score per area, in bank order.
    pub areas: Vec<crate::rules::AreaScore>,
    /// Every rule with its outcome, in bank order.
    pub rules: Vec<RuleOutcome>,
}

/// One rule's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct RuleOutcome {
    /// The rule id.
    pub rule: String,
    /// Its area.
    pub area: String,
    /// Its severity.
    pub severity: Severity,
    /// What it says about the answers.
    pub outcome: crate::rules::Outcome,
}

/// Facts for the cover and running headers.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// The organisation assessed.
    pub organisation: String,
    /// The report date, as people write it.
    pub date: String,
    /// The report date, `YYYY-MM-DD`.
    pub date_iso: String,
    /// The jurisdictions cited, by name.
    pub jurisdictions: Vec<String>,
    /// Who prepared it, when a consultant did.
    pub prepared_by: Option<String>,
    /// The consultant's firm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firm: Option<String>,
    /// The client's contact person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The visit date, as people write it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visit_date: Option<String>,
    /// What the assessment covers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The bank used, `id@version`.
    pub bank: String,
    /// The share of the questions shown that are answered, in percent.
    pub completion: u8,
}

impl Meta {
    /// The mission's lines for a cover, after "prepared by": firm, client
    /// contact, visit date, scope, each with its label, those filled in only.
    pub fn mission_facts(&self, t: &crate::i18n::Ui) -> Vec<(&'static str, String)> {
        [
            (t.firm, &self.firm),
            (t.client_contact, &self.contact),
            (t.visit_date, &self.visit_date),
            (t.scope, &self.scope),
        ]
        .into_iter()
        .filter_map(|(label, value)| value.clone().map(|v| (label, v)))
        .collect()
    }
}

/// One chapter.
#[derive(Debug, Clone, Serialize)]
pub struct ReportSection {
    /// Stable identifier (anchors, bookmarks).
    pub id: String,
    /// Chapter title.
    pub title: String,
    /// Its content, in order.
    pub blocks: Vec<Block>,
}

/// A piece of content.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A sub-heading: level 2 under the chapter, 3 below that.
    Heading {
        /// 2 or 3.
        level: u8,
        /// The heading.
        text: String,
    },
    /// A paragraph of styled runs.
    Paragraph {
        /// The runs.
        spans: Vec<Span>,
    },
    /// A bulleted list.
    Bullets {
        /// One entry per bullet.
        items: Vec<Vec<Span>>,
    },
    /// Items with a status each.
    Checklist {
        /// The items.
        items: Vec<CheckItem>,
    },
    /// A table with a header row.
    Table {
        /// Column titles.
        header: Vec<String>,
        /// Rows, as many cells as the header.
        rows: Vec<Vec<String>>,
    },
    /// A few figures to read at a glance.
    KeyFigures {
        /// The figures.
        figures: Vec<KeyFigure>,
    },
    /// One score per area, for a chart.
    Scores {
        /// The bars.
        scores: Vec<ScoreBar>,
    },
    /// Questions with the answers given and the notes taken (the annex).
    Answers {
        /// One row per question.
        rows: Vec<AnswerRow>,
    },
    /// The prioritised action plan.
    Actions {
        /// The actions, most urgent first.
        items: Vec<Action>,
    },
    /// The first actions of the plan, for the summary.
    FirstSteps {
        /// The actions, most urgent first, numbered as in the plan.
        items: Vec<Action>,
    },
    /// A tailored paragraph chosen by a rule.
    Finding(FindingBlock),
    /// Who prepared the report, and a line for who validates it.
    Signature {
        /// Labelled facts: prepared by, firm, date.
        facts: Vec<(String, String)>,
    },
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The text.
    pub text: String,
    /// How it is set.
    pub style: Style,
}

/// Emphasis of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// Roman.
    Plain,
    /// Bold.
    Strong,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Plain,
        }
    }

    /// Bold text.
    pub fn strong(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            style: Style::Strong,
        }
    }
}

/// Status of a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In place.
    Done,
    /// Missing: to do.
    Todo,
    /// Unknown: to verify.
    ToVerify,
}

/// A checklist item.
#[derive(Debug, Clone, Serialize)]
pub struct CheckItem {
    /// Where it stands.
    pub status: Status,
    /// What it is.
    pub text: String,
}

/// A question as the annex lists it.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    /// The question, in a few words.
    pub question: String,
    /// The answer given.
    pub answer: String,
    /// The note taken on it and its marks ("(à vérifier)"); empty when none.
    pub note: String,
}

/// A labelled figure.
#[derive(Debug, Clone, Serialize)]
pub struct KeyFigure {
    /// What it counts.
    pub label: String,
    /// The figure, formatted.
    pub value: String,
}

/// The score of one area.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreBar {
    /// The area's title.
    pub label: String,
    /// 0 to 100, or none when not assessed or too little was answered.
    pub score: Option<u8>,
    /// What is shown in place of a missing score ("non évalué", "trop peu de
    /// réponses"); empty, and absent from the JSON, when there is a score.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub missing: String,
}

/// One line of the action plan.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// Its number in the plan, from 1; its finding carries the same.
    pub number: usize,
    /// The rule behind it.
    pub rule: String,
    /// How urgent.
    pub severity: Severity,
    /// The severity, as a word.
    pub priority: String,
    /// What was found, in a few words.
    pub title: String,
    /// What to do, in a few words: the line of the plan's tables.
    pub task: String,
    /// The area's title.
    pub area: String,
    /// What to do.
    pub action: String,
    /// Legal references for the jurisdictions cited.
    pub refs: Vec<String>,
}

/// A finding as a paragraph: acknowledged practice, advice or gap.
#[derive(Debug, Clone, Serialize)]
pub struct FindingBlock {
    /// The rule behind it.
    pub rule: String,
    /// A gap's number in the action plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<usize>,
    /// Gap severity, good practice or advice.
    pub severity: Severity,
    /// The severity or kind, as a word.
    pub label: String,
    /// What was found, in a few words.
    pub title: String,
    /// What was found, tailored.
    pub finding: String,
    /// What to do, tailored.
    pub recommendation: String,
    /// Legal references for the jurisdictions cited.
    pub refs: Vec<String>,
    /// The notes taken on the questions behind the finding: (question, note).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<(String, String)>,
}

/// How much of the answers the annex lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AnnexMode {
    /// No annex.
    None,
    /// The answers the chapters do not already show (checklists, tables), the default.
    #[default]
    Answers,
    /// Every answer, section by section.
    Full,
}
