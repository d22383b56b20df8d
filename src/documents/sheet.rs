//! A small spreadsheet model the documents build, and its three renderings:
//! an `.xlsx` workbook (through rust_xlsxwriter), an OpenDocument `.ods`
//! spreadsheet (through spreadsheet-ods) and a CSV of its first sheet.

use super::Value;
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, Format, FormatAlign, FormatBorder, XlsxError,
};

/// A workbook: sheets in order.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The document's title (the file's properties).
    pub title: String,
    /// The sheets; the first is the one a CSV holds.
    pub sheets: Vec<Sheet>,
}

/// One sheet: a title, a few lines of explanation, then a table.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The tab's name (made valid and unique when written).
    pub name: String,
    /// The title printed above the table.
    pub title: String,
    /// Lines of explanation between the title and the table.
    pub intro: Vec<String>,
    /// The table's columns.
    pub columns: Vec<Column>,
    /// The table's rows, one value per column.
    pub rows: Vec<Vec<Value>>,
    /// Empty rows to prepare below the table for the user's own entries
    /// (they take the columns' choices too).
    pub spare_rows: u32,
}

/// A column of a sheet's table.
#[derive(Debug, Clone)]
pub struct Column {
    /// Its heading.
    pub header: String,
    /// Its width, in characters.
    pub width: f64,
    /// When not empty, the only values a cell may take (a drop-down list).
    pub choices: Vec<String>,
}

impl Column {
    /// A column of free text.
    pub fn new(header: impl Into<String>, width: f64) -> Column {
        Column {
            header: header.into(),
            width,
            choices: Vec::new(),
        }
    }

    /// A column whose cells take one of `choices`.
    pub fn choosing(header: impl Into<String>, width: f64, choices: Vec<String>) -> Column {
        Column {
            choices,
            ..Column::new(header, width)
        }
    }
}

/// The fill of a cell still to complete: a pale yellow the eye finds at once.
const TO_FILL: u32 = 0xFFEB9C;
/// The fill of the table's headings.
const HEADING: u32 = 0xD9E2F3;

/// The workbook as an `.xlsx` file.
pub fn xlsx(book: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.set_properties(&DocProperties::new().set_title(&book.title));
    let title = Format::new().set_bold().set_font_size(14);
    let intro = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(HEADING))
        .set_border(FormatBorder::Thin);
    let cell = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let to_fill = cell.clone().set_background_color(Color::RGB(TO_FILL));
    let mut names = Vec::new();
    for sheet in &book.sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(unique_name(&sheet.name, &mut names))?;
        let last_col = sheet.columns.len().saturating_sub(1) as u16;
        ws.write_string_with_format(0, 0, &sheet.title, &title)?;
        let mut row = 1u32;
        for line in &sheet.intro {
            ws.merge_range(row, 0, row, last_col.max(1), line, &intro)?;
            // A merged cell does not grow with its text: give long lines room.
            let width: f64 = sheet.columns.iter().map(|c| c.width).sum();
            let lines = (line.chars().count() as f64 / width.max(40.0))
                .ceil()
                .max(1.0);
            ws.set_row_height(row, 15.0 * lines)?;
            row += 1;
        }
        row += 1;
        let header_row = row;
        for (col, column) in sheet.columns.iter().enumerate() {
            let col = col as u16;
            ws.set_column_width(col, column.width)?;
            ws.write_string_with_format(row, col, &column.header, &heading)?;
        }
        for values in &sheet.rows {
            row += 1;
            for (col, value) in values.iter().enumerate() {
                let format = if value.to_fill { &to_fill } else { &cell };
                ws.write_string_with_format(row, col as u16, &value.text, format)?;
            }
        }
        let last_row = row + sheet.spare_rows;
        for spare in row + 1..=last_row {
            for col in 0..sheet.columns.len() {
                ws.write_blank(spare, col as u16, &cell)?;
            }
        }
        for (col, column) in sheet.columns.iter().enumerate() {
            if !column.choices.is_empty() && last_row > header_row {
                let choices: Vec<&str> = column.choices.iter().map(String::as_str).collect();
                let validation = DataValidation::new().allow_list_strings(&choices)?;
                let col = col as u16;
                ws.add_data_validation(header_row + 1, col, last_row, col, &validation)?;
            }
        }
        ws.set_freeze_panes(header_row + 1, 0)?;
    }
    workbook.save_to_buffer()
}

