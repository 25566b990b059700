//! Visible text of an HTML page: scripts and styles dropped, block elements on their own lines,
//! entities decoded (by the html5ever parser), quoted mail (`<blockquote>`) marked with `> `.

use scraper::{Html, Node};

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "address",
    "main",
    "aside",
    "nav",
    "form",
    "figure",
    "figcaption",
    "tbody",
    "thead",
];
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
];

/// The text a reader sees in `html`.
pub(crate) fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    walk(doc.tree.root(), &mut out, 0, false);
    // Tidy: no trailing spaces, at most one blank line in a row.
    let mut tidy = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.trim() == ">" {
            blank += 1;
            if blank > 1 || tidy.is_empty() {
                continue;
            }
            tidy.push('\n');
            continue;
        }
        blank = 0;
        tidy.push_str(line);
        tidy.push('\n');
    }
    tidy.trim_end().to_string()
}

fn newline(out: &mut String, quote: usize) {
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    let _ = quote;
}

fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut String, quote: usize, pre: bool) {
    match node.value() {
        Node::Text(t) => {
            let text: &str = &t.text;
            let at_line_start = out.is_empty() || out.ends_with('\n');
            let body = if pre {
                text.to_string()
            } else {
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            if body.is_empty() {
                if !pre && !text.is_empty() && !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
                return;
            }
            if at_line_start && quote > 0 {
                out.push_str(&"> ".repeat(quote));
            } else if !pre
                && text.starts_with(char::is_whitespace)
                && !out.ends_with([' ', '\n'])
                && !out.is_empty()
            {
                out.push(' ');
            }
            if quote > 0 {
                out.push_str(&body.replace('\n', &format!("\n{}", "> ".repeat(quote))));
            } else {
                out.push_str(&body);
            }
            if !pre && text.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
        Node::Element(e) => {
            let name = e.name();
            if HIDDEN.contains(&name) {
                return;
            }
            let block = BLOCKS.contains(&name);
            if block {
                newline(out, quote);
                if matches!(
                    name,
                    "p" | "blockquote" | "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                ) && !out.is_empty()
                {
                    out.push('\n');
                }
            }
            if name == "br" {
                out.push('\n');
                return;
            }
            let inner_quote = quote + usize::from(name == "blockquote");
            for child in node.children() {
                walk(child, out, inner_quote, pre || name == "pre");
            }
            if matches!(name, "td" | "th") {
                out.push('\t');
            }
            if block {
                newline(out, quote);
            }
        }
        _ => {
            for child in node.children() {
                walk(child, out, quote, pre);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_visible_text_only() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><p>Dear Sir,</p><p>The names are withheld under section&nbsp;40(2) &amp; more.</p><script>var x;</script><blockquote><p>You asked for names</p></blockquote></body></html>";
        let t = visible_text(html);
        assert!(
            t.contains("Dear Sir,\n\nThe names are withheld under section 40(2) & more."),
            "{t:?}"
        );
        assert!(!t.contains("var x") && !t.contains("p{}"), "{t:?}");
        assert!(t.contains("> You asked for names"), "{t:?}");
    }
}
