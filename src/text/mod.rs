//! The text stage: lines, paragraphs, sentences, words and zones of a letter, all as byte
//! [`Span`]s into the original input.
//!
//! Segmentation is lazy: the classifier asks for the sentence around a match, and only the
//! paragraph holding that match is segmented (once). A letter with no match is never segmented.

mod anchors;
mod answers;
mod sentences;
mod zones;

pub use answers::{question_answers, QuestionAnswer};
use sentences::{split_region, LineCuts};
pub use zones::{find_zones_in_parts, Zone, ZoneKind, ZonePart};

use std::any::Any;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use crate::vocab::{LineIndex, Position, Span};
pub(crate) use anchors::{AnchorHit, AnchorIndex};

/// Word tokens of `text` (Unicode word boundaries, punctuation and spaces left out), with spans.
#[cfg(test)]
pub(crate) fn words(text: &str) -> impl Iterator<Item = (Span, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_word_indices()
        .map(|(i, w)| (Span::new(i, i + w.len()), w))
}

/// At most this many bytes on each side of a span are read as its context: a "sentence" longer
/// than that is not prose, and the bound keeps the work per span constant.
pub(crate) const CONTEXT: usize = 400;

/// `outer` (usually a sentence) cut to at most [`CONTEXT`] bytes either side of `span`, on char
/// boundaries; always contains `span`.
pub(crate) fn window(text: &str, outer: Span, span: Span) -> Span {
    let mut start = outer.start.max(span.start.saturating_sub(CONTEXT));
    let mut end = outer
        .end
        .min(span.end.saturating_add(CONTEXT))
        .max(span.end);
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    Span::new(start.min(span.start), end.min(text.len()))
}

/// True for a line that holds only white space.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A letter being classified: the input plus lazily built indexes.
#[derive(Debug)]
pub struct Text<'a> {
    src: &'a str,
    lines: OnceCell<LineIndex>,
    zones: OnceCell<Vec<Zone>>,
    parts: Vec<ZonePart>,
    paragraphs: OnceCell<Vec<Span>>,
    answers: OnceCell<Vec<QuestionAnswer>>,
    sentence_cache: RefCell<HashMap<usize, Vec<Span>>>,
    /// The sentence segments of the lines segmented so far (see [`LineCuts`]).
    line_cuts: RefCell<Option<LineCuts>>,
    /// The anchor hits and one more than their largest possible id.
    anchors: OnceCell<(Vec<AnchorHit>, usize)>,
    anchor_index: OnceCell<AnchorIndex>,
    memo: RefCell<HashMap<(u8, usize, usize), bool>>,
    /// What the matching stage worked out once per letter, by key (the scans of its sets of
    /// gated patterns); their type is the matching stage's.
    set_scans: RefCell<Vec<(usize, Arc<dyn Any + Send + Sync>)>>,
}

