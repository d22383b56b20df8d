//! The wizard without a terminal: key mapping, updates, and snapshots of each
//! screen drawn on a test backend at 80x24 and 120x40.

mod common;

use common::{answers, instant, mini_bank};
use privaudit::answer::Answer;
use privaudit::i18n::Lang;
use privaudit::session::Session;
use privaudit::tui::app::{App, Effect, ExportFormat, Msg, Popup, Screen};
use privaudit::tui::editor::Editor;
use privaudit::tui::keys::{map, press};
use privaudit::tui::theme::Theme;
use privaudit::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use rstest::rstest;
use serde_json::json;

fn key(code: KeyCode) -> ratatui::crossterm::event::Event {
    press(code, KeyModifiers::NONE)
}

/// The welcome screen of the mini bank, in French, with `dir` as the data folder.
fn welcome_app(dir: &std::path::Path) -> App {
    App::welcome(mini_bank(), dir.to_path_buf(), Lang::Fr, Theme::plain())
}

/// An app on the mini bank with a session holding `given`, on `question`.
fn app_at(given: serde_json::Value, question: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let bank = mini_bank();
    let mut app = App::welcome(bank, dir.path().join("data"), Lang::Fr, Theme::plain());
    app.today = time::macros::date!(2026 - 11 - 22);
    let mut session = Session::new(&app.bank, Lang::Fr, instant());
    session.answers = answers(given);
    session.sync_bindings(&app.bank);
    app.open(session, dir.path().join("s.json"));
    app.go_to(Some(question.to_string()));
    (app, dir)
}

/// Sends keys through the key map and update, as the event loop does.
fn keys(app: &mut App, events: &[ratatui::crossterm::event::Event]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for e in events {
        if let Some(msg) = map(e, app.is_typing()) {
            effects.extend(app.update(msg));
        }
    }
    effects
}

fn typed(text: &str) -> Vec<ratatui::crossterm::event::Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    terminal.backend().to_string()
}

#[rstest]
#[case::enter(KeyCode::Enter, false, Some(Msg::Confirm))]
#[case::escape(KeyCode::Esc, true, Some(Msg::Back))]
#[case::space_ticks(KeyCode::Char(' '), false, Some(Msg::Toggle))]
#[case::f3(KeyCode::F(3), true, Some(Msg::DontKnow))]
#[case::f10(KeyCode::F(10), false, Some(Msg::Export))]
#[case::letters_ignored_in_lists(KeyCode::Char('x'), false, None)]
fn keys_map_to_messages(
    #[case] code: KeyCode,
    #[case] typing: bool,
    #[case] expected: Option<Msg>,
) {
    assert_eq!(map(&key(code), typing), expected);
}

#[test]
fn typing_sends_keys_to_the_field_and_ctrl_q_always_quits() {
    assert!(matches!(
        map(&key(KeyCode::Char(' ')), true),
        Some(Msg::Edit(_))
    ));
    assert!(matches!(map(&key(KeyCode::Left), true), Some(Msg::Edit(_))));
    assert_eq!(
        map(&press(KeyCode::Char('q'), KeyModifiers::CONTROL), true),
        Some(Msg::Quit)
    );
    assert_eq!(
        map(&press(KeyCode::Up, KeyModifiers::SHIFT), false),
        Some(Msg::MoveUp)
    );
}

#[test]
fn answering_saves_and_moves_on() {
    let (mut app, _dir) = app_at(json!({}), "org.name");
    let mut events = typed("Atelier");
    events.push(key(KeyCode::Enter));
    assert_eq!(keys(&mut app, &events), [Effect::Save]);
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.answers["org.name"], Answer::Text("Atelier".into()));
    assert_eq!(session.organisation, "Atelier");
    assert_eq!(app.current.as_deref(), Some("org.where"));
}

#[test]
fn a_follow_up_appears_after_yes_and_going_back_keeps_answers() {
    let (mut app, _dir) = app_at(json!({"org.name": "A", "org.where": ["eu"]}), "paper");
    // Nothing is preselected: Enter alone records nothing.
    assert_eq!(keys(&mut app, &[key(KeyCode::Enter)]), []);
    assert_eq!(app.current.as_deref(), Some("paper"));
    keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(app.current.as_deref(), Some("paper.measures"));
    keys(
        &mut app,
        &[
            key(KeyCode::Down),
            key(KeyCode::Char(' ')),
            key(KeyCode::Enter),
        ],
    );
    assert_eq!(
        app.session.as_ref().unwrap().answers["paper.measures"],
        Answer::Choices(vec!["locked".into()])
    );
    keys(&mut app, &[key(KeyCode::Esc), key(KeyCode::Esc)]);
    assert_eq!(app.current.as_deref(), Some("paper"));
    keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(
        app.current.as_deref(),
        Some("size"),
        "no paper: the follow-up is skipped"
    );
    assert!(
        app.session
            .as_ref()
            .unwrap()
            .answers
            .contains_key("paper.measures"),
        "but its answer is kept"
    );
}

#[test]
fn an_invalid_email_is_refused_inline() {
    let (mut app, _dir) = app_at(json!({}), "email");
    let mut events = typed("julie@");
    events.push(key(KeyCode::Enter));
    assert!(keys(&mut app, &events).is_empty(), "nothing saved");
    let Some(Editor::Text(t)) = &app.editor else {
        panic!()
    };
    assert!(
        t.error
            .as_deref()
            .unwrap()
            .contains("Adresse courriel invalide")
    );
    assert_eq!(app.current.as_deref(), Some("email"));
}

#[test]
fn dont_know_marks_the_question_to_verify() {
    let (mut app, _dir) = app_at(json!({}), "size");
    keys(&mut app, &[key(KeyCode::F(3))]);
    let session = app.session.as_ref().unwrap();
    assert!(session.answers["size"].is_dont_know());
    assert!(session.to_verify.contains("size"));
}

