//! Which regime a letter is written under: FOIA, the EIR, FOISA or the EISRs, from what it says
//! ("Environmental Information Regulations", "FOISA", "Scottish Information Commissioner") and
//! from the acts of the provisions it cites. The wordings that name each regime are its regime
//! file's `[[signals]]` (`data/regimes/*.toml`); how they are weighed is here.

use crate::cite::Citation;

use crate::matching::gate::{self, Gated};
use crate::rules::{Numbering, RuleSet};
use crate::text::Text;
use crate::vocab::{Act, Jurisdiction};

/// The regime of one letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DetectedRegime {
    /// For the report.
    pub jurisdiction: Jurisdiction,
    /// The regime whose cue phrases may infer grounds (the strongest one; FOIA when unknown).
    pub primary: Act,
    /// Which of FOIA, EIR, FOISA, EISR the letter shows any sign of.
    present: [bool; 4],
}

impl DetectedRegime {
    /// True when the letter shows any sign of `act`'s regime (or `act` is the primary one).
    pub(crate) fn has(&self, act: Act) -> bool {
        act == self.primary || slot(act).is_some_and(|i| self.present[i])
    }
}

/// The regimes, in the order that settles ties (the Act before the regulations).
const REGIMES: [Act; 4] = [Act::Foia, Act::Eir, Act::Foisa, Act::Eisr];

fn slot(act: Act) -> Option<usize> {
    REGIMES.iter().position(|&r| r == act)
}

/// One regime's signals, compiled, and how they are weighed.
#[derive(Debug, Default)]
struct Slot {
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

/// The regime files' signals, compiled: what [`detect_regime`] counts.
#[derive(Debug)]
pub(crate) struct RegimeSignals {
    slots: [Slot; 4],
}

impl RegimeSignals {
    /// The signals of the regime files of `rules`.
    pub(crate) fn new(rules: &RuleSet) -> RegimeSignals {
        let mut slots: [Slot; 4] = Default::default();
        for file in rules.regimes() {
            let Some(i) = slot(file.act) else { continue };
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
            s.absorbs = file.absorbs.and_then(slot);
        }
        RegimeSignals { slots }
    }

    /// Every signal, for the matching automaton's vocabulary.
    pub(crate) fn gated(&self) -> impl Iterator<Item = &'static Gated> + '_ {
        self.slots
            .iter()
            .flat_map(|s| s.strong.iter().chain(&s.weak).chain(&s.shared).copied())
    }

    /// The slots of the regimes of `group`, in order.
    fn group<'a>(&'a self, group: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..4).filter(move |&i| self.slots[i].group.as_deref() == Some(group))
    }
}

/// Each regime's count of the signals `of` picks in `text`, where `keep` says a match counts.
fn count_where(
    text: &Text<'_>,
    signals: &RegimeSignals,
    of: fn(&Slot) -> &[&'static Gated],
    keep: &dyn Fn(usize) -> bool,
) -> [usize; 4] {
    let mut score = [0usize; 4];
    for (i, s) in signals.slots.iter().enumerate() {
        for g in of(s) {
            score[i] += gate::find_iter(text, g).filter(|m| keep(m.start)).count();
        }
    }
    score
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
        if let Some(i) = slot(c.act) {
            if c.act_explicit || signals.slots[i].by_regulation {
                score[i] += 1;
            }
        }
    }
    let shared = count_where(text, signals, |s| &s.shared, &own);
    weigh_groups(signals, &mut score, &shared);
    let mut order: Vec<usize> = (0..4).filter(|&i| score[i] > 0).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(score[i]));
    let (jurisdiction, primary) = match order.as_slice() {
        [] => (Jurisdiction::Unknown, Act::Foia),
        [only] => (jurisdiction_of(REGIMES[*only]), REGIMES[*only]),
        [top, second, ..] => {
            let primary = if score[*top] == score[*second] {
                // A tie goes to the Act over the regulations (FOIA before EIR, FOISA before EISR).
                REGIMES[(*top).min(*second)]
            } else {
                REGIMES[*top]
            };
            let j = if score[*top] >= 2 * score[*second] {
                jurisdiction_of(REGIMES[*top])
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
        let weakest = |score: [usize; 4]| {
            (0..4)
                .filter(|&i| score[i] > 0)
                .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
                .map(|i| jurisdiction_of(REGIMES[i]))
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
        present: score.map(|s| s > 0),
    }
}

/// The regimes of a group weighed together: in a letter with any sign of the group, a regime
/// that absorbs another takes its count (Scottish letters call the EISRs "the EIRs"); then the
/// group's shared signals (the Scottish Information Commissioner) count for the regime of the
/// group the letter names more, the first in order on a tie.
fn weigh_groups(signals: &RegimeSignals, score: &mut [usize; 4], shared: &[usize; 4]) {
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

fn jurisdiction_of(act: Act) -> Jurisdiction {
    match act {
        Act::Eir => Jurisdiction::Eir,
        Act::Foisa => Jurisdiction::Foisa,
        Act::Eisr => Jurisdiction::Eisr,
        _ => Jurisdiction::Foia,
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
        assert!(!r.present[1]);
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
        assert!(!r.present.iter().any(|&p| p));
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
