//! Which regime a letter is written under: FOIA, the EIR, FOISA or the EISRs, from what it says
//! ("Environmental Information Regulations", "FOISA", "Scottish Information Commissioner") and
//! from the acts of the provisions it cites.

use crate::cite::Citation;

use crate::matching::gate::{self, Gated};
use crate::text::Text;
use crate::vocab::{Act, Jurisdiction};

/// The regime of one letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Regime {
    /// For the report.
    pub jurisdiction: Jurisdiction,
    /// The regime whose cue phrases may infer grounds (the strongest one; FOIA when unknown).
    pub primary: Act,
    /// Which of FOIA, EIR, FOISA, EISR the letter shows any sign of.
    present: [bool; 4],
}

impl Regime {
    /// True when the letter shows any sign of `act`'s regime (or `act` is the primary one).
    pub(crate) fn has(&self, act: Act) -> bool {
        act == self.primary
            || REGIMES
                .iter()
                .position(|&r| r == act)
                .is_some_and(|i| self.present[i])
    }
}

const REGIMES: [Act; 4] = [Act::Foia, Act::Eir, Act::Foisa, Act::Eisr];

/// What names a regime in a letter.
static SIGNALS: [(Gated, Act); 10] = [
    (
        Gated::leading(
            &["freedom"],
            r"(?i)Freedom\s+of\s+Information\s*\(\s*Scotland\s*\)",
        ),
        Act::Foisa,
    ),
    (
        Gated::leading(&["foisa"], r"(?-u:\b)FOISA(?-u:\b)"),
        Act::Foisa,
    ),
    (
        Gated::leading(
            &["environmental"],
            r"(?i)Environmental\s+Information\s*\(\s*Scotland\s*\)",
        ),
        Act::Eisr,
    ),
    (
        Gated::leading(&["eisr"], r"(?-u:\b)EISRs?(?-u:\b)"),
        Act::Eisr,
    ),
    (
        Gated::leading(
            &["environmental"],
            r"(?i)Environmental\s+Information\s+Regulations",
        ),
        Act::Eir,
    ),
    (Gated::leading(&["eir"], r"(?-u:\b)EIRs?(?-u:\b)"), Act::Eir),
    // The words of the EIR's exception for commercial confidentiality (reg 12(5)(e)).
    (
        Gated::leading(&["legitimate"], r"(?i)legitimate\s+economic\s+interests?"),
        Act::Eir,
    ),
    (
        Gated::leading(&["freedom"], r"(?i)Freedom\s+of\s+Information\s+Act"),
        Act::Foia,
    ),
    // The Fees Regulations (cost limit) belong to FOIA.
    (
        Gated::leading(
            &["freedom"],
            r"(?i)Freedom\s+of\s+Information\s+and\s+Data\s+Protection\s*\(\s*Appropriate\s+Limit",
        ),
        Act::Foia,
    ),
    (
        Gated::leading(&["foi"], r"(?-u:\b)(?:FOIA|FoIA|FOI\s+Act)(?-u:\b)"),
        Act::Foia,
    ),
];

/// The Scottish Information Commissioner, who hears appeals under both Scottish regimes, and
/// the Scottish public authorities or regulations a letter says it is one of or is bound by ("the
/// £600 limit set for Scottish public authorities", "the Scottish fees regulations"): a sign of the
/// EISRs in a letter that names them more than FOISA, else of FOISA.
static SCOTTISH_COMMISSIONER: Gated = Gated::leading(
    &["scottish"],
    r"(?i)Scottish\s+(?:Information\s+Commissioner|(?:public\s+)?authorit(?:y|ies)|(?:fees\s+)?regulations)",
);

/// Weaker signs, read only when the letter names no regime above: "FOI", "Freedom of
/// Information" on its own ("your Freedom of Information request"), the (UK) Information
/// Commissioner or the ICO, all FOIA's when nothing else is said; "environmental information",
/// the EIR's.
static WEAK_SIGNALS: [(Gated, Act); 5] = [
    (Gated::leading(&["foi"], r"(?-u:\b)FOI(?-u:\b)"), Act::Foia),
    (
        Gated::leading(&["freedom"], r"(?i)Freedom\s+of\s+Information(?-u:\b)"),
        Act::Foia,
    ),
    (
        Gated::new(&["commissioner"], r"(?i)Information\s+Commissioner"),
        Act::Foia,
    ),
    (Gated::leading(&["ico"], r"(?-u:\b)ICO(?-u:\b)"), Act::Foia),
    (
        Gated::leading(
            &["environmental"],
            r"(?i)environmental\s+information(?-u:\b)",
        ),
        Act::Eir,
    ),
];

/// The gated patterns of this module.
pub(crate) fn gated() -> impl Iterator<Item = &'static Gated> {
    SIGNALS
        .iter()
        .chain(WEAK_SIGNALS.iter())
        .map(|(g, _)| g)
        .chain(std::iter::once(&SCOTTISH_COMMISSIONER))
}

/// Counts each regime's signals and decides. Signals inside zones (earlier mail, the request
/// repeated back, signatures, footers) do not count.
pub(crate) fn detect_regime(text: &Text<'_>, citations: &[Citation]) -> Regime {
    let own = |offset: usize| text.zone_at(offset).is_none();
    let slot = |a: Act| REGIMES.iter().position(|&r| r == a);
    // Each regime's count of `signals` in the authority's own text.
    let count_where = |signals: &[(Gated, Act)], keep: &dyn Fn(usize) -> bool| {
        let mut score = [0usize; 4];
        for (g, act) in signals {
            if let Some(i) = slot(*act) {
                score[i] += gate::find_iter(text, g).filter(|m| keep(m.start)).count();
            }
        }
        score
    };
    let count = |signals: &[(Gated, Act)]| count_where(signals, &own);
    let mut score = count(&SIGNALS);
    // A provision cited with its act named counts for that act; one cited bare counts only
    // when its form belongs to the regulations ("regulation 12(5)(b)", "reg 13"): FOIA and
    // FOISA have sections, and a bare "section 40" names neither Act over the other.
    for c in citations
        .iter()
        .filter(|c| own(c.span.start) && (c.act_explicit || matches!(c.act, Act::Eir | Act::Eisr)))
    {
        if let Some(i) = slot(c.act) {
            score[i] += 1;
        }
    }
    // Scottish letters often call the EISRs "the EIRs": in a letter that names the Scottish Act
    // or regulations or the Scottish Commissioner, EIR signals count for the EISRs.
    let eir = slot(Act::Eir).unwrap_or(1);
    let eisr = slot(Act::Eisr).unwrap_or(3);
    let foisa = slot(Act::Foisa).unwrap_or(2);
    let commissioner = gate::find_iter(text, &SCOTTISH_COMMISSIONER)
        .filter(|m| own(m.start))
        .count();
    if score[eisr] > 0 || score[foisa] > 0 || commissioner > 0 {
        score[eisr] += score[eir];
        score[eir] = 0;
    }
    if score[eisr] > score[foisa] {
        score[eisr] += commissioner;
    } else {
        score[foisa] += commissioner;
    }
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
        weakest(count(&WEAK_SIGNALS))
            .or_else(|| weakest(count_where(&SIGNALS, &|_| true)))
            .or_else(|| weakest(count_where(&WEAK_SIGNALS, &|_| true)))
            .unwrap_or(Jurisdiction::Unknown)
    } else {
        jurisdiction
    };
    Regime {
        jurisdiction,
        primary,
        present: score.map(|s| s > 0),
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

    fn regime(text: &str) -> Regime {
        detect_regime(&Text::new(text), &find_citations(text))
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