impl<'a> Text<'a> {
    /// Wraps `src`. Nothing is computed until asked for.
    pub fn new(src: &'a str) -> Text<'a> {
        Text {
            src,
            lines: OnceCell::new(),
            zones: OnceCell::new(),
            parts: Vec::new(),
            paragraphs: OnceCell::new(),
            answers: OnceCell::new(),
            sentence_cache: RefCell::new(HashMap::new()),
            line_cuts: RefCell::new(None),
            anchors: OnceCell::new(),
            anchor_index: OnceCell::new(),
            memo: RefCell::new(HashMap::new()),
            set_scans: RefCell::new(Vec::new()),
        }
    }

    /// Wraps `src`, a document of several parts (an e-mail's body and its attachments, in text
    /// order): zones such as quoted mail end where their part ends.
    pub fn with_parts(src: &'a str, parts: Vec<ZonePart>) -> Text<'a> {
        let mut t = Text::new(src);
        t.parts = parts;
        t
    }

    /// The input.
    pub fn as_str(&self) -> &'a str {
        self.src
    }

    /// Records the anchor words the matching stage found, so that gated patterns read only
    /// the text near them; every anchor id is below `ids`. Later calls are ignored.
    pub(crate) fn set_anchors(&self, anchors: Vec<AnchorHit>, ids: usize) {
        let _ = self.anchors.set((anchors, ids));
    }

    /// Remembers a yes/no answer about a stretch of the letter (`what` names the question), so
    /// that the many matches in one sentence ask it once.
    pub(crate) fn memo(&self, what: u8, span: Span, f: impl FnOnce() -> bool) -> bool {
        let key = (what, span.start, span.end);
        if let Some(&known) = self.memo.borrow().get(&key) {
            return known;
        }
        let answer = f();
        self.memo.borrow_mut().insert(key, answer);
        answer
    }

    /// The scan `key` names (of a set of gated patterns), made by `f` on first use. A key
    /// always names scans of one type; one found with another type is made again and replaces it.
    pub(crate) fn set_scan<T: Any + Send + Sync>(
        &self,
        key: usize,
        f: impl FnOnce() -> T,
    ) -> Arc<T> {
        let known = self
            .set_scans
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, scan)| Arc::clone(scan));
        if let Some(scan) = known.and_then(|s| s.downcast::<T>().ok()) {
            return scan;
        }
        let scan = Arc::new(f());
        let mut scans = self.set_scans.borrow_mut();
        scans.retain(|(k, _)| *k != key);
        scans.push((key, Arc::clone(&scan) as Arc<dyn Any + Send + Sync>));
        scan
    }

    /// The anchor words found in the letter grouped by word, if it was scanned (built on first
    /// use).
    pub(crate) fn anchor_index(&self) -> Option<&AnchorIndex> {
        let (hits, ids) = self.anchors.get()?;
        Some(
            self.anchor_index
                .get_or_init(|| AnchorIndex::new(hits, *ids)),
        )
    }

    /// The anchor words found in the letter (in order of position), if it was scanned.
    pub(crate) fn anchor_hits(&self) -> Option<&[AnchorHit]> {
        self.anchors.get().map(|(hits, _)| hits.as_slice())
    }

    /// The line index (built on first use).
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.src))
    }

    /// Line and column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines().position(self.src, offset)
    }

    /// The zones of the letter (quoted text and so on), built on first use.
    pub fn zones(&self) -> &[Zone] {
        self.zones
            .get_or_init(|| find_zones_in_parts(self.src, self.lines(), &self.parts))
    }

    /// The kind of zone byte `offset` is in, if any.
    pub fn zone_at(&self, offset: usize) -> Option<ZoneKind> {
        let zones = self.zones();
        let i = zones.partition_point(|z| z.span.end <= offset);
        zones
            .get(i)
            .filter(|z| z.span.start <= offset)
            .map(|z| z.kind)
    }

    /// The letter's questions repeated back with their answers (built on first use; empty
    /// unless the letter is laid out as two or more answered questions).
    pub fn question_answers(&self) -> &[QuestionAnswer] {
        self.answers
            .get_or_init(|| question_answers(self.src, self.lines()))
    }

    /// The paragraphs of the letter: runs of non-blank lines (built on first use, in one pass).
    pub fn paragraphs(&self) -> &[Span] {
        self.paragraphs.get_or_init(|| {
            let lines = self.lines();
            let mut out: Vec<Span> = Vec::new();
            let mut open: Option<Span> = None;
            for n in 1..=lines.line_count() {
                let Some(line) = lines.line_span(self.src, n) else {
                    continue;
                };
                if is_blank(line.slice(self.src)) {
                    out.extend(open.take());
                } else {
                    match open.as_mut() {
                        Some(p) => p.end = line.end,
                        None => open = Some(line),
                    }
                }
            }
            out.extend(open);
            out
        })
    }

    /// The paragraph holding byte `offset`: the run of non-blank lines around it (an offset on
    /// a blank line gives that line).
    pub fn paragraph_at(&self, offset: usize) -> Span {
        let offset = offset.min(self.src.len());
        let paras = self.paragraphs();
        let i = paras.partition_point(|p| p.end < offset);
        match paras.get(i) {
            Some(p) if p.start <= offset => *p,
            _ => {
                let lines = self.lines();
                lines
                    .line_span(self.src, lines.line_of(offset))
                    .unwrap_or_default()
            }
        }
    }

    /// The sentences of the paragraph holding `offset`.
    pub fn paragraph_sentences(&self, offset: usize) -> Vec<Span> {
        let para = self.paragraph_at(offset);
        self.with_sentences(para, <[Span]>::to_vec)
    }

    /// Up to `n` sentences of the paragraph holding `offset`, starting with the one holding it.
    pub fn sentences_from(&self, offset: usize, n: usize) -> Vec<Span> {
        let region = self.region_at(offset);
        self.with_sentences(region, |sentences| {
            let i = sentences.partition_point(|s| s.end <= offset);
            sentences.iter().skip(i).take(n).copied().collect()
        })
    }

    /// The part of the paragraph holding `offset` that is segmented to find the sentences near
    /// it: the whole paragraph up to [`REGION`] bytes; in a longer one (a table, a page of an
    /// annex run together), a stretch of it at least `REGION / 3` bytes either side of `offset`,
    /// so that the work per match stays bounded. A sentence longer than that is cut there.
    fn region_at(&self, offset: usize) -> Span {
        let para = self.paragraph_at(offset);
        if para.len() <= REGION {
            return para;
        }
        let step = REGION / 3;
        let k = offset.saturating_sub(para.start) / step;
        let start = para.start + k.saturating_sub(1) * step;
        let end = (start + REGION).min(para.end);
        let start = floor_char(self.src, start);
        let end = floor_char(self.src, end).max(start);
        Span::new(start, end)
    }

    /// Runs `f` on the (cached) sentences of `region` (a paragraph or a stretch of one).
    fn with_sentences<R>(&self, region: Span, f: impl FnOnce(&[Span]) -> R) -> R {
        let mut cache = self.sentence_cache.borrow_mut();
        let sentences = cache.entry(region.start).or_insert_with(|| {
            let lines = self.lines();
            let mut line_cuts = self.line_cuts.borrow_mut();
            let line_cuts = line_cuts.get_or_insert_with(|| LineCuts::new(self.src, lines));
            let mut sentences = split_region(self.src, lines, region, line_cuts);
            for s in &mut sentences {
                *s = Span::new(s.start + region.start, s.end + region.start);
            }
            sentences
        });
        f(sentences)
    }

    /// A span that holds `window(src, self.sentence_at(span.start), span)`, found without
    /// segmenting anything: the sentence lies in the region [`Text::sentence_at`] segments, and
    /// the window within [`CONTEXT`] bytes (and a char) of `span`.
    pub(crate) fn window_bound(&self, span: Span) -> Span {
        let region = self.region_at(span.start);
        let start = region
            .start
            .max(span.start.saturating_sub(CONTEXT + 3))
            .min(span.start);
        let end = region
            .end
            .min(span.end.saturating_add(CONTEXT + 3))
            .max(span.end);
        Span::new(start, end)
    }

    /// The sentence holding byte `offset` (trimmed of surrounding white space).
    pub fn sentence_at(&self, offset: usize) -> Span {
        let region = self.region_at(offset);
        self.with_sentences(region, |sentences| {
            let i = sentences.partition_point(|s| s.end <= offset);
            match sentences.get(i) {
                Some(s) if s.start <= offset => Some(*s),
                _ => i.checked_sub(1).and_then(|j| sentences.get(j).copied()),
            }
        })
        .unwrap_or(region)
    }
}

