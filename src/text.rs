//! Byte offsets on character boundaries. Rules look a fixed number of bytes back from a place
//! ("the 80 bytes before the bracket"); in Dutch text with «», ë and – such a count can land
//! inside a character, so every window is moved to the boundary before it.

/// The largest character boundary at or before `i` (the end of `text` past it).
pub fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest character boundary at or after `i` (the end of `text` past it).
pub fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The text of at most about `bytes` bytes that ends at `at` (a character boundary).
pub fn window_before(text: &str, at: usize, bytes: usize) -> &str {
    let at = floor_boundary(text, at);
    &text[floor_boundary(text, at.saturating_sub(bytes))..at]
}

/// The text of at most about `bytes` bytes that starts at `at` (a character boundary).
pub fn window_after(text: &str, at: usize, bytes: usize) -> &str {
    let at = floor_boundary(text, at);
    &text[at..floor_boundary(text, at.saturating_add(bytes).min(text.len()))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_never_split_a_character() {
        let t = "artikel «één» – twee";
        for at in 0..=t.len() {
            for n in 0..8 {
                let w = window_before(t, at, n);
                assert!(t[..floor_boundary(t, at)].ends_with(w));
                assert!(w.len() <= n + 3, "{w:?}");
            }
            assert!(t.is_char_boundary(ceil_boundary(t, at)));
        }
        assert_eq!(window_before(t, 7, 3), "kel");
        assert_eq!(ceil_boundary(t, 100), t.len());
    }
}
