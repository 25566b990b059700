//! The summary of a run: how many letters rely on (mention, disclaim) each ground, how (cited or
//! inferred), the outcomes, the notice checks letters fail, how many letters have something the
//! requester can argue in a review, and the grounds by authority when the input names one;
//! with `--details`, the letters behind each count.

use std::collections::BTreeMap;

use foi_refusal::{Basis, CheckResult, Report, Status};
use serde_json::{json, Value};

use crate::input::Letter;

/// Counts for one ground.
#[derive(Clone, Debug, Default)]
pub struct GroundCounts {
    pub title: String,
    pub relied_on: usize,
    pub cited: usize,
    pub inferred: usize,
    pub mentioned: usize,
    pub disclaimed: usize,
}

/// Totals for a run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub letters: usize,
    pub with_grounds: usize,
    pub grounds: BTreeMap<String, GroundCounts>,
    pub outcomes: BTreeMap<String, usize>,
    /// authority -> ground -> letters relying on it.
    pub by_authority: BTreeMap<String, BTreeMap<String, usize>>,
    /// Letters relying on a qualified ground without a public interest test.
    pub qualified_without_pit: usize,
    /// Notice check id -> letters failing it.
    pub failed_checks: BTreeMap<String, usize>,
    /// Letters with at least one argument for a review ([`Report::advice`]).
    pub with_advice: usize,
    /// The letters behind the counts, when asked for (`--details`).
    pub details: Option<Details>,
}

/// The letters behind a summary's counts, by id, in input order.
#[derive(Clone, Debug, Default)]
pub struct Details {
    /// Ground -> letters relying on it.
    pub relied_on: BTreeMap<String, Vec<String>>,
    /// Notice check -> letters failing it.
    pub failed_checks: BTreeMap<String, Vec<String>>,
    /// Letters relying on a qualified ground without a public interest test.
    pub qualified_without_pit: Vec<String>,
    /// Outcome -> letters.
    pub outcomes: BTreeMap<String, Vec<String>>,
}

/// Adds letter `id` to the list under `key`.
fn list(map: &mut BTreeMap<String, Vec<String>>, key: &str, id: &str) {
    map.entry(key.to_string()).or_default().push(id.to_string());
}

impl Summary {
    /// An empty summary; with `details`, it keeps the letters behind each count.
    pub fn new(details: bool) -> Summary {
        Summary {
            details: details.then(Details::default),
            ..Summary::default()
        }
    }

    pub fn add(&mut self, letter: &Letter, report: &Report) {
        if let Some(d) = &mut self.details {
            d.add(letter, report);
        }
        self.letters += 1;
        if report.relied_on().next().is_some() {
            self.with_grounds += 1;
        }
        *self
            .outcomes
            .entry(report.outcome.kind.to_string())
            .or_default() += 1;
        if report.public_interest_test == Some(false) {
            self.qualified_without_pit += 1;
        }
        if !report.advice.is_empty() {
            self.with_advice += 1;
        }
        for c in report
            .checks
            .iter()
            .filter(|c| c.result == CheckResult::Fail)
        {
            *self.failed_checks.entry(c.id.clone()).or_default() += 1;
        }
        for f in &report.findings {
            let g = self.grounds.entry(f.id.clone()).or_default();
            g.title.clone_from(&f.title);
            match f.status {
                Status::ReliedOn => {
                    g.relied_on += 1;
                    match f.basis {
                        Basis::Cited => g.cited += 1,
                        _ => g.inferred += 1,
                    }
                    if let Some(a) = &letter.authority {
                        *self
                            .by_authority
                            .entry(a.clone())
                            .or_default()
                            .entry(f.id.clone())
                            .or_default() += 1;
                    }
                }
                Status::Mentioned => g.mentioned += 1,
                _ => g.disclaimed += 1,
            }
        }
    }

    /// Grounds by letters relying on them, most first.
    fn ranked(&self) -> Vec<(&String, &GroundCounts)> {
        let mut v: Vec<_> = self.grounds.iter().collect();
        v.sort_by(|a, b| b.1.relied_on.cmp(&a.1.relied_on).then(a.0.cmp(b.0)));
        v
    }

    /// Notice checks by letters failing them, most first.
    pub fn ranked_checks(&self) -> Vec<(&String, usize)> {
        let mut v: Vec<_> = self.failed_checks.iter().map(|(k, n)| (k, *n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v
    }

    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{} letters, {} relying on at least one ground, {} relying on a qualified ground without a public interest test, {} with arguments for a review\n\n",
            self.letters, self.with_grounds, self.qualified_without_pit, self.with_advice
        );
        s.push_str(&format!(
            "{:<16} {:>9} {:>6} {:>8} {:>9} {:>10}  {}\n",
            "ground", "relied_on", "cited", "inferred", "mentioned", "disclaimed", "title"
        ));
        for (id, g) in self.ranked() {
            s.push_str(&format!(
                "{:<16} {:>9} {:>6} {:>8} {:>9} {:>10}  {}\n",
                id, g.relied_on, g.cited, g.inferred, g.mentioned, g.disclaimed, g.title
            ));
        }
        s.push_str("\noutcome          letters\n");
        for (o, n) in &self.outcomes {
            s.push_str(&format!("{o:<16} {n:>7}\n"));
        }
        if !self.failed_checks.is_empty() {
            s.push_str("\nfailed check              letters\n");
            for (id, n) in self.ranked_checks() {
                s.push_str(&format!("{id:<25} {n:>7}\n"));
            }
        }
        for (a, grounds) in &self.by_authority {
            s.push_str(&format!("\n{a}\n"));
            for (id, n) in grounds {
                s.push_str(&format!("  {id:<16} {n:>7}\n"));
            }
        }
        if let Some(d) = &self.details {
            s.push_str(&self.details_text(d));
        }
        s
    }

