//! The document as PDF bytes: streams as indirect objects, every other
//! object packed into deflated object streams, and a cross-reference stream
//! (deflated, with the PNG "up" predictor) that ends the file. Written here
//! rather than by lopdf, whose object streams serialise each object twice
//! and leave the cross-reference stream raw (a third of the export's time
//! and a tenth of the file once the structure tree is there). The file
//! identifier is a hash of everything before it, so that the same document
//! gives the same bytes.

use super::deflate::{Effort, deflate};
use lopdf::{Dictionary, Object, StringFormat};
use std::io::Write as _;

/// Objects per object stream: larger streams compress better; a reader
/// inflates a whole stream to reach one object.
const OBJECTS_PER_STREAM: usize = 400;

/// Where an object is in the file.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    /// At this byte offset.
    At(usize),
    /// In this object stream, at this index.
    In(u32, usize),
}

/// Objects already written as PDF syntax, one after the other in `bytes`:
/// thousands of small dictionaries (the structure tree) cost a tenth of the
/// memory and time this way than as lopdf objects.
#[derive(Debug, Default)]
pub struct Raw {
    /// The objects' text.
    pub bytes: Vec<u8>,
    /// Each object's number and where its text ends in `bytes`.
    pub ends: Vec<(u32, usize)>,
}

impl Raw {
    /// Ends object `id`, whose text was just written to `bytes`.
    pub fn end(&mut self, id: u32) {
        self.ends.push((id, self.bytes.len()));
    }

    /// Writes a direct object as PDF syntax.
    pub fn value(&mut self, v: &Object) {
        value(&mut self.bytes, v);
    }
}

/// An object to pack in an object stream.
enum Packed<'a> {
    Object(&'a Object),
    Raw(&'a [u8]),
}

/// The document's bytes, `version` in the header, with the `raw` objects
/// (numbered apart from the document's own).
pub fn save(pdf: &lopdf::Document, raw: &Raw, version: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    let _ = write!(out, "%PDF-{version}\n%\u{e2}\u{e3}\u{cf}\u{d3}\n");
    let mut max_id = pdf
        .objects
        .keys()
        .map(|id| id.0)
        .chain(raw.ends.iter().map(|e| e.0))
        .max()
        .unwrap_or(0);
    let mut entries: Vec<Entry> = vec![Entry::Free; max_id as usize + 1];
    let mut packed: Vec<(u32, Packed<'_>)> = Vec::with_capacity(raw.ends.len() + pdf.objects.len());
    let mut start = 0;
    for &(id, end) in &raw.ends {
        packed.push((id, Packed::Raw(&raw.bytes[start..end])));
        start = end;
    }
    for (&(id, generation), object) in &pdf.objects {
        match object {
            Object::Stream(stream) => {
                entries[id as usize] = Entry::At(out.len());
                let _ = writeln!(out, "{id} {generation} obj");
                let mut dict = stream.dict.clone();
                dict.set("Length", stream.content.len() as i64);
                write_dict(&mut out, &dict);
                out.extend_from_slice(b"stream\n");
                out.extend_from_slice(&stream.content);
                out.extend_from_slice(b"\nendstream\nendobj\n");
            }
            _ => packed.push((id, Packed::Object(object))),
        }
    }
    packed.sort_by_key(|p| p.0);
    let mut body = Vec::new();
    for group in packed.chunks(OBJECTS_PER_STREAM) {
        max_id += 1;
        let stream_id = max_id;
        body.clear();
        let mut offsets = Vec::with_capacity(group.len());
        for (index, (id, object)) in group.iter().enumerate() {
            let id = *id;
            offsets.push((id, body.len()));
            match object {
                Packed::Object(object) => value(&mut body, object),
                Packed::Raw(bytes) => body.extend_from_slice(bytes),
            }
            body.push(b'\n');
            entries[id as usize] = Entry::In(stream_id, index);
        }
        let mut head = Vec::new();
        for (id, offset) in &offsets {
            let _ = write!(head, "{id} {offset} ");
        }
        head.push(b'\n');
        let mut content = head.clone();
        content.extend_from_slice(&body);
        let deflated = deflate(&content, Effort::OBJECTS);
        entries.push(Entry::At(out.len()));
        let _ = write!(
            out,
            "{stream_id} 0 obj\n<</Type/ObjStm/N {}/First {}/Filter/FlateDecode/Length {}>>stream\n",
            group.len(),
            head.len(),
            deflated.len()
        );
        out.extend_from_slice(&deflated);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    // The cross-reference stream: 1 byte of type, 4 of offset or stream, 2 of index.
    let xref_id = max_id + 1;
    let xref_at = out.len();
    entries.push(Entry::At(xref_at));
    const ROW: usize = 7;
    let mut rows = Vec::with_capacity(entries.len() * (ROW + 1));
    let mut previous = [0u8; ROW];
    for entry in &entries {
        let (kind, field, index) = match *entry {
            Entry::Free => (0u8, 0u32, 0xFFFFu16),
            Entry::At(offset) => (1, offset as u32, 0),
            Entry::In(stream, index) => (2, stream, index as u16),
        };
        let mut row = [0u8; ROW];
        row[0] = kind;
        row[1..5].copy_from_slice(&field.to_be_bytes());
        row[5..].copy_from_slice(&index.to_be_bytes());
        // PNG "up" predictor: each byte less the one above it.
        rows.push(2);
        for (i, &b) in row.iter().enumerate() {
            rows.push(b.wrapping_sub(previous[i]));
        }
        previous = row;
    }
    let rows = deflate(&rows, Effort::OBJECTS);
    let id = file_id(&out);
    let mut trailer = Dictionary::new();
    trailer.set("Type", Object::Name(b"XRef".to_vec()));
    trailer.set("Size", i64::from(xref_id) + 1);
    trailer.set(
        "W",
        vec![Object::Integer(1), Object::Integer(4), Object::Integer(2)],
    );
    for key in [&b"Root"[..], b"Info"] {
        if let Ok(value) = pdf.trailer.get(key) {
            trailer.set(key, value.clone());
        }
    }
    trailer.set(
        "ID",
        vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ],
    );
    trailer.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    let mut parms = Dictionary::new();
    parms.set("Predictor", 12);
    parms.set("Columns", ROW as i64);
    trailer.set("DecodeParms", parms);
    trailer.set("Length", rows.len() as i64);
    let _ = writeln!(out, "{xref_id} 0 obj");
    write_dict(&mut out, &trailer);
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&rows);
    let _ = write!(out, "\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n");
    out
}

/// A file identifier that depends only on the bytes before it.
fn file_id(bytes: &[u8]) -> Vec<u8> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut id = hash.to_be_bytes().to_vec();
    id.extend_from_slice(&hash.rotate_left(32).wrapping_mul(31).to_be_bytes());
    id
}