#[test]
fn group_entries_are_added_reordered_and_removed() {
    let (mut app, _dir) = app_at(json!({}), "vendors");
    for name in ["A", "B"] {
        // Highlight "+ Add": it follows the entries.
        let count = app.group_entries().len();
        let mut events = vec![key(KeyCode::Down); count];
        events.push(key(KeyCode::Enter));
        events.extend(typed(name));
        events.extend([
            key(KeyCode::Enter),
            key(KeyCode::Down),
            key(KeyCode::Enter),
            key(KeyCode::Down),
            key(KeyCode::Down),
            key(KeyCode::Enter),
        ]);
        keys(&mut app, &events);
        assert!(
            app.on_group_list(),
            "back to the list after the entry's questions"
        );
    }
    let names = |app: &App| {
        app.group_entries()
            .iter()
            .map(|e| e["name"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&app),
        [Answer::Text("A".into()), Answer::Text("B".into())]
    );
    let Some(Editor::Group(g)) = &mut app.editor else {
        panic!()
    };
    g.cursor = 1;
    keys(&mut app, &[press(KeyCode::Up, KeyModifiers::SHIFT)]);
    assert_eq!(
        names(&app),
        [Answer::Text("B".into()), Answer::Text("A".into())]
    );
    // Del asks first: Esc keeps the entry, Enter removes it, Ctrl-Z brings it back.
    keys(&mut app, &[key(KeyCode::Delete)]);
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
    keys(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(names(&app).len(), 2);
    let effects = keys(&mut app, &[key(KeyCode::Delete), key(KeyCode::Enter)]);
    assert_eq!(names(&app), [Answer::Text("A".into())]);
    assert!(effects.contains(&Effect::Save), "the removal is saved");
    keys(
        &mut app,
        &[press(KeyCode::Char('z'), KeyModifiers::CONTROL)],
    );
    assert_eq!(
        names(&app),
        [Answer::Text("B".into()), Answer::Text("A".into())]
    );
}

/// Wizard review C8: the list of entries stops at its ends (↓ from « Done »
/// never lands on the first entry, where typing would change its name), and
/// PgUp in an entry goes back through its questions, then to the list.
#[test]
fn the_entry_list_stops_at_its_ends_and_pgup_walks_back_through_an_entry() {
    let (mut app, _dir) = app_at(json!({}), "vendors");
    let mut events = vec![key(KeyCode::Enter)];
    events.extend(typed("A"));
    events.extend([key(KeyCode::Enter), key(KeyCode::Esc)]);
    keys(&mut app, &events);
    assert!(app.on_group_list());
    assert_eq!(app.group_entries().len(), 1);
    let cursor = |app: &App| match &app.editor {
        Some(Editor::Group(g)) => g.cursor,
        _ => panic!("not on the list"),
    };
    // One entry, « Add », « Done »: three rows.
    keys(&mut app, &vec![key(KeyCode::Down); 4]);
    assert_eq!(cursor(&app), 2, "↓ stops on « Done »");
    keys(&mut app, &vec![key(KeyCode::Up); 4]);
    assert_eq!(cursor(&app), 0, "↑ stops on the first entry");
    let sub = |app: &App| app.entry.as_ref().map(|e| e.sub.clone());
    keys(&mut app, &[key(KeyCode::Enter), key(KeyCode::Enter)]);
    let second = sub(&app).expect("in the entry");
    assert_ne!(second, "name", "Enter kept the name and moved on");
    keys(&mut app, &[key(KeyCode::PageUp)]);
    assert_eq!(
        sub(&app).as_deref(),
        Some("name"),
        "PgUp: the entry's previous question"
    );
    keys(&mut app, &[key(KeyCode::PageUp)]);
    assert!(app.on_group_list(), "PgUp on its first question: the list");
    assert_eq!(app.current.as_deref(), Some("vendors"));
    assert_eq!(app.group_entries()[0]["name"], Answer::Text("A".into()));
}

/// Wizard review C8: an entry left half-way says so in the list, with what
/// it lacks; a complete one shows its name alone.
#[test]
fn an_unfinished_entry_says_what_it_lacks_in_the_list() {
    let entries = json!({"entries": [
        {"name": "Half-way"},
        {"name": "Complete", "abroad": false},
        {"name": "Abroad", "abroad": true}
    ]});
    let (app, _dir) = app_at(json!({ "vendors": entries }), "vendors");
    let shown = screen(&app, 100, 30);
    assert!(
        shown.contains("1. Half-way — 1 question sans réponse"),
        "{shown}"
    );
    assert!(shown.contains("2. Complete "), "{shown}");
    assert!(!shown.contains("2. Complete —"), "{shown}");
    // « Abroad » brings in the contract question, unanswered.
    assert!(
        shown.contains("3. Abroad — 1 question sans réponse"),
        "{shown}"
    );
}

fn ctrl_z() -> ratatui::crossterm::event::Event {
    press(KeyCode::Char('z'), KeyModifiers::CONTROL)
}

#[test]
fn dont_know_on_a_filled_list_keeps_its_entries_and_marks_it() {
    let (mut app, _dir) = app_at(
        json!({"vendors": {"entries": [{"name": "Nord"}, {"name": "Sud"}, {"name": "Est"}]}, "favourite": "Sud"}),
        "vendors",
    );
    let effects = keys(&mut app, &[key(KeyCode::F(3))]);
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.answers["vendors"].entries().unwrap().len(), 3);
    assert!(session.to_verify.contains("vendors"));
    assert_eq!(session.answers["favourite"], Answer::Text("Sud".into()));
    assert!(effects.contains(&Effect::Save));
}

#[test]
fn dont_know_over_a_real_answer_asks_first() {
    let (mut app, _dir) = app_at(json!({"size": 12}), "size");
    keys(&mut app, &[key(KeyCode::F(3))]);
    let Some(Popup::Confirm { message, .. }) = &app.popup else {
        panic!("no question asked: {:?}", app.popup)
    };
    assert!(message.contains("«\u{a0}12\u{a0}»"), "{message}");
    keys(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(
        app.session.as_ref().unwrap().answers["size"],
        Answer::Number(12.0)
    );
    keys(&mut app, &[key(KeyCode::F(3)), key(KeyCode::Enter)]);
    assert!(app.session.as_ref().unwrap().answers["size"].is_dont_know());
}

#[test]
fn ctrl_z_undoes_changes_several_levels_deep_and_goes_to_the_question() {
    let (mut app, _dir) = app_at(json!({}), "size");
    keys(&mut app, &typed("12"));
    keys(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.current.as_deref(), Some("email"));
    keys(&mut app, &typed("a@b.fr"));
    keys(&mut app, &[key(KeyCode::Enter)]);
    keys(&mut app, &[key(KeyCode::F(4))]);
    keys(&mut app, &typed("vu"));
    keys(&mut app, &[key(KeyCode::Enter)]);
    let answers = |app: &App| app.session.as_ref().unwrap().answers.clone();
    assert_eq!(answers(&app).len(), 2);
    // The note, then the e-mail, then the staff count.
    let effects = keys(&mut app, &[ctrl_z()]);
    assert!(effects.contains(&Effect::Save));
    assert!(app.session.as_ref().unwrap().notes.is_empty());
    keys(&mut app, &[ctrl_z()]);
    assert!(!answers(&app).contains_key("email"));
    assert_eq!(app.current.as_deref(), Some("email"));
    keys(&mut app, &[ctrl_z()]);
    assert!(answers(&app).is_empty());
    assert_eq!(app.current.as_deref(), Some("size"));
    keys(&mut app, &[ctrl_z()]);
    assert_eq!(app.status.as_ref().unwrap().1, "Rien à annuler.");
}

#[test]
fn enter_on_a_multiple_choice_ticks_the_highlighted_option_and_none_is_explicit() {
    let (mut app, _dir) = app_at(json!({"org.name": "A", "paper": true}), "paper.measures");
    // Highlight "locked" without ticking it: Enter ticks it, never records "none".
    keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    let answers = |app: &App| app.session.as_ref().unwrap().answers.clone();
    assert_eq!(
        answers(&app)["paper.measures"],
        Answer::Choices(vec!["locked".into()])
    );
    // "None of these" is a row of its own, after the options.
    app.go_to(Some("paper.measures".into()));
    let Some(Editor::Choice(c)) = &app.editor else {
        panic!()
    };
    let none = c.none_row().unwrap();
    let ups = c.cursor + c.rows() - none;
    let mut events = vec![key(KeyCode::Up); ups % c.rows()];
    events.push(key(KeyCode::Enter));
    keys(&mut app, &events);
    assert_eq!(answers(&app)["paper.measures"], Answer::Choices(vec![]));
    app.update(Msg::Review);
    let shown = screen(&app, 120, 40);
    assert!(shown.contains("Aucun de ces choix"), "{shown}");
}

#[test]
fn an_unanswered_question_says_so_and_an_answered_one_shows_its_answer() {
    let (app, _dir) = app_at(json!({"size": 12}), "size");
    assert!(screen(&app, 80, 24).contains("✓ Réponse enregistrée\u{a0}: 12"));
    let (app, _dir) = app_at(json!({}), "paper");
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("Pas encore répondue"), "{shown}");
    assert!(!shown.contains("› Oui"), "nothing preselected: {shown}");
}

/// Wizard review C7: a question the inventory already answered says so
/// under its prompt, and says nothing when the inventory does not.
#[test]
fn a_question_recalls_what_the_inventory_said() {
    let dir = tempfile::tempdir().unwrap();
    let on = |storage: &str| {
        let bank = common::embedded();
        let mut app = App::welcome(bank, dir.path().join("data"), Lang::Fr, Theme::plain());
        let mut session = Session::new(&app.bank, Lang::Fr, instant());
        session.answers = answers(json!({
            "org.name": "Boulangerie Dupain",
            "info.types": {"entries": [{"kind": "Commandes de gâteaux", "storage": [storage]}]}
        }));
        session.sync_bindings(&app.bank);
        app.open(session, dir.path().join("s.json"));
        app.go_to(Some("sec.paper".into()));
        screen(&app, 100, 30)
    };
    let paper = on("paper");
    assert!(
        paper.contains("→ Vous avez indiqué conserver sur papier\u{a0}: Commandes de gâteaux."),
        "{paper}"
    );
    let cloud = on("cloud");
    assert!(!cloud.contains("sur papier"), "{cloud}");
}

#[test]
fn a_real_answer_clears_the_to_verify_mark() {
    let (mut app, _dir) = app_at(json!({}), "size");
    keys(&mut app, &[key(KeyCode::F(3))]);
    assert!(app.session.as_ref().unwrap().to_verify.contains("size"));
    app.go_to(Some("size".into()));
    keys(&mut app, &typed("4"));
    keys(&mut app, &[key(KeyCode::Enter)]);
    assert!(!app.session.as_ref().unwrap().to_verify.contains("size"));
}

#[test]
fn a_note_is_attached_to_the_question() {
    let (mut app, _dir) = app_at(json!({}), "backup");
    let mut events = vec![key(KeyCode::F(4))];
    events.extend(typed("Vérifier le NAS"));
    events.push(key(KeyCode::Enter));
    assert_eq!(keys(&mut app, &events), [Effect::Save]);
    assert_eq!(
        app.session.as_ref().unwrap().notes["backup"],
        "Vérifier le NAS"
    );
}

#[test]
fn export_offers_a_path_that_can_be_edited() {
    let (mut app, dir) = app_at(json!({}), "backup");
    keys(&mut app, &[key(KeyCode::F(10))]);
    let Some(Popup::Export { path, .. }) = &mut app.popup else {
        panic!("export window")
    };
    // Offered beside the answers file, named after it.
    assert_eq!(
        path.value(),
        dir.path().join("s-rapport.pdf").display().to_string()
    );
    *path = tui_input::Input::new(dir.path().join("r.md").display().to_string());
    keys(&mut app, &[key(KeyCode::Tab), key(KeyCode::Tab)]);
    let effects = keys(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(
        effects,
        [Effect::Export(
            dir.path().join("r.json"),
            privaudit::render::Format::Json
        )]
    );
}

#[test]
fn the_last_answer_leads_to_the_review_only_when_all_are_answered() {
    let (mut app, _dir) = app_at(
        json!({"vendors": {"entries": [{"name": "Nord", "abroad": false}]}}),
        "favourite",
    );
    keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(
        app.current.as_deref(),
        Some("org.name"),
        "questions left unanswered come next, not the review"
    );
    let everything = json!({"org.name": "A", "org.where": ["eu"], "paper": false, "size": 3,
        "email": "a@b.fr", "backup": "offsite", "comments": "",
        "vendors": {"entries": [{"name": "Nord", "abroad": false}]}});
    let (mut app, _dir) = app_at(everything, "favourite");
    keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert!(matches!(app.screen, Screen::Review { .. }));
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .1
            .starts_with("Évaluation terminée")
    );
    let session = app.session.as_ref().unwrap();
    assert_eq!(
        privaudit::flow::progress(&app.bank, &session.answers).percent(),
        100
    );
}

#[test]
fn page_keys_move_through_the_review_a_page_at_a_time_and_stop_at_the_ends() {
    let everything = json!({"org.name": "A", "org.where": ["eu"], "paper": false, "size": 3,
        "email": "a@b.fr", "backup": "offsite", "comments": "",
        "vendors": {"entries": [{"name": "Nord", "abroad": false}]}, "favourite": "Nord"});
    let (mut app, _dir) = app_at(everything, "favourite");
    app.update(Msg::Review);
    let rows = app.review_questions().len();
    assert!(rows > 2, "{rows}");
    let cursor = |app: &App| match app.screen {
        Screen::Review { cursor } => cursor,
        _ => panic!("not the review"),
    };
    assert_eq!(
        cursor(&app),
        rows - 1,
        "the review opens on the current question"
    );
    keys(&mut app, &[key(KeyCode::PageUp)]);
    assert_eq!(cursor(&app), (rows - 1).saturating_sub(10));
    keys(&mut app, &[key(KeyCode::PageUp), key(KeyCode::PageUp)]);
    assert_eq!(cursor(&app), 0, "PgUp stops at the first answer");
    keys(&mut app, &[key(KeyCode::PageDown), key(KeyCode::PageDown)]);
    assert_eq!(
        cursor(&app),
        rows - 1,
        "PgDn stops at the last, never wraps"
    );
}

#[test]
fn changing_an_answer_leads_to_the_questions_it_brings_in_and_progress_never_falls() {
    let everything = json!({"org.name": "A", "org.where": ["eu"], "paper": false, "size": 3,
        "email": "a@b.fr", "backup": "offsite",
        "vendors": {"entries": [{"name": "Nord", "abroad": false}]}, "favourite": "Nord"});
    let (mut app, _dir) = app_at(everything, "paper");
    // Paper files: now yes. The follow-up it brings in comes next.
    keys(&mut app, &[key(KeyCode::Up), key(KeyCode::Enter)]);
    assert_eq!(app.current.as_deref(), Some("paper.measures"));
    // Then the optional comments never answered, then the review: the
    // answered questions are not walked through again.
    keys(&mut app, &[key(KeyCode::Down), key(KeyCode::Enter)]);
    assert_eq!(app.current.as_deref(), Some("comments"));
    keys(&mut app, &[key(KeyCode::Enter)]);
    assert!(matches!(app.screen, Screen::Review { .. }));

    // Answering the mini bank from the start: the percentage only grows.
    let (mut app, _dir) = app_at(json!({}), "org.name");
    let percent = |app: &App| {
        privaudit::flow::progress(&app.bank, &app.session.as_ref().unwrap().answers).percent()
    };
    let mut last = percent(&app);
    let steps: Vec<Vec<ratatui::crossterm::event::Event>> = vec![
        typed("Atelier\r"),
        vec![key(KeyCode::Down), key(KeyCode::Enter)],
        vec![key(KeyCode::Down), key(KeyCode::Enter)], // paper: yes brings a follow-up
        vec![key(KeyCode::Down), key(KeyCode::Enter)],
        typed("4\r"),
        typed("a@b.fr\r"),
        vec![key(KeyCode::F(3))],
    ];
    for step in steps {
        let events: Vec<_> = step
            .into_iter()
            .map(|e| match e {
                ratatui::crossterm::event::Event::Key(k) if k.code == KeyCode::Char('\r') => {
                    key(KeyCode::Enter)
                }
                other => other,
            })
            .collect();
        keys(&mut app, &events);
        let now = percent(&app);
        assert!(
            now >= last,
            "progress went from {last} to {now} at {:?}",
            app.current
        );
        last = now;
    }
    assert!(last > 50, "{last}");
}

/// The screens the issue lists, at both sizes.
#[rstest]
fn snapshots(#[values((80, 24), (120, 40))] size: (u16, u16)) {
    let (w, h) = size;
    let dir = tempfile::tempdir().unwrap();
    let welcome = welcome_app(dir.path());
    insta::assert_snapshot!(format!("welcome_{w}x{h}"), screen(&welcome, w, h));

    let (choice, _d1) = app_at(
        json!({"org.name": "Atelier Nord", "org.where": ["eu"], "paper": true}),
        "paper.measures",
    );
    insta::assert_snapshot!(format!("choice_{w}x{h}"), screen(&choice, w, h));

    let (mut text, _d2) = app_at(json!({"org.name": "Atelier Nord"}), "email");
    let mut events = typed("julie@");
    events.push(key(KeyCode::Enter));
    keys(&mut text, &events);
    insta::assert_snapshot!(format!("text_error_{w}x{h}"), screen(&text, w, h));

    let vendors = json!({"org.name": "Atelier Nord", "vendors": {"entries": [
        {"name": "Hébergeur Nord", "abroad": true, "contract": false},
        {"name": "Cabinet Roy", "abroad": false}
    ]}});
    let (group, _d3) = app_at(vendors.clone(), "vendors");
    insta::assert_snapshot!(format!("group_{w}x{h}"), screen(&group, w, h));

    let mut full = vendors;
    full["org.where"] = json!(["eu", "qc"]);
    full["paper"] = json!(true);
    full["paper.measures"] = json!(["alarm"]);
    full["backup"] = json!("none");
    full["size"] = json!({"dont_know": true});
    let (mut review, _d4) = app_at(full.clone(), "backup");
    review.update(Msg::Review);
    insta::assert_snapshot!(format!("review_{w}x{h}"), screen(&review, w, h));

    let (mut preview, _d5) = app_at(full, "backup");
    preview.update(Msg::Preview);
    insta::assert_snapshot!(format!("preview_{w}x{h}"), screen(&preview, w, h));
}

#[test]
fn a_small_terminal_gets_a_message_instead_of_a_broken_layout() {
    let (app, _dir) = app_at(json!({}), "org.name");
    let shown = screen(&app, 50, 12);
    assert!(shown.contains("Fenêtre trop petite"), "{shown}");
}

#[test]
fn a_click_on_an_option_ticks_it() {
    let (mut app, _dir) = app_at(
        json!({"org.name": "A", "org.where": ["eu"], "paper": true}),
        "paper.measures",
    );
    // Find the line where "Alarme" is drawn and click there.
    let screen_before = screen(&app, 80, 24);
    let y = screen_before
        .lines()
        .position(|l| l.contains("Alarme"))
        .expect("the option is on screen");
    let line = screen_before.lines().nth(y).unwrap();
    // A column counts characters ("│" and "›" are several bytes).
    let x = line[..line.find("Alarme").unwrap()].chars().count();
    let at = ratatui::layout::Position::new(x as u16, y as u16);
    let row = view::clicked_row(&app, ratatui::layout::Rect::new(0, 0, 80, 24), at);
    assert_eq!(
        row,
        Some(1),
        "the second row of the list is the second option"
    );
    app.update(Msg::ClickRow(1));
    let Some(Editor::Choice(c)) = &app.editor else {
        panic!()
    };
    assert_eq!(c.cursor, 1);
    assert!(c.checked.contains("alarm"));
}

#[test]
fn a_new_assessment_asks_the_language_then_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = welcome_app(dir.path());
    let mut events = vec![key(KeyCode::Enter), key(KeyCode::Down), key(KeyCode::Enter)];
    events.extend(typed("Café Lune"));
    events.push(key(KeyCode::Enter));
    assert_eq!(
        keys(&mut app, &events),
        [Effect::Create(Lang::En, "Café Lune".into())]
    );
    assert_eq!(
        app.lang,
        Lang::En,
        "the wizard now speaks the assessment's language"
    );
}

