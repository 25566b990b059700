//! Word (`.docx`, Office Open XML) and OpenDocument text (`.odt`) letters: both are zip archives
//! of XML parts, read with a zip reader (`zip`) and a streaming, namespace-aware XML reader
//! (`quick-xml`). Paragraphs become blank-line separated paragraphs; a table becomes one line per
//! row with its cells separated by " | "; headers come first, then the body, then footnotes
//! and endnotes, then footers. Deleted tracked changes, comments and the duplicate fallback
//! copies of text boxes are left out.
//!
//! Every member is read through [`Read::take`] with what is left of the size budget, so a zip
//! bomb or a huge XML part ends in [`ErrorKind::InputTooLarge`] before it can fill memory.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use zip::result::ZipError;
use zip::ZipArchive;

use super::Document;
use crate::error::{Error, ErrorKind};
use crate::vocab::InputFormat;

/// WordprocessingML, transitional and strict.
const W_NS: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility (`mc:Fallback` repeats a text box's text for old readers).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const TEXT_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const OFFICE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const STYLE_NS: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// What is left of the number of decompressed bytes a document may have.
pub(super) struct Budget {
    left: usize,
    limit: usize,
}

impl Budget {
    /// A budget of `limit` bytes.
    pub(super) fn new(limit: usize) -> Budget {
        Budget { left: limit, limit }
    }
}

fn corrupt(name: &str, what: &str, why: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::CorruptInput,
        format!("{name}: cannot read this {what}: {why}"),
    )
}

/// The error for an encrypted (password-protected) document.
pub(super) fn encrypted(name: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::Encrypted,
        format!("{name}: this {what} is encrypted (password-protected); save an unprotected copy, or a PDF, first"),
    )
}

/// The error for an OLE compound file (D0 CF 11 E0): an encrypted Word, Excel or PowerPoint
/// file (an OOXML package wrapped with an `EncryptionInfo` stream) or a legacy binary one.
pub(super) fn ole_error(bytes: &[u8], name: &str) -> Error {
    // Directory entry names are UTF-16LE.
    let stream: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if memchr::memmem::find(bytes, &stream).is_some() {
        return encrypted(name, "Office document");
    }
    Error::new(
        ErrorKind::UnsupportedFormat,
        format!("{name}: doc input is not supported (a legacy Word .doc or other OLE compound file); save it as .docx, PDF or text first"),
    )
}

/// Appends the text of the Word or OpenDocument file `bytes` (`format` says which) to `doc` as
/// part `part`. `name` names it in errors.
pub(super) fn append(
    doc: &mut Document,
    bytes: &[u8],
    name: &str,
    part: &str,
    format: InputFormat,
    budget: &mut Budget,
) -> Result<(), Error> {
    let text = if format == InputFormat::Odt {
        read_odt(bytes, name, budget)?
    } else {
        read_docx(bytes, name, budget)?
    };
    if text.trim().is_empty() {
        doc.warnings
            .push(format!("{name}: the document has no text"));
    }
    doc.push_part(part, format, &text, !text.trim().is_empty());
    Ok(())
}

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

fn open<'a>(bytes: &'a [u8], name: &str, what: &str) -> Result<Archive<'a>, Error> {
    ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(name, what, e))
}

/// The text of member `path`, or `None` when the archive has no such member.
fn member(
    archive: &mut Archive<'_>,
    path: &str,
    name: &str,
    what: &str,
    budget: &mut Budget,
) -> Result<Option<String>, Error> {
    let file = match archive.by_name(path) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED))
        | Err(ZipError::InvalidPassword) => return Err(encrypted(name, what)),
        Err(e) => return Err(corrupt(name, what, format!("{path}: {e}"))),
    };
    if file.encrypted() {
        return Err(encrypted(name, what));
    }
    let mut buf = Vec::new();
    file.take(budget.left as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| corrupt(name, what, format!("{path}: {e}")))?;
    if buf.len() > budget.left {
        return Err(Error::new(
            ErrorKind::InputTooLarge,
            format!(
                "{name}: {path} decompresses to more than the size limit of {} bytes",
                budget.limit
            ),
        ));
    }
    budget.left -= buf.len();
    Ok(Some(match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }))
}

/// The member names of the archive matching `keep`, sorted (`header2.xml` before `header10.xml`).
fn names_matching(archive: &Archive<'_>, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let mut names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| keep(n))
        .map(|n| n.into_owned())
        .collect();
    names.sort_by(|a, b| (a.len(), a).cmp(&(b.len(), b)));
    names
}

