//! Writes the draft privacy policy from the answers, section by section, in
//! the order of GDPR art. 13, with what Québec's s. 8 and PIPEDA's 4.8 add.
//! What the answers do not say becomes a visible placeholder.

use super::model::{Block, Item, Policy, Section, Span};
use crate::answer::Answer;
use crate::documents::{EntryView, Reader, Value};
use crate::i18n::{Lang, colon, format_date};

mod complaint;
mod interests;
mod practices;
mod purposes;
mod requirement;
mod retention;
mod rights;
mod sharing;
mod who;
mod withdrawal;

/// French or English.
fn tr(lang: Lang, fr: &str, en: &str) -> String {
    match lang {
        Lang::Fr => fr.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A placeholder.
fn todo(lang: Lang, fr: &str, en: &str) -> Span {
    Value::to_fill(&tr(lang, fr, en), lang).into()
}

/// Builds the policy of the session read by `r`, dated `date`.
pub fn build(r: &Reader<'_>, date: time::Date) -> Policy {
    let lang = r.lang;
    let org = r.value("org.name");
    let pi = r.term("pi");
    // What the report says about the same answers, so that the policy never
    // publishes as a fact what the assessment finds wrong.
    let evaluation = crate::rules::evaluate_on(r.bank, &r.session.answers, date);
    let b = Builder {
        r,
        lang,
        pi: &pi,
        evaluation,
    };
    let mut sections = vec![b.identity(), b.contact(), b.purposes()];
    sections.extend(b.legitimate_interests());
    sections.push(b.recipients());
    sections.push(b.transfers());
    sections.push(b.retention());
    sections.push(b.rights());
    sections.push(b.withdrawal());
    sections.push(b.complaint());
    sections.push(b.requirement());
    sections.extend(b.automated());
    sections.extend(b.cookies());
    sections.extend(b.children());
    sections.push(b.security());
    sections.push(b.changes());
    // The date once; in English, day first outside Canada ("29 November 2026").
    let in_canada = established_in_canada(r);
    let dateline = match lang {
        Lang::Fr => format!("Version du {}", format_date(date, lang)),
        Lang::En if in_canada => format!("Version of {}", format_date(date, lang)),
        Lang::En => format!("Version of {} {} {}", date.day(), date.month(), date.year()),
    };
    let intro = match lang {
        Lang::Fr => format!(
            "Cette politique explique comment {} recueille, utilise, communique et conserve vos {pi}, et comment exercer vos droits.",
            org.text
        ),
        Lang::En => format!(
            "This policy explains how {} collects, uses, shares and keeps your {pi}, and how to exercise your rights.",
            org.text
        ),
    };
    let mut notes = Vec::new();
    if sections.iter().any(Section::to_fill) {
        notes.push(tr(
            lang,
            "Projet à compléter\u{a0}: les passages marqués [À COMPLÉTER\u{a0}: …] attendent une information que l’évaluation n’a pas donnée. Complétez-les et retirez cette note avant de publier la politique.",
            "Draft to complete: the passages marked [TO COMPLETE: …] await information the assessment did not give. Fill them in and remove this note before publishing the policy.",
        ));
    }
    // The answers typed in the interview's language cannot be translated here.
    if r.session.lang != lang {
        notes.push(tr(
            lang,
            // The interview's language says nothing sure about the answers' own.
            "Les réponses libres (noms des activités, fins, destinataires) sont reprises telles que vous les avez saisies\u{a0}: traduisez celles qui ne sont pas en français avant de publier.",
            "The free-text answers (names of activities, purposes, recipients) are repeated as you typed them: translate those that are not in English before publishing.",
        ));
    }
    let draft_note = (!notes.is_empty()).then(|| notes.join(" "));
    Policy {
        lang,
        title: tr(lang, "Politique de confidentialité", "Privacy policy"),
        organisation: org.text,
        dateline,
        intro,
        draft_note,
        sections,
    }
}

/// Writes the sections; each group of them lives in its own submodule.
struct Builder<'a> {
    r: &'a Reader<'a>,
    lang: Lang,
    pi: &'a str,
    evaluation: crate::rules::Evaluation<'a>,
}

impl Builder<'_> {
    /// French or English, in the policy's language.
    fn t(&self, fr: &str, en: &str) -> String {
        tr(self.lang, fr, en)
    }

    /// Whether the assessment's rule `id` applies to these answers (to entry
    /// `entry` of its group, for a rule checked entry by entry).
    fn fires(&self, id: &str, entry: Option<usize>) -> bool {
        self.evaluation
            .with_outcome(crate::rules::Outcome::Applies)
            .any(|f| f.rule.id == id && (entry.is_none() || f.entry == entry))
    }

    /// A placeholder, in the policy's language.
    fn todo(&self, fr: &str, en: &str) -> Span {
        todo(self.lang, fr, en)
    }

    /// English spelled as the reader writes it: "organization" in Canada,
    /// "organisation" in Ireland and the rest of Europe.
    fn spell(&self, text: &str) -> String {
        if self.lang == Lang::En && !established_in_canada(self.r) {
            text.replace("organization", "organisation")
        } else {
            text.to_string()
        }
    }

    /// The colon of the policy's language, spaced as it requires.
    fn colon(&self) -> &'static str {
        colon(self.lang)
    }

    /// A section answering `item`.
    fn section(&self, item: Item, title: String, blocks: Vec<Block>) -> Section {
        Section {
            item,
            title,
            blocks,
        }
    }

    /// The contact e-mail, or a placeholder.
    fn email(&self) -> Span {
        self.r.value("org.contact_email").into()
    }

    /// The activities carried out on the organisation's own behalf, and those for clients.
    fn activities(&self) -> (Vec<EntryView<'_>>, Vec<EntryView<'_>>) {
        self.r
            .entries("info.types")
            .into_iter()
            .partition(|e| e.answer("for_client") != Some(&Answer::Bool(true)))
    }

    /// One line of an activity: "Label : value".
    fn line(&self, label: &str, value: Span) -> Vec<Span> {
        self.line_of(label, vec![value])
    }

    /// One line of an activity whose value has several spans: "Label : value".
    fn line_of(&self, label: &str, value: Vec<Span>) -> Vec<Span> {
        let mut line = vec![format!("{label}{} ", self.colon()).into()];
        line.extend(value);
        line
    }

    /// The separator between the items of a list that already holds commas.
    fn semicolon(&self) -> &'static str {
        if self.lang == Lang::Fr {
            "\u{202f}; "
        } else {
            "; "
        }
    }

    /// A list of options read in the middle of a sentence: each item starts in
    /// lower case (« nom ; coordonnées »), unless it opens with an acronym (« CV »).
    fn in_sentence(&self, value: Value) -> Span {
        if value.to_fill {
            return value.into();
        }
        let sep = crate::i18n::ui(self.lang).list_sep;
        let items: Vec<String> = value.text.split(sep).map(decapitalize).collect();
        Span::from(items.join(sep))
    }

    /// The options ticked for `question`, none when it is unanswered.
    fn ticked(&self, question: &str) -> &[String] {
        self.r
            .answer(question)
            .and_then(Answer::selected)
            .unwrap_or_default()
    }

    /// The labels, in lower case, of the options `ids` of `question`.
    fn labels<'i>(&self, question: &str, ids: impl IntoIterator<Item = &'i String>) -> Vec<String> {
        let question = self.r.bank.question(question);
        ids.into_iter()
            .filter_map(|id| {
                question
                    .and_then(|q| q.option(id))
                    .map(|o| o.label.get(self.lang).to_lowercase())
            })
            .collect()
    }
}

/// `text` with its first letter in lower case, unless its first word is an
/// acronym or a name written in capitals (« CV », « IP »).
fn decapitalize(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// Whether the business is established in Québec or elsewhere in Canada.
fn established_in_canada(r: &Reader<'_>) -> bool {
    matches!(
        r.choice("org.establishment"),
        Some("quebec" | "canada_other")
    )
}
