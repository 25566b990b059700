//! Gated patterns: a regex that is only run near its *anchors*, words that every match of it
//! contains. The anchors of every gated pattern are in the one automaton the matching stage runs
//! over a letter, so a letter is read once whatever the number of patterns; the regex then reads
//! a few hundred bytes around each anchor instead of the whole letter.
//!
//! An anchor is lower-case and stands at the start of a word ("disclos" finds "disclosure" and
//! "Disclosed"). A gated pattern must not match anything that holds none of its anchors; the
//! tests run every gated pattern both ways over the test letters to keep the two in step.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{Mutex, RwLock};

use once_cell::sync::{Lazy, OnceCell};
use regex::Regex;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson;
use regex_automata::{meta, Anchored, Input, MatchKind, PatternID};
use regex_syntax::hir::Hir;

use crate::text::{AnchorHit, Text};
use crate::vocab::Span;

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
    /// The anchors' ids, as a bit set (up to the largest of them).
    id_set: OnceCell<Vec<u64>>,
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
            id_set: OnceCell::new(),
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

    /// True when anchor `id` is one of this pattern's.
    fn has_id(&self, id: u16) -> bool {
        let set = self.id_set.get_or_init(|| {
            let size = self
                .id_list()
                .iter()
                .max()
                .map_or(0, |&m| usize::from(m) + 1);
            let mut set = vec![0u64; size.div_ceil(64)];
            for &id in self.id_list() {
                set[usize::from(id) / 64] |= 1 << (id % 64);
            }
            set
        });
        set.get(usize::from(id) / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
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

/// Anchor ids: each anchor word is given the next id the first time it is asked for, so that
/// every stage's gated patterns and the matching automaton (built from the anchors the caller
/// hands it, [`crate::matching::CueIndex::build`]) agree on them without any stage knowing the
/// others. Ids are dense (0, 1, 2, ...) and only their identity matters, not their order.
#[derive(Default)]
struct AnchorIds {
    ids: HashMap<&'static str, u16>,
}

static ANCHOR_IDS: Lazy<RwLock<AnchorIds>> = Lazy::new(|| RwLock::new(AnchorIds::default()));

/// The id of anchor `word` (given it now if it has none); `None` once 65,536 words have ids.
pub(crate) fn anchor_id(word: &'static str) -> Option<u16> {
    if let Some(&id) = ANCHOR_IDS.read().ok()?.ids.get(word) {
        return Some(id);
    }
    let mut all = ANCHOR_IDS.write().ok()?;
    let next = u16::try_from(all.ids.len()).ok()?;
    Some(*all.ids.entry(word).or_insert(next))
}

/// A gated pattern made from data (a rule file's anchors and regex), kept for the life of the
/// process: each distinct pattern is made once however often a rule set that holds it is
/// loaded, so the memory it takes is bounded by the distinct patterns, not by the loads.
pub(crate) fn interned(anchors: &[String], pattern: &str, leading: bool) -> &'static Gated {
    type Key = (Vec<String>, String, bool);
    static MADE: Lazy<Mutex<HashMap<Key, &'static Gated>>> =
        Lazy::new(|| Mutex::new(HashMap::new()));
    let key = (anchors.to_vec(), pattern.to_string(), leading);
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&g) = made.get(&key) {
        return g;
    }
    let words: Vec<&'static str> = anchors
        .iter()
        .map(|a| &*Box::leak(a.clone().into_boxed_str()))
        .collect();
    let words: &'static [&'static str] = Box::leak(words.into_boxed_slice());
    let pattern: &'static str = Box::leak(pattern.to_string().into_boxed_str());
    let g: &'static Gated = Box::leak(Box::new(Gated::with(words, pattern, leading)));
    made.insert(key, g);
    g
}

/// The anchor words of `patterns`, sorted, each once: the vocabulary the matching automaton is
/// built with.
pub(crate) fn vocabulary(patterns: &[&'static Gated]) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = patterns.iter().flat_map(|g| g.anchors()).copied().collect();
    words.sort_unstable();
    words.dedup();
    words
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
        first: None,
    }
}

