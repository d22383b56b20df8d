//! Speed of the headless pipeline: load and validate the bank, evaluate the
//! rules, build the report, render Markdown; for the bundled example and for a
//! stress session (200 kinds of information, 500 third parties); and the whole
//! `privaudit report --example -f md` process. Then synthetic banks
//! (`benches/support/synth.rs`) in the shapes that once took exponential or
//! quadratic time: a group whose 40 sub-questions each depend on the one
//! before, 216 and 416 questions depending on the same six (`validate`, and
//! the structural load `report` does), and a choice of 100,000 options with
//! 50,000 ticked.

#[path = "support/synth.rs"]
mod synth;

use criterion::{Criterion, criterion_group, criterion_main};
use privaudit::bank::Bank;
use privaudit::example;
use privaudit::i18n::Lang;
use privaudit::render::markdown;
use privaudit::report::{BuildOptions, build};
use privaudit::rules::evaluate;
use privaudit::session::Session;
use std::hint::black_box;
use std::process::{Command, Stdio};

fn options() -> BuildOptions {
    BuildOptions {
        lang: Lang::Fr,
        date: time::macros::date!(2026 - 11 - 22),
    }
}

fn stages(c: &mut Criterion, name: &str, bank: &Bank, session: &Session) {
    c.bench_function(&format!("{name}/evaluate"), |b| {
        b.iter(|| evaluate(black_box(bank), black_box(&session.answers)))
    });
    c.bench_function(&format!("{name}/build"), |b| {
        b.iter(|| build(black_box(bank), black_box(session), options()))
    });
    let report = build(bank, session, options());
    c.bench_function(&format!("{name}/markdown"), |b| {
        b.iter(|| markdown::render(black_box(&report)))
    });
    c.bench_function(&format!("{name}/all"), |b| {
        b.iter(|| markdown::render(&build(black_box(bank), black_box(session), options())))
    });
}

fn pipeline(c: &mut Criterion) {
    c.bench_function("bank/load embedded", |b| {
        b.iter(|| Bank::embedded().unwrap())
    });
    let source = privaudit::bank::BankSource::embedded();
    c.bench_function("bank/validate every check", |b| {
        b.iter(|| Bank::load(black_box(&source)).unwrap())
    });
    let bank = Bank::embedded().unwrap();
    let session = example::open(&bank, example::DEFAULT).unwrap();
    stages(c, "example", &bank, &session);
    let stress = example::stress(&bank, 200, 500).unwrap();
    stages(c, "stress-200-500", &bank, &stress);

    synthetic(c);

    let binary = env!("CARGO_BIN_EXE_privaudit");
    c.bench_function("process/report --example -f md", |b| {
        b.iter(|| {
            let status = Command::new(binary)
                .args(["report", "--example", "-f", "md"])
                .stdout(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        })
    });
}

fn synthetic(c: &mut Criterion) {
    let chain = synth::Spec {
        chain: 40,
        ..Default::default()
    };
    let bank = Bank::load(&synth::source(&chain)).unwrap();
    let session = synth_session(&bank, &chain);
    stages(c, "chain-40", &bank, &session);

    for dependents in [208, 408] {
        let spec = synth::Spec {
            hubs: 6,
            dependents,
            ..Default::default()
        };
        let n = dependents + 8;
        let source = synth::source(&spec);
        c.bench_function(&format!("bank-{n}/validate every check"), |b| {
            b.iter(|| Bank::load(black_box(&source)).unwrap())
        });
        let dir = tempfile::tempdir().unwrap();
        synth::write(dir.path(), &spec);
        c.bench_function(&format!("bank-{n}/open folder (report, list)"), |b| {
            b.iter(|| Bank::from_dir(black_box(dir.path())).unwrap())
        });
        let bank = Bank::load(&source).unwrap();
        let session = synth_session(&bank, &spec);
        c.bench_function(&format!("bank-{n}/all"), |b| {
            b.iter(|| markdown::render(&build(black_box(&bank), black_box(&session), options())))
        });
    }

    let spec = synth::Spec {
        options: 100_000,
        ..Default::default()
    };
    let bank = Bank::load(&synth::source(&spec)).unwrap();
    let session = synth_session(&bank, &spec);
    stages(c, "options-100k", &bank, &session);
}

fn synth_session(bank: &Bank, spec: &synth::Spec) -> Session {
    let mut session = Session::new(
        bank,
        Lang::Fr,
        time::macros::datetime!(2026-11-22 10:00 UTC),
    );
    session.answers = serde_json::from_value(synth::answers(spec)).unwrap();
    session.sync_bindings(bank);
    session
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = pipeline
}
criterion_main!(benches);
