//! The texts of findings and chapters filled from the answers, in the
//! words of each law that the report cites.

use super::Ctx;
use crate::answer::Answer;
use crate::bank::Bank;
use crate::condition::Scope;
use crate::i18n::{Lang, ui};
use crate::law::{Citation, Jurisdiction};
use crate::rules::{Finding, template};
use std::collections::HashSet;

impl Ctx<'_> {
    /// A chapter's text with its vocabulary terms in the session's own legal words.
    pub(super) fn words(&self, text: &crate::i18n::Text) -> String {
        template::words(
            text.get(self.lang),
            self.bank,
            &self.visible,
            &self.session.organisation,
            self.lang,
        )
    }

    /// A text of the finding's rule filled from the answers; a finding on
    /// one entry reads that entry's sub-questions.
    pub(super) fn fill(&self, f: &Finding<'_>, text: &str) -> String {
        self.fill_under(f, text, None)
    }

    /// A text of the finding's rule, its vocabulary in the words of `law`
    /// when it is one law's own paragraph of a report under several.
    pub(super) fn fill_under(
        &self,
        f: &Finding<'_>,
        text: &str,
        law: Option<Jurisdiction>,
    ) -> String {
        let group = f
            .rule
            .for_each
            .as_deref()
            .and_then(|g| self.bank.question(g));
        let entry = group.zip(f.entry).and_then(|(g, i)| {
            self.visible
                .answer(&g.id)
                .and_then(Answer::entries)
                .and_then(|entries| entries.get(i))
        });
        let fill = |scope: &dyn crate::condition::Scope| {
            template::render(
                text,
                &template::Fill {
                    bank: self.bank,
                    scope,
                    group,
                    rule: &f.rule.when,
                    org: &self.session.organisation,
                    lang: self.lang,
                },
            )
        };
        let several = self.session.cited_jurisdictions().len() > 1;
        let under = law
            .filter(|_| several)
            .map(|law| UnderLaw::new(self.bank, &self.visible, law));
        let outer: &dyn crate::condition::Scope = match &under {
            Some(u) => u,
            None => &self.visible,
        };
        match (group, entry) {
            (Some(g), Some(entry)) => fill(&crate::condition::EntryScope::new(g, entry, outer)),
            _ => fill(outer),
        }
    }

    /// The finding, and why its severity differs from the rule's own when a
    /// modifier set it; a low priority's reason only if `reasons` (those the
    /// chapter gave) does not have it yet.
    pub(super) fn finding_text(&self, f: &Finding<'_>, reasons: &mut HashSet<String>) -> String {
        let mut text = self.fill(f, f.rule.finding.get(self.lang));
        if let Some(because) = f.because {
            let t = ui(self.lang);
            let word = t.severity(f.severity).to_lowercase();
            let sentence = t
                .severity_because
                .replace("{severity}", &word)
                .replace("{Severity}", &capitalise(&word))
                .replace("{because}", &self.fill(f, because.get(self.lang)));
            // A lowered priority gives its reason once a chapter; a raised
            // one, read on its own from the plan, gives it every time.
            let low = f.severity == crate::bank::Severity::Low;
            if !low || reasons.insert(sentence.clone()) {
                text.push(' ');
                text.push_str(&sentence);
            }
        }
        text
    }

    /// In a report under one law, a sentence need not say where it applies:
    /// « Dans l’Union européenne, notifiez… » reads « Notifiez… ».
    pub(super) fn one_law(&self, text: String) -> String {
        match self.session.cited_jurisdictions().as_slice() {
            [only] => without_territory(&text, *only, self.lang),
            _ => text,
        }
    }

    /// What to do in a few words: the rule's action, or its title when it has none.
    pub(super) fn task(&self, f: &Finding<'_>) -> String {
        let rule = f.rule;
        self.fill(
            f,
            rule.action.as_ref().unwrap_or(&rule.title).get(self.lang),
        )
    }

    /// The recommendation, followed by the notes for each jurisdiction cited.
    pub(super) fn recommendation(&self, f: &Finding<'_>) -> String {
        let rule = f.rule;
        let mut text = self.fill(f, rule.recommendation.get(self.lang));
        for j in self.session.cited_jurisdictions() {
            if let Some(note) = rule.jurisdiction_notes.get(&j) {
                text.push(' ');
                text.push_str(&self.fill_under(f, note.get(self.lang), Some(j)));
            }
        }
        text
    }

    /// The rule's citations for the jurisdictions cited; one line when no law has a provision.
    /// A citation written out may name the law of the organisation's own
    /// country through a vocabulary term, filled like the other texts.
    pub(super) fn refs(&self, f: &Finding<'_>) -> Vec<String> {
        let rule = f.rule;
        let cited = self.session.cited_jurisdictions();
        let citations: Vec<(Jurisdiction, &Citation)> = cited
            .into_iter()
            .filter_map(|j| rule.refs.get(&j).map(|c| (j, c)))
            .collect();
        if citations.iter().all(|(_, c)| **c == Citation::None) {
            return vec![ui(self.lang).no_legal_duty.to_string()];
        }
        citations
            .into_iter()
            .map(|(j, c)| self.fill_under(f, &c.render(j, self.lang), Some(j)))
            .collect()
    }

    pub(super) fn area_title(&self, id: &str) -> String {
        self.bank
            .area(id)
            .map_or_else(String::new, |a| self.words(&a.title))
    }
}

