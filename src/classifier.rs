//! The classifier: a rule set and its compiled matchers, and the pipeline that runs them over a
//! letter (text -> citations and cues -> resolution -> findings -> report).

use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::advice;
use crate::checks;
use crate::cite::find_citations_in;
use crate::error::{Error, ErrorKind};
use crate::findings;
use crate::input::Document;
use crate::matching::gate::{self, Gated};
use crate::matching::CueIndex;
use crate::resolve;
use crate::rules::{AdviceEntry, Rule, RuleSet};
use crate::text::{Text, Zone, ZoneKind, ZonePart};
use crate::vocab::{
    InputFormat, ProvisionRole, Reference, Report, Span, DEFAULT_MAX_INPUT, SCHEMA_VERSION,
};

/// Every gated pattern of the pipeline's stages (citations, resolution, checks) and the rule
/// set's regime `signals`: their anchor words are compiled into the matching automaton, so that
/// each pattern reads only the text near its anchors.
fn gated_patterns(signals: &resolve::RegimeSignals) -> Vec<&'static Gated> {
    let mut out = crate::checks::gated();
    out.extend(crate::resolve::gated());
    out.extend(crate::cite::gated());
    out.extend(signals.gated());
    out
}

#[derive(Debug)]
struct Inner {
    rules: RuleSet,
    cues: CueIndex,
    /// The rule set's regime signals, compiled.
    signals: resolve::RegimeSignals,
    /// Largest input [`Classifier::try_classify`] and [`Classifier::classify_bytes`] accept.
    max_input: usize,
}

impl Inner {
    fn new(rules: RuleSet) -> Result<Inner, Error> {
        let signals = resolve::RegimeSignals::new(&rules);
        let cues = CueIndex::build(&rules, &gate::vocabulary(&gated_patterns(&signals)))?;
        Ok(Inner {
            rules,
            cues,
            signals,
            max_input: DEFAULT_MAX_INPUT,
        })
    }
}

static DEFAULT: Lazy<Result<Arc<Inner>, Error>> =
    Lazy::new(|| RuleSet::embedded().and_then(Inner::new).map(Arc::new));

/// Reads refusal letters. Cheap to clone and `Send + Sync`: build once, share across threads.
///
/// ```
/// let classifier = foi_refusal::Classifier::new();
/// let report = classifier.classify("The names are withheld under section 40(2) of the FOIA.");
/// assert_eq!(report.findings[0].id, "foia:s40");
/// ```
#[derive(Clone, Debug)]
pub struct Classifier {
    inner: Arc<Inner>,
}

impl Default for Classifier {
    fn default() -> Classifier {
        Classifier::new()
    }
}

impl Classifier {
    /// The classifier with the rule set embedded in the library. The rules are parsed and
    /// compiled on the first call only; later calls share them.
    ///
    /// # Panics
    ///
    /// Only if the embedded rule files were invalid, which the crate's test suite rules out
    /// before release. Use [`Classifier::builder`] for a fallible build.
    pub fn new() -> Classifier {
        match &*DEFAULT {
            Ok(inner) => Classifier {
                inner: Arc::clone(inner),
            },
            Err(e) => panic!("the embedded rule set is invalid: {e}"),
        }
    }

