//! The draft privacy policy: every GDPR art. 13 item stated from the answers
//! or left visibly to complete, never invented; a standalone HTML page.

use privaudit::answer::{Answer, Group};
use privaudit::bank::Bank;
use privaudit::documents::Reader;
use privaudit::documents::policy::{self, Item, Policy};
use privaudit::i18n::Lang;
use privaudit::law::Jurisdiction;
use privaudit::session::Session;
use std::collections::BTreeMap;

const DATE: time::Date = time::macros::date!(2026 - 11 - 29);

fn policy_of(bank: &Bank, session: &Session, lang: Lang) -> Policy {
    policy::build(&Reader::new(bank, session, lang, DATE), DATE)
}

fn section(policy: &Policy, item: Item) -> Option<&policy::Section> {
    policy.sections.iter().find(|s| s.item == item)
}

/// Whether an activity of the session rests on legitimate interests.
fn relies_on_legitimate_interests(session: &Session) -> bool {
    session
        .answers
        .get("info.types")
        .and_then(Answer::entries)
        .unwrap_or_default()
        .iter()
        .any(|e| {
            e.get("basis")
                .and_then(Answer::selected)
                .is_some_and(|b| b.iter().any(|id| id == "legitimate_interests"))
        })
}

#[test]
fn every_article_13_item_is_in_every_example_policy_in_order() {
    let bank = Bank::embedded().unwrap();
    for name in privaudit::example::names(&bank) {
        let session = privaudit::example::open(&bank, name).unwrap();
        for lang in Lang::ALL {
            let policy = policy_of(&bank, &session, lang);
            let mut last = 0;
            for item in Item::ARTICLE_13 {
                if item == Item::LegitimateInterests && !relies_on_legitimate_interests(&session) {
                    assert!(
                        section(&policy, item).is_none(),
                        "{name}: interests without the basis"
                    );
                    continue;
                }
                let position = policy
                    .sections
                    .iter()
                    .position(|s| s.item == item)
                    .unwrap_or_else(|| panic!("{name} {lang:?}: no {item:?}"));
                assert!(position >= last, "{name}: {item:?} out of art. 13's order");
                last = position;
                assert!(
                    policy.sections[position].text().trim().len() > 20,
                    "{name}: {item:?} says nothing"
                );
            }
            for s in &policy.sections {
                for span in s.spans() {
                    assert!(
                        !span.text.contains("[À COMPLÉTER\u{a0}: [")
                            && !span.text.contains("[TO COMPLETE: ["),
                        "{name}: a placeholder inside a placeholder: {}",
                        span.text
                    );
                    assert_eq!(
                        span.to_fill,
                        span.text.contains("[À COMPLÉTER") || span.text.contains("[TO COMPLETE"),
                        "{name}: {}",
                        span.text
                    );
                }
            }
        }
    }
}

/// A session that answered only the organisation's name and its law.
fn bare(bank: &Bank, law: &str, establishment: Option<&str>) -> Session {
    let mut session = Session::named(
        bank,
        Lang::Fr,
        "Boulangerie Martin".into(),
        time::OffsetDateTime::UNIX_EPOCH,
    );
    let now = time::OffsetDateTime::UNIX_EPOCH;
    session.set_answer(
        bank,
        "org.jurisdictions",
        Answer::Choices(vec![law.into()]),
        now,
    );
    if let Some(place) = establishment {
        session.set_answer(bank, "org.establishment", Answer::Text(place.into()), now);
    }
    session
}

#[test]
fn an_unanswered_interview_leaves_every_article_13_item_to_complete() {
    let bank = Bank::embedded().unwrap();
    let session = bare(&bank, "eu", Some("eu_other"));
    let policy = policy_of(&bank, &session, Lang::Fr);
    for item in Item::ARTICLE_13 {
        if item == Item::LegitimateInterests {
            continue;
        }
        let s = section(&policy, item).unwrap_or_else(|| panic!("no {item:?}"));
        assert!(
            s.to_fill(),
            "{item:?} states something the answers do not say: {}",
            s.text()
        );
        assert!(s.text().contains("[À COMPLÉTER\u{a0}: "), "{item:?}");
    }
    assert!(policy.draft_note.is_some());
    let markdown = policy::markdown(&policy);
    assert!(
        markdown.contains("**\\[À COMPLÉTER\u{a0}: Adresse\\]**"),
        "{markdown}"
    );
}

