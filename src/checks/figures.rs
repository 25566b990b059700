//! The numbers of a letter as the regex [`super::patterns::FIGURE`] finds them, read by hand in
//! one pass: a number stands at the start of the letter or after white space, `(`, `:`, `│` or
//! `|`, may start with `£`, is digits and commas with an optional decimal part and `%`, and ends
//! at the end of the letter or before white space or one of `).,;:│|*`. The regex's leftmost-first
//! choices are followed exactly (a test compares the two): where the digits and commas are not
//! followed by such an end, the number ends before its last comma, as the regex backtracks to.
//! Reading every number of every letter through a capturing regex cost more than the checks made
//! of them.

use once_cell::sync::Lazy;

use crate::vocab::Span;

/// The ranges of a Unicode class of the regex syntax (`\d`, `\s`), as the regex engine reads it.
fn class_ranges(class: &str) -> Vec<(char, char)> {
    use regex_syntax::hir::{Class, HirKind};
    match regex_automata::util::syntax::parse(class).map(|h| h.kind().clone()) {
        Ok(HirKind::Class(Class::Unicode(u))) => {
            u.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => Vec::new(),
    }
}

/// `\d`: Unicode decimal digits.
static DIGITS: Lazy<Vec<(char, char)>> = Lazy::new(|| class_ranges(r"\d"));
/// `\s`: Unicode white space.
static SPACES: Lazy<Vec<(char, char)>> = Lazy::new(|| class_ranges(r"\s"));

fn in_class(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(i).is_some_and(|&(lo, _)| lo <= c)
}

fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_class(&DIGITS, c)
    }
}

fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
    } else {
        in_class(&SPACES, c)
    }
}

/// What may stand before a number: `[\s(:│|]`.
fn is_before(c: char) -> bool {
    is_space(c) || matches!(c, '(' | ':' | '│' | '|')
}

/// What may end a number: `[\s).,;:│|*]`.
fn is_after(c: char) -> bool {
    is_space(c) || matches!(c, ')' | '.' | ',' | ';' | ':' | '│' | '|' | '*')
}

/// The char of `s` at byte `i`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Where the end of a number at `t` lets the match end: the end of the letter, or after an
/// ending char.
fn end_at(s: &str, t: usize) -> Option<usize> {
    if t == s.len() {
        return Some(t);
    }
    char_at(s, t)
        .filter(|&c| is_after(c))
        .map(|c| t + c.len_utf8())
}

/// The number starting at `q` (after what stands before it): its end and the match's end.
fn number_at(s: &str, q: usize) -> Option<(usize, usize)> {
    let mut i = q;
    if s[i..].starts_with('£') {
        i += '£'.len_utf8();
    }
    let first = char_at(s, i).filter(|&c| is_digit(c))?;
    i += first.len_utf8();
    // `[\d,]*`, greedy; the last comma is where it backtracks to.
    let mut last_comma = None;
    while let Some(c) = char_at(s, i).filter(|&c| is_digit(c) || c == ',') {
        if c == ',' {
            last_comma = Some(i);
        }
        i += c.len_utf8();
    }
    let a = i;
    // `(?:\.\d+)?%?` then the end, with the decimal part.
    if s.as_bytes().get(a) == Some(&b'.') && char_at(s, a + 1).is_some_and(is_digit) {
        let mut b = a + 1;
        while let Some(c) = char_at(s, b).filter(|&c| is_digit(c)) {
            b += c.len_utf8();
        }
        if s.as_bytes().get(b) == Some(&b'%') {
            if let Some(e) = end_at(s, b + 1) {
                return Some((b + 1, e));
            }
        }
        if let Some(e) = end_at(s, b) {
            return Some((b, e));
        }
    }
    // Without it.
    if s.as_bytes().get(a) == Some(&b'%') {
        if let Some(e) = end_at(s, a + 1) {
            return Some((a + 1, e));
        }
    }
    if let Some(e) = end_at(s, a) {
        return Some((a, e));
    }
    // Fewer digits and commas: only a comma can end the number then.
    last_comma.map(|c| (c, c + 1))
}

/// True when one of the eight bytes of `x` is an ASCII digit or the lead byte of a multi-byte
/// char (at or above 0xC0), the bytes a number may start with. Exact: a byte `b` is a digit when
/// `b ^ 0x30` is below 10, and "some byte below n" has no false answers for n up to 128.
fn may_start_in(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let t = x ^ (ONES * 0x30);
    let digit = t.wrapping_sub(ONES * 10) & !t & HIGHS;
    let lead = x & (x << 1) & HIGHS;
    digit | lead != 0
}

/// The numbers of `s` in order, as the first group of [`super::patterns::FIGURE`]'s matches.
pub(super) fn figures(s: &str) -> Figures<'_> {
    Figures { s, pos: 0 }
}

/// The numbers of `s` that start inside `regions` (in order, disjoint), exactly as [`figures`]
/// finds them, without reading most of the text between the regions: the scan restarts before
/// a region just after the last ASCII letter ahead of it. No number, and no end of one, holds a
/// letter, nor does a number start just after one, so the whole scan's state there is the same.
pub(super) fn figures_in<'s>(s: &'s str, regions: &'s [Span]) -> impl Iterator<Item = Span> + 's {
    let mut scan = figures(s);
    let mut r = 0;
    std::iter::from_fn(move || loop {
        let region = *regions.get(r)?;
        if scan.pos < region.start {
            let gap = &s.as_bytes()[scan.pos..region.start.min(s.len())];
            if let Some(i) = gap.iter().rposition(u8::is_ascii_alphabetic) {
                scan.pos += i + 1;
            }
        }
        let m = scan.next()?;
        while regions.get(r).is_some_and(|g| g.end <= m.start) {
            r += 1;
        }
        match regions.get(r) {
            Some(g) if g.start <= m.start => return Some(m),
            Some(_) => {}
            None => return None,
        }
    })
}

