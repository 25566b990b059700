//! The HTML page as a reader gets it from `foi-refusal --format html`: a legend, a table of the
//! letters at the top linking to each, each letter with highlights coloured by ground and
//! shared with the ground's card, checks linked to their evidence, quoted mail shaded, filters;
//! and `--summary --format html` in words.

use std::fs;

use assert_cmd::Command;

/// Relies on two grounds, weighs the public interest and quotes the request's e-mail below.
const TWO_GROUNDS: &str = "Dear Mr Ngata,\n\n\
The home addresses of the panel members are withheld under section 40(2) of the Freedom of \
Information Act 2000, since releasing them would breach the data protection principles.\n\n\
The bid scores are withheld under section 43(2), because releasing them would be likely to \
harm the bidders' commercial interests. We recognise the public interest in openness about \
how contracts are awarded, but we consider that the public interest favours withholding the \
scores.\n\n\
If you are unhappy with this reply you may ask for an internal review. You may then complain \
to the Information Commissioner.\n\n\
Yours sincerely,\n\nProcurement Team\n\n\
-----Original Message-----\nFrom: Mr Ngata\nSent: 4 June 2025\n\n\
Please send the panel's scores and the members' addresses.\n";

/// Refuses on one ground without citing it or giving review rights.
const BARE: &str = "We will not be providing the figures, as they were given to us in \
confidence by the operator and releasing them would be an actionable breach of confidence.";

fn run(args: &[&str], dir: &std::path::Path) -> String {
    let out = Command::cargo_bin("foi-refusal")
        .expect("the binary is built")
        .current_dir(dir)
        .args(args)
        .arg(".")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

fn two_letters() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TWO_GROUNDS).unwrap();
    fs::write(dir.path().join("b.txt"), BARE).unwrap();
    dir
}

/// The value of attribute `name` in the tag that opens at `at`.
fn attr<'a>(html: &'a str, at: usize, name: &str) -> Option<&'a str> {
    let tag = &html[at..at + html[at..].find('>')?];
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    Some(&tag[from..from + tag[from..].find('"')?])
}

#[test]
fn two_letters_make_one_page_with_a_table_legend_and_linked_sections() {
    let dir = two_letters();
    let html = run(&["--format", "html"], dir.path());
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<html").count(), 1, "one page");
    // Self-contained: nothing fetched.
    for outside in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(outside), "{outside}");
    }

    let legend = html.find("id=\"legend\"").expect("a legend");
    let table = html
        .find("<table class=\"letters\">")
        .expect("a table of letters");
    let first = html.find("<section class=\"letter\"").expect("sections");
    assert!(
        legend < table && table < first,
        "legend, table, then the letters"
    );

    // One row per letter, in input order, each linking to its section.
    let rows: Vec<usize> = html
        .match_indices("<tr data-letter=")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(rows.len(), 2);
    for (k, &at) in rows.iter().enumerate() {
        let id = attr(&html, at, "data-letter").unwrap();
        assert_eq!(id, format!("letter-{}", k + 1));
        let row = &html[at..at + html[at..].find("</tr>").unwrap()];
        assert!(row.contains(&format!("<a href=\"#{id}\">")), "{row}");
        assert!(html.contains(&format!("<section class=\"letter\" id=\"{id}\">")));
    }
    let row_a = &html[rows[0]..rows[1]];
    assert!(row_a.contains(">./a.txt</a>"), "{row_a}");
    assert!(
        row_a.contains("data-grounds=\"foia:s40 foia:s43\""),
        "{row_a}"
    );
    let row_b = &html[rows[1]..];
    let row_b = &row_b[..row_b.find("</tr>").unwrap()];
    assert!(row_b.contains("says which exemption applies"), "{row_b}");
    assert!(
        row_b.contains("exemption_specified"),
        "the code in a tooltip"
    );

    // The filters, hidden until the script shows them, offer the grounds and failed checks.
    assert!(html.contains("<select id=\"f-ground\">"));
    assert!(html.contains("<option value=\"foia:s43\">s.43 Commercial interests (1)</option>"));
    assert!(html.contains("<option value=\"exemption_specified\">says which exemption applies"));
    assert!(html.contains("<script>"));

    // Marks of letter 1: one colour per ground, the card's.
    let section = &html[first..html[first..].find("</section>").unwrap() + first];
    let mut colours = std::collections::BTreeMap::new();
    for (at, _) in section.match_indices("<mark class=\"relied_on\"") {
        let title = attr(section, at, "title").unwrap();
        let g = attr(section, at, "data-g").expect("a colour");
        let ground = title.split(' ').next().unwrap().to_string();
        assert!(
            !title.contains("StrongCue") && !title.contains("Citation"),
            "{title}"
        );
        let was = colours.insert(ground.clone(), g.to_string());
        assert!(was.is_none() || was.as_deref() == Some(g), "{ground}");
    }
    assert_eq!(colours.len(), 2, "{colours:?}\n{section}");
    let distinct: std::collections::BTreeSet<_> = colours.values().collect();
    assert_eq!(distinct.len(), 2, "two grounds, two colours");
    for (ground, g) in &colours {
        let card = format!("data-g=\"{g}\" id=\"l1-g");
        let at = section.find(&card).expect("a card in the colour");
        assert!(
            section[at..].contains(&format!("</span>{ground} ")),
            "{ground}"
        );
    }

    // Checks link to their evidence; every link goes to an element that is there.
    let checks = section.find("<ul class=\"checks\">").expect("checks");
    assert!(section[checks..].contains("href=\"#l1-m"));
    for part in html.split("href=\"#").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(html.contains(&format!("id=\"{id}\"")), "no element {id}");
    }
    // Public interest beside its ground; the outcome with its evidence.
    assert!(
        section.contains("public interest for withholding:")
            || section.contains("public interest for disclosure:")
    );
    assert!(section.contains("<h3>Outcome: "));
    // Quoted mail and the rights paragraph shaded, with their labels.
    assert!(section.contains("<span class=\"zone zone-quoted\"><span class=\"zone-label\">earlier mail quoted below</span>-----Original Message-----"));
    assert!(section.contains("<span class=\"zone zone-rights\">"));
    // Plain words; codes only in tooltips.
    assert!(section.contains(">relied on</span>, <span title=\"kind: absolute\">absolute</span>"));
    assert!(!section.contains("relied_on ·") && !section.contains("(StrongCue)"));
}