#[test]
fn legitimate_interests_are_asked_for_not_made_up() {
    let bank = Bank::embedded().unwrap();
    let mut session = privaudit::example::open(&bank, "studio-lumen").unwrap();
    if let Some(Answer::Group(group)) = session.answers.get_mut("info.types") {
        group.entries[0].insert(
            "basis".into(),
            Answer::Choices(vec!["legitimate_interests".into()]),
        );
    }
    let policy = policy_of(&bank, &session, Lang::En);
    let interests = section(&policy, Item::LegitimateInterests).expect("the section");
    assert!(interests.to_fill());
    assert!(interests.text().contains("Demandes de contact"));
}

#[test]
fn an_invalid_transfer_mechanism_is_never_published_as_a_safeguard() {
    let bank = Bank::embedded().unwrap();
    let mut session = privaudit::example::open(&bank, "studio-lumen").unwrap();
    let mut entry = BTreeMap::new();
    entry.insert("name".to_string(), Answer::Text("Mailer Inc.".into()));
    entry.insert("role".to_string(), Answer::Text("processor".into()));
    entry.insert("country".to_string(), Answer::Text("us".into()));
    entry.insert(
        "info_shared".to_string(),
        Answer::Choices(vec!["Demandes de contact".into()]),
    );
    entry.insert(
        "safeguards".to_string(),
        Answer::Text("privacy_shield".into()),
    );
    match session.answers.get_mut("tp.list") {
        Some(Answer::Group(group)) => group.entries.push(entry),
        _ => {
            session.answers.insert(
                "tp.list".into(),
                Answer::Group(Group {
                    entries: vec![entry],
                }),
            );
        }
    }
    let policy = policy_of(&bank, &session, Lang::Fr);
    let transfers = section(&policy, Item::Transfers).unwrap();
    assert!(transfers.to_fill());
    assert!(transfers.text().contains("Mailer Inc. (États-Unis)"));
    assert!(transfers.text().contains("Privacy Shield a été invalidé"));
    let without = policy_of(
        &bank,
        &privaudit::example::open(&bank, "studio-lumen").unwrap(),
        Lang::Fr,
    );
    assert!(
        section(&without, Item::Transfers)
            .unwrap()
            .text()
            .contains("ne sont pas transférées hors de l’Union européenne")
    );
}

#[test]
fn each_law_gets_its_own_rights_and_authority() {
    let bank = Bank::embedded().unwrap();
    let cases = [
        (
            "boutique-en-ligne",
            Jurisdiction::Ca,
            "Commissariat à la protection de la vie privée du Canada",
            "RGPD",
        ),
        (
            "cabinet-comptable-quebec",
            Jurisdiction::Qc,
            "Commission d’accès à l’information",
            "RGPD",
        ),
        ("studio-lumen", Jurisdiction::Eu, "CNIL", "LPRPDE"),
    ];
    for (name, law, authority, foreign) in cases {
        let session = privaudit::example::open(&bank, name).unwrap();
        assert_eq!(session.cited_jurisdictions(), vec![law]);
        let policy = policy_of(&bank, &session, Lang::Fr);
        let markdown = policy::markdown(&policy);
        assert!(
            section(&policy, Item::Complaint)
                .unwrap()
                .text()
                .contains(authority),
            "{name}"
        );
        assert!(!markdown.contains(foreign), "{name} cites {foreign}");
    }
}

/// Checks that every element opened is closed in order (void elements aside).
fn balanced(html: &str) -> Result<(), String> {
    const VOID: [&str; 3] = ["meta", "br", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').ok_or("unclosed <")? + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if tag.starts_with('/') {
            match stack.pop() {
                Some(top) if top == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("left open: {stack:?}"))
    }
}

