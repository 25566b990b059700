//! The citation stage: every statutory reference in a letter ("section 43(2)", "s.40(2)",
//! "sections 24, 41 and 43", "regulation 12(5)(e)", "Article 6(1)(f)", "40(2) FOIA"), each branch
//! of a list as its own [`Citation`], with the act it belongs to.
//!
//! Citations are found on the raw text (word segmentation would split `s.40(2)` into pieces): a
//! byte regex finds the keyword, and a small hand-written parser reads the number, its subsection
//! path and any list that follows.

mod act;

use crate::vocab::{canonical, Act, RefKind, Span};

use serde::Serialize;

use crate::matching::gate::{self, Gated};
use crate::text::AnchorHit;
use crate::text::Text;
use act::{
    last_named_before, main_act, mention_after, mention_before, mentions_data_protection,
    mentions_eisr, other_scheme_noun_after, Mention,
};
use once_cell::sync::Lazy;

/// One statutory reference found in a letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Citation {
    /// Where it is. The first branch of a list includes the keyword ("sections 24"); later
    /// branches cover only their own number or subsection ("41", "(b)").
    pub span: Span,
    /// Section, regulation or article.
    pub kind: RefKind,
    /// The act it belongs to.
    pub act: Act,
    /// True when the act was named next to the citation, false when it is the letter's default.
    pub act_explicit: bool,
    /// The number, as cited ("43", "22A").
    pub number: String,
    /// The subsection path below the number: `["2", "b", "ii"]` for 36(2)(b)(ii).
    pub path: Vec<String>,
}

impl Citation {
    /// The provision in canonical form: `43(2)`, `12(5)(e)`, `2(1)(b)(ii)`.
    pub fn provision(&self) -> String {
        canonical(&self.number, &self.path)
    }
}

/// Finds every statutory reference in `text`, in order of position.
#[cfg(test)]
pub(crate) fn find_citations(text: &str) -> Vec<Citation> {
    find_citations_in(&Text::new(text))
}

/// [`find_citations`] over a letter the matching stage has scanned (its gated patterns read
/// only the text near their anchors).
pub(crate) fn find_citations_in(letter: &Text<'_>) -> Vec<Citation> {
    let text = letter.as_str();
    // What the letter's unnamed sections, regulations and articles belong to: worked out only
    // for a letter with a citation.
    let defaults = std::cell::OnceCell::new();
    let b = text.as_bytes();
    let mut triggers = match letter.anchor_hits() {
        Some(hits) => triggers_near(b, hits),
        None => triggers(b),
    };
    triggers.sort_by_key(|t| (t.number_start, t.start));
    let mut out: Vec<Citation> = Vec::new();
    let mut covered = 0usize;
    for t in triggers {
        if t.number_start < covered || t.start < covered {
            continue;
        }
        let Some(group) = parse_group(b, &t) else {
            continue;
        };
        covered = group.end;
        let defaults = defaults.get_or_init(|| Defaults::for_letter(letter));
        let (act, explicit) = resolve_act(text, &t, group.end, defaults);
        for r in group.refs {
            out.push(Citation {
                span: r.span,
                kind: t.kind,
                act,
                act_explicit: explicit,
                number: r.number,
                path: r.path,
            });
        }
    }
    out
}

/// Where a citation was triggered, before parsing.
#[derive(Clone, Debug)]
struct Trigger {
    /// Start of the whole citation (the keyword, or the number when there is none).
    start: usize,
    /// Start of the first number.
    number_start: usize,
    kind: RefKind,
    /// An act named as part of the trigger ("EIR 12(5)(e)", "40(2) FOIA").
    act: Option<Act>,
}

/// Finds the citation triggers of `b` by looking around each run of digits (every citation has
/// one): a keyword before it ("section 43", "s.43", "S43", "ss. 40", "reg. 13", "r12",
/// "Article 6"), an act's abbreviation before it ("EIR 12(5)(e)", "FOIA 40(2)") or after it
/// ("40(2) FOIA", "12(5)(e) of the EIR"). One pass over the bytes, no regex.
fn triggers(b: &[u8]) -> Vec<Trigger> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(d) = next_digit(b, i) {
        push_triggers(b, d, &mut out);
        i = d;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    out
}

/// Anchor words for the acts' abbreviations ("FOIA 40(2)", "40(2) FOIA").
const ACT_ANCHORS: &[&str] = &["foisa", "foia", "eisr", "eir"];

/// The anchors citations are found from (the pattern never matches: only its anchors are used):
/// the long keywords as word starts ("sec" stands for sec, secs, section and sections), the one-
/// and two-letter ones only with what may follow them (a digit, a dot, or one space and a digit)
/// so that they are not found at the end of every plural, and the acts' abbreviations.
pub(crate) static CITATION_ANCHORS: Gated = Gated::new(
    &[
        "sec", "reg", "art", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s.",
        "s 0", "s 1", "s 2", "s 3", "s 4", "s 5", "s 6", "s 7", "s 8", "s 9", "s\x0b", "s\x0c",
        "ss0", "ss1", "ss2", "ss3", "ss4", "ss5", "ss6", "ss7", "ss8", "ss9", "ss.", "ss 0",
        "ss 1", "ss 2", "ss 3", "ss 4", "ss 5", "ss 6", "ss 7", "ss 8", "ss 9", "ss\x0b", "ss\x0c",
        "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r.", "foisa", "foia", "eisr",
        "eir",
    ],
    r"[^\s\S]",
);

