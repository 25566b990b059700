//! The checks stage: what kind of answer the letter is (its outcome), whether it does what the
//! law requires of a refusal notice (FOIA s.17, EIR reg 14, FOISA s.16 and s.19), and the public
//! interest arguments behind each qualified ground. Each point comes with the spans that decided
//! it, or says what was looked for and not found.
//!
//! The stage reads the findings and references it is given and changes none of them
//! ([`assess`]):
//! - the outcome ([`decide_outcome`]): the letter read into parts and their dispositions
//!   (`dispositions.rs`, wording from `data/outcome/*.toml`), decided by the pure function in
//!   `outcome.rs`; what a ground does to the part it is applied in is its rule's `outcome`
//!   (published, not held) or follows from its test (cost, conduct, else withheld);
//! - the notice checks (`notice.rs`): one small function per check over an immutable view of
//!   the letter ([`notice::Notice`]); the provision behind each check, per regime, and the notice
//!   rules that differ between regimes are data (`data/regimes/*.toml`), as are the rules that
//!   carry a duty the checks look for (`duty = "advice"`) and the NCND provisions (`ncnd`);
//! - the timing of the reply (`timing.rs`): the dates of the request and the reply (from the
//!   input's metadata, else the letter's words), the working days between them on the regime's
//!   calendar, the day the reply was due and the last day to ask for a review, and the check
//!   `time_for_compliance` read from them;
//! - the public interest arguments (`public_interest.rs`), returned as what to attach to which
//!   finding: the classifier attaches them.

mod dispositions;
mod figures;
mod notice;
mod outcome;
mod patterns;
mod public_interest;
mod timing;
mod wording;

pub(crate) use timing::Dated;

use crate::matching::gate::{self, Gated};
use crate::resolve::context::{Category, ENGINE};
use crate::rules::RuleSet;
use crate::text::{window, Text, ZoneKind};
use crate::vocab::{
    provision_starts_with, Check, Excerpt, Finding, Jurisdiction, LegalTest, Outcome,
    PublicInterest, Qualification, Reference, Span, Status, Timing,
};
use notice::Notice;
use patterns::*;

/// Everything the checks stage adds to a report.
pub(crate) struct Assessment {
    pub outcome: Outcome,
    pub checks: Vec<Check>,
    pub public_interest_test: Option<bool>,
    pub review_rights: bool,
    /// The public interest arguments to attach: `(index into the findings, arguments)`.
    pub public_interest: Vec<(usize, PublicInterest)>,
    /// When the request was made and answered, when a date is known.
    pub timing: Option<Timing>,
}

/// The excerpt of `text` at `span`, with its line and column.
pub(crate) fn excerpt(text: &Text<'_>, span: Span) -> Excerpt {
    let pos = text.position(span.start);
    Excerpt {
        start: span.start,
        end: span.end,
        line: pos.line,
        column: pos.column,
        text: span.slice(text.as_str()).to_string(),
    }
}

/// True when `offset` is the authority's own text: not quoted or forwarded mail, not the request
/// repeated back, not a footer.
fn own(text: &Text<'_>, offset: usize) -> bool {
    !matches!(
        text.zone_at(offset),
        Some(ZoneKind::Quoted | ZoneKind::Forwarded | ZoneKind::Request | ZoneKind::Footer)
    )
}

/// The stretches of the authority's own text ([`own`]), in order: what lies between the zones
/// that are not its own. The checks keep only matches that start in them, so their searches
/// read only near anchors there.
pub(crate) fn own_regions(text: &Text<'_>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut at = 0;
    for z in text.zones() {
        if own(text, z.span.start) {
            continue;
        }
        if z.span.start > at {
            out.push(Span::new(at, z.span.start));
        }
        at = at.max(z.span.end);
    }
    if at < text.as_str().len() {
        out.push(Span::new(at, text.as_str().len()));
    }
    out
}

/// Every gated pattern of the checks stage: the notice checks' and the outcome wording's.
pub(crate) fn gated() -> Vec<&'static Gated> {
    let mut out = patterns::GATED.to_vec();
    out.extend(wording::gated());
    out
}

