//! The laid-out pages as a PDF: printpdf embeds the font subsets (as CID
//! fonts with their widths and ToUnicode maps) and the logo; the page
//! content streams are written here, straight from the page model, and
//! deflated one by one as they are written; lopdf then adds what printpdf
//! cannot (document language, the structure tree of a tagged PDF, XMP
//! metadata and an output intent, a nested outline with exact
//! destinations); `save` writes the file.

use super::content::{self, PageMarks, Resources};
use super::deflate::{Effort, deflate};
use super::fonts::{Face, Fonts};
use super::glyphs::{self, Glyphs};
use super::layout::Layout;
use super::page::{Anchor, Item};
use super::palette::Palette;
use super::strings::text_string;
use super::structure;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use printpdf::{
    FontId, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, RawImage, Rect, TextItem,
    XObjectId,
};
use std::collections::{BTreeMap, BTreeSet};

/// What the document says about itself.
pub struct Info<'a> {
    /// Title.
    pub title: &'a str,
    /// Author: who prepared it, or the organisation.
    pub author: &'a str,
    /// Subject.
    pub subject: &'a str,
    /// Language tag (`fr-FR`, `en`).
    pub lang: &'a str,
    /// Creation date.
    pub created: time::OffsetDateTime,
}

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A font could not be subset.
    #[error("cannot embed the fonts: {0}")]
    Font(String),
    /// lopdf failed to serialise the document.
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
}

fn font_id(face: Face) -> FontId {
    FontId(content::font_name(face))
}

/// Writes `layout` as PDF bytes; the same layout and info give the same
/// bytes. The pages' items are dropped as their content is written.
pub fn write(
    mut layout: Layout,
    info: &Info<'_>,
    logo: Option<&RawImage>,
) -> Result<Vec<u8>, WriteError> {
    let g = layout.geometry;
    let mut doc = PdfDocument::new(info.title);
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Item::Text { style, text, .. } = item {
                used.entry(style.face).or_default().extend(text.chars());
            }
        }
    }
    let mut glyphs: [Glyphs; 2] = Default::default();
    // printpdf writes a font's widths for the glyphs its pages show: one
    // placeholder page shows every character used, once (its ToUnicode map
    // is replaced by `encode_fonts`, its page by `write_pages`).
    let mut placeholder = vec![Op::StartTextSection];
    for (face, chars) in &used {
        let font = Fonts::get()
            .subset(*face, chars)
            .map_err(WriteError::Font)?;
        glyphs[*face as usize] =
            Glyphs::new(chars.iter().copied(), |c| font.lookup_glyph_index(c as u32));
        doc.resources
            .fonts
            .map
            .insert(font_id(*face), printpdf::PdfFont::new(font));
        placeholder.push(Op::SetFont {
            font: PdfFontHandle::External(font_id(*face)),
            size: Pt(10.0),
        });
        placeholder.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().collect())],
        });
    }
    placeholder.push(Op::EndTextSection);
    drop(used);
    if let Some(image) = logo {
        doc.resources.xobjects.map.insert(
            XObjectId("Logo".into()),
            printpdf::XObject::Image(image.clone()),
        );
    }
    doc.with_pages(vec![PdfPage {
        media_box: Rect::from_wh(Pt(g.width), Pt(g.height)),
        trim_box: Rect::from_wh(Pt(g.width), Pt(g.height)),
        crop_box: Rect::from_wh(Pt(g.width), Pt(g.height)),
        ops: placeholder,
    }]);
    let meta = &mut doc.metadata.info;
    meta.author = info.author.to_string();
    meta.subject = info.subject.to_string();
    meta.creator = "privaudit".to_string();
    meta.producer = format!("privaudit {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let created = printpdf::DateTime::from_unix_timestamp(info.created.unix_timestamp())
        .unwrap_or(meta.creation_date);
    meta.creation_date = created;
    meta.modification_date = created;
    meta.metadata_date = created;
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let producer = meta.producer.clone();
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    drop(doc);
    encode_fonts(&mut pdf, &glyphs)?;
    let tree = std::mem::take(&mut layout.tree);
    let palette = Palette::of(&layout.pages);
    let res = Resources {
        glyphs: &glyphs,
        logo: logo.is_some(),
        height: g.height,
        tree: &tree,
        palette: &palette,
    };
    let (marks, links) = write_pages(&mut pdf, &mut layout, &res)?;
    let page_ids: Vec<ObjectId> = pdf.get_pages().values().copied().collect();
    let mut raw = super::save::Raw::default();
    let struct_root = structure::write(&mut pdf, &mut raw, &tree, &page_ids, &marks, &links);
    drop((tree, marks, links));
    finish(&mut pdf, &layout, info, struct_root, &producer);
    compress(&mut pdf);
    Ok(super::save::save(&pdf, &raw, &pdf.version))
}