/// The iterator of [`figures`].
pub(super) struct Figures<'s> {
    s: &'s str,
    /// Where the next match may start.
    pos: usize,
}

impl Iterator for Figures<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let s = self.s;
        let bytes = s.as_bytes();
        let mut q = self.pos;
        while q < s.len() {
            // Eight bytes at a time past text with no digit and no non-ASCII char.
            if let Some(chunk) = bytes.get(q..q + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if !may_start_in(u64::from_le_bytes(word)) {
                    q += 8;
                    continue;
                }
            }
            let b = bytes[q];
            // A number starts with a digit or `£` (non-ASCII digits are rare: their lead bytes
            // are read as chars).
            let may_start = b.is_ascii_digit() || b >= 0xC0;
            if !may_start || !s.is_char_boundary(q) {
                q += 1;
                continue;
            }
            let c = char_at(s, q).unwrap_or(' ');
            if !(c.is_ascii_digit() || c == '£' || is_digit(c)) {
                q += c.len_utf8();
                continue;
            }
            // What stands before it starts at or after where the search starts.
            let ok = if q == 0 {
                true
            } else {
                s[..q]
                    .chars()
                    .next_back()
                    .is_some_and(|p| is_before(p) && q - p.len_utf8() >= self.pos)
            };
            if ok {
                if let Some((end, after)) = number_at(s, q) {
                    self.pos = after;
                    return Some(Span::new(q, end));
                }
            }
            q += c.len_utf8();
        }
        self.pos = s.len();
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading only regions finds there what reading the whole text finds.
    #[test]
    fn the_numbers_of_regions_are_the_numbers_there() {
        let texts = [
            "Total 12\n34 in all.\nA1 2 3 b4 (5) 6,7\n£8 9% and 10.5\n11",
            "x 1 2 3 4 5 6 7 8 9 10 11 12 y\n13 z",
            "abc 12,345,678, 9\n\n> 10 11\n> 12\nWe hold 13 and 14.",
        ];
        for t in texts {
            let n = t.len();
            let mut cuts: Vec<Vec<Span>> = Vec::new();
            for a in 0..=n {
                for b in a..=n {
                    if t.is_char_boundary(a) && t.is_char_boundary(b) {
                        cuts.push(vec![Span::new(a, b)]);
                        if b + 2 <= n && t.is_char_boundary(b + 2) {
                            cuts.push(vec![Span::new(a, b), Span::new(b + 2, n)]);
                        }
                    }
                }
            }
            for regions in cuts {
                let want: Vec<Span> = figures(t)
                    .filter(|m| {
                        regions
                            .iter()
                            .any(|r| r.start <= m.start && m.start < r.end)
                    })
                    .collect();
                let got: Vec<Span> = figures_in(t, &regions).collect();
                assert_eq!(got, want, "{t:?} in {regions:?}");
            }
        }
    }
    use crate::checks::patterns::FIGURE;

    fn by_regex(s: &str) -> Vec<Span> {
        FIGURE
            .captures_iter(s)
            .filter_map(|c| c.get(1))
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }

    #[test]
    fn the_scan_finds_what_the_regex_finds() {
        let pieces = [
            "1", "23", "4,5", ",", ".", "%", "£", " ", "\n", "(", ")", ":", ";", "│", "|", "*",
            "a", "x", "-", "/", "\u{a0}", "\u{2009}", "\u{663}", "\u{966}", "é", "’", ".5", "1.",
            "0", "\t", "£1", "2%", "q",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut compared = 0;
        for _ in 0..100_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = 1 + (seed % 12) as usize;
            let mut t = String::new();
            let mut x = seed;
            for _ in 0..n {
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
                x = x.rotate_left(7).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            }
            let want = by_regex(&t);
            compared += want.len();
            assert_eq!(figures(&t).collect::<Vec<_>>(), want, "{t:?}");
        }
        for letter in crate::test_support::letter_files() {
            let want = by_regex(&letter);
            compared += want.len();
            assert_eq!(figures(&letter).collect::<Vec<_>>(), want);
        }
        assert!(compared > 10_000, "only {compared} numbers compared");
    }

    #[test]
    fn the_word_test_finds_every_byte_a_number_may_start_with() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let bytes = seed.to_le_bytes();
            let want = bytes.iter().any(|&b| b.is_ascii_digit() || b >= 0xC0);
            assert_eq!(may_start_in(seed), want, "{bytes:?}");
        }
        for b in 0..=255u8 {
            let want = b.is_ascii_digit() || b >= 0xC0;
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = b;
                assert_eq!(may_start_in(u64::from_le_bytes(bytes)), want, "{b} at {at}");
            }
        }
    }

    #[test]
    fn numbers_end_as_the_regex_ends_them() {
        // The space after "£20," ends that match, so "7" has nothing before it of its own.
        let t = "Total: 1,234.5% of £20, 7 8 and 12,a";
        let got: Vec<&str> = figures(t).map(|s| s.slice(t)).collect();
        assert_eq!(got, ["1,234.5%", "£20,", "8", "12"]);
    }
}
