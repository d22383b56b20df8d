//! The draft privacy policy as a renderer-neutral document.

use crate::documents::Value;
use crate::i18n::Lang;

/// What a section of the policy answers: the items of GDPR art. 13 in their
/// order, then what the other laws or good practice add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// Art. 13(1)(a): who is responsible, how to reach them (and the art. 27 representative).
    Identity,
    /// Art. 13(1)(b): the data protection officer, or the person in charge (Québec s. 3.1, PIPEDA 4.8.2).
    Contact,
    /// Art. 13(1)(c) and 14(1)(d): purposes, lawful bases, categories of data.
    Purposes,
    /// Art. 13(1)(d): the legitimate interests pursued.
    LegitimateInterests,
    /// Art. 13(1)(e): recipients.
    Recipients,
    /// Art. 13(1)(f): transfers outside the Union and their safeguards (and outside Québec or Canada).
    Transfers,
    /// Art. 13(2)(a): how long data are kept.
    Retention,
    /// Art. 13(2)(b): people's rights and how to use them.
    Rights,
    /// Art. 13(2)(c): withdrawing consent.
    Withdrawal,
    /// Art. 13(2)(d): complaint to the authority.
    Complaint,
    /// Art. 13(2)(e): whether the data are required, and what happens if not given.
    Requirement,
    /// Art. 13(2)(f): automated decisions.
    Automated,
    /// Cookies and other trackers (Québec s. 8.1, ePrivacy).
    Cookies,
    /// Children's information and a parent's consent.
    Children,
    /// How the information is protected.
    Security,
    /// How the policy changes.
    Changes,
}

impl Item {
    /// The items of GDPR art. 13, in the article's order.
    pub const ARTICLE_13: [Item; 12] = [
        Item::Identity,
        Item::Contact,
        Item::Purposes,
        Item::LegitimateInterests,
        Item::Recipients,
        Item::Transfers,
        Item::Retention,
        Item::Rights,
        Item::Withdrawal,
        Item::Complaint,
        Item::Requirement,
        Item::Automated,
    ];
}

/// A piece of text: said by the answers, or a placeholder to complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// A « [À COMPLÉTER : …] » placeholder.
    pub to_fill: bool,
}

impl From<Value> for Span {
    fn from(v: Value) -> Span {
        Span {
            text: v.text,
            to_fill: v.to_fill,
        }
    }
}

impl From<String> for Span {
    fn from(text: String) -> Span {
        Span {
            text,
            to_fill: false,
        }
    }
}

impl From<&str> for Span {
    fn from(text: &str) -> Span {
        Span::from(text.to_string())
    }
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Para(Vec<Span>),
    /// A sub-heading.
    Heading(String),
    /// A bulleted list.
    Bullets(Vec<Vec<Span>>),
}

/// One section of the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// What it answers.
    pub item: Item,
    /// Its heading.
    pub title: String,
    /// Its content.
    pub blocks: Vec<Block>,
}

impl Section {
    /// Every span of the section, in order.
    pub fn spans(&self) -> impl Iterator<Item = &Span> {
        self.blocks.iter().flat_map(|b| match b {
            Block::Para(spans) => spans.iter().collect::<Vec<_>>(),
            Block::Heading(_) => Vec::new(),
            Block::Bullets(items) => items.iter().flatten().collect(),
        })
    }

    /// The section's text, placeholders included.
    pub fn text(&self) -> String {
        self.spans().map(|s| s.text.as_str()).collect()
    }

    /// Whether a placeholder stands in the section.
    pub fn to_fill(&self) -> bool {
        self.spans().any(|s| s.to_fill)
    }
}

/// The whole policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Its language.
    pub lang: Lang,
    /// Its title.
    pub title: String,
    /// The organisation's name.
    pub organisation: String,
    /// "Version of 29 November 2026 — last updated…", under the title.
    pub dateline: String,
    /// The opening paragraph.
    pub intro: String,
    /// A note for whoever completes the draft, when placeholders remain.
    pub draft_note: Option<String>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}