#[test]
fn the_html_page_is_standalone_well_formed_and_fits_a_phone() {
    let bank = Bank::embedded().unwrap();
    for name in privaudit::example::names(&bank) {
        let session = privaudit::example::open(&bank, name).unwrap();
        for lang in Lang::ALL {
            let html = policy::html(&policy_of(&bank, &session, lang));
            assert!(html.starts_with("<!DOCTYPE html>\n"));
            assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
            assert!(html.contains(
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            ));
            for external in ["<link", "<script", "src=", "url(", "@import"] {
                assert!(!html.contains(external), "{name}: {external}");
            }
            balanced(&html).unwrap_or_else(|e| panic!("{name} {lang:?}: {e}"));
            assert_eq!(
                html.matches("<mark>").count(),
                html.matches("</mark>").count()
            );
        }
    }
}

/// What HTML Tidy says of `html` (`tidy -errors -q`): `None` when it is
/// not installed, else its exit status and messages.
fn tidy(html: &str) -> Option<(std::process::ExitStatus, String)> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = match Command::new("tidy")
        .args(["-errors", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("cannot run tidy: {e}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(html.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    Some((out.status, said))
}

#[test]
fn the_html_page_passes_html_tidy_without_an_error_or_a_warning() {
    let bank = Bank::embedded().unwrap();
    let mut pages = vec![(
        "unanswered".to_string(),
        policy::html(&policy_of(
            &bank,
            &bare(&bank, "eu", Some("eu_other")),
            Lang::Fr,
        )),
    )];
    for name in privaudit::example::names(&bank) {
        let session = privaudit::example::open(&bank, name).unwrap();
        for lang in Lang::ALL {
            pages.push((
                format!("{name} {lang:?}"),
                policy::html(&policy_of(&bank, &session, lang)),
            ));
        }
    }
    for (what, html) in &pages {
        let Some((status, said)) = tidy(html) else {
            eprintln!(
                "SKIPPED: `tidy` (HTML Tidy, apt package tidy) is not installed, so the policy's HTML was not validated; .ci/run installs it"
            );
            return;
        };
        // 0: valid; 1: warnings; 2: errors.
        assert!(
            status.success() && said.trim().is_empty(),
            "{what}: {status}\n{said}"
        );
    }
    // The check can fail: a page Tidy finds wrong is reported.
    let broken = pages[0].1.replacen("</p>", "</b>", 1);
    let (status, said) = tidy(&broken).unwrap();
    assert!(!status.success() && said.contains("Warning"), "{said}");
}

#[test]
fn the_policy_command_writes_a_private_file_in_the_format_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("politique.html");
    assert_cmd::Command::cargo_bin("privaudit")
        .unwrap()
        .args(["policy", "--example", "harbour-yoga", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let output = assert_cmd::Command::cargo_bin("privaudit")
        .unwrap()
        .args([
            "policy",
            "--example",
            "harbour-yoga",
            "--date",
            "2026-11-29",
        ])
        .output()
        .unwrap();
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.starts_with("# Privacy policy — Harbour Yoga"));
    assert!(markdown.contains("Version 2026-11-29"));
}

/// The blocks the policy gives contact details obtained from others, as text,
/// and whether a placeholder stands in them.
fn other_sources(policy: &Policy) -> Option<(String, Vec<(String, bool)>)> {
    let purposes = section(policy, Item::Purposes)?;
    let start = purposes.blocks.iter().position(|b| {
        matches!(b, policy::Block::Heading(h)
            if h == "Coordonnées obtenues par d’autres" || h == "Contact details obtained from others")
    })?;
    let intro = match &purposes.blocks[start + 1] {
        policy::Block::Para(spans) => spans.iter().map(|s| s.text.as_str()).collect(),
        other => panic!("no paragraph: {other:?}"),
    };
    let policy::Block::Bullets(lines) = &purposes.blocks[start + 2] else {
        panic!("no list");
    };
    let lines = lines
        .iter()
        .map(|line| {
            (
                line.iter().map(|s| s.text.as_str()).collect(),
                line.iter().any(|s| s.to_fill),
            )
        })
        .collect();
    Some((intro, lines))
}

/// The line of `lines` that starts with `label`.
fn line<'a>(lines: &'a [(String, bool)], label: &str) -> &'a (String, bool) {
    lines
        .iter()
        .find(|(text, _)| text.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} in {lines:?}"))
}

