//! Sentence segmentation: Unicode sentence boundaries (UAX #29), then repaired for the way
//! letters are written: legal abbreviations ("s.", "reg.", "e.g.", "No.") do not end a sentence,
//! and a hard line break followed by a lower-case word continues the sentence.

use unicode_segmentation::UnicodeSegmentation;

use crate::vocab::{LineIndex, Span};

/// Abbreviations (lower case, without the final dot) after which a dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "s", "ss", "sec", "secs", "reg", "regs", "r", "art", "arts", "para", "paras", "sch", "pt",
    "e.g", "i.e", "eg", "ie", "no", "nos", "cf", "approx", "mr", "mrs", "ms", "dr", "st", "p",
    "pp", "vol", "ch", "cl", "subs", "viz", "ref", "tel", "ext", "inc", "ltd", "co",
];

/// True for an ASCII byte that is white space as [`char::is_whitespace`] has it (which, unlike
/// [`u8::is_ascii_whitespace`], counts the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `s.trim_end()`, with the common case (ASCII at the end) read a byte at a time.
fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(&c) = end.checked_sub(1).and_then(|i| b.get(i)) {
        if !c.is_ascii() {
            return s.trim_end();
        }
        if !is_ascii_space(c) {
            break;
        }
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

/// `s.trim_start()`, with the common case (ASCII at the start) read a byte at a time.
fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    while let Some(&c) = b.get(start) {
        if !c.is_ascii() {
            return s.trim_start();
        }
        if !is_ascii_space(c) {
            break;
        }
        start += 1;
    }
    s.get(start..).unwrap_or(s)
}

/// True when `segment` ended only because of a hard line break: the line does not close with
/// sentence-final punctuation ("... exempt under section\n36 because ...").
fn ends_with_bare_line_break(segment: &str) -> bool {
    let Some(body) = segment.strip_suffix('\n') else {
        return false;
    };
    let body = body.trim_end_matches('\r');
    // A blank line is a real break; so is a line that ends a sentence or a heading.
    if trim_start(body).is_empty() || body.ends_with('\n') {
        return false;
    }
    !trim_end(body).ends_with(['.', '!', '?', ':', ';', '"', '”', ')'])
}

/// True when the last line of `segment` is as long as a line of wrapped prose, rather than a
/// heading, a list item or a link title. A segment is found within one line (see
/// [`for_each_segment`]), so its last line is all of it but the line break.
fn last_line_is_long(segment: &str) -> bool {
    let last = trim_end(segment);
    debug_assert!(!last.contains('\n'));
    // A char is one to four bytes: the count is needed only between.
    last.len() >= WRAPPED_LINE
        && (last.len() >= 4 * WRAPPED_LINE || last.chars().count() >= WRAPPED_LINE)
}

/// Lines at least this long (in characters) are taken to be wrapped prose.
const WRAPPED_LINE: usize = 60;

/// True when `segment` starts with a lower-case letter, a digit or a parenthesis: it continues
/// the sentence before it.
fn starts_as_continuation(segment: &str) -> bool {
    trim_start(segment)
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '(')
}

/// True when `segment` (a sentence candidate) ends with an abbreviation and its dot.
fn ends_with_abbreviation(segment: &str) -> bool {
    let trimmed = trim_end(segment);
    let Some(body) = trimmed.strip_suffix('.') else {
        return false;
    };
    // The last word: back over ASCII letters, digits and dots a byte at a time, and as chars
    // from the first other non-ASCII byte.
    let b = body.as_bytes();
    let mut word_start = b.len();
    while let Some(&c) = word_start.checked_sub(1).and_then(|i| b.get(i)) {
        if !c.is_ascii() {
            word_start = body
                .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
                .map_or(0, |i| {
                    i + body[i..].chars().next().map_or(1, char::len_utf8)
                });
            break;
        }
        if !(c.is_ascii_alphanumeric() || c == b'.') {
            break;
        }
        word_start -= 1;
    }
    let word = &body[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. Smith").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return true;
        }
    }
    word.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The length in bytes of the longest of [`ABBREVIATIONS`]: a longer word is none of them.
const LONGEST_ABBREVIATION: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > n {
            n = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    n
};

