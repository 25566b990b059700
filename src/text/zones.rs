//! Zones: stretches of a letter whose citations are not the authority's own reasoning: text
//! quoted from earlier mail, the requester's request repeated back, signatures and e-mail
//! footers.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;

use crate::vocab::{LineIndex, Span};

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

/// The start of an earlier message carried in this one: Outlook's and Gmail's banners
/// ("-----Original Message-----", "---------- Forwarded message ---------", a rule of
/// underscores), "On <date>, <name> wrote:", Apple Mail's "Begin forwarded message:", and the
/// FOI site's fold ("show quoted sections").
static FORWARD_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}|_{5,}\s*$|on\s.{4,160}(?-u:\b)wrote:\s*$|begin\s+forwarded\s+message\s*:?\s*$|show\s+quoted\s+sections\s*$)")
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
/// A line of a list: a bullet or a short number or letter marker.
static LIST_ITEM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?:[-–•*·⦁▪◦●]|\(?\d{1,2}[.)]\s|\(?[a-h][.)]\s)")
        .expect("list item pattern is valid")
});
/// A line that opens in the requester's voice: "I request", "I would also like", "Please
/// provide", "Could you".
static REQUESTER_VOICE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:i\s+(?:also\s+)?(?:request|would\s+(?:also\s+)?like|am\s+(?:also\s+)?(?:requesting|asking))|please\s+(?:also\s+)?(?:provide|send|disclose|supply|include|confirm|list|state)|(?:could|can|would)\s+you)(?-u:\b)")
        .expect("requester voice pattern is valid")
});
/// At most this many lines of a request repeated back under its heading.
const REQUEST_LINES: usize = 20;
static SIGN_OFF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm|many)\s+(?:regards|thanks)|regards|thank\s+you)[,.!]?\s*$")
        .expect("sign-off pattern is valid")
});
static FOOTER_START: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:this\s+e-?mail(?:\s*,|\s+and\s+any|\s+(?:message|is|may|contains|including)(?-u:\b))|the\s+information\s+in\s+this\s+e-?mail|this\s+message\s+and\s+any|disclaimer(?-u:\b)|confidentiality\s+notice)")
        .expect("footer pattern is valid")
});

/// The first line of "On <date>, <name> <address>" when the mail client wrapped "wrote:" onto
/// the next line.
static WROTE_HEAD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s*on\s.{4,160}$").expect("wrote pattern is valid"));
static WROTE_TAIL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^.{0,120}(?-u:\b)wrote:\s*$").expect("wrote pattern is valid"));

/// First words (lower case, sorted) of the lines that may open a zone, whatever the patterns
/// above.
const FIRST_WORDS: &[&str] = &[
    "begin",
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
    "show",
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

/// One part of a document for the zone stage (the body of an e-mail, an attachment): no zone
/// runs past the end of its part, so text quoted at the foot of an e-mail's body does not swallow
/// the attachment after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ZonePart {
    /// Where the part is in the text.
    pub span: Span,
    /// True for an attachment: a header block on its first lines ("From: ... To: ... Date:")
    /// is the heading of the attachment's own letter or memo, not an earlier message.
    pub attachment: bool,
}

impl ZonePart {
    /// A part at `span`; `attachment` as in [`ZonePart::attachment`].
    pub fn new(span: Span, attachment: bool) -> ZonePart {
        ZonePart { span, attachment }
    }
}

/// Finds the zones of `text`, in order and without overlaps, reading the whole text as one part.
/// A header block on its first lines ("From: ... Subject: ...", a message saved or pasted with
/// its headers) is the message's own heading, not earlier mail.
#[cfg(test)]
pub(crate) fn find_zones(text: &str, lines: &LineIndex) -> Vec<Zone> {
    find_zones_in_parts(text, lines, &[])
}

