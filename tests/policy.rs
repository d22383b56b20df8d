//! The draft privacy policy: every GDPR art. 13 item stated from the answers
//! or left visibly to complete, never invented; a standalone HTML page.

mod common;

use common::page_size;
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
                if item == Item::Automated && session.cited_jurisdictions() == [Jurisdiction::Ca] {
                    assert!(
                        section(&policy, item).is_none(),
                        "{name}: PIPEDA alone asks nothing about automated decisions"
                    );
                    continue;
                }
                if item == Item::LegitimateInterests {
                    let relies = relies_on_legitimate_interests(&session);
                    if section(&policy, item).is_none() {
                        // Absent: no activity rests on legitimate interests, or
                        // the assessment rejects each one, and the purposes then
                        // leave the basis to complete and say why.
                        let purposes = section(&policy, Item::Purposes).unwrap();
                        let why = [
                            "l’intérêt légitime ne",
                            "legitimate interests are not",
                            "legitimate interests cannot",
                        ];
                        assert!(
                            !relies
                                || (purposes.to_fill()
                                    && why.iter().any(|w| purposes.text().contains(w))),
                            "{name} {lang:?}: interests rejected without the basis to complete"
                        );
                        continue;
                    }
                    assert!(relies, "{name} {lang:?}: interests without the basis");
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
    assert!(
        markdown.contains("Version of 29 November 2026"),
        "{markdown}"
    );
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
        !to_fill && text.contains("name") && text.contains("contact details"),
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
        let pages: Vec<String> = common::pdf_text::pages_text(&bytes)
            .iter()
            .map(|p| flatten(&p.replace('•', " ")))
            .collect();
        // (Bullets are left out: a reader may extract one after its item's first line.)
        let name = &policy.organisation;
        // The running footer taken out, so that a line continued on the next
        // page reads on (the footer is checked on its own below).
        let total = pages.len();
        let text = pages
            .iter()
            .enumerate()
            .map(|(n, page)| {
                let number = match lang {
                    Lang::Fr => format!("page {} sur {total}", n + 1),
                    Lang::En => format!("page {} of {total}", n + 1),
                };
                flatten(&page.replace(&format!("{} {number}", flatten(name)), " "))
            })
            .collect::<Vec<_>>()
            .join(" ");
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

/// The text of a section of an example's policy.
fn example_section(bank: &Bank, name: &str, lang: Lang, item: Item) -> policy::Section {
    let session = privaudit::example::open(bank, name).unwrap();
    let policy = policy_of(bank, &session, lang);
    section(&policy, item)
        .unwrap_or_else(|| panic!("{name}: no {item:?}"))
        .clone()
}

/// The bullet of a section that starts with `label`, as (text, placeholder?).
fn bullet(section: &policy::Section, label: &str) -> (String, bool) {
    section
        .blocks
        .iter()
        .find_map(|b| match b {
            policy::Block::Bullets(items) => items.iter().find_map(|spans| {
                let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                text.starts_with(label)
                    .then(|| (text, spans.iter().any(|s| s.to_fill)))
            }),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no line {label} in {}", section.text()))
}

#[test]
fn french_agrees_with_the_word_the_law_uses_for_personal_information() {
    let bank = Bank::embedded().unwrap();
    let quebec = example_section(
        &bank,
        "cabinet-comptable-quebec",
        Lang::Fr,
        Item::Recipients,
    );
    assert!(
        quebec
            .text()
            .contains("certains de vos renseignements personnels")
    );
    let france = example_section(&bank, "studio-lumen", Lang::Fr, Item::Recipients);
    assert!(
        france
            .text()
            .contains("certaines de vos données personnelles")
    );
}

#[test]
fn retention_states_the_periods_the_schedule_gives() {
    let bank = Bank::embedded().unwrap();
    let tax = example_section(&bank, "cabinet-comptable-quebec", Lang::Fr, Item::Retention);
    // A minimum the law sets is stated as an end, from a start to complete.
    let (line, to_fill) = bullet(&tax, "Dossiers fiscaux des clients");
    assert!(to_fill, "{line}");
    assert!(
        line.starts_with("Dossiers fiscaux des clients\u{a0}: 6\u{a0}ans à compter de [À COMPLÉTER\u{a0}: point de départ de cette durée"),
        "{line}"
    );
    assert!(
        line.ends_with("], durée que la loi nous impose, puis nous les détruisons"),
        "{line}"
    );
    assert!(!line.contains("au moins"), "{line}");
    let medical = example_section(&bank, "cabinet-medical", Lang::En, Item::Retention);
    let (line, _) = bullet(&medical, "Dossiers patients");
    assert!(
        line.starts_with("Dossiers patients: 20 years from [TO COMPLETE: when this period starts"),
        "{line}"
    );
    assert!(
        line.ends_with("the period the law requires, then we destroy it"),
        "{line}"
    );
    let it = example_section(&bank, "infogerance-lumiere", Lang::Fr, Item::Retention);
    assert!(
        bullet(&it, "Tickets d’assistance")
            .0
            .ends_with(": 3\u{a0}ans")
    );
    // A period the schedule gives for what is handled for clients stays out
    // of the organisation's own policy.
    let boreal = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Retention);
    assert!(!boreal.text().contains("Réservations des convives"));
    assert!(
        boreal
            .text()
            .contains("Comptes clients (restaurants)\u{a0}: 6\u{a0}ans à compter de")
    );
}

#[test]
fn an_unknown_retention_period_is_asked_for_in_plain_words() {
    let bank = Bank::embedded().unwrap();
    let pixel = example_section(&bank, "atelier-pixel", Lang::Fr, Item::Retention);
    assert_eq!(
        bullet(&pixel, "Facturation"),
        (
            "Facturation\u{a0}: [À COMPLÉTER\u{a0}: durée de conservation de ces informations]"
                .into(),
            true
        )
    );
}

#[test]
fn the_authority_of_the_country_of_establishment_is_named() {
    let bank = Bank::embedded().unwrap();
    let ireland = example_section(&bank, "harbour-yoga", Lang::En, Item::Complaint);
    assert!(!ireland.to_fill(), "{}", ireland.text());
    assert!(
        ireland
            .text()
            .contains("the Data Protection Commission (Ireland), www.dataprotection.ie, or the supervisory authority of the Member State where you live")
    );
    // A business with no establishment in the Union has no lead authority.
    let quebec = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Complaint);
    assert!(!quebec.to_fill(), "{}", quebec.text());
    assert!(
        quebec
            .text()
            .contains("l’autorité de contrôle de l’État membre où vous vivez")
    );
}

#[test]
fn a_business_in_canada_asks_no_safeguard_for_canada() {
    let bank = Bank::embedded().unwrap();
    let transfers = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Transfers);
    let text = transfers.text();
    assert!(!transfers.to_fill(), "{text}");
    assert!(text.contains("Nous sommes établis au Canada"), "{text}");
    assert!(text.contains("décision 2002/2/CE"), "{text}");
    assert!(
        text.contains("SupportDesk Inc. (États-Unis)\u{a0}: clauses contractuelles types"),
        "{text}"
    );
    assert!(
        !text.contains("Nuage Canada (hébergement, Montréal) (Québec)\u{a0}:"),
        "{text}"
    );
}