#[test]
fn the_summary_page_is_in_words_with_the_table_of_letters() {
    let dir = two_letters();
    let html = run(&["--summary", "--format", "html"], dir.path());
    assert!(
        html.contains("2 letters, 2 relying on at least one ground"),
        "{html}"
    );
    assert!(
        html.contains("<td title=\"foia:s43\">s.43 Commercial interests</td>"),
        "{html}"
    );
    assert!(
        html.contains("<td title=\"exemption_specified\">says which exemption applies</td>"),
        "{html}"
    );
    assert_eq!(html.matches("<tr data-letter=").count(), 2);
    assert!(
        !html.contains("<section class=\"letter\""),
        "no letters with --summary"
    );
}

#[test]
fn one_letter_has_no_table() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TWO_GROUNDS).unwrap();
    let html = run(&["--format", "html"], dir.path());
    assert!(html.contains("id=\"legend\""));
    assert!(!html.contains("<table class=\"letters\">"));
    assert_eq!(html.matches("<section class=\"letter\"").count(), 1);
}

/// The text rendering and the page use the same words for the same report: the outcome, the
/// regime, each ground's status (with why), kind, basis and confidence, and each check.
#[test]
fn text_and_html_use_the_same_words() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TWO_GROUNDS).unwrap();
    let text = run(&["--format", "text"], dir.path());
    let html = run(&["--format", "html"], dir.path());
    let report = foi_refusal::Classifier::new().classify(TWO_GROUNDS);
    use foi_refusal::words;
    let mut said = vec![
        words::outcome(report.outcome.kind).to_string(),
        words::regime(&report.jurisdiction).to_string(),
    ];
    for f in &report.findings {
        said.push(words::status(f.status).to_string());
        said.push(words::kind(f.kind).to_string());
        said.push(words::basis(f.basis).to_string());
        said.push(words::confidence(f.confidence).to_string());
    }
    for c in report.applicable_checks() {
        said.push(
            words::check(&c.id)
                .expect("words for the check")
                .to_string(),
        );
    }
    assert!(said.len() > 6, "{said:?}");
    for w in &said {
        assert!(text.contains(w.as_str()), "text lacks {w:?}:\n{text}");
        assert!(html.contains(w.as_str()), "page lacks {w:?}");
    }
    // The codes JSON uses are not the words shown.
    assert!(
        !text.contains("relied_on") && !text.contains("partial,"),
        "{text}"
    );
}