    /// A builder for a classifier with a custom rule set.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder {
            defaults: true,
            sources: Vec::new(),
            paths: Vec::new(),
            max_input: DEFAULT_MAX_INPUT,
        }
    }

    /// The rule set in use.
    pub fn rules(&self) -> &RuleSet {
        &self.inner.rules
    }

    /// Classifies one letter. Never panics; any input gives a report (an empty one when nothing
    /// is found), and every span in it lies inside `text` on char boundaries.
    pub fn classify(&self, text: &str) -> Report {
        self.classify_text(&Text::new(text), None, checks::Dated::default())
    }

    /// The pipeline over a wrapped text; `subject` is the e-mail's subject line, kept apart
    /// from the text (a sign of the regime when the text names none: "Freedom of Information
    /// request - ..."); `dated` the dates of the request and reply the input's metadata gives.
    fn classify_text(
        &self,
        t: &Text<'_>,
        subject: Option<&str>,
        dated: checks::Dated<'_>,
    ) -> Report {
        let text = t.as_str();
        let rules = &self.inner.rules;
        let scan = self.inner.cues.scan(text);
        t.set_anchors(scan.anchors, scan.anchor_ids);
        let mut citations = find_citations_in(t);
        resolve::tie_to_added_regimes(t, &mut citations, &self.inner.signals);
        let mut regime = resolve::detect_regime(t, &citations, &self.inner.signals);
        resolve::tie_bare_to_added_regime(&mut citations, &regime, &self.inner.signals);
        if let (crate::vocab::Jurisdiction::Unknown, Some(subject)) = (regime.jurisdiction, subject)
        {
            let s = Text::new(subject);
            regime.jurisdiction =
                resolve::detect_regime(&s, &find_citations_in(&s), &self.inner.signals)
                    .jurisdiction;
        }
        let refs = resolve::references(t, rules, citations);
        let cues = resolve::cues(t, rules, &regime, &refs, scan.cues);
        let mut findings = findings::build(t, rules, &refs, &cues);
        let settled = findings::concepts::settled(rules, &findings);
        let argued = resolve::concepts(t, rules, &regime, &refs, &settled);
        findings::concepts::merge(t, rules, &mut findings, &argued);
        let references: Vec<Reference> = refs
            .iter()
            .map(|r| {
                let pos = t.position(r.cit.span.start);
                Reference {
                    start: r.cit.span.start,
                    end: r.cit.span.end,
                    line: pos.line,
                    column: pos.column,
                    text: r.cit.span.slice(text).to_string(),
                    kind: r.cit.kind,
                    act: r.cit.act,
                    provision: r.cit.provision(),
                    role: r.role,
                    rule: r.rule.map(|i| rules.rules()[i].id.clone()),
                }
            })
            .collect();
        let assessment =
            checks::assess(t, rules, regime.jurisdiction, &findings, &references, dated);
        for (i, arguments) in assessment.public_interest {
            findings[i].public_interest = Some(arguments);
        }
        let mut report = Report {
            schema: SCHEMA_VERSION,
            outcome: assessment.outcome,
            checks: assessment.checks,
            public_interest_test: assessment.public_interest_test,
            review_rights: assessment.review_rights,
            parts: Vec::new(),
            warnings: Vec::new(),
            rules_version: rules.version().to_string(),
            jurisdiction: regime.jurisdiction,
            findings,
            references,
            advice: Vec::new(),
            timing: assessment.timing,
        };
        report.advice = advice::advise(t, rules, &report);
        report
    }

    /// Classifies a document read by [`crate::input::read_document`] (an e-mail with its
    /// attachments, an HTML page, a PDF): spans point into [`Document::text`], each piece of
    /// evidence names the part it is in, and the report lists the parts and any warnings (such as
    /// a PDF with no text layer).
    ///
    /// Each part is a zone of its own: quoted mail at the foot of an e-mail's body ends where the
    /// body ends, and an attachment's text is the authority's own unless it is itself quoted
    /// mail. [`crate::vocab::Part::quoted`] lists the ranges read as quoted.
    ///
    /// The document's [`Document::date`] (the reply's) and [`Document::requested`] date the
    /// report's [`crate::vocab::Timing`], before any date the letter states.
    pub fn classify_document(&self, doc: &Document) -> Report {
        let t = Text::with_parts(&doc.text, zone_parts(doc));
        let dated = checks::Dated {
            requested: doc.requested.as_deref(),
            replied: doc.date.as_deref(),
        };
        let mut report = self.classify_text(&t, doc.subject.as_deref(), dated);
        let name_of = |offset: usize| doc.part_at(offset).map(|p| p.name.clone());
        if doc.parts.len() > 1 || doc.format != InputFormat::Text {
            for f in &mut report.findings {
                for e in &mut f.evidence {
                    e.part = name_of(e.start);
                }
            }
            let quoted: Vec<Span> = t
                .zones()
                .iter()
                .filter(|z| matches!(z.kind, ZoneKind::Quoted | ZoneKind::Forwarded))
                .map(|z| z.span)
                .collect();
            report.parts = doc
                .parts
                .iter()
                .map(|p| {
                    let mut p = p.clone();
                    // Zones are in order and end where their part ends: the part's own are the
                    // run that starts at the first zone ending after the part's start.
                    let first = quoted.partition_point(|q| q.end <= p.span.start);
                    p.quoted = quoted[first..]
                        .iter()
                        .take_while(|q| q.start < p.span.end)
                        .map(|q| Span::new(q.start.max(p.span.start), q.end.min(p.span.end)))
                        .filter(|q| !q.is_empty())
                        .collect();
                    p
                })
                .collect();
        }
        report.warnings = doc.warnings.clone();
        report
    }

    /// Classifies one letter if it is no larger than the size limit
    /// ([`ClassifierBuilder::max_input_bytes`], 256 MiB by default).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InputTooLarge`] past the limit.
    pub fn try_classify(&self, text: &str) -> Result<Report, Error> {
        self.check_size(text.len())?;
        Ok(self.classify(text))
    }

    fn check_size(&self, len: usize) -> Result<(), Error> {
        if len > self.inner.max_input {
            return Err(Error::new(
                ErrorKind::InputTooLarge,
                format!(
                    "input of {len} bytes is larger than the limit of {} bytes",
                    self.inner.max_input
                ),
            ));
        }
        Ok(())
    }

    /// Classifies a letter given as bytes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidUtf8`] when `bytes` is not UTF-8, with the offset of the first bad
    /// byte in the message; [`ErrorKind::InputTooLarge`] past the size limit.
    pub fn classify_bytes(&self, bytes: &[u8]) -> Result<Report, Error> {
        self.check_size(bytes.len())?;
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidUtf8,
                format!(
                    "input is not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                ),
            )
        })?;
        Ok(self.classify(text))
    }

    /// Runs a rule's own examples and counter-examples through this classifier. Returns one
    /// [`ErrorKind::ExampleFailed`] error per failure, naming the rule's file, the line and column
    /// of the example and the rule id (empty when the rule behaves as its file says).
    pub fn check_examples(&self, rule: &Rule) -> Vec<Error> {
        let mut failures = Vec::new();
        let fail = |ex: &crate::rules::Example, msg: String| {
            Error::new(ErrorKind::ExampleFailed, msg)
                .in_file(&rule.source)
                .at_position(ex.position)
                .for_rule(&rule.id)
        };
        for (n, ex) in rule.examples.iter().enumerate() {
            let report = self.classify(&ex.text);
            let label = format!("example {}", n + 1);
            match rule.role {
                ProvisionRole::Ground => {
                    let Some(f) = report.relied_on().find(|f| f.id == rule.id) else {
                        let got: Vec<&str> = report.relied_on().map(|f| f.id.as_str()).collect();
                        failures.push(fail(
                            ex,
                            format!(
                                "{label}: no finding for {} (found {got:?}) in {:?}",
                                rule.id, ex.text
                            ),
                        ));
                        continue;
                    };
                    for m in &ex.marks {
                        if !f.evidence.iter().any(|e| e.span() == *m) {
                            let have: Vec<&str> =
                                f.evidence.iter().map(|e| e.text.as_str()).collect();
                            failures.push(fail(
                                ex,
                                format!(
                                    "{label}: no evidence at «{}» (evidence: {have:?})",
                                    m.slice(&ex.text)
                                ),
                            ));
                        }
                    }
                    if let Some(b) = ex.basis {
                        if f.basis != b {
                            failures.push(fail(
                                ex,
                                format!("{label}: basis {:?}, expected {b:?}", f.basis),
                            ));
                        }
                    }
                    if let Some(p) = &ex.provision {
                        if !f.provisions.contains(p) {
                            failures.push(fail(
                                ex,
                                format!("{label}: provisions {:?} lack {p}", f.provisions),
                            ));
                        }
                    }
                }
                ProvisionRole::Procedural => {
                    for m in &ex.marks {
                        let ok = report
                            .references
                            .iter()
                            .any(|r| r.span() == *m && r.rule.as_deref() == Some(rule.id.as_str()));
                        if !ok {
                            let refs: Vec<String> = report
                                .references
                                .iter()
                                .map(|r| format!("{} {} {:?}", r.text, r.act, r.rule))
                                .collect();
                            failures.push(fail(
                                ex,
                                format!(
                                    "{label}: «{}» is not a reference to {} (references: {refs:?})",
                                    m.slice(&ex.text),
                                    rule.id
                                ),
                            ));
                        }
                    }
                }
            }
        }
        for (n, ex) in rule.counter_examples.iter().enumerate() {
            let report = self.classify(&ex.text);
            let fired = match rule.role {
                ProvisionRole::Ground => report.relied_on().any(|f| f.id == rule.id),
                ProvisionRole::Procedural => report
                    .references
                    .iter()
                    .any(|r| r.rule.as_deref() == Some(rule.id.as_str())),
            };
            if fired {
                failures.push(fail(
                    ex,
                    format!("counter-example {}: fired on {:?}", n + 1, ex.text),
                ));
            }
        }
        failures
    }

    /// Checks rules as the test suite does: each must have an example and a counter-example,
    /// and behave as they say. Returns every failure (empty when all pass).
    pub fn check_rules<'r>(&self, rules: impl IntoIterator<Item = &'r Rule>) -> Vec<Error> {
        let mut out = Vec::new();
        for rule in rules {
            for (missing, what) in [
                (rule.examples.is_empty(), "[[examples]]"),
                (rule.counter_examples.is_empty(), "[[counter_examples]]"),
            ] {
                if missing {
                    out.push(
                        Error::new(
                            ErrorKind::ExampleFailed,
                            format!("a rule needs at least one {what} entry"),
                        )
                        .in_file(&rule.source)
                        .at_offset("", 0)
                        .for_rule(&rule.id),
                    );
                }
            }
            out.extend(self.check_examples(rule));
        }
        out
    }
}