#[test]
fn browsing_data_are_optional_only_where_visitors_can_refuse_them() {
    let bank = Bank::embedded().unwrap();
    let mut session = privaudit::example::open(&bank, "conseil-horizon").unwrap();
    let without = policy_of(&bank, &session, Lang::Fr);
    let (_, to_fill) = bullet(
        section(&without, Item::Requirement).unwrap(),
        "Visiteurs du site",
    );
    assert!(to_fill, "no choice today, so nothing to promise");
    session
        .answers
        .insert("trans.cookie_consent".into(), Answer::Text("choice".into()));
    let with = policy_of(&bank, &session, Lang::Fr);
    let (text, to_fill) = bullet(
        section(&with, Item::Requirement).unwrap(),
        "Visiteurs du site",
    );
    assert!(!to_fill);
    assert!(text.contains("vous pouvez refuser les cookies"), "{text}");
}

#[test]
fn what_is_required_says_the_contract_before_the_duty_to_keep() {
    let bank = Bank::embedded().unwrap();
    let shop = example_section(&bank, "boutique-en-ligne", Lang::Fr, Item::Requirement);
    let (orders, _) = bullet(&shop, "Commandes");
    assert!(
        orders.contains("nécessaire pour vous fournir ce que vous demandez"),
        "{orders}"
    );
    assert!(
        orders.contains("la loi nous impose en outre de les conserver"),
        "{orders}"
    );
    let horizon = example_section(&bank, "conseil-horizon", Lang::En, Item::Requirement);
    assert_eq!(
        bullet(&horizon, "Candidatures").0,
        "Candidatures: without it, we could not consider your application"
    );
    let yoga = example_section(&bank, "harbour-yoga", Lang::En, Item::Requirement);
    assert!(bullet(&yoga, "Staff").0.contains("employment contract"));
}