/// The one page printpdf wrote (the placeholder): its font resources are
/// every page's, and the first page of the report takes its place.
fn placeholder_page(pdf: &lopdf::Document) -> Result<ObjectId, WriteError> {
    pdf.get_pages()
        .get(&1)
        .copied()
        .ok_or_else(|| broken("page"))
}

/// What printpdf's document lacks that it should have written.
fn broken(what: &str) -> WriteError {
    WriteError::Pdf(format!("printpdf wrote no {what}"))
}

/// Gives each font the encoding its text is shown with ([`Glyphs`]): the
/// one-byte CMap (embedded once, shared) instead of Identity-H when its
/// glyphs allow, and a ToUnicode map with the same codes.
fn encode_fonts(pdf: &mut lopdf::Document, glyphs: &[Glyphs; 2]) -> Result<(), WriteError> {
    let first = placeholder_page(pdf)?;
    let fonts = pdf
        .get_dictionary(first)
        .and_then(|page| page.get_deref(b"Resources", pdf))
        .and_then(Object::as_dict)
        .and_then(|resources| resources.get_deref(b"Font", pdf))
        .and_then(Object::as_dict)
        .map_err(|_| broken("font resources"))?
        .clone();
    let mut cmap = None;
    for face in Face::ALL {
        let name = content::font_name(face);
        let Ok(font_id) = fonts.get(name.as_bytes()).and_then(Object::as_reference) else {
            continue;
        };
        let glyphs = &glyphs[face as usize];
        let encoding = if glyphs.one_byte() {
            Object::Reference(*cmap.get_or_insert_with(|| {
                let mut dict = Dictionary::new();
                dict.set("Type", Object::Name(b"CMap".to_vec()));
                dict.set(
                    "CMapName",
                    Object::Name(glyphs::ONE_BYTE_CMAP_NAME.as_bytes().to_vec()),
                );
                let mut system = Dictionary::new();
                system.set("Registry", Object::string_literal("Adobe"));
                system.set("Ordering", Object::string_literal("Identity"));
                system.set("Supplement", 0);
                dict.set("CIDSystemInfo", system);
                dict.set("WMode", 0);
                pdf.add_object(Stream::new(dict, glyphs::ONE_BYTE_CMAP.as_bytes().to_vec()))
            }))
        } else {
            Object::Name(b"Identity-H".to_vec())
        };
        let to_unicode = pdf.add_object(Stream::new(
            Dictionary::new(),
            glyphs.to_unicode().into_bytes(),
        ));
        let font = pdf
            .get_object_mut(font_id)
            .and_then(Object::as_dict_mut)
            .map_err(|_| broken("font dictionary"))?;
        let old = font.get(b"ToUnicode").and_then(Object::as_reference).ok();
        font.set("Encoding", encoding);
        font.set("ToUnicode", to_unicode);
        if let Some(old) = old {
            pdf.objects.remove(&old);
        }
    }
    Ok(())
}

