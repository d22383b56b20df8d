//! The bank's file formats: manifest, sections with their questions, rules.
//! These types are what `questions/*.json` deserialise into and what
//! `privaudit schema` describes.

use crate::condition::Condition;
use crate::i18n::Text;
use crate::law::{Citation, Jurisdiction};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// `bank.json`: what the bank is, its sections in order, its scoring areas.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable identifier of the bank, stored in sessions.
    pub id: String,
    /// Version of the bank, stored in sessions to detect older answers.
    pub version: String,
    /// Name of the questionnaire.
    pub title: Text,
    /// Section ids in the order they are asked; each is `sections/<id>.json`.
    pub sections: Vec<String>,
    /// Which questions hold the facts the product itself needs.
    pub bindings: Bindings,
    /// Scoring areas, in report order; each is a chapter of the report.
    pub areas: Vec<Area>,
    /// Words that differ between the laws (`{term:ID}` in rule texts):
    /// "renseignements personnels" in Québec, "données personnelles" in France.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub terms: BTreeMap<String, Term>,
}

/// A word of the bank's vocabulary: the first variant whose condition holds, else the default.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The word when no variant applies.
    pub text: Text,
    /// The word under given answers (the organisation's establishment, its laws).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<TermVariant>,
    /// A group question whose entry the variants read (its sub-questions are
    /// in scope, as in a rule's `for_each`): only rules checked in each entry
    /// of that group may use the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_of: Option<String>,
}

/// One variant of a term.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermVariant {
    /// When it is used.
    pub when: Condition,
    /// The word.
    pub text: Text,
}

impl Term {
    /// The word for the answers in scope.
    pub fn pick(&self, scope: &dyn crate::condition::Scope) -> &Text {
        self.variants
            .iter()
            .find(|v| v.when.eval(scope) == crate::condition::Truth::True)
            .map_or(&self.text, |v| &v.text)
    }
}

/// Questions whose answers the product reads by role.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bindings {
    /// The text question holding the organisation's name.
    pub organisation: String,
    /// The multiple-choice question whose option ids are jurisdiction codes (`eu`, `ca`, `qc`).
    pub jurisdictions: String,
    /// Where the organisation is established, and the law of each place: in
    /// a report under several laws, each law's own paragraph speaks that
    /// law's words, and the establishment's only when it is under that law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub establishment: Option<EstablishmentBinding>,
}

/// The single-choice question of the organisation's establishment.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EstablishmentBinding {
    /// The question.
    pub question: String,
    /// The law each of its options is under (`"france": "eu"`); a place
    /// under none of the bank's laws is left out.
    pub jurisdictions: BTreeMap<String, Jurisdiction>,
}

/// A scoring area and chapter of the report.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Identifier that rules name.
    pub id: String,
    /// Chapter title.
    pub title: Text,
    /// Paragraph opening the chapter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Sub-chapters, in order; rules may name one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Topic>,
}

/// A sub-chapter of an area: its own intro, an optional table and checklist, and its rules' paragraphs.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Identifier that rules name.
    pub id: String,
    /// Sub-chapter title.
    pub title: Text,
    /// Paragraph opening the sub-chapter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// A group question shown as a table, one row per entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// Yes/no or multiple-choice questions shown as a checklist with a status per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklist: Vec<String>,
}

/// `sections/<id>.json`: one section of the interview.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Identifier, equal to the file name.
    pub id: String,
    /// Title shown in the sidebar and the annex.
    pub title: Text,
    /// Paragraph shown when the section opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// When the whole section is asked; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Yes / no / don't know.
    YesNo,
    /// One option among `options` (or among a group's entries).
    Single,
    /// Any number of `options`, with an optional "other, specify".
    Multi,
    /// One line of text, optionally checked by `format`.
    Text,
    /// Several lines of text.
    LongText,
    /// A number, optionally bounded by `min` and `max`.
    Number,
    /// A list of entries, each answering the sub-`questions`.
    Group,
}

/// A check applied to short text answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// An e-mail address.
    Email,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A web address starting with `http://` or `https://`.
    Url,
}

