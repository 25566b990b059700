//! Rules as data: one TOML file per provision under `data/rules/<act>/`, compiled into the
//! library and parsed once, one file per regime under `data/regimes/` with what its law asks
//! of a refusal notice ([`regime`]), and one file per calendar of bank holidays under
//! `data/calendar/` ([`calendar`]). See `docs/rule-format.md` for the format.

mod advice;
mod calendar;
mod file;
mod phrase;
mod regime;

pub(crate) use advice::{check_wording, split_hook};
pub use advice::{AdviceEntry, AdviceExample, AdviceOn};
pub(crate) use calendar::Calendar;
pub use phrase::expand_phrase;
pub(crate) use regime::{Numbering, RegimeRules, NOTICE_CHECKS};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::vocab::{
    provision_starts_with, split_provision, Act, Duty, GroundOutcome, LegalTest, ProvisionRole,
    Qualification,
};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// The embedded rule files as `(path under data/rules, contents)`.
pub(crate) fn embedded_sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    embedded::EMBEDDED_RULES.iter().copied()
}

/// How much a cue phrase proves on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weight {
    /// Carries a finding alone.
    Strong,
    /// Only supports a finding made by a citation or a strong cue.
    Weak,
}

/// A subsection worth telling apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Subsection {
    /// Canonical provision, e.g. `40(2)`.
    pub provision: String,
    /// Its title.
    pub title: String,
    /// Absolute or qualified, when it differs from the section's.
    pub kind: Option<Qualification>,
    /// Its test, when it differs from the section's.
    pub test: Option<LegalTest>,
    /// Its role, when it differs from the section's: a gateway subsection that only routes the
    /// request to another regime (FOISA s.39(2) to the EISRs) is procedural, though the section
    /// is a ground.
    pub role: Option<ProvisionRole>,
}

/// Most words a `...` gap in a cue phrase may stand for.
pub const MAX_GAP_WORDS: usize = 8;

/// A phrase that shows reliance on a ground without its number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Cue {
    /// The phrase as written in the rule file (with `{a|b}` alternatives).
    pub phrase: String,
    /// The phrase's parts (split at `...` gaps), each with its expansions in lower case. A
    /// phrase without a gap has one part.
    pub parts: Vec<Vec<String>>,
    /// Strong or weak.
    pub weight: Weight,
    /// The subsection the phrase points to.
    pub provision: Option<String>,
}

/// `[[cues_from]]`: take another rule's cues (those pointing at `provision`, or at nothing),
/// so that one wording serves the same ground in several regimes without copies to keep in step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CuesFrom {
    /// The rule to borrow from.
    pub rule: String,
    /// Only its cues for this provision (and those for no provision).
    pub provision: Option<String>,
    /// What the borrowed cues point at in the borrowing rule.
    pub as_provision: Option<String>,
    /// Where the entry is in the file, for errors.
    pub offset: usize,
}

/// A passage a rule must (example) or must not (counter-example) fire on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Example {
    /// The passage with the `«` `»` marks removed.
    pub text: String,
    /// The marked spans (byte offsets into `text`).
    pub marks: Vec<crate::vocab::Span>,
    /// Expected basis of the finding, when given.
    pub basis: Option<crate::vocab::Basis>,
    /// A provision the finding must list, when given.
    pub provision: Option<String>,
    /// Where the example's text starts in its rule file (1-based line and column).
    pub position: crate::vocab::Position,
}