#[test]
fn answers_the_bank_no_longer_has_are_set_aside_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = welcome_app(dir.path());
    let mut session = Session::new(&app.bank, Lang::En, instant());
    session.answers = answers(json!({"org.name": "A", "gone": true}));
    app.open(session, dir.path().join("s.json"));
    let (good, text) = app.status.clone().unwrap();
    assert!(!good);
    assert!(
        text.starts_with("Answers set aside") && text.contains("gone"),
        "{text}"
    );
    assert!(
        app.session.as_ref().unwrap().retired.contains_key("gone"),
        "kept, not lost"
    );
}

#[test]
fn export_proposes_a_pdf_and_a_typed_extension_picks_the_format() {
    let (mut app, dir) = app_at(json!({}), "backup");
    keys(&mut app, &[key(KeyCode::F(10))]);
    let Some(Popup::Export { path, format }) = &mut app.popup else {
        panic!("export window")
    };
    assert_eq!(
        *format,
        ExportFormat::Report(privaudit::render::Format::Pdf)
    );
    assert!(path.value().ends_with("-rapport.pdf"), "{}", path.value());
    *path = tui_input::Input::new(dir.path().join("notes.md").display().to_string());
    let effects = keys(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(
        effects,
        [Effect::Export(
            dir.path().join("notes.md"),
            privaudit::render::Format::Md
        )]
    );
}

#[test]
fn export_offers_the_kit_in_a_folder_beside_the_answers_and_writes_every_document() {
    // A real client's answers, in a file, opened as the wizard opens it.
    let dir = tempfile::tempdir().unwrap();
    let bank = common::embedded();
    let path = dir.path().join("studio.json");
    let session = privaudit::example::open(&bank, "studio-lumen").unwrap();
    let mut file = Some(privaudit::session::SessionFile::create(&path, &session).unwrap());
    let mut app = App::welcome(bank, dir.path().join("data"), Lang::Fr, Theme::plain());
    app.today = time::macros::date!(2026 - 11 - 29);
    app.open(session, path.clone());
    keys(&mut app, &[key(KeyCode::F(10))]);
    // Tab goes PDF, Markdown, JSON, then every document.
    keys(&mut app, &vec![key(KeyCode::Tab); 3]);
    let Some(Popup::Export {
        format,
        path: typed,
    }) = &app.popup
    else {
        panic!("export window")
    };
    assert_eq!(*format, ExportFormat::Kit);
    let folder = dir.path().join("studio-documents");
    assert_eq!(typed.value(), folder.display().to_string());
    let drawn = screen(&app, 80, 24);
    assert!(drawn.contains("[Tous les documents]"), "{drawn}");
    // Once more: back to the report beside the session.
    keys(&mut app, &[key(KeyCode::Tab)]);
    let Some(Popup::Export { path: typed, .. }) = &app.popup else {
        panic!("export window")
    };
    assert_eq!(
        typed.value(),
        dir.path().join("studio-rapport.pdf").display().to_string()
    );
    keys(&mut app, &vec![key(KeyCode::Tab); 3]);
    let effects = keys(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(effects, [Effect::ExportKit(folder.clone())]);
    for effect in effects {
        privaudit::tui::perform(&mut app, &mut file, effect);
    }
    let (good, said) = app.status.clone().expect("a message");
    assert!(good, "{said}");
    assert!(said.contains("studio-documents"), "{said}");
    let mut written: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "plan-d-action.xlsx",
            "politique-de-confidentialite.html",
            "politique-de-confidentialite.md",
            "politique-de-confidentialite.pdf",
            "rapport.pdf",
            "registre-des-incidents.xlsx",
            "registre-des-traitements.xlsx",
        ]
    );
    let policy = std::fs::read_to_string(folder.join("politique-de-confidentialite.md")).unwrap();
    assert!(policy.contains("Studio Lumen"), "{policy}");
    assert!(
        std::fs::read(folder.join("rapport.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        for name in &written {
            assert_eq!(mode(&folder.join(name)), 0o600, "{name}");
        }
    }
    // A folder that cannot be made is said, and nothing claims success.
    std::fs::write(dir.path().join("taken"), "a file").unwrap();
    app.popup = Some(Popup::Export {
        format: ExportFormat::Kit,
        path: tui_input::Input::new(dir.path().join("taken").display().to_string()),
    });
    for effect in keys(&mut app, &[key(KeyCode::Enter)]) {
        privaudit::tui::perform(&mut app, &mut file, effect);
    }
    let (good, said) = app.status.clone().expect("a message");
    assert!(!good && said.starts_with("Export impossible"), "{said}");
}

#[test]
fn f6_switches_the_assessment_language_and_lang_is_kept_on_open() {
    let (mut app, _dir) = app_at(json!({}), "size");
    let effects = keys(&mut app, &[key(KeyCode::F(6))]);
    assert_eq!(app.session.as_ref().unwrap().lang, Lang::En);
    assert!(effects.contains(&Effect::Save), "the language is saved");
    assert!(screen(&app, 80, 24).contains("Staff?"));
    // A session opened under --lang en takes it.
    let dir = tempfile::tempdir().unwrap();
    let mut app = welcome_app(dir.path());
    app.forced_lang = Some(Lang::En);
    app.open(
        Session::new(&app.bank, Lang::Fr, instant()),
        dir.path().join("s.json"),
    );
    assert_eq!(app.session.as_ref().unwrap().lang, Lang::En);
    assert!(screen(&app, 80, 24).contains("Organisation name?"));
}

#[test]
fn esc_on_the_first_question_goes_back_to_the_welcome_screen() {
    let (mut app, _dir) = app_at(json!({}), "org.name");
    assert_eq!(keys(&mut app, &[key(KeyCode::Esc)]), [Effect::Welcome]);
}

#[test]
fn an_empty_organisation_name_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = welcome_app(dir.path());
    let effects = keys(
        &mut app,
        &[
            key(KeyCode::Enter),
            key(KeyCode::Enter),
            key(KeyCode::Enter),
        ],
    );
    assert!(effects.is_empty());
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("Indiquez le nom de l’organisation"),
        "{shown}"
    );
}

