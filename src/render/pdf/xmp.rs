//! What makes the file archival and declares it accessible: the XMP
//! metadata packet (title, language, author, dates, tool, and the PDF/UA-1
//! identification) and an sRGB output intent
//! (the ICC profile in `assets/icc`: see its README).

use super::write::Info;
use lopdf::{Dictionary, Object, ObjectId, Stream};

/// The sRGB profile: Little CMS's built-in one (ICC v4.2, 588 bytes; see its README).
const SRGB: &[u8] = include_bytes!("../../../assets/icc/sRGB.icc");

/// The dates as the document information writes them: `D:20261122000000+00'00'`.
pub fn pdf_date(date: time::OffsetDateTime) -> String {
    let (h, m, _) = date.offset().as_hms();
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}{}{:02}'{:02}'",
        date.year(),
        u8::from(date.month()),
        date.day(),
        date.hour(),
        date.minute(),
        date.second(),
        if date.offset().is_negative() {
            '-'
        } else {
            '+'
        },
        h.unsigned_abs(),
        m.unsigned_abs()
    )
}

/// The same date as XMP writes it: `2026-11-22T00:00:00+00:00`.
fn xmp_date(date: time::OffsetDateTime) -> String {
    let (h, m, _) = date.offset().as_hms();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
        date.year(),
        u8::from(date.month()),
        date.day(),
        date.hour(),
        date.minute(),
        date.second(),
        if date.offset().is_negative() {
            '-'
        } else {
            '+'
        },
        h.unsigned_abs(),
        m.unsigned_abs()
    )
}

/// Text for XML: as in the document information, with markup characters escaped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::strings::metadata_text(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The XMP packet for `info`, `producer` as in the document information.
pub fn packet(info: &Info<'_>, producer: &str) -> String {
    let date = xmp_date(info.created);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>privaudit</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdf:Producer>{producer}</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{feff}',
        title = xml(info.title),
        author = xml(info.author),
        subject = xml(info.subject),
        lang = xml(info.lang),
        producer = xml(producer),
    )
}

/// Adds the metadata stream (left uncompressed, so that any tool can read
/// it) and the output intent to the catalog.
pub fn add(pdf: &mut lopdf::Document, catalog: ObjectId, info: &Info<'_>, producer: &str) {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let metadata = pdf
        .add_object(Stream::new(dict, packet(info, producer).into_bytes()).with_compression(false));
    let mut dict = Dictionary::new();
    dict.set("N", 3);
    // Deflated with the fonts.
    let profile = pdf.add_object(Stream::new(dict, SRGB.to_vec()));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    intent.set(
        "OutputConditionIdentifier",
        Object::string_literal("sRGB IEC61966-2.1"),
    );
    intent.set("Info", Object::string_literal("sRGB IEC61966-2.1"));
    intent.set("DestOutputProfile", profile);
    if let Ok(catalog) = pdf.get_object_mut(catalog).and_then(Object::as_dict_mut) {
        catalog.set("Metadata", metadata);
        catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_agree_between_the_information_and_the_xmp() {
        let date = time::macros::datetime!(2026-11-22 9:05:03 -5:00);
        assert_eq!(pdf_date(date), "D:20261122090503-05'00'");
        assert_eq!(xmp_date(date), "2026-11-22T09:05:03-05:00");
    }

    #[test]
    fn the_packet_escapes_markup_and_declares_pdf_ua_1() {
        let info = Info {
            title: "Audit <R&D> \"Café\"",
            author: "A",
            subject: "S",
            lang: "fr-FR",
            created: time::macros::datetime!(2026-11-22 0:00 UTC),
        };
        let xmp = packet(&info, "privaudit");
        assert!(xmp.contains("Audit &lt;R&amp;D&gt; &quot;Café&quot;"));
        assert!(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(xmp.contains("<rdf:li>fr-FR</rdf:li>"));
    }
}