/// Finds the zones of `text` part by part (`parts` in text order; none means the whole text is
/// one part, whose header block on its first lines is its own heading, as in [`find_zones`]): a
/// zone ends at the latest where its part ends. Parts that overlap an earlier one
/// or lie outside the text are cut to fit.
pub fn find_zones_in_parts(text: &str, lines: &LineIndex, parts: &[ZonePart]) -> Vec<Zone> {
    let mut zones: Vec<Zone> = Vec::new();
    if parts.is_empty() {
        zones_of_part(
            text,
            lines,
            ZonePart::new(Span::new(0, text.len()), true),
            &mut zones,
        );
        return zones;
    }
    let mut done = 0;
    for p in parts {
        let mut start = p.span.start.max(done).min(text.len());
        let mut end = p.span.end.min(text.len());
        while start < text.len() && !text.is_char_boundary(start) {
            start += 1;
        }
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        if end <= start {
            continue;
        }
        zones_of_part(
            text,
            lines,
            ZonePart::new(Span::new(start, end), p.attachment),
            &mut zones,
        );
        done = end;
    }
    zones
}

/// The lines of one part of a message, cut to the part (its first and last lines may share a
/// line with its neighbours).
struct PartLines<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    part: ZonePart,
    /// The part's first line.
    first: usize,
    /// The part's last line.
    last: usize,
}

