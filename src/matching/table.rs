//! The cue automaton as a dense transition table, laid out for the walk over a letter.
//!
//! The heads are put in a trie, and the trie made an Aho-Corasick DFA that reports every head
//! ending at each byte (overlapping matches), by the textbook construction: states numbered
//! breadth first, each state's row its failure state's row with its own children written over
//! it. The layout is chosen for the walk:
//!
//! - the states are numbered breadth first, so the shallow states, which prose visits most, lie
//!   together at the front of the table;
//! - a row has a column per byte class (each byte some head holds is a class, every other byte
//!   is one more), rounded up to a power of two, in byte order, so the lower-case letters a row
//!   is mostly read at lie in one or two cache lines;
//! - an entry is the next state's number in 16 bits where there are fewer than 32,768 states
//!   (32 bits otherwise), its top bit set when that state reports heads, so a row is a quarter
//!   of the size of a DFA of 32-bit premultiplied ids (as `aho-corasick` builds) and the rows
//!   prose walks through stay in the first-level data cache far more often;
//! - one look-up folds a byte of the letter (see [`super::fold`]) and gives its class.

use crate::error::{Error, ErrorKind};

/// One head ending where a matching state is reached.
#[derive(Clone, Copy, Debug)]
pub(super) struct HeadEnd {
    /// The head's length in bytes.
    pub len: u32,
    /// The range the caller gave with the head.
    pub from: u32,
    pub to: u32,
}

/// The next-state entries: 16 bits where there are few enough states, 32 otherwise.
#[derive(Debug)]
enum Entries {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

/// The automaton as a table.
#[derive(Debug)]
pub(super) struct Table {
    /// A byte of the letter (before folding) to its class: its column in a row.
    class: [u8; 256],
    /// Log2 of the row length (the number of classes rounded up to a power of two).
    shift: u32,
    entries: Entries,
    /// The state after the space that stands before the letter, as an entry (flag included).
    first: u32,
    /// For each state, the range of [`Table::ends`] holding the heads that end there (state
    /// `s`: `bounds[s]..bounds[s + 1]`).
    bounds: Vec<u32>,
    ends: Vec<HeadEnd>,
}

/// The top bit of an entry: the state reports matches.
const fn flag(narrow: bool) -> u32 {
    if narrow {
        1 << 15
    } else {
        1 << 31
    }
}

impl Table {
    /// Compiles `heads` (lower-case byte strings, matched overlapping) into a table; each head's
    /// range in `ranges` is given back where it is found; `fold` is applied to each byte of a
    /// letter before it is looked up.
    pub(super) fn build(
        heads: &[&[u8]],
        ranges: &[(u32, u32)],
        fold: &[u8; 256],
    ) -> Result<Table, Error> {
        let too_big = |what: &str| Error::new(ErrorKind::Build, format!("cue automaton: {what}"));
        // Byte classes: each byte some head holds is a class of its own; every other byte, which
        // no head reads, is class 0.
        let mut of_folded = [0u8; 256];
        let mut classes = 1usize;
        for h in heads {
            for &b in *h {
                if of_folded[usize::from(b)] == 0 {
                    of_folded[usize::from(b)] =
                        u8::try_from(classes).map_err(|_| too_big("too many bytes"))?;
                    classes += 1;
                }
            }
        }
        let shift = classes.next_power_of_two().trailing_zeros();
        let row = 1usize << shift;
        let mut class = [0u8; 256];
        for (b, c) in class.iter_mut().enumerate() {
            *c = of_folded[usize::from(fold[b])];
        }

        // The trie of the heads: each node's children (class, node) and the heads ending there.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut own: Vec<Vec<u32>> = vec![Vec::new()];
        for (hi, h) in heads.iter().enumerate() {
            let mut node = 0usize;
            for &b in *h {
                let c = of_folded[usize::from(b)];
                node = match children[node].iter().find(|&&(k, _)| k == c) {
                    Some(&(_, n)) => n as usize,
                    None => {
                        let n = children.len();
                        children[node].push((c, n as u32));
                        children.push(Vec::new());
                        own.push(Vec::new());
                        n
                    }
                };
            }
            own[node].push(hi as u32);
        }
        let states = children.len();
        let narrow = states < 1 << 15;
        if states >= 1 << 31 {
            return Err(too_big("too many states"));
        }

        // Breadth first: number the nodes, and fill each node's row from its failure node's
        // (a shallower node, filled before it) with its own children written over it; a child's
        // failure node is where the failure node's row leads on the child's class.
        let mut number = vec![u32::MAX; states];
        let mut order: Vec<usize> = vec![0];
        number[0] = 0;
        let mut fail = vec![0u32; states];
        let mut trans = vec![0u32; states * row];
        let mut i = 0;
        while i < order.len() {
            let node = order[i];
            i += 1;
            let mut kids = children[node].clone();
            kids.sort_unstable();
            for &(_, kid) in &kids {
                number[kid as usize] = order.len() as u32;
                order.push(kid as usize);
            }
            let at = number[node] as usize * row;
            if node != 0 {
                let from = fail[node] as usize * row;
                trans.copy_within(from..from + row, at);
            }
            for &(c, kid) in &kids {
                fail[kid as usize] = if node == 0 {
                    0
                } else {
                    trans[at + usize::from(c)]
                };
                trans[at + usize::from(c)] = number[kid as usize];
            }
        }
        // The heads ending at each node: its own, then its failure node's (filled before it).
        let mut bounds = Vec::with_capacity(states + 1);
        let mut ends: Vec<HeadEnd> = Vec::new();
        let mut by_number: Vec<(u32, u32)> = vec![(0, 0); states];
        for &node in &order {
            let from = ends.len() as u32;
            bounds.push(from);
            for &hi in &own[node] {
                let (from, to) = ranges[hi as usize];
                ends.push(HeadEnd {
                    len: heads[hi as usize].len() as u32,
                    from,
                    to,
                });
            }
            if node != 0 {
                let (f0, f1) = by_number[fail[node] as usize];
                ends.extend_from_within(f0 as usize..f1 as usize);
            }
            by_number[number[node] as usize] = (from, ends.len() as u32);
        }
        bounds.push(ends.len() as u32);
        // Entries flagged where the state they lead to reports heads.
        let flag = flag(narrow);
        let reports = |s: u32| bounds[s as usize] < bounds[s as usize + 1];
        for e in &mut trans {
            if reports(*e) {
                *e |= flag;
            }
        }
        let entries = if narrow {
            Entries::Narrow(trans.iter().map(|&e| e as u16).collect())
        } else {
            Entries::Wide(trans)
        };
        let first = match &entries {
            Entries::Narrow(t) => u32::from(t[usize::from(class[usize::from(b' ')])]),
            Entries::Wide(t) => t[usize::from(class[usize::from(b' ')])],
        };
        Ok(Table {
            class,
            shift,
            entries,
            first,
            bounds,
            ends,
        })
    }