/// Every gated pattern of the citation stage: the act defaults' and the citation anchors.
pub(crate) fn gated() -> Vec<&'static Gated> {
    let mut out = act::gated().to_vec();
    out.push(&CITATION_ANCHORS);
    out
}

/// How far before an act's abbreviation its number may start ("12(5)(e) of the EIR").
const ACT_AFTER_REACH: usize = 128;

/// The triggers of [`triggers`], found from the anchor hits of the matching stage instead of
/// by visiting every run of digits: only digits just after a keyword or an act's abbreviation,
/// or shortly before an abbreviation, are looked at.
fn triggers_near(b: &[u8], hits: &[AnchorHit]) -> Vec<Trigger> {
    /// For each anchor id: whether it is a citation keyword's, an act abbreviation's, or
    /// neither (read once per hit, so a look-up rather than a search).
    static KINDS: Lazy<Vec<u8>> = Lazy::new(|| {
        let keywords = CITATION_ANCHORS
            .anchors()
            .iter()
            .filter(|a| !ACT_ANCHORS.contains(a))
            .map(|&a| (a, KEYWORD));
        let marks: Vec<(usize, u8)> = keywords
            .chain(ACT_ANCHORS.iter().map(|&a| (a, ACT)))
            .filter_map(|(a, kind)| gate::anchor_id(a).map(|id| (usize::from(id), kind)))
            .collect();
        let mut kinds = vec![0u8; marks.iter().map(|&(id, _)| id + 1).max().unwrap_or(0)];
        for (id, kind) in marks {
            kinds[id] |= kind;
        }
        kinds
    });
    const KEYWORD: u8 = 1;
    const ACT: u8 = 2;
    let mut digits: Vec<usize> = Vec::new();
    let run_start =
        |d: usize| d < b.len() && b[d].is_ascii_digit() && (d == 0 || !b[d - 1].is_ascii_digit());
    for h in hits {
        let kind = KINDS.get(usize::from(h.anchor)).copied().unwrap_or(0);
        let is_act = kind & ACT != 0;
        if kind == 0 {
            continue;
        }
        // The end of the word the anchor starts, then a dot and up to three spaces.
        let mut at = h.span.start;
        while at < b.len() && b[at].is_ascii_alphabetic() {
            at += 1;
        }
        if b.get(at) == Some(&b'.') {
            at += 1;
        }
        for _ in 0..3 {
            match b.get(at) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => at += 1,
                Some(0xC2) if b.get(at + 1) == Some(&0xA0) => at += 2,
                _ => break,
            }
        }
        if run_start(at) {
            digits.push(at);
        }
        if is_act {
            let from = h.span.start.saturating_sub(ACT_AFTER_REACH);
            digits.extend((from..h.span.start).filter(|&d| run_start(d)));
        }
    }
    digits.sort_unstable();
    digits.dedup();
    let mut out = Vec::new();
    for d in digits {
        push_triggers(b, d, &mut out);
    }
    out
}

