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
    #[error("no example named `{name}`; examples in this bank: {available}")]
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
    bank.examples
        .iter()
        .map(|(name, _)| name.as_str())
        .collect()
}

/// Opens the example `name` of the bank.
pub fn open(bank: &Bank, name: &str) -> Result<Session, ExampleError> {
    let Some((_, text)) = bank.examples.iter().find(|(n, _)| n == name) else {
        return Err(ExampleError::Unknown {
            name: name.to_string(),
            available: names(bank).join(", "),
        });
    };
    let path = format!("questions/examples/{name}.json");
    Ok(session::store::parse(text, Path::new(&path))?)
}
