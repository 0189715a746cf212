//! Dutch dates in prose ("18 oktober 2021", "4 december jl.") and ISO dates.

use regex::Regex;
use std::sync::LazyLock;

pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

pub static DUTCH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([0-3]?\d)\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+((?:19|20)\d{2})\b")
        .expect("valid regex")
});

/// A date as `YYYY-MM-DD`, if the parts make a real date.
pub fn iso(year: i32, month: u32, day: u32) -> Option<String> {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Parse `YYYY-MM-DD`.
pub fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    iso(y, m, d).map(|_| (y, m, d))
}

/// Every Dutch date in `text`, as ISO strings with their byte offsets.
pub fn find_all(text: &str) -> Vec<(usize, String)> {
    DUTCH_DATE
        .captures_iter(text)
        .filter_map(|c| {
            let day: u32 = c[1].parse().ok()?;
            let month = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&c[2]))? as u32 + 1;
            let year: i32 = c[3].parse().ok()?;
            Some((c.get(0)?.start(), iso(year, month, day)?))
        })
        .collect()
}

/// A user's `--from` / `--to` bound: `2021`, `2021-10` or `2021-10-18`. `end` picks the last
/// day of a year or month.
pub fn parse_bound(s: &str, end: bool) -> Option<String> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => Some(if end {
            format!("{year:04}-12-31")
        } else {
            format!("{year:04}-01-01")
        }),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let last = (28..=31).rev().find(|&d| iso(year, month, d).is_some())?;
            iso(year, month, if end { last } else { 1 })
        }
        3 => iso(year, parts[1].parse().ok()?, parts[2].parse().ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_dates_become_iso() {
        let found =
            find_all("Den Haag, 18 oktober 2021 en op 9 Oktober 2024; niet 31 februari 2021.");
        assert_eq!(
            found.iter().map(|(_, d)| d.as_str()).collect::<Vec<_>>(),
            vec!["2021-10-18", "2024-10-09"]
        );
    }

    #[test]
    fn bounds() {
        assert_eq!(parse_bound("2020", false).unwrap(), "2020-01-01");
        assert_eq!(parse_bound("2024", true).unwrap(), "2024-12-31");
        assert_eq!(parse_bound("2024-02", true).unwrap(), "2024-02-29");
        assert_eq!(parse_bound("2021-10-18", true).unwrap(), "2021-10-18");
        assert!(parse_bound("gisteren", true).is_none());
    }
}