/// One provision: a rule file, parsed and checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rule {
    /// Stable id, e.g. `foia:s43`.
    pub id: String,
    /// The act.
    pub act: Act,
    /// The provision the rule covers, as cited: `43`, `22A`, `12(5)(e)`.
    pub provision: String,
    /// Other provisions that resolve to this rule (EIR `12(3)` routes to regulation 13).
    pub aliases: Vec<String>,
    /// Short title.
    pub title: String,
    /// Ground or procedural.
    pub role: ProvisionRole,
    /// Absolute or qualified (grounds).
    pub kind: Option<Qualification>,
    /// What engages it (grounds).
    pub test: Option<LegalTest>,
    /// The neither-confirm-nor-deny subsection; on a procedural rule, the provision that is
    /// itself the power to neither confirm nor deny (FOISA s.18).
    pub ncnd: Option<String>,
    /// What the ground does to the part it is applied in, when it does not refuse it.
    pub outcome: Option<GroundOutcome>,
    /// The duty the provision puts on the authority, when the notice checks look for it.
    pub duty: Option<Duty>,
    /// One sentence on what it covers.
    pub summary: String,
    /// The nearest equivalents in the other regimes (`foia:s43` <-> `foisa:s33` <->
    /// `eir:r12(5)(e)` <-> `eisr:r10(5)(e)`), from every crosswalk row that names this rule.
    pub equivalents: Vec<String>,
    /// The row as written in this rule's own file.
    #[serde(skip)]
    pub(crate) declared_equivalents: Vec<String>,
    /// Where that row is in the file, for errors.
    #[serde(skip)]
    pub(crate) equivalents_offset: usize,
    /// Where the id is in the file, for errors.
    #[serde(skip)]
    pub(crate) id_offset: usize,
    /// Subsections worth telling apart.
    pub subsections: Vec<Subsection>,
    /// Cue phrases: the file's own, then those borrowed with `[[cues_from]]`.
    pub cues: Vec<Cue>,
    /// Borrowed cue sets, resolved when the rule set is built.
    #[serde(skip)]
    pub(crate) cues_from: Vec<CuesFrom>,
    /// Passages it must fire on.
    pub examples: Vec<Example>,
    /// Passages it must not fire on.
    pub counter_examples: Vec<Example>,
    /// The file it came from (path under `data/rules/` for the embedded set).
    pub source: String,
}

impl Rule {
    /// Absolute or qualified for a cited provision: the most specific subsection that gives a
    /// kind, else the rule's.
    pub fn kind_for(&self, provision: &str) -> Option<Qualification> {
        self.subsections
            .iter()
            .filter(|s| s.kind.is_some() && provision_starts_with(provision, &s.provision))
            .max_by_key(|s| s.provision.len())
            .and_then(|s| s.kind)
            .or(self.kind)
    }

    /// Ground or procedural for a cited provision (a section and its subsection path, e.g.
    /// `39` and `["2"]`): the most specific subsection that gives a role, else the rule's.
    pub fn role_for(&self, number: &str, path: &[String]) -> ProvisionRole {
        let provision = crate::vocab::canonical(number, path);
        self.subsections
            .iter()
            .filter(|s| s.role.is_some() && provision_starts_with(&provision, &s.provision))
            .max_by_key(|s| s.provision.len())
            .and_then(|s| s.role)
            .unwrap_or(self.role)
    }
}

/// A compiled set of rules.
#[derive(Clone, Debug)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// The regime files: the embedded ones, each replaced by a file of the same regime from a
    /// layer.
    regimes: Vec<RegimeRules>,
    /// The advice entries (`data/advice/`): the embedded ones, each replaced by an entry of the
    /// same id from a layer, then the new ones of the layers.
    advice: Vec<AdviceEntry>,
    /// The calendars (`data/calendar/`): the embedded ones, each replaced by a file of the same
    /// name from a layer, then the new ones of the layers.
    calendars: Vec<Calendar>,
    version: String,
    /// (act, number) -> (rule index, subsection path) for every provision and alias.
    by_number: ProvisionIndex,
}

/// (act, number) -> (rule index, subsection path) for every provision and alias.
type ProvisionIndex = HashMap<(Act, String), Vec<(usize, Vec<String>)>>;

impl RuleSet {
    /// The rule set compiled into the library from `data/rules/`.
    ///
    /// # Errors
    ///
    /// Only if an embedded rule file is invalid, which the crate's own tests rule out.
    pub fn embedded() -> Result<RuleSet, Error> {
        RuleSet::from_sources(embedded_sources())
    }

