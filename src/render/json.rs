//! The JSON export: the report model as is, for other programs.

use crate::report::Report;
use serde::Serialize;

/// The envelope of a JSON export.
#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    version: u32,
    report: &'a Report,
}

/// The report as pretty-printed JSON, ending with a newline.
pub fn render(report: &Report) -> String {
    let export = Export {
        format: "privaudit-report",
        version: 1,
        report,
    };
    let mut out = serde_json::to_string_pretty(&export).expect("reports serialise");
    out.push('\n');
    out
}
