//! What a package installs besides the binary: shell completions and the manual
//! page, both generated from the clap definition of the command line so they
//! can never go stale. `.ci/deb-check` writes them into `target/assets` for
//! cargo-deb; nothing generated is committed.

use super::Cli;
use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};
use std::io::{self, Write};
use std::process::ExitCode;

/// Writes what `write` produces to standard output. A reader that stops early
/// (`privaudit man | head`) is not an error.
pub(super) fn print(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<ExitCode> {
    let mut buf = Vec::new();
    write(&mut buf)?;
    let mut out = io::stdout().lock();
    match out.write_all(&buf).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// The completion script of `shell` for every command and option.
pub(super) fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "privaudit", &mut buf);
    out.write_all(&buf)
}

/// The manual page, privaudit(1), in roff: the options of every command come
/// from clap, the prose around them from here.
pub(super) fn man_page(out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let source = format!("privaudit {}", cmd.get_version().unwrap_or_default());
    let man = Man::new(cmd.clone())
        .title("PRIVAUDIT")
        // No date, so that the page is the same whenever it is built; quoted,
        // or the fields after it would move up one place.
        .date("\"\"")
        .source(source.as_str())
        .manual("User Commands");
    // Each piece is rendered on its own, and roff starts each with the same
    // preamble (how to print an apostrophe): it is kept once, at the top.
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    let mut roff = Roff::new();
    roff.control("SH", ["NAME"]).text([roman(
        "privaudit - privacy assessment for small businesses, with a tailored report and security plan",
    )]);
    roff.control("SH", ["SYNOPSIS"]);
    for (name, args) in SYNOPSIS {
        roff.text([bold(*name), roman(" "), italic(*args)])
            .control("br", []);
    }
    roff.control("SH", ["DESCRIPTION"]);
    paragraphs(&mut roff, DESCRIPTION);
    roff.to_writer(&mut page)?;
    man.render_options_section(&mut page)?;

    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    paragraphs(
        &mut roff,
        &["Every command also takes --questions DIR, to use another question bank."],
    );
    roff.to_writer(&mut page)?;
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let mut heading = Roff::new();
        heading.control("SS", [format!("privaudit {}", sub.get_name()).as_str()]);
        heading.to_writer(&mut page)?;
        // The sections of the subcommand's own page, without their headings,
        // are the body of its subsection; --questions and --help, said once
        // above, are left out.
        let sub_man = Man::new(sub.clone().mut_args(|arg| {
            let said_above = matches!(arg.get_id().as_str(), "questions" | "help");
            arg.hide(said_above)
        }));
        let mut body = Vec::new();
        sub_man.render_synopsis_section(&mut body)?;
        body.extend_from_slice(b".PP\n");
        sub_man.render_description_section(&mut body)?;
        sub_man.render_options_section(&mut body)?;
        for line in String::from_utf8_lossy(&body).lines() {
            if !line.starts_with(".SH ") {
                writeln!(page, "{line}")?;
            }
        }
    }

    let mut roff = Roff::new();
    roff.control("SH", ["ENVIRONMENT"]);
    terms(&mut roff, ENVIRONMENT);
    roff.control("SH", ["FILES"]);
    terms(&mut roff, FILES);
    roff.control("SH", ["EXIT STATUS"]);
    terms(&mut roff, EXIT_STATUS);
    roff.control("SH", ["EXAMPLES"]);
    paragraphs(&mut roff, EXAMPLES);
    roff.to_writer(&mut page)?;
    man.render_version_section(&mut page)?;

    let page = String::from_utf8_lossy(&page).replace(PREAMBLE, "");
    out.write_all(PREAMBLE.as_bytes())?;
    for line in page.lines() {
        writeln!(out, "{}", code_in_bold(line))?;
    }
    Ok(())
}

/// The help texts quote commands and values in backticks, as in Markdown: in
/// the manual page they are set in bold instead.
fn code_in_bold(line: &str) -> String {
    if line.starts_with('.') || !line.matches('`').count().is_multiple_of(2) {
        return line.to_string();
    }
    let mut bold = false;
    line.chars()
        .fold(String::with_capacity(line.len()), |mut s, c| {
            if c == '`' {
                s.push_str(if bold { "\\fR" } else { "\\fB" });
                bold = !bold;
            } else {
                s.push(c);
            }
            s
        })
}

/// What roff puts before each rendered piece.
const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// Paragraphs of prose; a paragraph that starts with two spaces is commands,
/// shown as they are and indented.
fn paragraphs(roff: &mut Roff, texts: &[&str]) {
    for (i, text) in texts.iter().enumerate() {
        if let Some(commands) = text.strip_prefix("  ") {
            roff.control("RS", ["4"])
                .control("nf", [])
                .text([bold(commands)])
                .control("fi", [])
                .control("RE", []);
        } else {
            if i > 0 {
                roff.control("PP", []);
            }
            roff.text([roman(*text)]);
        }
    }
}

/// A list of terms and what they mean.
fn terms(roff: &mut Roff, items: &[(&str, &str)]) {
    for (term, text) in items {
        roff.control("TP", [])
            .text([bold(*term)])
            .text([roman(*text)]);
    }
}

const SYNOPSIS: &[(&str, &str)] = &[
    ("privaudit", "[--plain] [-l fr|en] [SESSION]"),
    (
        "privaudit report",
        "SESSION... [-o FILE] [-f md|json|pdf] [-l fr|en] [OPTIONS]",
    ),
    ("privaudit report", "--example [NAME] [-o FILE] [OPTIONS]"),
    (
        "privaudit",
        "list|validate|schema|coverage|strings|completions|man [OPTIONS]",
    ),
];

const DESCRIPTION: &[&str] = &[
    "privaudit asks about the personal information an organisation collects and why, consent, \
     sensitive information, security, third parties, retention, people's rights and incidents. \
     From the answers it writes a tailored compliance report and security plan: a score per area, \
     a prioritised action plan, and for each finding what to do and the provision behind it in \
     the GDPR (France and the EU), PIPEDA (Canada) and Law 25 (Québec).",
    "It works in French and English, offline: answers never leave the machine.",
    "Without a command, privaudit opens the full-screen wizard: start a new assessment, \
     resume a saved one, or open SESSION (created if it does not exist). \
     With --plain it asks the same questions one line at a time, for screen readers, \
     dumb terminals and slow SSH links. Every confirmed answer is saved at once; \
     reopening a session continues at the first unanswered question. \
     Press F1 in the wizard, or type ? in the plain mode, for help.",
];

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "PRIVAUDIT_DATA_DIR",
        "The folder sessions are saved in, instead of the platform data folder.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, the wizard uses no colours.",
    ),
];

const FILES: &[(&str, &str)] = &[(
    "~/.local/share/privaudit/sessions",
    "The saved sessions (JSON, readable by their owner only), unless PRIVAUDIT_DATA_DIR \
     or a path says otherwise.",
)];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "A command failed: an unreadable session, a bank with problems, a batch with a failed session.",
    ),
    (
        "2",
        "A usage error, or the wizard or the plain mode without a terminal.",
    ),
];

const EXAMPLES: &[&str] = &[
    "The bundled example's report, as PDF, then as Markdown in English:",
    "  privaudit report --example -o rapport.pdf\nprivaudit report --example --lang en -o report.md",
    "Every saved assessment, then one report per session, in a folder:",
    "  privaudit list\nprivaudit report *.json --out-dir reports --format pdf,md",
    "Completions for the current shell, when no package installed them:",
    "  source <(privaudit completions bash)",
];