/// The first ASCII digit at or after `i`. Letters hold few digits, so most 32-byte blocks are
/// passed over with one vectorised test.
fn next_digit(b: &[u8], mut i: usize) -> Option<usize> {
    const W: usize = 32;
    while i + W <= b.len() {
        let block = &b[i..i + W];
        if block
            .iter()
            .fold(false, |any, c| any | c.wrapping_sub(b'0').lt(&10))
        {
            break;
        }
        i += W;
    }
    b[i..].iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// The triggers whose number starts at the digit run at `d`.
fn push_triggers(b: &[u8], d: usize, out: &mut Vec<Trigger>) {
    if let Some(t) = keyword_before(b, d) {
        out.push(t);
    }
    for act in [act_before(b, d), act_after(b, d)].into_iter().flatten() {
        out.push(Trigger {
            start: d,
            number_start: d,
            kind: kind_for(act),
            act: Some(act),
        });
    }
}

/// An ASCII word byte (what `\b` is about).
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The run of ASCII letters ending at `end`, if it starts a word and is no longer than the
/// longest keyword.
fn word_before(b: &[u8], end: usize) -> Option<usize> {
    let mut start = end;
    while start > 0 && b[start - 1].is_ascii_alphabetic() {
        start -= 1;
        if end - start > 11 {
            return None;
        }
    }
    (start < end && (start == 0 || !is_word(b[start - 1]))).then_some(start)
}

/// A keyword trigger for the digit at `d`: a keyword, an optional dot and up to three spaces
/// (line breaks and no-break spaces count) before it.
fn keyword_before(b: &[u8], d: usize) -> Option<Trigger> {
    const KEYWORDS: &[&[u8]] = &[
        b"section",
        b"sections",
        b"sec",
        b"secs",
        b"ss",
        b"s",
        b"regulation",
        b"regulations",
        b"reg",
        b"regs",
        b"r",
        b"article",
        b"articles",
        b"art",
        b"arts",
    ];
    let mut at = d;
    let mut units = 0;
    while units < 3 && at > 0 {
        if matches!(b[at - 1], b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            at -= 1;
        } else if at >= 2 && b[at - 2] == 0xC2 && b[at - 1] == 0xA0 {
            at -= 2;
        } else {
            break;
        }
        units += 1;
    }
    let space = d - at;
    let dotted = at > 0 && b[at - 1] == b'.';
    let kw_end = if dotted { at - 1 } else { at };
    // Every keyword ends in one of these letters.
    if kw_end == 0
        || !matches!(
            b[kw_end - 1].to_ascii_lowercase(),
            b'n' | b's' | b'c' | b'g' | b'r' | b'e' | b't'
        )
    {
        return None;
    }
    let kw_start = word_before(b, kw_end)?;
    let written = &b[kw_start..kw_end];
    let &word = KEYWORDS.iter().find(|k| k.eq_ignore_ascii_case(written))?;
    let short = matches!(word, b"s" | b"r" | b"ss");
    if short && !dotted && space > 1 {
        return None;
    }
    if word == b"r" && !dotted && space > 0 {
        return None;
    }
    if short && preceded_by_apostrophe_or_digit(b, kw_start) {
        return None;
    }
    if word == b"s" && !dotted && looks_like_postcode_or_code(b, kw_start, d) {
        return None;
    }
    let kind = match word.first() {
        Some(b'r') => RefKind::Regulation,
        Some(b'a') => RefKind::Article,
        _ => RefKind::Section,
    };
    Some(Trigger {
        start: kw_start,
        number_start: d,
        kind,
        act: None,
    })
}

/// The act whose abbreviation, spelt exactly, is the word `b[start..end]`.
fn act_word(word: &[u8]) -> Option<Act> {
    match word {
        b"FOISA" | b"FOIA" | b"EISR" | b"EISRs" | b"EIR" | b"EIRs" => Some(act_abbreviation(word)),
        _ => None,
    }
}

/// "EIR 12(5)(e)": an act's abbreviation and up to two spaces before the digit at `d`, whose
/// number (one to three digits) is followed by a bracket.
fn act_before(b: &[u8], d: usize) -> Option<Act> {
    let mut at = d;
    while at > 0 && d - at < 2 && matches!(b[at - 1], b' ' | b'\t') {
        at -= 1;
    }
    // Every abbreviation ends in one of these.
    if at == 0 || !matches!(b[at - 1], b'A' | b'R' | b's') {
        return None;
    }
    let start = word_before(b, at)?;
    let act = act_word(&b[start..at])?;
    let mut j = d;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    if j - d > 3 {
        return None;
    }
    if matches!(b.get(j), Some(b' ' | b'\t')) {
        j += 1;
    }
    (b.get(j) == Some(&b'(')).then_some(act)
}

/// "40(2) FOIA", "12(5)(e) of the EIR": a number of one to three digits at `d` (at the start of
/// a word) with an optional capital and bracketed subsections, then the act's abbreviation.
fn act_after(b: &[u8], d: usize) -> Option<Act> {
    if d > 0 && is_word(b[d - 1]) {
        return None;
    }
    let mut j = d;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    if j - d > 3 {
        return None;
    }
    if b.get(j).is_some_and(u8::is_ascii_uppercase) {
        j += 1;
    }
    let mut groups = 0;
    loop {
        let mut k = j;
        if b.get(k) == Some(&b' ') {
            k += 1;
        }
        if b.get(k) != Some(&b'(') {
            break;
        }
        k += 1;
        let inner = k;
        while k < b.len() && k - inner < 5 && b[k].is_ascii_alphanumeric() {
            k += 1;
        }
        if k == inner || k - inner > 4 || b.get(k) != Some(&b')') {
            break;
        }
        j = k + 1;
        groups += 1;
    }
    if groups == 0 {
        return None;
    }
    let spaces = |mut k: usize, max: usize| {
        let from = k;
        while k < b.len() && k - from < max && matches!(b[k], b' ' | b'\t') {
            k += 1;
        }
        k
    };
    let at = spaces(j, 2);
    let mut candidates = vec![at];
    if b[at..].starts_with(b"of") {
        let after_of = spaces(at + 2, usize::MAX);
        if after_of > at + 2 {
            candidates.push(after_of);
            if b[after_of..].starts_with(b"the") {
                let after_the = spaces(after_of + 3, usize::MAX);
                if after_the > after_of + 3 {
                    candidates.push(after_the);
                }
            }
        }
    }
    candidates.into_iter().rev().find_map(|k| {
        let mut e = k;
        while e < b.len() && is_word(b[e]) {
            e += 1;
        }
        act_word(&b[k..e])
    })
}

fn act_abbreviation(name: &[u8]) -> Act {
    match name {
        b"FOISA" => Act::Foisa,
        b"FOIA" => Act::Foia,
        n if n.starts_with(b"EISR") => Act::Eisr,
        _ => Act::Eir,
    }
}

fn kind_for(act: Act) -> RefKind {
    match act {
        Act::Eir | Act::Eisr => RefKind::Regulation,
        _ => RefKind::Section,
    }
}

/// "it's 5", "Council’s 12", "3s 4": a lone s that is not a section keyword.
fn preceded_by_apostrophe_or_digit(b: &[u8], at: usize) -> bool {
    let before = &b[..at];
    before.ends_with(b"'")
        || before.ends_with("\u{2019}".as_bytes())
        || before.last().is_some_and(|c| c.is_ascii_digit())
}

/// Words that show a bare "S12" is about the Act rather than a postcode district or a code.
const BARE_S_CONTEXT: &[&str] = &[
    "under",
    "exempt",
    "exemption",
    "exemptions",
    "foia",
    "foi",
    "act",
    "section",
    "sections",
    "refusal",
    "refuse",
    "refused",
    "apply",
    "applies",
    "applied",
    "engaged",
    "engage",
    "rely",
    "relied",
    "relying",
    "withheld",
    "withhold",
    "redacted",
    "cite",
    "cited",
    "citing",
];

/// True when a bare `S12` / `s40` (no dot, no space) at `start` is a postcode ("S36 1FY"), or has
/// no word nearby that ties it to the Act: "S" followed by digits is also a postcode district
/// in one postcode area, and "S12" alone is as often a district or a code as a section.
fn looks_like_postcode_or_code(b: &[u8], start: usize, number_start: usize) -> bool {
    let mut j = number_start;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    // An inward code follows: "S36 1FY".
    let rest = &b[j..];
    if rest.len() >= 4
        && rest[0] == b' '
        && rest[1].is_ascii_digit()
        && rest[2].is_ascii_uppercase()
        && rest[3].is_ascii_uppercase()
        && !rest.get(4).is_some_and(u8::is_ascii_alphanumeric)
    {
        return true;
    }
    if rest.first() == Some(&b'(') {
        return false;
    }
    let from = start.saturating_sub(40);
    let to = (j + 30).min(b.len());
    let near = |slice: &[u8]| {
        slice.split(|c| !c.is_ascii_alphabetic()).any(|w| {
            BARE_S_CONTEXT
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k.as_bytes()))
        })
    };
    !(near(&b[from..start]) || near(&b[j..to]))
}