    /// Walks `bytes`, after a space standing for what comes before them, and calls
    /// `report(heads, end)` at each state reached that matches, with the heads ending there and
    /// `end` the offset just after the byte read (0 for the space before the letter).
    #[inline]
    pub(super) fn walk(&self, bytes: &[u8], report: impl FnMut(&[HeadEnd], usize)) {
        match &self.entries {
            Entries::Narrow(e) => self.walk_in(e, flag(true), bytes, report),
            Entries::Wide(e) => self.walk_in(e, flag(false), bytes, report),
        }
    }

    #[inline(always)]
    fn walk_in<T: Copy + Into<u32>>(
        &self,
        entries: &[T],
        flag: u32,
        bytes: &[u8],
        mut report: impl FnMut(&[HeadEnd], usize),
    ) {
        let mut read = |state: u32, end: usize| {
            let s = state as usize;
            let (from, to) = (self.bounds[s] as usize, self.bounds[s + 1] as usize);
            report(&self.ends[from..to], end);
        };
        let mut e = self.first;
        if e & flag != 0 {
            read(e & !flag, 0);
        }
        for (i, &byte) in bytes.iter().enumerate() {
            let at =
                (((e & !flag) as usize) << self.shift) | usize::from(self.class[usize::from(byte)]);
            e = entries[at].into();
            if e & flag != 0 {
                read(e & !flag, i + 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The table reports every head ending at every byte, as an overlapping Aho-Corasick search
    /// over the folded text does.
    #[test]
    fn reports_what_an_overlapping_search_finds() {
        let heads: Vec<&[u8]> = vec![
            b"a",
            b"ab",
            b"bab",
            b"abba",
            b"b a",
            b" is ",
            b"(is ",
            b"s ",
            b"aab",
            b"ba",
            b"\xe2\x80\x99s",
        ];
        let ranges: Vec<(u32, u32)> = (0..heads.len() as u32).map(|i| (i, i + 1)).collect();
        let table = Table::build(&heads, &ranges, &super::super::FOLDED).unwrap();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&heads)
            .unwrap();
        // A pseudo-random text over the heads' bytes, with capitals, line breaks and others.
        let alphabet = b"abAB (is\n\tx\xe2\x80\x99";
        let mut x = 12345u32;
        let text: Vec<u8> = (0..5000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                alphabet[(x >> 16) as usize % alphabet.len()]
            })
            .collect();
        let mut got: Vec<(usize, usize)> = Vec::new();
        table.walk(&text, |ends, end| {
            for h in ends {
                got.push((h.from as usize, end));
            }
        });
        let mut folded = vec![b' '];
        folded.extend(text.iter().map(|&b| super::super::FOLDED[usize::from(b)]));
        let mut want: Vec<(usize, usize)> = ac
            .find_overlapping_iter(&folded)
            .map(|m| (m.pattern().as_usize(), m.end() - 1))
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        assert!(!want.is_empty());
        assert_eq!(got, want);
    }
}