/// The workbook as an OpenDocument spreadsheet (`.ods`), laid out like the
/// `.xlsx`: title, explanation, headings in blue, cells to complete in
/// yellow, drop-down lists where a column has choices, the headings frozen.
pub fn ods(book: &Workbook) -> Result<Vec<u8>, spreadsheet_ods::OdsError> {
    use spreadsheet_ods::color::Rgb;
    use spreadsheet_ods::condition::Condition;
    use spreadsheet_ods::style::units::{Border, CellAlignVertical, FontSize, WrapOption};
    use spreadsheet_ods::validation::Validation;
    use spreadsheet_ods::{CellRef, CellStyle, Length};
    let rgb = |c: u32| Rgb::new((c >> 16) as u8, (c >> 8) as u8, c as u8);
    let mut wb = spreadsheet_ods::WorkBook::new_empty();
    wb.metadata_mut().title = book.title.clone();
    let style = |name: &str, f: &dyn Fn(&mut CellStyle)| {
        let mut style = CellStyle::new_empty();
        style.set_name(name);
        f(&mut style);
        style
    };
    let boxed = |s: &mut CellStyle| {
        s.set_wrap_option(WrapOption::Wrap);
        s.set_vertical_align(CellAlignVertical::Top);
        s.set_border(Length::Pt(0.5), Border::Solid, rgb(0x000000));
    };
    let title = wb.add_cellstyle(style("title", &|s| {
        s.set_font_bold();
        s.set_font_size(FontSize::from(Length::Pt(14.0)));
    }));
    let intro = wb.add_cellstyle(style("intro", &|s| {
        s.set_wrap_option(WrapOption::Wrap);
        s.set_vertical_align(CellAlignVertical::Top);
    }));
    let heading = wb.add_cellstyle(style("heading", &|s| {
        boxed(s);
        s.set_font_bold();
        s.set_background_color(rgb(HEADING));
    }));
    let cell = wb.add_cellstyle(style("cell", &|s| boxed(s)));
    let to_fill = wb.add_cellstyle(style("to-fill", &|s| {
        boxed(s);
        s.set_background_color(rgb(TO_FILL));
    }));
    let mut names = Vec::new();
    for sheet in &book.sheets {
        let name = unique_name(&sheet.name, &mut names);
        let mut ws = spreadsheet_ods::Sheet::new(&name);
        let columns = sheet.columns.len() as u32;
        ws.set_styled_value(0, 0, sheet.title.as_str(), &title);
        let width: f64 = sheet.columns.iter().map(|c| c.width).sum();
        let mut row = 1u32;
        for line in &sheet.intro {
            ws.set_styled_value(row, 0, line.as_str(), &intro);
            ws.set_col_span(row, 0, columns.max(2));
            // A merged cell does not grow with its text: give long lines room.
            let lines = (line.chars().count() as f64 / width.max(40.0))
                .ceil()
                .max(1.0);
            ws.set_row_height(row, Length::Pt(15.0 * lines));
            row += 1;
        }
        row += 1;
        let header_row = row;
        for (col, column) in sheet.columns.iter().enumerate() {
            let col = col as u32;
            // A character of the default font is about 5.6 points wide.
            ws.set_col_width(col, Length::Pt(column.width * 5.6 + 5.0));
            ws.set_styled_value(row, col, column.header.as_str(), &heading);
        }
        for values in &sheet.rows {
            row += 1;
            for (col, value) in values.iter().enumerate() {
                let style = if value.to_fill { &to_fill } else { &cell };
                ws.set_styled_value(row, col as u32, value.text.as_str(), style);
            }
        }
        let last_row = row + sheet.spare_rows;
        for spare in row + 1..=last_row {
            for col in 0..columns {
                ws.set_cellstyle(spare, col, &cell);
            }
        }
        for (col, column) in sheet.columns.iter().enumerate() {
            if column.choices.is_empty() || last_row <= header_row {
                continue;
            }
            let col = col as u32;
            let mut validation = Validation::new();
            validation.set_condition(Condition::content_is_in_list(&column.choices));
            validation.set_base_cell(CellRef::remote(&name, header_row + 1, col));
            let validation = wb.add_validation(validation);
            for r in header_row + 1..=last_row {
                ws.set_validation(r, col, &validation);
            }
        }
        ws.split_row_header(header_row);
        wb.push_sheet(ws);
    }
    spreadsheet_ods::write_ods_buf(&mut wb, Vec::new())
}

/// A valid tab name: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn unique_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let clean = if clean.is_empty() {
        "-".to_string()
    } else {
        clean
    };
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let candidate: String = clean.chars().take(room).collect::<String>() + &suffix;
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
            taken.push(candidate.clone());
            return candidate;
        }
        n += 1;
    }
}

/// The workbook's first sheet as CSV (RFC 4180, UTF-8 with a byte order mark
/// so that spreadsheet programs read the accents right): its headings, then its rows.
pub fn csv(book: &Workbook) -> String {
    let mut out = String::from("\u{feff}");
    let Some(sheet) = book.sheets.first() else {
        return out;
    };
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        cells.map(csv_field).collect::<Vec<_>>().join(",") + "\r\n"
    };
    out.push_str(&line(&mut sheet.columns.iter().map(|c| c.header.as_str())));
    for row in &sheet.rows {
        out.push_str(&line(&mut row.iter().map(|v| v.text.as_str())));
    }
    out
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        let long = "Comptes clients / fidélité : programme 2026 et suite";
        let a = unique_name(long, &mut taken);
        let b = unique_name(long, &mut taken);
        assert!(a.chars().count() <= 31 && b.chars().count() <= 31);
        assert!(!a.contains('/') && !a.contains(':'));
        assert_ne!(a, b);
        assert!(b.ends_with(" (2)"));
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("dit \"non\""), "\"dit \"\"non\"\"\"");
        assert_eq!(csv_field("simple"), "simple");
    }
}