/// One parsed branch.
#[derive(Debug)]
struct RawRef {
    span: Span,
    number: String,
    path: Vec<String>,
}

/// A citation with its list branches.
#[derive(Debug)]
struct Group {
    refs: Vec<RawRef>,
    end: usize,
}

/// Reads a number of 1 to 3 digits with an optional capital suffix ("22A") at `i`.
fn parse_number(b: &[u8], i: usize) -> Option<(String, usize)> {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() && j - i < 4 {
        j += 1;
    }
    let digits = j - i;
    if digits == 0 || digits > 3 {
        return None;
    }
    // "0" or "007" are not provisions.
    if b[i] == b'0' {
        return None;
    }
    let mut end = j;
    if j < b.len()
        && b[j].is_ascii_uppercase()
        && !b.get(j + 1).is_some_and(|c| c.is_ascii_alphanumeric())
    {
        end = j + 1;
    }
    // A number run straight into letters ("12th", "3rd") is not a citation.
    if end == j && b.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((String::from_utf8_lossy(&b[i..end]).into_owned(), end))
}

/// A subsection component: digits with an optional capital suffix ("2", "3A"), one or two
/// letters ("a", "aa"), or a roman numeral ("ii"). Returns its canonical form.
fn component(raw: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(raw).ok()?;
    if s.is_empty() || s.len() > 4 {
        return None;
    }
    let bytes = s.as_bytes();
    if bytes[0].is_ascii_digit() {
        let digits = bytes.iter().take_while(|c| c.is_ascii_digit()).count();
        let rest = &bytes[digits..];
        return (digits <= 3 && rest.len() <= 1 && rest.iter().all(u8::is_ascii_uppercase))
            .then(|| s.to_string());
    }
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let roman = lower.bytes().all(|c| matches!(c, b'i' | b'v' | b'x'));
    let single_upper = bytes.len() == 1 && bytes[0].is_ascii_uppercase();
    let lower_only = bytes.iter().all(u8::is_ascii_lowercase);
    if roman && lower_only || single_upper || (lower_only && bytes.len() <= 2) {
        Some(lower)
    } else {
        None
    }
}

/// Reads `(x)(y)...` groups at `i`, each optionally preceded by one space. Returns the
/// components and the end offset (unchanged `i` when none).
fn parse_parens(b: &[u8], mut i: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    loop {
        let mut j = i;
        if j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
            j += 1;
        }
        if j >= b.len() || b[j] != b'(' {
            break;
        }
        let open = j;
        let mut k = open + 1;
        while k < b.len() && b[k].is_ascii_alphanumeric() && k - open <= 5 {
            k += 1;
        }
        if k >= b.len() || b[k] != b')' {
            break;
        }
        let Some(c) = component(&b[open + 1..k]) else {
            break;
        };
        out.push(c);
        i = k + 1;
    }
    (out, i)
}

/// Most bytes a gloss in brackets after a citation may hold.
const MAX_GLOSS: usize = 48;

