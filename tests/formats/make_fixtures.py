#!/usr/bin/env python3
"""Regenerates the binary fixtures in this folder from letter.txt (needs: pip install fpdf2).

letter.pdf   the letter as a PDF with a text layer
letter.eml   an e-mail whose body points to the letter, attached as response.pdf
truncated.eml  the same e-mail cut two thirds of the way through
corrupt.pdf  a PDF header followed by damage
blank.pdf    a valid one-page PDF with no text (what a scan looks like to a text extractor)
letter.html  the letter as a web page, with a script and navigation that are not letter text
"""
import datetime
import html
from email.message import EmailMessage

from fpdf import FPDF

text = open("letter.txt").read()

pdf = FPDF()
pdf.set_creation_date(datetime.datetime(2025, 1, 1))
pdf.add_page()
pdf.set_font("Helvetica", size=11)
for para in text.split("\n\n"):
    pdf.multi_cell(0, 6, para.replace("\n", " "))
    pdf.ln(4)
pdf.output("letter.pdf")

m = EmailMessage()
m["From"] = "Leisure Services <foi@example.gov.uk>"
m["To"] = "Ms Harper <request-1@example.org>"
m["Subject"] = "Your request about the leisure centre contract"
m["Date"] = "Mon, 3 Mar 2025 10:15:00 +0000"
m["Message-ID"] = "<fixture-1@example.gov.uk>"
m.set_content("Dear Ms Harper,\n\nPlease find our response attached.\n\nLeisure Services\n")
m.add_attachment(open("letter.pdf", "rb").read(), maintype="application", subtype="pdf", filename="response.pdf")
raw = bytes(m)
open("letter.eml", "wb").write(raw)
open("truncated.eml", "wb").write(raw[: len(raw) * 2 // 3])

open("corrupt.pdf", "wb").write(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nthis is not a pdf\n")

blank = FPDF()
blank.set_creation_date(datetime.datetime(2025, 1, 1))
blank.add_page()
blank.rect(20, 20, 100, 60)
blank.output("blank.pdf")

body = "\n".join("<p>" + html.escape(p).replace("\n", " ") + "</p>" for p in text.split("\n\n"))
open("letter.html", "w").write(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Response to request 2025-031</title>
<style>body {{ font-family: sans-serif; }}</style>
<script>console.log("not part of the letter: section 36");</script></head>
<body><nav><a href="/">Home</a></nav>
<main>
{body}
</main></body></html>
""")
