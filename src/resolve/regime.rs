//! Which regime a letter is written under: FOIA, the EIR, FOISA, the EISRs or a regime a regime
//! file of your own adds, from what it says
//! ("Environmental Information Regulations", "FOISA", "Scottish Information Commissioner") and
//! from the acts of the provisions it cites. The wordings that name each regime are its regime
//! file's `[[signals]]` (`data/regimes/*.toml`); how they are weighed is here.

use crate::cite::Citation;

use crate::matching::gate::{self, Gated};
use crate::rules::{Numbering, RuleSet};
use crate::text::Text;
use crate::vocab::{Act, Jurisdiction, RefKind};

/// The regime of one letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DetectedRegime {
    /// For the report.
    pub jurisdiction: Jurisdiction,
    /// The regime whose cue phrases may infer grounds (the strongest one; FOIA when unknown).
    pub primary: Act,
    /// The regimes the letter shows any sign of.
    present: Vec<Act>,
}

impl DetectedRegime {
    /// True when the letter shows any sign of `act`'s regime (or `act` is the primary one).
    pub(crate) fn has(&self, act: Act) -> bool {
        act == self.primary || self.present.contains(&act)
    }
}

/// The regimes of the embedded files, in the order that settles ties (the Act before the
/// regulations); regimes added by files of your own follow them, in the order of their files.
const REGIMES: [Act; 4] = [Act::Foia, Act::Eir, Act::Foisa, Act::Eisr];

/// One regime's signals, compiled, and how they are weighed.
#[derive(Debug)]
struct Slot {
    act: Act,
    /// Signals that name the regime.
    strong: Vec<&'static Gated>,
    /// Signals read only when no regime is named.
    weak: Vec<&'static Gated>,
    /// Signals it shares with the other regimes of its group.
    shared: Vec<&'static Gated>,
    /// A provision cited bare in the form of a regulation is a sign of it.
    by_regulation: bool,
    group: Option<String>,
    /// The slot of the regime whose signals count for this one in a letter with a sign of
    /// its group.
    absorbs: Option<usize>,
}

impl Slot {
    fn new(act: Act) -> Slot {
        Slot {
            act,
            strong: Vec::new(),
            weak: Vec::new(),
            shared: Vec::new(),
            by_regulation: false,
            group: None,
            absorbs: None,
        }
    }
}

/// The regime files' signals, compiled: what [`detect_regime`] counts.
#[derive(Debug)]
pub(crate) struct RegimeSignals {
    slots: Vec<Slot>,
}

impl RegimeSignals {
    /// The signals of the regime files of `rules`.
    pub(crate) fn new(rules: &RuleSet) -> RegimeSignals {
        let mut slots: Vec<Slot> = REGIMES.iter().map(|&a| Slot::new(a)).collect();
        for file in rules.regimes() {
            if !slots.iter().any(|s| s.act == file.act) {
                slots.push(Slot::new(file.act));
            }
        }
        let slot_of = |act: Act, slots: &[Slot]| slots.iter().position(|s| s.act == act);
        for file in rules.regimes() {
            let absorbs = file.absorbs.and_then(|a| slot_of(a, &slots));
            let Some(i) = slot_of(file.act, &slots) else {
                continue;
            };
            let s = &mut slots[i];
            for sig in &file.signals {
                let g = gate::interned(&sig.anchors, &sig.pattern, sig.leading);
                match (sig.shared, sig.weak) {
                    (true, _) => s.shared.push(g),
                    (false, true) => s.weak.push(g),
                    (false, false) => s.strong.push(g),
                }
            }
            s.by_regulation = file.numbering == Numbering::Regulation;
            s.group.clone_from(&file.group);
            s.absorbs = absorbs;
        }
        RegimeSignals { slots }
    }

    /// Every signal, for the matching automaton's vocabulary.
    pub(crate) fn gated(&self) -> impl Iterator<Item = &'static Gated> + '_ {
        self.slots
            .iter()
            .flat_map(|s| s.strong.iter().chain(&s.weak).chain(&s.shared).copied())
    }

    fn slot(&self, act: Act) -> Option<usize> {
        self.slots.iter().position(|s| s.act == act)
    }

    /// The slots of the regimes of `group`, in order.
    fn group<'a>(&'a self, group: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.slots.len()).filter(move |&i| self.slots[i].group.as_deref() == Some(group))
    }
}