#[test]
fn the_welcome_list_shows_a_score_only_for_a_finished_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let bank = mini_bank();
    let mut done = common::session_with(
        &bank,
        answers(
            json!({"org.name": "Fini", "org.where": ["eu"], "paper": false, "size": 3,
            "email": "a@b.fr", "backup": "offsite", "comments": "", "vendors": {"entries": []},
            "favourite": {"dont_know": true}}),
        ),
    );
    done.sync_bindings(&bank);
    let started = common::session_with(
        &bank,
        answers(json!({"org.name": "Commencé", "paper": false})),
    );
    privaudit::session::save(&done, &dir.path().join("fini.json")).unwrap();
    privaudit::session::save(&started, &dir.path().join("commence.json")).unwrap();
    let app = welcome_app(dir.path());
    let shown = screen(&app, 120, 40);
    let line = |name: &str| {
        shown
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not listed: {shown}"))
            .to_string()
    };
    assert!(line("Fini").contains("/100"), "{}", line("Fini"));
    assert!(line("Fini").contains("fini.json"));
    assert!(!line("Commencé").contains("/100"), "{}", line("Commencé"));
    assert!(line("Commencé").contains("%"));
}

#[test]
fn at_the_smallest_size_every_key_is_shown_and_long_lists_scroll() {
    let (w, h) = privaudit::tui::view::MIN_SIZE;
    let (mut app, _dir) = app_at(json!({}), "size");
    let shown = screen(&app, w, h);
    for k in [
        "F1", "F2", "F3", "F4", "F5", "F10", "F6", "Ctrl-Z", "Ctrl-Q",
    ] {
        assert!(shown.contains(k), "{k} missing at {w}×{h}:\n{shown}");
    }
    // A group of 12 entries: the cursor on the last one stays on screen.
    let entries: Vec<_> = (1..=12)
        .map(|i| json!({"name": format!("Fournisseur {i}")}))
        .collect();
    let (mut app2, _dir2) = app_at(json!({"vendors": {"entries": entries}}), "vendors");
    // Down to « Done », past the twelve entries and « Add ».
    keys(&mut app2, &vec![key(KeyCode::Down); 13]);
    let shown = screen(&app2, w, h);
    assert!(shown.contains("12. Fournisseur 12"), "{shown}");
    assert!(shown.contains("de plus au-dessus"), "{shown}");
    keys(&mut app2, &vec![key(KeyCode::Up); 13]);
    let shown = screen(&app2, w, h);
    assert!(shown.contains("1. Fournisseur 1"), "{shown}");
    assert!(shown.contains("de plus en dessous"), "{shown}");
    app.update(Msg::Quit);
}