impl Classifier {
    /// Checks advice entries as the test suite does for the embedded ones (`data/advice/`): each
    /// must have a letter it fires on and one it does not (`[[advice.examples]]`), give advice (or
    /// not) on each as it says, and name a provision whose section or regulation the rule set
    /// has a rule in. Returns every failure (empty when all pass).
    pub fn check_advice<'e>(
        &self,
        entries: impl IntoIterator<Item = &'e AdviceEntry>,
    ) -> Vec<Error> {
        let mut out = Vec::new();
        for e in entries {
            let fail = |msg: String| {
                Error::new(ErrorKind::ExampleFailed, msg)
                    .in_file(&e.source)
                    .for_rule(&e.id)
            };
            if let Some((act, number)) = e.provision.as_deref().and_then(crate::rules::split_hook) {
                let (head, path) = crate::vocab::split_provision(number);
                let rules = &self.inner.rules;
                // Its section or regulation must be one the rule set has a rule in (EIR reg 12
                // has rules for 12(4)(a) to 12(5)(g), so eir:r12(2) is known too).
                let known = rules.lookup(act, &head, &path).is_some()
                    || rules.rules().iter().any(|r| {
                        r.act == act && crate::vocab::split_provision(&r.provision).0 == head
                    });
                if !known {
                    out.push(fail(format!(
                        "provision {number} of {} is not one the rule set knows",
                        act.as_str()
                    )));
                }
            }
            if !(e.examples.iter().any(|x| x.fires) && e.examples.iter().any(|x| !x.fires)) {
                out.push(fail(
                    "an entry needs a letter it fires on and one it does not ([[advice.examples]] with fires = true and fires = false)".into(),
                ));
            }
            for (n, x) in e.examples.iter().enumerate() {
                let report = self.classify(&x.text);
                if report.advice.iter().any(|a| a.rule == e.id) != x.fires {
                    let got: Vec<&str> = report.advice.iter().map(|a| a.rule.as_str()).collect();
                    let grounds: Vec<&str> = report.relied_on().map(|f| f.id.as_str()).collect();
                    let failed: Vec<&str> = report
                        .checks
                        .iter()
                        .filter(|c| c.result == crate::vocab::CheckResult::Fail)
                        .map(|c| c.id.as_str())
                        .collect();
                    out.push(fail(format!(
                        "example {} {}: {:?} (advice {got:?}; relied on {grounds:?}; failed checks {failed:?}; outcome {})",
                        n + 1,
                        if x.fires { "gets no advice from it" } else { "gets advice from it" },
                        x.text,
                        report.outcome.kind
                    )));
                }
            }
        }
        out
    }
}