/// Replaces printpdf's placeholder page with the layout's pages: the first
/// page takes over its object and its content stream's, the others are new
/// objects; all share its resources (fonts F1 and F2, the colours, the `Logo` XObject).
/// Returns the structure element of each page's MCIDs, and the link
/// annotations with theirs.
fn write_pages(
    pdf: &mut lopdf::Document,
    layout: &mut Layout,
    res: &Resources<'_>,
) -> Result<(Vec<Vec<usize>>, Vec<structure::Link>), WriteError> {
    let first = placeholder_page(pdf)?;
    let placeholder = pdf
        .get_dictionary(first)
        .map_err(|_| broken("page dictionary"))?;
    let parent = placeholder
        .get(b"Parent")
        .and_then(Object::as_reference)
        .map_err(|_| broken("page tree"))?;
    let mut resources = placeholder
        .get(b"Resources")
        .map_err(|_| broken("page resources"))?
        .clone();
    let first_contents = placeholder
        .get(b"Contents")
        .and_then(Object::as_reference)
        .map_err(|_| broken("page contents"))?;
    if !res.palette.is_empty() {
        let space = pdf.add_object(res.palette.color_space());
        let dict = match &mut resources {
            Object::Reference(id) => pdf
                .get_object_mut(*id)
                .and_then(Object::as_dict_mut)
                .map_err(|_| broken("page resources"))?,
            object => object.as_dict_mut().map_err(|_| broken("page resources"))?,
        };
        let mut spaces = Dictionary::new();
        spaces.set(super::palette::NAME, Object::Reference(space));
        dict.set("ColorSpace", spaces);
    }
    let count = layout.pages.len().max(1);
    let page_ids: Vec<ObjectId> = std::iter::once(first)
        .chain((1..count).map(|_| pdf.new_object_id()))
        .collect();
    let (w, h) = (layout.geometry.width, layout.geometry.height);
    let page_box = || {
        Object::Array(vec![
            Object::Real(0.0),
            Object::Real(0.0),
            Object::Real(w),
            Object::Real(h),
        ])
    };
    let effort = Effort::pages(page_ids.len());
    let mut buffer = Vec::new();
    let mut all_marks = Vec::with_capacity(page_ids.len());
    let mut links = Vec::new();
    for (i, &page_id) in page_ids.iter().enumerate() {
        let mut annots = Vec::new();
        if let Some(page) = layout.pages.get_mut(i) {
            let PageMarks {
                mcids,
                links: link_nodes,
            } = content::write_page(page, res, &mut buffer);
            all_marks.push(mcids);
            let page_links = page.items.iter().filter_map(|item| match item {
                Item::Link { x, y, w, h, key } => Some(([*x, *y, *w, *h], *key)),
                _ => None,
            });
            for (([x, y, w, h], key), node) in page_links.zip(link_nodes) {
                let Some(anchor) = layout.anchors.iter().find(|a| a.key == Some(key)) else {
                    continue;
                };
                let mut dict = link(
                    [x, res.height - (y + h), x + w, res.height - y],
                    anchor,
                    &page_ids,
                    res.height,
                );
                let annot = pdf.new_object_id();
                if let Some(node) = node {
                    dict.set("StructParent", (count + links.len()) as i64);
                    links.push(structure::Link {
                        node,
                        page: i,
                        annot,
                    });
                }
                pdf.objects.insert(annot, Object::Dictionary(dict));
                annots.push(Object::Reference(annot));
            }
            // Done with this page: its memory goes to the next pages' streams.
            page.items = Vec::new();
        } else {
            buffer.clear();
            all_marks.push(Vec::new());
        }
        let stream = deflated(&buffer, effort);
        let contents = if i == 0 {
            pdf.objects.insert(first_contents, Object::Stream(stream));
            first_contents
        } else {
            pdf.add_object(stream)
        };
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        // The crop and trim boxes default to the media box.
        dict.set("MediaBox", page_box());
        dict.set("Parent", parent);
        dict.set("Resources", resources.clone());
        dict.set("Contents", contents);
        dict.set("StructParents", i as i64);
        if !annots.is_empty() {
            dict.set("Annots", Object::Array(annots));
            // Annotations are visited in the order of the structure.
            dict.set("Tabs", Object::Name(b"S".to_vec()));
        }
        pdf.objects.insert(page_id, Object::Dictionary(dict));
    }
    let kids = page_ids.iter().map(|&id| Object::Reference(id)).collect();
    let tree = pdf
        .get_object_mut(parent)
        .and_then(Object::as_dict_mut)
        .map_err(|_| broken("page tree"))?;
    tree.set("Kids", Object::Array(kids));
    tree.set("Count", page_ids.len() as i64);
    Ok((all_marks, links))
}

