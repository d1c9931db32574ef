//! Numbers with a fixed count of decimals for display (sizes, scores), written from
//! integers: Rust's float printing costs about 10 KB of wasm, and these were its only
//! users besides one rule of the date layer.

/// `x` rounded to `places` decimals (at most 6), as `format!("{x:.places$}")` writes it
/// except that halves round away from zero; "n/a" for a value that is not finite.
pub fn fixed(x: f64, places: u32) -> String {
    if !x.is_finite() {
        return "n/a".to_owned();
    }
    let places = places.min(6);
    let scale = 10_i64.pow(places);
    // Saturates far beyond any size or score shown here.
    let scaled = (x.abs() * scale as f64).round() as i64;
    let sign = if x < 0.0 && scaled != 0 { "-" } else { "" };
    let whole = scaled / scale;
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = scaled % scale;
    format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn writes_what_format_writes() {
        for (x, places) in [
            (0.0, 1),
            (66.666, 1),
            (100.0, 1),
            (0.123_456, 3),
            (-0.25, 3),
            (1023.9, 0),
            (5.04, 1),
            (-0.0001, 3),
        ] {
            let ours = fixed(x, places);
            let rust = format!("{x:.p$}", p = places as usize);
            // Rust keeps the sign of a negative value that rounds to zero ("-0.000").
            assert_eq!(ours, rust.replace("-0.000", "0.000"), "{x} to {places}");
        }
        assert_eq!(fixed(f64::NAN, 3), "n/a");
    }
}
