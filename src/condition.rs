//! Conditions on answers, as structured JSON, and their three-valued evaluation.
//!
//! A condition is `True`, `False` or `Unknown`: a question not yet answered, or
//! answered "don't know", makes the conditions on it unknown rather than false,
//! so that a rule neither fires nor passes on a guess. A question that earlier
//! answers rule out (hidden) does not apply: every condition on it is false.

use crate::answer::{Answer, Entry};
use crate::bank::Question;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};

/// A condition on the answers, e.g. `{"all": [{"yes": "sec.paper"}, {"no": "sec.paper_locked"}]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The question has a real answer (not blank, not "don't know").
    Answered(String),
    /// The yes/no question was answered yes.
    Yes(String),
    /// The yes/no question was answered no.
    No(String),
    /// The question was answered "don't know".
    DontKnow(String),
    /// The single-choice or text question has this value (an option id for a choice).
    Equals(Equals),
    /// The multiple-choice question has this option selected.
    Includes(Includes),
    /// The number question is at least this value.
    AtLeast(Compare),
    /// The number question is at most this value.
    AtMost(Compare),
    /// The date question (`YYYY-MM-DD`) holds a date more than `months`
    /// months before the assessment's date (a policy last updated long ago).
    OlderThan(Age),
    /// At least one entry of the group satisfies the condition (sub-question ids in scope).
    AnyEntry(EntryTest),
    /// Every entry of the group satisfies the condition (true for no entries).
    EveryEntry(EntryTest),
}

/// Operand of `equals`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Equals {
    /// The question.
    pub question: String,
    /// The option id or text it must equal.
    pub value: String,
}

/// Operand of `includes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Includes {
    /// The multiple-choice question.
    pub question: String,
    /// The option id.
    pub option: String,
}

/// Operand of `at_least` and `at_most`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Compare {
    /// The number question.
    pub question: String,
    /// The bound, included.
    pub value: f64,
}

/// Operand of `older_than`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Age {
    /// The text question with `format: date`.
    pub question: String,
    /// The date is older when these many months after it is still before the assessment's date.
    pub months: u32,
}

/// Operand of `any_entry` and `every_entry`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryTest {
    /// The group question.
    pub group: String,
    /// The condition each entry is tested with.
    pub when: Box<Condition>,
}

/// A three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Truth {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// Cannot be told from the answers given.
    Unknown,
}

impl Truth {
    fn from_bool(b: bool) -> Truth {
        if b { Truth::True } else { Truth::False }
    }

    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// Where a condition looks answers up.
pub trait Scope {
    /// The answer to `id` if the question is visible and answered.
    fn answer(&self, id: &str) -> Option<&Answer>;
    /// Whether earlier answers rule the question `id` out (its condition is false).
    fn is_hidden(&self, id: &str) -> bool;
    /// The definition of the group question `id`.
    fn group(&self, id: &str) -> Option<&Question>;
    /// The date the answers are judged on (the assessment's), when known.
    fn today(&self) -> Option<time::Date> {
        None
    }
}

/// The scope of one group entry: its sub-questions first, then the outer scope.
///
/// Whether each sub-question is shown is worked out once per entry, in
/// question order, and remembered: a sub-question's condition may only read
/// earlier sub-questions, so each is evaluated once however the conditions
/// chain (a chain of N sub-questions each depending on the one before costs N
/// evaluations, not 2^N).
pub struct EntryScope<'a> {
    group: &'a Question,
    entry: &'a Entry,
    outer: &'a dyn Scope,
    /// The truth of each sub-question's condition, in the group's order, for
    /// the first `known.len()` sub-questions worked out so far.
    known: RefCell<Vec<Truth>>,
    /// Whether a sub-question's condition is being evaluated right now.
    busy: Cell<bool>,
}

