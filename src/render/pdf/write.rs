//! The laid-out pages as a PDF: printpdf draws the pages and embeds the font
//! subsets; lopdf then adds what printpdf cannot (document language, a
//! nested outline with exact destinations, a stable file identifier).

use super::fonts::{Face, Fonts};
use super::layout::Layout;
use super::page::{Anchor, Item};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, Line, LineCapStyle, LineDashPattern,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, RawImage, Rect, Rgb, TextItem, TextMatrix, XObjectId, XObjectTransform,
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
    FontId(format!("F{}", face as usize + 1))
}

fn color(c: [f32; 3]) -> Color {
    Color::Rgb(Rgb {
        r: c[0],
        g: c[1],
        b: c[2],
        icc_profile: None,
    })
}

/// Writes `layout` as PDF bytes; the same layout and info give the same bytes.
pub fn write(
    layout: &Layout,
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
    for (face, chars) in &used {
        let font = Fonts::get()
            .subset(*face, chars)
            .map_err(WriteError::Font)?;
        doc.resources
            .fonts
            .map
            .insert(font_id(*face), printpdf::PdfFont::new(font));
    }
    let logo_id = XObjectId("Logo".into());
    if let Some(image) = logo {
        doc.resources
            .xobjects
            .map
            .insert(logo_id.clone(), printpdf::XObject::Image(image.clone()));
    }
    let flip = |y: f32| g.height - y;
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut ops = Vec::with_capacity(page.items.len() * 3);
        // Consecutive texts share one text object, and the font and colour
        // are set only when they change: smaller streams, faster export.
        let mut in_text = false;
        let mut font: Option<(Face, f32)> = None;
        let mut fill_state: Option<[f32; 3]> = None;
        for item in &page.items {
            if in_text && !matches!(item, Item::Text { .. }) {
                ops.push(Op::EndTextSection);
                in_text = false;
            }
            match item {
                Item::Text {
                    x, y, style, text, ..
                } => {
                    if !in_text {
                        ops.push(Op::StartTextSection);
                        in_text = true;
                    }
                    if font != Some((style.face, style.size)) {
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(font_id(style.face)),
                            size: Pt(style.size),
                        });
                        font = Some((style.face, style.size));
                    }
                    if fill_state != Some(style.color) {
                        ops.push(Op::SetFillColor {
                            col: color(style.color),
                        });
                        fill_state = Some(style.color);
                    }
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(Pt(*x), Pt(flip(*y))),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    });
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => {
                    let mode = match (fill, stroke) {
                        (Some(_), Some(_)) => PaintMode::FillStroke,
                        (None, Some(_)) => PaintMode::Stroke,
                        _ => PaintMode::Fill,
                    };
                    if let Some(f) = fill
                        && fill_state != Some(*f)
                    {
                        ops.push(Op::SetFillColor { col: color(*f) });
                        fill_state = Some(*f);
                    }
                    if let Some((c, width)) = stroke {
                        ops.push(Op::SetOutlineColor { col: color(*c) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    }
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(flip(y + h)),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(mode),
                            winding_order: None,
                        },
                    });
                }
                Item::Stroke {
                    points,
                    color: c,
                    width,
                } => {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(draw_line(points, g.height));
                }
                Item::Dots {
                    from,
                    to,
                    y,
                    color: c,
                } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(0.9) });
                    ops.push(Op::SetLineCapStyle {
                        cap: LineCapStyle::Round,
                    });
                    ops.push(Op::SetLineDashPattern {
                        dash: LineDashPattern::new(0.0, &[0.0, 4.0]),
                    });
                    ops.push(draw_line(&[(*from, *y), (*to, *y)], g.height));
                    ops.push(Op::RestoreGraphicsState);
                }
                Item::Image { x, y, w, h } => {
                    if let Some(image) = logo {
                        ops.push(Op::UseXobject {
                            id: logo_id.clone(),
                            transform: XObjectTransform {
                                translate_x: Some(Pt(*x)),
                                translate_y: Some(Pt(flip(y + h))),
                                scale_x: Some(w / image.width as f32),
                                scale_y: Some(h / image.height as f32),
                                dpi: Some(72.0),
                                ..XObjectTransform::default()
                            },
                        });
                    }
                }
                Item::Link { x, y, w, h, key } => {
                    if let Some(anchor) = layout.anchor(*key) {
                        ops.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                Rect {
                                    x: Pt(*x),
                                    y: Pt(flip(y + h)),
                                    width: Pt(*w),
                                    height: Pt(*h),
                                    mode: None,
                                    winding_order: None,
                                },
                                Actions::Goto(Destination::Xyz {
                                    page: anchor.page + 1,
                                    left: Some(0.0),
                                    top: Some(flip(anchor.y) + 6.0),
                                    zoom: None,
                                }),
                                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                                None,
                                None,
                            ),
                        });
                    }
                }
                Item::PageRef { .. } => {}
            }
        }
        if in_text {
            ops.push(Op::EndTextSection);
        }
        pages.push(PdfPage {
            media_box: Rect::from_wh(Pt(g.width), Pt(g.height)),
            trim_box: Rect::from_wh(Pt(g.width), Pt(g.height)),
            crop_box: Rect::from_wh(Pt(g.width), Pt(g.height)),
            ops,
        });
    }
    doc.with_pages(pages);
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
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    finish(&mut pdf, layout, info);
    compress(&mut pdf);
    let id = file_id(&pdf);
    pdf.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| WriteError::Pdf(e.to_string()))?;
    Ok(bytes)
}

