//! Placeholders in findings and recommendations, filled from the answers:
//! `{org}` the organisation's name, `{answer:ID}` an answer as a reader sees it,
//! `{entries:GROUP/FIELD}` every entry of a group, `{matching:GROUP/FIELD}`
//! the entries that make the rule's own `any_entry` condition true,
//! `{missing:QUESTION/OPTION,OPTION...}` the listed options a multiple choice
//! leaves unticked, and `{term:ID}` a word of the bank's vocabulary in the
//! session's own legal terms. In a `for_each` rule, an entry's sub-questions
//! are in scope.

use crate::answer::{Answer, entry_name};
use crate::bank::{Bank, Kind, Question};
use crate::condition::{Condition, EntryScope, Scope, Truth};
use crate::i18n::{Lang, join_list, ui};

/// One piece of a template.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'t> {
    Literal(&'t str),
    Org,
    Answer(&'t str),
    Entries {
        group: &'t str,
        field: &'t str,
        matching: bool,
    },
    Missing {
        question: &'t str,
        options: Vec<&'t str>,
    },
    Term(&'t str),
}

fn parse(template: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        pieces.push(Piece::Literal(&rest[..open]));
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed `{{` in \"{template}\""))?
            + open;
        let inner = &rest[open + 1..close];
        let piece = match inner.split_once(':') {
            None if inner == "org" => Piece::Org,
            Some(("answer", id)) => Piece::Answer(id),
            Some(("term", id)) => Piece::Term(id),
            Some(("missing", path)) => {
                let (question, options) = path
                    .split_once('/')
                    .ok_or_else(|| format!("`{{{inner}}}` needs QUESTION/OPTION,OPTION..."))?;
                Piece::Missing {
                    question,
                    options: options.split(',').map(str::trim).collect(),
                }
            }
            Some((kind @ ("entries" | "matching"), path)) => {
                let (group, field) = path
                    .split_once('/')
                    .ok_or_else(|| format!("`{{{inner}}}` needs GROUP/FIELD"))?;
                Piece::Entries {
                    group,
                    field,
                    matching: kind == "matching",
                }
            }
            _ => {
                return Err(format!(
                    "unknown placeholder `{{{inner}}}` (use {{org}}, {{answer:ID}}, {{entries:GROUP/FIELD}}, {{matching:GROUP/FIELD}}, {{missing:QUESTION/OPTIONS}} or {{term:ID}})"
                ));
            }
        };
        pieces.push(piece);
        rest = &rest[close + 1..];
    }
    pieces.push(Piece::Literal(rest));
    Ok(pieces)
}

