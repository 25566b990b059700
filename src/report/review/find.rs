//! What the drafting reads in the authority's reply: its name (in the sign-off lines, then in
//! the letterhead) and its reference for the request. Only the shapes of `data/review/` are
//! used: no authority's name is known to the code.

use crate::checks::own_regions;
use crate::text::{Text, ZoneKind};
use crate::vocab::{Report, Span};

use super::wording::{AuthorityShape, Wording};

/// The authority's name as the reply gives it: a line of its signature (the sign-off and the
/// lines after it), else of its first lines, of the shape `[authority]` describes.
pub(super) fn authority(report: &Report, text: &str, shape: &AuthorityShape) -> Option<String> {
    let t = Text::new(text);
    let quoted = quoted_spans(report);
    let usable = |at: usize| !quoted.iter().any(|q| q.start <= at && at < q.end);
    for z in t.zones().iter().filter(|z| z.kind == ZoneKind::Signature) {
        if !usable(z.span.start) {
            continue;
        }
        if let Some(name) = z.span.slice(text).lines().find_map(|l| name_in(l, shape)) {
            return Some(name);
        }
    }
    let own = own_regions(&t);
    let mut at = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if line.trim().is_empty() {
            continue;
        }
        if seen >= shape.letterhead_lines {
            break;
        }
        seen += 1;
        let is_own = own.iter().any(|r| r.start <= start && start < r.end);
        if is_own && usable(start) {
            if let Some(name) = name_in(line, shape) {
                return Some(name);
            }
        }
    }
    None
}

/// The spans of quoted mail the report's parts record (a document's).
fn quoted_spans(report: &Report) -> Vec<Span> {
    report
        .parts
        .iter()
        .flat_map(|p| p.quoted.iter().copied())
        .collect()
}

/// An authority's name in `line`: the whole line, or a part of it between commas, bars or
/// bullets.
pub(super) fn name_in(line: &str, shape: &AuthorityShape) -> Option<String> {
    line.split([',', '|', ';', '\u{2022}'])
        .find_map(|c| name_shape(c, shape))
}

/// `candidate` as an authority's name, if it has the shape.
fn name_shape(candidate: &str, shape: &AuthorityShape) -> Option<String> {
    let c = candidate
        .trim()
        .trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '.' | ';' | '-'));
    if c.is_empty()
        || c.chars()
            .any(|ch| ch.is_ascii_digit() || matches!(ch, '@' | ':' | '?' | '!' | '(' | ')' | '/'))
    {
        return None;
    }
    let words: Vec<&str> = c.split_whitespace().collect();
    if words.len() < 2 || words.len() > shape.max_words {
        return None;
    }
    let is = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    let connector = |w: &str| shape.connectors.iter().any(|x| x == w);
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if !capitalised(words[0])
        || words.iter().any(|w| is(&shape.exclude, w))
        || !words.iter().all(|w| capitalised(w) || connector(w))
    {
        return None;
    }
    let last = words[words.len() - 1];
    let begins = shape.beginnings.iter().any(|b| {
        let n = b.split_whitespace().count();
        words.len() > n && words[..n].join(" ").eq_ignore_ascii_case(b)
    });
    if !is(&shape.endings, last) && !begins {
        return None;
    }
    // "Waste Services for Kingsmere Council": the authority is what follows the connector,
    // unless the words up to it begin a name ("Department for ...").
    for (i, w) in words.iter().enumerate().skip(1) {
        if !shape.split_at.iter().any(|x| x == w) {
            continue;
        }
        let head = words[..=i].join(" ");
        if !shape
            .beginnings
            .iter()
            .any(|b| b.eq_ignore_ascii_case(&head))
        {
            if let Some(name) = name_shape(&words[i + 1..].join(" "), shape) {
                return Some(name);
            }
        }
    }
    let name = match words.first() {
        Some(w) if w.eq_ignore_ascii_case("the") => words[1..].join(" "),
        _ => words.join(" "),
    };
    (name.split_whitespace().count() >= 2 || begins).then_some(name)
}

/// The authority's reference for the request, in its own text: the group `ref` of the first of
/// the wording's patterns that matches there (in pattern order, then text order) and holds a
/// digit.
pub(super) fn reference(report: &Report, text: &str, w: &Wording) -> Option<String> {
    let t = Text::new(text);
    let quoted = quoted_spans(report);
    let own: Vec<Span> = own_regions(&t);
    for (re, unless) in &w.references {
        for region in &own {
            for caps in re.captures_iter(region.slice(text)) {
                let Some(m) = caps.name("ref") else {
                    continue;
                };
                let whole = caps.get(0).map_or("", |c| c.as_str());
                if unless.as_ref().is_some_and(|u| u.is_match(whole)) {
                    continue;
                }
                let at = region.start + m.start();
                if quoted.iter().any(|q| q.start <= at && at < q.end) {
                    continue;
                }
                let value = m.as_str().trim_end_matches(['.', ',', ';', ':', '-', '/']);
                if value.chars().any(|c| c.is_ascii_digit()) {
                    return Some(value.to_string());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape() -> AuthorityShape {
        super::super::wording::wordings().base.authority.clone()
    }

    #[test]
    fn names_of_the_right_shape() {
        let s = shape();
        for (line, name) in [
            (
                "Kingsmere Borough Council",
                Some("Kingsmere Borough Council"),
            ),
            (
                "The Kingsmere Partnership Trust",
                Some("Kingsmere Partnership Trust"),
            ),
            (
                "Department for Roads and Bridges",
                Some("Department for Roads and Bridges"),
            ),
            ("Jo Bloggs, Kingsmere Police", Some("Kingsmere Police")),
            ("University of Kingsmere", Some("University of Kingsmere")),
            (
                "Parks Services for Kingsmere Council",
                Some("Kingsmere Council"),
            ),
            (
                "Department for Parks and Local Government",
                Some("Department for Parks and Local Government"),
            ),
            ("Information Governance Team", None),
            ("Information Commissioner's Office", None),
            ("Customer Service", None),
            ("Our ref: FOI 123", None),
            ("Who runs the Council", None),
            ("Council", None),
            ("Yours sincerely", None),
        ] {
            assert_eq!(name_in(line, &s).as_deref(), name, "{line}");
        }
    }
}
