//! The question bank: its model, where it is read from, and its validation.

mod locate;
mod model;
mod reach;
mod schema;
mod source;
mod validate;

pub use locate::{Pointer, Seg, duplicate_key, line_column, locate};
pub use model::*;
pub use schema::json_schema;
pub use source::{BankSource, Origin, ReadError, SourceFile};

use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// A loaded, valid question bank.
#[derive(Debug, Clone)]
pub struct Bank {
    /// `bank.json`.
    pub manifest: Manifest,
    /// The sections, in the order they are asked.
    pub sections: Vec<Section>,
    /// Every rule, in file then list order.
    pub rules: Vec<Rule>,
    /// The checklists the bank's coverage is measured against (`coverage.json`, optional).
    pub coverage: Coverage,
    /// Example sessions shipped with the bank (`examples/<name>.json`).
    pub examples: Vec<ExampleFile>,
    /// For each rule, the file it came from and its index there.
    rule_origins: Vec<(String, usize)>,
    /// Top-level question id to (section index, question index).
    index: HashMap<String, (usize, usize)>,
    /// Questions and rules whose reachability the deep check did not search.
    unchecked: Vec<String>,
}

/// An example session shipped with a bank, not yet parsed.
#[derive(Debug, Clone)]
pub struct ExampleFile {
    /// Its name: the file name without `.json`.
    pub name: String,
    /// The path shown to the user.
    pub path: String,
    /// The file's text.
    pub text: String,
}

/// One problem found in a bank, pointing at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as shown to the user.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The question, rule, area or section concerned, when there is one.
    pub id: Option<String>,
    /// What is wrong, as a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(id) = &self.id {
            write!(f, "`{id}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Why a bank could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    /// The folder or one of its files could not be read.
    #[error("cannot read the question bank: {0}")]
    Read(#[from] ReadError),
    /// The files were read but are not a valid bank.
    #[error("{}", Problems(.0))]
    Invalid(Vec<Problem>),
}

struct Problems<'a>(&'a [Problem]);

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the question bank has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for p in self.0 {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

/// A problem before its position is known: file, path inside it, id, message.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub rel: String,
    pub pointer: Pointer,
    pub id: Option<String>,
    pub message: String,
    /// A position already known (from the JSON parser), used instead of `pointer`.
    pub at: Option<(usize, usize)>,
}

/// Which checks a bank gets once parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checks {
    /// None: the built-in bank in a release build, checked by the tests.
    None,
    /// Ids, texts, kinds, references, condition order, cycles, rules.
    Structure,
    /// Also the search for questions never asked and rules never applied.
    Deep,
}

impl Bank {
    /// The jurisdictions the answers select, in report order; every
    /// jurisdiction when none is selected yet.
    pub fn jurisdictions_of(
        &self,
        answers: &crate::answer::Answers,
    ) -> Vec<crate::law::Jurisdiction> {
        let selected = answers
            .get(&self.manifest.bindings.jurisdictions)
            .and_then(crate::answer::Answer::selected)
            .unwrap_or_default();
        let chosen: Vec<crate::law::Jurisdiction> = crate::law::Jurisdiction::ALL
            .into_iter()
            .filter(|j| selected.iter().any(|id| id == j.code()))
            .collect();
        if chosen.is_empty() {
            crate::law::Jurisdiction::ALL.to_vec()
        } else {
            chosen
        }
    }

    /// The bank compiled into the binary. The test suite runs every check
    /// on it (`the_embedded_bank_is_valid`), so a release build only parses
    /// it: checking again on every run took a tenth of a report's export. A
    /// debug build, which someone editing `questions/` runs, still checks.
    pub fn embedded() -> Result<Bank, BankError> {
        let checks = if cfg!(debug_assertions) {
            Checks::Structure
        } else {
            Checks::None
        };
        Bank::load_with(&BankSource::embedded(), checks)
    }

