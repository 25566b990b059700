//! Gated patterns: a regex that is only run near its *anchors*, words that every match of it
//! contains. The anchors of every gated pattern are in the one automaton the matching stage runs
//! over a letter, so a letter is read once whatever the number of patterns; the regex then reads
//! a few hundred bytes around each anchor instead of the whole letter.
//!
//! An anchor is lower-case and stands at the start of a word ("disclos" finds "disclosure" and
//! "Disclosed"). A gated pattern must not match anything that holds none of its anchors; the
//! tests run every gated pattern both ways over the test letters to keep the two in step.

use std::ops::Deref;

use once_cell::sync::{Lazy, OnceCell};
use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use crate::span::Span;
use crate::text::Text;

/// A regex with the anchor words its matches contain.
pub(crate) struct Gated {
    anchors: &'static [&'static str],
    pattern: &'static str,
    /// True when every match starts with one of the anchors.
    leading: bool,
    /// The regex as a `regex::Regex`, for callers that search a window of their own.
    regex: OnceCell<Regex>,
    /// The regex for searches near anchors (see [`Gated::near`]).
    near: OnceCell<meta::Regex>,
    /// The anchors' ids, as a list.
    id_list: OnceCell<Vec<u16>>,
}

impl Gated {
    /// A gated pattern whose matches each hold one of `anchors` somewhere: the regex is run over
    /// a window around each anchor. The regex is compiled on first use.
    pub(crate) const fn new(anchors: &'static [&'static str], pattern: &'static str) -> Gated {
        Gated::with(anchors, pattern, false)
    }

    /// A gated pattern whose matches each *start* with one of `anchors`: the regex is only tried
    /// anchored at each anchor, which costs a few bytes' reading however common the anchor.
    pub(crate) const fn leading(anchors: &'static [&'static str], pattern: &'static str) -> Gated {
        Gated::with(anchors, pattern, true)
    }

    const fn with(anchors: &'static [&'static str], pattern: &'static str, leading: bool) -> Gated {
        Gated {
            anchors,
            pattern,
            leading,
            regex: OnceCell::new(),
            near: OnceCell::new(),
            id_list: OnceCell::new(),
        }
    }

    /// The regex for searches near anchors: a few hundred bytes at a time, where a literal
    /// prefilter costs more to start than it saves, so it has none.
    fn near(&self) -> &meta::Regex {
        self.near.get_or_init(|| {
            meta::Regex::builder()
                .configure(meta::Config::new().auto_prefilter(false))
                .build(self.pattern)
                .expect("gated patterns are valid")
        })
    }

    /// The compiled regex.
    pub(crate) fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(self.pattern).expect("gated patterns are valid"))
    }

    /// The anchor words.
    pub(crate) fn anchors(&self) -> &'static [&'static str] {
        self.anchors
    }

    /// The anchors' ids, each once.
    fn id_list(&self) -> &[u16] {
        self.id_list.get_or_init(|| {
            let mut ids: Vec<u16> = self.anchors.iter().filter_map(|a| anchor_id(a)).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
    }
}

impl Deref for Gated {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.regex()
    }
}

impl std::fmt::Debug for Gated {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gated")
            .field("anchors", &self.anchors)
            .field("pattern", &self.pattern)
            .finish()
    }
}

/// Every gated pattern of the pipeline, so that their anchors can be compiled into the matching
/// automaton.
pub(crate) fn all() -> Vec<&'static Gated> {
    let mut out = crate::checks::gated();
    out.extend(crate::resolve::gated());
    out.extend(crate::cite::gated());
    out
}

/// The anchor vocabulary: every anchor of every gated pattern, sorted, each once. An anchor's id
/// is its index here.
pub(crate) static VOCABULARY: Lazy<Vec<&'static str>> = Lazy::new(|| {
    let mut words: Vec<&'static str> = all().iter().flat_map(|g| g.anchors()).copied().collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// The id of anchor `word`.