/// True when a context trigger of one of `categories` (`data/context/`) reaches `span` in its
/// sentence: someone else's words quoted or reported ([`Category::OthersWords`]: "you said",
/// "I would like"), the law explained in general ([`Category::General`]: "the Act allows public
/// authorities to ...").
fn read_as(text: &Text<'_>, span: Span, categories: &[Category]) -> bool {
    let src = text.as_str();
    let sentence = window(src, text.sentence_at(span.start), span);
    ENGINE
        .readings(src, sentence, span)
        .iter()
        .any(|r| categories.contains(&r.category))
}

/// True when the match at `span` is the authority's own words: in its own text ([`own`]) and
/// not someone else's words reported there ([`read_as`] [`Category::OthersWords`]).
fn authority_says(text: &Text<'_>, span: Span) -> bool {
    own(text, span.start) && !read_as(text, span, &[Category::OthersWords])
}

/// Matches of `g` in the authority's own words (its stretches `own`, not someone else's words
/// reported there: [`authority_says`]), at most `limit`.
fn own_matches(text: &Text<'_>, own_text: &[Span], g: &Gated, limit: usize) -> Vec<Span> {
    gate::find_iter_in(text, g, own_text)
        .filter(|s| authority_says(text, *s))
        .take(limit)
        .collect()
}

/// The wording a rights statement is read with, each read the first time a match needs it:
/// the rights wording (`data/outcome/rights_context.toml`) and the requester's own next steps
/// (`data/outcome/requester_voice.toml`).
#[derive(Default)]
struct RightsWording {
    context: std::cell::OnceCell<Vec<Span>>,
    voice: std::cell::OnceCell<Vec<Span>>,
}

/// Matches of `g` in the authority's own words that state a right, at most `limit`: a match
/// counts only when its sentence holds rights wording (`data/outcome/rights_context.toml`:
/// "if you are dissatisfied", "you may ask", "you have the right to", "write to", the
/// Commissioner's address), or, when it stands in a heading of its own, when the sentence after
/// it does. Citing the Commissioner's guidance, or saying that a review was carried out, is not
/// telling the requester of their rights; nor is the requester's own next step, in the first
/// person, that a letter carries (`data/outcome/requester_voice.toml`: "I have asked for an
/// internal review", "I know I have a right of appeal to the Commissioner"), or someone else's
/// words reported ([`authority_says`]).
fn rights_matches(
    text: &Text<'_>,
    own_text: &[Span],
    g: &Gated,
    wording: &RightsWording,
    limit: usize,
) -> Vec<Span> {
    let holds = |s: Span| {
        wording
            .context
            .get_or_init(|| wording::find(text, wording::Wording::RightsContext, 64))
            .iter()
            .any(|c| s.start <= c.start && c.end <= s.end)
    };
    let requester_says = |s: Span| {
        wording
            .voice
            .get_or_init(|| wording::find(text, wording::Wording::RequesterVoice, 64))
            .iter()
            .any(|v| v.start <= s.start && s.end <= v.end)
    };
    let src = text.as_str();
    gate::find_iter_in(text, g, own_text)
        .filter(|s| authority_says(text, *s) && !requester_says(*s))
        .filter(|s| {
            let sentence = text.sentence_at(s.start);
            if holds(sentence) {
                return true;
            }
            // A heading ("Internal review", "Your right to complain"): read the next sentence.
            let heading = sentence.len() <= 80
                && !sentence
                    .slice(src)
                    .trim_end()
                    .ends_with(['.', '?', '!', ':', ','])
                && text.paragraph_at(s.start).len() <= sentence.len() + 2;
            heading && {
                let para = text.paragraph_at(s.start);
                let rest = &src[para.end.min(src.len())..];
                let skip = rest.len() - rest.trim_start().len();
                let next = para.end + skip;
                next < src.len() && holds(text.sentence_at(next))
            }
        })
        .take(limit)
        .collect()
}

/// True when `offset` lies in one of the requester's questions repeated back above an answer.
fn in_question(text: &Text<'_>, offset: usize) -> bool {
    text.question_answers()
        .iter()
        .any(|qa| qa.question.start <= offset && offset < qa.question.end)
}

/// The test (prejudice, class, ...) of a finding's provisions.
fn tests_of(rules: &RuleSet, f: &Finding) -> Vec<LegalTest> {
    let Some(rule) = rules.get(&f.id) else {
        return Vec::new();
    };
    let mut out: Vec<LegalTest> = f
        .provisions
        .iter()
        .filter_map(|p| {
            rule.subsections
                .iter()
                .filter(|s| s.test.is_some() && provision_starts_with(p, &s.provision))
                .max_by_key(|s| s.provision.len())
                .and_then(|s| s.test)
        })
        .collect();
    if out.is_empty() {
        out.extend(rule.test);
    }
    out
}

