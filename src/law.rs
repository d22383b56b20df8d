//! Jurisdictions and the legal citations a rule carries for each of them.

use crate::i18n::{Lang, Text, ui};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A legal framework the organisation falls under.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    /// European Union and France: RGPD / GDPR and the loi Informatique et Libertés.
    Eu,
    /// Canada, federal: LPRPDE / PIPEDA.
    Ca,
    /// Québec: Act respecting the protection of personal information in the private sector, as amended by Law 25.
    Qc,
}

impl Jurisdiction {
    /// Every jurisdiction, in report order.
    pub const ALL: [Jurisdiction; 3] = [Jurisdiction::Eu, Jurisdiction::Ca, Jurisdiction::Qc];

    /// The code used in files and conditions.
    pub fn code(self) -> &'static str {
        match self {
            Jurisdiction::Eu => "eu",
            Jurisdiction::Ca => "ca",
            Jurisdiction::Qc => "qc",
        }
    }

    /// Parses a code (`eu`, `ca`, `qc`).
    pub fn parse(code: &str) -> Option<Jurisdiction> {
        Jurisdiction::ALL.into_iter().find(|j| j.code() == code)
    }

    /// The name shown in a report: territory and law.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Jurisdiction::Eu, Lang::Fr) => "Union européenne (RGPD)",
            (Jurisdiction::Eu, Lang::En) => "European Union (GDPR)",
            (Jurisdiction::Ca, Lang::Fr) => "Canada (LPRPDE)",
            (Jurisdiction::Ca, Lang::En) => "Canada (PIPEDA)",
            (Jurisdiction::Qc, Lang::Fr) => "Québec (RLRQ c.\u{a0}P-39.1, modifiée par la Loi 25)",
            (Jurisdiction::Qc, Lang::En) => "Québec (CQLR c.\u{a0}P-39.1, as amended by Law 25)",
        }
    }

    /// The short name of the law, as used in front of a citation.
    pub fn law(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Jurisdiction::Eu, Lang::Fr) => "RGPD",
            (Jurisdiction::Eu, Lang::En) => "GDPR",
            (Jurisdiction::Ca, Lang::Fr) => "LPRPDE",
            (Jurisdiction::Ca, Lang::En) => "PIPEDA",
            (Jurisdiction::Qc, Lang::Fr) => "RLRQ c. P-39.1",
            (Jurisdiction::Qc, Lang::En) => "CQLR c. P-39.1",
        }
    }

    /// Whether this jurisdiction's law has citations of `form`.
    pub fn accepts(self, citation: &Citation) -> bool {
        match citation {
            Citation::Other(_) | Citation::None => true,
            Citation::Article(_) => self == Jurisdiction::Eu,
            Citation::Clause(_) => self == Jurisdiction::Ca,
            Citation::Section(_) => matches!(self, Jurisdiction::Ca | Jurisdiction::Qc),
        }
    }
}

/// One precise reference to a provision, or the statement that there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Citation {
    /// An article of the RGPD / GDPR, e.g. `"32(1)(b)"`.
    Article(String),
    /// A clause of PIPEDA Schedule 1 (the fair information principles), e.g. `"4.7.3"`.
    Clause(String),
    /// A section of the act itself: PIPEDA (e.g. `"10.1"`) or the Québec private sector act (e.g. `"3.5"`).
    Section(String),
    /// Any other precise reference, written out in full in each language.
    Other(Text),
    /// The law has no provision that matches; the report says so.
    None,
}

impl Citation {
    /// The citation as a reader sees it, e.g. "RGPD, art. 32" or "PIPEDA, Schedule 1, cl. 4.7".
    pub fn render(&self, jurisdiction: Jurisdiction, lang: Lang) -> String {
        let law = jurisdiction.law(lang);
        match (self, lang) {
            (Citation::Article(n), Lang::Fr) => format!("{law}, art.\u{a0}{n}"),
            (Citation::Article(n), Lang::En) => format!("{law}, Art.\u{a0}{n}"),
            (Citation::Clause(n), Lang::Fr) => format!("{law}, annexe\u{a0}1, art.\u{a0}{n}"),
            (Citation::Clause(n), Lang::En) => format!("{law}, Sch.\u{a0}1, cl.\u{a0}{n}"),
            (Citation::Section(n), Lang::Fr) => format!("{law}, art.\u{a0}{n}"),
            (Citation::Section(n), Lang::En) => format!("{law}, s.\u{a0}{n}"),
            (Citation::Other(text), _) => text.get(lang).to_string(),
            (Citation::None, Lang::Fr) => format!("{law}\u{a0}: {}", ui(lang).no_equivalent),
            (Citation::None, Lang::En) => format!("{law}: {}", ui(lang).no_equivalent),
        }
    }
}
