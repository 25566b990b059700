//! Byte spans into the input, and the line/column positions people read.

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `[start, end)` into the text that was classified.
///
/// Spans produced by this crate always lie on `char` boundaries inside the input, so
/// `&text[span.range()]` never panics for the text they came from.
///
/// A span read back with serde goes through [`Span::new`], so its `end` is never before its
/// `start`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(from = "SpanFields")]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

/// A [`Span`] as serialised, before [`Span::new`] orders its ends.
#[derive(Deserialize)]
struct SpanFields {
    start: usize,
    end: usize,
}

impl From<SpanFields> for Span {
    fn from(s: SpanFields) -> Span {
        Span::new(s.start, s.end)
    }
}

impl Span {
    /// A span from `start` to `end` (byte offsets). `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text the span covers, or `""` if it does not fit `text` on char boundaries.
    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// A 1-based line and column. The column counts Unicode scalar values (`char`s) from the start
/// of the line, so it matches what an editor shows for most text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Maps byte offsets to [`Position`]s. Build once per text; each lookup is a binary search.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Number of chars before each [`BLOCK`]-byte block, so that a column is found by counting
    /// at most one block of bytes, however long the line. Built on the first position asked
    /// for on a long line.
    block_chars: std::sync::OnceLock<Vec<usize>>,
}

/// Block size (bytes) of the char-count checkpoints.
const BLOCK: usize = 1024;

/// True for a byte that starts a UTF-8 character.
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl LineIndex {
    /// Indexes the line starts of `text`. Lines end at `\n` (a preceding `\r` stays on its line).
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex {
            starts,
            block_chars: std::sync::OnceLock::new(),
        }
    }

    /// Number of chars in `text[..offset]` (`offset` clamped to the text).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        let offset = offset.min(bytes.len());
        let block_chars = self.block_chars.get_or_init(|| {
            let mut out = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut chars = 0;
            for block in bytes.chunks(BLOCK) {
                out.push(chars);
                chars += block.iter().filter(|&&b| starts_char(b)).count();
            }
            out.push(chars);
            out
        });
        let block = offset / BLOCK;
        let base = block_chars.get(block).copied().unwrap_or(0);
        base + bytes[block * BLOCK..offset]
            .iter()
            .filter(|&&b| starts_char(b))
            .count()
    }

    /// Number of lines (a text with no newline has one line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The span of line `line` (1-based), without its line break. `None` past the last line.
    pub fn line_span(&self, text: &str, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end))
    }

    /// The 1-based line holding byte `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Line and column of byte `offset` in `text`. An offset inside a multi-byte character
    /// counts as that character; an offset past the end is clamped to the end.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line - 1];
        let column = if offset - start <= 4 * BLOCK {
            text.as_bytes()[start..offset]
                .iter()
                .filter(|&&b| starts_char(b))
                .count()
                + 1
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        };
        Position { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_from_one() {
        let text = "ab\n£cd\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(idx.position(text, 3), Position { line: 2, column: 1 });
        // 'c' comes after the two-byte pound sign: column 2
        assert_eq!(idx.position(text, 5), Position { line: 2, column: 2 });
        assert_eq!(
            idx.position(text, text.len()),
            Position { line: 3, column: 5 }
        );
        assert_eq!(idx.position(text, 999), Position { line: 3, column: 5 });
        assert_eq!(idx.line_span(text, 2).map(|s| s.slice(text)), Some("£cd"));
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_span(text, 4), None);
    }

    #[test]
    fn columns_on_long_lines_cross_blocks() {
        let text = format!("{}é{}x", "a".repeat(1500), "ü".repeat(700));
        let idx = LineIndex::new(&text);
        let x = text.len() - 1;
        assert_eq!(
            idx.position(&text, x),
            Position {
                line: 1,
                column: 1500 + 1 + 700 + 1
            }
        );
        let text2 = format!("{}\n{}y", "é".repeat(800), "b".repeat(2000));
        let idx2 = LineIndex::new(&text2);
        assert_eq!(
            idx2.position(&text2, text2.len() - 1),
            Position {
                line: 2,
                column: 2001
            }
        );
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(s.len(), 3);
        assert!(s.contains(Span::new(3, 4)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
        assert_eq!(Span::new(1, 3).slice("a£b"), "£");
        assert_eq!(Span::new(1, 2).slice("a£b"), "");
    }
}
