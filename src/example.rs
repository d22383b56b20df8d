//! Example sessions shipped with the bank, so a newcomer sees a real report at once.

use crate::bank::Bank;
use crate::session::{self, Session, SessionError};
use std::path::Path;

/// The example used when none is named.
pub const DEFAULT: &str = "atelier-pixel";

/// Why an example could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ExampleError {
    /// The bank has no example by that name.
    #[error("no example named `{name}`; {available}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The names the bank has.
        available: String,
    },
    /// The example is not a valid session.
    #[error(transparent)]
    Invalid(#[from] SessionError),
}

/// The names of the bank's examples.
pub fn names(bank: &Bank) -> Vec<&str> {
    bank.examples.iter().map(|e| e.name.as_str()).collect()
}

/// Problems with the bank's examples: files that are not sessions, answers that no longer fit.
pub fn check_all(bank: &Bank) -> Vec<String> {
    let mut problems = Vec::new();
    for example in &bank.examples {
        match open(bank, &example.name) {
            Err(e) => problems.push(e.to_string()),
            Ok(mut session) => problems.extend(session.reconcile(bank).into_iter().map(|r| {
                format!(
                    "{}: `{}`: the answer does not fit the bank: {}",
                    example.path, r.id, r.reason
                )
            })),
        }
    }
    problems
}

/// Opens the example `name` of the bank.
pub fn open(bank: &Bank, name: &str) -> Result<Session, ExampleError> {
    let Some(example) = bank.examples.iter().find(|e| e.name == name) else {
        return Err(ExampleError::Unknown {
            name: name.to_string(),
            available: match names(bank).join(", ") {
                list if list.is_empty() => "this question bank has no examples".to_string(),
                list => format!("examples in this bank: {list}"),
            },
        });
    };
    Ok(session::store::parse(
        &example.text,
        Path::new(&example.path),
    )?)
}

/// A large session for stress tests and benchmarks: the default example with
/// `kinds` kinds of information and `third_parties` third parties (built-in bank only).
pub fn stress(bank: &Bank, kinds: usize, third_parties: usize) -> Result<Session, ExampleError> {
    use crate::answer::{Answer, Entry, Group};
    let mut session = open(bank, DEFAULT)?;
    let text = |s: String| Answer::Text(s);
    let choices = |ids: &[&str]| Answer::Choices(ids.iter().map(|s| (*s).to_string()).collect());
    let info: Vec<Entry> = (1..=kinds)
        .map(|i| {
            Entry::from([
                (
                    "kind".to_string(),
                    text(format!("Type d’information n°\u{a0}{i}")),
                ),
                ("what".to_string(), choices(&["name", "contact"])),
                ("who_collects".to_string(), text("Accueil".into())),
                (
                    "purpose".to_string(),
                    text(format!("Finalité numéro {i}, décrite en quelques mots")),
                ),
                ("used_by".to_string(), text("Équipe".into())),
                ("storage".to_string(), choices(&["electronic", "cloud"])),
            ])
        })
        .collect();
    let countries = ["qc", "ca", "eu", "us", "other"];
    let parties: Vec<Entry> = (1..=third_parties)
        .map(|i| {
            let country = countries[i % countries.len()];
            let mut entry = Entry::from([
                ("name".to_string(), text(format!("Prestataire {i}"))),
                ("service".to_string(), text("Service en ligne".into())),
                ("country".to_string(), text(country.into())),
                ("role".to_string(), text("processor".into())),
                (
                    "info_shared".to_string(),
                    Answer::Choices(vec![format!(
                        "Type d’information n°\u{a0}{}",
                        1 + i % kinds.max(1)
                    )]),
                ),
                (
                    "clauses".to_string(),
                    choices(if i % 3 == 0 {
                        &["protect"]
                    } else {
                        &["protect", "audit", "purpose_only", "forward_requests"]
                    }),
                ),
            ]);
            if matches!(country, "us" | "other") {
                entry.insert(
                    "safeguards".into(),
                    text(if i % 2 == 0 { "scc" } else { "none" }.into()),
                );
            }
            entry
        })
        .collect();
    session
        .answers
        .insert("info.types".into(), Answer::Group(Group { entries: info }));
    session
        .answers
        .insert("tp.list".into(), Answer::Group(Group { entries: parties }));
    Ok(session)
}
