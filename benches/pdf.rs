//! Speed and size of the PDF export, whole process, as a user runs it:
//! the bundled example (target: under 30 ms and 150 KB), stress sessions of
//! growing size (target: 200 kinds/500 third parties under 1 s, linear; 10,000
//! third parties under 2 s and 150 MB peak, with the peak RSS printed), and,
//! when the `typst` Python package is installed, the same example compiled by
//! Typst as a peer (`pip install typst`).
//!
//! `cargo bench --bench pdf` prints a table; nothing is asserted here. Set
//! `PRIVAUDIT_BENCH_OUT=DIR` to keep Typst's PDF and source there.

use privaudit::bank::Bank;
use privaudit::example;
use privaudit::report::{Block, BuildOptions, Report, Status, Style, build};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `command` `runs` times; returns the median and the fastest run.
fn time(runs: usize, mut command: impl FnMut() -> Command) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let mut c = command();
            c.stdout(Stdio::null()).stderr(Stdio::null());
            let start = Instant::now();
            let status = c.status().expect("the command runs");
            let elapsed = start.elapsed();
            assert!(status.success(), "{c:?} failed");
            elapsed
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

/// The largest resident set of any child process so far (the sizes grow, so
/// after each size it is that size's peak), on Unix.
fn peak_rss() -> String {
    #[cfg(unix)]
    {
        // SAFETY: getrusage writes into the zeroed struct it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } == 0 {
            // Kilobytes on Linux.
            return format!("{:.0} MB", usage.ru_maxrss as f64 / 1024.0);
        }
    }
    "n/a".to_string()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pages(path: &Path) -> usize {
    let doc = lopdf::Document::load(path).expect("a PDF");
    doc.get_pages().len()
}

fn main() {
    let binary = env!("CARGO_BIN_EXE_privaudit");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("example.pdf");
    let example = || {
        let mut c = Command::new(binary);
        c.args(["report", "--example", "--date", "2026-11-22", "-o"])
            .arg(&out);
        c
    };
    time(3, example);
    let (median, fastest) = time(41, example);
    let size = std::fs::metadata(&out).unwrap().len();
    println!("PDF export, whole process (release build, median of 41 runs)");
    println!(
        "  example ({}): {:.1} ms median, {:.1} ms fastest, {} pages, {:.1} KB",
        example::DEFAULT,
        ms(median),
        ms(fastest),
        pages(&out),
        size as f64 / 1024.0
    );

    let bank = Bank::embedded().unwrap();
    sizes(&bank, binary, dir.path());
    println!("  stress sessions (median of 5 runs; 3 for 10,000 third parties):");
    println!("    kinds  third parties  pages     size      time   per 100 entries  peak RSS");
    for (kinds, third) in [
        (50, 125),
        (100, 250),
        (200, 500),
        (400, 1000),
        (200, 10_000),
    ] {
        let session = example::stress(&bank, kinds, third).unwrap();
        let path = dir.path().join(format!("stress-{kinds}.json"));
        privaudit::session::save(&session, &path).unwrap();
        let pdf = dir.path().join(format!("stress-{kinds}.pdf"));
        let runs = if third >= 10_000 { 3 } else { 5 };
        let (median, _) = time(runs, || {
            let mut c = Command::new(binary);
            c.arg("report")
                .arg(&path)
                .args(["--date", "2026-11-22", "-o"])
                .arg(&pdf);
            c
        });
        let size = std::fs::metadata(&pdf).unwrap().len();
        println!(
            "    {kinds:>5}  {third:>13}  {:>5}  {:>6.0} KB  {:>6.1} ms  {:>6.2} ms  {:>12}",
            pages(&pdf),
            size as f64 / 1024.0,
            ms(median),
            ms(median) * 100.0 / (kinds + third) as f64,
            peak_rss()
        );
    }

    typst_peer(&bank, dir.path(), median);
}

/// Bytes per page of every bundled example in both languages (target: at
/// most 4 KB a page).
fn sizes(bank: &Bank, binary: &str, dir: &Path) {
    println!("  size per page of every example (fr, en):");
    let mut largest = 0;
    for name in example::names(bank) {
        let mut cells = Vec::new();
        for lang in ["fr", "en"] {
            let pdf = dir.join(format!("{name}-{lang}.pdf"));
            let status = Command::new(binary)
                .args(["report", "--example", name, "--lang", lang])
                .args(["--date", "2026-11-22", "-o"])
                .arg(&pdf)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("the command runs");
            assert!(status.success(), "{name} {lang}");
            let per_page = std::fs::metadata(&pdf).unwrap().len() as usize / pages(&pdf);
            largest = largest.max(per_page);
            cells.push(format!("{:>2} pages {:>5} B/page", pages(&pdf), per_page));
        }
        println!("    {name:<26} {}", cells.join("   "));
    }
    println!("    largest: {largest} B/page");
}