/// Each regime's count of the signals `of` picks in `text`, where `keep` says a match counts.
fn count_where(
    text: &Text<'_>,
    signals: &RegimeSignals,
    of: fn(&Slot) -> &[&'static Gated],
    keep: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    signals
        .slots
        .iter()
        .map(|s| {
            of(s)
                .iter()
                .map(|g| gate::find_iter(text, g).filter(|m| keep(m.start)).count())
                .sum()
        })
        .collect()
}

/// Counts each regime's signals and decides. Signals inside zones (earlier mail, the request
/// repeated back, signatures, footers) do not count.
pub(crate) fn detect_regime(
    text: &Text<'_>,
    citations: &[Citation],
    signals: &RegimeSignals,
) -> DetectedRegime {
    let own = |offset: usize| text.zone_at(offset).is_none();
    let mut score = count_where(text, signals, |s| &s.strong, &own);
    // A provision cited with its act named counts for that act; one cited bare counts only
    // when its form belongs to the regulations ("regulation 12(5)(b)", "reg 13"): FOIA and
    // FOISA have sections, and a bare "section 40" names neither Act over the other.
    for c in citations.iter().filter(|c| own(c.span.start)) {
        if let Some(i) = signals.slot(c.act) {
            if c.act_explicit || signals.slots[i].by_regulation {
                score[i] += 1;
            }
        }
    }
    let shared = count_where(text, signals, |s| &s.shared, &own);
    weigh_groups(signals, &mut score, &shared);
    let act = |i: usize| signals.slots[i].act;
    let mut order: Vec<usize> = (0..score.len()).filter(|&i| score[i] > 0).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(score[i]));
    let (jurisdiction, primary) = match order.as_slice() {
        [] => (Jurisdiction::Unknown, Act::Foia),
        [only] => (Jurisdiction::of(act(*only)), act(*only)),
        [top, second, ..] => {
            let primary = if score[*top] == score[*second] {
                // A tie goes to the Act over the regulations (FOIA before EIR, FOISA before EISR).
                act((*top).min(*second))
            } else {
                act(*top)
            };
            let j = if score[*top] >= 2 * score[*second] {
                Jurisdiction::of(act(*top))
            } else {
                Jurisdiction::Mixed
            };
            (j, primary)
        }
    };
    // Nothing named: the weaker signs decide the regime reported, not which regimes are
    // present nor whose wording infers grounds; the authority's own first, then anywhere (the
    // request it answers, quoted below, says what it was made under).
    let jurisdiction = if jurisdiction == Jurisdiction::Unknown {
        let weakest = |score: Vec<usize>| {
            (0..score.len())
                .filter(|&i| score[i] > 0)
                .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
                .map(|i| Jurisdiction::of(act(i)))
        };
        let anywhere = |_: usize| true;
        weakest(count_where(text, signals, |s| &s.weak, &own))
            .or_else(|| weakest(count_where(text, signals, |s| &s.strong, &anywhere)))
            .or_else(|| weakest(count_where(text, signals, |s| &s.weak, &anywhere)))
            .unwrap_or(Jurisdiction::Unknown)
    } else {
        jurisdiction
    };
    DetectedRegime {
        jurisdiction,
        primary,
        present: (0..score.len())
            .filter(|&i| score[i] > 0)
            .map(act)
            .collect(),
    }
}

/// Ties citations to the regimes added by regime files of your own: a citation tied to an
/// act the citation stage does not know ("section 5 of the Toy Information Act") belongs to an
/// added regime when one of that regime's signals names the act right after it. The embedded
/// regimes' names are the citation stage's own.
pub(crate) fn tie_to_added_regimes(
    text: &Text<'_>,
    citations: &mut [Citation],
    signals: &RegimeSignals,
) {
    static LINK: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"^[ \t,]*(?:(?:of|under|in)\s+)?(?:the\s+)?$").expect("link is valid")
    });
    let added: Vec<&Slot> = signals
        .slots
        .iter()
        .filter(|s| matches!(s.act, Act::Named(_)))
        .collect();
    if added.is_empty() {
        return;
    }
    let src = text.as_str();
    for c in citations
        .iter_mut()
        .filter(|c| c.act == Act::Other && c.act_explicit)
    {
        let end = gate::ceil(src, c.span.end.saturating_add(120).min(src.len()));
        let after = &src[c.span.end..end];
        let named = added.iter().find(|slot| {
            slot.strong.iter().any(|g| {
                g.regex()
                    .find(after)
                    .is_some_and(|m| LINK.is_match(&after[..m.start()]))
            })
        });
        if let Some(slot) = named {
            c.act = slot.act;
        }
    }
}

/// In a letter written under a regime a file of your own adds, a provision cited bare (no act
/// named beside it) in the form the regime numbers by belongs to that regime.
pub(crate) fn tie_bare_to_added_regime(
    citations: &mut [Citation],
    regime: &DetectedRegime,
    signals: &RegimeSignals,
) {
    let Act::Named(_) = regime.primary else {
        return;
    };
    let Some(slot) = signals.slot(regime.primary).map(|i| &signals.slots[i]) else {
        return;
    };
    let form = if slot.by_regulation {
        RefKind::Regulation
    } else {
        RefKind::Section
    };
    for c in citations
        .iter_mut()
        .filter(|c| !c.act_explicit && c.kind == form)
    {
        c.act = regime.primary;
    }
}