/// The zones of `doc` as [`Classifier::classify_document`] reads them: stretches that are not
/// the authority's own reasoning in this letter (earlier mail quoted or forwarded below it, the
/// request repeated back, the sign-off and signature, an e-mail footer), in text order, without
/// overlaps, each inside one part of the document. A ground found only in a zone is
/// [`crate::Status::Mentioned`]; a rendering can shade and label them. Zones do not depend on
/// the rule set, so no classifier is needed.
///
/// ```
/// use foi_refusal::{input::Document, zones, ZoneKind};
/// let doc = Document::from_text(
///     "We hold nothing.\n\n-----Original Message-----\nFrom: Sam\n\nPlease send it.\n",
/// );
/// let zones = zones(&doc);
/// assert_eq!(zones[0].kind, ZoneKind::Forwarded);
/// assert!(zones[0].span.slice(&doc.text).starts_with("-----Original"));
/// ```
pub fn zones(doc: &Document) -> Vec<Zone> {
    Text::with_parts(&doc.text, zone_parts(doc))
        .zones()
        .to_vec()
}

/// The parts of a document as the zone stage sees them: an e-mail's body is read as mail (a
/// header block in it starts an earlier message); its attachments, and a PDF, HTML or Word file
/// read alone, are documents of their own, whose first header block is their own heading.
fn zone_parts(doc: &Document) -> Vec<ZonePart> {
    let standalone = !matches!(doc.format, InputFormat::Text | InputFormat::Email);
    doc.parts
        .iter()
        .enumerate()
        .map(|(i, p)| ZonePart::new(p.span, standalone || i > 0 || p.name != "body"))
        .collect()
}

