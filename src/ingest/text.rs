//! Bytes of a `.txt` file → text. UTF-8 is the norm; other encodings (Windows-1252 from older
//! exports) are detected and converted with a warning; binary data is refused.

pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decode text bytes, or say why they are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err("not a text file (binary data)".to_string());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: s.to_string(),
            warning: None,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"nl"), chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = encoding.decode(bytes);
    let mut warning = format!("not UTF-8; decoded as {}", encoding.name());
    if had_errors {
        warning.push_str(" (some bytes could not be decoded and were replaced)");
    }
    Ok(Decoded {
        text: text.into_owned(),
        warning: Some(warning),
    })
}

/// NUL bytes or a high share of control bytes mean the file is not text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn utf8_passes_and_bom_is_dropped() {
        let d = decode("\u{feff}geïntroduceerd".as_bytes()).unwrap();
        assert_eq!(d.text, "geïntroduceerd");
        assert!(d.warning.is_none());
    }

    #[test]
    fn windows_1252_is_converted_with_a_warning() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("De financiële gevolgen voor België zijn geïntroduceerd – zegt de minister.");
        let d = decode(&bytes).unwrap();
        assert_eq!(
            d.text,
            "De financiële gevolgen voor België zijn geïntroduceerd – zegt de minister."
        );
        assert!(d.warning.unwrap().contains("windows-1252"));
    }

    #[test]
    fn binary_junk_is_refused() {
        assert!(decode(&[0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]).is_err());
        let junk: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(decode(&junk).is_err());
    }
}