/// The end of a gloss in brackets at `i` (after one optional space): a few words naming the
/// provision ("(investigations)", "(law enforcement)"), not a subsection component.
fn gloss_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
        j += 1;
    }
    if b.get(j) != Some(&b'(') || !b.get(j + 1)?.is_ascii_alphabetic() {
        return None;
    }
    let close = j + 1 + b[j + 1..].iter().take(MAX_GLOSS).position(|&c| c == b')')?;
    let inner = &b[j + 1..close];
    let wordy = inner
        .iter()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'-' | b',' | b'\''));
    (wordy && inner.len() >= 3 && component(inner).is_none()).then_some(close + 1)
}

/// Reads a dotted path ("2.1.a" after the number "2"): `.1`, `.a`, ... directly at `i`.
fn parse_dotted(b: &[u8], mut i: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    while i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_alphanumeric() {
        let start = i + 1;
        let mut k = start;
        while k < b.len() && b[k].is_ascii_alphanumeric() {
            k += 1;
        }
        let raw = &b[start..k];
        let ok_shape = raw.iter().all(u8::is_ascii_digit) && raw.len() <= 2
            || raw.len() <= 4 && raw.iter().all(u8::is_ascii_lowercase);
        match component(raw) {
            Some(c) if ok_shape => {
                out.push(c);
                i = k;
            }
            _ => break,
        }
    }
    (out, i)
}

/// The end of a bare paragraph letter or roman numeral at `k` ("b" in "5.1.a&b") when the
/// separator between `end` and `k` is a symbol (`&`, `,`, `/`), not a word: after "and" or "or"
/// a lone letter is as likely the article "a" as a branch.
fn bare_sibling_letter(b: &[u8], end: usize, k: usize) -> Option<usize> {
    let sep = b.get(end..k)?;
    if !sep.iter().any(|c| matches!(c, b'&' | b',' | b'/'))
        || sep.iter().any(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let mut e = k;
    while e < b.len() && b[e].is_ascii_lowercase() {
        e += 1;
    }
    let word = &b[k..e];
    let letter = word.len() == 1
        || (word.len() <= 4 && word.iter().all(|c| matches!(c, b'i' | b'v' | b'x')));
    let ends = !b.get(e).is_some_and(u8::is_ascii_alphanumeric);
    (letter && ends).then_some(e)
}

/// Words that may follow a bare number in a list ("sections 24, 41 and 43 of the Act"). Any
/// other word after it ("20 working days", "3 names") means the number is not a citation.
const LIST_FOLLOWERS: &[&str] = &[
    "of",
    "and",
    "or",
    "to",
    "in",
    "under",
    "are",
    "is",
    "apply",
    "applies",
    "applied",
    "were",
    "was",
    "also",
    "both",
    "as",
    "which",
    "because",
    "would",
    "will",
    "may",
    "has",
    "have",
    "do",
    "does",
    "can",
    "cannot",
    "be",
    "been",
    "where",
    "if",
    "but",
    "so",
    "on",
    "for",
    "with",
    "at",
    "provide",
    "provides",
    "allow",
    "allows",
    "exempt",
    "exempts",
    "exemption",
    "exemptions",
    "state",
    "states",
    "set",
    "sets",
    "permit",
    "permits",
    "mean",
    "means",
    "engaged",
    "engage",
    "engages",
    "relate",
    "relates",
    "refer",
    "refers",
    "foia",
    "foisa",
    "eir",
    "eirs",
    "eisr",
    "eisrs",
    "dpa",
    "the",
];

/// True when a bare list number ending at `end` is followed by something a citation can be
/// followed by.
fn list_number_follows_ok(b: &[u8], end: usize) -> bool {
    let mut j = end;
    while j < b.len() && (b[j] == b' ' || b[j] == b'\t') {
        j += 1;
    }
    let Some(&c) = b.get(j) else {
        return true;
    };
    if c == b'%' || c == b':' && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    if c == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    if !c.is_ascii_alphabetic() {
        return true;
    }
    let k = b[j..]
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .map_or(b.len(), |p| j + p);
    let word = String::from_utf8_lossy(&b[j..k]).to_ascii_lowercase();
    LIST_FOLLOWERS.contains(&word.as_str())
}

/// Separators between list branches: returns (is_range, offset after the separator and spaces).
fn parse_separator(b: &[u8], i: usize) -> Option<(bool, usize)> {
    let skip_ws = |mut j: usize| {
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r') && j - i < 6 {
            j += 1;
        }
        j
    };
    let word_at = |j: usize, w: &[u8]| {
        b.len() >= j + w.len()
            && b[j..j + w.len()].eq_ignore_ascii_case(w)
            && !b
                .get(j + w.len())
                .is_some_and(|c| c.is_ascii_alphanumeric())
    };
    let j = skip_ws(i);
    let (range, mut k) =
        if b.get(j) == Some(&b',') || b.get(j) == Some(&b'&') || b.get(j) == Some(&b'/') {
            (false, j + 1)
        } else if b[j..].starts_with("\u{2013}".as_bytes())
            || b[j..].starts_with("\u{2014}".as_bytes())
        {
            (true, j + 3)
        } else if b.get(j) == Some(&b'-') {
            (true, j + 1)
        } else if word_at(j, b"and/or") {
            (false, j + 6)
        } else if word_at(j, b"and") || word_at(j, b"to") {
            (
                word_at(j, b"to"),
                j + if word_at(j, b"and") { 3 } else { 2 },
            )
        } else if word_at(j, b"or") {
            (false, j + 2)
        } else {
            return None;
        };
    k = skip_ws(k);
    // ", and" / ", or"
    if !range && b.get(j) == Some(&b',') {
        if word_at(k, b"and") {
            k = skip_ws(k + 3);
        } else if word_at(k, b"or") {
            k = skip_ws(k + 2);
        }
    }
    Some((range, k))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Digit,
    Letter,
    Roman,
}

