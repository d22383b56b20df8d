//! The rules engine: a pure function from a bank and answers to findings and
//! scores. Same inputs, same output, in bank order.

pub mod template;

use crate::answer::{Answer, Answers};
use crate::bank::{Bank, Rule, Severity};
use crate::condition::{Condition, EntryScope, Scope, Truth};
use crate::flow::Visible;
use crate::i18n::Text;
use crate::law::Jurisdiction;
use serde::Serialize;

/// What a rule says about the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The condition holds: the finding is in the report.
    Applies,
    /// The condition does not hold: for a gap, the requirement is met.
    DoesNotApply,
    /// The condition does not hold because earlier answers rule out a question it reads
    /// (no paper files, no EU activity...): the requirement is not relevant and not scored.
    NotApplicable,
    /// The condition depends on a "don't know" answer: to verify.
    ToVerify,
    /// The questions it depends on are not answered yet.
    NotAssessed,
}

/// One rule and its outcome; a `for_each` rule that applies gives one per entry.
#[derive(Debug, Clone, Copy)]
pub struct Finding<'b> {
    /// The rule.
    pub rule: &'b Rule,
    /// What it says about the answers.
    pub outcome: Outcome,
    /// Its severity under the session's jurisdictions and what is at stake.
    pub severity: Severity,
    /// Why the severity differs from the rule's own, when a modifier set it.
    pub because: Option<&'b Text>,
    /// For a `for_each` rule that applies: the index of the entry it applies to.
    pub entry: Option<usize>,
}

/// The score of one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaScore {
    /// The area id.
    pub area: String,
    /// 0 to 100, or none when no requirement of the area could be checked.
    pub score: Option<u8>,
    /// Weight of the requirements met.
    pub earned: u32,
    /// Weight of the requirements checked (met, not met, or to verify).
    pub possible: u32,
    /// How many requirements are not met.
    pub gaps: usize,
    /// How many requirements were checked (met, not met, or to verify).
    pub checked: usize,
}

impl AreaScore {
    /// Why the area shows no number, in words (« trop peu de réponses »,
    /// « non noté : 1 écart à corriger »); empty when it has a score.
    pub fn unscored(&self, lang: crate::i18n::Lang) -> String {
        let t = crate::i18n::ui(lang);
        // Too few requirements for a number, but a gap among them: say so,
        // or the action plan's item reads as unassessed.
        match (self.checked, self.gaps) {
            _ if self.score.is_some() => String::new(),
            (0, _) => t.not_assessed.to_string(),
            (_, 0) => t.too_few_answers.to_string(),
            (_, 1) => t.unscored_gap.to_string(),
            (_, n) => t.unscored_gaps.replace("{n}", &n.to_string()),
        }
    }
}

/// Fewer requirements checked than this, and an area shows no score: a
/// number over one or two answers would say more than the answers do.
pub const MIN_CHECKED: usize = 3;

/// Findings and scores for a set of answers.
#[derive(Debug, Clone)]
pub struct Evaluation<'b> {
    /// Every rule with its outcome, in bank order: one finding per rule, or
    /// per entry for a `for_each` rule that applies.
    pub findings: Vec<Finding<'b>>,
    /// Every rule once with its outcome, in bank order (what scores count).
    pub rules: Vec<Finding<'b>>,
    /// One score per area, in bank order.
    pub scores: Vec<AreaScore>,
    /// All areas together, weighted by what each checked.
    pub overall: Option<u8>,
}

impl<'b> Evaluation<'b> {
    /// The findings with this outcome.
    pub fn with_outcome(&self, outcome: Outcome) -> impl Iterator<Item = &Finding<'b>> {
        self.findings.iter().filter(move |f| f.outcome == outcome)
    }

    /// The gaps that apply, most severe first, then in bank order.
    pub fn gaps(&self) -> Vec<&Finding<'b>> {
        let mut gaps: Vec<&Finding<'b>> = self
            .with_outcome(Outcome::Applies)
            .filter(|f| f.severity.is_gap())
            .collect();
        gaps.sort_by_key(|f| f.severity);
        gaps
    }
}

/// Evaluates every rule of the bank on the answers, judging dates on today's.
pub fn evaluate<'b>(bank: &'b Bank, answers: &Answers) -> Evaluation<'b> {
    evaluate_on(bank, answers, crate::i18n::local_now().date())
}