/// A stroked polyline through `points` (y from the top of a page `height` high).
fn draw_line(points: &[(f32, f32)], height: f32) -> Op {
    Op::DrawLine {
        line: Line {
            points: points
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(height - y),
                    },
                    bezier: false,
                })
                .collect(),
            is_closed: false,
        },
    }
}

/// Deflate level: 6 made the example 2 % smaller than 1 for 3 times the time.
const COMPRESSION: u32 = 3;

/// Deflates every stream not yet filtered. lopdf's own `compress` uses the
/// slowest level, which took a third of the whole export for 1 % of size.
fn compress(pdf: &mut lopdf::Document) {
    use std::io::Write as _;
    for object in pdf.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
        {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(COMPRESSION));
            if encoder.write_all(&stream.content).is_err() {
                continue;
            }
            if let Ok(packed) = encoder.finish()
                && packed.len() + 19 < stream.content.len()
            {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
}

/// Text for a PDF text string: UTF-16BE with its byte-order mark.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in crate::sanitize::metadata(text).encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Language, outline and viewer preferences on the catalog; clean document information.
fn finish(pdf: &mut lopdf::Document, layout: &Layout, info: &Info<'_>) {
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
    }
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
    for anchor in anchors {
        let id = pdf.new_object_id();
        match (anchor.level, chapters.last_mut()) {
            (2, Some(chapter)) => chapter.2.push((id, anchor)),
            _ => chapters.push((id, anchor, Vec::new())),
        }
    }
    let dest = |a: &Anchor| {
        Object::Array(vec![
            Object::Reference(pages[a.page.min(pages.len() - 1)]),
            Object::Name(b"XYZ".to_vec()),
            Object::Integer(0),
            Object::Real(height - a.y + 6.0),
            Object::Null,
        ])
    };
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
        dict.set("Dest", dest(anchor));
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
            c.set("Dest", dest(child));
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

/// A file identifier that depends only on the content, so equal input gives equal files.
fn file_id(pdf: &lopdf::Document) -> Vec<u8> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (id, object) in &pdf.objects {
        feed(&id.0.to_le_bytes());
        if let Object::Stream(stream) = object {
            feed(&stream.content);
        } else {
            feed(format!("{object:?}").as_bytes());
        }
    }
    let mut id = hash.to_be_bytes().to_vec();
    id.extend_from_slice(&hash.rotate_left(32).wrapping_mul(31).to_be_bytes());
    id
}