/// True when `segment` starts (after white space) with a character that cannot open a sentence.
fn starts_lowercase(segment: &str) -> bool {
    trim_start(segment)
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// The Unicode sentence segments of `text` (UAX #29), in order.
#[cfg(test)]
fn sentence_bounds(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_segment(text, |start, seg| out.push((start, seg)));
    out
}

/// Calls `f` with each Unicode sentence segment of `text` (UAX #29) and its offset, in order,
/// found a line at a time: UAX #29 always breaks after a line feed and none of its rules looks
/// across one (see [`line_segment_ends`]). The buffers are reused from line to line.
fn for_each_segment<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let mut buffers = Buffers::default();
    // Each line holds a line feed only at its end: with no carriage return in the text, a line
    // needs no look for either.
    let plain = memchr::memchr(b'\r', text.as_bytes()).is_none();
    let mut at = 0;
    while at < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1);
        let line = &text[at..end];
        line_segment_ends(line, plain, &mut buffers);
        emit(line, at, &buffers.cuts, &mut f);
        at = end;
    }
}

/// Calls `f` with the segments of `line` (at offset `at`) that end at `cuts`.
fn emit<'t>(line: &'t str, at: usize, cuts: &[usize], f: &mut impl FnMut(usize, &'t str)) {
    let mut from = 0;
    for &cut in cuts {
        f(at + from, &line[from..cut]);
        from = cut;
    }
}

/// The scratch buffers of [`line_segment_ends`].
#[derive(Debug, Default)]
struct Buffers {
    /// The ends of the line's segments.
    cuts: Vec<usize>,
    image: Vec<u8>,
    offsets: Vec<usize>,
}

/// The ends of the Unicode sentence segments (UAX #29) of `line` (a line feed only at its end),
/// as offsets in it, written to `buffers.cuts`; the last is the line's length. An ASCII line is
/// segmented by [`ascii_sentence_breaks`], any other by `unicode-segmentation`. `plain` says
/// that the caller knows the line holds no CR.
fn line_segment_ends(line: &str, plain: bool, buffers: &mut Buffers) {
    let Buffers {
        cuts,
        image,
        offsets,
    } = buffers;
    if line.is_ascii() {
        ascii_sentence_breaks(line.as_bytes(), plain, cuts);
    } else if ascii_image(line, image, offsets) {
        ascii_sentence_breaks(image, plain, cuts);
        for cut in cuts.iter_mut() {
            *cut = offsets.get(*cut).copied().unwrap_or(line.len());
        }
    } else {
        cuts.clear();
        cuts.extend(
            line.split_sentence_bound_indices()
                .map(|(i, seg)| i + seg.len()),
        );
    }
}

/// The segment ends of the whole lines of one letter (see [`line_segment_ends`]), found on
/// first use and kept, so that the overlapping stretches of a long paragraph that
/// [`split_region`] is asked for segment each line once.
#[derive(Debug)]
pub(crate) struct LineCuts {
    /// For each line (0-based), its range in `cuts`; `NOT_YET` when not segmented yet.
    slots: Vec<(u32, u32)>,
    /// The segment ends of the lines segmented, as offsets in their line.
    cuts: Vec<u32>,
    /// The [`traits`] of each segment of `cuts`.
    traits: Vec<u8>,
    /// True when the letter holds no CR.
    plain: bool,
    buffers: Buffers,
}

/// A line of [`LineCuts`] not segmented yet.
const NOT_YET: (u32, u32) = (u32::MAX, u32::MAX);

impl LineCuts {
    /// An empty cache for the letter `src` of lines `lines`.
    pub(crate) fn new(src: &str, lines: &LineIndex) -> LineCuts {
        LineCuts {
            slots: vec![NOT_YET; lines.line_count()],
            cuts: Vec::new(),
            traits: Vec::new(),
            plain: memchr::memchr(b'\r', src.as_bytes()).is_none(),
            buffers: Buffers::default(),
        }
    }