/// The welcome screen over `dir` holding one finished mini-bank session, highlighted.
fn welcome_with_one(dir: &std::path::Path) -> (App, std::path::PathBuf) {
    let bank = mini_bank();
    let s = common::session_with(
        &bank,
        answers(json!({"org.name": "Atelier Nord", "size": 4})),
    );
    let path = dir.join("atelier-nord.json");
    privaudit::session::save(&s, &path).unwrap();
    let mut app = welcome_app(dir);
    keys(&mut app, &[key(KeyCode::Down)]);
    (app, path)
}

#[test]
fn the_welcome_screen_renames_duplicates_archives_and_deletes_with_a_yes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = welcome_with_one(dir.path());
    assert_eq!(
        keys(&mut app, &[key(KeyCode::Char('d'))]),
        [Effect::Duplicate(path.clone())]
    );
    assert_eq!(
        keys(&mut app, &[key(KeyCode::Char('a'))]),
        [Effect::Archive(path.clone())]
    );
    // Delete asks first; Esc keeps it.
    assert_eq!(keys(&mut app, &[key(KeyCode::Delete)]), []);
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
    keys(&mut app, &[key(KeyCode::Esc)]);
    assert!(app.popup.is_none());
    let effects = keys(&mut app, &[key(KeyCode::Delete), key(KeyCode::Enter)]);
    assert_eq!(effects, [Effect::DeleteSession(path.clone())]);
    // Rename: the current name to edit, then Enter.
    let mut events = vec![key(KeyCode::Char('r'))];
    events.extend(typed(" SARL"));
    events.push(key(KeyCode::Enter));
    assert_eq!(
        keys(&mut app, &events),
        [Effect::Rename(path, "Atelier Nord SARL".into())]
    );
}