fn levels(path: &[String]) -> Vec<Level> {
    let mut out = Vec::with_capacity(path.len());
    for (i, c) in path.iter().enumerate() {
        let level = if c.starts_with(|ch: char| ch.is_ascii_digit()) {
            Level::Digit
        } else if is_roman(c) && i > 0 && out.get(i - 1) == Some(&Level::Letter) {
            Level::Roman
        } else {
            Level::Letter
        };
        out.push(level);
    }
    out
}

fn is_roman(c: &str) -> bool {
    !c.is_empty() && c.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

/// The path of a sibling branch: "(b)" after 31(1)(a) is 31(1)(b); "(ii)" after 36(2)(b)(i) is
/// 36(2)(b)(ii); "(3A)(a)" after 40(2) is 40(3A)(a).
fn sibling_path(prev: &[String], comps: &[String]) -> Vec<String> {
    let prev_levels = levels(prev);
    let first = &comps[0];
    let level = if first.starts_with(|c: char| c.is_ascii_digit()) {
        Level::Digit
    } else if is_roman(first) && prev_levels.contains(&Level::Roman) {
        Level::Roman
    } else {
        Level::Letter
    };
    let mut path: Vec<String> = match prev_levels.iter().rposition(|&l| l == level) {
        Some(idx) => prev[..idx].to_vec(),
        None => prev.to_vec(),
    };
    path.extend(comps.iter().cloned());
    path
}

/// Expands a range of single letters: "(a)" to "(e)".
fn letter_range(from: &str, to: &str) -> Vec<String> {
    let (Some(f), Some(t)) = (single_letter(from), single_letter(to)) else {
        return Vec::new();
    };
    if t <= f || t - f > 12 {
        return Vec::new();
    }
    ((f + 1)..t).map(|c| char::from(c).to_string()).collect()
}

fn single_letter(s: &str) -> Option<u8> {
    let b = s.as_bytes();
    (b.len() == 1 && b[0].is_ascii_lowercase()).then_some(b[0])
}

fn parse_group(b: &[u8], t: &Trigger) -> Option<Group> {
    let (number, after_num) = parse_number(b, t.number_start)?;
    let (mut path, mut end) = parse_parens(b, after_num);
    // A dotted first branch ("2.1", "5.1.a") makes the later branches dotted too.
    let mut dotted_style = false;
    if path.is_empty() {
        let (dotted, e) = parse_dotted(b, after_num);
        dotted_style = !dotted.is_empty();
        path = dotted;
        end = e;
    }
    let mut refs = vec![RawRef {
        span: Span::new(t.start, end),
        number,
        path,
    }];
    // List continuation, also past a gloss in brackets when a number follows ("sections
    // 34(1)(a) (investigations) and 35(1)").
    while let Some((range, k)) = parse_separator(b, end).or_else(|| {
        let g = gloss_end(b, end)?;
        parse_separator(b, g).filter(|&(_, k)| b.get(k).is_some_and(u8::is_ascii_digit))
    }) {
        let prev = refs.last().expect("refs is never empty");
        if b.get(k) == Some(&b'(') {
            let (comps, e) = parse_parens(b, k);
            if comps.is_empty() {
                break;
            }
            let new_path = sibling_path(&prev.path, &comps);
            if range && comps.len() == 1 {
                if let (Some(last_prev), Some(last_new)) = (prev.path.last(), new_path.last()) {
                    let base = &new_path[..new_path.len() - 1];
                    let span = Span::new(k, e);
                    let number = prev.number.clone();
                    for mid in letter_range(last_prev, last_new) {
                        let mut p = base.to_vec();
                        p.push(mid);
                        refs.push(RawRef {
                            span,
                            number: number.clone(),
                            path: p,
                        });
                    }
                }
            }
            let number = refs.last().expect("refs is never empty").number.clone();
            refs.push(RawRef {
                span: Span::new(k, e),
                number,
                path: new_path,
            });
            end = e;
        } else if b.get(k).is_some_and(u8::is_ascii_digit) {
            let Some((number, after)) = parse_number(b, k) else {
                break;
            };
            let (mut path, mut e) = parse_parens(b, after);
            if path.is_empty() && dotted_style {
                (path, e) = parse_dotted(b, after);
            }
            if !list_number_follows_ok(b, e) {
                break;
            }
            let n: u32 = number
                .trim_end_matches(|c: char| c.is_ascii_uppercase())
                .parse()
                .unwrap_or(0);
            if n == 0 || n > 200 {
                break;
            }
            if range && path.is_empty() && prev.path.is_empty() {
                if let Ok(from) = prev.number.parse::<u32>() {
                    if n > from && n - from <= 20 && number.bytes().all(|c| c.is_ascii_digit()) {
                        for mid in (from + 1)..n {
                            refs.push(RawRef {
                                span: Span::new(k, e),
                                number: mid.to_string(),
                                path: Vec::new(),
                            });
                        }
                    }
                }
            }
            refs.push(RawRef {
                span: Span::new(k, e),
                number,
                path,
            });
            end = e;
        } else if let Some(e) = dotted_style
            .then(|| bare_sibling_letter(b, end, k))
            .flatten()
        {
            // "5.1.a&b": a bare letter after a symbol joins the dotted branch before it.
            let comps = vec![String::from_utf8_lossy(&b[k..e]).into_owned()];
            let path = sibling_path(&prev.path, &comps);
            let number = prev.number.clone();
            refs.push(RawRef {
                span: Span::new(k, e),
                number,
                path,
            });
            end = e;
        } else {
            break;
        }
    }
    Some(Group { refs, end })
}

/// Per-letter defaults for references whose act is not named next to them.
struct Defaults {
    section: Act,
    regulation: Act,
    article: Act,
}

impl Defaults {
    fn for_letter(text: &Text<'_>) -> Defaults {
        let section = main_act(text);
        let regulation = if section == Act::Foisa || mentions_eisr(text) {
            Act::Eisr
        } else {
            Act::Eir
        };
        let article = if mentions_data_protection(text) {
            Act::Ukgdpr
        } else {
            Act::Other
        };
        Defaults {
            section,
            regulation,
            article,
        }
    }

    fn for_kind(&self, kind: RefKind) -> Act {
        match kind {
            RefKind::Section => self.section,
            RefKind::Regulation => self.regulation,
            RefKind::Article => self.article,
        }
    }
}

/// Largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn resolve_act(text: &str, t: &Trigger, end: usize, d: &Defaults) -> (Act, bool) {
    let (act, explicit) = resolve_act_as_written(text, t, end, d);
    // Scottish letters often call the EISRs "the EIRs".
    if act == Act::Eir && d.regulation == Act::Eisr {
        return (Act::Eisr, explicit);
    }
    (act, explicit)
}