/// Evaluates every rule of the bank on the answers, judging dates (a policy's
/// age) on `today`, the assessment's date.
pub fn evaluate_on<'b>(bank: &'b Bank, answers: &Answers, today: time::Date) -> Evaluation<'b> {
    let visible = Visible::new(bank, answers).on(today);
    let cited = bank.jurisdictions_of(answers);
    let rules: Vec<Finding<'b>> = bank
        .rules
        .iter()
        .map(|rule| {
            let when = rule.session_condition();
            let outcome = if !rule.concerns(&cited) {
                Outcome::NotApplicable
            } else {
                match when.eval(&visible) {
                    Truth::True => Outcome::Applies,
                    Truth::False if reads_ruled_out(&when, &visible) => Outcome::NotApplicable,
                    Truth::False => Outcome::DoesNotApply,
                    Truth::Unknown if depends_on_dont_know(&when, &visible) => Outcome::ToVerify,
                    Truth::Unknown => Outcome::NotAssessed,
                }
            };
            let (severity, because) = weigh(rule, &cited, &visible);
            Finding {
                rule,
                outcome,
                severity,
                because,
                entry: None,
            }
        })
        .collect();
    // The entries each `for_each` rule applies to, or cannot decide.
    let entries: Vec<EntryOutcomes> = rules
        .iter()
        .map(|f| match &f.rule.for_each {
            Some(group) if matches!(f.outcome, Outcome::Applies | Outcome::ToVerify) => {
                entry_outcomes(bank, &visible, f.rule, group)
            }
            _ => EntryOutcomes::default(),
        })
        .collect();
    let mut rules = rules;
    let mut entries = entries;
    hand_over_dont_knows(bank, &mut rules, &mut entries);
    let findings = rules
        .iter()
        .zip(&entries)
        .flat_map(|(f, e)| {
            let listed = match (&f.rule.for_each, f.outcome) {
                (Some(_), Outcome::Applies) => &e.applies,
                (Some(_), Outcome::ToVerify) => &e.unknown,
                _ => return vec![*f],
            };
            listed
                .iter()
                .map(|&i| {
                    // What is at stake is this entry's: its own modifiers' answers.
                    let (severity, because) = entry_scope(bank, &visible, f.rule, i)
                        .map_or((f.severity, f.because), |scope| {
                            weigh(f.rule, &cited, &scope)
                        });
                    Finding {
                        entry: Some(i),
                        severity,
                        because,
                        ..*f
                    }
                })
                .collect()
        })
        .collect();
    // A rule checked in each entry weighs, in the scores, as its most
    // severe entry.
    let findings: Vec<Finding<'_>> = findings;
    for f in rules.iter_mut().filter(|f| f.rule.for_each.is_some()) {
        if let Some(worst) = findings
            .iter()
            .filter(|e| std::ptr::eq(e.rule, f.rule) && e.entry.is_some())
            .min_by_key(|e| e.severity)
        {
            f.severity = worst.severity;
            f.because = worst.because;
        }
    }
    let scores: Vec<AreaScore> = bank
        .manifest
        .areas
        .iter()
        .map(|area| score(&area.id, &rules))
        .collect();
    let earned: u32 = scores.iter().map(|s| s.earned).sum();
    let possible: u32 = scores.iter().map(|s| s.possible).sum();
    Evaluation {
        findings,
        rules,
        scores,
        overall: percent(earned, possible),
    }
}

/// The severity of a rule for these answers: its law's, then changed by the
/// first modifier that holds (a gap only), with the modifier's reason.
fn weigh<'b>(
    rule: &'b Rule,
    cited: &[Jurisdiction],
    scope: &dyn crate::condition::Scope,
) -> (Severity, Option<&'b Text>) {
    let base = rule.severity_for(cited);
    if !base.is_gap() {
        return (base, None);
    }
    rule.modifiers
        .iter()
        .find(|m| m.when.eval(scope) == Truth::True)
        .map_or((base, None), |m| (m.severity, Some(&m.because)))
}

/// The scope of entry `index` of a `for_each` rule's group.
fn entry_scope<'v>(
    bank: &'v Bank,
    visible: &'v Visible<'v>,
    rule: &Rule,
    index: usize,
) -> Option<EntryScope<'v>> {
    let question = bank.question(rule.for_each.as_deref()?)?;
    let entry = visible
        .answer(&question.id)
        .and_then(Answer::entries)?
        .get(index)?;
    Some(EntryScope::new(question, entry, visible))
}

/// For a `for_each` rule: the entries its condition holds in, and those a
/// "don't know" leaves undecided.
#[derive(Debug, Default)]
struct EntryOutcomes {
    applies: Vec<usize>,
    unknown: Vec<usize>,
}

fn entry_outcomes(bank: &Bank, visible: &Visible<'_>, rule: &Rule, group: &str) -> EntryOutcomes {
    let mut out = EntryOutcomes::default();
    let (Some(question), Some(entries)) = (
        bank.question(group),
        visible.answer(group).and_then(Answer::entries),
    ) else {
        return out;
    };
    for (i, entry) in entries.iter().enumerate() {
        let scope = EntryScope::new(question, entry, visible);
        match rule.when.eval(&scope) {
            Truth::True => out.applies.push(i),
            Truth::Unknown if reads_dont_know(&rule.when, &scope, entry) => out.unknown.push(i),
            _ => {}
        }
    }
    out
}