/// Builds a [`Classifier`] from the embedded rules and/or rule files you supply.
#[derive(Clone, Debug)]
pub struct ClassifierBuilder {
    defaults: bool,
    sources: Vec<(String, String)>,
    paths: Vec<std::path::PathBuf>,
    max_input: usize,
}

impl ClassifierBuilder {
    /// Leaves the embedded rules out: only the rule sources added to the builder are used.
    pub fn without_default_rules(mut self) -> ClassifierBuilder {
        self.defaults = false;
        self
    }

    /// Adds a rule file: `name` is used in errors and to check the id (`foia/s43.toml` holds
    /// `foia:s43`), `contents` is the TOML. With the embedded rules in use, a file whose id is
    /// already embedded replaces that rule; any other id adds a provision.
    pub fn rule_source(
        mut self,
        name: impl Into<String>,
        contents: impl Into<String>,
    ) -> ClassifierBuilder {
        self.sources.push((name.into(), contents.into()));
        self
    }

    /// Adds the rule files at `path`: one `.toml` file, or every `.toml` file below a folder.
    /// They are read when [`ClassifierBuilder::build`] runs.
    pub fn rule_path(mut self, path: impl Into<std::path::PathBuf>) -> ClassifierBuilder {
        self.paths.push(path.into());
        self
    }

    /// Sets the largest input [`Classifier::try_classify`] and [`Classifier::classify_bytes`]
    /// accept (bytes).
    pub fn max_input_bytes(mut self, limit: usize) -> ClassifierBuilder {
        self.max_input = limit;
        self
    }

