//! Decides whether a condition can ever be true, by trying every distinct
//! answer to the questions it depends on (directly or through their own
//! conditions) and applying the interview's visibility rules to each.

use super::{Bank, Kind, Question, Section};
use crate::answer::{Answer, Answers, ChoicesOther};
use crate::condition::{Condition, Truth};
use crate::flow::Visible;
use std::collections::{BTreeMap, BTreeSet};

/// Beyond this many combinations of answers one search gives up and assumes reachable.
const MAX_COMBINATIONS: usize = 1 << 16;

/// How many combinations all the searches of one validation may try together:
/// a bound on the time `validate` takes (about a second) whatever the bank.
/// Answers that make a condition true are tried first, so a condition that
/// can be true usually costs a handful; only one that never is costs them all.
pub(crate) const BUDGET: usize = 1 << 20;

/// Every question's domain has at least two values (no answer, "don't know"),
/// so a closure of more questions than this has too many combinations.
const MAX_QUESTIONS: usize = MAX_COMBINATIONS.ilog2() as usize;

/// What the search concluded about a set of conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Some answers make every condition true together.
    Reachable,
    /// No answers do.
    Never,
    /// Not searched: the conditions depend on group entries, or on too many
    /// questions to try every combination of answers, or the validation's
    /// budget of combinations is spent. Taken as reachable.
    Unchecked,
}

/// Whether some answers make every condition in `conds` true together.
///
/// Only the questions the conditions depend on (directly or through their own
/// and their sections' conditions) are tried, at most [`MAX_COMBINATIONS`]
/// combinations of their answers, and each combination is evaluated over
/// those questions only: the cost of one search is bounded whatever the size
/// of the bank, so checking every question and rule is linear in the bank.
/// Each combination tried is taken from `budget`; none left, the answer is
/// `Unchecked`.
pub(crate) fn search(bank: &Bank, conds: &[&Condition], budget: &mut usize) -> Reach {
    let mut involved: Vec<&Condition> = conds.to_vec();
    let mut closure: BTreeMap<usize, (&Section, &Question)> = BTreeMap::new();
    let mut stack: Vec<&str> = conds.iter().flat_map(|c| c.top_level_questions()).collect();
    while let Some(id) = stack.pop() {
        let (Some(q), Some(order)) = (bank.question(id), bank.order(id)) else {
            return Reach::Unchecked;
        };
        if closure.contains_key(&order) {
            continue;
        }
        if closure.len() == MAX_QUESTIONS {
            return Reach::Unchecked;
        }
        let section = bank.section_of(id).expect("indexed");
        closure.insert(order, (section, q));
        for c in [section.when.as_ref(), q.when.as_ref()]
            .into_iter()
            .flatten()
        {
            involved.push(c);
            stack.extend(c.top_level_questions());
        }
    }
    if involved.iter().any(|c| uses_entries(c)) {
        return Reach::Unchecked;
    }
    let mentioned = mentioned_values(&involved);
    let domains: Vec<(&str, Vec<Option<Answer>>)> = closure
        .values()
        .map(|(_, q)| (q.id.as_str(), domain(q, mentioned.get(q.id.as_str()))))
        .collect();
    let combinations = domains
        .iter()
        .try_fold(1usize, |acc, (_, d)| acc.checked_mul(d.len()));
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return Reach::Unchecked;
    }
    let mut odometer = vec![0usize; domains.len()];
    loop {
        let Some(left) = budget.checked_sub(1) else {
            return Reach::Unchecked;
        };
        *budget = left;
        let answers: Answers = domains
            .iter()
            .zip(&odometer)
            .filter_map(|((id, values), &i)| values[i].clone().map(|a| (id.to_string(), a)))
            .collect();
        let visible = Visible::of(bank, &answers, closure.values().copied()).on(REACH_TODAY);
        if conds.iter().all(|c| c.eval(&visible) == Truth::True) {
            return Reach::Reachable;
        }
        let Some(pos) = (0..domains.len())
            .rev()
            .find(|&k| odometer[k] + 1 < domains[k].1.len())
        else {
            return Reach::Never;
        };
        odometer[pos] += 1;
        odometer[pos + 1..].iter_mut().for_each(|i| *i = 0);
    }
}

/// The date `older_than` conditions are judged on while searching.
const REACH_TODAY: time::Date = time::macros::date!(2000 - 01 - 01);

fn uses_entries(c: &Condition) -> bool {
    let mut found = false;
    c.walk(None, &mut |c, _| {
        found |= matches!(c, Condition::AnyEntry(_) | Condition::EveryEntry(_))
    });
    found
}

/// Values the conditions compare each question with.
#[derive(Default)]
struct Mentioned {
    texts: BTreeSet<String>,
    numbers: Vec<f64>,
}

fn mentioned_values<'c>(conds: &[&'c Condition]) -> BTreeMap<&'c str, Mentioned> {
    let mut out: BTreeMap<&str, Mentioned> = BTreeMap::new();
    for c in conds {
        c.walk(None, &mut |c, _| match c {
            Condition::Equals(e) => {
                out.entry(&e.question)
                    .or_default()
                    .texts
                    .insert(e.value.clone());
            }
            Condition::Includes(i) => {
                out.entry(&i.question)
                    .or_default()
                    .texts
                    .insert(i.option.clone());
            }
            Condition::AtLeast(n) | Condition::AtMost(n) => {
                out.entry(&n.question).or_default().numbers.push(n.value)
            }
            Condition::OlderThan(a) => {
                // An old date and a recent one, judged on REACH_TODAY.
                let texts = &mut out.entry(&a.question).or_default().texts;
                texts.insert("1900-01-01".into());
                texts.insert(REACH_TODAY.to_string());
            }
            _ => {}
        });
    }
    out
}

/// Every answer to `q` that a condition could tell apart, and no answer at all.
fn domain(q: &Question, mentioned: Option<&Mentioned>) -> Vec<Option<Answer>> {
    let texts: Vec<String> = mentioned
        .map(|m| m.texts.iter().cloned().collect())
        .unwrap_or_default();
    // Real answers first, the usual witnesses; no answer and "don't know" last.
    let mut values = Vec::new();
    match q.kind {
        Kind::YesNo => values.extend([Some(Answer::Bool(true)), Some(Answer::Bool(false))]),
        Kind::Single | Kind::Text | Kind::LongText => {
            values.extend(texts.iter().map(|t| Some(Answer::Text(t.clone()))));
            values.push(Some(Answer::Text("\u{1}unmentioned".into())));
        }
        Kind::Multi => {
            let n = texts.len().min(10);
            for mask in 0..(1usize << n) {
                let selected: Vec<String> = (0..n)
                    .filter(|b| mask & (1 << b) != 0)
                    .map(|b| texts[b].clone())
                    .collect();
                let answer = if selected.iter().any(|s| s == "other") && q.other {
                    Answer::ChoicesOther(ChoicesOther {
                        selected,
                        other: "x".into(),
                    })
                } else {
                    Answer::Choices(selected)
                };
                values.push(Some(answer));
            }
        }
        Kind::Number => {
            let mut points: Vec<f64> = mentioned
                .map(|m| {
                    m.numbers
                        .iter()
                        .flat_map(|v| [v - 1.0, *v, v + 1.0])
                        .collect()
                })
                .unwrap_or_default();
            points.push(0.0);
            points.sort_by(f64::total_cmp);
            points.dedup();
            values.extend(points.into_iter().map(|p| Some(Answer::Number(p))));
        }
        Kind::Group => values.push(Some(Answer::Group(Default::default()))),
    }
    values.extend([Some(Answer::dont_know()), None]);
    values
}
