//! The PDF export, read back as a reader would: its text, pages, outline
//! and metadata; and the layout's own check that nothing leaves the margins.

mod common;

use common::{embedded, mini_bank, session_with};
use privaudit::example;
use privaudit::i18n::Lang;
use privaudit::render::pdf::{self, Logo, Paper, PdfOptions};
use privaudit::report::{Block, BuildOptions, Report, build};
use privaudit::session::Session;
use std::path::PathBuf;

fn created() -> time::OffsetDateTime {
    time::macros::datetime!(2026-11-22 0:00 UTC)
}

fn report_of(session: &Session, lang: Lang) -> Report {
    let bank = embedded();
    build(
        &bank,
        session,
        BuildOptions {
            lang,
            date: time::macros::date!(2026 - 11 - 22),
        },
    )
}

fn options(paper: Paper) -> PdfOptions {
    PdfOptions::new(paper, created())
}

/// Text as a reader extracts it, with every run of spaces (non-breaking ones too) made one space.
fn flatten(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn pages_text(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes)
        .expect("the PDF's text extracts")
        .iter()
        .map(|p| flatten(p))
        .collect()
}

/// Every finding and action title, every first cell of a table row.
fn must_appear(report: &Report) -> Vec<String> {
    let mut out = vec![report.meta.organisation.clone()];
    for section in &report.sections {
        out.push(section.title.clone());
        for block in &section.blocks {
            match block {
                Block::Finding(f) => out.push(f.title.clone()),
                Block::Actions { items } => out.extend(items.iter().map(|a| a.title.clone())),
                Block::Table { rows, .. } => {
                    out.extend(rows.iter().filter_map(|r| r.first().cloned()))
                }
                _ => {}
            }
        }
    }
    out.into_iter().map(|s| flatten(&s)).collect()
}

#[test]
fn the_example_pdf_holds_every_section_finding_and_third_party_with_its_accents() {
    let session = example::open(&embedded(), example::DEFAULT).unwrap();
    let report = report_of(&session, Lang::Fr);
    let bytes = pdf::render(&report, &options(Paper::Letter)).unwrap();
    let pages = pages_text(&bytes);
    let all = pages.join(" ");
    for expected in must_appear(&report) {
        assert!(
            all.contains(&expected),
            "missing from the PDF: {expected:?}"
        );
    }
    for third_party in ["Mailchimp", "Cabinet comptable Roy", "Hébergement Nordique"] {
        assert!(all.contains(third_party), "{third_party}");
    }
    // French typography survives extraction: apostrophes, guillemets, accents.
    for phrase in [
        "Plan d’action prioritaire",
        "« Refuser »",
        "Écarts à corriger",
    ] {
        assert!(all.contains(&flatten(phrase)), "{phrase}");
    }
    let layout = pdf::layout(&report, &options(Paper::Letter));
    assert_eq!(pages.len(), layout.pages.len());
    assert!((20..=40).contains(&pages.len()), "{} pages", pages.len());
    assert!(
        pages[1].contains("page 2 sur"),
        "running footer: {}",
        pages[1]
    );
}

#[test]
fn the_contents_give_the_page_each_chapter_starts_on() {
    let session = example::open(&embedded(), example::DEFAULT).unwrap();
    let report = report_of(&session, Lang::Fr);
    let pages = pages_text(&pdf::render(&report, &options(Paper::A4)).unwrap());
    let contents = &pages[1];
    for (n, section) in report.sections.iter().enumerate() {
        let title = flatten(&format!("{}. {}", n + 1, section.title));
        let at = contents.find(&title).expect("listed in the contents") + title.len();
        let page: usize = contents[at..]
            .split_whitespace()
            .next()
            .and_then(|w| w.parse().ok())
            .expect("a page number after the title");
        assert!(
            pages[page - 1].starts_with(&title),
            "{title} is said to start on page {page}, which begins {:?}",
            &pages[page - 1][..40]
        );
    }
}

#[test]
fn metadata_language_outline_fonts_and_paper_are_set() {
    let session = example::open(&embedded(), "cabinet-medical").unwrap();
    let report = report_of(&session, Lang::Fr);
    let bytes = pdf::render(&report, &options(Paper::A4)).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"fr-FR");
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    // The contents plus one entry per chapter at the top level.
    assert_eq!(
        outlines.get(b"Count").unwrap().as_i64().unwrap(),
        report.sections.len() as i64 + 1
    );
    let info = doc
        .get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    let date = info.get(b"CreationDate").unwrap().as_str().unwrap();
    assert!(
        date.starts_with(b"D:20261122"),
        "{}",
        String::from_utf8_lossy(date)
    );
    for key in [&b"Title"[..], b"Author", b"Subject"] {
        assert!(info.has(key), "{}", String::from_utf8_lossy(key));
    }
    let first_page = doc.get_pages()[&1];
    let media = doc
        .get_dictionary(first_page)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect::<Vec<_>>();
    assert!((media[2] - 595.28).abs() < 0.1 && (media[3] - 841.89).abs() < 0.1);
    let mut fonts = 0;
    for object in doc.objects.values() {
        if let Ok(dict) = object.as_dict()
            && dict.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor")
        {
            let name = dict.get(b"FontName").unwrap().as_name().unwrap();
            assert_eq!(
                name[6],
                b'+',
                "subset tag on {}",
                String::from_utf8_lossy(name)
            );
            assert!(dict.has(b"FontFile2"), "embedded");
            fonts += 1;
        }
    }
    assert_eq!(fonts, 3, "regular, bold and italic");
}