    /// The bank in `dir` (a consultant's own), with the structural checks
    /// only: what `report`, `list` and the interview need. `privaudit
    /// validate` adds the reachability search ([`Bank::load`]).
    pub fn from_dir(dir: &Path) -> Result<Bank, BankError> {
        Bank::load_with(&BankSource::from_dir(dir)?, Checks::Structure)
    }

    /// The embedded bank, or the one in `dir` when given.
    pub fn open(dir: Option<&Path>) -> Result<Bank, BankError> {
        match dir {
            Some(dir) => Bank::from_dir(dir),
            None => Bank::embedded(),
        }
    }

    /// Parses and validates a bank, with every check; all problems found are reported at once.
    pub fn load(source: &BankSource) -> Result<Bank, BankError> {
        Bank::load_with(source, Checks::Deep)
    }

    /// Parses a bank and runs `checks` on it.
    fn load_with(source: &BankSource, checks: Checks) -> Result<Bank, BankError> {
        let (bank, raw) = parse(source);
        let raw = match bank {
            Some(bank) if raw.is_empty() && checks == Checks::None => return Ok(bank),
            Some(mut bank) if raw.is_empty() => {
                let found = validate::validate(&bank, checks == Checks::Deep);
                if found.raw.is_empty() {
                    bank.unchecked = found.unchecked;
                    return Ok(bank);
                }
                found.raw
            }
            _ => raw,
        };
        Err(BankError::Invalid(resolve(source, raw)))
    }

    /// The top-level question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index
            .get(id)
            .map(|&(s, q)| &self.sections[s].questions[q])
    }

    /// The section holding the top-level question `id`.
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        self.index.get(id).map(|&(s, _)| &self.sections[s])
    }

    /// The position of a top-level question in the interview (0 for the first).
    pub fn order(&self, id: &str) -> Option<usize> {
        let &(s, q) = self.index.get(id)?;
        Some(
            self.sections[..s]
                .iter()
                .map(|sec| sec.questions.len())
                .sum::<usize>()
                + q,
        )
    }

    /// Every top-level question with its section, in interview order.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.manifest.areas.iter().find(|a| a.id == id)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The questions and rules whose reachability [`Bank::load`] could not
    /// search, questions then rules, in bank order: their conditions read
    /// group entries, or depend on too many questions to try every
    /// combination of their answers (more than 65,536), or the search's
    /// overall budget (about a million combinations, a second or so) was
    /// spent. They are taken as reachable. Empty when the bank was loaded with
    /// the structural checks only.
    pub fn unchecked(&self) -> &[String] {
        &self.unchecked
    }

    /// `id@version`, as stamped in sessions.
    pub fn stamp(&self) -> String {
        format!("{}@{}", self.manifest.id, self.manifest.version)
    }
}