#[test]
fn contact_details_from_others_get_their_categories_and_source_as_article_14_asks() {
    let bank = Bank::embedded().unwrap();
    // Logiciels Boréal prospects people whose details others gave it, and
    // says so in its first message; its inventory has no activity about prospects.
    let mut session = privaudit::example::open(&bank, "logiciels-boreal").unwrap();
    let policy = policy_of(&bank, &session, Lang::Fr);
    let (intro, lines) = other_sources(&policy).expect("the paragraph on other sources");
    assert!(intro.contains("obtenues par d’autres"), "{intro}");
    assert!(intro.contains("d’où viennent vos coordonnées"), "{intro}");
    let (text, to_fill) = line(&lines, "Source");
    assert!(
        *to_fill && text.contains("[À COMPLÉTER\u{a0}: d’où viennent"),
        "{text}"
    );
    let (text, to_fill) = line(&lines, "Ce que nous obtenons");
    assert!(
        *to_fill && text.contains("catégories de renseignements"),
        "{text}"
    );
    assert!(
        line(&lines, "Base légale").1,
        "the GDPR basis is asked for, not made up"
    );
    assert!(!line(&lines, "Pourquoi").1);

    // With an activity about prospects, its categories are those obtained;
    // without the first message, the policy does not promise one.
    let Some(Answer::Group(group)) = session.answers.get_mut("info.types") else {
        panic!("an inventory");
    };
    let mut prospects = group.entries[0].clone();
    prospects.insert("kind".into(), Answer::Text("Prospection".into()));
    prospects.insert("people".into(), Answer::Choices(vec!["prospects".into()]));
    prospects.insert(
        "what".into(),
        Answer::Choices(vec!["name".into(), "contact".into()]),
    );
    prospects.insert("for_client".into(), Answer::Bool(false));
    group.entries.push(prospects);
    session.answers.insert(
        "consent.other_sources".into(),
        Answer::Choices(vec!["source_recorded".into()]),
    );
    let policy = policy_of(&bank, &session, Lang::En);
    let (intro, lines) = other_sources(&policy).expect("the paragraph on other sources");
    assert!(!intro.contains("first message"), "{intro}");
    let (text, to_fill) = line(&lines, "What we obtain");
    assert!(
        !to_fill && text.contains("Name") && text.contains("Contact"),
        "{text}"
    );
    assert!(line(&lines, "Source").1);

    // Outside the GDPR, no GDPR lawful basis is asked for.
    session.set_answer(
        &bank,
        "org.jurisdictions",
        Answer::Choices(vec!["qc".into()]),
        time::OffsetDateTime::UNIX_EPOCH,
    );
    let policy = policy_of(&bank, &session, Lang::Fr);
    let (_, lines) = other_sources(&policy).expect("the paragraph on other sources");
    assert!(
        lines
            .iter()
            .all(|(text, _)| !text.starts_with("Base légale")),
        "{lines:?}"
    );

    // In the examples, the paragraph is there exactly when the answers say so.
    for name in privaudit::example::names(&bank) {
        let session = privaudit::example::open(&bank, name).unwrap();
        let prospects = session
            .answers
            .get("consent.secondary_uses")
            .and_then(Answer::selected)
            .is_some_and(|uses| uses.iter().any(|u| u == "other_sources"));
        for lang in Lang::ALL {
            let found = other_sources(&policy_of(&bank, &session, lang)).is_some();
            assert_eq!(found, prospects, "{name} {lang:?}");
        }
    }
}