/// Checks a template's placeholders against the bank; `group` is the group
/// whose entry is in scope (a `for_each` rule's).
pub fn check(template: &str, bank: &Bank, group: Option<&Question>) -> Result<(), String> {
    let find = |id: &str| group.and_then(|g| g.sub(id)).or_else(|| bank.question(id));
    for piece in parse(template)? {
        match piece {
            Piece::Answer(id) if find(id).is_none() => {
                return Err(format!("placeholder names unknown question `{id}`"));
            }
            Piece::Entries { group, field, .. } => {
                let sub = bank
                    .question(group)
                    .filter(|g| g.kind == Kind::Group)
                    .and_then(|g| g.sub(field));
                if sub.is_none() {
                    return Err(format!(
                        "placeholder names `{group}/{field}`, which is not a sub-question of a group"
                    ));
                }
            }
            Piece::Missing { question, options } => {
                let Some(q) = find(question).filter(|q| q.kind == Kind::Multi) else {
                    return Err(format!(
                        "`{{missing:{question}/...}}` needs a multiple-choice question in scope"
                    ));
                };
                if let Some(bad) = options.iter().find(|o| q.option(o).is_none()) {
                    return Err(format!("`{question}` has no option `{bad}`"));
                }
            }
            Piece::Term(id) => {
                let Some(term) = bank.manifest.terms.get(id) else {
                    return Err(format!(
                        "placeholder names unknown term `{id}` (see `terms` in bank.json)"
                    ));
                };
                if let Some(entries) = &term.entry_of
                    && group.map(|g| &g.id) != Some(entries)
                {
                    return Err(format!(
                        "term `{id}` reads an entry of `{entries}`: only a rule with `\"for_each\": \"{entries}\"` may use it"
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// What a template is filled from.
pub struct Fill<'a> {
    /// The bank.
    pub bank: &'a Bank,
    /// The answers in scope: the session's, or one entry's inside them.
    pub scope: &'a dyn Scope,
    /// The group whose entry is in scope, if any.
    pub group: Option<&'a Question>,
    /// The condition of the rule the template belongs to.
    pub rule: &'a Condition,
    /// The organisation's name.
    pub org: &'a str,
    /// The language to write in.
    pub lang: Lang,
}

/// Fills a template.
pub fn render(template: &str, fill: &Fill<'_>) -> String {
    let Fill {
        bank,
        scope,
        group,
        rule,
        org,
        lang,
    } = *fill;
    let Ok(pieces) = parse(template) else {
        return template.to_string();
    };
    let find = |id: &str| group.and_then(|g| g.sub(id)).or_else(|| bank.question(id));
    let mut out = String::with_capacity(template.len() + 32);
    for piece in pieces {
        match piece {
            // A name ending with a full stop ("SupportDesk Inc.") ends the sentence too.
            Piece::Literal(s)
                if out.ends_with('.') && s.starts_with('.') && !s.starts_with("..") =>
            {
                out.push_str(&s[1..])
            }
            Piece::Literal(s) => out.push_str(s),
            Piece::Org => out.push_str(org),
            Piece::Answer(id) => match (find(id), scope.answer(id)) {
                (Some(q), Some(a)) => out.push_str(&a.display(q, lang)),
                _ => out.push_str(&ui(lang).not_answered.to_lowercase()),
            },
            Piece::Term(id) => {
                if let Some(term) = bank.manifest.terms.get(id) {
                    out.push_str(term.pick(scope).get(lang));
                }
            }
            Piece::Missing { question, options } => {
                let Some(q) = find(question) else { continue };
                let ticked = scope
                    .answer(question)
                    .and_then(Answer::selected)
                    .unwrap_or_default();
                let missing: Vec<String> = options
                    .iter()
                    .filter(|o| !ticked.iter().any(|t| t == *o))
                    .filter_map(|o| q.option(o))
                    .map(|o| o.label.get(lang).to_string())
                    .collect();
                out.push_str(&join_list(&missing, lang));
            }
            Piece::Entries {
                group,
                field,
                matching,
            } => {
                let Some(g) = bank.question(group) else {
                    continue;
                };
                let entries = scope
                    .answer(group)
                    .and_then(Answer::entries)
                    .unwrap_or_default();
                let filter = matching.then(|| entry_filter(rule, group)).flatten();
                let names: Vec<String> = entries
                    .iter()
                    .enumerate()
                    .filter(|(_, entry)| {
                        filter.is_none_or(|f| {
                            f.eval(&EntryScope::new(g, entry, scope)) == Truth::True
                        })
                    })
                    .map(|(i, entry)| match entry.get(field) {
                        Some(Answer::Text(s)) if !s.trim().is_empty() => s.trim().to_string(),
                        Some(a) if a.is_substantive() => g
                            .sub(field)
                            .map_or_else(String::new, |q| a.display(q, lang)),
                        _ => entry_name(g, entries, i, lang),
                    })
                    .collect();
                out.push_str(&join_list(&names, lang));
            }
        }
    }
    out
}

/// A question's help in the session's own legal words: `{term:ID}` filled
/// from the answers given so far, as the report fills it, so that the wizard
/// and the plain mode speak of « renseignements personnels » in Québec and
/// of « données personnelles » in France.
pub fn help_text(bank: &Bank, answers: &crate::answer::Answers, help: &str, lang: Lang) -> String {
    if !help.contains('{') {
        return help.to_string();
    }
    let visible = crate::flow::Visible::new(bank, answers);
    words(help, bank, &visible, "", lang)
}

/// A text that belongs to no rule (a chapter's title, a question's help)
/// filled from the answers in `scope`: its vocabulary terms in the
/// session's own legal words.
pub fn words(text: &str, bank: &Bank, scope: &dyn Scope, org: &str, lang: Lang) -> String {
    render(
        text,
        &Fill {
            bank,
            scope,
            group: None,
            rule: &Condition::All(Vec::new()),
            org,
            lang,
        },
    )
}

/// The entry condition of the rule's first `any_entry` on `group`.
fn entry_filter<'c>(rule: &'c Condition, group: &str) -> Option<&'c Condition> {
    let mut found = None;
    rule.walk(None, &mut |c, _| {
        if let Condition::AnyEntry(t) = c
            && t.group == group
            && found.is_none()
        {
            found = Some(t.when.as_ref());
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_placeholder() {
        let pieces = parse("A {org} B {answer:x.y} {entries:g/name}{matching:g/f}.").unwrap();
        assert_eq!(pieces[1], Piece::Org);
        assert_eq!(pieces[3], Piece::Answer("x.y"));
        assert_eq!(
            pieces[5],
            Piece::Entries {
                group: "g",
                field: "name",
                matching: false
            }
        );
        assert_eq!(
            pieces[7],
            Piece::Entries {
                group: "g",
                field: "f",
                matching: true
            }
        );
    }

    #[test]
    fn a_name_ending_with_a_full_stop_ends_the_sentence() {
        let bank = crate::bank::Bank::embedded().unwrap();
        let answers = crate::answer::Answers::new();
        let visible = crate::flow::Visible::new(&bank, &answers);
        let fill = Fill {
            bank: &bank,
            scope: &visible,
            group: None,
            rule: &Condition::All(Vec::new()),
            org: "SupportDesk Inc.",
            lang: Lang::En,
        };
        assert_eq!(render("Ask {org}.", &fill), "Ask SupportDesk Inc.");
        assert_eq!(render("Ask {org}...", &fill), "Ask SupportDesk Inc....");
        assert_eq!(render("{org}. Then", &fill), "SupportDesk Inc. Then");
    }

    #[test]
    fn rejects_unknown_and_unclosed_placeholders() {
        assert!(
            parse("{nom}")
                .unwrap_err()
                .contains("unknown placeholder `{nom}`")
        );
        assert!(parse("texte {org").unwrap_err().contains("unclosed"));
    }
}