    /// As [`for_each_segment`] of `region.slice(src)` (offsets in the region), with the
    /// region's whole lines segmented once for the letter: a line is segmented on its own,
    /// so its segments do not depend on the region it is read in. A region's first and last
    /// lines may be cut by the region; those are segmented as they stand.
    fn for_each_segment<'t>(
        &mut self,
        src: &'t str,
        lines: &LineIndex,
        region: Span,
        f: &mut dyn FnMut(usize, &'t str, Option<u8>),
    ) {
        let bytes = src.as_bytes();
        let end_of_region = region.end.min(src.len());
        let mut at = region.start;
        // The 0-based number of the line starting at `at`, once known.
        let mut line_no: Option<usize> = None;
        while at < end_of_region {
            let found = memchr::memchr(b'\n', &bytes[at..end_of_region]);
            let end = found.map_or(end_of_region, |i| at + i + 1);
            let line = &src[at..end];
            let offset = at - region.start;
            let starts_line = at == 0 || bytes.get(at - 1) == Some(&b'\n');
            // A whole line (one short enough for `u32` offsets) is read from the cache.
            let n = if starts_line && found.is_some() && line.len() < u32::MAX as usize {
                let n = *line_no.get_or_insert_with(|| lines.line_of(at).saturating_sub(1));
                lines
                    .line_span(src, n + 1)
                    .is_some_and(|l| l.start == at)
                    .then_some(n)
            } else {
                None
            };
            match n.and_then(|n| self.slots.get(n).copied().map(|slot| (n, slot))) {
                Some((n, slot)) => {
                    let (a, b) = if slot == NOT_YET {
                        self.segment_line(line, n)
                    } else {
                        (slot.0 as usize, slot.1 as usize)
                    };
                    let mut from = 0;
                    for (&cut, &t) in self.cuts[a..b].iter().zip(&self.traits[a..b]) {
                        let cut = cut as usize;
                        f(offset + from, &line[from..cut], Some(t));
                        from = cut;
                    }
                }
                None => {
                    line_segment_ends(line, self.plain, &mut self.buffers);
                    emit(line, offset, &self.buffers.cuts, &mut |at, seg| {
                        f(at, seg, None)
                    });
                }
            }
            line_no = line_no.map(|n| n + 1);
            at = end;
        }
    }

    /// Segments `line`, line `n` (0-based) of the letter, and keeps its segments; their range
    /// in `cuts`.
    fn segment_line(&mut self, line: &str, n: usize) -> (usize, usize) {
        line_segment_ends(line, self.plain, &mut self.buffers);
        let a = self.cuts.len();
        let mut from = 0;
        for &cut in &self.buffers.cuts {
            self.cuts.push(u32::try_from(cut).unwrap_or(u32::MAX));
            self.traits.push(traits(line.get(from..cut).unwrap_or("")));
            from = cut;
        }
        let b = self.cuts.len();
        if let (Ok(a32), Ok(b32), Some(slot)) =
            (u32::try_from(a), u32::try_from(b), self.slots.get_mut(n))
        {
            *slot = (a32, b32);
        }
        (a, b)
    }
}

/// What joining a segment to its neighbours needs to know of it, as bits: [`LOWER`],
/// [`CONTINUES`], [`WRAPPED`], [`GLUES`].
fn traits(seg: &str) -> u8 {
    let wrapped = ends_with_bare_line_break(seg);
    let mut t = 0;
    if starts_lowercase(seg) {
        t |= LOWER;
    }
    if starts_as_continuation(seg) {
        t |= CONTINUES;
    }
    if wrapped {
        t |= WRAPPED;
    }
    if ends_with_abbreviation(seg) || wrapped && last_line_is_long(seg) {
        t |= GLUES;
    }
    t
}

/// The segment starts with a lower-case letter ([`starts_lowercase`]).
const LOWER: u8 = 1;
/// The segment starts as a continuation ([`starts_as_continuation`]).
const CONTINUES: u8 = 2;
/// The segment ends at a bare line break ([`ends_with_bare_line_break`]).
const WRAPPED: u8 = 4;
/// The next segment joins this one: it ends with an abbreviation, or is a wrapped long line.
const GLUES: u8 = 8;