/// Runs the checks stage over findings it does not change: the outcome
/// ([`decide_outcome`]), the public interest arguments to attach ([`public_interest::arguments`]),
/// the timing of the reply (its dates from `dated`, else the letter's words: [`timing::read`])
/// and the notice checks ([`notice::Notice`]).
pub(crate) fn assess(
    text: &Text<'_>,
    rules: &RuleSet,
    jurisdiction: Jurisdiction,
    findings: &[Finding],
    references: &[Reference],
    dated: Dated<'_>,
) -> Assessment {
    let relied: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.status == Status::ReliedOn)
        .collect();
    let outcome = decide_outcome(text, rules, &relied);
    let public_interest = public_interest::arguments(text, findings);
    let regime = notice::regime_of(jurisdiction, &relied);
    let reading = timing::read(text, rules, regime, dated, outcome.kind);
    let notice = Notice::new(
        text,
        rules,
        jurisdiction,
        findings,
        references,
        outcome.kind,
        &reading,
    );
    let weighed_qualified = public_interest
        .iter()
        .any(|&(i, _)| findings[i].kind == Qualification::Qualified);
    let checks = notice.checks();
    let public_interest_test = notice.public_interest_test(weighed_qualified);
    let review_rights = notice.review_rights();
    Assessment {
        checks,
        public_interest_test,
        review_rights,
        outcome,
        public_interest,
        timing: reading.timing,
    }
}

/// The outcome of the letter: its parts' dispositions ([`dispositions::read`]) decided by the
/// pure function [`outcome::decide`], with the spans that set them.
pub(crate) fn decide_outcome(text: &Text<'_>, rules: &RuleSet, relied: &[&Finding]) -> Outcome {
    let parts = dispositions::read(text, rules, relied);
    let decision = outcome::decide(&parts);
    Outcome {
        kind: decision.kind,
        evidence: decision
            .evidence
            .into_iter()
            .map(|s| excerpt(text, s))
            .collect(),
    }
}

/// True when the number at `figure` measures the search of a cost refusal rather than answers:
/// its sentence speaks of the work ("we would need to check each of our 62 schools"), or the
/// number comes again in the estimate ("... around 3,200 plans. We would need to search 3,200
/// records").
fn sized_search(text: &Text<'_>, figure: Span) -> bool {
    let src = text.as_str();
    if SEARCH_WORK.is_match(window(src, text.sentence_at(figure.start), figure).slice(src)) {
        return true;
    }
    let token = figure.slice(src);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    src.match_indices(token)
        .filter(|&(i, t)| {
            i != figure.start
                && !digit(src[..i].chars().next_back())
                && !digit(src[i + t.len()..].chars().next())
        })
        .any(|(i, t)| {
            let at = Span::new(i, i + t.len());
            let s = window(src, text.sentence_at(i), at).slice(src);
            ESTIMATE_CONTEXT.is_match(s) || ESTIMATE_WORD.is_match(s)
        })
}

/// True for "1." / "(2)" / "3)" list numbering.
fn list_marker(src: &str, start: usize, end: usize) -> bool {
    let line_start = src[..start]
        .bytes()
        .rev()
        .take(80)
        .position(|b| b == b'\n')
        .map_or(start.saturating_sub(80), |i| start - i);
    let mut line_start = line_start;
    while !src.is_char_boundary(line_start) {
        line_start += 1;
    }
    let before = src[line_start..start].trim();
    let after = src[end..].chars().next();
    (before.is_empty() || before == "(" || before.ends_with(['•', '-', '*', 'Q', 'q']))
        && matches!(after, Some('.' | ')' | ':'))
        || before.ends_with('(') && after == Some(')')
}

