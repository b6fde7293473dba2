//! Small one-page PDF files for the demo documents' attachments.
//!
//! The text keeps its Vietnamese marks: the PDF standard fonts have no glyphs
//! for most of them, so DejaVu Sans (the `dejavu` crate) is embedded, and krilla
//! writes only the glyphs used, with a Unicode map so the text can be copied
//! and searched in any PDF reader.

use std::sync::LazyLock;

use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use krilla::Document;

const PAGE_WIDTH: f32 = 595.0; // A4, in points
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const FONT_SIZE: f32 = 11.0;
const LINE_HEIGHT: f32 = 15.0;

/// Widths for wrapping, read once from the same font the page is set in.
static METRICS: LazyLock<ttf_parser::Face<'static>> = LazyLock::new(|| {
    ttf_parser::Face::parse(dejavu::sans::regular(), 0).expect("DejaVu Sans parses")
});

/// A4 page, DejaVu Sans 11 pt, `lines` from the top (longer lines are wrapped
/// to the margins; an empty line leaves a gap).
pub fn render(lines: &[String]) -> Vec<u8> {
    let font = Font::new(dejavu::sans::regular().into(), 0).expect("DejaVu Sans loads");
    let mut document = Document::new();
    let mut page = document
        .start_page_with(PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a size"));
    let mut surface = page.surface();
    let mut baseline = MARGIN + FONT_SIZE;
    for line in lines
        .iter()
        .flat_map(|l| wrap(l, PAGE_WIDTH - 2.0 * MARGIN))
    {
        surface.draw_text(
            Point::from_xy(MARGIN, baseline),
            font.clone(),
            FONT_SIZE,
            &line,
            false,
            TextDirection::Auto,
        );
        baseline += LINE_HEIGHT;
    }
    surface.finish();
    page.finish();
    document.finish().expect("a page of text always serializes")
}

/// Width of `text` in points at [`FONT_SIZE`].
fn width(text: &str) -> f32 {
    let face = &*METRICS;
    let units: u32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(0, u32::from)
        })
        .sum();
    units as f32 * FONT_SIZE / f32::from(face.units_per_em())
}

/// Breaks `line` between words so that no piece is wider than `max` points
/// (a single word wider than that stays whole).
fn wrap(line: &str, max: f32) -> Vec<String> {
    let mut out = vec![String::new()];
    for word in line.split_whitespace() {
        let last = out.last_mut().expect("never empty");
        if last.is_empty() {
            last.push_str(word);
        } else if width(last) + width(" ") + width(word) > max {
            out.push(word.to_owned());
        } else {
            last.push(' ');
            last.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{render, width, wrap};

    #[test]
    fn a_valid_pdf_with_the_font_embedded() {
        let pdf = render(&["Công văn số 6748/UBND-NL5 (bản chính)".to_owned()]);
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
        let has = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
        assert!(has(b"/FontFile2"), "the font is embedded");
        assert!(has(b"/ToUnicode"), "the text can be copied");
        // Only the glyphs used are embedded: far below the font's own size.
        assert!(pdf.len() < 40_000, "{} bytes", pdf.len());
    }

    /// Read back by a real PDF reader (poppler's pdftotext), marks and all.
    #[test]
    fn the_text_reads_back_with_its_marks() {
        use std::io::Write;
        use std::process::{Command, Stdio};
        let lines = [
            "Công văn số 6748/UBND-NL5 (bản chính)".to_owned(),
            String::new(),
            "Người ký: Nguyễn Văn A; Cơ quan ban hành: Ủy ban nhân dân tỉnh".to_owned(),
        ];
        let mut reader = Command::new("pdftotext")
            .args(["-", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("pdftotext (Debian's poppler-utils; scripts/setup.sh installs it)");
        reader
            .stdin
            .take()
            .unwrap()
            .write_all(&render(&lines))
            .unwrap();
        let out = reader.wait_with_output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        for line in lines.iter().filter(|l| !l.is_empty()) {
            assert!(text.contains(line.as_str()), "{line:?} not in {text:?}");
        }
    }

    #[test]
    fn long_lines_wrap_within_the_margins() {
        let line = "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện Chương trình mục tiêu \
                    quốc gia xây dựng nông thôn mới giai đoạn 2021 – 2025 trên địa bàn tỉnh.";
        let pieces = wrap(line, 300.0);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| width(p) <= 300.0));
        assert_eq!(pieces.join(" "), line);
        assert_eq!(wrap("", 300.0), vec![String::new()]);
    }
}
