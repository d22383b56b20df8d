//! The mission screen (F7): the consultant, their firm, the client's contact
//! person, the visit date, the scope and the logo, for the report's cover.

use super::{App, Effect, Msg, Screen, paste};
use crate::session::Mission;
use crate::tui::strings::words;
use std::path::PathBuf;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// The fields of the mission screen, in order.
pub const FIELDS: usize = 6;
/// The index of the visit date.
const DATE: usize = 3;
/// The index of the logo.
pub const LOGO: usize = 5;

/// The mission being edited.
#[derive(Debug, Clone)]
pub struct MissionForm {
    /// Consultant, firm, contact, visit date, scope, logo.
    pub inputs: [Input; FIELDS],
    /// The field with the keys.
    pub focus: usize,
    /// Why the last Enter was refused.
    pub error: Option<String>,
}

/// A visit date typed `2026-11-29` or, as French people write it,
/// `29/11/2026`; `None` when it is not a day of the calendar.
fn visit_date(typed: &str) -> Option<time::Date> {
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    let french = time::macros::format_description!("[day]/[month]/[year]");
    time::Date::parse(typed, &iso)
        .or_else(|_| time::Date::parse(typed, &french))
        .ok()
}

impl App {
    /// Opens the mission screen with what the session holds.
    pub(super) fn open_mission(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let m = &session.mission;
        let text = |v: &Option<String>| Input::new(v.clone().unwrap_or_default());
        let logo = session
            .logo
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        self.screen = Screen::Mission(Box::new(MissionForm {
            inputs: [
                text(&session.prepared_by),
                text(&m.firm),
                text(&m.contact),
                text(&m.visit_date),
                text(&m.scope),
                Input::new(logo),
            ],
            focus: 0,
            error: None,
        }));
    }

    pub(super) fn update_mission(&mut self, msg: Msg) -> Option<Effect> {
        let Screen::Mission(form) = &mut self.screen else {
            return None;
        };
        match msg {
            Msg::Up => form.focus = (form.focus + FIELDS - 1) % FIELDS,
            Msg::Down | Msg::Focus => form.focus = (form.focus + 1) % FIELDS,
            Msg::Edit(ev) => {
                form.inputs[form.focus].handle_event(&ev);
                form.error = None;
            }
            Msg::Paste(text) => paste(&mut form.inputs[form.focus], &text),
            Msg::Back => self.go_to(self.current.clone()),
            Msg::Confirm => {
                let typed = form.inputs[DATE].value().trim().to_string();
                if !typed.is_empty() {
                    match visit_date(&typed) {
                        Some(date) => form.inputs[DATE] = Input::new(date.to_string()),
                        None => {
                            form.focus = DATE;
                            form.error = Some(words(self.lang).mission_date.to_string());
                            return None;
                        }
                    }
                }
                let logo = form.inputs[LOGO].value().trim().to_string();
                if logo.is_empty() {
                    return self.apply_mission(None);
                }
                return Some(Effect::CheckLogo(PathBuf::from(logo)));
            }
            Msg::LogoChecked(Ok(path)) => return self.apply_mission(Some(path)),
            Msg::LogoChecked(Err(e)) => {
                form.focus = LOGO;
                form.error = Some(e);
            }
            _ => {}
        }
        None
    }

    /// Copies the form into the session (the logo already checked) and goes
    /// back to the interview; the change is saved like any other.
    fn apply_mission(&mut self, logo: Option<PathBuf>) -> Option<Effect> {
        let Screen::Mission(form) = &self.screen else {
            return None;
        };
        let value =
            |i: usize| Some(form.inputs[i].value().trim().to_string()).filter(|v| !v.is_empty());
        let mission = Mission {
            firm: value(1),
            contact: value(2),
            visit_date: value(3),
            scope: value(4),
        };
        let prepared_by = value(0);
        let session = self.session.as_mut()?;
        session.prepared_by = prepared_by;
        session.mission = mission;
        session.logo = logo;
        session.updated = time::OffsetDateTime::now_utc();
        self.status = Some((true, words(self.lang).mission_saved.to_string()));
        self.go_to(self.current.clone());
        None
    }
}
