//! Zones: stretches of a letter whose citations are not the authority's own reasoning: text
//! quoted from earlier mail, the requester's request repeated back, signatures and e-mail
//! footers.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;

use crate::span::{LineIndex, Span};

/// What a zone holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ZoneKind {
    /// Lines quoted from earlier mail (`> ...`).
    Quoted,
    /// An earlier message carried below this one ("From: ... Sent: ...", "-----Original
    /// Message-----", "On ... wrote:"), to the end of the text.
    Forwarded,
    /// The requester's request repeated back ("You asked:", "Your request:", "Question").
    Request,
    /// The sign-off and the lines of name and address after it.
    Signature,
    /// An e-mail disclaimer ("This e-mail and any attachments are confidential ...").
    Footer,
}

/// A zone of a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Zone {
    /// What the zone holds.
    pub kind: ZoneKind,
    /// Where it is.
    pub span: Span,
}

/// The start of an earlier message carried in this one.
static FORWARD_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|_{5,}\s*$|on\s.{4,160}(?-u:\b)wrote:\s*$)")
        .expect("forward pattern is valid")
});
static HEADER_FROM: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*\*?From:\*?\s+\S").expect("from pattern is valid"));
static HEADER_OTHER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*\*?(?:Sent|Date|To|Subject|Cc):\*?\s").expect("header pattern is valid")
});
/// A heading that introduces the requester's words.
static REQUEST_HEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\d+[.)]?\s*)?(?:you\s+(?:have\s+)?(?:asked|requested)(?:\s+for)?|your\s+(?:original\s+)?(?:request|question|enquiry)(?:\s+was)?|request(?:ed)?(?:\s+information)?|information\s+requested|question|original\s+request)(?:\s*(?::|-|–)\s*(.*)|\s*)$",
    )
    .expect("request heading pattern is valid")
});
/// A heading that ends the requester's words.
static RESPONSE_HEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:our\s+|council\s+|the\s+council'?s?\s+)?(?:response|answer|reply|decision)(?-u:\b)",
    )
    .expect("response heading pattern is valid")
});
static SIGN_OFF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm|many)\s+(?:regards|thanks)|regards|thank\s+you)[,.!]?\s*$")
        .expect("sign-off pattern is valid")
});
static FOOTER_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:this\s+e-?mail(?:\s*,|\s+and\s+any|\s+(?:message|is|may|contains|including)(?-u:\b))|the\s+information\s+in\s+this\s+e-?mail|this\s+message\s+and\s+any|disclaimer(?-u:\b)|confidentiality\s+notice)")
        .expect("footer pattern is valid")
});

/// First words (lower case, sorted) of the lines that may open a zone, whatever the patterns
/// above.
const FIRST_WORDS: &[&str] = &[
    "best",
    "confidentiality",
    "disclaimer",
    "from",
    "information",
    "kind",
    "many",
    "on",
    "original",
    "question",
    "regards",
    "request",
    "requested",
    "thank",
    "the",
    "this",
    "warm",
    "you",
    "your",
    "yours",
];

/// False for a line none of the zone patterns can match (most lines), decided from its first
/// word without running them.
fn may_open_zone(line: &str) -> bool {
    // The quick answer for most lines: a first letter no first word has.
    if line.as_bytes().first().is_some_and(|&c| {
        c.is_ascii_alphabetic() && !FIRST_WORDS.iter().any(|w| w.as_bytes()[0] == c | 0x20)
    }) {
        return false;
    }
    let t = line.trim_start();
    let t = t.strip_prefix('*').unwrap_or(t);
    match t.as_bytes().first() {
        None => return false,
        Some(b'-' | b'_' | b'>') => return true,
        Some(_) => {}
    }
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t.strip_prefix(['.', ')']).unwrap_or(t).trim_start();
    let end = t
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(t.len());
    let word = &t.as_bytes()[..end];
    if word.is_empty() || word.len() > 16 {
        return false;
    }
    let mut lower = [0u8; 16];
    lower[..word.len()].copy_from_slice(word);
    lower.make_ascii_lowercase();
    std::str::from_utf8(&lower[..word.len()]).is_ok_and(|w| FIRST_WORDS.binary_search(&w).is_ok())
}

