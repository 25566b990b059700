//! Classifying many letters: in parallel over a thread pool (feature `rayon`), in input order,
//! a bounded batch at a time so that a corpus never has to be held in memory.

use rayon::prelude::*;

use crate::{Classifier, Report};

/// Letters classified at a time by [`Classifier::classify_many`].
pub const BATCH: usize = 256;

/// The iterator [`Classifier::classify_many`] returns: each letter's report, in input order.
pub struct ClassifyMany<'c, I: Iterator> {
    classifier: &'c Classifier,
    letters: I,
    ready: std::vec::IntoIter<(I::Item, Report)>,
}

impl<'c, I, S> Iterator for ClassifyMany<'c, I>
where
    I: Iterator<Item = S>,
    S: AsRef<str> + Send + Sync,
{
    type Item = (S, Report);

    fn next(&mut self) -> Option<(S, Report)> {
        if let Some(done) = self.ready.next() {
            return Some(done);
        }
        let batch: Vec<S> = self.letters.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return None;
        }
        let classifier = self.classifier;
        let reports: Vec<Report> = batch
            .par_iter()
            .map(|l| classifier.classify(l.as_ref()))
            .collect();
        self.ready = batch
            .into_iter()
            .zip(reports)
            .collect::<Vec<_>>()
            .into_iter();
        self.ready.next()
    }
}

impl Classifier {
    /// Classifies many letters on all cores and yields `(letter, report)` in input order.
    /// Letters are pulled from `letters` [`BATCH`] at a time, so memory stays bounded however
    /// long the input.
    ///
    /// ```
    /// let c = foi_refusal::Classifier::new();
    /// let letters = ["Withheld under section 43(2).", "Please find the figures attached."];
    /// let ids: Vec<usize> = c.classify_many(letters.into_iter()).map(|(_, r)| r.findings.len()).collect();
    /// assert_eq!(ids, [1, 0]);
    /// ```
    pub fn classify_many<I, S>(&self, letters: I) -> ClassifyMany<'_, I>
    where
        I: Iterator<Item = S>,
        S: AsRef<str> + Send + Sync,
    {
        ClassifyMany {
            classifier: self,
            letters,
            ready: Vec::new().into_iter(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept_across_batches() {
        let c = Classifier::new();
        let letters: Vec<String> = (0..(BATCH * 2 + 7))
            .map(|i| {
                if i % 3 == 0 {
                    format!("Letter {i}: withheld under section 43(2).")
                } else {
                    format!("Letter {i}.")
                }
            })
            .collect();
        let out: Vec<(String, Report)> = c.classify_many(letters.clone().into_iter()).collect();
        assert_eq!(out.len(), letters.len());
        for (i, (text, report)) in out.iter().enumerate() {
            assert_eq!(text, &letters[i]);
            assert_eq!(report.findings.len(), usize::from(i % 3 == 0), "{text}");
        }
    }
}
