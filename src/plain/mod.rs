//! The plain mode (`privaudit --plain`): the interview as a transcript, one
//! prompt per line, for screen readers, dumb terminals and slow links.
//!
//! Output goes through dialoguer's terminal layer (`dialoguer::console`);
//! answers are read as whole lines in the terminal's own line mode. dialoguer's
//! `Input` prompts erase themselves once answered, which a screen reader and a
//! transcript would both see, so nothing here moves the cursor or redraws.

mod group;
mod input;
pub mod interview;
pub mod strings;

use crate::bank::Bank;
use crate::i18n::Lang;
use crate::render::Format;
use crate::report::BuildOptions;
use crate::session::{Session, SessionFile, library};
use anyhow::Result;
use dialoguer::console::Term;
use interview::{Console, End, Interview};
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use strings::words;
use time::OffsetDateTime;

/// Standard output and standard input, a line at a time.
pub struct LineConsole {
    term: Term,
}

impl LineConsole {
    /// The console on standard output and input.
    pub fn new() -> LineConsole {
        LineConsole {
            term: Term::stdout(),
        }
    }
}

impl Default for LineConsole {
    fn default() -> Self {
        LineConsole::new()
    }
}

/// Everything the plain mode prints goes through here: organisation names,
/// answers and ids come from files and reach the terminal only as text.
impl Console for LineConsole {
    fn say(&mut self, text: &str) -> io::Result<()> {
        self.term.write_line(&crate::sanitize::terminal_lines(text))
    }

    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        self.term
            .write_str(&crate::sanitize::terminal_lines(prompt))?;
        self.term.flush()?;
        let mut line = String::new();
        if io::stdin().lock().read_line(&mut line)? == 0 {
            self.term.write_line("")?;
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
    }
}

/// Runs the plain interview on `path` (or a saved or new assessment chosen at
/// the prompt), saving after every answer.
pub fn run(bank: &Bank, path: Option<PathBuf>, lang: Option<Lang>) -> Result<()> {
    let mut console = LineConsole::new();
    let lang_now = lang.unwrap_or(Lang::Fr);
    let (mut file, mut session) = match path {
        Some(path) if path.exists() => SessionFile::open(&path, bank, lang_now)
            .map_err(|e| anyhow::anyhow!(e.describe(lang_now)))?,
        Some(path) => {
            let session = Session::new(bank, lang_now, OffsetDateTime::now_utc());
            let file = SessionFile::create(&path, &session)
                .map_err(|e| anyhow::anyhow!(e.describe(lang_now)))?;
            (file, session)
        }
        None => match choose(bank, lang_now, &mut console)? {
            Some(chosen) => chosen,
            None => return Ok(()),
        },
    };
    // --lang, when given, is the language of the interview and its report.
    if let Some(lang) = lang {
        session.lang = lang;
    }
    let w = words(session.lang);
    let retired = session.reconcile(bank);
    let path = file.path().to_path_buf();
    console.say(w.intro)?;
    console.say(w.commands)?;
    console.say(&format!("{} {}", w.saved_to, path.display()))?;
    if !retired.is_empty() {
        let ids: Vec<&str> = retired.iter().map(|r| r.id.as_str()).collect();
        console.say(&format!("{} {}", w.set_aside, ids.join(", ")))?;
    }
    if let Some(warning) = session.newer_bank_warning(bank, session.lang) {
        console.say(&warning)?;
    }
    let mut interview = Interview::new(bank, session, console, move |s: &Session| {
        file.save(s).map_err(|e| e.describe(s.lang))
    });
    let mut end = interview.run()?;
    while end == End::Finished {
        interview.console().say("")?;
        interview.console().say(w.finished)?;
        let colon = if interview.session.lang == Lang::Fr {
            "\u{a0}: "
        } else {
            ": "
        };
        let Some(choice) = interview
            .console()
            .ask(&format!("{}{colon}", w.finish_prompt))?
        else {
            return Ok(());
        };
        match choice.trim() {
            "r" | "R" => {
                if let Some(id) = interview.review()? {
                    end = interview.revise(&id)?;
                }
            }
            "" => {
                let session = interview.session.clone();
                let path = interview.saved_to().unwrap_or(path);
                return offer_export(bank, &session, &path, interview.console());
            }
            _ => return Ok(()),
        }
    }
    // The input ended before the last question.
    let path = interview.saved_to().unwrap_or(path);
    interview.console().say(&format!(
        "{} privaudit --plain {}",
        w.resume,
        path.display()
    ))?;
    Ok(())
}

/// Lists the saved assessments and opens one, or starts a new one.
fn choose(
    bank: &Bank,
    lang: Lang,
    console: &mut LineConsole,
) -> Result<Option<(SessionFile, Session)>> {
    let w = words(lang);
    let dir = library::sessions_dir();
    let saved = library::list(&dir, bank);
    console.say(w.sessions)?;
    console.say(&format!("  0. {}", w.new_assessment))?;
    for (n, s) in saved.iter().enumerate() {
        console.say(&format!(
            "  {}. {} — {} — {} — {}",
            n + 1,
            s.organisation,
            crate::i18n::percent(s.percent, lang),
            s.updated,
            s.file_name()
        ))?;
    }
    let colon = if lang == Lang::Fr { "\u{a0}: " } else { ": " };
    loop {
        let Some(line) = console.ask(&format!("{}{colon}", w.pick_session))? else {
            return Ok(None);
        };
        match line.trim().parse::<usize>() {
            Ok(0) => {
                let Some(name) = console.ask(&format!("{}{colon}", w.organisation_prompt))? else {
                    return Ok(None);
                };
                let session = Session::named(
                    bank,
                    lang,
                    name.trim().to_string(),
                    OffsetDateTime::now_utc(),
                );
                let file = library::create(&dir, &session)?;
                return Ok(Some((file, session)));
            }
            Ok(n) if n <= saved.len() => {
                return Ok(Some(SessionFile::open(&saved[n - 1].path, bank, lang)?));
            }
            _ => console.say(w.not_a_choice)?,
        }
    }
}

/// Offers to write the PDF report beside the session.
fn offer_export(
    bank: &Bank,
    session: &Session,
    path: &Path,
    console: &mut LineConsole,
) -> Result<()> {
    let w = words(session.lang);
    let stem = path
        .file_stem()
        .map_or("rapport".into(), |s| s.to_string_lossy().to_string());
    let default = path.with_file_name(format!("{stem}-rapport.pdf"));
    let colon = if session.lang == Lang::Fr {
        "\u{a0}: "
    } else {
        ": "
    };
    let prompt = w
        .export_prompt
        .replace("{path}", &default.display().to_string());
    let Some(line) = console.ask(&format!("{prompt}{colon}"))? else {
        return Ok(());
    };
    let line = line.trim();
    if ["n", "non", "no", "q"]
        .iter()
        .any(|no| line.eq_ignore_ascii_case(no))
    {
        return Ok(());
    }
    let target = match line {
        "" => default,
        // A name without a known extension gets `.pdf`.
        name if Format::from_path(Path::new(name)).is_none() => {
            PathBuf::from(format!("{name}.pdf"))
        }
        name => PathBuf::from(name),
    };
    let format = Format::from_path(&target).unwrap_or(Format::Pdf);
    let options = BuildOptions {
        lang: session.lang,
        date: crate::i18n::local_now().date(),
    };
    crate::render::export_session(bank, session, Some(path), options, format, &target)?;
    console.say(&format!("{} {}", w.exported, target.display()))?;
    Ok(())
}