impl PartLines<'_> {
    /// Line `n`, cut to the part.
    #[inline]
    fn line(&self, n: usize) -> Span {
        let l = self.lines.line_span(self.text, n).unwrap_or_default();
        let start = l.start.clamp(self.part.span.start, self.part.span.end);
        Span::new(start, l.end.clamp(start, self.part.span.end))
    }

    #[inline]
    fn line_text(&self, n: usize) -> &str {
        self.line(n).slice(self.text)
    }

    /// Appends a zone, or extends the last one when it is of the same kind, in this part, and
    /// only blank text lies between them.
    fn push(&self, zones: &mut Vec<Zone>, kind: ZoneKind, span: Span) {
        if span.is_empty() {
            return;
        }
        match zones.last_mut() {
            Some(z)
                if z.kind == kind
                    && z.span.start >= self.part.span.start
                    && self
                        .text
                        .get(z.span.end..span.start)
                        .is_some_and(|g| g.trim().is_empty()) =>
            {
                z.span.end = span.end;
            }
            _ => zones.push(Zone { kind, span }),
        }
    }

    /// True when line `n` (`l`) opens an earlier message that runs to the end of the part: a
    /// header block (not the heading at the top of an attachment), a wrapped "... wrote:", or a
    /// forwarding line.
    fn opens_earlier_message(&self, n: usize, l: &str) -> bool {
        let header = HEADER_FROM.is_match(l)
            && (n + 1..=(n + 4).min(self.last)).any(|k| HEADER_OTHER.is_match(self.line_text(k)))
            && !(self.part.attachment
                && self
                    .text
                    .get(self.part.span.start..self.line(n).start)
                    .is_some_and(|before| before.trim_start().is_empty()));
        let wrapped_wrote = n < self.last
            && WROTE_HEAD.is_match(l)
            && !l.trim_end().ends_with(['.', '?', '!'])
            && WROTE_TAIL.is_match(self.line_text(n + 1));
        header || wrapped_wrote || FORWARD_START.is_match(l)
    }

    /// The last line of a disclaimer opening at line `n`: it runs to the next blank line.
    fn footer_end(&self, n: usize) -> usize {
        let mut end = n;
        while end < self.last && !self.line_text(end + 1).trim().is_empty() {
            end += 1;
        }
        end
    }

    /// The last line of a signature whose sign-off is line `n`: up to six short lines after it
    /// (name, title, address).
    fn signature_end(&self, n: usize) -> usize {
        let mut end = n;
        while end < self.last && end - n < 6 {
            let next = self.line_text(end + 1).trim();
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
        end
    }

    /// The request repeated back from line `n` (`l`), when a request heading opens it: its
    /// start (byte) and last line.
    fn request_at(&self, n: usize, l: &str) -> Option<(usize, usize)> {
        let caps = REQUEST_HEAD.captures(l)?;
        let inline_m = caps.get(1);
        let inline = inline_m.map_or("", |m| m.as_str()).trim();
        // "Question 1:" is still a bare heading.
        let inline_has_words = inline.chars().any(char::is_alphabetic);
        let heading_only = !inline_has_words && l.trim().len() <= 40;
        if !(heading_only || inline_has_words && l.trim_end().len() > inline.len()) {
            return None;
        }
        let start = match inline_m {
            Some(m) if inline_has_words => self.line(n).start + m.start(),
            _ => self.line(n).start,
        };
        // The request runs until its first line that closes a question or a sentence, a blank
        // line, or a response heading; at most eight lines.
        let ends_request = |t: &str| {
            let t = t.trim_end();
            t.ends_with('?') || t.ends_with('.')
        };
        let mut end = n;
        if !(inline_has_words && ends_request(l)) {
            while end < self.last && end - n < 8 {
                let next = self.line_text(end + 1);
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
            return None;
        }
        // The request goes on past a closed sentence in the requester's voice ("I also
        // request:") and through the list a line ending in a colon opens.
        let mut in_list = false;
        while end < self.last && end - n < REQUEST_LINES {
            let next = self.line_text(end + 1);
            if next.trim().is_empty() || RESPONSE_HEAD.is_match(next) {
                break;
            }
            let item = LIST_ITEM.is_match(next);
            in_list = self.line_text(end).trim_end().ends_with(':') || in_list && item;
            if !(in_list || REQUESTER_VOICE.is_match(next)) {
                break;
            }
            end += 1;
        }
        Some((start, end))
    }
}

/// The zones of one part, appended to `zones`.
fn zones_of_part(text: &str, lines: &LineIndex, part: ZonePart, zones: &mut Vec<Zone>) {
    let p = PartLines {
        text,
        lines,
        part,
        first: lines.line_of(part.span.start),
        last: lines.line_of(part.span.end.saturating_sub(1).max(part.span.start)),
    };
    let mut n = p.first;
    while n <= p.last {
        let l = p.line_text(n);
        if !may_open_zone(l) {
            n += 1;
            continue;
        }
        // An earlier message: from here to the end of the part. At the top of an attachment a
        // header block is the attachment's own heading.
        if p.opens_earlier_message(n, l) {
            let span = Span::new(p.line(n).start, part.span.end);
            p.push(zones, ZoneKind::Forwarded, span);
            break;
        }
        if l.trim_start().starts_with('>') {
            p.push(zones, ZoneKind::Quoted, p.line(n));
            n += 1;
            continue;
        }
        let (kind, end) = if FOOTER_START.is_match(l) {
            (ZoneKind::Footer, p.footer_end(n))
        } else if SIGN_OFF.is_match(l) {
            (ZoneKind::Signature, p.signature_end(n))
        } else if let Some((start, end)) = p.request_at(n, l) {
            p.push(zones, ZoneKind::Request, Span::new(start, p.line(end).end));
            n = end + 1;
            continue;
        } else {
            n += 1;
            continue;
        };
        p.push(zones, kind, Span::new(p.line(n).start, p.line(end).end));
        n = end + 1;
    }
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
    fn the_request_goes_on_in_the_requesters_voice_and_its_list() {
        let text = "Request\nQ1. Please send the latest audit of the speed cameras.\nI also request:\n- the full audit; or\n- if that is refused, an edited copy with names taken out.\nDecision\nThe audit is withheld.";
        assert_eq!(
            zones(text),
            vec![(
                ZoneKind::Request,
                "Request\nQ1. Please send the latest audit of the speed cameras.\nI also request:\n- the full audit; or\n- if that is refused, an edited copy with names taken out."
            )]
        );
        // A list after a closed question is the answer, not more of the request.
        let text = "Your request: how many fines were issued?\n- 12 in 2022\n- 14 in 2023";
        assert_eq!(
            zones(text),
            vec![(ZoneKind::Request, "how many fines were issued?")]
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

    fn zones_in_parts<'a>(text: &'a str, parts: &[ZonePart]) -> Vec<(ZoneKind, &'a str)> {
        find_zones_in_parts(text, &LineIndex::new(text), parts)
            .into_iter()
            .map(|z| (z.kind, z.span.slice(text)))
            .collect()
    }

    #[test]
    fn a_quote_ends_where_its_part_ends() {
        let body = "See attached.\n-----Original Message-----\nWe rely on s.36.";
        let text = format!("{body}\n\nWe rely on s.43.\n> quoted in the attachment");
        let parts = [
            ZonePart::new(Span::new(0, body.len()), false),
            ZonePart::new(Span::new(body.len() + 2, text.len()), true),
        ];
        assert_eq!(
            zones_in_parts(&text, &parts),
            vec![
                (
                    ZoneKind::Forwarded,
                    "-----Original Message-----\nWe rely on s.36."
                ),
                (ZoneKind::Quoted, "> quoted in the attachment"),
            ]
        );
        // Quoted lines at the end of one part and the start of the next are two zones.
        let text = "> a\n\n> b";
        let parts = [
            ZonePart::new(Span::new(0, 3), false),
            ZonePart::new(Span::new(5, 8), true),
        ];
        assert_eq!(
            find_zones_in_parts(text, &LineIndex::new(text), &parts).len(),
            2
        );
        // Parts out of bounds, overlapping or mid-character are cut to fit.
        let text = "é> x\n> y";
        let parts = [
            ZonePart::new(Span::new(1, 4), false),
            ZonePart::new(Span::new(2, 99), true),
        ];
        for z in find_zones_in_parts(text, &LineIndex::new(text), &parts) {
            assert!(text.get(z.span.start..z.span.end).is_some());
        }
    }

    #[test]
    fn a_header_block_heading_an_attachment_is_its_own() {
        let text = "From: FOI team\nTo: Ms Smith\nDate: 1 May\nWe rely on s.43.";
        let own = [ZonePart::new(Span::new(0, text.len()), true)];
        assert!(zones_in_parts(text, &own).is_empty());
        let mail = [ZonePart::new(Span::new(0, text.len()), false)];
        assert_eq!(zones_in_parts(text, &mail)[0].0, ZoneKind::Forwarded);
        // A plain text read whole is a message with its own headers.
        assert!(zones(text).is_empty());
        // Further down an attachment, the same block is earlier mail.
        let text = "Our reply.\nFrom: A Person\nSent: 1 May\nsee below";
        let own = [ZonePart::new(Span::new(0, text.len()), true)];
        assert_eq!(zones_in_parts(text, &own)[0].0, ZoneKind::Forwarded);
    }

    #[test]
    fn the_banners_of_other_mail_clients() {
        for marker in [
            "---------- Forwarded message ---------",
            "Begin forwarded message:",
            "show quoted sections",
            "________________________________",
        ] {
            let text = format!("Reply.\n{marker}\nold text");
            let z = zones(&text);
            assert_eq!(z.len(), 1, "{marker}");
            assert_eq!(z[0].0, ZoneKind::Forwarded, "{marker}");
        }
        let text = "Reply.\nOn Mon, 3 Mar 2025 at 10:15, Jo Bloggs <\njo@example.org> wrote:\nold";
        assert_eq!(zones(text)[0].0, ZoneKind::Forwarded);
        // A sentence that starts with "On" is not a header.
        assert!(zones("On 3 May we wrote to you.\nYou wrote: thanks").is_empty());
    }

    #[test]
    fn no_zones_in_plain_text() {
        assert!(zones("Plain letter.").is_empty());
    }
}