/// Whether `b` ends a token by itself (so no space is needed before it).
fn delimiter(b: u8) -> bool {
    matches!(b, b'/' | b'<' | b'>' | b'[' | b']' | b'(' | b')')
}

fn write_dict(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, v) in dict.iter() {
        name(out, key);
        separate(out, v);
        value(out, v);
    }
    out.extend_from_slice(b">>");
}

/// A space before `v` unless it starts with a delimiter.
fn separate(out: &mut Vec<u8>, v: &Object) {
    let starts_with_delimiter = matches!(
        v,
        Object::Name(_) | Object::String(..) | Object::Array(_) | Object::Dictionary(_)
    );
    if !starts_with_delimiter {
        out.push(b' ');
    }
}

fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if b.is_ascii_graphic() && !delimiter(b) && b != b'#' && b != b'%' && b != b'{' && b != b'}'
        {
            out.push(b);
        } else {
            let _ = write!(out, "#{b:02X}");
        }
    }
}

/// A direct object (streams are only ever indirect: written by [`save`]).
fn value(out: &mut Vec<u8>, v: &Object) {
    match v {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        Object::Real(r) => {
            let _ = write!(out, "{r}");
        }
        Object::Name(n) => name(out, n),
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in bytes {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for &b in bytes {
                match b {
                    b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    separate(out, item);
                }
                value(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => write_dict(out, dict),
        Object::Stream(stream) => write_dict(out, &stream.dict),
        Object::Reference((id, generation)) => {
            let _ = write!(out, "{id} {generation} R");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn objects_are_written_with_the_fewest_spaces_and_escaped() {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Annot".to_vec()));
        dict.set("Rect", vec![Object::Real(1.5), Object::Integer(2)]);
        dict.set("T", Object::string_literal("a(b)\\"));
        dict.set("N", Object::Name(b"A B#".to_vec()));
        dict.set("P", Object::Reference((12, 0)));
        let mut out = Vec::new();
        value(&mut out, &Object::Dictionary(dict));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<</Type/Annot/Rect[1.5 2]/T(a\\(b\\)\\\\)/N/A#20B#23/P 12 0 R>>"
        );
    }

    #[test]
    fn lopdf_reads_back_every_object_from_the_streams() {
        let mut pdf = lopdf::Document::with_version("1.7");
        let pages = pdf.new_object_id();
        let page = pdf.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        });
        pdf.objects.insert(
            pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let content = pdf.add_object(lopdf::Stream::new(Dictionary::new(), b"0 0 m".to_vec()));
        let catalog = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        pdf.trailer.set("Root", catalog);
        let mut raw = Raw::default();
        let extra = pdf.new_object_id().0;
        raw.value(&Object::Integer(42));
        raw.end(extra);
        let bytes = save(&pdf, &raw, "1.7");
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(back.get_pages().len(), 1);
        let stream = back.get_object(content).unwrap().as_stream().unwrap();
        assert_eq!(stream.content, b"0 0 m");
        assert_eq!(back.get_object((extra, 0)).unwrap().as_i64().unwrap(), 42);
        assert_eq!(save(&pdf, &raw, "1.7"), bytes, "the same bytes every time");
    }
}