#[test]
fn the_same_report_gives_the_same_bytes_in_one_process() {
    let session = example::open(&embedded(), "conseil-horizon").unwrap();
    let report = report_of(&session, Lang::En);
    let a = pdf::render(&report, &options(Paper::A4)).unwrap();
    let b = pdf::render(&report, &options(Paper::A4)).unwrap();
    assert_eq!(a, b);
    assert!(a.len() < 150_000, "{} bytes", a.len());
}

#[test]
fn nothing_leaves_the_margins_in_any_example_on_either_paper() {
    let bank = embedded();
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            let report = report_of(&session, lang);
            for paper in [Paper::A4, Paper::Letter] {
                let layout = pdf::layout(&report, &options(paper));
                assert_eq!(
                    layout.overflows(),
                    Vec::<String>::new(),
                    "{name} {lang:?} {paper:?}"
                );
            }
        }
    }
}

#[test]
fn a_long_name_an_empty_session_and_a_logo_come_out_right() {
    let bank = embedded();
    let mut session = example::open(&bank, example::DEFAULT).unwrap();
    session.organisation = "Coopérative de solidarité en services informatiques et en \
        accompagnement numérique des très petites entreprises de l’Estrie et du Centre-du-Québec"
        .into();
    session.prepared_by = Some(
        "Marie-Ève Gagnon-Bélanger, conseillère en protection des renseignements personnels".into(),
    );
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, 40, 20);
        encoder.set_color(png::ColorType::Rgba);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[200u8; 40 * 20 * 4]).unwrap();
    }
    let mut with_logo = options(Paper::A4);
    with_logo.logo = Some(Logo::from_png(&png).unwrap());
    let report = report_of(&session, Lang::Fr);
    let layout = pdf::layout(&report, &with_logo);
    assert_eq!(layout.overflows(), Vec::<String>::new());
    let bytes = pdf::render(&report, &with_logo).unwrap();
    let text = pages_text(&bytes).join(" ");
    assert!(text.contains("Marie-Ève Gagnon-Bélanger"));
    assert!(text.contains("Centre-du-Québec"));
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .count();
    assert_eq!(images, 1, "the logo is embedded once");

    let empty = session_with(&mini_bank(), Default::default());
    let report = build(
        &mini_bank(),
        &empty,
        BuildOptions {
            lang: Lang::En,
            date: time::macros::date!(2026 - 11 - 22),
        },
    );
    let layout = pdf::layout(&report, &options(Paper::Letter));
    assert_eq!(layout.overflows(), Vec::<String>::new());
    let pages = pages_text(&pdf::render(&report, &options(Paper::Letter)).unwrap());
    assert!(pages.len() >= 3, "cover, contents and chapters");
}

/// Writes the example and stress PDFs under target/pdf-check, for `.ci/pdf-check`
/// (qpdf, pdfinfo, pdffonts, mutool, pdftoppm) and for anyone to look at.
#[test]
fn the_stress_session_lays_out_and_pdfs_are_written_for_inspection() {
    let bank = embedded();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pdf-check");
    std::fs::create_dir_all(&out).unwrap();
    let stress = example::stress(&bank, 200, 500).unwrap();
    let report = report_of(&stress, Lang::En);
    let layout = pdf::layout(&report, &options(Paper::A4));
    assert_eq!(layout.overflows(), Vec::<String>::new());
    let bytes = pdf::render(&report, &options(Paper::A4)).unwrap();
    let text = pages_text(&bytes).join(" ");
    assert!(text.contains("Prestataire 500"));
    assert!(text.contains(&flatten("Type d’information n°\u{a0}200")));
    std::fs::write(out.join("stress-200-500.pdf"), &bytes).unwrap();
    for name in example::names(&bank) {
        let session = example::open(&bank, name).unwrap();
        let report = report_of(&session, session.lang);
        let paper = Paper::for_jurisdictions(&session.jurisdictions);
        let bytes = pdf::render(&report, &options(paper)).unwrap();
        std::fs::write(out.join(format!("{name}.pdf")), bytes).unwrap();
    }
}