/// A borderless link annotation over `rect` (PDF coordinates) that goes to
/// `anchor`; it prints, and says where it goes.
fn link(rect: [f32; 4], anchor: &Anchor, pages: &[ObjectId], height: f32) -> Dictionary {
    let reals = |values: &[f32]| Object::Array(values.iter().map(|&v| Object::Real(v)).collect());
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Annot".to_vec()));
    dict.set("Subtype", Object::Name(b"Link".to_vec()));
    dict.set("Rect", reals(&rect));
    dict.set("Dest", destination(anchor, pages, height));
    dict.set("Border", reals(&[0.0, 0.0, 0.0]));
    dict.set("F", 4);
    dict.set("Contents", text_string(&anchor.title));
    dict
}

/// Where a link or an outline entry goes: the top of `anchor`'s page area,
/// a little above it, at the reader's zoom.
fn destination(anchor: &Anchor, pages: &[ObjectId], height: f32) -> Object {
    Object::Array(vec![
        pages
            .get(anchor.page)
            .or(pages.last())
            .map_or(Object::Null, |&id| Object::Reference(id)),
        Object::Name(b"XYZ".to_vec()),
        Object::Integer(0),
        Object::Real(height - anchor.y + 6.0),
        Object::Null,
    ])
}

/// `content` deflated with `effort`, if that makes it smaller.
fn deflate_at(content: &[u8], effort: Effort) -> Option<Vec<u8>> {
    let packed = deflate(content, effort);
    (packed.len() + 19 < content.len()).then_some(packed)
}

/// `content` as a stream, deflated with `effort` when that makes it smaller.
pub(super) fn deflated(content: &[u8], effort: Effort) -> Stream {
    match deflate_at(content, effort) {
        Some(packed) => {
            let mut dict = Dictionary::new();
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            Stream::new(dict, packed)
        }
        None => Stream::new(Dictionary::new(), content.to_vec()),
    }
}