/// Reads a Word document's text.
pub(super) fn read_docx(bytes: &[u8], name: &str, budget: &mut Budget) -> Result<String, Error> {
    const WHAT: &str = "Word document";
    let mut archive = open(bytes, name, WHAT)?;
    let body = member(&mut archive, "word/document.xml", name, WHAT, budget)?
        .ok_or_else(|| corrupt(name, WHAT, "it has no word/document.xml"))?;
    let part = |prefix: &str| {
        let prefix = format!("word/{prefix}");
        move |n: &str| {
            n.strip_prefix(prefix.as_str())
                .and_then(|r| r.strip_suffix(".xml"))
                .is_some_and(|r| r.bytes().all(|b| b.is_ascii_digit()))
        }
    };
    let headers = names_matching(&archive, part("header"));
    let footers = names_matching(&archive, part("footer"));
    let mut sections: Vec<String> = Vec::new();
    // Word keeps a header for the first page, even pages and the rest: each text once.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut read = |archive: &mut Archive<'_>, path: &str, out: &mut Vec<String>| {
        let Some(xml) = member(archive, path, name, WHAT, budget)? else {
            return Ok::<(), Error>(());
        };
        let text = walk(&xml, Dialect::Docx, None)
            .map_err(|e| corrupt(name, WHAT, format!("{path}: {e}")))?;
        if !text.is_empty() && seen.insert(text.clone()) {
            out.push(text);
        }
        Ok(())
    };
    let mut top = Vec::new();
    for h in &headers {
        read(&mut archive, h, &mut top)?;
    }
    sections.extend(top);
    sections.push(
        walk(&body, Dialect::Docx, None)
            .map_err(|e| corrupt(name, WHAT, format!("word/document.xml: {e}")))?,
    );
    drop(body);
    let mut notes = Vec::new();
    for n in ["word/footnotes.xml", "word/endnotes.xml"] {
        read(&mut archive, n, &mut notes)?;
    }
    sections.extend(notes);
    let mut bottom = Vec::new();
    for f in &footers {
        read(&mut archive, f, &mut bottom)?;
    }
    sections.extend(bottom);
    Ok(join(sections))
}

/// Reads an OpenDocument text's text.
pub(super) fn read_odt(bytes: &[u8], name: &str, budget: &mut Budget) -> Result<String, Error> {
    const WHAT: &str = "OpenDocument text";
    let mut archive = open(bytes, name, WHAT)?;
    if let Some(manifest) = member(&mut archive, "META-INF/manifest.xml", name, WHAT, budget)? {
        if has_element(&manifest, "encryption-data") {
            return Err(encrypted(name, WHAT));
        }
    }
    let content = member(&mut archive, "content.xml", name, WHAT, budget)?
        .ok_or_else(|| corrupt(name, WHAT, "it has no content.xml"))?;
    let body = walk(&content, Dialect::Odt, None)
        .map_err(|e| corrupt(name, WHAT, format!("content.xml: {e}")))?;
    drop(content);
    let mut sections = Vec::new();
    let mut tail = Vec::new();
    if let Some(styles) = member(&mut archive, "styles.xml", name, WHAT, budget)? {
        let styles_err = |e: String| corrupt(name, WHAT, format!("styles.xml: {e}"));
        let head = walk(&styles, Dialect::Odt, Some(Region::Header)).map_err(styles_err)?;
        let foot = walk(&styles, Dialect::Odt, Some(Region::Footer)).map_err(styles_err)?;
        sections.push(head);
        tail.push(foot);
    }
    sections.push(body);
    sections.extend(tail);
    Ok(join(sections))
}

fn join(sections: Vec<String>) -> String {
    let mut out = String::new();
    for s in sections.iter().filter(|s| !s.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(s);
    }
    out
}

/// True when the XML `xml` has an element of local name `local` (any namespace). A part that
/// is not well-formed counts as having none.
fn has_element(xml: &str, local: &str) -> bool {
    let mut r = NsReader::from_str(xml);
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => {
                return true
            }
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Docx,
    Odt,
}

/// The page regions of an OpenDocument's `styles.xml` whose text is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    Header,
    Footer,
}

/// What an element means for the text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Act {
    /// A paragraph (or heading).
    Para,
    /// A run of text (Word's `w:t`; OpenDocument's text lies anywhere in a paragraph).
    Run,
    Tab,
    Break,
    Hyphen,
    /// OpenDocument's `text:s`: this many spaces.
    Spaces(usize),
    Table,
    Row,
    Cell,
    /// A footnote or endnote body inside an OpenDocument paragraph.
    Note,
    /// A header or footer region of `styles.xml`.
    Region,
    /// An element whose content is not letter text (properties, deleted text, comments).
    Skip,
    None,
}