    /// The lists of `--details`, in the order of the tables above them.
    fn details_text(&self, d: &Details) -> String {
        fn block(s: &mut String, heading: &str, lists: Vec<(&str, &[String])>) {
            s.push_str(&format!("\n{heading}\n"));
            for (key, ids) in lists {
                s.push_str(&format!("{key} ({})\n", ids.len()));
                for id in ids {
                    s.push_str(&format!("  {id}\n"));
                }
            }
        }
        let mut s = String::new();
        let grounds = self
            .ranked()
            .into_iter()
            .filter_map(|(id, _)| Some((id.as_str(), d.relied_on.get(id)?.as_slice())))
            .collect();
        block(&mut s, "letters relying on each ground", grounds);
        let checks = self
            .ranked_checks()
            .into_iter()
            .filter_map(|(id, _)| Some((id.as_str(), d.failed_checks.get(id)?.as_slice())))
            .collect();
        block(&mut s, "letters failing each check", checks);
        s.push_str(&format!(
            "\nletters relying on a qualified ground without a public interest test ({})\n",
            d.qualified_without_pit.len()
        ));
        for id in &d.qualified_without_pit {
            s.push_str(&format!("  {id}\n"));
        }
        let outcomes = d
            .outcomes
            .iter()
            .map(|(o, ids)| (o.as_str(), ids.as_slice()))
            .collect();
        block(&mut s, "letters by outcome", outcomes);
        s
    }

    pub fn to_json(&self) -> Value {
        let grounds: Vec<Value> = self
            .ranked()
            .into_iter()
            .map(|(id, g)| {
                json!({
                    "id": id, "title": g.title, "relied_on": g.relied_on, "cited": g.cited,
                    "inferred": g.inferred, "mentioned": g.mentioned, "disclaimed": g.disclaimed,
                })
            })
            .collect();
        let mut v = json!({
            "letters": self.letters,
            "letters_relying_on_a_ground": self.with_grounds,
            "qualified_without_public_interest_test": self.qualified_without_pit,
            "letters_with_advice": self.with_advice,
            "grounds": grounds,
            "outcomes": self.outcomes,
            "failed_checks": self.failed_checks,
            "by_authority": self.by_authority,
        });
        if let (Some(d), Some(map)) = (&self.details, v.as_object_mut()) {
            map.insert(
                "details".into(),
                json!({
                    "relied_on": d.relied_on,
                    "failed_checks": d.failed_checks,
                    "qualified_without_public_interest_test": d.qualified_without_pit,
                    "outcomes": d.outcomes,
                }),
            );
        }
        v
    }

    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "ground",
            "title",
            "relied_on",
            "cited",
            "inferred",
            "mentioned",
            "disclaimed",
        ])?;
        for (id, g) in self.ranked() {
            w.write_record([
                id.as_str(),
                g.title.as_str(),
                &g.relied_on.to_string(),
                &g.cited.to_string(),
                &g.inferred.to_string(),
                &g.mentioned.to_string(),
                &g.disclaimed.to_string(),
            ])?;
        }
        let mut bytes = w
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        // Two more tables after a blank line each: the checks failed, and the letters with
        // arguments for a review.
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["failed_check", "letters"])?;
        for (id, n) in self.ranked_checks() {
            w.write_record([id.as_str(), &n.to_string()])?;
        }
        let mut totals = csv::Writer::from_writer(Vec::new());
        totals.write_record(["letters", "letters_with_advice"])?;
        totals.write_record([self.letters.to_string(), self.with_advice.to_string()])?;
        let mut tables = vec![w, totals];
        if let Some(d) = &self.details {
            tables.push(self.details_csv(d)?);
        }
        for table in tables {
            bytes.extend_from_slice(b"\n");
            bytes.extend(
                table
                    .into_inner()
                    .map_err(|e| csv::Error::from(e.into_error()))?,
            );
        }
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The lists of `--details` as one more table: which list, its key (the ground, check or
    /// outcome; empty for the qualified grounds without a public interest test) and a letter.
    fn details_csv(&self, d: &Details) -> Result<csv::Writer<Vec<u8>>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["list", "key", "letter"])?;
        for (id, _) in self.ranked() {
            for letter in d.relied_on.get(id).into_iter().flatten() {
                w.write_record(["relied_on", id.as_str(), letter.as_str()])?;
            }
        }
        for (id, _) in self.ranked_checks() {
            for letter in d.failed_checks.get(id).into_iter().flatten() {
                w.write_record(["failed_check", id.as_str(), letter.as_str()])?;
            }
        }
        for letter in &d.qualified_without_pit {
            w.write_record([
                "qualified_without_public_interest_test",
                "",
                letter.as_str(),
            ])?;
        }
        for (o, letters) in &d.outcomes {
            for letter in letters {
                w.write_record(["outcome", o.as_str(), letter.as_str()])?;
            }
        }
        Ok(w)
    }
}

impl Details {
    fn add(&mut self, letter: &Letter, report: &Report) {
        let id = letter.id.as_str();
        list(&mut self.outcomes, &report.outcome.kind.to_string(), id);
        if report.public_interest_test == Some(false) {
            self.qualified_without_pit.push(id.to_string());
        }
        // A check listed twice in one report (once per ground) names the letter once.
        for c in report.failed_checks() {
            list(&mut self.failed_checks, c, id);
        }
        for f in report.relied_on() {
            list(&mut self.relied_on, &f.id, id);
        }
    }
}