#[test]
fn a_new_audit_from_last_year_has_every_answer_to_confirm() {
    let dir = tempfile::tempdir().unwrap();
    let bank = mini_bank();
    let (_, path) = welcome_with_one(dir.path());
    let (file, next) =
        privaudit::session::library::duplicate(dir.path(), &path, &bank, Lang::Fr).unwrap();
    assert_ne!(file.path(), path.as_path());
    assert_eq!(next.previous.as_deref(), Some(path.as_path()));
    assert!(next.to_confirm.contains("size") && next.to_confirm.contains("org.name"));
    // The wizard resumes at the first answer to confirm, and Enter confirms it.
    let mut app = welcome_app(dir.path());
    app.open(next, file.path().to_path_buf());
    assert_eq!(app.current.as_deref(), Some("org.name"));
    assert!(screen(&app, 80, 24).contains("[à confirmer]"));
    keys(&mut app, &[key(KeyCode::Enter)]);
    let session = app.session.as_ref().unwrap();
    assert!(!session.to_confirm.contains("org.name"));
    assert!(session.to_confirm.contains("size"));
    // Archive and delete act on files.
    let archived = privaudit::session::library::archive(&path).unwrap();
    assert!(archived.starts_with(dir.path().join("archive")) && !path.exists());
    privaudit::session::library::delete(&archived).unwrap();
    assert!(!archived.exists());
    privaudit::session::library::rename(file.path(), &bank, "Atelier Nord 2027", Lang::Fr).unwrap();
    let renamed = privaudit::session::load(file.path()).unwrap();
    assert_eq!(renamed.organisation, "Atelier Nord 2027");
}