fn act(
    dialect: Dialect,
    ns: &ResolveResult<'_>,
    e: &BytesStart<'_>,
    region: Option<Region>,
) -> Act {
    let ResolveResult::Bound(ns) = ns else {
        return Act::None;
    };
    let ns = ns.0;
    let local = e.local_name();
    let local = local.as_ref();
    match dialect {
        Dialect::Docx if W_NS.contains(&ns) => match local {
            "p" => Act::Para,
            "t" => Act::Run,
            "tab" | "ptab" => Act::Tab,
            "br" | "cr" => Act::Break,
            "noBreakHyphen" => Act::Hyphen,
            "tbl" => Act::Table,
            "tr" => Act::Row,
            "tc" => Act::Cell,
            "pPr" | "rPr" | "tblPr" | "tblGrid" | "trPr" | "tcPr" | "sectPr" | "del"
            | "moveFrom" | "instrText" | "delText" => Act::Skip,
            _ => Act::None,
        },
        Dialect::Docx if ns == MC_NS && local == "Fallback" => Act::Skip,
        Dialect::Odt if ns == TEXT_NS => match local {
            "p" | "h" => Act::Para,
            "tab" => Act::Tab,
            "line-break" => Act::Break,
            "s" => {
                let n = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "c")
                    .and_then(|a| a.value.trim().parse::<usize>().ok())
                    .unwrap_or(1);
                Act::Spaces(n.clamp(1, 8))
            }
            "note-body" => Act::Note,
            "note-citation" | "tracked-changes" | "sequence-decls" | "variable-decls"
            | "user-field-decls" => Act::Skip,
            _ => Act::None,
        },
        Dialect::Odt if ns == TABLE_NS => match local {
            "table" => Act::Table,
            "table-row" => Act::Row,
            "table-cell" | "covered-table-cell" => Act::Cell,
            _ => Act::None,
        },
        Dialect::Odt if ns == OFFICE_NS && local == "annotation" => Act::Skip,
        Dialect::Odt if ns == STYLE_NS => match (region, local) {
            (Some(Region::Header), "header" | "header-left" | "header-first")
            | (Some(Region::Footer), "footer" | "footer-left" | "footer-first") => Act::Region,
            _ => Act::None,
        },
        _ => Act::None,
    }
}

#[derive(Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    cell: String,
}

/// The text being built.
#[derive(Default)]
struct Builder {
    blocks: Vec<String>,
    notes: Vec<String>,
    para: String,
    /// Paragraphs interrupted by a note body.
    saved: Vec<String>,
    in_note: usize,
    tables: Vec<Table>,
}

impl Builder {
    fn text(&mut self, s: &str) {
        if self.tables.is_empty() {
            self.para.push_str(s);
        } else {
            // A table row stays on one line.
            self.para.extend(
                s.chars()
                    .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
            );
        }
    }

    fn block(&mut self, text: String) {
        if let Some(t) = self.tables.last_mut() {
            if !t.cell.is_empty() {
                t.cell.push(' ');
            }
            t.cell.push_str(&text);
        } else if self.in_note > 0 {
            self.notes.push(text);
        } else {
            self.blocks.push(text);
        }
    }

    fn end_para(&mut self) {
        let p = std::mem::take(&mut self.para);
        let t = p.trim();
        if !t.is_empty() {
            let t = if t.len() == p.len() { p } else { t.to_string() };
            self.block(t);
        }
    }

    fn end_cell(&mut self) {
        self.end_para();
        if let Some(t) = self.tables.last_mut() {
            let cell = std::mem::take(&mut t.cell);
            t.cells.push(cell.trim().to_string());
        }
    }

    fn end_row(&mut self) {
        self.end_para();
        if let Some(t) = self.tables.last_mut() {
            let cells = std::mem::take(&mut t.cells);
            if cells.iter().any(|c| !c.is_empty()) {
                t.rows.push(cells.join(" | "));
            }
        }
    }

    fn end_table(&mut self) {
        self.end_para();
        if let Some(t) = self.tables.pop() {
            let rows = t.rows.join("\n");
            if !rows.is_empty() {
                self.block(rows);
            }
        }
    }

    fn begin_note(&mut self) {
        self.saved.push(std::mem::take(&mut self.para));
        self.in_note += 1;
    }

    fn end_note(&mut self) {
        self.end_para();
        self.para = self.saved.pop().unwrap_or_default();
        self.in_note = self.in_note.saturating_sub(1);
    }

    fn finish(mut self) -> String {
        self.end_para();
        while !self.tables.is_empty() {
            self.end_table();
        }
        let mut blocks = self.blocks;
        blocks.extend(self.notes);
        blocks.join("\n\n")
    }
}

