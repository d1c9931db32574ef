//! Tokens that respect annotation boundaries: the tokenizer's tokens, cut again
//! wherever a span starts or ends inside one, so every span is a whole number of
//! tokens (what spaCy's `Doc.char_span`, IOB tags and token-level agreement need).

use crate::text::{tokenize, ByteSpan};

/// The text's tokens (white space excluded) cut at every offset in `cuts`
/// (byte offsets on character boundaries; order and duplicates do not matter).
pub fn cut_tokens(text: &str, cuts: &[usize]) -> Vec<ByteSpan> {
    let mut cuts = cuts.to_vec();
    crate::order::sort(&mut cuts);
    cuts.dedup();
    let mut out = Vec::new();
    let mut k = 0;
    for t in tokenize(text) {
        let (mut a, b) = (t.span.start().0, t.span.end().0);
        while k < cuts.len() && cuts[k] <= a {
            k += 1;
        }
        let mut j = k;
        while j < cuts.len() && cuts[j] < b {
            out.extend(ByteSpan::from_raw(a, cuts[j]).ok());
            a = cuts[j];
            j += 1;
        }
        out.extend(ByteSpan::from_raw(a, b).ok());
    }
    out
}

/// Every start and end of `spans`, in bytes.
pub fn boundaries<'s>(spans: impl IntoIterator<Item = &'s ByteSpan>) -> Vec<usize> {
    spans
        .into_iter()
        .flat_map(|s| [s.start().0, s.end().0])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_cut_inside_words_only_where_asked() {
        let text = "Azerbaijani forces";
        let t = cut_tokens(text, &[0, 6, 18]);
        let words: Vec<&str> = t.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(words, ["Azerba", "ijani", "forces"]);
    }
}