#[test]
fn the_mission_screen_fills_the_cover_fields_and_checks_the_date() {
    let (mut app, _dir) = app_at(json!({"org.name": "Atelier Nord"}), "size");
    keys(&mut app, &[key(KeyCode::F(7))]);
    assert!(matches!(app.screen, Screen::Mission(_)));
    assert!(app.is_typing(), "keys go to the fields");
    let mut events = typed("Julie Roy");
    events.push(key(KeyCode::Tab));
    events.extend(typed("Conseil Roy"));
    events.push(key(KeyCode::Tab));
    events.extend(typed("Marc Dupain"));
    events.push(key(KeyCode::Tab));
    events.extend(typed("31/02/2026"));
    events.push(key(KeyCode::Enter));
    keys(&mut app, &events);
    assert!(
        matches!(app.screen, Screen::Mission(_)),
        "a day that does not exist is refused"
    );
    assert!(screen(&app, 80, 24).contains("Cette date n’existe pas"));
    for _ in 0..10 {
        keys(&mut app, &[key(KeyCode::Backspace)]);
    }
    // Written as in France, kept as YYYY-MM-DD.
    let mut events = typed("29/11/2026");
    events.push(key(KeyCode::Tab));
    events.extend(typed("Siège et boutique"));
    events.push(key(KeyCode::Enter));
    let effects = keys(&mut app, &events);
    assert!(effects.contains(&Effect::Save), "{effects:?}");
    assert!(matches!(app.screen, Screen::Interview));
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.prepared_by.as_deref(), Some("Julie Roy"));
    assert_eq!(session.mission.firm.as_deref(), Some("Conseil Roy"));
    assert_eq!(session.mission.contact.as_deref(), Some("Marc Dupain"));
    assert_eq!(session.mission.visit_date.as_deref(), Some("2026-11-29"));
    assert_eq!(session.mission.scope.as_deref(), Some("Siège et boutique"));
    // A logo is checked by the event loop, which answers with where it is kept.
    keys(&mut app, &[key(KeyCode::F(7))]);
    for _ in 0..5 {
        keys(&mut app, &[key(KeyCode::Tab)]);
    }
    let mut events = typed("logo.gif");
    events.push(key(KeyCode::Enter));
    assert_eq!(
        keys(&mut app, &events),
        [Effect::CheckLogo("logo.gif".into())]
    );
    app.update(Msg::LogoChecked(Err(
        "neither a PNG nor a JPEG image".into()
    )));
    assert!(screen(&app, 80, 24).contains("neither a PNG nor a JPEG"));
    app.update(Msg::LogoChecked(Ok("logo.jpg".into())));
    assert_eq!(
        app.session.as_ref().unwrap().logo.as_deref(),
        Some(std::path::Path::new("logo.jpg"))
    );
}