/// The text of one XML part. Only the text inside `region` when one is given.
fn walk(xml: &str, dialect: Dialect, region: Option<Region>) -> Result<String, String> {
    let mut r = NsReader::from_str(xml);
    let mut b = Builder::default();
    let mut open: Vec<Act> = Vec::new();
    let mut skip = 0usize;
    let mut runs = 0usize;
    let mut paras = 0usize;
    let mut regions = 0usize;
    loop {
        let (ns, event) = r.read_resolved_event().map_err(|e| e.to_string())?;
        let in_region = region.is_none() || regions > 0;
        // Where characters are letter text.
        let reading = skip == 0
            && in_region
            && match dialect {
                Dialect::Docx => runs > 0,
                Dialect::Odt => paras > 0,
            };
        // Where tabs and breaks count (Word puts them beside its text runs, not inside).
        let marks = skip == 0
            && in_region
            && match dialect {
                Dialect::Docx => true,
                Dialect::Odt => paras > 0,
            };
        match event {
            Event::Start(e) => {
                let a = act(dialect, &ns, &e, region);
                open.push(a);
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                match a {
                    Act::Skip => skip = 1,
                    Act::Run => runs += 1,
                    Act::Para => paras += 1,
                    Act::Region => regions += 1,
                    Act::Table => b.tables.push(Table::default()),
                    Act::Note => b.begin_note(),
                    Act::Tab if marks => b.text("\t"),
                    Act::Break if marks => b.text("\n"),
                    Act::Hyphen if marks => b.text("-"),
                    Act::Spaces(n) if marks => b.text(&" ".repeat(n)),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                match act(dialect, &ns, &e, region) {
                    Act::Tab if marks => b.text("\t"),
                    Act::Break if marks => b.text("\n"),
                    Act::Hyphen if marks => b.text("-"),
                    Act::Spaces(n) if marks => b.text(&" ".repeat(n)),
                    Act::Cell if !b.tables.is_empty() => b.end_cell(),
                    _ => {}
                }
            }
            Event::End(_) => {
                let a = open.pop().unwrap_or(Act::None);
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match a {
                    Act::Run => runs = runs.saturating_sub(1),
                    Act::Para => {
                        paras = paras.saturating_sub(1);
                        b.end_para();
                    }
                    Act::Region => regions = regions.saturating_sub(1),
                    Act::Table => b.end_table(),
                    Act::Row => b.end_row(),
                    Act::Cell => b.end_cell(),
                    Act::Note => b.end_note(),
                    _ => {}
                }
            }
            Event::Text(t) if reading => b.text(&t.xml10_content()),
            Event::CData(t) if reading => b.text(&t.xml10_content()),
            Event::GeneralRef(g) if reading => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    let mut tmp = [0u8; 4];
                    b.text(c.encode_utf8(&mut tmp));
                } else if let Some(s) =
                    quick_xml::escape::resolve_predefined_entity(&g.xml10_content())
                {
                    b.text(s);
                }
            }
            Event::Eof if !open.is_empty() => {
                return Err("the XML ends inside an element (cut short?)".into())
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(b.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn word_paragraphs_tables_and_marks() {
        let xml = format!(
            r#"<w:document {W}><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Dear</w:t></w:r><w:r><w:t xml:space="preserve"> Sir &amp; Madam,</w:t></w:r></w:p>
<w:p/>
<w:p><w:r><w:t>Withheld under s.40</w:t><w:tab/><w:t>(2)</w:t><w:br/><w:t>next</w:t></w:r><w:del><w:r><w:delText>s.36</w:delText></w:r></w:del></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Item</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ground</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Fee</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>s.43</w:t></w:r></w:p><w:p><w:r><w:t>(2)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t>Yours&#x2019;</w:t></w:r></w:p></w:body></w:document>"#
        );
        let text = walk(&xml, Dialect::Docx, None).unwrap();
        assert_eq!(
            text,
            "Dear Sir & Madam,\n\nWithheld under s.40\t(2)\nnext\n\nItem | Ground\nFee | s.43 (2)\n\nYours\u{2019}"
        );
    }

    #[test]
    fn odf_spaces_notes_and_regions() {
        let xml = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:body><office:text>
<text:h>Title</text:h><text:p>A<text:s text:c="2"/>B<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>The note.</text:p></text:note-body></text:note> C</text:p>
<office:annotation><text:p>a comment</text:p></office:annotation>
<style:header><text:p>Head</text:p></style:header></office:text></office:body></office:document-content>"#;
        assert_eq!(
            walk(xml, Dialect::Odt, None).unwrap(),
            "Title\n\nA  B C\n\nHead\n\nThe note."
        );
        assert_eq!(
            walk(xml, Dialect::Odt, Some(Region::Header)).unwrap(),
            "Head"
        );
    }

    #[test]
    fn bad_xml_is_an_error_not_a_panic() {
        let _ = walk("<w:p><w:t>x</w:p>", Dialect::Docx, None);
        let _ = walk("<a b='", Dialect::Odt, None);
        let _ = walk("&#0;&#xD800;&bogus;", Dialect::Odt, None);
    }
}