/// A line whose only non-ASCII characters are common punctuation, as ASCII bytes of the same
/// UAX #29 sentence classes (curly quotes are Close like `"`, en and em dashes SContinue like
/// `-`, no-break and other fixed spaces Sp like ` `, and £, bullets, ellipses and box drawing
/// Other like `#`), written to `image`, with the byte offset in `line` of each byte of the image
/// written to `offsets`. False when the line holds any other non-ASCII character.
fn ascii_image(line: &str, image: &mut Vec<u8>, offsets: &mut Vec<usize>) -> bool {
    image.clear();
    offsets.clear();
    image.reserve(line.len());
    offsets.reserve(line.len());
    for (i, c) in line.char_indices() {
        let b = if c.is_ascii() {
            c as u8
        } else {
            match c {
                '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' => b' ',
                '\u{2013}' | '\u{2014}' => b'-',
                '\u{2018}'..='\u{201f}' => b'"',
                '\u{a3}' | '\u{b7}' | '\u{2022}' | '\u{2026}' | '\u{2500}'..='\u{25ff}' => b'#',
                _ => return false,
            }
        };
        image.push(b);
        offsets.push(i);
    }
    true
}

/// The ends of the UAX #29 sentence segments of an ASCII line: the rules SB3 to SB11 with the
/// ASCII members of each class (Sp: space, tab, VT, FF; Close: quotes and brackets; SContinue:
/// comma, hyphen, colon, semicolon; ATerm: full stop; STerm: ! and ?). The last end is the
/// line's length. Written to `out` (cleared first). `plain` says that the caller knows the line
/// holds no CR, and LF only as its last byte. Checked against `unicode-segmentation` by the
/// tests.
fn ascii_sentence_breaks(b: &[u8], plain: bool, out: &mut Vec<usize>) {
    let is_sp = |c: u8| matches!(c, b' ' | b'\t' | 0x0B | 0x0C);
    let is_close = |c: u8| matches!(c, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}');
    let is_sterm = |c: u8| matches!(c, b'.' | b'!' | b'?');
    let n = b.len();
    out.clear();
    // With no CR, and LF only as the last byte (where the final end is pushed anyway), only
    // the terminators need looking at: the bytes between them are skipped by `memchr3`.
    let skip = plain
        || memchr::memchr(b'\r', b).is_none()
            && memchr::memchr(b'\n', b).is_none_or(|j| j + 1 == n);
    let mut i = 0;
    while i < n {
        if skip && !is_sterm(b[i]) {
            match memchr::memchr3(b'.', b'!', b'?', &b[i..]) {
                Some(j) => i += j,
                None => break,
            }
        }
        let c = b[i];
        if c == b'\r' {
            // SB3, SB4: CR × LF, and a break after either.
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            out.push(i);
            continue;
        }
        if c == b'\n' {
            i += 1;
            out.push(i);
            continue;
        }
        if !is_sterm(c) {
            i += 1;
            continue;
        }
        let aterm = c == b'.';
        let next = b.get(i + 1).copied();
        // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
        if aterm
            && (next.is_some_and(|x| x.is_ascii_digit())
                || i > 0
                    && b[i - 1].is_ascii_alphabetic()
                    && next.is_some_and(|x| x.is_ascii_uppercase()))
        {
            i += 1;
            continue;
        }
        // SB9, SB10: no break inside SATerm Close* Sp*.
        let mut k = i + 1;
        while k < n && is_close(b[k]) {
            k += 1;
        }
        while k < n && is_sp(b[k]) {
            k += 1;
        }
        if k >= n || b[k] == b'\r' || b[k] == b'\n' {
            // The end, or a line break after which SB4 breaks.
            i = k;
            continue;
        }
        // SB8: ATerm Close* Sp* × (not a letter, line break or terminator)* Lower.
        if aterm {
            let mut j = k;
            while j < n
                && !b[j].is_ascii_alphabetic()
                && !matches!(b[j], b'\r' | b'\n')
                && !is_sterm(b[j])
            {
                j += 1;
            }
            if j < n && b[j].is_ascii_lowercase() {
                i = k;
                continue;
            }
        }
        // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
        if matches!(b[k], b',' | b'-' | b':' | b';') || is_sterm(b[k]) {
            i = k;
            continue;
        }
        // SB11: a break after SATerm Close* Sp*.
        out.push(k);
        i = k;
    }
    if out.last() != Some(&n) {
        out.push(n);
    }
}