pub(crate) fn anchor_id(word: &str) -> Option<u16> {
    VOCABULARY
        .binary_search(&word)
        .ok()
        .and_then(|i| u16::try_from(i).ok())
}

/// An anchor found in a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AnchorHit {
    /// Where the anchor word (or word start) is.
    pub span: Span,
    /// Its id in [`VOCABULARY`].
    pub anchor: u16,
}

/// The anchor hits of one letter grouped by anchor id, each group in order of position, so that
/// a gated pattern finds its own anchors without reading everyone else's (the outcome and notice
/// stages run some hundred patterns over each letter).
#[derive(Debug, Default)]
pub(crate) struct AnchorIndex {
    /// Where each anchor id's group starts in `spans` (one more entry than ids).
    offsets: Vec<u32>,
    spans: Vec<Span>,
}

impl AnchorIndex {
    /// Groups `hits` (in order of position) by anchor id: a counting sort, linear in the hits.
    pub(crate) fn new(hits: &[AnchorHit]) -> AnchorIndex {
        let n = VOCABULARY.len();
        let mut offsets = vec![0u32; n + 1];
        for h in hits.iter().filter(|h| usize::from(h.anchor) < n) {
            offsets[usize::from(h.anchor) + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next = offsets.clone();
        let mut spans = vec![Span::new(0, 0); offsets[n] as usize];
        for h in hits.iter().filter(|h| usize::from(h.anchor) < n) {
            let slot = &mut next[usize::from(h.anchor)];
            spans[*slot as usize] = h.span;
            *slot += 1;
        }
        AnchorIndex { offsets, spans }
    }

    /// Where anchor `id` was found, in order.
    fn of(&self, id: u16) -> &[Span] {
        let i = usize::from(id);
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.spans[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Bytes read before an anchor: a match may start a few words before its anchor ("the figures
/// are as follows" is found from "follows").
const BACK: usize = 64;
/// Bytes read after an anchor: the rest of a match.
const AHEAD: usize = 128;

/// The matches of `g` in `text`, in order. When the letter has been scanned (the classifier
/// always scans it), only the text near `g`'s anchors is read, and only as far as the caller
/// takes matches; otherwise the whole letter.
pub(crate) fn find_iter<'t>(text: &'t Text<'_>, g: &'t Gated) -> GatedMatches<'t> {
    // This pattern's anchors, in order of position.
    let mine = anchor_spans(text, g);
    GatedMatches {
        src: text.as_str(),
        gated: g,
        mine,
        next: 0,
        ready: Vec::new(),
        last_end: 0,
        whole_done: false,
    }
}

/// Where `g`'s anchors stand in a scanned letter, in order; `None` when the letter was not
/// scanned. For a pattern that is only its anchors, this is every match, with no regex run.
pub(crate) fn anchor_spans(text: &Text<'_>, g: &Gated) -> Option<Vec<Span>> {
    text.anchor_index().map(|index| {
        let ids = g.id_list();
        let mut spans: Vec<Span> = ids.iter().flat_map(|&id| index.of(id)).copied().collect();
        if ids.len() > 1 {
            spans.sort_unstable_by_key(|s| (s.start, s.end));
        }
        spans
    })
}

/// The iterator of [`find_iter`].
pub(crate) struct GatedMatches<'t> {
    src: &'t str,
    gated: &'t Gated,
    /// Where the pattern's anchors are, in order; `None` when the letter was not scanned.
    mine: Option<Vec<Span>>,
    /// The next anchor to read from.
    next: usize,
    /// Matches of the current window, in reverse order.
    ready: Vec<Span>,
    last_end: usize,
    whole_done: bool,
}

impl GatedMatches<'_> {
    /// Reads the next window; false when there is none.
    fn fill(&mut self) -> bool {
        let Some(mine) = self.mine.take() else {
            if self.whole_done {
                return false;
            }
            self.whole_done = true;
            self.ready = self
                .gated
                .regex()
                .find_iter(self.src)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            self.ready.reverse();
            return true;
        };
        let more = if self.gated.leading {
            self.fill_anchored(&mine)
        } else {
            self.fill_window(&mine)
        };
        self.mine = Some(mine);
        more
    }

    /// For a pattern found near its anchors: the regex over a window around the next anchor and
    /// every later one within reach of it.
    fn fill_window(&mut self, mine: &[Span]) -> bool {
        let Some(&first) = mine.get(self.next) else {
            return false;
        };
        let mut end = first.end.saturating_add(AHEAD);
        let mut j = self.next + 1;
        while j < mine.len() && mine[j].start <= end {
            end = end.max(mine[j].end.saturating_add(AHEAD));
            j += 1;
        }
        let window = &mine[self.next..j];
        self.next = j;
        let src = self.src;
        let start = floor(src, first.start.saturating_sub(BACK).max(self.last_end));
        let end = ceil(src, end.min(src.len()));
        let mut found: Vec<Span> = Vec::new();
        for m in self.gated.near().find_iter(&src[start..end]) {
            let span = Span::new(start + m.start(), start + m.end());
            // A match with none of the anchors in it is an artefact of the window's edges. The
            // anchors are in order of start, so only those starting inside the match are
            // looked at (a window over dense text holds thousands of them).
            let from = window.partition_point(|a| a.start < span.start);
            if window[from..]
                .iter()
                .take_while(|a| a.start < span.end)
                .any(|a| a.end <= span.end)
            {
                found.push(span);
            }
        }
        if let Some(last) = found.last() {
            self.last_end = last.end;
        }
        found.reverse();
        self.ready = found;
        true
    }

    /// For a leading pattern: tries the regex anchored at each next anchor until one matches.
    fn fill_anchored(&mut self, mine: &[Span]) -> bool {
        while let Some(&hit) = mine.get(self.next) {
            self.next += 1;
            let at = hit.start;
            if at < self.last_end {
                continue;
            }
            let input = Input::new(self.src).range(at..).anchored(Anchored::Yes);
            if let Some(m) = self.gated.near().search_half(&input) {
                // Anchored: the match starts at the anchor.
                self.last_end = m.offset().max(at + 1);
                self.ready.push(Span::new(at, m.offset()));
                return true;
            }
        }
        false
    }
}

impl Iterator for GatedMatches<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        loop {
            if let Some(m) = self.ready.pop() {
                return Some(m);
            }
            if !self.fill() {
                return None;
            }
        }
    }
}