#[test]
fn each_law_gets_its_own_words_and_provisions_for_rights() {
    let bank = Bank::embedded().unwrap();
    // « équivoque » is Québec's word (s. 28), not the GDPR's (art. 16).
    let france = example_section(&bank, "studio-lumen", Lang::Fr, Item::Rights).text();
    assert!(!france.contains("équivoque"), "{france}");
    assert!(france.contains("compléter ce qui est incomplet (RGPD, art.\u{a0}16)"));
    let quebec = example_section(&bank, "cabinet-comptable-quebec", Lang::Fr, Item::Rights);
    assert!(quebec.text().contains("inexact, incomplet ou équivoque"));
    // PIPEDA's 30 days are s. 8(3), their extension s. 8(4).
    let shop = example_section(&bank, "boutique-en-ligne", Lang::En, Item::Rights).text();
    assert!(shop.contains("(PIPEDA, s.\u{a0}8(3) and 8(4))"), "{shop}");
}

#[test]
fn the_right_to_object_is_set_apart_from_the_other_rights() {
    let bank = Bank::embedded().unwrap();
    let rights = example_section(&bank, "harbour-yoga", Lang::En, Item::Rights);
    let in_list = rights.blocks.iter().any(|b| {
        matches!(b, policy::Block::Bullets(items)
            if items.iter().flatten().any(|s| s.text.contains("Art.\u{a0}21")))
    });
    let apart = rights.blocks.iter().any(|b| {
        matches!(b, policy::Block::Para(spans)
            if spans.iter().any(|s| s.text.starts_with("Your right to object:") && s.text.contains("Art.\u{a0}21")))
    });
    assert!(!in_list && apart, "{:?}", rights.blocks);
    let shop = example_section(&bank, "boutique-en-ligne", Lang::En, Item::Rights).text();
    assert!(!shop.contains("right to object"), "GDPR only: {shop}");
}

#[test]
fn automated_decisions_are_left_out_where_no_law_asks_for_them() {
    let bank = Bank::embedded().unwrap();
    let shop = privaudit::example::open(&bank, "boutique-en-ligne").unwrap();
    assert!(section(&policy_of(&bank, &shop, Lang::Fr), Item::Automated).is_none());
    let quebec = example_section(&bank, "cabinet-comptable-quebec", Lang::Fr, Item::Automated);
    assert!(quebec.text().contains("aucune décision"));
}

#[test]
fn mailings_say_how_to_unsubscribe_and_whether_they_track() {
    let bank = Bank::embedded().unwrap();
    let pixel = example_section(&bank, "atelier-pixel", Lang::Fr, Item::Withdrawal).text();
    assert!(pixel.contains("un lien pour vous désinscrire"), "{pixel}");
    assert!(pixel.contains("pixel de suivi"), "{pixel}");
    // Conseil Horizon tracks but offers no unsubscribe link: it is not promised.
    let horizon = example_section(&bank, "conseil-horizon", Lang::Fr, Item::Withdrawal).text();
    assert!(
        horizon.contains("pixel de suivi") && !horizon.contains("un lien pour vous désinscrire")
    );
    let lumen = example_section(&bank, "studio-lumen", Lang::Fr, Item::Withdrawal).text();
    assert!(
        !lumen.contains("envois"),
        "no mailing, nothing said: {lumen}"
    );
}

#[test]
fn sensitive_information_gets_what_each_law_asks() {
    let bank = Bank::embedded().unwrap();
    let quebec = example_section(&bank, "cabinet-comptable-quebec", Lang::Fr, Item::Purposes);
    assert!(
        quebec
            .text()
            .contains("qu’avec votre consentement exprès (RLRQ c.\u{a0}P-39.1, art.\u{a0}12)")
    );
    // S. 12 governs a use for another purpose, not collection (s. 8.3's).
    assert!(quebec.text().contains(
        "Nous n’utilisons vos renseignements personnels sensibles à d’autres fins que celles indiquées ci-dessus"
    ));
    assert!(!quebec.text().contains("Nous ne recueillons et n’utilisons"));
    let medical = example_section(&bank, "cabinet-medical", Lang::Fr, Item::Purposes);
    assert!(medical.text().contains("art.\u{a0}9(2)(h)"));
    assert!(!medical.text().contains("art.\u{a0}12)"));
    // Boréal's only health data (guests' allergies) are its clients', not its own.
    let boreal = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Purposes);
    assert!(!boreal.text().contains("9(2)"), "{}", boreal.text());
}