/// As [`find_iter`], for a caller that keeps only matches starting in `regions` (in order,
/// disjoint): only the text near the anchors that start inside them is read. A match that
/// starts in a region but holds none of its anchors there is not found.
pub(crate) fn find_iter_in<'t>(
    text: &'t Text<'_>,
    g: &'t Gated,
    regions: &[Span],
) -> GatedMatches<'t> {
    let mut matches = find_iter(text, g);
    if let Some(mine) = matches.mine.as_mut() {
        retain_inside(mine, regions);
    }
    matches
}

/// Keeps the spans (in order of start) that start inside one of `regions` (in order, disjoint).
fn retain_inside(spans: &mut Vec<Span>, regions: &[Span]) {
    let mut inside = Inside::new(Some(regions));
    spans.retain(|s| inside.holds(s.start));
}

/// Where `g`'s anchors stand in a scanned letter, in order; `None` when the letter was not
/// scanned. For a pattern that is only its anchors, this is every match, with no regex run.
pub(crate) fn anchor_spans(text: &Text<'_>, g: &Gated) -> Option<Vec<Span>> {
    let hits = text.anchor_hits()?;
    let ids = g.id_list();
    if hits.len() <= ids.len().saturating_mul(WALK_HITS) {
        // A pattern of many anchors (a lexicon's words): reading the letter's hits in order
        // costs less than asking for each anchor and sorting what they gather. The hits are in
        // order of (start, end), so their spans need no sorting.
        return Some(
            hits.iter()
                .filter(|h| g.has_id(h.anchor))
                .map(|h| h.span)
                .collect(),
        );
    }
    let index = text.anchor_index()?;
    let mut spans = Vec::with_capacity(ids.iter().map(|&id| index.of(id).len()).sum());
    for &id in ids {
        spans.extend_from_slice(index.of(id));
    }
    // Gathered anchor by anchor: each anchor's spans are in order, not the whole.
    if ids.len() > 1 {
        spans.sort_unstable_by_key(|s| (s.start, s.end));
    }
    Some(spans)
}

