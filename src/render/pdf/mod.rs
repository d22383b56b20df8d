//! The PDF export: a small layout engine (measured line breaking, pages,
//! tables, outline) on top of printpdf, with Noto Sans embedded as subsets.

pub mod compose;
mod content;
mod deflate;
pub mod fonts;
mod glyphs;
mod groups;
mod kerning;
pub mod layout;
pub mod page;
mod palette;
mod save;
mod strings;
mod structure;
pub mod tags;
pub mod text;
mod write;
mod xmp;

use crate::law::Jurisdiction;
use crate::report::Report;
use layout::Layout;
use page::Geometry;
use printpdf::{RawImage, RawImageData, RawImageFormat};
use std::path::{Path, PathBuf};

pub use write::WriteError;

/// A paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Letter when every jurisdiction is Canadian, else A4.
    pub fn for_jurisdictions(jurisdictions: &[Jurisdiction]) -> Paper {
        let canadian = |j: &Jurisdiction| matches!(j, Jurisdiction::Ca | Jurisdiction::Qc);
        if !jurisdictions.is_empty() && jurisdictions.iter().all(canadian) {
            Paper::Letter
        } else {
            Paper::A4
        }
    }

    /// The page geometry, margins included.
    pub fn geometry(self) -> Geometry {
        let (width, height) = match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        Geometry {
            width,
            height,
            side: 62.0,
            top: 48.0,
            bottom: 56.0,
        }
    }
}

/// A decoded logo for the cover.
#[derive(Debug, Clone)]
pub struct Logo {
    image: RawImage,
}

/// Why a logo could not be used.
#[derive(Debug, thiserror::Error)]
#[error("cannot use the logo {}: {reason}", path.display())]
pub struct LogoError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

impl Logo {
    /// Reads a PNG or JPEG file (a regular file of at most
    /// [`crate::files::LOGO_MAX_BYTES`]); transparency is flattened on white,
    /// as on the cover.
    pub fn load(path: &Path) -> Result<Logo, LogoError> {
        let error = |reason: String| LogoError {
            path: path.to_path_buf(),
            reason,
        };
        let bytes = crate::files::read_regular(path, crate::files::LOGO_MAX_BYTES)
            .map_err(|e| error(e.to_string()))?;
        Logo::from_bytes(&bytes).map_err(error)
    }

    /// Whether `bytes` start like a PNG or a JPEG image.
    pub fn is_image(bytes: &[u8]) -> bool {
        bytes.starts_with(&[0xFF, 0xD8, 0xFF]) || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
    }

    /// Decodes PNG or JPEG bytes, told apart by their first bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Logo, String> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Logo::from_jpeg(bytes)
        } else if Logo::is_image(bytes) {
            Logo::from_png(bytes)
        } else {
            Err("neither a PNG nor a JPEG image".into())
        }
    }

    /// Decodes JPEG bytes (greyscale, RGB or CMYK) to RGB.
    pub fn from_jpeg(bytes: &[u8]) -> Result<Logo, String> {
        use zune_core::bytestream::ZCursor;
        use zune_core::colorspace::ColorSpace;
        use zune_core::options::DecoderOptions;
        let options = DecoderOptions::default()
            .jpeg_set_out_colorspace(ColorSpace::RGB)
            .set_max_width(8_000)
            .set_max_height(8_000);
        let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
        let rgb = decoder
            .decode()
            .map_err(|e| format!("not a readable JPEG image ({e:?})"))?;
        let info = decoder.info().ok_or("not a readable JPEG image")?;
        let (width, height) = (usize::from(info.width), usize::from(info.height));
        if width == 0
            || height == 0
            || width * height > 16_000_000
            || rgb.len() < width * height * 3
        {
            return Err(format!("unusable image size {width}×{height}"));
        }
        Ok(Logo {
            image: RawImage {
                pixels: RawImageData::U8(rgb[..width * height * 3].to_vec()),
                width,
                height,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            },
        })
    }

    /// Decodes PNG bytes.
    pub fn from_png(bytes: &[u8]) -> Result<Logo, String> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let mut reader = decoder
            .read_info()
            .map_err(|e| format!("not a readable PNG image ({e})"))?;
        let size = reader
            .output_buffer_size()
            .ok_or("the image is too large")?;
        let mut buffer = vec![0; size];
        let frame = reader
            .next_frame(&mut buffer)
            .map_err(|e| format!("not a readable PNG image ({e})"))?;
        let (width, height) = (frame.width as usize, frame.height as usize);
        if width == 0 || height == 0 || width * height > 16_000_000 {
            return Err(format!("unusable image size {width}×{height}"));
        }
        let channels = frame.color_type.samples();
        let mut rgb = Vec::with_capacity(width * height * 3);
        for pixel in buffer[..width * height * channels].chunks_exact(channels) {
            let (color, alpha) = match channels {
                1 => ([pixel[0]; 3], 255),
                2 => ([pixel[0]; 3], pixel[1]),
                3 => ([pixel[0], pixel[1], pixel[2]], 255),
                _ => ([pixel[0], pixel[1], pixel[2]], pixel[3]),
            };
            for c in color {
                let a = u32::from(alpha);
                rgb.push(((u32::from(c) * a + 255 * (255 - a)) / 255) as u8);
            }
        }
        Ok(Logo {
            image: RawImage {
                pixels: RawImageData::U8(rgb),
                width,
                height,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            },
        })
    }
}