/// The same example through Typst, when its Python package is installed.
fn typst_peer(bank: &Bank, dir: &Path, ours: Duration) {
    let python = || {
        let mut c = Command::new("python3");
        c.stdout(Stdio::null()).stderr(Stdio::null());
        c
    };
    if !python()
        .args(["-c", "import typst"])
        .status()
        .is_ok_and(|s| s.success())
    {
        println!("  typst peer: skipped (pip install typst to compare)");
        return;
    }
    let session = example::open(bank, example::DEFAULT).unwrap();
    let report = build(
        bank,
        &session,
        BuildOptions {
            lang: session.lang,
            date: time::macros::date!(2026 - 11 - 22),
        },
    );
    let source = dir.join("example.typ");
    std::fs::write(&source, typst_source(&report)).unwrap();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    // Typst's own time is read inside each process, around the compile
    // call: subtracting the median start-up of other processes from the
    // median whole run swung by 30 ms from one run to the next.
    let script = format!(
        "import time, typst\nstart = time.perf_counter()\n\
         typst.compile({:?}, output={:?}, font_paths=[{:?}])\n\
         print(time.perf_counter() - start)",
        source.display().to_string(),
        dir.join("typst.pdf").display().to_string(),
        fonts.display().to_string()
    );
    let mut runs: Vec<(Duration, Duration)> = (0..11)
        .map(|_| {
            let start = Instant::now();
            let output = Command::new("python3")
                .args(["-c", &script])
                .stderr(Stdio::null())
                .output()
                .expect("python3 runs");
            let whole = start.elapsed();
            let seconds: f64 = String::from_utf8_lossy(&output.stdout)
                .trim()
                .parse()
                .expect("the script prints the compile time");
            (Duration::from_secs_f64(seconds), whole)
        })
        .collect();
    runs.sort();
    let compile = runs[runs.len() / 2].0;
    let mut wholes: Vec<Duration> = runs.iter().map(|r| r.1).collect();
    wholes.sort();
    let whole = wholes[wholes.len() / 2];
    if let Some(keep) = std::env::var_os("PRIVAUDIT_BENCH_OUT") {
        // To look at both documents side by side.
        let _ = std::fs::copy(dir.join("typst.pdf"), Path::new(&keep).join("typst.pdf"));
        let _ = std::fs::copy(&source, Path::new(&keep).join("example.typ"));
    }
    let size = std::fs::metadata(dir.join("typst.pdf")).unwrap().len();
    println!(
        "  typst peer, same example: {:.1} ms per process ({:.1} ms with Python's start-up), \
         {} pages, {:.1} KB; privaudit is {:.1}× faster",
        ms(compile),
        ms(whole),
        pages(&dir.join("typst.pdf")),
        size as f64 / 1024.0,
        compile.as_secs_f64() / ours.as_secs_f64()
    );
}

