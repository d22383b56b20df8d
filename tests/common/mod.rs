//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pdf_text;
#[cfg(unix)]
pub mod pty;

use privaudit::answer::Answers;
use privaudit::bank::Bank;
use privaudit::i18n::Lang;
use privaudit::session::Session;
use std::path::{Path, PathBuf};

/// The small bank under tests/fixtures/mini-bank, which uses every question kind.
pub fn mini_bank() -> Bank {
    Bank::from_dir(&mini_bank_dir()).expect("the mini bank is valid")
}

/// Where the mini bank lives.
pub fn mini_bank_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-bank")
}

/// The bank compiled into the binary.
pub fn embedded() -> Bank {
    Bank::embedded().expect("the embedded bank is valid")
}

/// Answers from a JSON object literal.
pub fn answers(value: serde_json::Value) -> Answers {
    serde_json::from_value(value).expect("answers in session shape")
}

/// A fixed instant, so that tests do not depend on the clock.
pub fn instant() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-22 10:00 UTC)
}

/// A session of `bank` holding `answers`.
pub fn session_with(bank: &Bank, answers: Answers) -> Session {
    let mut s = Session::new(bank, Lang::Fr, instant());
    s.answers = answers;
    s.sync_bindings(bank);
    s
}

/// The first page's width and height of a PDF, in points.
pub fn page_size(bytes: &[u8]) -> (f32, f32) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let first = doc.get_pages()[&1];
    let media: Vec<f32> = doc
        .get_dictionary(first)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect();
    (media[2], media[3])
}