/// Text as a reader extracts it, every run of spaces (non-breaking ones too) made one space.
fn flatten(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first page's width and height, in points.
fn page_size(bytes: &[u8]) -> (f32, f32) {
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

#[test]
fn the_pdf_policy_holds_every_section_and_placeholder_with_page_numbers_on_every_page() {
    use privaudit::render::pdf::Paper;
    let bank = Bank::embedded().unwrap();
    let created = time::macros::datetime!(2026-11-29 00:00 UTC);
    let bare = bare(&bank, "eu", Some("eu_other"));
    let cases = [
        (
            privaudit::example::open(&bank, "harbour-yoga").unwrap(),
            Lang::En,
        ),
        (
            privaudit::example::open(&bank, "atelier-pixel").unwrap(),
            Lang::Fr,
        ),
        (bare, Lang::Fr),
    ];
    for (session, lang) in cases {
        let policy = policy_of(&bank, &session, lang);
        let bytes = policy::pdf(&policy, Paper::A4, created).unwrap();
        let pages: Vec<String> = pdf_extract::extract_text_from_mem_by_pages(&bytes)
            .unwrap()
            .iter()
            .map(|p| flatten(&p.replace('•', " ")))
            .collect();
        // (Bullets are left out: a reader may extract one after its item's first line.)
        let text = pages.join(" ");
        let name = &policy.organisation;
        for needle in [&policy.title, &policy.organisation, &policy.dateline] {
            assert!(text.contains(&flatten(needle)), "{name}: no {needle}");
        }
        if let Some(note) = &policy.draft_note {
            assert!(text.contains(&flatten(note)), "{name}: no draft note");
        }
        for (i, section) in policy.sections.iter().enumerate() {
            let title = flatten(&format!("{}. {}", i + 1, section.title));
            assert!(text.contains(&title), "{name}: no section « {title} »");
            for span in section.spans().filter(|s| s.to_fill) {
                assert!(
                    text.contains(&flatten(&span.text)),
                    "{name}: placeholder « {} » missing",
                    span.text
                );
            }
        }
        // The footer numbers every page, the first one too.
        let total = pages.len();
        assert!(total > 1, "{name}: {total} page");
        for (n, page) in pages.iter().enumerate() {
            let number = match lang {
                Lang::Fr => format!("page {} sur {total}", n + 1),
                Lang::En => format!("page {} of {total}", n + 1),
            };
            assert!(page.contains(&number), "{name}: no « {number} » on {page}");
        }
    }
}

#[test]
fn placeholders_in_the_pdf_policy_are_bold_and_coloured_the_rest_is_not() {
    use privaudit::render::pdf::Paper;
    use privaudit::render::pdf::compose::compose_document;
    use privaudit::render::pdf::fonts::Face;
    use privaudit::render::pdf::page::Item;
    let bank = Bank::embedded().unwrap();
    let session = bare(&bank, "eu", Some("eu_other"));
    let policy = policy_of(&bank, &session, Lang::Fr);
    let layout = compose_document(&policy::pdf_document(&policy), Paper::A4.geometry());
    let texts: Vec<_> = layout
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Text { text, style, .. } => Some((text.as_str(), *style)),
            _ => None,
        })
        .collect();
    let body = texts
        .iter()
        .find(|(t, _)| t.contains("Cette politique explique"))
        .unwrap()
        .1;
    let marked: Vec<_> = texts
        .iter()
        .filter(|(t, _)| t.contains("COMPLÉTER"))
        .collect();
    assert!(marked.len() > 12, "{} placeholders", marked.len());
    for (text, style) in marked {
        assert_eq!(style.face, Face::Bold, "{text}");
        assert!(
            style.size == body.size && style.color != body.color,
            "{text}"
        );
    }
}

#[test]
fn the_policy_command_writes_a_pdf_on_the_session_s_paper_unless_told() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str], out: &std::path::Path| {
        assert_cmd::Command::cargo_bin("privaudit")
            .unwrap()
            .args(["policy", "--date", "2026-11-29"])
            .args(args)
            .arg("-o")
            .arg(out)
            .assert()
            .success();
        std::fs::read(out).unwrap()
    };
    // Québec and Canada: Letter; Ireland: A4; --paper wins; --format pdf
    // wins over the name.
    let letter = run(
        &["--example", "atelier-pixel"],
        &dir.path().join("politique.pdf"),
    );
    assert!(letter.starts_with(b"%PDF-"));
    assert_eq!(page_size(&letter), (612.0, 792.0));
    let a4 = run(
        &["--example", "harbour-yoga"],
        &dir.path().join("policy.pdf"),
    );
    assert!((page_size(&a4).0 - 595.28).abs() < 0.1);
    let asked = run(
        &[
            "--example",
            "atelier-pixel",
            "--paper",
            "a4",
            "--format",
            "pdf",
        ],
        &dir.path().join("politique.out"),
    );
    assert!((page_size(&asked).0 - 595.28).abs() < 0.1);
    let again = run(
        &["--example", "atelier-pixel"],
        &dir.path().join("encore.pdf"),
    );
    assert_eq!(
        letter, again,
        "the same session and date give the same bytes"
    );
    assert_eq!(
        std::fs::metadata(dir.path().join("politique.pdf"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
}