/// Deflates every stream not yet filtered (the fonts, the colour profile,
/// the logo). lopdf's own `compress` uses the slowest level, which took a
/// third of the whole export for 1 % of size with a large logo.
fn compress(pdf: &mut lopdf::Document) {
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let image = stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image");
        let effort = if image { Effort::IMAGES } else { Effort::ONCE };
        if stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
            && let Some(packed) = deflate_at(&stream.content, effort)
        {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
}

/// Language, structure, metadata, outline and viewer preferences on the
/// catalog; clean document information.
fn finish(
    pdf: &mut lopdf::Document,
    layout: &Layout,
    info: &Info<'_>,
    struct_root: ObjectId,
    producer: &str,
) {
    let page_ids: Vec<ObjectId> = pdf.get_pages().values().copied().collect();
    let height = layout.geometry.height;
    let outline = outline(pdf, &layout.anchors, &page_ids, height);
    let catalog_id = pdf
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .expect("printpdf writes a catalog");
    if let Ok(catalog) = pdf.get_object_mut(catalog_id).and_then(Object::as_dict_mut) {
        catalog.set("Lang", Object::string_literal(info.lang));
        catalog.set("StructTreeRoot", struct_root);
        let mut mark_info = Dictionary::new();
        mark_info.set("Marked", true);
        catalog.set("MarkInfo", mark_info);
        let mut prefs = Dictionary::new();
        prefs.set("DisplayDocTitle", true);
        catalog.set("ViewerPreferences", prefs);
        match outline {
            Some(id) => {
                catalog.set("Outlines", id);
                catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
            }
            None => {
                catalog.remove(b"Outlines");
                catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
            }
        }
    }
    // printpdf stamps an empty PDF/X version and empty keys into the
    // document information, which makes readers report a PDF/X subtype.
    if let Some(info_id) = pdf.trailer.get(b"Info").and_then(Object::as_reference).ok()
        && let Ok(dict) = pdf.get_object_mut(info_id).and_then(Object::as_dict_mut)
    {
        for key in [
            &b"GTS_PDFXVersion"[..],
            b"Identifier",
            b"Keywords",
            b"Trapped",
        ] {
            dict.remove(key);
        }
        // printpdf writes every string in UTF-16: the same text, shorter.
        for key in [
            &b"Title"[..],
            b"Author",
            b"Subject",
            b"Creator",
            b"Producer",
        ] {
            if let Some(text) = dict
                .get(key)
                .ok()
                .and_then(|v| lopdf::decode_text_string(v).ok())
            {
                dict.set(key, text_string(&text));
            }
        }
        // The same dates, to the second and with their offset, as the XMP's.
        let date = super::xmp::pdf_date(info.created);
        dict.set("CreationDate", Object::string_literal(date.clone()));
        dict.set("ModDate", Object::string_literal(date));
    }
    super::xmp::add(pdf, catalog_id, info, producer);
    pdf.version = "1.7".to_string();
}

/// A two-level outline: chapters, and the headings inside them.
fn outline(
    pdf: &mut lopdf::Document,
    anchors: &[Anchor],
    pages: &[ObjectId],
    height: f32,
) -> Option<ObjectId> {
    if anchors.is_empty() {
        return None;
    }
    let root = pdf.new_object_id();
    type Entry<'a> = (ObjectId, &'a Anchor);
    let mut chapters: Vec<(ObjectId, &Anchor, Vec<Entry<'_>>)> = Vec::new();
    // Level 0 anchors are link targets (findings), not outline entries.
    for anchor in anchors.iter().filter(|a| a.level > 0) {
        let id = pdf.new_object_id();
        match (anchor.level, chapters.last_mut()) {
            (2, Some(chapter)) => chapter.2.push((id, anchor)),
            _ => chapters.push((id, anchor, Vec::new())),
        }
    }
    let link = |dict: &mut Dictionary, ids: &[ObjectId], i: usize| {
        if i > 0 {
            dict.set("Prev", ids[i - 1]);
        }
        if i + 1 < ids.len() {
            dict.set("Next", ids[i + 1]);
        }
    };
    let top_ids: Vec<ObjectId> = chapters.iter().map(|c| c.0).collect();
    let mut objects = Vec::new();
    for (i, (id, anchor, children)) in chapters.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&anchor.title));
        dict.set("Parent", root);
        dict.set("Dest", destination(anchor, pages, height));
        link(&mut dict, &top_ids, i);
        let child_ids: Vec<ObjectId> = children.iter().map(|c| c.0).collect();
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            dict.set("First", *first);
            dict.set("Last", *last);
            dict.set("Count", -(child_ids.len() as i64));
        }
        for (j, (child_id, child)) in children.iter().enumerate() {
            let mut c = Dictionary::new();
            c.set("Title", text_string(&child.title));
            c.set("Parent", *id);
            c.set("Dest", destination(child, pages, height));
            link(&mut c, &child_ids, j);
            objects.push((*child_id, c));
        }
        objects.push((*id, dict));
    }
    for (id, dict) in objects {
        pdf.objects.insert(id, Object::Dictionary(dict));
    }
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", Object::Name(b"Outlines".to_vec()));
    root_dict.set("First", top_ids[0]);
    root_dict.set("Last", *top_ids.last().expect("one chapter"));
    root_dict.set("Count", top_ids.len() as i64);
    pdf.objects.insert(root, Object::Dictionary(root_dict));
    Some(root)
}
