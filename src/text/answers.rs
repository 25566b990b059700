//! Questions and answers: many replies repeat each of the requester's questions and answer it
//! underneath ("1. How many ...?" then the figure, "Q2. Please provide ..." then "Not held").
//! This module finds those blocks, so that the answer to each question can be read on its own
//! and the words of the questions are not taken for the authority's.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::vocab::{LineIndex, Span};

/// One of the requester's questions repeated back, and the authority's answer under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuestionAnswer {
    /// The question, from its marker to the end of its last line (or its question mark, when
    /// the answer follows on the same line).
    pub question: Span,
    /// What follows, up to the next question or the end of the answers; may be empty (a run
    /// of questions answered together under the last of them).
    pub answer: Span,
}

/// A line that starts a numbered or lettered question: "1.", "2)", "Q3.", "Question 4:", "Q:"
/// (unnumbered), "Request 2:", "Part 3.", "a)", "(b)", "iv.", or a dash or bullet, then some
/// text. The capture `rest` is the first char of that text (see [`marker`]): the pattern stops
/// there, as reading on to the end of the line would only make finding the capture dearer.
static MARKER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"(?i)^\s*["“‘']?(?:(?:q(?:uestion)?\s*\d{1,2}[a-z]?\s*[.):\-–]?|q(?:uestion)?\s*[.:\-–]|(?:request|part|item)\s*\d{1,2}[a-z]?\s*[.):\-–]|\(?\d{1,2}[a-z]?(?:\.\d{1,2})?[.)]|\d{1,2}[a-z]?:|\(?[a-h][.)]|\([a-h]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])|(?P<bullet>[-•*·]))\s*(?P<rest>\S)"#,
    )
    .expect("question marker pattern is valid")
});

/// The marker that opens `line` (one line, with no line break): where the text after it starts,
/// and whether it is a bullet. The text runs from there to the end of the line.
fn marker(line: &str) -> Option<(usize, bool)> {
    // The match ends with `rest`'s one char, and only a bullet opens with a bullet char, so
    // no capture needs finding (a search for captures costs several times a plain one).
    let end = MARKER.find(line)?.end();
    let rest = end - line[..end].chars().next_back()?.len_utf8();
    let body = line.trim_start();
    let body = body.strip_prefix(['"', '“', '‘', '\'']).unwrap_or(body);
    Some((rest, body.starts_with(['-', '•', '*', '·'])))
}

/// The wording of a request: a question or an ask for information.
static ASKS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\?|(?-u:\b)(?:please|provide|how\s+(?:many|much|often|long)|what|which|when|where|who|whether|list|confirm|cop(?:y|ies)|details?\s+of|number\s+of|total|breakdown|do\s+you|does\s+(?:the|your)|can\s+you|could\s+you|would\s+you|if\s+so|disclose|identify|state)(?-u:\b)",
    )
    .expect("request wording pattern is valid")
});

/// Words after a question mark that carry the request on ("If so, please ...").
static CONTINUES_REQUEST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:if\s+(?:so|yes|not|no|the\s+answer|possible|applicable|you)|please|and(?-u:\b)|or(?-u:\b)|e\.?g|i\.?e|for\s+example|including|where|when|what|which|how|do\s+you|does|is\s+there|are\s+there|can\s+you|could\s+you)",
    )
    .expect("continuation pattern is valid")
});

/// A line that carries a request on after a closed sentence.
static REQUEST_GOES_ON: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:please\s+(?:reply|provide|include|state|give|list|break|separate|send|specify|indicate|answer|also|could|can)|if\s+(?:so|possible|yes|not|no|the\s+answer|applicable|you)(?-u:\b))",
    )
    .expect("request continuation pattern is valid")
});

/// Whose answer a heading names: "Our", "The council's", "Trust" ...
const HEAD_OWNER: &str = r"(?:our\s+|(?:the\s+)?(?:council|authority|trust|force|department|board|service|police|ministry|agency|office)(?:['’]s)?\s+)?";

/// A line that starts the authority's answer ("Answer:", "Response -"), or is a heading of its
/// own ("Our response", "Answers:-").
static ANSWER_HEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)^\s*{HEAD_OWNER}(?:response|answer|reply)(?:s?\s*[:\-–]|s?(?:\s+to\s+your\s+(?:request|questions?))?\s*$)"))
        .expect("answer heading pattern is valid")
});