#[test]
fn who_uses_the_information_is_not_said_to_be_in_house() {
    let bank = Bank::embedded().unwrap();
    let medical = example_section(&bank, "cabinet-medical", Lang::Fr, Item::Purposes);
    assert!(
        medical
            .text()
            .contains("Qui les utilise\u{a0}: Cabinet comptable")
    );
    assert!(!medical.text().contains("chez nous"));
}

#[test]
fn mailings_say_how_people_come_to_receive_them() {
    let bank = Bank::embedded().unwrap();
    let yoga = example_section(&bank, "harbour-yoga", Lang::En, Item::Withdrawal).text();
    assert!(
        yoga.contains("only if you signed up for them yourself"),
        "{yoga}"
    );
    let shop = example_section(&bank, "boutique-en-ligne", Lang::Fr, Item::Withdrawal).text();
    assert!(shop.contains("Lorsque vous achetez chez nous, créez un compte ou nous écrivez"));
    // A pre-ticked box is not a sign-up: the owner must say how people agree.
    let mut session = privaudit::example::open(&bank, "boutique-en-ligne").unwrap();
    session.answers.insert(
        "consent.marketing_form".into(),
        Answer::Text("preticked".into()),
    );
    let policy = policy_of(&bank, &session, Lang::Fr);
    assert!(section(&policy, Item::Withdrawal).unwrap().to_fill());
}

#[test]
fn published_testimonials_say_how_to_refuse() {
    let bank = Bank::embedded().unwrap();
    let yoga = example_section(&bank, "harbour-yoga", Lang::En, Item::Purposes).text();
    assert!(
        yoga.contains("testimonials, reviews or photos")
            && yoga.contains("you can refuse or ask for removal at any time by writing to us at hello@harbouryoga.ie"),
        "{yoga}"
    );
    let lumen = example_section(&bank, "studio-lumen", Lang::En, Item::Purposes).text();
    assert!(!lumen.contains("testimonials"));
}

