//! Strings the PDF holds outside its pages (bookmarks, link descriptions,
//! alternate text, document information, XMP): cleaned, and in the
//! smallest encoding that holds them.

use lopdf::{Object, StringFormat};

/// Text for a PDF text string (bookmarks, link descriptions, document
/// information): PDFDocEncoding when it has every character, else UTF-16BE
/// with its byte-order mark.
pub fn text_string(text: &str) -> Object {
    let text = metadata_text(text);
    let bytes = pdf_doc_encoded(&text).unwrap_or_else(|| {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        bytes
    });
    Object::String(bytes, StringFormat::Literal)
}

/// Text for the document's metadata, bookmarks and link descriptions:
/// [`crate::sanitize::metadata`], and no-break spaces made plain ones. They
/// only keep words on one line of a page, and these strings are not laid
/// out on a page (« 1. Synthèse » in a bookmark, « Priorité : élevée » read
/// aloud); PDFDocEncoding lacks them, which made such a string UTF-16.
pub fn metadata_text(text: &str) -> String {
    crate::sanitize::metadata(text).replace(['\u{a0}', '\u{202f}'], " ")
}

/// `text` in PDFDocEncoding (ISO 32000-1, annex D), one byte a character,
/// when it has every character: a quarter of the size of UTF-16 in hex for
/// most French and English titles (accents, guillemets, ’ and dashes are
/// in it).
fn pdf_doc_encoded(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match c {
            ' '..='~' | '\t' | '\n' | '\r' => Some(c as u8),
            '\u{a1}'..='\u{ff}' if c != '\u{ad}' => Some(c as u8),
            '•' => Some(0x80),
            '…' => Some(0x83),
            '—' => Some(0x84),
            '–' => Some(0x85),
            '‹' => Some(0x88),
            '›' => Some(0x89),
            '“' => Some(0x8D),
            '”' => Some(0x8E),
            '‘' => Some(0x8F),
            '’' => Some(0x90),
            'Œ' => Some(0x96),
            'œ' => Some(0x9C),
            '€' => Some(0xA0),
            _ => None,
        })
        .collect()
}
