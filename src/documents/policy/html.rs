//! The policy as one standalone HTML page: no external resource, readable on
//! a phone, placeholders highlighted.

use super::model::{Block, Policy, Span};

/// Text made safe inside HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            if s.to_fill {
                format!("<mark>{}</mark>", escape(&s.text))
            } else {
                escape(&s.text)
            }
        })
        .collect()
}

/// The page's style: a readable column that narrows with the screen;
/// placeholders bold on yellow (weight and colour, never colour alone), the
/// highlight repeated on each line a placeholder spans, headings kept with
/// what follows them and the highlight outlined when printed.
const STYLE: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.55;color:#1a1a1a;background:#fff;margin:0;padding:1rem}\
main{max-width:42rem;margin:0 auto}\
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}\
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}\
h3{font-size:1.05rem;margin-bottom:.3rem}\
ul{padding-left:1.2rem}li{margin:.25rem 0}\
.dateline{color:#555;font-size:.95rem}\
.draft{background:#fff4ce;border-left:4px solid #e0a800;padding:.6rem .8rem}\
mark{background:#ffeb9c;color:inherit;font-weight:600;padding:0 .15rem;-webkit-box-decoration-break:clone;box-decoration-break:clone}\
h1,h2,h3,p,li{overflow-wrap:anywhere}\
h2,h3{break-after:avoid}li{break-inside:avoid}\
@media print{body{padding:0}main{max-width:none}mark{outline:1px solid #b08800}}";

/// The policy as an HTML5 page.
pub fn render(policy: &Policy) -> String {
    let title = format!("{} — {}", policy.title, policy.organisation);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", policy.lang.code()));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&title)));
    out.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&title)));
    out.push_str(&format!(
        "<p class=\"dateline\">{}</p>\n",
        escape(&policy.dateline)
    ));
    if let Some(note) = &policy.draft_note {
        out.push_str(&format!("<p class=\"draft\">{}</p>\n", escape(note)));
    }
    out.push_str(&format!("<p>{}</p>\n", escape(&policy.intro)));
    for (i, section) in policy.sections.iter().enumerate() {
        out.push_str(&format!(
            "<section>\n<h2>{}. {}</h2>\n",
            i + 1,
            escape(&section.title)
        ));
        for block in &section.blocks {
            match block {
                Block::Para(p) => out.push_str(&format!("<p>{}</p>\n", spans(p))),
                Block::Heading(h) => out.push_str(&format!("<h3>{}</h3>\n", escape(h))),
                Block::Bullets(items) => {
                    out.push_str("<ul>\n");
                    for item in items {
                        out.push_str(&format!("<li>{}</li>\n", spans(item)));
                    }
                    out.push_str("</ul>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
