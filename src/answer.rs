//! Answers as stored in sessions, how they fit a question, and how they read.

use crate::bank::{Kind, Question, TextFormat};
use crate::i18n::{Lang, join_list, ui};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every answer of a session: question id to answer.
pub type Answers = BTreeMap<String, Answer>;

/// One group entry: sub-question id to answer.
pub type Entry = BTreeMap<String, Answer>;

/// An answer, in the JSON shape its question kind takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Answer {
    /// `yes_no`: `true` or `false`.
    Bool(bool),
    /// `number`.
    Number(f64),
    /// `text`, `long_text`, or the option id of a `single` question.
    Text(String),
    /// `multi`: the selected option ids.
    Choices(Vec<String>),
    /// `multi` with "other, specify": `{"selected": [...], "other": "..."}`.
    ChoicesOther(ChoicesOther),
    /// `group`: `{"entries": [{...}, ...]}`, in the order entered.
    Group(Group),
    /// Any kind: `{"dont_know": true}`.
    DontKnow(DontKnow),
}

/// A multiple choice with a free "other" text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoicesOther {
    /// The selected option ids.
    pub selected: Vec<String>,
    /// What "other" was specified as.
    pub other: String,
}

/// The entries of a repeatable group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The entries, in the order entered.
    pub entries: Vec<Entry>,
}

/// The "don't know" answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DontKnow {
    /// Always `true`.
    pub dont_know: bool,
}

impl Answer {
    /// The "don't know" answer.
    pub fn dont_know() -> Answer {
        Answer::DontKnow(DontKnow { dont_know: true })
    }

    /// Whether this is "don't know".
    pub fn is_dont_know(&self) -> bool {
        matches!(self, Answer::DontKnow(_))
    }

    /// The selected option ids of a multiple choice.
    pub fn selected(&self) -> Option<&[String]> {
        match self {
            Answer::Choices(ids) => Some(ids),
            Answer::ChoicesOther(c) => Some(&c.selected),
            _ => None,
        }
    }

    /// The entries of a group.
    pub fn entries(&self) -> Option<&[Entry]> {
        match self {
            Answer::Group(g) => Some(&g.entries),
            _ => None,
        }
    }

    /// Whether the answer says something: not "don't know", not blank, not an empty list.
    pub fn is_substantive(&self) -> bool {
        match self {
            Answer::DontKnow(_) => false,
            Answer::Text(s) => !s.trim().is_empty(),
            Answer::Number(n) => n.is_finite(),
            _ => true,
        }
    }

    /// Checks that the answer has the shape `question` takes; the error says why not.
    pub fn fits(&self, question: &Question) -> Result<(), String> {
        if let Answer::DontKnow(d) = self {
            return if d.dont_know {
                Ok(())
            } else {
                Err("`dont_know` must be true".into())
            };
        }
        let known = |id: &String| {
            question.options_from.is_some()
                || question.option(id).is_some()
                || (question.other && id == "other")
        };
        match (question.kind, self) {
            (Kind::YesNo, Answer::Bool(_)) => Ok(()),
            (Kind::Number, Answer::Number(n)) if n.is_finite() => {
                match (question.min, question.max) {
                    (Some(min), _) if *n < min => Err(format!(
                        "{} is below the minimum, {}",
                        format_number(*n, Lang::En),
                        format_number(min, Lang::En)
                    )),
                    (_, Some(max)) if *n > max => Err(format!(
                        "{} is above the maximum, {}",
                        format_number(*n, Lang::En),
                        format_number(max, Lang::En)
                    )),
                    _ => Ok(()),
                }
            }
            (Kind::Text | Kind::LongText, Answer::Text(_)) => Ok(()),
            (Kind::Single, Answer::Text(id)) if known(id) => Ok(()),
            (Kind::Single, Answer::Text(id)) => Err(format!("`{id}` is not one of its options")),
            (Kind::Multi, Answer::Choices(_) | Answer::ChoicesOther(_)) => {
                if matches!(self, Answer::ChoicesOther(_)) && !question.other {
                    return Err("it does not take an \"other\" text".into());
                }
                let ids = self.selected().unwrap_or_default();
                match ids.iter().find(|id| !known(id)) {
                    Some(id) => Err(format!("`{id}` is not one of its options")),
                    None => Ok(()),
                }
            }
            (Kind::Group, Answer::Group(g)) => {
                for (i, entry) in g.entries.iter().enumerate() {
                    for (sub_id, sub_answer) in entry {
                        let Some(sub) = question.sub(sub_id) else {
                            continue;
                        };
                        sub_answer
                            .fits(sub)
                            .map_err(|e| format!("entry {}, `{sub_id}`: {e}", i + 1))?;
                    }
                }
                Ok(())
            }
            (kind, _) => Err(format!(
                "a {} question does not take {}",
                kind_name(kind),
                self.shape()
            )),
        }
    }

