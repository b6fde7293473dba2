//! Small one-page PDF files for the demo documents' attachments.
//!
//! The PDF standard fonts cannot show Vietnamese marks without embedding a
//! font, so the text is written without them; what matters here is a real,
//! valid file to download. A PDF crate would be far larger than these lines.

use crate::text::strip_marks;

/// A4 page, Helvetica 11 pt, `lines` from the top (longer lines are wrapped).
pub fn render(lines: &[String]) -> Vec<u8> {
    let mut text = String::from("BT /F1 11 Tf 14 TL 56 790 Td\n");
    for line in lines.iter().flat_map(|l| wrap(&strip_marks(l), 90)) {
        text.push('(');
        for c in line.chars() {
            match c {
                '(' | ')' | '\\' => {
                    text.push('\\');
                    text.push(c);
                }
                c if c.is_ascii() && !c.is_ascii_control() => text.push(c),
                _ => text.push('?'),
            }
        }
        text.push_str(") Tj T*\n");
    }
    text.push_str("ET");

    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn wrap(line: &str, width: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for word in line.split_whitespace() {
        let last = out.last_mut().expect("never empty");
        if !last.is_empty() && last.len() + 1 + word.len() > width {
            out.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn a_valid_pdf_with_its_text() {
        let pdf = render(&["Công văn số 6748/UBND-NL5 (bản chính)".to_owned()]);
        let text = String::from_utf8(pdf.clone()).unwrap();
        assert!(text.starts_with("%PDF-1.4\n") && text.ends_with("%%EOF\n"));
        assert!(text.contains("(Cong van so 6748/UBND-NL5 \\(ban chinh\\)) Tj"));
        // Every xref offset points at its object.
        let xref_at: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let table = &text[xref_at..];
        for (i, line) in table.lines().skip(3).take(5).enumerate() {
            let off: usize = line[..10].parse().unwrap();
            assert!(text[off..].starts_with(&format!("{} 0 obj", i + 1)));
        }
    }
}