#[test]
fn quebec_policies_say_what_giving_information_consents_to() {
    let bank = Bank::embedded().unwrap();
    for (name, expected) in [
        ("cabinet-comptable-quebec", true),
        ("atelier-pixel", true),
        ("boutique-en-ligne", false),
        ("studio-lumen", false),
    ] {
        let text = example_section(&bank, name, Lang::Fr, Item::Purposes).text();
        assert_eq!(
            text.contains("(RLRQ c.\u{a0}P-39.1, art.\u{a0}8.3)"),
            expected,
            "{name}"
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

#[test]
fn options_listed_after_a_colon_start_in_lower_case_but_acronyms_stay() {
    let bank = Bank::embedded().unwrap();
    let staff = example_section(&bank, "harbour-yoga", Lang::En, Item::Purposes);
    assert!(staff.text().contains("About whom: customers; prospects"));
    assert!(
        staff
            .text()
            .contains("What we collect: browsing data (IP address, cookies)")
    );
    assert!(staff.text().contains("employment information (CV, salary"));
    let pixel = example_section(&bank, "atelier-pixel", Lang::Fr, Item::Purposes);
    assert!(pixel.text().contains(
        "Ce que nous recueillons\u{a0}: nom\u{202f}; coordonnées (adresse, courriel, téléphone)\u{202f}; numéro de TPS/TVQ du client"
    ));
}

#[test]
fn the_quebec_assessment_before_sharing_outside_quebec_is_said_only_when_made() {
    let bank = Bank::embedded().unwrap();
    // Gagnon CPA assessed its one recipient outside Québec; Apportez le Pixel did not.
    let done = example_section(&bank, "cabinet-comptable-quebec", Lang::Fr, Item::Transfers);
    assert!(
        done.text().contains("(RLRQ c.\u{a0}P-39.1, art.\u{a0}17)"),
        "{}",
        done.text()
    );
    let not_done = example_section(&bank, "atelier-pixel", Lang::Fr, Item::Transfers);
    assert!(
        !not_done.text().contains("art.\u{a0}17"),
        "{}",
        not_done.text()
    );
}

#[test]
fn erasure_warns_of_what_the_law_obliges_us_to_keep() {
    let bank = Bank::embedded().unwrap();
    // Studio Lumen keeps its invoices as the law requires.
    let lumen = example_section(&bank, "studio-lumen", Lang::Fr, Item::Rights).text();
    assert!(lumen.contains("sauf ce que la loi nous impose de conserver (RGPD, art.\u{a0}17)"));
    let mut session = privaudit::example::open(&bank, "studio-lumen").unwrap();
    if let Some(Answer::Group(group)) = session.answers.get_mut("info.types") {
        group.entries.truncate(1);
    }
    let policy = policy_of(&bank, &session, Lang::Fr);
    assert!(
        !section(&policy, Item::Rights)
            .unwrap()
            .text()
            .contains("sauf ce que")
    );
}

#[test]
fn the_complaints_lead_in_lets_each_authority_keep_its_article() {
    let bank = Bank::embedded().unwrap();
    for name in privaudit::example::names(&bank) {
        let complaint = example_section(&bank, name, Lang::Fr, Item::Complaint);
        let text = complaint.text();
        // « auprès de : le Commissariat » reads « auprès de le Commissariat ».
        assert!(!text.contains("auprès de\u{a0}:"), "{name}: {text}");
        assert!(
            text.contains("auprès de l’une des autorités suivantes\u{a0}:")
                || text.contains("auprès de l’autorité suivante\u{a0}:"),
            "{name}: {text}"
        );
    }
    let boreal = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Complaint);
    assert!(
        bullet(
            &boreal,
            "le Commissariat à la protection de la vie privée du Canada"
        )
        .0
        .contains("LPRPDE")
    );
}

#[test]
fn contact_details_obtained_from_others_get_a_retention_line() {
    let bank = Bank::embedded().unwrap();
    let boreal = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Retention);
    assert_eq!(
        bullet(&boreal, "Coordonnées obtenues par d’autres"),
        (
            "Coordonnées obtenues par d’autres (prospection)\u{a0}: [À COMPLÉTER\u{a0}: durée de conservation, par exemple 3\u{a0}ans après notre dernier contact avec vous]".into(),
            true
        )
    );
    let lumen = example_section(&bank, "studio-lumen", Lang::Fr, Item::Retention).text();
    assert!(!lumen.contains("obtenues par d’autres"), "{lumen}");
}

/// The « Lawful basis » line of an activity, as (text, placeholder?).
fn basis_line(name: &str, activity: &str, lang: Lang) -> (String, bool) {
    let bank = Bank::embedded().unwrap();
    let purposes = example_section(&bank, name, lang, Item::Purposes);
    let mut under = false;
    for block in &purposes.blocks {
        match block {
            policy::Block::Heading(h) => under = h == activity,
            policy::Block::Bullets(items) if under => {
                for spans in items {
                    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                    if text.starts_with("Base légale") || text.starts_with("Lawful basis") {
                        return (text, spans.iter().any(|s| s.to_fill));
                    }
                }
            }
            _ => {}
        }
    }
    panic!("{name}: no basis for {activity}")
}

#[test]
fn a_legitimate_interest_the_report_rejects_is_not_published() {
    // Harbour Yoga: people sign up for the newsletter; its website sets
    // advertising trackers without consent. The report says consent is the basis.
    let (newsletter, to_fill) = basis_line("harbour-yoga", "Newsletter", Lang::Fr);
    assert!(to_fill && !newsletter.contains("6(1)(f)"), "{newsletter}");
    assert!(newsletter.contains("votre consentement (RGPD, art.\u{a0}6(1)(a))"));
    assert!(
        newsletter.contains("auxquelles on s’inscrit"),
        "{newsletter}"
    );
    let (visits, to_fill) = basis_line("harbour-yoga", "Website visits", Lang::En);
    assert!(to_fill && visits.contains("trackers"), "{visits}");
    assert!(!visits.contains("6(1)(f)"), "{visits}");
    let bank = Bank::embedded().unwrap();
    let yoga = privaudit::example::open(&bank, "harbour-yoga").unwrap();
    assert!(
        section(
            &policy_of(&bank, &yoga, Lang::Fr),
            Item::LegitimateInterests
        )
        .is_none(),
        "no interest left to state"
    );
    // Conseil Horizon: the contract stays, the prospecting interest goes.
    let (crm, to_fill) = basis_line("conseil-horizon", "Prospects et clients (CRM)", Lang::Fr);
    assert!(
        to_fill && crm.contains("6(1)(b)") && !crm.contains("6(1)(f)"),
        "{crm}"
    );
    let interests = example_section(
        &bank,
        "conseil-horizon",
        Lang::Fr,
        Item::LegitimateInterests,
    );
    assert!(!interests.text().contains("CRM") && !interests.text().contains("Visiteurs"));
    assert!(interests.text().contains("Candidatures"));
    // Legitimate interests the report does not reject stay as they are.
    let (applicants, to_fill) = basis_line("conseil-horizon", "Candidatures", Lang::Fr);
    assert!(!to_fill && applicants.contains("6(1)(f)"), "{applicants}");
}

#[test]
fn e_mail_prospecting_without_consent_is_said_as_eu_law_allows_it() {
    let bank = Bank::embedded().unwrap();
    let horizon = example_section(&bank, "conseil-horizon", Lang::Fr, Item::Withdrawal);
    let text = horizon.text();
    // Writing to us is no ground, and a consultancy opens no customer account.
    assert!(
        !text.contains("nous écrivez") && !text.contains("compte"),
        "{text}"
    );
    assert!(text.contains("Si vous êtes déjà client, nous pouvons vous envoyer par courriel des offres sur des produits ou services analogues"), "{text}");
    assert!(text.contains("à chaque envoi (code des postes et des communications électroniques, art.\u{a0}L.\u{a0}34-5)"), "{text}");
    assert!(text.contains("à votre adresse professionnelle"), "{text}");
    // No unsubscribe link in the answers: how to stop the mailings is to complete.
    assert!(
        horizon
            .spans()
            .any(|s| s.to_fill && s.text.contains("lien de désinscription")),
        "{text}"
    );
    let yoga = example_section(&bank, "harbour-yoga", Lang::Fr, Item::Withdrawal);
    assert!(
        !yoga.text().contains("lien de désinscription")
            && yoga.text().contains("un lien pour vous désinscrire")
    );
    // Canada's implied consent keeps its own sentence.
    let shop = example_section(&bank, "boutique-en-ligne", Lang::Fr, Item::Withdrawal).text();
    assert!(!shop.contains("déjà client"), "{shop}");
}

#[test]
fn platforms_the_assessment_finds_missing_are_asked_for_as_recipients() {
    let bank = Bank::embedded().unwrap();
    // Harbour Yoga's advertising trackers send data to platforms its list omits.
    let recipients = example_section(&bank, "harbour-yoga", Lang::Fr, Item::Recipients);
    let (text, to_fill) = bullet(&recipients, "[À COMPLÉTER\u{a0}: plateformes publicitaires");
    assert!(
        to_fill && text.contains("vidéos ou cartes intégrées"),
        "{text}"
    );
    let transfers = example_section(&bank, "harbour-yoga", Lang::En, Item::Transfers);
    assert!(
        bullet(
            &transfers,
            "[TO COMPLETE: country of the advertising platforms"
        )
        .1
    );
    // Conseil Horizon measures visits only: no platform to name.
    let horizon = example_section(&bank, "conseil-horizon", Lang::Fr, Item::Recipients).text();
    assert!(!horizon.contains("plateformes publicitaires"), "{horizon}");
}

#[test]
fn a_mailing_list_is_kept_until_people_unsubscribe() {
    let bank = Bank::embedded().unwrap();
    let yoga = example_section(&bank, "harbour-yoga", Lang::Fr, Item::Retention);
    assert_eq!(
        bullet(&yoga, "Newsletter").0,
        "Newsletter\u{a0}: jusqu’à votre désinscription, puis nous les détruisons"
    );
    let pixel = example_section(&bank, "atelier-pixel", Lang::En, Item::Retention);
    assert!(
        pixel
            .text()
            .contains("until you unsubscribe, then we destroy it")
    );
    // What someone asked for still ends with the request or the relationship.
    let medical = example_section(&bank, "cabinet-medical", Lang::Fr, Item::Retention);
    assert_eq!(
        bullet(&medical, "Rendez-vous").0,
        "Rendez-vous\u{a0}: jusqu’à la fin de votre demande ou de notre relation, puis nous les détruisons"
    );
}

#[test]
fn the_right_to_object_is_set_apart_only_where_something_rests_on_interests_or_marketing() {
    let bank = Bank::embedded().unwrap();
    // Studio Lumen: nothing on legitimate interests, no marketing.
    for name in ["studio-lumen", "cabinet-medical", "infogerance-lumiere"] {
        let rights = example_section(&bank, name, Lang::Fr, Item::Rights);
        assert!(
            !rights.text().contains("Votre droit d’opposition"),
            "{name}: {}",
            rights.text()
        );
        assert!(
            bullet(
                &rights,
                "vous opposer au traitement de vos données dans les cas prévus par la loi"
            )
            .0
            .ends_with("(RGPD, art.\u{a0}21)"),
            "{name}"
        );
    }
    let horizon = example_section(&bank, "conseil-horizon", Lang::Fr, Item::Rights).text();
    assert!(horizon.contains("Votre droit d’opposition"), "{horizon}");
}

#[test]
fn a_transfer_with_no_safeguard_says_so_apart_from_an_unknown_one() {
    let bank = Bank::embedded().unwrap();
    // Conseil Horizon answered « none » for its CRM in the United States.
    let horizon = example_section(&bank, "conseil-horizon", Lang::Fr, Item::Transfers);
    let (line, to_fill) = bullet(&horizon, "Relatia CRM");
    assert!(to_fill, "{line}");
    assert!(
        line.contains("aucune garantie n’encadre aujourd’hui ce transfert"),
        "{line}"
    );
    // Harbour Yoga does not know SiteStats' safeguard: it is asked for.
    let yoga = example_section(&bank, "harbour-yoga", Lang::En, Item::Transfers);
    let (line, _) = bullet(&yoga, "SiteStats Inc.");
    assert!(
        line.contains("safeguard for this transfer") && !line.contains("no safeguard"),
        "{line}"
    );
}

#[test]
fn canadian_implied_consent_to_mailings_says_how_long_it_lasts() {
    let bank = Bank::embedded().unwrap();
    let shop = example_section(&bank, "boutique-en-ligne", Lang::Fr, Item::Withdrawal).text();
    assert!(
        shop.contains("pendant deux ans après votre dernier achat (six mois après une demande de renseignements)"),
        "{shop}"
    );
    let shop = example_section(&bank, "boutique-en-ligne", Lang::En, Item::Withdrawal).text();
    assert!(
        shop.contains("for two years after your last purchase"),
        "{shop}"
    );
}

#[test]
fn prospects_are_told_they_need_not_give_their_details() {
    let bank = Bank::embedded().unwrap();
    let horizon = example_section(&bank, "conseil-horizon", Lang::Fr, Item::Requirement);
    let (line, _) = bullet(&horizon, "Prospects et clients (CRM)");
    assert!(
        line.ends_with(
            "\u{202f}; si vous êtes un prospect, vous êtes libre de ne pas nous les donner"
        ),
        "{line}"
    );
    // Customers' orders alone are not prospecting.
    let shop = example_section(&bank, "boutique-en-ligne", Lang::Fr, Item::Requirement).text();
    assert!(!shop.contains("prospect"), "{shop}");
}

#[test]
fn the_dateline_gives_the_date_once_in_the_reader_s_order() {
    let bank = Bank::embedded().unwrap();
    let dateline = |name: &str, lang: Lang| {
        let session = privaudit::example::open(&bank, name).unwrap();
        policy_of(&bank, &session, lang).dateline
    };
    assert_eq!(
        dateline("harbour-yoga", Lang::En),
        "Version of 29 November 2026"
    );
    assert_eq!(
        dateline("boutique-en-ligne", Lang::En),
        "Version of November 29, 2026"
    );
    let fr = dateline("studio-lumen", Lang::Fr);
    assert!(
        fr.starts_with("Version du 29") && fr.ends_with("novembre 2026"),
        "{fr}"
    );
    assert!(!fr.contains("2026-11-29"), "{fr}");
}

#[test]
fn the_time_to_answer_is_introduced_plainly() {
    let bank = Bank::embedded().unwrap();
    let rights = example_section(&bank, "studio-lumen", Lang::Fr, Item::Rights).text();
    assert!(
        rights.contains("Délai de réponse\u{a0}: un mois"),
        "{rights}"
    );
    assert!(!rights.contains("La loi nous donne"), "{rights}");
}

#[test]
fn security_measures_are_listed_once_in_one_style() {
    let bank = Bank::embedded().unwrap();
    let security = example_section(&bank, "cabinet-comptable-quebec", Lang::Fr, Item::Security);
    let items: Vec<String> = security
        .blocks
        .iter()
        .filter_map(|b| match b {
            policy::Block::Bullets(items) => Some(items),
            _ => None,
        })
        .flatten()
        .map(|spans| spans.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert!(
        items.contains(&"une zone protégée par une alarme".to_string()),
        "{items:?}"
    );
    assert!(
        !items.contains(&"une alarme".to_string()),
        "said twice: {items:?}"
    );
    assert!(
        items.contains(&"accès limité au besoin".to_string()),
        "{items:?}"
    );
    for item in &items {
        let first = item.chars().next().unwrap();
        assert!(!first.is_uppercase(), "after « par : », lower case: {item}");
    }
}

#[test]
fn testimonials_have_their_own_heading_apart_from_the_last_activity() {
    let bank = Bank::embedded().unwrap();
    let yoga = example_section(&bank, "harbour-yoga", Lang::En, Item::Purposes);
    let at = yoga
        .blocks
        .iter()
        .position(|b| matches!(b, policy::Block::Para(spans) if spans.iter().any(|s| s.text.contains("testimonials, reviews or photos"))))
        .unwrap();
    assert_eq!(
        yoga.blocks[at - 1],
        policy::Block::Heading("Testimonials and photos".into())
    );
}

#[test]
fn children_met_offline_get_a_word_on_who_speaks_for_them() {
    let bank = Bank::embedded().unwrap();
    // Cabinet médical: children among its patients, no online service.
    let children = example_section(&bank, "cabinet-medical", Lang::Fr, Item::Children);
    assert!(
        children
            .text()
            .starts_with("Nous recueillons aussi des informations sur des enfants.")
    );
    assert!(children.to_fill(), "{}", children.text());
    let lumen = privaudit::example::open(&bank, "studio-lumen").unwrap();
    assert!(section(&policy_of(&bank, &lumen, Lang::Fr), Item::Children).is_none());
}

#[test]
fn free_text_in_another_language_is_flagged_for_translation() {
    let bank = Bank::embedded().unwrap();
    let yoga = privaudit::example::open(&bank, "harbour-yoga").unwrap();
    let fr = policy_of(&bank, &yoga, Lang::Fr);
    assert!(
        fr.draft_note
            .as_deref()
            .unwrap()
            .contains("traduisez celles qui ne sont pas en français")
    );
    let en = policy_of(&bank, &yoga, Lang::En);
    assert!(
        !en.draft_note
            .unwrap_or_default()
            .contains("translate those")
    );
    // The purpose typed in the interview starts in lower case after the colon.
    let (line, _) = {
        let purposes = section(&fr, Item::Purposes).unwrap();
        bullet(purposes, "Pourquoi")
    };
    assert_eq!(line, "Pourquoi\u{a0}: book and pay for classes");
}

#[test]
fn english_is_spelled_as_the_reader_writes_it() {
    let bank = Bank::embedded().unwrap();
    let yoga = example_section(&bank, "harbour-yoga", Lang::En, Item::Recipients).text();
    assert!(yoga.contains("the following organisations"), "{yoga}");
    let shop = example_section(&bank, "boutique-en-ligne", Lang::En, Item::Recipients).text();
    assert!(shop.contains("the following organizations"), "{shop}");
}

#[test]
fn a_quebec_business_names_the_cai_first() {
    let bank = Bank::embedded().unwrap();
    let boreal = example_section(&bank, "logiciels-boreal", Lang::Fr, Item::Complaint);
    let first = boreal
        .blocks
        .iter()
        .find_map(|b| match b {
            policy::Block::Bullets(items) => items.first().cloned(),
            _ => None,
        })
        .unwrap();
    assert!(
        first[0]
            .text
            .starts_with("la Commission d’accès à l’information du Québec"),
        "{first:?}"
    );
}

#[test]
fn an_employment_condition_with_no_staff_health_data_is_asked_to_be_placed() {
    let bank = Bank::embedded().unwrap();
    // Cabinet médical relies on art. 9(2)(b), yet « Paie » lists no health data.
    let medical = example_section(&bank, "cabinet-medical", Lang::Fr, Item::Purposes);
    let para = medical
        .blocks
        .iter()
        .find_map(|b| match b {
            policy::Block::Para(spans) if spans.iter().any(|s| s.text.contains("9(2)(b)")) => {
                Some(spans)
            }
            _ => None,
        })
        .unwrap();
    assert!(
        para.iter()
            .any(|s| s.to_fill && s.text.contains("arrêts de travail")),
        "{para:?}"
    );
}