/// Numbers the letter gives as answers (see [`figures`]), at most `limit`. In a cost refusal
/// (`cost_refusal`) the counts of records or items to be searched are not answers, nor is any
/// number where the letter argues the cost (`cost_argument`: "There were 41 cardholders and
/// some 19,800 transactions ... about 330 hours").
fn answer_figures(
    text: &Text<'_>,
    limit: usize,
    cost_refusal: bool,
    cost_argument: &[Span],
) -> Vec<Span> {
    let src = text.as_str();
    let mut out = Vec::new();
    // The long quotations of the letter, found when a figure first needs them.
    let mut quotes: Option<Vec<Span>> = None;
    // Figures count only outside every zone: the text between the zones is read.
    let mut unzoned: Vec<Span> = Vec::new();
    let mut at = 0;
    for z in text.zones() {
        if z.span.start > at {
            unzoned.push(Span::new(at, z.span.start));
        }
        at = at.max(z.span.end);
    }
    if at < src.len() {
        unzoned.push(Span::new(at, src.len()));
    }
    for m in figures::figures_in(src, &unzoned) {
        let start = m.start;
        if !own(text, start) || text.zone_at(start).is_some() {
            continue;
        }
        let token = m.slice(src).trim_end_matches([',', '.']);
        let end = start + token.len();
        let pounds = token.starts_with('£');
        let token = token.trim_start_matches('£');
        // The whole part: pence and decimals do not make a number long.
        let whole = token.split('.').next().unwrap_or(token);
        let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        // Years, dates, small list numbers, the cost limits and long reference or phone
        // numbers are not answers; nor is a number with a leading zero (a dialling code or a
        // reference), a ratio or clock time ("1:1", "10:30"), or a count of attachments.
        let value: u64 = digits.parse().unwrap_or(0);
        if digits.is_empty()
            || (1900..=2099).contains(&value) && !token.contains(',')
            || digits.len() > 7
            || digits.len() > 1 && digits.starts_with('0')
            || value < 10 && !pounds && list_marker(src, start, end)
            || pounds && (value == 450 || value == 600)
        {
            continue;
        }
        let after_colon = src[end..].strip_prefix(':');
        if after_colon.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
            || src[..start].ends_with(':')
                && src[..start - 1].ends_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let after = src.get(end..(end + 40).min(src.len())).unwrap_or("");
        let before_start = start.saturating_sub(30);
        let mut b = before_start;
        while b > 0 && !src.is_char_boundary(b) {
            b -= 1;
        }
        let before = src.get(b..start).unwrap_or("");
        if NOT_AN_ANSWER.is_match(after)
            || NOT_AN_ANSWER_BEFORE.is_match(before)
            || REQUESTER_HISTORY_BEFORE.is_match(before)
            || PHONE_BEFORE.is_match(before)
        {
            continue;
        }
        if after.starts_with(['/', '-']) || before.ends_with(['/', '-']) {
            continue;
        }
        // In a cost refusal, counts of records, items or e-mails are the size of the search.
        if cost_refusal && COUNTED_ITEMS.is_match(after)
            || cost_argument
                .iter()
                .any(|p| p.start <= start && start < p.end)
        {
            continue;
        }
        // Attachment lists: file names and sizes.
        let line = text
            .lines()
            .line_span(src, text.lines().line_of(start))
            .map_or(Span::new(start, end), |l| {
                window(src, l, Span::new(start, end))
            });
        let line = line.slice(src).to_ascii_lowercase();
        if [
            ".pdf", ".doc", ".xls", ".csv", ".png", ".jpg", ".msg", ".zip",
        ]
        .iter()
        .any(|x| line.contains(x))
        {
            continue;
        }
        // Telephone and fax lines, and a number alone under a "Telephone" label.
        if PHONE_LINE.is_match(&line) || alone_under_phone_label(text, start, &line) {
            continue;
        }
        // Reference numbers, addresses, provisions quoted from a statute, and the requester's
        // words quoted back or restated after "You asked for:".
        if reference_or_address(src, &line, Span::new(start, end), token)
            || restated_request(text, start)
            || under_request_heading(src, start)
            || quotes
                .get_or_insert_with(|| long_quotes(src))
                .iter()
                .any(|q| q.start < start && end <= q.end)
        {
            continue;
        }
        // Figures in a sentence about the cost of answering are estimates (checked last: it
        // needs the sentence). The sentence's window lies inside the same window of the
        // paragraph, so a paragraph window without cost wording settles it without segmenting.
        let here = Span::new(start, end);
        let costed = cost_refusal || !cost_argument.is_empty();
        let estimate =
            |s: &str| ESTIMATE_CONTEXT.is_match(s) || costed && ESTIMATE_WORD.is_match(s);
        if estimate(window(src, text.paragraph_at(start), here).slice(src))
            && estimate(window(src, text.sentence_at(start), here).slice(src))
        {
            continue;
        }
        out.push(Span::new(start, end));
        if out.len() >= limit {
            break;
        }
    }
    out
}