/// [`anchor_spans`] reads the letter's hits rather than the pattern's anchors when they are
/// at most this many times as many.
const WALK_HITS: usize = 4;

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
    /// For a leading pattern of a set: the set's leftmost-first DFA and the pattern's id in it,
    /// which finds the end of a match as the pattern's own regex does, with no regex of its own
    /// to compile.
    first: Option<(&'static DFA, PatternID)>,
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
        if self.next >= mine.len() {
            // No anchor left to read from (the pattern's own is not read).
            self.mine = Some(mine);
            return false;
        }
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
        // The window is searched in place, so that a word boundary at its edges reads the
        // text beyond them, as a search of the whole letter would.
        for m in self
            .gated
            .near()
            .find_iter(Input::new(src).range(start..end))
        {
            let span = Span::new(m.start(), m.end());
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

    /// Where the leftmost-first match of the pattern that starts at `at` ends, if there is one.
    fn end_from(&self, at: usize) -> Option<usize> {
        if let Some((dfa, pid)) = self.first {
            let input = Input::new(self.src)
                .range(at..)
                .anchored(Anchored::Pattern(pid));
            match with_dfa_cache(dfa, |cache| dfa.try_search_fwd(cache, &input)) {
                Ok(None) => return None,
                // An empty match is left to the regex, which knows how to treat one that
                // splits a char.
                Ok(Some(m)) if m.offset() > at => return Some(m.offset()),
                // The DFA gave up (a byte it cannot read): the regex decides.
                _ => {}
            }
        }
        let input = Input::new(self.src).range(at..).anchored(Anchored::Yes);
        self.gated.near().search_half(&input).map(|m| m.offset())
    }

    /// For a leading pattern: tries the regex anchored at each next anchor until one matches.
    fn fill_anchored(&mut self, mine: &[Span]) -> bool {
        while let Some(&hit) = mine.get(self.next) {
            self.next += 1;
            let at = hit.start;
            if at < self.last_end {
                continue;
            }
            if let Some(end) = self.end_from(at) {
                // Anchored: the match starts at the anchor.
                self.last_end = end.max(at + 1);
                self.ready.push(Span::new(at, end));
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

/// Room in each lazy DFA cache of a [`GatedSet`]: one DFA holds many patterns.
const SET_CACHE: usize = 8 << 20;

/// Gated patterns searched together, so that the cost of reading a letter grows little with
/// their number. The leading patterns are one anchored multi-pattern DFA, walked once from each
/// position where one of their anchors starts; the others are one multi-pattern DFA, walked once
/// over each stretch of text within reach of their anchors (overlapping windows merged). Each
/// walk says which patterns match there (every match, overlapping); a pattern's own regex then
/// reads only the positions and stretches where it matches, so [`GatedSet::find_iter`] finds
/// what [`find_iter`] finds.
pub(crate) struct GatedSet {
    patterns: Vec<&'static Gated>,
    /// For each pattern, true when it is read with its group: its group was built, and it is
    /// not one searched on its own as [`find_iter`] does (one found near its anchors that
    /// repeats a class of letters, see [`plain`]). Its scan's spots then say everywhere it can
    /// match.
    grouped: Vec<bool>,
    /// For each anchor id, the leading patterns that have it (indices into `patterns`).
    leading_of: Vec<Vec<u16>>,
    /// For each anchor id, true when a pattern found near its anchors has it.
    near_anchor: Vec<bool>,
    /// The leading patterns as one DFA.
    leading: Option<Group>,
    /// For each leading pattern, its id in that DFA.
    lead_pid: Vec<Option<PatternID>>,
    /// The other patterns as one DFA.
    near: Option<Group>,
}

/// Some patterns of a set as one lazy DFA that reports every pattern matching.
struct Group {
    dfa: DFA,
    /// The index in the set of each of the DFA's patterns.
    ids: Vec<u16>,
    /// For the leading patterns: the same patterns (the same NFA) as a leftmost-first DFA with
    /// a start state for each pattern, which finds a match's end as the pattern's own regex
    /// does (see [`GatedMatches::end_from`]).
    first: Option<DFA>,
}

/// Runs `f` with this thread's cache of `dfa` (a fresh one if the thread's caches are in use).
fn with_dfa_cache<R>(dfa: &DFA, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHES.with(|caches| {
        let Ok(mut caches) = caches.try_borrow_mut() else {
            return f(&mut dfa.create_cache());
        };
        let key = std::ptr::from_ref(dfa) as usize;
        let i = match caches.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                caches.push((key, dfa.create_cache()));
                caches.len() - 1
            }
        };
        f(&mut caches[i].1)
    })
}

thread_local! {
    /// Each thread's caches of the sets' DFAs, by DFA (the sets are static, so an address
    /// names one DFA for good).
    static CACHES: RefCell<Vec<(usize, Cache)>> = const { RefCell::new(Vec::new()) };
}

impl Group {
    /// The group of the patterns `hirs` (parsed; their set indices `ids`): `None` when there
    /// are none or one did not parse. `leading` also builds its leftmost-first DFA.
    fn build((hirs, ids): (Vec<Option<Hir>>, Vec<u16>), leading: bool) -> Option<Group> {
        if hirs.is_empty() {
            return None;
        }
        let hirs: Vec<Hir> = hirs.into_iter().collect::<Option<_>>()?;
        let config = |kind: MatchKind| {
            DFA::config()
                .match_kind(kind)
                .unicode_word_boundary(true)
                .cache_capacity(SET_CACHE)
                .minimum_cache_clear_count(None)
        };
        // A group that does not build leaves its patterns to be searched one by one. The NFA
        // is compiled once for both DFAs (DFAs have no captures).
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many_from_hir(&hirs)
            .ok()?;
        let dfa = DFA::builder()
            .configure(config(MatchKind::All))
            .build_from_nfa(nfa.clone())
            .ok()?;
        let first = leading
            .then(|| {
                DFA::builder()
                    .configure(config(MatchKind::LeftmostFirst).starts_for_each_pattern(true))
                    .build_from_nfa(nfa)
                    .ok()
            })
            .flatten();
        Some(Group { dfa, ids, first })
    }

    /// Runs `f` with this thread's cache of the DFA.
    fn with_cache<R>(&self, f: impl FnOnce(&mut Cache) -> R) -> R {
        with_dfa_cache(&self.dfa, f)
    }

    /// Calls `found` with the set index of every pattern that has a match in `src[start..end]`
    /// (starting at `start` when `anchored`; a pattern may be named more than once). False when
    /// the DFA could not read the text, so that nothing is ruled out.
    fn which(
        &self,
        cache: &mut Cache,
        src: &str,
        (start, end): (usize, usize),
        anchored: bool,
        found: &mut impl FnMut(u16),
    ) -> bool {
        let dfa = &self.dfa;
        let bytes = src.as_bytes();
        let mode = if anchored {
            Anchored::Yes
        } else {
            Anchored::No
        };
        let input = Input::new(src).range(start..end).anchored(mode);
        let Ok(mut sid) = dfa.start_state_forward(cache, &input) else {
            return false;
        };
        let mut report = |cache: &Cache, sid: LazyStateID| {
            for i in 0..dfa.match_len(cache, sid) {
                let pid = dfa.match_pattern(cache, sid, i).as_usize();
                if let Some(&p) = self.ids.get(pid) {
                    found(p);
                }
            }
        };
        // Reports a match state's patterns; the walk's answer once the state ends it (a dead
        // state: true, nothing more can match; a quit state: false).
        let mut settle = |cache: &Cache, sid: LazyStateID| {
            if sid.is_match() {
                report(cache, sid);
            }
            if sid.is_dead() {
                Some(true)
            } else if sid.is_quit() {
                Some(false)
            } else {
                None
            }
        };
        // Matches show one byte late, and the byte after the end is read for a word boundary
        // there, as a search of the stretch does.
        let hay = bytes.get(..end).unwrap_or(bytes);
        let mut at = start;
        while let Some(&b) = hay.get(at) {
            at += 1;
            if sid.is_tagged() {
                if let Some(done) = settle(cache, sid) {
                    return done;
                }
            } else {
                // Most steps go from a plain state along a transition already known: one
                // look-up each.
                let next = dfa.next_state_untagged(cache, sid, b);
                if !next.is_unknown() {
                    sid = next;
                    continue;
                }
            }
            match dfa.next_state(cache, sid, b) {
                Ok(next) => sid = next,
                Err(_) => return false,
            }
        }
        if let Some(done) = settle(cache, sid) {
            return done;
        }
        let last = match bytes.get(end) {
            Some(&b) => dfa.next_state(cache, sid, b),
            None => dfa.next_eoi_state(cache, sid),
        };
        match last {
            Ok(sid) => settle(cache, sid) != Some(false),
            Err(_) => false,
        }
    }
}

/// True for a pattern that repeats nothing that can match a letter, beyond making it optional
/// (`attachments?`, `\s+`, `\d+` are plain; `[a-z]+`, `[^.]{0,60}`, `\w+` are not). An
/// unanchored DFA of many patterns has few states when each is plain; one that repeats letters
/// makes it track every place such a repetition could have started, so it joins no group.
fn plain(pattern: &Hir) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    fn letters(c: &Class) -> bool {
        match c {
            Class::Unicode(u) => u.ranges().iter().any(|r| {
                let (a, b) = (r.start(), r.end());
                (a <= 'z' && 'a' <= b) || (a <= 'Z' && 'A' <= b)
            }),
            Class::Bytes(u) => u.ranges().iter().any(|r| {
                let (a, b) = (r.start(), r.end());
                (a <= b'z' && b'a' <= b) || (a <= b'Z' && b'A' <= b)
            }),
        }
    }
    fn walk(h: &Hir) -> bool {
        match h.kind() {
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => true,
            HirKind::Capture(c) => walk(&c.sub),
            HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().all(walk),
            HirKind::Repetition(r) => {
                (r.max == Some(1) && walk(&r.sub))
                    || matches!(r.sub.kind(), HirKind::Class(c) if !letters(c))
            }
        }
    }
    walk(pattern)
}

/// Where each pattern of a [`GatedSet`] matches in one letter: for a leading pattern, the
/// positions where a match starts (as empty spans); for the others, the stretches of text that
/// hold a match.
#[derive(Debug)]
pub(crate) struct SetScan {
    spots: Vec<Vec<Span>>,
    /// The regions the scan was limited to ([`GatedSet::find_iter_in`]), if any.
    regions: Option<Vec<Span>>,
}

impl GatedSet {
    /// The set of `patterns` (indexed by their position in it).
    pub(crate) fn new(patterns: Vec<&'static Gated>) -> GatedSet {
        let n = patterns
            .iter()
            .flat_map(|g| g.id_list())
            .map(|&id| usize::from(id) + 1)
            .max()
            .unwrap_or(0);
        let mut leading_of: Vec<Vec<u16>> = vec![Vec::new(); n];
        let mut near_anchor = vec![false; n];
        let mut lead: (Vec<Option<Hir>>, Vec<u16>) = (Vec::new(), Vec::new());
        let mut near: (Vec<Option<Hir>>, Vec<u16>) = (Vec::new(), Vec::new());
        let mut alone = vec![false; patterns.len()];
        let mut lead_pid = vec![None; patterns.len()];
        for (i, g) in patterns.iter().enumerate() {
            // Parsed once, for the test below and for the group's NFA.
            let hir = regex_automata::util::syntax::parse(g.pattern).ok();
            if !g.leading && !hir.as_ref().is_some_and(plain) {
                alone[i] = true;
                continue;
            }
            let i = u16::try_from(i).expect("a set holds fewer than 65,536 patterns");
            for &id in g.id_list() {
                let id = usize::from(id);
                if g.leading {
                    leading_of[id].push(i);
                } else {
                    near_anchor[id] = true;
                }
            }
            if g.leading {
                lead_pid[usize::from(i)] = PatternID::new(lead.0.len()).ok();
            }
            let group = if g.leading { &mut lead } else { &mut near };
            group.0.push(hir);
            group.1.push(i);
        }
        let leading = Group::build(lead, true);
        let near = Group::build(near, false);
        let grouped = patterns
            .iter()
            .zip(&alone)
            .map(|(g, &alone)| {
                !alone
                    && if g.leading {
                        leading.is_some()
                    } else {
                        near.is_some()
                    }
            })
            .collect();
        GatedSet {
            patterns,
            grouped,
            leading_of,
            near_anchor,
            leading,
            lead_pid,
            near,
        }
    }

    /// The scan of `text` (made once per letter); `None` when the letter was not scanned for
    /// anchors.
    #[cfg(test)]
    fn scan(&'static self, text: &Text<'_>) -> Option<std::sync::Arc<SetScan>> {
        let hits = text.anchor_hits()?;
        let key = std::ptr::from_ref(self) as usize;
        Some(text.set_scan(key, || self.scan_hits(text.as_str(), hits, None)))
    }

    /// Reads the letter `src` at its anchor `hits` (in order of position) that start inside
    /// `regions` (in order, disjoint; all of them when `None`).
    fn scan_hits(&self, src: &str, hits: &[AnchorHit], regions: Option<&[Span]>) -> SetScan {
        let mut spots: Vec<Vec<Span>> = vec![Vec::new(); self.patterns.len()];
        let mut seen = vec![false; self.patterns.len()];
        let mut marked: Vec<u16> = Vec::new();
        if let Some(group) = &self.leading {
            group.with_cache(|cache| {
                let mut gathered: Vec<u16> = Vec::new();
                let mut k = 0;
                let mut inside = Inside::new(regions);
                let of = |h: &AnchorHit| {
                    self.leading_of
                        .get(usize::from(h.anchor))
                        .map_or(&[][..], Vec::as_slice)
                };
                while k < hits.len() {
                    // Every leading pattern with an anchor starting here: those of the one
                    // hit, or gathered from the hits that start here.
                    let at = hits[k].span.start;
                    let first = of(&hits[k]);
                    k += 1;
                    let candidates: &[u16] = if k < hits.len() && hits[k].span.start == at {
                        gathered.clear();
                        gathered.extend_from_slice(first);
                        while k < hits.len() && hits[k].span.start == at {
                            gathered.extend_from_slice(of(&hits[k]));
                            k += 1;
                        }
                        &gathered
                    } else {
                        first
                    };
                    if candidates.is_empty() || at > src.len() || !inside.holds(at) {
                        continue;
                    }
                    let mut mark = |p: u16| {
                        if !seen[usize::from(p)] {
                            seen[usize::from(p)] = true;
                            marked.push(p);
                        }
                    };
                    if !group.which(cache, src, (at, src.len()), true, &mut mark) {
                        candidates.iter().for_each(|&p| mark(p));
                    }
                    for p in marked.drain(..) {
                        seen[usize::from(p)] = false;
                        if candidates.contains(&p) {
                            spots[usize::from(p)].push(Span::new(at, at));
                        }
                    }
                }
            });
        }
        if let Some(group) = &self.near {
            group.with_cache(|cache| {
                let mut read = |start: usize, end: usize| {
                    let mut mark = |p: u16| {
                        if !seen[usize::from(p)] {
                            seen[usize::from(p)] = true;
                            marked.push(p);
                        }
                    };
                    if !group.which(cache, src, (start, end), false, &mut mark) {
                        group.ids.iter().for_each(|&p| mark(p));
                    }
                    for p in marked.drain(..) {
                        seen[usize::from(p)] = false;
                        spots[usize::from(p)].push(Span::new(start, end));
                    }
                };
                // The windows `fill_window` reads around each anchor, merged where they touch:
                // each window of a pattern lies within one stretch.
                let mut stretch: Option<(usize, usize)> = None;
                let mut inside = Inside::new(regions);
                let near = hits.iter().filter(|h| {
                    self.near_anchor.get(usize::from(h.anchor)) == Some(&true)
                        && inside.holds(h.span.start)
                });
                for h in near {
                    let start = floor(src, h.span.start.saturating_sub(BACK).min(src.len()));
                    let end = ceil(src, h.span.end.saturating_add(AHEAD).min(src.len()));
                    match &mut stretch {
                        Some((_, e)) if start <= *e => *e = (*e).max(end),
                        _ => {
                            if let Some((s, e)) = stretch.take() {
                                read(s, e);
                            }
                            stretch = Some((start, end));
                        }
                    }
                }
                if let Some((s, e)) = stretch {
                    read(s, e);
                }
            });
        }
        SetScan {
            spots,
            regions: None,
        }
    }

    /// The matches of pattern `i` of the set in `text`, in order: those of [`find_iter`], with
    /// only the positions and stretches the set's scan found it in read by its own regex.
    #[cfg(test)]
    pub(crate) fn find_iter<'t>(&'static self, text: &'t Text<'_>, i: usize) -> GatedMatches<'t> {
        match self.scan(text) {
            Some(scan) => self.matches_of(text, i, &scan),
            None => find_iter(text, self.patterns[i]),
        }
    }

    /// As [`GatedSet::find_iter`], for a caller that keeps only matches starting in `regions`
    /// (in order, disjoint; asked for the first time the letter is scanned this way): the set's
    /// scan reads only near the anchors that start inside them, so the rest of the letter (a
    /// long quoted thread) is not read. A match that starts in a region but holds none of its
    /// anchors there (it runs on past the region's end) is not found.
    #[cfg(test)]
    pub(crate) fn find_iter_in<'t>(
        &'static self,
        text: &'t Text<'_>,
        i: usize,
        regions: impl FnOnce() -> Vec<Span>,
    ) -> GatedMatches<'t> {
        let scan = self.scan_in(text, regions);
        self.matches_in(text, i, scan.as_deref())
    }

    /// The scan that [`GatedSet::find_iter_in`] reads (made once per letter; `None` when the
    /// letter was not scanned for anchors), for a caller that reads several patterns of the set.
    pub(crate) fn scan_in(
        &'static self,
        text: &Text<'_>,
        regions: impl FnOnce() -> Vec<Span>,
    ) -> Option<std::sync::Arc<SetScan>> {
        let hits = text.anchor_hits()?;
        // A key of its own (the scan of the whole letter is keyed by the set's address, which
        // is aligned, so the next byte names no other set).
        let key = std::ptr::from_ref(self) as usize + 1;
        Some(text.set_scan(key, || {
            let regions = regions();
            let mut scan = self.scan_hits(text.as_str(), hits, Some(&regions));
            scan.regions = Some(regions);
            scan
        }))
    }

    /// The matches of pattern `i` of [`GatedSet::find_iter_in`], given the letter's
    /// [`GatedSet::scan_in`].
    pub(crate) fn matches_in<'t>(
        &'static self,
        text: &'t Text<'_>,
        i: usize,
        scan: Option<&SetScan>,
    ) -> GatedMatches<'t> {
        match scan {
            Some(scan) => self.matches_of(text, i, scan),
            None => find_iter(text, self.patterns[i]),
        }
    }

    /// The matches of pattern `i` that `scan` allows.
    fn matches_of<'t>(
        &'static self,
        text: &'t Text<'_>,
        i: usize,
        scan: &SetScan,
    ) -> GatedMatches<'t> {
        let g = self.patterns[i];
        if self.grouped[i] && scan.spots[i].is_empty() {
            // Its group's walks found it nowhere (the letter was scanned, so it has an anchor
            // index): nothing to read.
            return GatedMatches {
                src: text.as_str(),
                gated: g,
                mine: Some(Vec::new()),
                next: 0,
                ready: Vec::new(),
                last_end: 0,
                whole_done: false,
                first: None,
            };
        }
        if !self.grouped[i] {
            // Searched on its own, near its anchors in the scan's regions.
            return match &scan.regions {
                Some(regions) => find_iter_in(text, g, regions),
                None => find_iter(text, g),
            };
        }
        let Some(index) = text.anchor_index() else {
            return find_iter(text, g);
        };
        let spots = &scan.spots[i];
        // The pattern's id in the leading group's leftmost-first DFA.
        let first = self
            .leading
            .as_ref()
            .and_then(|group| group.first.as_ref())
            .zip(self.lead_pid.get(i).copied().flatten());
        let mine = if g.leading {
            spots.clone()
        } else {
            // The pattern's anchors in the stretches that hold a match of it.
            let ids = g.id_list();
            let mut out: Vec<Span> = Vec::new();
            for r in spots {
                let from = out.len();
                for &id in ids {
                    let of = index.of(id);
                    let first = of.partition_point(|a| a.start < r.start);
                    out.extend(of[first..].iter().take_while(|a| a.start < r.end));
                }
                if ids.len() > 1 {
                    out[from..].sort_unstable_by_key(|s| (s.start, s.end));
                }
            }
            out
        };
        GatedMatches {
            src: text.as_str(),
            gated: g,
            mine: Some(mine),
            next: 0,
            ready: Vec::new(),
            last_end: 0,
            whole_done: false,
            first,
        }
    }
}

/// Whether offsets, asked in order, lie inside regions (in order, disjoint; everywhere when
/// there are none): a walk along the regions.
struct Inside<'r> {
    regions: Option<&'r [Span]>,
    next: usize,
}

impl<'r> Inside<'r> {
    fn new(regions: Option<&'r [Span]>) -> Inside<'r> {
        Inside { regions, next: 0 }
    }

    /// True when `offset` (at or after the last one asked) lies inside a region.
    fn holds(&mut self, offset: usize) -> bool {
        let Some(regions) = self.regions else {
            return true;
        };
        while self.next < regions.len() && regions[self.next].end <= offset {
            self.next += 1;
        }
        regions.get(self.next).is_some_and(|r| r.start <= offset)
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
