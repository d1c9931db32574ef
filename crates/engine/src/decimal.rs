//! Writing integers in decimal without the formatting machinery: the date layer writes
//! thousands of values (`2021-03-05`, `T14:30`, `P1.5Y`) a megabyte.

/// Appends `n` in decimal, zero-padded to `width` characters with the sign counted,
/// exactly as `format!("{n:0width$}")` writes it. The date layer writes thousands of
/// values a megabyte, and the formatting machinery cost more than working them out.
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut v = n.unsigned_abs();
    loop {
        k -= 1;
        digits[k] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    let written = digits.len() - k + usize::from(n < 0);
    for _ in written..width {
        out.push('0');
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_are_written_as_format_writes_them() {
        for n in [
            0,
            7,
            -7,
            42,
            -42,
            999,
            1000,
            -1000,
            12345,
            i64::MAX,
            i64::MIN,
        ] {
            for width in 0..6 {
                let mut out = String::new();
                push_padded(&mut out, n, width);
                assert_eq!(out, format!("{n:0width$}"), "{n} {width}");
            }
        }
    }
}