impl<'a> EntryScope<'a> {
    /// The scope of `entry`, an entry of the group question `group`, inside `outer`.
    pub fn new(group: &'a Question, entry: &'a Entry, outer: &'a dyn Scope) -> EntryScope<'a> {
        EntryScope {
            group,
            entry,
            outer,
            known: RefCell::new(Vec::with_capacity(group.questions.len())),
            busy: Cell::new(false),
        }
    }

    /// Whether the sub-question at `index` of the group is shown for this
    /// entry: `True` shown, `False` ruled out by earlier answers, `Unknown`
    /// still waiting on one. Sub-questions are worked out in order, each once.
    pub fn truth(&self, index: usize) -> Truth {
        loop {
            let next = self.known.borrow().len();
            if index < next {
                return self.known.borrow()[index];
            }
            if self.busy.get() {
                // The condition of sub-question `next` reads itself or a later
                // one (a bank that skipped validation): unknown, not a loop.
                return Truth::Unknown;
            }
            let Some(sub) = self.group.questions.get(next) else {
                return Truth::Unknown;
            };
            self.busy.set(true);
            let truth = sub.when.as_ref().map_or(Truth::True, |c| c.eval(self));
            self.busy.set(false);
            self.known.borrow_mut().push(truth);
        }
    }

    /// The position of the sub-question `id` in the group, if it is one.
    fn index(&self, id: &str) -> Option<usize> {
        self.group.questions.iter().position(|q| q.id == id)
    }
}

impl Scope for EntryScope<'_> {
    fn answer(&self, id: &str) -> Option<&Answer> {
        let Some(index) = self.index(id) else {
            return self.outer.answer(id);
        };
        if self.truth(index) == Truth::True {
            self.entry.get(id)
        } else {
            None
        }
    }

    fn is_hidden(&self, id: &str) -> bool {
        match self.index(id) {
            Some(index) => self.truth(index) == Truth::False,
            None => self.outer.is_hidden(id),
        }
    }

    fn group(&self, id: &str) -> Option<&Question> {
        self.outer.group(id)
    }

    fn today(&self) -> Option<time::Date> {
        self.outer.today()
    }
}

impl Condition {
    /// Evaluates the condition against the answers in `scope`.
    pub fn eval(&self, scope: &dyn Scope) -> Truth {
        if let Some(q) = self.question()
            && scope.is_hidden(q)
        {
            return Truth::False;
        }
        match self {
            Condition::All(items) => fold_truths(false, items.iter().map(|c| c.eval(scope))),
            Condition::Any(items) => fold_truths(true, items.iter().map(|c| c.eval(scope))),
            Condition::Not(c) => c.eval(scope).not(),
            Condition::Answered(q) => {
                Truth::from_bool(scope.answer(q).is_some_and(Answer::is_substantive))
            }
            Condition::Yes(q) | Condition::No(q) => {
                let want = matches!(self, Condition::Yes(_));
                match scope.answer(q) {
                    Some(Answer::Bool(b)) => Truth::from_bool(*b == want),
                    _ => Truth::Unknown,
                }
            }
            Condition::DontKnow(q) => match scope.answer(q) {
                Some(a) => Truth::from_bool(a.is_dont_know()),
                None => Truth::Unknown,
            },
            Condition::Equals(e) => match scope.answer(&e.question) {
                Some(Answer::Text(s)) => Truth::from_bool(s.trim() == e.value),
                Some(Answer::DontKnow(_)) | None => Truth::Unknown,
                Some(_) => Truth::False,
            },
            Condition::Includes(i) => match scope.answer(&i.question).map(|a| (a, a.selected())) {
                Some((_, Some(ids))) => Truth::from_bool(ids.contains(&i.option)),
                Some((Answer::DontKnow(_), _)) | None => Truth::Unknown,
                Some(_) => Truth::False,
            },
            Condition::AtLeast(c) | Condition::AtMost(c) => match scope.answer(&c.question) {
                Some(Answer::Number(n)) if matches!(self, Condition::AtLeast(_)) => {
                    Truth::from_bool(*n >= c.value)
                }
                Some(Answer::Number(n)) => Truth::from_bool(*n <= c.value),
                _ => Truth::Unknown,
            },
            Condition::OlderThan(age) => match (scope.answer(&age.question), scope.today()) {
                (Some(Answer::Text(s)), Some(today)) => {
                    match parse_date(s).map(|d| add_months(d, age.months)) {
                        Some(Some(limit)) => Truth::from_bool(limit < today),
                        Some(None) => Truth::False,
                        None => Truth::Unknown,
                    }
                }
                _ => Truth::Unknown,
            },
            Condition::AnyEntry(t) | Condition::EveryEntry(t) => {
                let any = matches!(self, Condition::AnyEntry(_));
                let (Some(group), Some(entries)) = (
                    scope.group(&t.group),
                    scope.answer(&t.group).and_then(Answer::entries),
                ) else {
                    return Truth::Unknown;
                };
                let results = entries
                    .iter()
                    .map(|entry| t.when.eval(&EntryScope::new(group, entry, scope)));
                fold_truths(any, results)
            }
        }
    }