    /// Parses the rules and compiles the matchers.
    ///
    /// # Errors
    ///
    /// Any rule file error ([`ErrorKind::RuleSyntax`], [`ErrorKind::RuleInvalid`],
    /// [`ErrorKind::DuplicateRule`]), naming the file, line and column; [`ErrorKind::Io`] when a
    /// rule path cannot be read.
    pub fn build(&self) -> Result<Classifier, Error> {
        let mut sources: Vec<(String, String)> = Vec::new();
        for path in &self.paths {
            read_rule_files(path, &mut sources)?;
        }
        sources.extend(self.sources.iter().cloned());
        let user: Vec<(&str, &str)> = sources
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect();
        let rules = if self.defaults {
            let mut base: Vec<(&str, &str)> = Vec::new();
            for (name, contents) in crate::rules::embedded_sources() {
                base.push((name, contents));
            }
            RuleSet::from_layers(base, user)?
        } else {
            RuleSet::from_sources(user)?
        };
        let mut inner = Inner::new(rules)?;
        inner.max_input = self.max_input;
        Ok(Classifier {
            inner: Arc::new(inner),
        })
    }
}

/// Reads one rule file, or every `.toml` file below a folder (in name order).
fn read_rule_files(path: &std::path::Path, out: &mut Vec<(String, String)>) -> Result<(), Error> {
    let io = |e: std::io::Error| {
        Error::new(ErrorKind::Io, format!("cannot read rules: {e}"))
            .in_file(&path.display().to_string())
    };
    if path.is_dir() {
        let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() || p.extension().is_some_and(|e| e == "toml") {
                read_rule_files(&p, out)?;
            }
        }
        Ok(())
    } else {
        let contents = std::fs::read_to_string(path).map_err(io)?;
        out.push((path.display().to_string(), contents));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Letters to compare on: the test letters, the examples and every rule example.
    fn gated_letters() -> Vec<String> {
        let mut out = crate::test_support::letter_files();
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
        let rules = RuleSet::embedded().unwrap();
        let signals = resolve::RegimeSignals::new(&rules);
        let index = CueIndex::build(&rules, &gate::vocabulary(&gated_patterns(&signals))).unwrap();
        let mut compared = 0;
        for letter in gated_letters() {
            let text = Text::new(&letter);
            let scan = index.scan(&letter);
            text.set_anchors(scan.anchors, scan.anchor_ids);
            for g in gated_patterns(&signals) {
                let full: Vec<Span> = g
                    .regex()
                    .find_iter(&letter)
                    .map(|m| Span::new(m.start(), m.end()))
                    .collect();
                let gated: Vec<Span> = gate::find_iter(&text, g).collect();
                assert_eq!(gated, full, "{g:?} in {letter:?}");
                compared += full.len();
            }
        }
        assert!(compared > 500, "only {compared} matches compared");
    }

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn classifier_is_send_and_sync() {
        assert_send_sync::<Classifier>();
        assert_send_sync::<Report>();
        assert_send_sync::<Error>();
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let e = Classifier::new().classify_bytes(b"abc\xffdef").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidUtf8);
        assert!(e.message().contains("offset 3"));
    }

    #[test]
    fn builder_reports_bad_rules() {
        let e = Classifier::builder()
            .without_default_rules()
            .rule_source("foia/s99.toml", "id = 5")
            .build()
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RuleSyntax);
        assert_eq!(e.file(), Some("foia/s99.toml"));
    }

    #[test]
    fn zones_are_those_the_classifier_reads() {
        let text = "Dear Sam,\n\nWe hold no such report.\n\nYours sincerely,\n\nRecords Team\n\n\
-----Original Message-----\nFrom: Sam\nSent: 3 March 2025\n\n\
Is the audit withheld under section 43(2) of the Freedom of Information Act 2000?\n";
        let doc = Document::from_text(text);
        let classifier = Classifier::new();
        let zones = zones(&doc);
        let kinds: Vec<ZoneKind> = zones.iter().map(|z| z.kind).collect();
        assert_eq!(
            kinds,
            [ZoneKind::Signature, ZoneKind::Forwarded],
            "{zones:?}"
        );
        assert!(zones[1]
            .span
            .slice(text)
            .starts_with("-----Original Message-----"));
        assert_eq!(zones[1].span.end, text.len());
        let report = classifier.classify_document(&doc);
        let s43 = report.finding("foia:s43").expect("s.43 seen");
        assert_eq!(s43.reason(), Some(crate::vocab::Reason::QuotedMail));
        assert!(s43
            .evidence
            .iter()
            .all(|e| zones[1].span.contains(e.span())));
    }
}