/// The answers as one law's own paragraph reads them: that law alone among
/// the jurisdictions, and the place of establishment only when it is under
/// that law (a Québec firm's paragraph on the GDPR says « sous-traitant »,
/// not Québec's « prestataire de services »).
struct UnderLaw<'s> {
    inner: &'s dyn crate::condition::Scope,
    jurisdictions: &'s str,
    only: Answer,
    /// The establishment question, when its answer is not under the law.
    elsewhere: Option<&'s str>,
}

impl<'s> UnderLaw<'s> {
    fn new(bank: &'s Bank, inner: &'s dyn crate::condition::Scope, law: Jurisdiction) -> Self {
        let bindings = &bank.manifest.bindings;
        let elsewhere = bindings.establishment.as_ref().and_then(|e| {
            let place = match inner.answer(&e.question) {
                Some(Answer::Text(place)) => Some(place),
                _ => None,
            };
            let under_law = place.and_then(|p| e.jurisdictions.get(p)) == Some(&law);
            (!under_law).then_some(e.question.as_str())
        });
        UnderLaw {
            inner,
            jurisdictions: &bindings.jurisdictions,
            only: Answer::Choices(vec![law.code().to_string()]),
            elsewhere,
        }
    }
}

impl crate::condition::Scope for UnderLaw<'_> {
    fn answer(&self, id: &str) -> Option<&Answer> {
        if id == self.jurisdictions {
            Some(&self.only)
        } else if Some(id) == self.elsewhere {
            None
        } else {
            self.inner.answer(id)
        }
    }

    fn is_hidden(&self, id: &str) -> bool {
        Some(id) == self.elsewhere || self.inner.is_hidden(id)
    }

    fn group(&self, id: &str) -> Option<&crate::bank::Question> {
        self.inner.group(id)
    }

    fn today(&self) -> Option<time::Date> {
        self.inner.today()
    }
}

/// `text` without the words that open a sentence by naming the law's
/// territory (« Au Québec, », "In the European Union, "), the sentence then
/// starting with a capital.
fn without_territory(text: &str, law: Jurisdiction, lang: Lang) -> String {
    let prefixes: &[&str] = match (law, lang) {
        (Jurisdiction::Eu, Lang::Fr) => &["Dans l’Union européenne, "],
        (Jurisdiction::Eu, Lang::En) => &["In the European Union, ", "In the EU, "],
        (Jurisdiction::Qc, Lang::Fr) => &["Au Québec, "],
        (Jurisdiction::Qc, Lang::En) => &["In Québec, "],
        (Jurisdiction::Ca, Lang::Fr) => &["Au Canada, "],
        (Jurisdiction::Ca, Lang::En) => &["In Canada, "],
    };
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let at_start = out.is_empty() || out.ends_with(". ");
        match prefixes.iter().find(|p| at_start && rest.starts_with(**p)) {
            Some(p) => {
                rest = &rest[p.len()..];
                let mut chars = rest.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    rest = chars.as_str();
                }
            }
            None => match rest.find(". ") {
                Some(end) => {
                    out.push_str(&rest[..end + 2]);
                    rest = &rest[end + 2..];
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            },
        }
    }
}

/// The text with its first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
