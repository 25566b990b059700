//! The anchor words the matching stage found in a letter, kept with the letter so that every
//! later stage's gated patterns read only the text near their own anchors.

use crate::vocab::Span;

/// An anchor found in a letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AnchorHit {
    /// Where the anchor word (or word start) is.
    pub span: Span,
    /// Its id (given by the matching stage; only its identity matters).
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
    /// Groups `hits` (in order of position) by anchor id, every id below `n`: a counting sort,
    /// linear in the hits.
    pub(crate) fn new(hits: &[AnchorHit], n: usize) -> AnchorIndex {
        let mut offsets = vec![0u32; n + 1];
        for h in hits.iter().filter(|h| usize::from(h.anchor) < n) {
            offsets[usize::from(h.anchor) + 1] += 1;
        }
        let mut total = 0;
        for o in offsets.iter_mut() {
            total += *o;
            *o = total;
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
    pub(crate) fn of(&self, id: u16) -> &[Span] {
        let i = usize::from(id);
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.spans[a as usize..b as usize],
            _ => &[],
        }
    }
}
