//! Decides whether a condition can ever be true, by trying every distinct
//! answer to the questions it depends on (directly or through their own
//! conditions) and applying the interview's visibility rules to each.

use super::{Bank, Kind, Question};
use crate::answer::{Answer, Answers, ChoicesOther};
use crate::condition::{Condition, Truth};
use crate::flow::Visible;
use std::collections::{BTreeMap, BTreeSet};

/// Beyond this many combinations the check gives up and assumes reachable.
const MAX_COMBINATIONS: usize = 4096;

/// True when no answers make every condition in `conds` true together.
/// Conditions over group entries are not explored and count as reachable.
pub(crate) fn never_true(bank: &Bank, conds: &[&Condition]) -> bool {
    let mut involved: Vec<&Condition> = conds.to_vec();
    let mut closure: BTreeMap<usize, &Question> = BTreeMap::new();
    let mut stack: Vec<&str> = conds.iter().flat_map(|c| c.top_level_questions()).collect();
    while let Some(id) = stack.pop() {
        let (Some(q), Some(order)) = (bank.question(id), bank.order(id)) else {
            return false;
        };
        if closure.insert(order, q).is_none() {
            let section = bank.section_of(id).expect("indexed");
            for c in [section.when.as_ref(), q.when.as_ref()]
                .into_iter()
                .flatten()
            {
                involved.push(c);
                stack.extend(c.top_level_questions());
            }
        }
    }
    if involved.iter().any(|c| uses_entries(c)) {
        return false;
    }
    let mentioned = mentioned_values(&involved);
    let domains: Vec<(&str, Vec<Option<Answer>>)> = closure
        .values()
        .map(|q| (q.id.as_str(), domain(q, mentioned.get(q.id.as_str()))))
        .collect();
    let combinations = domains
        .iter()
        .try_fold(1usize, |acc, (_, d)| acc.checked_mul(d.len()));
    if combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return false;
    }
    let mut odometer = vec![0usize; domains.len()];
    loop {
        let answers: Answers = domains
            .iter()
            .zip(&odometer)
            .filter_map(|((id, values), &i)| values[i].clone().map(|a| (id.to_string(), a)))
            .collect();
        let visible = Visible::new(bank, &answers);
        if conds.iter().all(|c| c.eval(&visible) == Truth::True) {
            return false;
        }
        let Some(pos) = (0..domains.len())
            .rev()
            .find(|&k| odometer[k] + 1 < domains[k].1.len())
        else {
            return true;
        };
        odometer[pos] += 1;
        odometer[pos + 1..].iter_mut().for_each(|i| *i = 0);
    }
}

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
    let mut values = vec![None, Some(Answer::dont_know())];
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
    values
}