/// How to print the PDF.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// The paper size.
    pub paper: Paper,
    /// A logo for the cover.
    pub logo: Option<Logo>,
    /// The creation date written in the metadata.
    pub created: time::OffsetDateTime,
}

impl PdfOptions {
    /// Plain options: this paper, no logo, this creation date.
    pub fn new(paper: Paper, created: time::OffsetDateTime) -> PdfOptions {
        PdfOptions {
            paper,
            logo: None,
            created,
        }
    }

    /// The defaults for a session: paper by its jurisdictions, and its logo
    /// (`logo` if given, else the session's, read from `dir`, the session
    /// file's folder, when relative).
    pub fn for_session(
        session: &crate::session::Session,
        dir: Option<&Path>,
        logo: Option<&Path>,
        created: time::OffsetDateTime,
    ) -> Result<PdfOptions, LogoError> {
        let path = match (logo, &session.logo) {
            (Some(given), _) => Some(given.to_path_buf()),
            (None, Some(path)) => Some(match dir {
                Some(dir) if path.is_relative() => dir.join(path),
                _ => path.clone(),
            }),
            (None, None) => None,
        };
        let logo = path.map(|p| Logo::load(&p)).transpose()?;
        Ok(PdfOptions {
            paper: Paper::for_jurisdictions(&session.jurisdictions),
            logo,
            created,
        })
    }
}

/// Lays out the report, without writing it (for checks and tests).
pub fn layout(report: &Report, options: &PdfOptions) -> Layout {
    let logo = options
        .logo
        .as_ref()
        .map(|l| (l.image.width as u32, l.image.height as u32));
    compose::compose(report, options.paper.geometry(), logo)
}

/// The report as PDF bytes.
pub fn render(report: &Report, options: &PdfOptions) -> Result<Vec<u8>, WriteError> {
    let layout = layout(report, options);
    debug_assert!(
        layout.overflows().is_empty(),
        "text outside the margins: {:?}",
        layout.overflows()
    );
    // Metadata is shown by viewers and file managers as plain text: no
    // control or bidirectional-override character may reach it.
    let clean = |text: String| crate::sanitize::metadata(&text).into_owned();
    let author = clean(
        report
            .meta
            .prepared_by
            .clone()
            .unwrap_or_else(|| report.meta.organisation.clone()),
    );
    // The question bank's version is for the record, not for the cover.
    let subject = clean(format!(
        "{} — {} ({} {})",
        report.subtitle,
        report.meta.organisation,
        crate::i18n::ui(report.lang).question_bank.to_lowercase(),
        report.meta.bank
    ));
    let title = clean(format!("{} — {}", report.title, report.meta.organisation));
    let info = write::Info {
        title: &title,
        author: &author,
        subject: &subject,
        lang: match report.lang {
            crate::i18n::Lang::Fr => "fr-FR",
            crate::i18n::Lang::En => "en",
        },
        created: options.created,
    };
    write::write(layout, &info, options.logo.as_ref().map(|l| &l.image))
}

/// A document without a score (policy, comparison) as PDF bytes, tagged like
/// the report; the same document and date give the same bytes.
pub fn render_document(
    doc: &compose::Document,
    paper: Paper,
    created: time::OffsetDateTime,
) -> Result<Vec<u8>, WriteError> {
    let layout = compose::compose_document(doc, paper.geometry());
    debug_assert!(
        layout.overflows().is_empty(),
        "text outside the margins: {:?}",
        layout.overflows()
    );
    let clean = |text: &str| crate::sanitize::metadata(text).into_owned();
    let title = clean(&format!("{} — {}", doc.title, doc.organisation));
    let author = clean(&doc.organisation);
    let subject = clean(&doc.dateline);
    let info = write::Info {
        title: &title,
        author: &author,
        subject: &subject,
        lang: match doc.lang {
            crate::i18n::Lang::Fr => "fr-FR",
            crate::i18n::Lang::En => "en",
        },
        created,
    };
    write::write(layout, &info, None)
}