/// Finds the zones of `text`, in order and without overlaps.
pub fn find_zones(text: &str, lines: &LineIndex) -> Vec<Zone> {
    let count = lines.line_count();
    let line = |n: usize| lines.line_span(text, n).unwrap_or_default();
    let line_text = |n: usize| line(n).slice(text);
    let mut zones: Vec<Zone> = Vec::new();
    let push = |zones: &mut Vec<Zone>, kind: ZoneKind, span: Span| {
        if span.is_empty() {
            return;
        }
        match zones.last_mut() {
            Some(z)
                if z.kind == kind
                    && text
                        .get(z.span.end..span.start)
                        .is_some_and(|g| g.trim().is_empty()) =>
            {
                z.span.end = span.end;
            }
            _ => zones.push(Zone { kind, span }),
        }
    };

    let mut n = 1;
    while n <= count {
        let l = line_text(n);
        if !may_open_zone(l) {
            n += 1;
            continue;
        }
        // An earlier message: from here to the end.
        let header = HEADER_FROM.is_match(l)
            && (n + 1..=(n + 4).min(count)).any(|k| HEADER_OTHER.is_match(line_text(k)));
        if header || FORWARD_START.is_match(l) {
            push(
                &mut zones,
                ZoneKind::Forwarded,
                Span::new(line(n).start, text.len()),
            );
            break;
        }
        if l.trim_start().starts_with('>') {
            push(&mut zones, ZoneKind::Quoted, line(n));
            n += 1;
            continue;
        }
        if FOOTER_START.is_match(l) {
            // A disclaimer runs to the next blank line.
            let mut end = n;
            while end < count && !line_text(end + 1).trim().is_empty() {
                end += 1;
            }
            push(
                &mut zones,
                ZoneKind::Footer,
                Span::new(line(n).start, line(end).end),
            );
            n = end + 1;
            continue;
        }
        if SIGN_OFF.is_match(l) {
            // The sign-off and up to six short lines after it (name, title, address).
            let mut end = n;
            while end < count && end - n < 6 {
                let next = line_text(end + 1).trim();
                if next.is_empty()
                    || next.len() > 60
                    || FOOTER_START.is_match(next)
                    || HEADER_FROM.is_match(next)
                    || FORWARD_START.is_match(next)
                {
                    break;
                }
                end += 1;
            }
            push(
                &mut zones,
                ZoneKind::Signature,
                Span::new(line(n).start, line(end).end),
            );
            n = end + 1;
            continue;
        }
        if let Some(caps) = REQUEST_HEAD.captures(l) {
            let inline_m = caps.get(1);
            let inline = inline_m.map_or("", |m| m.as_str()).trim();
            // "Question 1:" is still a bare heading.
            let inline_has_words = inline.chars().any(char::is_alphabetic);
            let heading_only = !inline_has_words && l.trim().len() <= 40;
            if heading_only || inline_has_words && l.trim_end().len() > inline.len() {
                let start = match inline_m {
                    Some(m) if inline_has_words => line(n).start + m.start(),
                    _ => line(n).start,
                };
                // The request runs until its first line that closes a question or a sentence,
                // a blank line, or a response heading; at most eight lines.
                let ends_request = |t: &str| {
                    let t = t.trim_end();
                    t.ends_with('?') || t.ends_with('.')
                };
                let mut end = n;
                if !(inline_has_words && ends_request(l)) {
                    while end < count && end - n < 8 {
                        let next = line_text(end + 1);
                        if next.trim().is_empty() || RESPONSE_HEAD.is_match(next) {
                            break;
                        }
                        end += 1;
                        if ends_request(next) {
                            break;
                        }
                    }
                }
                if heading_only && end == n {
                    n += 1;
                    continue;
                }
                push(
                    &mut zones,
                    ZoneKind::Request,
                    Span::new(start, line(end).end),
                );
                n = end + 1;
                continue;
            }
        }
        n += 1;
    }
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones(text: &str) -> Vec<(ZoneKind, &str)> {
        find_zones(text, &LineIndex::new(text))
            .into_iter()
            .map(|z| (z.kind, z.span.slice(text)))
            .collect()
    }

    #[test]
    fn quoted_lines_form_one_zone() {
        let text = "Reply here.\n> You asked for s.43 data\n> and more\nOur answer.";
        assert_eq!(
            zones(text),
            vec![(ZoneKind::Quoted, "> You asked for s.43 data\n> and more")]
        );
    }

    #[test]
    fn earlier_mail_runs_to_the_end() {
        let text = "Our reply.\nFrom: A Person\nSent: 1 May 2024\nTo: FOI\nSubject: request\nWe rely on s.43.";
        let z = zones(text);
        assert_eq!(z.len(), 1);
        assert_eq!(z[0].0, ZoneKind::Forwarded);
        assert!(z[0].1.starts_with("From: A Person"));
        assert_eq!(
            zones("Reply.\nOn 3 May 2024, Jo Bloggs wrote:\n> text")[0].0,
            ZoneKind::Forwarded
        );
        assert_eq!(
            zones("Reply.\n-----Original Message-----\nold")[0].0,
            ZoneKind::Forwarded
        );
    }

    #[test]
    fn the_request_repeated_back() {
        let text =
            "Dear Sir\nQuestion\nPlease list all section 38 agreements.\nResponse\nSee attached.";
        assert_eq!(
            zones(text),
            vec![(
                ZoneKind::Request,
                "Question\nPlease list all section 38 agreements."
            )]
        );
        let text = "You asked: how many staff earn over £100k?\nResponse: 12.";
        assert_eq!(
            zones(text),
            vec![(ZoneKind::Request, "how many staff earn over £100k?")]
        );
    }

    #[test]
    fn a_line_that_starts_with_request_is_not_a_heading() {
        assert!(
            zones("Thanks.\nrequest can be found above. We apologise for the delay.").is_empty()
        );
    }

    #[test]
    fn signature_stops_at_earlier_mail() {
        let text = "Kind Regards,\nThe Council\nFrom: FOI\nSent: 5 May\nSubject: EIR request";
        let z = zones(text);
        assert_eq!(z[0], (ZoneKind::Signature, "Kind Regards,\nThe Council"));
        assert_eq!(z[1].0, ZoneKind::Forwarded);
    }

    #[test]
    fn signature_and_footer() {
        let text = "We rely on s.12.\nYours sincerely,\nJo Bloggs\nFOI Officer\n\nThis email and any attachments are confidential and may be legally privileged.";
        let z = zones(text);
        assert_eq!(
            z[0],
            (
                ZoneKind::Signature,
                "Yours sincerely,\nJo Bloggs\nFOI Officer"
            )
        );
        assert_eq!(z[1].0, ZoneKind::Footer);
    }

    #[test]
    fn a_line_that_starts_with_this_email_is_not_a_disclaimer() {
        let text = "2. Please send any answer to\nthis email about item 3.\nNone was sent.";
        assert!(zones(text).is_empty());
        let text = "Done.\nThis email, and any attachments, may contain confidential information.";
        assert_eq!(zones(text)[0].0, ZoneKind::Footer);
    }

    #[test]
    fn first_words_are_sorted() {
        assert!(FIRST_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(may_open_zone("  Yours sincerely,"));
        assert!(may_open_zone("2. Your request"));
        assert!(!may_open_zone(
            "The council holds the data."[4..].trim_start()
        ));
    }

    #[test]
    fn no_zones_in_plain_text() {
        assert!(zones("Plain letter.").is_empty());
    }
}