    /// The question a leaf condition names; `None` for `all`, `any`, `not`.
    pub fn question(&self) -> Option<&str> {
        match self {
            Condition::All(_) | Condition::Any(_) | Condition::Not(_) => None,
            Condition::Answered(q)
            | Condition::Yes(q)
            | Condition::No(q)
            | Condition::DontKnow(q) => Some(q),
            Condition::Equals(e) => Some(&e.question),
            Condition::Includes(i) => Some(&i.question),
            Condition::AtLeast(c) | Condition::AtMost(c) => Some(&c.question),
            Condition::OlderThan(a) => Some(&a.question),
            Condition::AnyEntry(t) | Condition::EveryEntry(t) => Some(&t.group),
        }
    }

    /// The conditions directly inside this one.
    pub fn children(&self) -> Vec<&Condition> {
        match self {
            Condition::All(items) | Condition::Any(items) => items.iter().collect(),
            Condition::Not(c) => vec![c],
            Condition::AnyEntry(t) | Condition::EveryEntry(t) => vec![&t.when],
            _ => vec![],
        }
    }

    /// Calls `f` on this condition and every one inside it, with the group whose entries are in scope.
    pub fn walk<'a>(
        &'a self,
        group: Option<&'a str>,
        f: &mut dyn FnMut(&'a Condition, Option<&'a str>),
    ) {
        f(self, group);
        let inner = match self {
            Condition::AnyEntry(t) | Condition::EveryEntry(t) => Some(t.group.as_str()),
            _ => group,
        };
        for child in self.children() {
            child.walk(inner, f);
        }
    }

    /// The top-level questions this condition reads (sub-questions of entries excluded).
    pub fn top_level_questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(None, &mut |c, group| {
            if let (Some(q), None) = (c.question(), group) {
                out.push(q);
            }
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// A `YYYY-MM-DD` date.
fn parse_date(text: &str) -> Option<time::Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format).ok()
}

/// The date `months` months after `date`, on the same day or the month's
/// last (2025-01-31 plus one month is 2025-02-28).
fn add_months(date: time::Date, months: u32) -> Option<time::Date> {
    let index =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(time::util::days_in_month(month, year));
    time::Date::from_calendar_date(year, month, day).ok()
}

/// Folds truths as `any` (when `any`) or as `all`, the way Kleene logic does.
fn fold_truths(any: bool, truths: impl Iterator<Item = Truth>) -> Truth {
    let (absorbing, identity) = if any {
        (Truth::True, Truth::False)
    } else {
        (Truth::False, Truth::True)
    };
    let mut result = identity;
    for t in truths {
        if t == absorbing {
            return absorbing;
        }
        if t == Truth::Unknown {
            result = Truth::Unknown;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// One answer to `policy.date`, judged on `today`.
    struct OneDate {
        answer: Answer,
        today: Option<time::Date>,
    }

    impl Scope for OneDate {
        fn answer(&self, id: &str) -> Option<&Answer> {
            (id == "policy.date").then_some(&self.answer)
        }
        fn is_hidden(&self, _: &str) -> bool {
            false
        }
        fn group(&self, _: &str) -> Option<&Question> {
            None
        }
        fn today(&self) -> Option<time::Date> {
            self.today
        }
    }

    fn older_than_12_months(answer: Answer, today: Option<time::Date>) -> Truth {
        let c = Condition::OlderThan(Age {
            question: "policy.date".into(),
            months: 12,
        });
        c.eval(&OneDate { answer, today })
    }

    #[test]
    fn a_date_is_older_once_the_months_after_it_have_passed() {
        let text = |s: &str| Answer::Text(s.into());
        let on = Some(date!(2026 - 03 - 15));
        assert_eq!(older_than_12_months(text("2025-03-15"), on), Truth::False);
        assert_eq!(older_than_12_months(text("2025-03-14"), on), Truth::True);
        assert_eq!(older_than_12_months(text("2019-05-10"), on), Truth::True);
        assert_eq!(older_than_12_months(text("2026-01-01"), on), Truth::False);
        // 31 January plus a month is the end of February.
        let c = Condition::OlderThan(Age {
            question: "policy.date".into(),
            months: 1,
        });
        let scope = |today| OneDate {
            answer: text("2025-01-31"),
            today: Some(today),
        };
        assert_eq!(c.eval(&scope(date!(2025 - 02 - 28))), Truth::False);
        assert_eq!(c.eval(&scope(date!(2025 - 03 - 01))), Truth::True);
    }

    #[test]
    fn an_unknown_date_or_day_cannot_be_judged() {
        let on = Some(date!(2026 - 03 - 15));
        assert_eq!(
            older_than_12_months(Answer::dont_know(), on),
            Truth::Unknown
        );
        assert_eq!(
            older_than_12_months(Answer::Text("mars 2024".into()), on),
            Truth::Unknown
        );
        assert_eq!(
            older_than_12_months(Answer::Text("2019-05-10".into()), None),
            Truth::Unknown
        );
    }
}