/// One question of a section, or a sub-question of a group.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Identifier, unique in the bank (sub-questions: unique in their group).
    pub id: String,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// The question as asked.
    pub label: Text,
    /// A short name for tables, checklists and the annex; the label when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// Why it matters, shown on request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// What earlier answers say on the point, shown under the question when
    /// its condition holds ("Your inventory lists information kept on paper").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder: Option<Reminder>,
    /// When it is asked; always when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// May be left empty without counting as unanswered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Choices of a `single` or `multi` question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// `multi` only: offer "other, specify" with a free text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
    /// `single` or `multi`: take the options from the entries of an earlier group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<OptionsFrom>,
    /// `text` only: the check applied to the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<TextFormat>,
    /// `number` only: smallest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// `number` only: largest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// `number` only: unit shown after the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// `group` only: the name of one entry ("third party").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Text>,
    /// `group` only: the text sub-question that names an entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_label: Option<String>,
    /// `group` only: the sub-questions each entry answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Coverage items this question addresses, as `framework:item` (see `coverage.json`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
    /// Option id to its index in `options`, built the first time a long list is searched.
    #[serde(skip)]
    #[schemars(skip)]
    option_index: OnceLock<HashMap<String, usize>>,
}

/// A line under a question that recalls what earlier answers said on it,
/// so that the two answers agree.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    /// When it is shown; it reads only questions asked before.
    pub when: Condition,
    /// What it says; it may use `{term:ID}`.
    pub text: Text,
}

/// Up to this many options, a lookup scans the list rather than build an index.
const SCAN_OPTIONS: usize = 16;

impl Question {
    /// The short name if any, else the label.
    pub fn short_label(&self) -> &Text {
        self.short.as_ref().unwrap_or(&self.label)
    }

    /// The option with this id (the first, should two share it). Constant
    /// time: a list longer than a few options is indexed on first use.
    pub fn option(&self, id: &str) -> Option<&Choice> {
        if self.options.len() <= SCAN_OPTIONS {
            return self.options.iter().find(|o| o.id == id);
        }
        let index = self.option_index.get_or_init(|| {
            let mut index = HashMap::with_capacity(self.options.len());
            for (i, o) in self.options.iter().enumerate() {
                index.entry(o.id.clone()).or_insert(i);
            }
            index
        });
        index.get(id).map(|&i| &self.options[i])
    }

    /// The sub-question of a group with this id.
    pub fn sub(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// One option of a choice question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier stored in answers and named in conditions.
    pub id: String,
    /// The option as shown.
    pub label: Text,
    /// What the option means, shown on request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

/// Options drawn from the entries of a group.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionsFrom {
    /// The group question, asked earlier.
    pub group: String,
    /// The text sub-question whose value names each option.
    pub field: String,
}

/// `rules/*.json`: a list of rules.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The rules, in report order within their topic.
    pub rules: Vec<Rule>,
}

/// How a rule's finding weighs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Unlawful or exposing people to serious harm now.
    Critical,
    /// A legal obligation is not met.
    High,
    /// A recommended safeguard is missing.
    Medium,
    /// An improvement.
    Low,
    /// Something done well, acknowledged in the report.
    GoodPractice,
    /// Tailored guidance for a practice the organisation does not have today.
    Advice,
}

impl Severity {
    /// Whether the finding is a gap to fix (counts in scores and the action plan).
    pub fn is_gap(self) -> bool {
        matches!(
            self,
            Severity::Critical | Severity::High | Severity::Medium | Severity::Low
        )
    }

    /// The weight of a gap in the score of its area.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Critical => 8,
            Severity::High => 4,
            Severity::Medium => 2,
            Severity::Low => 1,
            Severity::GoodPractice | Severity::Advice => 0,
        }
    }
}