/// A heading line, alone on its line, over the authority's answers to a request listed above
/// it ("Our response", "Response:-", "Answers to your questions").
static RESPONSE_HEADING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"(?i)^\s*{HEAD_OWNER}(?:response|answers?|reply|replies)(?:\s+to\s+your\s+(?:request|questions?))?\s*[:\-–]*\s*$"))
        .expect("response heading pattern is valid")
});

/// Where, in `line` (from byte `from`), an answer given on the question's own line starts:
/// after a question mark or a colon followed by words that do not carry the request on, or
/// after a full stop followed by a sentence that does not ask ("... the e-mails. Not held.").
fn inline_answer(line: &str, from: usize) -> Option<usize> {
    let tail = line.get(from..)?;
    let cut = tail
        .char_indices()
        .filter(|&(_, c)| c == '?' || c == ':' || c == '.')
        .map(|(i, c)| (i + c.len_utf8(), c))
        .filter(|&(i, c)| {
            let rest = &tail[i..];
            // "10:30", "1:1" and "Q1:" are not the end of a question.
            (c == '?' || rest.starts_with(char::is_whitespace))
                && rest.chars().any(char::is_alphanumeric)
                && !CONTINUES_REQUEST.is_match(rest)
                && (c != '.' || ends_sentence(&tail[..i - 1], rest))
        })
        .map(|(i, _)| i)
        .next_back()?;
    Some(from + cut)
}

/// A candidate question start: its line, whether its marker is a bullet, and where in the line
/// the text after the marker starts (see [`marker`]).
type Start = (usize, bool, usize);

/// The question that starts on line `n`, whose text after the marker starts at byte `rest_at`
/// of the line: it runs to the first line that closes it, ends a
/// sentence or holds the start of its answer, at most [`QUESTION_LINES`] lines and never into
/// line `next_start` (the next marker) or an answer heading.
fn question_from(
    text: &str,
    lines: &LineIndex,
    (n, rest_at): (usize, usize),
    next_start: usize,
    until_capital: bool,
) -> Span {
    let line = |k: usize| lines.line_span(text, k).unwrap_or_default();
    let mut end = n;
    loop {
        let l = line(end).slice(text);
        let from = if end == n { rest_at } else { 0 };
        if let Some(k) = inline_answer(l, from) {
            return Span::new(line(n).start, line(end).start + k);
        }
        if end + 1 >= next_start || end + 1 - n >= QUESTION_LINES {
            break;
        }
        let next = line(end + 1).slice(text);
        if next.trim().is_empty()
            || ANSWER_HEAD.is_match(next)
            || until_capital && next.trim_start().starts_with(char::is_uppercase)
        {
            break;
        }
        // A closed sentence ends the question, unless the next line carries the request on
        // ("Please reply 'unknown' if ...").
        let t = l.trim_end();
        if (t.ends_with('?') || t.ends_with('.') || t.ends_with(':'))
            && !REQUEST_GOES_ON.is_match(next)
        {
            break;
        }
        end += 1;
    }
    Span::new(line(n).start, line(end).end)
}

/// How a bulleted request opens, when it has no question mark.
static BULLET_ASKS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:please|how|what|which|when|where|who|whether|total|the\s+(?:total|number|amount|names?|costs?|value)\s+of|number\s+of|a\s+copy|copies|details\s+of|a\s+list|list)(?-u:\b)",
    )
    .expect("bullet request pattern is valid")
});

/// True when a full stop after `before` ends a sentence and `rest` (after it) is not more of
/// the request: a word of three or more letters before it ("e.g.", "No." and "s.21" are not
/// sentence ends), a capital after it, and no request wording in it.
fn ends_sentence(before: &str, rest: &str) -> bool {
    let word = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count();
    word >= 3 && rest.trim_start().starts_with(char::is_uppercase) && !ASKS.is_match(rest)
}

/// A line that closes the answers: the letter's closing courtesies, rights and sign-off.
static CLOSING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:if\s+you\s+(?:have|are|remain|wish|would|require|need)|the\s+information\s+(?:provided|supplied)\s+in\s+this|please\s+do\s+not\s+hesitate|(?:we|i)\s+hope\s+(?:this|the)|yours\s+(?:sincerely|faithfully)|(?:kind|best|warm)\s+regards|regards,?\s*$|from:\s)",
    )
    .expect("closing pattern is valid")
});