    /// What this answer looks like, for error messages.
    fn shape(&self) -> &'static str {
        match self {
            Answer::Bool(_) => "true/false",
            Answer::Number(_) => "a number",
            Answer::Text(_) => "a string",
            Answer::Choices(_) | Answer::ChoicesOther(_) => "a list of options",
            Answer::Group(_) => "a list of entries",
            Answer::DontKnow(_) => "\"don't know\"",
        }
    }

    /// The answer as a reader sees it: option labels, "Oui"/"Yes", entry names.
    pub fn display(&self, question: &Question, lang: Lang) -> String {
        let t = ui(lang);
        let option_label = |id: &String| {
            question
                .option(id)
                .map_or_else(|| id.clone(), |o| o.label.get(lang).to_string())
        };
        match self {
            Answer::DontKnow(_) => t.dont_know.to_string(),
            Answer::Bool(true) => t.yes.to_string(),
            Answer::Bool(false) => t.no.to_string(),
            Answer::Number(n) => {
                let unit = question.unit.as_ref().map(|u| format!(" {}", u.get(lang)));
                format!("{}{}", format_number(*n, lang), unit.unwrap_or_default())
            }
            Answer::Text(s) if question.kind == Kind::Single => option_label(s),
            // A date as people write it: « 15 septembre 2025 », not 2025-09-15.
            Answer::Text(s) if question.format == Some(crate::bank::TextFormat::Date) => {
                let fmt = time::macros::format_description!("[year]-[month]-[day]");
                time::Date::parse(s.trim(), &fmt)
                    .map_or_else(|_| s.clone(), |d| crate::i18n::format_date(d, lang))
            }
            Answer::Text(s) => s.clone(),
            Answer::Choices(ids) if ids.is_empty() => t.none_of_these.to_string(),
            Answer::Choices(ids) => {
                join_items(&ids.iter().map(option_label).collect::<Vec<_>>(), lang)
            }
            Answer::ChoicesOther(c) => {
                let mut items: Vec<String> = c
                    .selected
                    .iter()
                    .filter(|id| *id != "other")
                    .map(option_label)
                    .collect();
                if !c.other.trim().is_empty() {
                    items.push(c.other.trim().to_string());
                }
                join_items(&items, lang)
            }
            Answer::Group(g) => {
                let names: Vec<String> = (0..g.entries.len())
                    .map(|i| entry_name(question, &g.entries, i, lang))
                    .collect();
                if names.is_empty() {
                    t.no_entries.to_string()
                } else {
                    join_list(&names, lang)
                }
            }
        }
    }
}

/// Joins option labels, which may be whole phrases: "a ; b" / "a; b".
fn join_items(items: &[String], lang: Lang) -> String {
    items.join(ui(lang).list_sep)
}

/// The name of entry `index` of a group: its label field, else "Third party 2".
pub fn entry_name(group: &Question, entries: &[Entry], index: usize, lang: Lang) -> String {
    let named = group
        .entry_label
        .as_ref()
        .and_then(|field| entries.get(index)?.get(field))
        .and_then(|a| match a {
            Answer::Text(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        });
    named.unwrap_or_else(|| {
        let item = group.item.as_ref().map_or("#", |t| t.get(lang));
        format!("{item} {}", index + 1)
    })
}

/// Formats a number without a useless ".0", with the language's decimal mark.
pub fn format_number(n: f64, lang: Lang) -> String {
    let s = if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    };
    if lang == Lang::Fr {
        s.replace('.', ",")
    } else {
        s
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::YesNo => "yes/no",
        Kind::Single => "single-choice",
        Kind::Multi => "multiple-choice",
        Kind::Text => "text",
        Kind::LongText => "long text",
        Kind::Number => "number",
        Kind::Group => "group",
    }
}

