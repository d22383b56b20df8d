//! Mutation fuzzing of the session and bank loaders, bounded in time so that
//! it runs in every `cargo test`: every mutated file either loads and goes
//! through the whole pipeline (flow, rules, report, Markdown, sometimes PDF),
//! or is refused with a message; nothing panics, nothing hangs.
//!
//! `PRIVAUDIT_FUZZ_SECONDS=300 cargo test --release --test fuzz` runs longer.

mod common;

use privaudit::bank::{Bank, BankSource};
use privaudit::i18n::Lang;
use privaudit::session;
use std::path::Path;
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift64*), so that a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that make interesting JSON when spliced in.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "-5",
    "1e308",
    "-0",
    "NaN",
    "\"\"",
    "{\"dont_know\": true}",
    "{\"entries\": []}",
    "{\"entries\": [{}]}",
    "[\"other\"]",
    "\u{feff}",
    "\u{1b}[2J",
    "\\u0000",
    "\\ud800",
    "\u{202e}",
    "\"x\": 1",
    "\n",
    "99999999999999999999",
];

/// One mutation of `text`: flip a byte, cut a span, repeat a span, or splice a token.
fn mutate(text: &str, rng: &mut Rng) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let len = bytes.len().max(1);
        let at = rng.below(len);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let span = bytes[at.min(end)..end].to_vec();
                let to = rng.below(bytes.len().max(1));
                bytes.splice(to..to, span);
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let to = at.min(bytes.len());
                bytes.splice(to..to, token.iter().copied());
            }
        }
    }
    bytes
}

fn budget() -> Duration {
    let seconds = std::env::var("PRIVAUDIT_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    Duration::from_secs(seconds)
}

/// Everything a front end does with a loaded session.
fn exercise(bank: &Bank, mut session: session::Session, pdf: bool) {
    session.reconcile(bank);
    privaudit::flow::progress(bank, &session.answers);
    privaudit::flow::first_unanswered(bank, &session.answers);
    let options = privaudit::report::BuildOptions {
        lang: Lang::En,
        date: common::instant().date(),
    };
    let report = privaudit::report::build(bank, &session, options);
    privaudit::render::markdown::render(&report);
    privaudit::render::json::render(&report);
    if pdf {
        let options = privaudit::render::pdf::PdfOptions::new(
            privaudit::render::pdf::Paper::A4,
            common::instant(),
        );
        privaudit::render::pdf::render(&report, &options).expect("a PDF for a loadable session");
    }
}

#[test]
fn mutated_sessions_load_or_are_refused_and_never_panic() {
    let bank = common::embedded();
    let seeds: Vec<String> = privaudit::example::names(&bank)
        .into_iter()
        .map(|name| {
            let s = privaudit::example::open(&bank, name).unwrap();
            serde_json::to_string_pretty(&s).unwrap()
        })
        .collect();
    let mut rng = Rng(0x5eed_0001);
    let deadline = Instant::now() + budget();
    let (mut tries, mut loaded) = (0u32, 0u32);
    while tries < 200 || Instant::now() < deadline {
        let seed = &seeds[rng.below(seeds.len())];
        let bytes = mutate(seed, &mut rng);
        tries += 1;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match session::store::parse(text, Path::new("fuzz.json")) {
            Ok(s) => {
                loaded += 1;
                exercise(&bank, s, loaded % 40 == 0);
            }
            Err(e) => assert!(e.to_string().starts_with("fuzz.json"), "{e}"),
        }
    }
    eprintln!("{tries} mutated sessions, {loaded} loaded");
    assert!(
        loaded > 0,
        "no mutation ever loaded: the fuzzer tests nothing"
    );
}

#[test]
fn mutated_banks_load_or_are_refused_and_never_panic() {
    let original = BankSource::embedded();
    let bank = common::embedded();
    let example = privaudit::example::open(&bank, "atelier-pixel").unwrap();
    let mut rng = Rng(0x5eed_0002);
    let deadline = Instant::now() + budget();
    let (mut tries, mut loaded) = (0u32, 0u32);
    while tries < 50 || Instant::now() < deadline {
        let mut source = original.clone();
        let file = rng.below(source.files.len());
        let bytes = mutate(&source.files[file].text, &mut rng);
        tries += 1;
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        source.files[file].text = text;
        match Bank::load(&source) {
            Ok(mutated) => {
                loaded += 1;
                exercise(&mutated, example.clone(), false);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    eprintln!("{tries} mutated banks, {loaded} loaded");
    assert!(
        loaded > 0,
        "no mutation ever loaded: the fuzzer tests nothing"
    );
}