/// The label of a numbered or lettered marker, for pairing a question with the answer that
/// repeats its number: "Q2." and "2)" are both "2", "(b)" is "b": `line` is the line of a
/// marker that is no bullet, the text after which starts at byte `rest`.
fn marker_label(line: &str, rest: usize) -> Option<String> {
    let marker = line.get(..rest)?;
    let label: String = marker
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let label = ["question", "request", "part", "item", "q"]
        .iter()
        .find_map(|w| {
            label
                .strip_prefix(w)
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
        .map_or(label.as_str(), |r| r);
    (!label.is_empty()).then(|| label.to_string())
}

/// A request listed as numbered items, then a response heading ("Our response") or, with none,
/// a list whose numbering starts again (see [`restart`]), then answers numbered as the items were ("1. Yes.", "2. We do not hold ..."): each answer is paired with
/// the item of its number. Needs two such pairs, the first answer repeating the first item's
/// number; markers after the heading that repeat no item (a list inside an answer) stay in the
/// answer before them.
fn listed_answers(
    text: &str,
    lines: &LineIndex,
    starts: &[Start],
    closing: usize,
) -> Option<Vec<QuestionAnswer>> {
    let line = |n: usize| lines.line_span(text, n).unwrap_or_default();
    // Where the text after the marker of start line `n` begins.
    let rest_of = |n: usize| {
        starts
            .binary_search_by_key(&n, |&(m, _, _)| m)
            .map_or(0, |i| starts[i].2)
    };
    let labelled: Vec<(usize, String)> = starts
        .iter()
        .filter(|&&(_, bullet, _)| !bullet)
        .filter_map(|&(n, _, rest)| marker_label(line(n).slice(text), rest).map(|k| (n, k)))
        .collect();
    if labelled.len() < 4 {
        return None;
    }
    let (first, last) = (labelled[0].0, labelled[labelled.len() - 1].0);
    // Items end before `heading`; replies start at `replies_from`.
    let (heading, replies_from) = match (first + 1..last).find(|&n| {
        let l = line(n).slice(text);
        l.len() <= 60 && RESPONSE_HEADING.is_match(l)
    }) {
        Some(h) => (h, h + 1),
        None => {
            let r = restart(text, lines, &labelled)?;
            (r, r)
        }
    };
    let items: Vec<&(usize, String)> = labelled.iter().filter(|(n, _)| *n < heading).collect();
    let replies: Vec<&(usize, String)> = labelled
        .iter()
        .filter(|(n, _)| *n >= replies_from)
        .collect();
    if items.first()?.1 != replies.first()?.1 {
        return None;
    }
    // (item line, reply line), in order on both sides: each reply takes the first item of its
    // label after the last one taken (looked up by label, so the pairing stays linear-time).
    let mut by_label: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, (_, k)) in items.iter().enumerate() {
        by_label.entry(k.as_str()).or_default().push(i);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for (n, label) in &replies {
        let Some(at) = by_label.get(label.as_str()) else {
            continue;
        };
        if let Some(&j) = at.get(at.partition_point(|&j| j < from)) {
            pairs.push((items[j].0, *n));
            from = j + 1;
        }
    }
    if pairs.len() < 2 {
        return None;
    }
    let end_of_answers = if closing <= lines.line_count() {
        line(closing).start
    } else {
        text.len()
    };
    let out = pairs
        .iter()
        .enumerate()
        .map(|(i, &(item, reply))| {
            // The item runs at most to the next start or the heading.
            let next_start = starts
                .get(starts.partition_point(|&(m, _, _)| m <= item))
                .map_or(heading, |&(m, _, _)| m.min(heading));
            let question = question_from(text, lines, (item, rest_of(item)), next_start, false);
            let reply_line = line(reply);
            let body = reply_line.start + rest_of(reply);
            let end = pairs
                .get(i + 1)
                .map_or(end_of_answers, |&(_, r)| line(r).start)
                .max(body);
            QuestionAnswer {
                question,
                answer: Span::new(body, end),
            }
        })
        .collect();
    Some(out)
}

/// With no response heading, where the answers start: the line whose label restarts the list
/// ("1) ... 2) ... 3)" asked, then "1) ... 2) ... 3)" answered), after at least two items of
/// distinct labels introduced by a line ending in a colon ("You asked for:").
fn restart(text: &str, lines: &LineIndex, labelled: &[(usize, String)]) -> Option<usize> {
    let first = &labelled[0].1;
    let k = labelled
        .iter()
        .skip(1)
        .position(|(_, l)| l == first)
        .map(|i| i + 1)?;
    if k < 2 {
        return None;
    }
    let mut seen: Vec<&str> = labelled[..k].iter().map(|(_, l)| l.as_str()).collect();
    seen.sort_unstable();
    seen.dedup();
    if seen.len() != k {
        return None;
    }
    let intro = (1..labelled[0].0)
        .rev()
        .map(|n| {
            lines
                .line_span(text, n)
                .unwrap_or_default()
                .slice(text)
                .trim()
        })
        .find(|l| !l.is_empty())?;
    intro.ends_with(':').then_some(labelled[k].0)
}

/// False when `body` (a line from its first char, past any opening quotation mark) cannot
/// open with a [`MARKER`] that starts with a letter, a bracket or a bullet: such a marker is a
/// "q", a letter or roman numeral of at most four letters closed by "." or ")", or "part",
/// "item" or "request" before a number. Most lines open with a word, and this costs a few
/// bytes' reading where the marker pattern would cost a search. (Words are counted in
/// alphabetic chars, so that no case variant the pattern folds is missed.)
fn may_be_marker(body: &str) -> bool {
    let Some(first) = body.chars().next() else {
        return false;
    };
    if !first.is_alphabetic() || first.eq_ignore_ascii_case(&'q') {
        return true;
    }
    let len = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let (word, after) = body.split_at(len);
    match word.chars().count() {
        1..=3 => after.starts_with(['.', ')']),
        // Of the words the pattern folds to, only "request" holds a letter ("s") that a
        // non-ASCII char folds to, so the others compare as ASCII.
        4 => {
            ["part", "item"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
                || word.eq_ignore_ascii_case("viii") && after.starts_with(['.', ')'])
        }
        7 => true,
        _ => false,
    }
}

/// At most this many lines make up one question.
const QUESTION_LINES: usize = 8;

/// Finds the question-and-answer blocks of a letter. Fewer than two blocks means the letter is
/// not laid out as answers to questions, and nothing is returned.
pub fn question_answers(text: &str, lines: &LineIndex) -> Vec<QuestionAnswer> {
    let count = lines.line_count();
    let line = |n: usize| lines.line_span(text, n).unwrap_or_default();
    // Candidate question starts: (line number, is a bullet).
    let mut starts: Vec<Start> = Vec::new();
    let mut closing = count + 1;
    for n in 1..=count {
        let l = line(n).slice(text);
        // A request quoted back may open with the quotation mark: “1. How many ...
        let body = l.trim_start();
        let body = body.strip_prefix(['"', '“', '‘', '\'']).unwrap_or(body);
        // The first char decides which patterns can match at all (most lines: neither).
        let Some(first) = body.chars().next() else {
            continue;
        };
        let first = first.to_ascii_lowercase();
        if "itpwykbrf".contains(first) && CLOSING.is_match(l) {
            closing = n;
            break;
        }
        let numbered = || {
            let t = body;
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 2
                && t[digits..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || ".):".contains(c))
        };
        if first.is_ascii_digit() && numbered()
            || "qabcdefghivxrp(-•*·".contains(first) && may_be_marker(body)
        {
            if let Some((rest, bullet)) = marker(l) {
                // "12.—(4) For the purposes of ..." is a provision quoted from a statute.
                let quoted_provision = l[rest..].starts_with(['—', '–']);
                if !quoted_provision {
                    starts.push((n, bullet, rest));
                }
            }
        }
    }
    if let Some(listed) = listed_answers(text, lines, &starts, closing) {
        return listed;
    }
    // Each candidate's question, and whether it asks.
    let mut questions: Vec<(Span, bool)> = Vec::with_capacity(starts.len());
    for (i, &(n, bullet, rest)) in starts.iter().enumerate() {
        let next_start = starts
            .get(i + 1)
            .map_or(closing, |&(m, _, _)| m)
            .min(closing);
        let q = question_from(text, lines, (n, rest), next_start, false);
        let q_text = q.slice(text);
        // A question asks; a bulleted one must carry a question mark or open as a request
        // (bullets also list answers). A bulleted request without a question mark ends where a
        // line opens with a capital: its wrapped lines go on in lower case, its answer does not.
        let (q, asks) = if !bullet {
            (q, ASKS.is_match(q_text))
        } else if q_text.contains('?') {
            (q, true)
        } else {
            let first_line = q_text.lines().next().unwrap_or("");
            let opens_as_request = marker(first_line)
                .is_some_and(|(rest, _)| BULLET_ASKS.is_match(&first_line[rest..]));
            (
                question_from(text, lines, (n, rest), next_start, true),
                opens_as_request,
            )
        };
        questions.push((q, asks));
    }
    let end_of_answers = if closing <= count {
        line(closing).start
    } else {
        text.len()
    };
    let asking: Vec<Span> = questions
        .iter()
        .filter(|(_, asks)| *asks)
        .map(|(q, _)| *q)
        .collect();
    // Each answer runs to the next question that asks (markers inside an answer are lists).
    let mut out: Vec<QuestionAnswer> = asking
        .iter()
        .enumerate()
        .map(|(i, &question)| {
            let end = asking.get(i + 1).map_or(end_of_answers, |q| q.start);
            QuestionAnswer {
                question,
                answer: Span::new(question.end.min(end), end),
            }
        })
        .collect();
    if out.len() < 2 {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<(&str, &str)> {
        question_answers(text, &LineIndex::new(text))
            .into_iter()
            .map(|b| (b.question.slice(text), b.answer.slice(text).trim()))
            .collect()
    }

    #[test]
    fn numbered_questions_and_their_answers() {
        let text = "Dear Ms Green,\nOur response is below.\n1. How many parking permits were issued in 2023?\n4,210\n2. Please provide the policy on permit refunds.\nWe do not hold a written policy.\nIf you have any queries, please contact us.\n";
        assert_eq!(
            blocks(text),
            vec![
                ("1. How many parking permits were issued in 2023?", "4,210"),
                (
                    "2. Please provide the policy on permit refunds.",
                    "We do not hold a written policy."
                ),
            ]
        );
    }

    #[test]
    fn an_answer_on_the_question_line() {
        let text = "a. Which supplier runs the system? Northgate\nb. When does the contract end? March 2026\n";
        assert_eq!(
            blocks(text),
            vec![
                ("a. Which supplier runs the system?", "Northgate"),
                ("b. When does the contract end?", "March 2026"),
            ]
        );
    }

    #[test]
    fn a_numbered_list_inside_an_answer_is_not_a_question() {
        let text = "Q1. Which teams deal with complaints?\nThree teams:\n1. Housing\n2. Parks\nQ2. How many complaints were there?\n312\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].1, "Three teams:\n1. Housing\n2. Parks");
    }

    #[test]
    fn an_answer_after_a_colon_and_a_question_that_goes_on() {
        let text = "1. the number of permits issued for the periods\n2022 - 2023: 41\n2. the number of refunds for the periods above: We do not hold this.\n3. Do you keep a register? If so, please send\na copy.\nYes, it is attached.\n";
        assert_eq!(
            blocks(text),
            vec![
                (
                    "1. the number of permits issued for the periods\n2022 - 2023:",
                    "41"
                ),
                (
                    "2. the number of refunds for the periods above:",
                    "We do not hold this."
                ),
                (
                    "3. Do you keep a register? If so, please send\na copy.",
                    "Yes, it is attached."
                ),
            ]
        );
        let text = "1. Please send any e-mails about the\nnew depot. Information not held.\n2. How many depots are there?\n4\n";
        assert_eq!(
            blocks(text),
            vec![
                (
                    "1. Please send any e-mails about the\nnew depot.",
                    "Information not held."
                ),
                ("2. How many depots are there?", "4"),
            ]
        );
        let text = "Q1. How many depots does the council run?\nPlease reply \"none\" if not held.\n4\nQ2. Which is the largest?\nPlease see our website.\n";
        assert_eq!(
            blocks(text),
            vec![
                (
                    "Q1. How many depots does the council run?\nPlease reply \"none\" if not held.",
                    "4"
                ),
                ("Q2. Which is the largest?", "Please see our website."),
            ]
        );
    }

    #[test]
    fn unnumbered_and_named_markers() {
        let text = "Q: How many kennels does the council run?\nA: Two.\n\nQ: Are any privately run?\nA: None.\n";
        assert_eq!(
            blocks(text),
            vec![
                ("Q: How many kennels does the council run?", "A: Two."),
                ("Q: Are any privately run?", "A: None."),
            ]
        );
        let text = "Request 1: The number of bins replaced in 2023.\nAnswer: 812 bins.\nRequest 2: How much did each bin cost?\nAnswer: £21.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].1, "Answer: £21.");
        // A heading that asks nothing is not a question.
        let text = "Part 1: information released\nThe minutes are attached.\nPart 2: information withheld\nThe names are redacted.\n";
        assert!(blocks(text).is_empty());
    }

    #[test]
    fn a_listed_request_then_answers_numbered_the_same_way() {
        let text = "Your request:\n\u{201c}1. Do you keep a register of empty shops?\n2. If so, please send me a copy of it.\u{201d}\nOur response:-\n1. Yes.\n2. We do not hold a copy that can be sent, as it is kept in a live system.\nIf you are unhappy, you may ask for a review.\n";
        assert_eq!(
            blocks(text),
            vec![
                ("\u{201c}1. Do you keep a register of empty shops?", "Yes."),
                (
                    "2. If so, please send me a copy of it.\u{201d}",
                    "We do not hold a copy that can be sent, as it is kept in a live system."
                ),
            ]
        );
        // A list inside an answer stays in it; the heading may stand alone on its line.
        let text = "1. Which depots do you run?\n2. How many vans are there?\nResponse\n1. Two depots:\na) North\nb) South\n2. 40 vans.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].1, "Two depots:\na) North\nb) South");
        assert_eq!(b[1].1, "40 vans.");
    }

    #[test]
    fn answers_numbered_again_after_a_listed_request() {
        let text = "You asked for:\n1) the number of vans;\n2) the fuel bill; and\n3) the drivers' rota.\n\n1) Vans: 40.\n2) Fuel: the bill is attached.\n3) Rota. We do not hold one.\n";
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        assert_eq!(b[0], ("1) the number of vans;", "Vans: 40."));
        assert_eq!(b[2].1, "Rota. We do not hold one.");
        // Without a line introducing the list, a list that starts again is no layout.
        let text = "1) Vans: 40.\n2) Fuel: the bill is attached, with\n1) diesel\n2) petrol\n";
        assert!(blocks(text).iter().all(|(q, _)| !q.starts_with("1) Vans")));
    }

    #[test]
    fn a_heading_line_ends_a_request_item() {
        // The items ask nothing of their own, so a heading line alone must end the second
        // one; a provision's lettered paragraph quoted further down is not a layout either.
        let text = "Your request\n1. Sites of the old quarries\n2. Map references for the sites\nOur response\nI can confirm we hold this, but it is withheld as unfinished data.\n(d) the request relates to material still in the course of completion\nWe will publish it when it is checked.\n";
        assert!(blocks(text).is_empty());
    }

    #[test]
    fn a_single_question_is_not_a_layout() {
        assert!(blocks("1. How many staff are there?\n42\n").is_empty());
        assert!(blocks("Plain letter with no questions.").is_empty());
    }

    #[test]
    fn the_marker_prefilter_keeps_every_marker() {
        let made = "Q3. a\nquestion 4: b\nRequest 2: c\nPART 3. d\nItem1) e\n(b) f\nc) g\niv. h\nVIII) i\n- j\n\u{201c}ii. k\nThe l\nWe m\nviii n\nrequeſt 2: o\n";
        let mut letters = crate::test_support::letter_files();
        letters.push(made.to_string());
        let whole_line = MARKER
            .as_str()
            .strip_suffix(r"(?P<rest>\S)")
            .map(|head| Regex::new(&format!(r"{head}(?P<rest>\S.*)$")).unwrap())
            .unwrap();
        let mut markers = 0;
        for letter in &letters {
            for l in letter.lines() {
                let body = l.trim_start();
                let body = body.strip_prefix(['"', '“', '‘', '\'']).unwrap_or(body);
                let Some(first) = body.chars().next() else {
                    continue;
                };
                let Some(caps) = whole_line.captures(l) else {
                    assert_eq!(marker(l), None, "{l:?}");
                    continue;
                };
                markers += 1;
                assert!(first.is_ascii_digit() || may_be_marker(body), "{l:?}");
                // The marker is found as the pattern read to the end of the line finds it.
                let rest = caps.name("rest").map(|m| (m.start(), m.as_str()));
                assert_eq!(rest.map(|(i, _)| i), marker(l).map(|(i, _)| i), "{l:?}");
                assert_eq!(rest.map(|(i, r)| &l[i..] == r), Some(true), "{l:?}");
                assert_eq!(caps.name("bullet").is_some(), marker(l).unwrap().1);
            }
        }
        assert!(markers > 20, "only {markers} markers");
        assert!(!may_be_marker("The council holds"));
        assert!(!may_be_marker("viii n"));
    }

    #[test]
    fn bullets_must_ask() {
        let text = "- the number of bins collected?\n12,000\n- the cost of collection?\nNot held.\n- extra note\n";
        let b = blocks(text);
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].1, "Not held.\n- extra note");
    }
}
