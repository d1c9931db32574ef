//! Throughput of the automatic annotator, in MB/s of input text.
//!
//! Groups:
//! - `layers/<size>`: the full [`claimlens_core::annotate`], the shared text analysis
//!   (tokens, sentences, lower case) alone, and each extractor alone over that analysis
//!   (`actors`, `dates`, `claims` given the actors) on generated English news text at
//!   250 KB, 500 KB, 1 MB and 2 MB, so the figures show whether cost is linear.
//! - `short/paragraph`: one paragraph, for the fixed cost of a call.
//! - `export/1MB`: annotation plus the native JSON the JavaScript API returns, and
//!   the JSON alone.
//! - `pathological`: the full annotator on inputs built to hurt (digits and month
//!   names, only punctuation, unbalanced quotes, NUL and replacement characters, and
//!   10 MB on one line).
//!
//! Times are CPU time of the benchmarking thread where Linux reports it (see
//! `clock`), so a busy machine does not lower the figures.
//!
//! Run: `cargo bench -p claimlens-core --bench annotate` (or add `-- --quick`, or a
//! filter such as `-- layers/1MB`); see `benches/README.md`.

use std::hint::black_box;
use std::time::Duration;

use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::native;
use claimlens_core::text::Analysis;
use claimlens_core::{actors, annotate, claims, dates};
use criterion::measurement::Measurement;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput};

mod clock;

#[path = "../tests/support/mod.rs"]
mod support;

const KB: usize = 1000;
const MB: usize = 1000 * KB;

/// Sizes of the linearity series, with their labels.
const SIZES: [(&str, usize); 4] = [
    ("250KB", 250 * KB),
    ("500KB", 500 * KB),
    ("1MB", MB),
    ("2MB", 2 * MB),
];

/// Few samples and short windows: the machine is shared and a 2 MB run is slow
/// enough that a handful of samples already give a stable mean.
fn configured<M: Measurement>(c: &mut Criterion<M>, name: String) -> BenchmarkGroup<'_, M> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group
}

fn layers<M: Measurement>(c: &mut Criterion<M>) {
    let dct = CalendarDate::new(2021, 3, 15);
    for (label, size) in SIZES {
        let text = support::news(size, 1);
        // The layers alone read the shared analysis, built outside their timing,
        // as `annotate` builds it once for all three.
        let analysis = Analysis::new(&text);
        let found_actors = actors::extract_in(&analysis);
        let mut group = configured(c, format!("layers/{label}"));
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_function("full", |b| {
            b.iter(|| annotate("bench", black_box(&text), dct))
        });
        group.bench_function("analysis", |b| b.iter(|| Analysis::new(black_box(&text))));
        group.bench_function("actors", |b| {
            b.iter(|| actors::extract_in(black_box(&analysis)))
        });
        group.bench_function("dates", |b| {
            b.iter(|| dates::extract_in(black_box(&analysis), dct))
        });
        group.bench_function("claims", |b| {
            b.iter(|| claims::extract_in(black_box(&analysis), black_box(&found_actors)))
        });
        group.finish();
    }
}

/// A single paragraph: shows the fixed cost of a call (set-up per text, not per
/// byte), which dominates when the page re-annotates a short paste.
fn short<M: Measurement>(c: &mut Criterion<M>) {
    let text = support::news(600, 3);
    let dct = CalendarDate::new(2021, 3, 15);
    let mut group = configured(c, "short".into());
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_function("paragraph", |b| {
        b.iter(|| annotate("bench", black_box(&text), dct))
    });
    group.finish();
}

fn export<M: Measurement>(c: &mut Criterion<M>) {
    let text = support::news(MB, 1);
    let dct = CalendarDate::new(2021, 3, 15);
    let mut group = configured(c, "export/1MB".into());
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    group.bench_function("annotate+to_json", |b| {
        b.iter(|| native::to_json(&annotate("bench", black_box(&text), dct)))
    });
    let doc = annotate("bench", &text, dct);
    group.bench_function("to_json", |b| b.iter(|| native::to_json(black_box(&doc))));
    group.finish();
}

fn pathological<M: Measurement>(c: &mut Criterion<M>) {
    let inputs: [(&str, String); 5] = [
        ("digits_and_months_1MB", support::digits_and_months(MB)),
        ("punctuation_1MB", support::punctuation(MB)),
        ("unbalanced_quotes_1MB", support::unbalanced_quotes(MB)),
        ("nul_and_replacement_1MB", support::with_odd_chars(MB)),
        ("one_line_10MB", support::one_line(10 * MB)),
    ];
    let mut group = configured(c, "pathological".into());
    for (name, text) in &inputs {
        group.throughput(Throughput::BytesDecimal(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            // No dct, so the date layer also runs its own dateline inference.
            b.iter(|| annotate("bench", black_box(text), None))
        });
    }
    group.finish();
}

fn run<M: Measurement>(mut c: Criterion<M>) {
    layers(&mut c);
    short(&mut c);
    export(&mut c);
    pathological(&mut c);
    c.final_summary();
}

fn main() {
    if clock::cpu_time_available() {
        run(Criterion::default()
            .with_measurement(clock::CpuTime::new())
            .configure_from_args());
    } else {
        run(Criterion::default().configure_from_args());
    }
}