/// A Typst string literal, shown as text.
fn lit(text: &str) -> String {
    format!("#\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The report as Typst markup with the same content and a similar design.
fn typst_source(report: &Report) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "#set document(title: {title:?})\n\
         #set text(font: \"Noto Sans\", size: 10pt, lang: \"{lang}\")\n\
         #set page(paper: \"us-letter\", margin: 62pt, footer: context [#text(size: 8pt)[{org} #h(1fr) page #counter(page).display() / #counter(page).final().first()]])\n\
         #set heading(numbering: \"1.\")\n\
         #show heading.where(level: 1): it => {{ pagebreak(weak: true); text(size: 20pt, fill: rgb(\"#12456f\"), it) }}\n\
         #v(20%)\n#text(size: 28pt, weight: \"bold\")[{t}]\n\n#text(size: 14pt)[{sub}]\n\n#text(size: 22pt, weight: \"bold\")[{org}]\n\n",
        title = report.title,
        lang = report.lang.code(),
        t = lit(&report.title),
        sub = lit(&report.subtitle),
        org = lit(&report.meta.organisation),
    ));
    s.push_str(&format!(
        "#table(columns: 2, stroke: none, [Date], [{}], [{}], [{}])\n#pagebreak()\n#outline()\n",
        lit(&report.meta.date),
        lit("Cadre juridique"),
        lit(&report.meta.jurisdictions.join(" ; "))
    ));
    for section in &report.sections {
        s.push_str(&format!(
            "\n#heading(level: 1)[{}]\n\n",
            lit(&section.title)
        ));
        for block in &section.blocks {
            match block {
                Block::Heading { level, text } => {
                    s.push_str(&format!("#heading(level: {level})[{}]\n\n", lit(text)))
                }
                Block::Paragraph { spans } => {
                    for span in spans {
                        match span.style {
                            Style::Strong => s.push_str(&format!("#strong[{}]", lit(&span.text))),
                            Style::Plain => s.push_str(&lit(&span.text)),
                        }
                    }
                    s.push_str("\n\n");
                }
                Block::Bullets { items } => {
                    for item in items {
                        let text: String = item.iter().map(|sp| sp.text.as_str()).collect();
                        s.push_str(&format!("- {}\n", lit(&text)));
                    }
                    s.push('\n');
                }
                Block::Checklist { items } => {
                    s.push_str("#table(columns: (auto, 1fr, auto), stroke: none,\n");
                    for item in items {
                        let (mark, word) = match item.status {
                            Status::Done => ("☑", "En place"),
                            Status::Todo => ("☐", "À faire"),
                            Status::ToVerify => ("☐", "À vérifier"),
                        };
                        s.push_str(&format!("[{mark}], [{}], [*{word}*],\n", lit(&item.text)));
                    }
                    s.push_str(")\n\n");
                }
                Block::Table { header, rows } => {
                    s.push_str(&format!(
                        "#table(columns: {}, table.header({}),\n",
                        header.len(),
                        header
                            .iter()
                            .map(|h| format!("[*{}*]", lit(h)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    for row in rows {
                        let cells: Vec<String> =
                            row.iter().map(|c| format!("[{}]", lit(c))).collect();
                        s.push_str(&cells.join(", "));
                        s.push_str(",\n");
                    }
                    s.push_str(")\n\n");
                }
                Block::Answers { rows } => {
                    s.push_str("#table(columns: (35%, 1fr), stroke: none,\n");
                    for row in rows {
                        s.push_str(&format!("[{}], [{}", lit(&row.question), lit(&row.answer)));
                        if !row.note.is_empty() {
                            s.push_str(&format!(" \\ {}", lit(&row.note)));
                        }
                        s.push_str("],\n");
                    }
                    s.push_str(")\n\n");
                }
                Block::KeyFigures { figures } => {
                    s.push_str("#block(fill: luma(245), inset: 10pt, width: 100%, table(columns: 2, stroke: none,\n");
                    for f in figures {
                        s.push_str(&format!("[{}], [*{}*],\n", lit(&f.label), lit(&f.value)));
                    }
                    s.push_str("))\n\n");
                }
                Block::Scores { scores } => {
                    s.push_str("#table(columns: (35%, 1fr, auto), stroke: none,\n");
                    for bar in scores {
                        let score = bar.score.unwrap_or(0);
                        s.push_str(&format!(
                            "[{}], [#box(width: 100%, height: 9pt, fill: luma(228))[#box(width: {score}%, height: 9pt, fill: rgb(\"#2a8a4c\"))]], [*{score}/100*],\n",
                            lit(&bar.label)
                        ));
                    }
                    s.push_str(")\n\n");
                }
                Block::Actions { items } | Block::FirstSteps { items } => {
                    // The plan as a compact table, as the PDF sets it.
                    s.push_str("#table(columns: (auto, auto, 1fr, auto), table.header([*N°*], [*Priorité*], [*Action*], [*Domaine*]),\n");
                    for a in items {
                        s.push_str(&format!(
                            "[{}], [#text(fill: rgb(\"#bf2e26\"), weight: \"bold\")[{}]], [{}], [{}],\n",
                            a.number,
                            lit(&a.priority),
                            lit(&a.title),
                            lit(&a.area)
                        ));
                    }
                    s.push_str(")\n\n");
                }
                Block::Signature { facts } => {
                    s.push_str("#table(columns: 2, stroke: none,\n");
                    for (label, value) in facts {
                        s.push_str(&format!("[*{}*], [{}],\n", lit(label), lit(value)));
                    }
                    s.push_str("[*Validé par*], [#line(length: 60%)],\n)\n\n");
                }
                Block::Finding(f) => {
                    s.push_str(&format!(
                        "#block(stroke: (left: 3pt + rgb(\"#cc850d\")), inset: (left: 9pt), breakable: true)[*{}* — *{}* \\\n{} \\\n*Ce qu’il faut faire :* {} \\\n#text(size: 8.5pt, style: \"italic\")[{}]]\n\n",
                        lit(&f.label),
                        lit(&f.title),
                        lit(&f.finding),
                        lit(&f.recommendation),
                        lit(&f.refs.join(" ; "))
                    ));
                }
            }
        }
    }
    s
}