/// The nearest char boundary at or before `i`.
pub(crate) fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i` (at most the string's length).
pub(crate) fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::CueIndex;
    use crate::rules::RuleSet;

    /// Letters to compare on: the test letters, the examples and every rule example.
    fn letters() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["tests/letters", "data/examples"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                if entry.path().extension().is_some_and(|e| e == "txt") {
                    out.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
                }
            }
        }
        let rules = RuleSet::embedded().unwrap();
        for r in rules.rules() {
            for e in r.examples.iter().chain(&r.counter_examples) {
                out.push(e.text.clone());
            }
        }
        out
    }

    #[test]
    fn gated_search_finds_what_a_full_search_finds() {
        let index = CueIndex::build(&RuleSet::embedded().unwrap()).unwrap();
        let mut compared = 0;
        for letter in letters() {
            let text = Text::new(&letter);
            text.set_anchors(index.scan(&letter).anchors);
            for g in all() {
                let full: Vec<Span> = g
                    .regex()
                    .find_iter(&letter)
                    .map(|m| Span::new(m.start(), m.end()))
                    .collect();
                let gated: Vec<Span> = find_iter(&text, g).collect();
                assert_eq!(gated, full, "{g:?} in {letter:?}");
                compared += full.len();
            }
        }
        assert!(compared > 500, "only {compared} matches compared");
    }

    #[test]
    fn an_unscanned_text_is_searched_whole() {
        let text = Text::new("Please find the figures attached.");
        let g = Gated::new(&["attached"], r"attached");
        assert_eq!(
            find_iter(&text, &g).collect::<Vec<_>>(),
            [Span::new(24, 32)]
        );
    }
}