fn resolve_act_as_written(text: &str, t: &Trigger, end: usize, d: &Defaults) -> (Act, bool) {
    if let Some(act) = t.act {
        return (act, true);
    }
    let after_end = floor_boundary(text, end.saturating_add(160));
    let after = text.get(end..after_end).unwrap_or("");
    if t.kind == RefKind::Section && other_scheme_noun_after(after) {
        return (Act::Other, true);
    }
    match mention_after(after) {
        Some(Mention::Named(act)) => return (act, true),
        Some(Mention::TheAct) => return (d.for_kind(t.kind), false),
        Some(Mention::ThatAct) => {
            let from = floor_boundary(text, t.start.saturating_sub(600));
            if let Some(act) = last_named_before(text.get(from..t.start).unwrap_or("")) {
                return (act, true);
            }
        }
        None => {}
    }
    let before_start = floor_boundary(text, t.start.saturating_sub(80));
    let before = text.get(before_start..t.start).unwrap_or("");
    if let Some(act) = mention_before(before) {
        return (act, true);
    }
    (d.for_kind(t.kind), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provisions(text: &str) -> Vec<String> {
        find_citations(text)
            .iter()
            .map(Citation::provision)
            .collect()
    }

    #[test]
    fn lists_and_siblings() {
        assert_eq!(provisions("sections 24, 41 and 43"), ["24", "41", "43"]);
        assert_eq!(
            provisions("section 31(1)(a) and (b)"),
            ["31(1)(a)", "31(1)(b)"]
        );
        assert_eq!(
            provisions("Section 6(1)(a)&(b) or 16(1)(a)&(b)"),
            ["6(1)(a)", "6(1)(b)", "16(1)(a)", "16(1)(b)"]
        );
        assert_eq!(
            provisions("section 36(2)(b)(i) and (ii)"),
            ["36(2)(b)(i)", "36(2)(b)(ii)"]
        );
        assert_eq!(provisions("s.40(2)/(3A)(a)"), ["40(2)", "40(3A)(a)"]);
        assert_eq!(provisions("sections 22-24"), ["22", "23", "24"]);
        assert_eq!(
            provisions("sections 34(1)(a) (investigations) and 35(1)(a) and (b) (law enforcement)"),
            ["34(1)(a)", "35(1)(a)", "35(1)(b)"]
        );
        assert_eq!(
            provisions("sections 40 (personal information) and 43 (commercial interests)"),
            ["40", "43"]
        );
        assert_eq!(provisions("section 12 (cost) and 20 working days"), ["12"]);
        assert_eq!(
            provisions("regulation 12(4)(a)-(c)"),
            ["12(4)(a)", "12(4)(b)", "12(4)(c)"]
        );
    }

    #[test]
    fn not_citations() {
        assert!(provisions("It's 5 o'clock and the Council's 12 staff").is_empty());
        assert!(provisions("the Environmental Information Regulations 2004").is_empty());
        assert_eq!(provisions("section 12, 20 working days later"), ["12"]);
        assert!(provisions("see /section-40-personal-information/").is_empty());
    }

    /// The regex triggers the hand-written scanner replaced: the scanner must find the same.
    fn triggers_by_regex(b: &[u8]) -> Vec<Trigger> {
        use once_cell::sync::Lazy;
        use regex::bytes::Regex;
        // Keyword forms: "section 43", "s.43", "S43", "ss. 40", "reg. 13", "r12", "Article 6".
        static KEYWORD: Lazy<Regex> = Lazy::new(|| {
            Regex::new(
                r"(?i-u)\b(sections?|secs?|ss|s|regulations?|regs?|r|articles?|arts?)(\.?)((?:\s|\xC2\xA0){0,3})[0-9]",
            )
            .expect("keyword pattern is valid")
        });
        // "EIR 12(5)(e)", "FOIA 40(2)".
        static ACT_FIRST: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?-u)\b(FOISA|FOIA|EISRs?|EIRs?)[ \t]{0,2}([0-9]{1,3}[ \t]?\()")
                .expect("act-first pattern is valid")
        });
        // "40(2) FOIA", "12(5)(e) of the EIR".
        static ACT_AFTER: Lazy<Regex> = Lazy::new(|| {
            Regex::new(
                r"(?-u)\b([0-9]{1,3}[A-Z]?(?:[ ]?\([0-9A-Za-z]{1,4}\))+)[ \t]{0,2}(?:of[ \t]+(?:the[ \t]+)?)?(FOISA|FOIA|EISRs?|EIRs?)\b",
            )
            .expect("act-after pattern is valid")
        });

        let mut out = Vec::new();
        for caps in KEYWORD.captures_iter(b) {
            let (Some(kw), Some(all)) = (caps.get(1), caps.get(0)) else {
                continue;
            };
            let word = kw.as_bytes().to_ascii_lowercase();
            let dotted = caps.get(2).is_some_and(|m| !m.is_empty());
            let space = caps.get(3).map_or(0, |m| m.len());
            let short = matches!(word.as_slice(), b"s" | b"r" | b"ss");
            if short && !dotted && space > 1 {
                continue;
            }
            if word == b"r" && !dotted && space > 0 {
                continue;
            }
            if short && preceded_by_apostrophe_or_digit(b, kw.start()) {
                continue;
            }
            let number_start = all.end() - 1;
            if word == b"s" && !dotted && looks_like_postcode_or_code(b, kw.start(), number_start) {
                continue;
            }
            let kind = match word.first() {
                Some(b'r') => RefKind::Regulation,
                Some(b'a') => RefKind::Article,
                _ => RefKind::Section,
            };
            out.push(Trigger {
                start: kw.start(),
                number_start,
                kind,
                act: None,
            });
        }
        // Forms with the act's abbreviation beside the number: (pattern, number group, act group).
        for (re, num_group, act_group) in [(&*ACT_FIRST, 2, 1), (&*ACT_AFTER, 1, 2)] {
            for caps in re.captures_iter(b) {
                let (Some(num), Some(name)) = (caps.get(num_group), caps.get(act_group)) else {
                    continue;
                };
                let act = act_abbreviation(name.as_bytes());
                out.push(Trigger {
                    start: num.start(),
                    number_start: num.start(),
                    kind: kind_for(act),
                    act: Some(act),
                });
            }
        }
        out
    }

    fn key(t: &[Trigger]) -> Vec<(usize, usize, RefKind, Option<Act>)> {
        let mut v: Vec<_> = t
            .iter()
            .map(|t| (t.start, t.number_start, t.kind, t.act))
            .collect();
        v.sort_by_key(|&(s, n, k, a)| (n, s, k, a));
        v
    }

    #[test]
    fn scanner_agrees_with_the_regexes() {
        let pieces: &[&str] = &[
            "s", "S", "ss", "s.", ". ", " ", "  ", "\u{a0}", "\n", "\t", "40", "12", "1234", "(2)",
            "(a)", "(iv)", " (b)", "(12345)", "FOIA", "EIRs", "EISR", "FOISA", "Foia", "of the ",
            "of ", "the ", "section", "Sections", "reg", "regs.", "r", "R", "Article", "art", "'",
            "\u{2019}", "_", "x", "A", ", ", "under", "S36 1FY", "act", "2000", "é ",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let anchors = gate::vocabulary(&gated());
        let index =
            crate::matching::CueIndex::build(&crate::rules::RuleSet::embedded().unwrap(), &anchors)
                .unwrap();
        for _ in 0..30_000 {
            let n = 1 + (next() % 12) as usize;
            let text: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let b = text.as_bytes();
            let expected = key(&triggers_by_regex(b));
            assert_eq!(key(&triggers(b)), expected, "{text:?}");
            let hits = index.scan(&text).anchors;
            assert_eq!(key(&triggers_near(b, &hits)), expected, "near: {text:?}");
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters");
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let b = text.as_bytes();
            assert_eq!(
                key(&triggers(b)),
                key(&triggers_by_regex(b)),
                "{:?}",
                entry.path()
            );
        }
    }
}