    /// Parses rule files given as `(name, contents)` pairs. The name is used in errors and
    /// to check the rule's id: a file named `foia/s43.toml` must hold `foia:s43`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::RuleSyntax`] for TOML or schema errors, [`ErrorKind::RuleInvalid`] for
    /// inconsistent content and [`ErrorKind::DuplicateRule`] for a repeated id; each names the
    /// file, line and column.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RuleSet, Error> {
        RuleSet::from_layers(sources, std::iter::empty())
    }

    /// Parses a base layer of rule files (such as the embedded set) and a layer of your own on
    /// top: a file of yours whose id is already in the base replaces that rule (to change its
    /// cues, say); any other id adds a provision. A file in a folder named `regimes`
    /// (`regimes/foia.toml`) is a regime file: it replaces the embedded file of its regime,
    /// which the set always starts from (see `docs/rule-format.md`). A file in a folder named
    /// `advice` holds advice entries, and one in a folder named `calendar` a calendar of bank
    /// holidays (replacing the embedded calendar of its name, or adding one).
    ///
    /// # Errors
    ///
    /// As [`RuleSet::from_sources`]; an id repeated within one layer is a
    /// [`ErrorKind::DuplicateRule`].
    pub fn from_layers<'a>(
        base: impl IntoIterator<Item = (&'a str, &'a str)>,
        overrides: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RuleSet, Error> {
        let mut rules: Vec<Rule> = Vec::new();
        let mut hasher = Fnv::new();
        let mut regimes: Vec<RegimeRules> = Vec::new();
        for (name, src) in regime::embedded_sources() {
            hasher.write(name.as_bytes());
            hasher.write(src.as_bytes());
            regimes.push(regime::parse(&name, src)?);
        }
        let mut sources_by_id: HashMap<String, (&str, &str)> = HashMap::new();
        let layers: [Vec<(&'a str, &'a str)>; 2] =
            [base.into_iter().collect(), overrides.into_iter().collect()];
        let advice = load_advice(&layers, &mut hasher)?;
        let calendars = load_calendars(&layers, &mut hasher)?;
        for layer in &layers {
            let mut seen: HashMap<Act, &str> = HashMap::new();
            for &(name, src) in layer.iter().filter(|(n, _)| regime::is_regime_file(n)) {
                hasher.write(name.as_bytes());
                hasher.write(src.as_bytes());
                let r = regime::parse(name, src)?;
                if let Some(other) = seen.insert(r.act, name) {
                    return Err(Error::new(
                        ErrorKind::DuplicateRule,
                        format!("the regime {} is already given in {other}", r.act.as_str()),
                    )
                    .in_file(name));
                }
                match regimes.iter().position(|o| o.act == r.act) {
                    Some(i) => regimes[i] = r,
                    None => regimes.push(r),
                }
            }
        }
        for (layer_no, layer) in layers.iter().enumerate() {
            let mut seen: HashMap<String, String> = HashMap::new();
            for &(name, src) in layer.iter().filter(|(n, _)| {
                !regime::is_regime_file(n)
                    && !advice::is_advice_file(n)
                    && !calendar::is_calendar_file(n)
            }) {
                hasher.write(name.as_bytes());
                hasher.write(src.as_bytes());
                let rule = file::parse(name, src)?;
                if let Some(other) = seen.insert(rule.id.clone(), name.to_string()) {
                    return Err(Error::new(
                        ErrorKind::DuplicateRule,
                        format!("id {} is already defined in {other}", rule.id),
                    )
                    .in_file(name)
                    .at_offset(src, rule.id_offset)
                    .for_rule(&rule.id));
                }
                sources_by_id.insert(rule.id.clone(), (name, src));
                match rules.iter().position(|r| r.id == rule.id) {
                    Some(i) if layer_no > 0 => rules[i] = rule,
                    _ => rules.push(rule),
                }
            }
        }
        // A regime added by a file of your own is known by name from then on: a rule of it
        // still needs its regime file in this set.
        if let Some(r) = rules
            .iter()
            .find(|r| matches!(r.act, Act::Named(_)) && !regimes.iter().any(|g| g.act == r.act))
        {
            let (name, src) = sources_by_id.get(&r.id).copied().unwrap_or(("", ""));
            return Err(Error::new(
                ErrorKind::RuleInvalid,
                format!(
                    "no regime file for {0}: add regimes/{0}.toml beside the rules",
                    r.act.as_str()
                ),
            )
            .in_file(name)
            .at_offset(src, r.id_offset)
            .for_rule(&r.id));
        }
        // A regime's [timing] names a calendar of the set.
        for r in &regimes {
            if let Some(t) = r.timing.as_ref() {
                if !calendars.iter().any(|c| c.name == t.calendar) {
                    return Err(Error::new(
                        ErrorKind::RuleInvalid,
                        format!(
                            "[timing] names the calendar {0:?}, which is not in the set: add calendar/{0}.toml beside the rules",
                            t.calendar
                        ),
                    )
                    .in_file(&r.source));
                }
            }
        }
        borrow_cues(&mut rules, &sources_by_id)?;
        link_equivalents(&mut rules, &sources_by_id)?;
        let mut by_number = ProvisionIndex::new();
        for (i, r) in rules.iter().enumerate() {
            for p in std::iter::once(&r.provision).chain(&r.aliases) {
                let (number, path) = split_provision(p);
                by_number
                    .entry((r.act, number))
                    .or_default()
                    .push((i, path));
            }
        }
        let version = format!(
            "{}+{:08x}",
            env!("CARGO_PKG_VERSION"),
            hasher.finish() as u32
        );
        Ok(RuleSet {
            rules,
            regimes,
            advice,
            calendars,
            version,
            by_number,
        })
    }

    /// The advice entries (`data/advice/`, and the `advice/` files of your rule folders), in
    /// load order.
    pub fn advice(&self) -> &[AdviceEntry] {
        &self.advice
    }

    /// All rules, in load order (path order for the embedded set).
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with id `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The notice rules of regime `act` (from `data/regimes/`, or a file of yours that
    /// replaces one).
    pub(crate) fn regime(&self, act: Act) -> Option<&RegimeRules> {
        self.regimes.iter().find(|r| r.act == act)
    }

    /// The calendar named `name` (`uk`: `data/calendar/uk.toml`, or a file of yours that
    /// replaces it).
    pub(crate) fn calendar(&self, name: &str) -> Option<&Calendar> {
        self.calendars.iter().find(|c| c.name == name)
    }

    /// Every regime file in use, one per regime.
    pub(crate) fn regimes(&self) -> &[RegimeRules] {
        &self.regimes
    }

    /// A version string for the rule set: the crate version and a hash of the rule files.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The index of the most specific rule covering provision `number` + `path` of `act`.
    pub(crate) fn lookup(&self, act: Act, number: &str, path: &[String]) -> Option<usize> {
        self.by_number
            .get(&(act, number.to_string()))?
            .iter()
            .filter(|(_, rpath)| {
                rpath.len() <= path.len() && rpath.iter().zip(path).all(|(a, b)| a == b)
            })
            .max_by_key(|(_, rpath)| rpath.len())
            .map(|&(i, _)| i)
    }
}

/// Data files of one kind loaded in layers: the embedded ones, then each layer's (the files
/// `is_file` picks out, such as those in a folder named `advice`). An item whose key is already
/// loaded replaces it; a key given twice within one layer is an error that says `what` it is.
struct Layered<'f, T> {
    embedded: Vec<(String, &'static str)>,
    is_file: fn(&str) -> bool,
    parse: fn(&str, &str) -> Result<Vec<T>, Error>,
    key: fn(&T) -> &str,
    what: &'f str,
}

impl<T> Layered<'_, T> {
    fn load<'a>(
        &self,
        layers: &[Vec<(&'a str, &'a str)>; 2],
        hasher: &mut Fnv,
    ) -> Result<Vec<T>, Error> {
        let embedded: Vec<(&str, &str)> = self
            .embedded
            .iter()
            .map(|(n, s)| (n.as_str(), *s))
            .collect();
        let mut out: Vec<T> = Vec::new();
        let user = layers.iter().map(|l| {
            l.iter()
                .copied()
                .filter(|(n, _)| (self.is_file)(n))
                .collect()
        });
        for layer in std::iter::once(embedded).chain(user) {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for (name, src) in layer {
                hasher.write(name.as_bytes());
                hasher.write(src.as_bytes());
                for item in (self.parse)(name, src)? {
                    let key = (self.key)(&item).to_string();
                    if let Some(other) = seen.insert(key.clone(), name) {
                        return Err(Error::new(
                            ErrorKind::DuplicateRule,
                            format!("{} {key} is already given in {other}", self.what),
                        )
                        .in_file(name)
                        .for_rule(&key));
                    }
                    match out.iter().position(|o| (self.key)(o) == key) {
                        Some(i) => out[i] = item,
                        None => out.push(item),
                    }
                }
            }
        }
        Ok(out)
    }
}

/// The advice entries: embedded, then each layer's `advice/` files.
fn load_advice(
    layers: &[Vec<(&str, &str)>; 2],
    hasher: &mut Fnv,
) -> Result<Vec<AdviceEntry>, Error> {
    Layered {
        embedded: advice::embedded_sources().collect(),
        is_file: advice::is_advice_file,
        parse: advice::parse,
        key: |e: &AdviceEntry| e.id.as_str(),
        what: "advice",
    }
    .load(layers, hasher)
}

/// The calendars: embedded, then each layer's `calendar/` files.
fn load_calendars(
    layers: &[Vec<(&str, &str)>; 2],
    hasher: &mut Fnv,
) -> Result<Vec<Calendar>, Error> {
    Layered {
        embedded: calendar::embedded_sources().collect(),
        is_file: calendar::is_calendar_file,
        parse: |name, src| calendar::parse(name, src).map(|c| vec![c]),
        key: |c: &Calendar| c.name.as_str(),
        what: "the calendar",
    }
    .load(layers, hasher)
}

/// Resolves `[[cues_from]]`: copies the named rule's own cues (not ones it borrowed itself).
fn borrow_cues(rules: &mut [Rule], sources: &HashMap<String, (&str, &str)>) -> Result<(), Error> {
    let own: HashMap<String, Vec<Cue>> = rules
        .iter()
        .map(|r| (r.id.clone(), r.cues.clone()))
        .collect();
    for r in rules.iter_mut() {
        for from in &r.cues_from {
            let Some(cues) = own.get(&from.rule).filter(|_| from.rule != r.id) else {
                let (name, src) = sources.get(&r.id).copied().unwrap_or(("", ""));
                return Err(Error::new(
                    ErrorKind::RuleInvalid,
                    format!(
                        "cues_from names {:?}, which is not another rule in this set",
                        from.rule
                    ),
                )
                .in_file(name)
                .at_offset(src, from.offset)
                .for_rule(&r.id));
            };
            for c in cues {
                let wanted = match (&from.provision, &c.provision) {
                    (Some(want), Some(p)) => provision_starts_with(p, want),
                    _ => true,
                };
                if wanted {
                    let mut c = c.clone();
                    c.provision = from.as_provision.clone();
                    r.cues.push(c);
                }
            }
        }
    }
    Ok(())
}

/// Resolves the crosswalk: each rule's `equivalents` row makes the rule and the ids it lists
/// mutual equivalents; a rule's equivalents are the union of the rows that name it.
fn link_equivalents(
    rules: &mut [Rule],
    sources: &HashMap<String, (&str, &str)>,
) -> Result<(), Error> {
    let known: std::collections::HashSet<String> = rules.iter().map(|r| r.id.clone()).collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in rules.iter() {
        if r.declared_equivalents.is_empty() {
            continue;
        }
        for id in &r.declared_equivalents {
            if !known.contains(id) {
                let (name, src) = sources.get(&r.id).copied().unwrap_or(("", ""));
                return Err(Error::new(
                    ErrorKind::RuleInvalid,
                    format!("equivalent {id:?} is not a rule in this set"),
                )
                .in_file(name)
                .at_offset(src, r.equivalents_offset)
                .for_rule(&r.id));
            }
        }
        let mut row = vec![r.id.clone()];
        row.extend(r.declared_equivalents.iter().cloned());
        rows.push(row);
    }
    for r in rules.iter_mut() {
        let mut eq: Vec<String> = rows
            .iter()
            .filter(|row| row.contains(&r.id))
            .flatten()
            .filter(|id| **id != r.id)
            .cloned()
            .collect();
        eq.sort();
        eq.dedup();
        r.equivalents = eq;
    }
    Ok(())
}

/// FNV-1a, for a stable rule-set version hash.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gateway_subsection_is_procedural() {
        let set = RuleSet::embedded().expect("embedded rules are valid");
        let s39 = set.get("foisa:s39").expect("FOISA s.39 is in the set");
        assert_eq!(
            s39.role_for("39", &["2".to_string()]),
            ProvisionRole::Procedural
        );
        assert_eq!(
            s39.role_for("39", &["1".to_string()]),
            ProvisionRole::Ground
        );
        assert_eq!(s39.role_for("39", &[]), ProvisionRole::Ground);
    }

    #[test]
    fn embedded_rules_load() {
        let set = RuleSet::embedded().expect("embedded rules are valid");
        assert!(set.get("foia:s43").is_some());
        assert!(set.version().starts_with(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn crosswalk_is_symmetric() {
        let set = RuleSet::embedded().unwrap();
        let eq = |id: &str| set.get(id).unwrap().equivalents.clone();
        assert!(eq("foia:s43").contains(&"foisa:s33".to_string()));
        assert!(eq("foia:s43").contains(&"eir:r12(5)(e)".to_string()));
        assert!(eq("foisa:s33").contains(&"foia:s43".to_string()));
        assert!(eq("eir:r12(5)(e)").contains(&"eisr:r10(5)(e)".to_string()));
        assert!(eq("eir:r13").contains(&"foia:s40".to_string()));
    }

    #[test]
    fn cues_can_be_borrowed() {
        let set = RuleSet::embedded().unwrap();
        let r13 = set.get("eir:r13").unwrap();
        assert!(r13
            .cues
            .iter()
            .any(|c| c.phrase.starts_with("{third party|third-party} personal")));
        // The requester's own data (40(1)) are not borrowed.
        assert!(!r13
            .cues
            .iter()
            .any(|c| c.phrase.contains("your own personal data")));
    }

    #[test]
    fn unknown_equivalent_is_an_error() {
        let src = r#"
id = "foia:s99"
act = "foia"
provision = "99"
title = "T"
role = "ground"
kind = "qualified"
test = "class"
summary = "S."
equivalents = ["foisa:s999"]
"#;
        let e = RuleSet::from_sources([("foia/s99.toml", src)]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleInvalid);
        assert_eq!(e.line(), Some(10), "{e}");
    }

    #[test]
    fn provisions_split_and_prefix() {
        assert_eq!(
            split_provision("12(5)(e)"),
            ("12".to_string(), vec!["5".to_string(), "e".to_string()])
        );
        assert_eq!(split_provision("43"), ("43".to_string(), vec![]));
        assert!(provision_starts_with("43(2)", "43"));
        assert!(!provision_starts_with("430", "43"));
    }
}