/// True when the number at `figure` (its digits `token`, on the lower-cased `line`) is a
/// reference number ("Case Number 6536", "Request ABC 12345", a reference heading), part of an
/// address (a street number, a line with a postcode) or the number of a provision quoted from a
/// statute ("12.—(4) For the purposes ...", "36 (2) Information ...").
fn reference_or_address(src: &str, line: &str, figure: Span, token: &str) -> bool {
    let line_start = figure.start.saturating_sub(
        src[..figure.start]
            .bytes()
            .rev()
            .take(200)
            .position(|b| b == b'\n')
            .unwrap_or(200.min(figure.start)),
    );
    let mut b = line_start;
    while b > 0 && !src.is_char_boundary(b) {
        b -= 1;
    }
    let prefix = &src[b..figure.start];
    let after = src
        .get(figure.end..(figure.end + 60).min(src.len()))
        .unwrap_or("");
    // A plain number of three or more digits (no thousands comma, pounds, decimals or per
    // cent): the kind a reference is.
    let plain = |min: usize| token.len() >= min && token.bytes().all(|b| b.is_ascii_digit());
    if REFERENCE_BEFORE.is_match(prefix) || plain(3) && CODE_BEFORE.is_match(prefix) {
        return true;
    }
    let trimmed = line.trim_start();
    if REFERENCE_LINE_START.is_match(trimmed) {
        return true;
    }
    // A short heading line naming a request, case or reference: its long number is the
    // reference, not an answer.
    let plain = plain(4);
    if plain && line.split_whitespace().count() <= 10 && REFERENCE_WORDS.is_match(line) {
        return true;
    }
    STATUTE_AFTER.is_match(after) || STREET_AFTER.is_match(after) || POSTCODE.is_match(line)
}

/// True when the number at `offset` stands alone on its line (`line`, lower-cased) and the line
/// above, skipping blank ones, is a telephone or fax label.
fn alone_under_phone_label(text: &Text<'_>, offset: usize, line: &str) -> bool {
    if line.split_whitespace().count() != 1 {
        return false;
    }
    let src = text.as_str();
    let lines = text.lines();
    let mut n = lines.line_of(offset);
    for _ in 0..4 {
        if n <= 1 {
            return false;
        }
        n -= 1;
        let Some(l) = lines.line_span(src, n) else {
            return false;
        };
        let above = l.slice(src).trim();
        if above.is_empty() {
            continue;
        }
        return PHONE_LINE.is_match(&above.to_ascii_lowercase()) && above.len() < 20;
    }
    false
}

/// True when the paragraph holding `offset` restates the request: the text just before it ends
/// "You asked for the following information:", "Your request:", "You wrote:"; or its sentence
/// does ("You asked for the complaints received in Ward 7 during 2022.").
fn restated_request(text: &Text<'_>, offset: usize) -> bool {
    let src = text.as_str();
    let para = text.paragraph_at(offset);
    let b = gate::floor(src, para.start.saturating_sub(160));
    let before = &src[b..para.start];
    RESTATES_REQUEST.is_match(before) && !OPENS_ANSWERS.is_match(before)
        || RESTATING_SENTENCE.is_match(text.sentence_at(offset).slice(src))
}

/// True when `offset` lies under a request heading ("Request", "Your questions") at most
/// [`HEADING_BACK`] bytes before it, with no answer heading ("Answer", "Our response") since.
///
/// The heading patterns match only lines of a few words (every line of a match holds at most
/// [`HEADING_CHARS`] chars besides white space), so only the text from the line
/// [`HEADING_BACK`] bytes back (and the short lines just above it, which a heading may run
/// over) to the end of the short lines at `offset` is searched: it finds there what a search
/// of the whole letter finds.
fn under_request_heading(src: &str, offset: usize) -> bool {
    let bytes = src.as_bytes();
    let line_start = |i: usize| memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |j| j + 1);
    let line_end = |i: usize| memchr::memchr(b'\n', &bytes[i..]).map_or(src.len(), |j| i + j);
    // A line that may be part of a heading: at most so many ASCII chars besides white space.
    let short = |from: usize, to: usize| {
        bytes[from..to]
            .iter()
            .filter(|b| b.is_ascii() && !b.is_ascii_whitespace())
            .nth(HEADING_CHARS)
            .is_none()
    };
    let mut from = line_start(gate::floor(src, offset.saturating_sub(HEADING_BACK)));
    while from > 0 {
        let above = line_start(from - 1);
        if !short(above, from - 1) {
            break;
        }
        from = above;
    }
    let mut to = line_start(offset.min(src.len()));
    loop {
        let end = line_end(to);
        if !short(to, end) {
            break;
        }
        to = end;
        if end >= src.len() {
            break;
        }
        to = end + 1;
    }
    let to = to.max(from);
    let text = &src[from..to];
    let last = |re: &regex::Regex| {
        re.find_iter(text)
            .map(|m| from + m.start())
            .take_while(|&at| at < offset)
            .last()
    };
    // The last heading before `offset` (a request heading where both start at one place).
    let heading = match (last(&REQUEST_HEADING), last(&ANSWER_HEADING)) {
        (Some(r), Some(a)) if a > r => None,
        (Some(r), _) => Some(r),
        _ => None,
    };
    heading.is_some_and(|at| offset - at <= HEADING_BACK)
}