/// Checks a short text against a format; the error is a sentence for the user.
pub fn check_format(format: TextFormat, value: &str, lang: Lang) -> Result<(), String> {
    let value = value.trim();
    let ok = match format {
        TextFormat::Email => is_email(value),
        TextFormat::Date => {
            let fmt = time::macros::format_description!("[year]-[month]-[day]");
            time::Date::parse(value, &fmt).is_ok()
        }
        TextFormat::Url => is_url(value),
    };
    if ok {
        return Ok(());
    }
    let msg = match (format, lang) {
        (TextFormat::Email, Lang::Fr) => {
            "Adresse courriel invalide (exemple\u{a0}: nom@domaine.fr)."
        }
        (TextFormat::Email, Lang::En) => "Not a valid e-mail address (example: name@example.com).",
        (TextFormat::Date, Lang::Fr) => {
            "Date invalide\u{a0}: écrivez-la AAAA-MM-JJ (exemple\u{a0}: 2026-03-31)."
        }
        (TextFormat::Date, Lang::En) => {
            "Not a valid date: write it YYYY-MM-DD (example: 2026-03-31)."
        }
        (TextFormat::Url, Lang::Fr) => {
            "Adresse web invalide (exemple\u{a0}: https://www.exemple.fr)."
        }
        (TextFormat::Url, Lang::En) => {
            "Not a valid web address (example: https://www.example.com)."
        }
    };
    Err(msg.to_string())
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    !local.is_empty() && !s.chars().any(char::is_whitespace) && is_host(domain)
}

fn is_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    !s.chars().any(char::is_whitespace) && is_host(host)
}

fn is_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The id of the "other, specify" choice of a `multi` question.
pub const OTHER: &str = "other";

/// Why a typed answer is refused; each front end says it in its own words.
#[derive(Debug, Clone, PartialEq)]
pub enum TextError {
    /// Nothing typed for a question that needs an answer.
    Required,
    /// A number was expected.
    NotANumber,
    /// The number is below the question's minimum.
    BelowMin(f64),
    /// The number is above the question's maximum.
    AboveMax(f64),
    /// The text does not have the question's format (the message says why).
    Format(String),
}

/// The answer typed text gives to a text or number question: `None` when an
/// optional question is left empty.
pub fn parse_text(
    question: &Question,
    value: &str,
    lang: Lang,
) -> Result<Option<Answer>, TextError> {
    let value = value.trim();
    if value.is_empty() {
        return if question.optional {
            Ok(None)
        } else {
            Err(TextError::Required)
        };
    }
    if question.kind == Kind::Number {
        let n: f64 = value
            .replace([' ', '\u{a0}', '\u{202f}'], "")
            .replace(',', ".")
            .parse()
            .map_err(|_| TextError::NotANumber)?;
        if let Some(min) = question.min.filter(|m| n < *m) {
            return Err(TextError::BelowMin(min));
        }
        if let Some(max) = question.max.filter(|m| n > *m) {
            return Err(TextError::AboveMax(max));
        }
        return Ok(Some(Answer::Number(n)));
    }
    if let Some(format) = question.format {
        check_format(format, value, lang).map_err(TextError::Format)?;
    }
    Ok(Some(Answer::Text(value.to_string())))
}

/// A `multi` answer from the options ticked (`items` in display order, [`OTHER`]
/// among them when offered) and the text given for "other".
pub fn choices(
    items: &[String],
    checked: &std::collections::BTreeSet<String>,
    other: &str,
) -> Answer {
    let selected: Vec<String> = items
        .iter()
        .filter(|id| checked.contains(*id))
        .cloned()
        .collect();
    let other = other.trim();
    if checked.contains(OTHER) && !other.is_empty() {
        Answer::ChoicesOther(ChoicesOther {
            selected,
            other: other.to_string(),
        })
    } else {
        Answer::Choices(selected.into_iter().filter(|id| id != OTHER).collect())
    }
}