#[test]
fn a_session_from_a_newer_bank_version_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = welcome_app(dir.path());
    let mut session = Session::new(&app.bank, Lang::Fr, instant());
    session.bank.version = "9.0.0".into();
    app.open(session, dir.path().join("s.json"));
    let status = app.status.clone().unwrap().1;
    assert!(status.contains("version 9.0.0"), "{status}");
    assert_eq!(
        app.session.as_ref().unwrap().bank.version,
        "9.0.0",
        "not re-stamped"
    );
}

#[test]
fn a_message_goes_away_at_the_next_key() {
    let (mut app, _dir) = app_at(json!({}), "paper");
    keys(&mut app, &[key(KeyCode::Enter)]);
    assert!(app.status.is_some(), "Enter with nothing chosen says why");
    keys(&mut app, &[key(KeyCode::Down)]);
    assert!(app.status.is_none());
}

#[test]
fn a_file_error_is_said_in_the_interface_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plain-file"), "x").unwrap();
    let bank = mini_bank();
    let path = dir.path().join("plain-file/acme.json");
    let error =
        privaudit::session::SessionFile::create(&path, &Session::new(&bank, Lang::Fr, instant()))
            .unwrap_err();
    let said = error.describe(Lang::Fr);
    assert!(
        said.contains("un élément du chemin n’est pas un dossier"),
        "{said}"
    );
    assert!(
        !said.contains(".privaudit-"),
        "no temporary file named: {said}"
    );
}

#[test]
fn a_failed_save_is_remembered_until_a_save_works() {
    let (mut app, _dir) = app_at(json!({}), "size");
    app.update(Msg::Saved(Err("disque plein".into())));
    assert!(app.unsaved);
    assert!(app.status.as_ref().unwrap().1.contains("disque plein"));
    app.update(Msg::Saved(Ok(privaudit::session::Saved::Written)));
    assert!(!app.unsaved);
}

/// Text typed and not yet confirmed is never lost: Ctrl-Q and Esc keep it
/// when it is a valid answer; when it is not, the first Ctrl-Q says why and
/// the second quits without it.
#[test]
fn typed_text_is_kept_on_quit_and_on_leaving_the_question() {
    let (mut app, _dir) = app_at(json!({}), "org.name");
    let mut events = typed("Atelier");
    events.push(press(KeyCode::Char('q'), KeyModifiers::CONTROL));
    assert_eq!(keys(&mut app, &events), [Effect::Save]);
    assert!(app.quit);
    let session = app.session.as_ref().unwrap();
    assert_eq!(session.answers["org.name"], Answer::Text("Atelier".into()));

    let given = json!({"org.name": "A", "org.where": ["eu"], "paper": false, "size": 3});
    let (mut app, _dir) = app_at(given.clone(), "email");
    let mut events = typed("contact@atelier.fr");
    events.push(key(KeyCode::Esc));
    keys(&mut app, &events);
    assert_eq!(app.current.as_deref(), Some("size"), "Esc goes back");
    assert_eq!(
        app.session.as_ref().unwrap().answers["email"],
        Answer::Text("contact@atelier.fr".into()),
        "and keeps what was typed"
    );

    let (mut app, _dir) = app_at(given, "email");
    let quit = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
    let mut events = typed("pas une adresse");
    events.push(quit.clone());
    assert!(keys(&mut app, &events).is_empty());
    assert!(
        !app.quit,
        "the first Ctrl-Q says why the text cannot be kept"
    );
    assert!(screen(&app, 120, 40).contains("Ctrl-Q"));
    assert_eq!(keys(&mut app, &[quit]), [Effect::Quit]);
    assert!(!app.session.as_ref().unwrap().answers.contains_key("email"));
}

/// "Other, specify" ticked with nothing typed is not dropped in silence:
/// Enter goes to its field and says so.
#[test]
fn other_ticked_without_text_asks_for_it() {
    let (mut app, _dir) = app_at(json!({"org.name": "A", "paper": true}), "paper.measures");
    let mut events = vec![
        key(KeyCode::Down),
        key(KeyCode::Char(' ')),
        key(KeyCode::Down),
        key(KeyCode::Down),
        key(KeyCode::Char(' ')),
        key(KeyCode::Enter),
    ];
    keys(&mut app, &events);
    assert!(
        !app.session
            .as_ref()
            .unwrap()
            .answers
            .contains_key("paper.measures"),
        "nothing recorded without the text"
    );
    assert!(screen(&app, 120, 40).contains("Précisez votre réponse"));
    events = typed("Chien de garde");
    events.push(key(KeyCode::Enter));
    keys(&mut app, &events);
    let recorded =
        serde_json::to_value(&app.session.as_ref().unwrap().answers["paper.measures"]).unwrap();
    assert_eq!(
        recorded,
        json!({"selected": ["locked", "other"], "other": "Chien de garde"})
    );
}

/// Space on a checklist where nothing is highlighted yet ticks its first
/// option instead of doing nothing (wizard review, C3).
#[test]
fn space_on_an_untouched_checklist_ticks_the_first_option() {
    let (mut app, _dir) = app_at(json!({"org.name": "A", "paper": true}), "paper.measures");
    keys(&mut app, &[key(KeyCode::Char(' ')), key(KeyCode::Enter)]);
    assert_eq!(
        app.session.as_ref().unwrap().answers["paper.measures"],
        Answer::Choices(vec!["locked".into()])
    );
}