/// A rule: when its condition holds, the report carries its finding and recommendation.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Identifier, unique in the bank.
    pub id: String,
    /// The area it is scored in and reported under.
    pub area: String,
    /// The topic of that area it is reported under; the area's own text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Gap severity, or `good_practice` / `advice`.
    pub severity: Severity,
    /// The severity under a jurisdiction whose law weighs the point differently
    /// (a legal duty in one, good practice in another); `severity` elsewhere.
    /// A session under several laws gets the most severe.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub severity_in: BTreeMap<Jurisdiction, Severity>,
    /// The requirement the rule checks, when several rules check one (the
    /// alternatives of an answer: no backups, local backups, untested
    /// backups; one duty under each law): they are scored as one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
    /// What raises or lowers the severity with what is at stake (health data,
    /// a public website, many people): the first whose condition holds on the
    /// session's answers sets it, and the report gives its reason. Only a gap's
    /// severity is changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Modifier>,
    /// The only jurisdictions whose reports carry the rule (its reasoning is
    /// that law's alone); every jurisdiction when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jurisdictions: Vec<Jurisdiction>,
    /// The rule that applies to a "don't know" this rule reads ("transfer to
    /// be checked" for "transfer without a mechanism"): where it applies, this
    /// rule is neither listed to verify nor scored for that answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know_rule: Option<String>,
    /// A group question: the rule is checked in each of its entries (`when`
    /// and the placeholders read the entry's sub-questions) and gives one
    /// finding per entry it applies to; it is scored once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_each: Option<String>,
    /// When the finding applies.
    pub when: Condition,
    /// A short name for the finding, as in the action plan ("Paper files not locked away"); it may hold placeholders.
    pub title: Text,
    /// What to do, in a few words, for the action plan and the summary ("Lock
    /// away paper files"); the title when absent. It may hold placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Text>,
    /// What was found, tailored with `{org}`, `{answer:ID}`, `{entries:GROUP/FIELD}`.
    pub finding: Text,
    /// What to do about it, with the same placeholders.
    pub recommendation: Text,
    /// Advice that holds in one jurisdiction only, added after the recommendation when that jurisdiction is cited.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub jurisdiction_notes: BTreeMap<Jurisdiction, Text>,
    /// The provision behind the rule in each jurisdiction (`none` when the law has no equivalent).
    pub refs: BTreeMap<Jurisdiction, Citation>,
    /// Coverage items this rule addresses, as `framework:item` (see `coverage.json`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
}

/// A change of severity under some answers.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Modifier {
    /// When it applies (read on the session's answers).
    pub when: Condition,
    /// The severity it sets.
    pub severity: Severity,
    /// Why, completing "high, because …" ("you handle health data").
    pub because: Text,
}

impl Rule {
    /// Whether a report under these jurisdictions carries the rule.
    pub fn concerns(&self, cited: &[Jurisdiction]) -> bool {
        self.jurisdictions.is_empty() || cited.iter().any(|j| self.jurisdictions.contains(j))
    }

    /// The severity in a report under these jurisdictions: the most severe of
    /// the laws that carry the rule.
    pub fn severity_for(&self, cited: &[Jurisdiction]) -> Severity {
        cited
            .iter()
            .filter(|j| self.jurisdictions.is_empty() || self.jurisdictions.contains(j))
            .map(|j| self.severity_in.get(j).copied().unwrap_or(self.severity))
            .min()
            .unwrap_or(self.severity)
    }

    /// The jurisdictions whose citations the rule gives: its own, or all.
    pub fn own_jurisdictions(&self) -> Vec<Jurisdiction> {
        if self.jurisdictions.is_empty() {
            Jurisdiction::ALL.to_vec()
        } else {
            self.jurisdictions.clone()
        }
    }

    /// The rule's condition over the whole session: `when` itself, or for a
    /// `for_each` rule, "some entry of the group makes `when` true".
    pub fn session_condition(&self) -> std::borrow::Cow<'_, Condition> {
        match &self.for_each {
            None => std::borrow::Cow::Borrowed(&self.when),
            Some(group) => {
                std::borrow::Cow::Owned(Condition::AnyEntry(crate::condition::EntryTest {
                    group: group.clone(),
                    when: Box::new(self.when.clone()),
                }))
            }
        }
    }
}

/// `coverage.json`: the checklists a bank is measured against (CNIL guide, articles...).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The checklists, in the order the coverage table shows them.
    pub frameworks: Vec<Framework>,
}

/// One checklist: its items must each be covered by a question or a rule.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// The prefix used in `covers` tags (`cnil` in `cnil:4`).
    pub id: String,
    /// Its name, as the coverage table titles it.
    pub title: Text,
    /// Its items.
    pub items: Vec<FrameworkItem>,
}

/// One item of a checklist.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkItem {
    /// The suffix used in `covers` tags (`4` in `cnil:4`).
    pub id: String,
    /// What the item is.
    pub label: Text,
}
