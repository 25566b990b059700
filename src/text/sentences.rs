//! Sentence segmentation: Unicode sentence boundaries (UAX #29), then repaired for the way
//! letters are written: legal abbreviations ("s.", "reg.", "e.g.", "No.") do not end a sentence,
//! and a hard line break followed by a lower-case word continues the sentence.

use unicode_segmentation::UnicodeSegmentation;

use crate::span::Span;

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
/// across one. An ASCII line is segmented by [`ascii_sentence_breaks`], any other by
/// `unicode-segmentation`. The buffers are reused from line to line.
fn for_each_segment<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let mut cuts: Vec<usize> = Vec::with_capacity(8);
    let mut image: Vec<u8> = Vec::new();
    let mut offsets: Vec<usize> = Vec::new();
    // Each line holds a line feed only at its end: with no carriage return in the text, a line
    // needs no look for either.
    let plain = memchr::memchr(b'\r', text.as_bytes()).is_none();
    let mut at = 0;
    while at < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1);
        let line = &text[at..end];
        if line.is_ascii() {
            ascii_sentence_breaks(line.as_bytes(), plain, &mut cuts);
            let mut from = 0;
            for &cut in &cuts {
                f(at + from, &line[from..cut]);
                from = cut;
            }
        } else if ascii_image(line, &mut image, &mut offsets) {
            ascii_sentence_breaks(&image, plain, &mut cuts);
            let mut from = 0;
            for &cut in &cuts {
                let cut = offsets.get(cut).copied().unwrap_or(line.len());
                f(at + from, &line[from..cut]);
                from = cut;
            }
        } else {
            for (i, seg) in line.split_sentence_bound_indices() {
                f(at + i, seg);
            }
        }
        at = end;
    }
}

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
    // About one sentence to a line of prose.
    let mut merged: Vec<Span> = Vec::with_capacity(text.len() / 64 + 1);
    let mut glue = false;
    let mut wrap_pending = false;
    for_each_segment(text, |start, seg| {
        let span = Span::new(start, start + seg.len());
        match merged.last_mut() {
            Some(last)
                if glue || starts_lowercase(seg) || wrap_pending && starts_as_continuation(seg) =>
            {
                last.end = span.end
            }
            _ => merged.push(span),
        }
        let wrapped = ends_with_bare_line_break(seg);
        glue = ends_with_abbreviation(seg) || wrapped && last_line_is_long(seg);
        wrap_pending = wrapped;
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