/// How far back [`under_request_heading`] looks for a request heading.
const HEADING_BACK: usize = 600;

/// The most chars other than white space on one line of a request or answer heading ("original
/// information requested:" has 29).
const HEADING_CHARS: usize = 30;

/// The long quotations of `src` ("“...”" over 80 bytes): the requester's words quoted back.
fn long_quotes(src: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let finder = memchr::memmem::find_iter(src.as_bytes(), "“".as_bytes());
    let mut after = 0;
    for open in finder {
        if open < after {
            continue;
        }
        let Some(close) = memchr::memmem::find(&src.as_bytes()[open..], "”".as_bytes()) else {
            break;
        };
        let end = open + close;
        if close > 80 {
            out.push(Span::new(open, end));
        }
        after = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::OutcomeKind;

    /// [`under_request_heading`] as a search of the whole letter reads it.
    fn under_request_heading_whole(src: &str, offset: usize) -> bool {
        let mut headings: Vec<(usize, bool)> = REQUEST_HEADING
            .find_iter(src)
            .map(|m| (m.start(), true))
            .chain(ANSWER_HEADING.find_iter(src).map(|m| (m.start(), false)))
            .collect();
        headings.sort_unstable();
        let before = headings.partition_point(|&(at, _)| at < offset);
        before > 0 && {
            let (at, request) = headings[before - 1];
            request && offset - at <= HEADING_BACK
        }
    }

    #[test]
    fn a_request_heading_is_found_as_in_the_whole_letter() {
        let filler = "We have searched our records for the figures you asked about. ".repeat(12);
        let mut letters = crate::test_support::letter_files();
        // Short letters of my own: headings alone on a line, over two lines, with blank lines
        // between their words, far from and near to the figures, and answer headings after.
        letters.extend([
            "Your request:\nHow many 12 permits?\nOur response:\nThere were 40.".to_string(),
            format!("Request\n{filler}\n14 permits\nAnswer\n15 permits"),
            format!("Your\n\n  request\n{filler} 16\n\nthe\ninformation\nrequested:\n17 and 18"),
            format!("{filler}\nQuestions\n19\n{filler}\n20\nResponse\n21"),
            "request\n22".to_string(),
        ]);
        let mut compared = 0;
        for letter in &letters {
            for (offset, _) in letter.char_indices().step_by(7) {
                assert_eq!(
                    under_request_heading(letter, offset),
                    under_request_heading_whole(letter, offset),
                    "at {offset} of {letter:?}"
                );
                compared += 1;
            }
        }
        assert!(compared > 1000, "only {compared} offsets compared");
    }

    #[test]
    fn an_estimated_value_is_an_answer_unless_the_letter_argues_cost() {
        let kind = |t: &str| crate::Classifier::new().classify(t).outcome.kind;
        // An estimate given as the answer: the value is given, the rates withheld.
        let text = "1. The value of the contract\n\nIts estimated value over five years is £3.4 million.\n\n2. The day rates\n\nThe day rates are withheld under section 43(2).";
        assert_eq!(kind(text), OutcomeKind::Partial);
        // In a cost refusal the estimate sizes the work.
        let text = "We estimate that there are 2,600 case files, and reading each would take far more than the 18 hours the limit allows, so we are refusing your request under section 12.";
        assert_eq!(kind(text), OutcomeKind::Refused);
    }
}