/// Paragraphs up to this many bytes are segmented whole; see [`Text::region_at`].
const REGION: usize = 1200;

/// Largest char boundary at or below `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_runs_of_non_blank_lines() {
        let src = "Dear Sir\n\nWe hold the data.\nIt is attached.\n  \nYours";
        let t = Text::new(src);
        let p = t.paragraph_at(src.find("attached").unwrap());
        assert_eq!(p.slice(src), "We hold the data.\nIt is attached.");
        assert_eq!(t.paragraph_at(0).slice(src), "Dear Sir");
        assert_eq!(t.paragraph_at(src.len()).slice(src), "Yours");
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence() {
        let src = "Intro line.\n\nWe rely on s. 43 here. The rest is released.";
        let t = Text::new(src);
        let s = t.sentence_at(src.find("s. 43").unwrap() + 3);
        assert_eq!(s.slice(src), "We rely on s. 43 here.");
        let s = t.sentence_at(src.find("rest").unwrap());
        assert_eq!(s.slice(src), "The rest is released.");
    }

    #[test]
    fn sentences_of_a_long_paragraph_are_found_near_the_offset() {
        let mut src = String::new();
        for i in 0..400 {
            src.push_str(&format!("Row {i} of the table has nothing in it. "));
        }
        src.push_str("We rely on s. 43 here. ");
        for i in 0..400 {
            src.push_str(&format!("Row {i} again. "));
        }
        let t = Text::new(&src);
        let s = t.sentence_at(src.find("s. 43").unwrap() + 3);
        assert_eq!(s.slice(&src), "We rely on s. 43 here.");
        let next = t.sentences_from(src.find("s. 43").unwrap(), 2);
        assert_eq!(next[1].slice(&src), "Row 0 again.");
        let first = t.sentence_at(3);
        assert_eq!(first.slice(&src), "Row 0 of the table has nothing in it.");
    }

    #[test]
    fn the_window_bound_holds_the_window() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/letters");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let src = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let text = Text::new(&src);
            let bounds: Vec<usize> = (0..=src.len())
                .filter(|&i| src.is_char_boundary(i))
                .collect();
            for (k, &a) in bounds.iter().enumerate().step_by(7) {
                for len in [0, 1, 9, 30] {
                    let b = bounds[(k + len).min(bounds.len() - 1)];
                    let span = Span::new(a, b);
                    let w = window(&src, text.sentence_at(a), span);
                    let bound = text.window_bound(span);
                    assert!(
                        bound.start <= w.start && w.end <= bound.end,
                        "{:?} {span:?}: {w:?} not in {bound:?}",
                        entry.path()
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 1000);
    }

    #[test]
    fn words_have_spans() {
        let src = "Section 43(2) applies.";
        let w: Vec<_> = words(src)
            .map(|(s, w)| (s.slice(src).to_string(), w))
            .collect();
        assert_eq!(w[0].0, "Section");
        assert!(w.iter().all(|(a, b)| a == b));
    }

    #[test]
    fn empty_text_is_fine() {
        let t = Text::new("");
        assert_eq!(t.paragraph_at(0), Span::new(0, 0));
        assert_eq!(t.sentence_at(0), Span::new(0, 0));
        assert!(t.zones().is_empty());
    }
}