/// The regimes of a group weighed together: in a letter with any sign of the group, a regime
/// that absorbs another takes its count (Scottish letters call the EISRs "the EIRs"); then the
/// group's shared signals (the Scottish Information Commissioner) count for the regime of the
/// group the letter names more, the first in order on a tie.
fn weigh_groups(signals: &RegimeSignals, score: &mut [usize], shared: &[usize]) {
    let mut groups: Vec<&str> = signals
        .slots
        .iter()
        .filter_map(|s| s.group.as_deref())
        .collect();
    groups.sort_unstable();
    groups.dedup();
    for group in groups {
        let members: Vec<usize> = signals.group(group).collect();
        let shared_here: usize = members.iter().map(|&i| shared[i]).sum();
        let signed = shared_here > 0 || members.iter().any(|&i| score[i] > 0);
        if signed {
            for &i in &members {
                if let Some(j) = signals.slots[i].absorbs {
                    score[i] += score[j];
                    score[j] = 0;
                }
            }
        }
        let mut best: Option<usize> = None;
        for &i in &members {
            if best.is_none_or(|b| score[i] > score[b]) {
                best = Some(i);
            }
        }
        if let Some(b) = best {
            score[b] += shared_here;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::find_citations;
    use crate::rules::RuleSet;

    fn regime(text: &str) -> DetectedRegime {
        let rules = RuleSet::embedded().expect("the embedded rules load");
        detect_regime(
            &Text::new(text),
            &find_citations(text),
            &RegimeSignals::new(&rules),
        )
    }

    #[test]
    fn detects_each_regime() {
        assert_eq!(
            regime("under the Freedom of Information Act 2000").jurisdiction,
            Jurisdiction::Foia
        );
        assert_eq!(
            regime("handled under the Environmental Information Regulations 2004 (EIR) rather than the Freedom of Information Act").primary,
            Act::Eir
        );
        assert_eq!(
            regime("under FOISA, section 38(1)(b)").jurisdiction,
            Jurisdiction::Foisa
        );
        assert_eq!(
            regime(
                "regulation 10(5)(e) of the Environmental Information (Scotland) Regulations 2004"
            )
            .jurisdiction,
            Jurisdiction::Eisr
        );
        assert_eq!(
            regime("Thank you for your email.").jurisdiction,
            Jurisdiction::Unknown
        );
        assert_eq!(regime("Thank you for your email.").primary, Act::Foia);
        assert_eq!(
            regime("FOIA and EIR both apply").jurisdiction,
            Jurisdiction::Mixed
        );
        assert_eq!(regime("FOIA and EIR both apply").primary, Act::Foia);
    }

    #[test]
    fn the_scottish_commissioner_is_a_sign_of_the_scottish_regime_the_letter_names() {
        let r = regime("Handled under the Environmental Information (Scotland) Regulations 2004. You may appeal to the Scottish Information Commissioner.");
        assert_eq!(r.jurisdiction, Jurisdiction::Eisr);
        assert_eq!(r.primary, Act::Eisr);
        let r = regime(
            "Handled under the EIRs. You may appeal to the Scottish Information Commissioner.",
        );
        assert_eq!(r.primary, Act::Eisr);
        let r = regime("Handled under the Freedom of Information (Scotland) Act 2002. You may appeal to the Scottish Information Commissioner.");
        assert_eq!(r.jurisdiction, Jurisdiction::Foisa);
        // The limit set for Scottish public authorities is FOISA's.
        let r = regime("Finding them would cost well above £600, the limit set for Scottish public authorities, so we are not obliged to comply.");
        assert_eq!(r.jurisdiction, Jurisdiction::Foisa);
        let r = regime("You may appeal to the Scottish Information Commissioner.");
        assert_eq!(r.primary, Act::Foisa);
    }

    #[test]
    fn regulations_cited_bare_and_their_words_are_signs_of_the_eir() {
        let r = regime("The names are withheld under regulation 13 and the advice under 12(5)(b).");
        assert_eq!(r.primary, Act::Eir);
        let r = regime("Release would harm the developer's legitimate economic interests.");
        assert_eq!(r.primary, Act::Eir);
        // Without the Act's name, "FOI", "Freedom of Information" and the Information
        // Commissioner are FOIA's.
        let r = regime("Your FOI request: the names are withheld under section 40(2). You may complain to the Information Commissioner.");
        assert_eq!(r.jurisdiction, Jurisdiction::Foia);
        assert!(!r.has(Act::Eir));
        let r = regime("This is environmental information, so we have handled it accordingly.");
        assert_eq!(r.jurisdiction, Jurisdiction::Eir);
        assert_eq!(r.primary, Act::Foia);
        assert_eq!(
            regime("Your FOI request falls under the Environmental Information Regulations.")
                .jurisdiction,
            Jurisdiction::Eir
        );
        // Quoted mail names no regime the letter applies, but the request it answers says what
        // it was made under: the regime reported when the letter itself names none.
        let r = regime("Could you tell me which years you mean?\n\n> Subject: Freedom of Information\n> Please send me the papers.");
        assert_eq!(r.jurisdiction, Jurisdiction::Foia);
        assert!(r.present.is_empty());
        let r = regime("We hold none of it.\n\n> Under the Environmental Information Regulations, please send me the survey.");
        assert_eq!(r.jurisdiction, Jurisdiction::Eir);
        assert_eq!(r.primary, Act::Foia);
        // A bare section number names no Act.
        assert_eq!(
            regime("The names are withheld under section 40(2).").jurisdiction,
            Jurisdiction::Unknown
        );
    }
}