/// Splits `text` into sentences, each trimmed of surrounding white space. Blank sentences are
/// dropped. Offsets are bytes into `text`.
pub fn split_sentences(text: &str) -> Vec<Span> {
    sentences_of(text, |f| for_each_segment(text, |at, seg| f(at, seg, None)))
}

/// [`split_sentences`] of `region.slice(src)` (offsets in the region), reading the segments of
/// the region's whole lines from the letter's `cache`.
pub(crate) fn split_region(
    src: &str,
    lines: &LineIndex,
    region: Span,
    cache: &mut LineCuts,
) -> Vec<Span> {
    let text = region.slice(src);
    if text.len() != region.len() {
        // Not a stretch of the letter (not on char boundaries): as `split_sentences` has it.
        return split_sentences(text);
    }
    sentences_of(text, |f| cache.for_each_segment(src, lines, region, f))
}

/// The sentences of `text`, given a walk over its Unicode sentence segments (offsets in
/// `text`, in order): the segments joined where the letter's writing continues a sentence.
fn sentences_of<'t>(
    text: &'t str,
    segments: impl FnOnce(&mut dyn FnMut(usize, &'t str, Option<u8>)),
) -> Vec<Span> {
    // About one sentence to a line of prose.
    let mut merged: Vec<Span> = Vec::with_capacity(text.len() / 64 + 1);
    let mut glue = false;
    let mut wrap_pending = false;
    // Each segment comes with its `traits` when they are known.
    segments(&mut |start, seg, known| {
        let span = Span::new(start, start + seg.len());
        let joins = match known {
            Some(t) => glue || t & LOWER != 0 || wrap_pending && t & CONTINUES != 0,
            None => glue || starts_lowercase(seg) || wrap_pending && starts_as_continuation(seg),
        };
        match merged.last_mut() {
            Some(last) if joins => last.end = span.end,
            _ => merged.push(span),
        }
        match known {
            Some(t) => {
                glue = t & GLUES != 0;
                wrap_pending = t & WRAPPED != 0;
            }
            None => {
                let wrapped = ends_with_bare_line_break(seg);
                glue = ends_with_abbreviation(seg) || wrapped && last_line_is_long(seg);
                wrap_pending = wrapped;
            }
        }
    });
    merged.retain_mut(|s| {
        let raw = s.slice(text);
        let lead = raw.len() - trim_start(raw).len();
        let trail = raw.len() - trim_end(raw).len();
        *s = Span::new(s.start + lead, s.end - trail);
        !s.is_empty()
    });
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_at_a_time_segments_are_the_whole_text_segments() {
        let pieces = [
            "Dr. Smith",
            "\n",
            "\r\n",
            "\r",
            " ",
            "The rates.",
            " withheld",
            "? ",
            "!",
            "e.g. ",
            "s. 40(2)",
            "“quoted.” ",
            "(a) ",
            "12.50",
            "\u{2029}",
            "é",
            "Ünder",
            "—",
            "\t",
            "No.",
            "\n\n",
            "\u{a0}",
            "\u{202f}",
            "\u{2009}",
            "‘",
            "’",
            "“",
            "”",
            "\u{201b}",
            "–",
            "£",
            "•",
            "…",
            "·",
            "─",
            "│",
            "◦",
            "a",
            "B",
            "1",
            ".",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = 1 + (seed % 10) as usize;
            let mut t = String::new();
            let mut x = seed;
            for _ in 0..n {
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
                x = x.rotate_left(7).wrapping_mul(0x2545_F491_4F6C_DD1D);
            }
            let whole: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            let lines: Vec<(usize, &str)> = sentence_bounds(&t);
            assert_eq!(lines, whole, "{t:?}");
            // The same string with its non-ASCII pieces left out: the ASCII rules alone.
            let ascii: String = t.chars().filter(char::is_ascii).collect();
            let whole: Vec<(usize, &str)> = ascii.split_sentence_bound_indices().collect();
            assert_eq!(sentence_bounds(&ascii), whole, "{ascii:?}");
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters");
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let t = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let whole: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            let lines: Vec<(usize, &str)> = sentence_bounds(&t);
            assert_eq!(lines, whole, "{:?}", entry.path());
        }
    }

    /// Stretches of `src` cut anywhere (on char boundaries), overlapping as the regions of a
    /// long paragraph do.
    fn stretches(src: &str) -> Vec<Span> {
        let bounds: Vec<usize> = (0..=src.len())
            .filter(|&i| src.is_char_boundary(i))
            .collect();
        let mut out = Vec::new();
        for (k, &a) in bounds.iter().enumerate().step_by(37) {
            for len in [0, 1, 50, 400, 1200] {
                out.push(Span::new(a, bounds[(k + len).min(bounds.len() - 1)]));
            }
        }
        out
    }

    #[test]
    fn a_region_read_through_the_line_cache_splits_as_its_text_does() {
        let mut texts: Vec<String> = vec![
            "Dear Sir\r\nWe hold the data.\r\nIt is attached.\r\n\r\nYours".to_string(),
            "We rely on s.\n43 here. “Quoted.” £5 – é\nand then\nthe rest. No. 5 is e.g. fine\n"
                .repeat(40),
            "line without end".to_string(),
            String::new(),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        files.sort_by_key(std::fs::DirEntry::path);
        texts.extend(
            files
                .iter()
                .step_by(3)
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default()),
        );
        let mut checked = 0;
        for src in &texts {
            let lines = LineIndex::new(src);
            let mut cache = LineCuts::new(src, &lines);
            for region in stretches(src) {
                let fresh = split_sentences(region.slice(src));
                assert_eq!(
                    split_region(src, &lines, region, &mut cache),
                    fresh,
                    "{region:?} of {:?}",
                    &src[..src.len().min(80)]
                );
                checked += 1;
            }
        }
        assert!(checked > 1000);
    }

    #[test]
    fn the_quick_trims_trim_as_the_standard_ones_do() {
        let pieces = [
            " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\u{85}", "\u{a0}", "\u{2009}", "a",
            ".", "é", "s.", "No", "1", "’",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..50_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut t = String::new();
            let mut x = seed;
            for _ in 0..(seed % 7) {
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
                x = x.rotate_left(7).wrapping_mul(0x2545_F491_4F6C_DD1D);
            }
            assert_eq!(trim_end(&t), t.trim_end(), "{t:?}");
            assert_eq!(trim_start(&t), t.trim_start(), "{t:?}");
            let word_start = |body: &str| {
                body.rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
                    .map_or(0, |i| {
                        i + body[i..].chars().next().map_or(1, char::len_utf8)
                    })
            };
            let with_dot = format!("{t}.");
            let reference = {
                let trimmed = with_dot.trim_end();
                trimmed.strip_suffix('.').is_some_and(|body| {
                    let word = &body[word_start(body)..];
                    let mut chars = word.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_uppercase() => true,
                        _ => {
                            !word.is_empty()
                                && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
                        }
                    }
                })
            };
            assert_eq!(ends_with_abbreviation(&with_dot), reference, "{with_dot:?}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("We rely on s. 43 and reg. 13. See e.g. The Guide. Ref No. 5 Council."),
            vec![
                "We rely on s. 43 and reg. 13.",
                "See e.g. The Guide.",
                "Ref No. 5 Council."
            ]
        );
        assert_eq!(
            sentences("Under ss. 40 and 41 we withhold it. Sections 21 applies."),
            vec![
                "Under ss. 40 and 41 we withhold it.",
                "Sections 21 applies."
            ]
        );
    }

    #[test]
    fn wrapped_lines_continue_the_sentence() {
        assert_eq!(
            sentences("The cost would exceed\nthe appropriate limit.\nThanks"),
            vec!["The cost would exceed\nthe appropriate limit.", "Thanks"]
        );
    }

    #[test]
    fn a_number_on_the_next_line_continues_the_sentence() {
        assert_eq!(
            sentences("It is exempt under section\n36 because of harm.\nNext one."),
            vec![
                "It is exempt under section\n36 because of harm.",
                "Next one."
            ]
        );
        assert_eq!(
            sentences("Heading:\nBody text."),
            vec!["Heading:", "Body text."]
        );
    }

    #[test]
    fn plain_sentences_split() {
        assert_eq!(
            sentences("One. Two! Three?"),
            vec!["One.", "Two!", "Three?"]
        );
        assert!(sentences("").is_empty());
        assert!(sentences("  \n ").is_empty());
    }
}