/// Whether a sub-question the entry condition reads was answered "don't know" in this entry.
fn reads_dont_know(
    condition: &Condition,
    scope: &EntryScope<'_>,
    entry: &crate::answer::Entry,
) -> bool {
    let mut found = false;
    condition.walk(None, &mut |c, group| {
        if let (Some(id), None) = (c.question(), group) {
            found |= entry.get(id).is_some_and(Answer::is_dont_know)
                || scope.answer(id).is_some_and(Answer::is_dont_know);
        }
    });
    found
}

/// A rule that cannot be decided because of a "don't know" is not listed to
/// verify, nor scored, where the rule it names in `dont_know_rule` applies to
/// that same answer (a "transfer to be checked" finding already asks it):
/// one unknown answer, one point in the report.
fn hand_over_dont_knows(bank: &Bank, rules: &mut [Finding<'_>], entries: &mut [EntryOutcomes]) {
    for k in 0..rules.len() {
        let Some(other) = rules[k].rule.dont_know_rule.as_deref() else {
            continue;
        };
        if rules[k].outcome != Outcome::ToVerify {
            continue;
        }
        let Some(j) = bank.rules.iter().position(|r| r.id == other) else {
            continue;
        };
        if rules[j].outcome != Outcome::Applies {
            continue;
        }
        if rules[k].rule.for_each.is_some() && rules[j].rule.for_each.is_some() {
            let covered = std::mem::take(&mut entries[j].applies);
            entries[k].unknown.retain(|i| !covered.contains(i));
            entries[j].applies = covered;
            if entries[k].unknown.is_empty() {
                rules[k].outcome = Outcome::NotAssessed;
            }
        } else {
            rules[k].outcome = Outcome::NotAssessed;
        }
    }
}

/// The score of an area. Rules that share a `requirement` (the alternatives
/// of one answer, or one duty under each law) count once: as a gap of the most
/// severe that applies, else to verify, else met at the weight of the most
/// severe of them.
fn score(area: &str, findings: &[Finding<'_>]) -> AreaScore {
    let mut groups: Vec<(&str, Vec<&Finding<'_>>)> = Vec::new();
    for f in findings
        .iter()
        .filter(|f| f.rule.area == area && f.severity.is_gap())
    {
        let key = f.rule.requirement.as_deref().unwrap_or(&f.rule.id);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(f),
            None => groups.push((key, vec![f])),
        }
    }
    let (mut earned, mut possible, mut gaps, mut checked) = (0, 0, 0, 0);
    for (_, members) in &groups {
        let heaviest = |outcome: Outcome| {
            members
                .iter()
                .filter(|f| f.outcome == outcome)
                .map(|f| f.severity.weight())
                .max()
        };
        if let Some(weight) = heaviest(Outcome::Applies) {
            possible += weight;
            gaps += 1;
        } else if let Some(weight) = heaviest(Outcome::ToVerify) {
            possible += weight;
        } else if let Some(weight) = heaviest(Outcome::DoesNotApply) {
            earned += weight;
            possible += weight;
        } else {
            continue;
        }
        checked += 1;
    }
    AreaScore {
        area: area.to_string(),
        score: if checked >= MIN_CHECKED {
            percent(earned, possible)
        } else {
            None
        },
        earned,
        possible,
        gaps,
        checked,
    }
}

fn percent(earned: u32, possible: u32) -> Option<u8> {
    (possible > 0).then(|| ((earned * 100 + possible / 2) / possible) as u8)
}

/// Whether the condition reads a question that earlier answers rule out: a
/// hidden top-level question, or a sub-question hidden in every entry of its group.
fn reads_ruled_out(condition: &Condition, visible: &Visible<'_>) -> bool {
    let mut found = false;
    condition.walk(None, &mut |c, group| {
        let Some(id) = c.question() else { return };
        found |= match group {
            None => visible.is_hidden(id),
            Some(g) => match (
                visible.group(g),
                visible.answer(g).and_then(Answer::entries),
            ) {
                (Some(question), Some(entries)) => entries
                    .iter()
                    .all(|entry| EntryScope::new(question, entry, visible).is_hidden(id)),
                _ => false,
            },
        };
    });
    found
}

/// Whether a question the condition reads was answered "don't know".
fn depends_on_dont_know(condition: &Condition, visible: &Visible<'_>) -> bool {
    let mut found = false;
    condition.walk(None, &mut |c, group| {
        let Some(id) = c.question() else { return };
        found |= match group {
            None => visible.answer(id).is_some_and(Answer::is_dont_know),
            Some(g) => visible
                .answer(g)
                .and_then(Answer::entries)
                .is_some_and(|entries| {
                    entries
                        .iter()
                        .any(|e| e.get(id).is_some_and(Answer::is_dont_know))
                }),
        };
    });
    found
}