/// Reads every file; returns the bank if all parsed, and the parse problems.
fn parse(source: &BankSource) -> (Option<Bank>, Vec<Raw>) {
    let mut raw = Vec::new();
    let Some(manifest) = parse_file::<Manifest>(source, "bank.json", &mut raw) else {
        if source.file("bank.json").is_none() {
            raw.push(Raw::new(
                "bank.json",
                Pointer::default(),
                None,
                "the bank has no bank.json".into(),
            ));
        }
        return (None, raw);
    };
    let mut sections = Vec::new();
    let mut used = vec!["bank.json".to_string()];
    for (i, id) in manifest.sections.iter().enumerate() {
        let rel = format!("sections/{id}.json");
        if source.file(&rel).is_none() {
            let msg = format!("section `{id}` is listed but {rel} does not exist");
            raw.push(Raw::new(
                "bank.json",
                Pointer::default().at("sections").at(i),
                Some(id),
                msg,
            ));
        } else if let Some(section) = parse_file::<Section>(source, &rel, &mut raw) {
            sections.push(section);
        }
        used.push(rel);
    }
    let coverage = if source.file("coverage.json").is_some() {
        used.push("coverage.json".to_string());
        parse_file::<Coverage>(source, "coverage.json", &mut raw).unwrap_or_default()
    } else {
        Coverage::default()
    };
    let mut rules = Vec::new();
    let mut rule_origins = Vec::new();
    for file in source.files.iter().filter(|f| f.rel.starts_with("rules/")) {
        if let Some(rule_file) = parse_file::<RuleFile>(source, &file.rel, &mut raw) {
            for (i, rule) in rule_file.rules.into_iter().enumerate() {
                rules.push(rule);
                rule_origins.push((file.rel.clone(), i));
            }
        }
        used.push(file.rel.clone());
    }
    for file in &source.files {
        let known = used.contains(&file.rel) || file.rel.starts_with("examples/");
        if !known {
            let msg = "this file is not part of the bank: list it in bank.json `sections`, or move rules under rules/";
            raw.push(Raw::new(&file.rel, Pointer::default(), None, msg.into()));
        }
    }
    if !raw.is_empty() {
        return (None, raw);
    }
    let mut index = HashMap::new();
    for (s, section) in sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            index.entry(question.id.clone()).or_insert((s, q));
        }
    }
    let examples = source
        .files
        .iter()
        .filter_map(|f| {
            let name = f.rel.strip_prefix("examples/")?.strip_suffix(".json")?;
            Some(ExampleFile {
                name: name.to_string(),
                path: source.display_path(&f.rel),
                text: f.text.clone(),
            })
        })
        .collect();
    (
        Some(Bank {
            manifest,
            sections,
            rules,
            coverage,
            examples,
            rule_origins,
            index,
            unchecked: Vec::new(),
        }),
        raw,
    )
}

/// Parses one file, recording a positioned problem if it is not valid JSON of type `T`.
fn parse_file<T: DeserializeOwned>(
    source: &BankSource,
    rel: &str,
    raw: &mut Vec<Raw>,
) -> Option<T> {
    let text = &source.file(rel)?.text;
    // A file that parses does not pay for tracking the path to an error
    // (a tenth of a report's time for the built-in bank).
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return Some(value);
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => Some(value),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let (line, column) = (inner.line(), inner.column());
            let message = strip_position(&inner.to_string());
            let id = enclosing_id(text, &path).or_else(|| preceding_id(text, line, column));
            let message = if path == "." || inner.is_syntax() || inner.is_eof() {
                message
            } else {
                format!("{message} (at `{path}`)")
            };
            raw.push(Raw {
                rel: rel.to_string(),
                pointer: Pointer::default(),
                id,
                message,
                at: Some((line, column)),
            });
            None
        }
    }
}

/// serde_json appends " at line L column C"; the position is reported apart.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The `id` of the innermost object on `path` (`questions[2].options[0].label`) that has one.
fn enclosing_id(text: &str, path: &str) -> Option<String> {
    let root: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut value = &root;
    let mut found = None;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indices.split(['[', ']']).filter(|s| !s.is_empty()) {
            value = value.get(index.parse::<usize>().ok()?)?;
        }
        if let Some(id) = value.get("id").and_then(|v| v.as_str()) {
            found = Some(id.to_string());
        }
    }
    found
}

/// For text that is not valid JSON: the last `"id": "..."` before the error, if any.
fn preceding_id(text: &str, line: usize, column: usize) -> Option<String> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let offset = text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i);
    let key = text[..offset].rfind("\"id\"")?;
    let rest = text[key + 4..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

impl Raw {
    pub(crate) fn new(rel: &str, pointer: Pointer, id: Option<&str>, message: String) -> Raw {
        Raw {
            rel: rel.to_string(),
            pointer,
            id: id.map(str::to_string),
            message,
            at: None,
        }
    }
}

/// Gives each problem its line and column.
fn resolve(source: &BankSource, raw: Vec<Raw>) -> Vec<Problem> {
    raw.into_iter()
        .map(|r| {
            let text = source.file(&r.rel).map_or("", |f| f.text.as_str());
            let (line, column) = r.at.unwrap_or_else(|| locate(text, &r.pointer));
            let message = r.message;
            Problem {
                file: source.display_path(&r.rel),
                line,
                column,
                id: r.id,
                message,
            }
        })
        .collect()
}
