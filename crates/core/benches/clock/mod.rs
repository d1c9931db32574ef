//! The bench's clock: CPU time of the benchmarking thread, not wall time.
//!
//! The benchmarks run on a machine shared with other builds; wall time then counts
//! the time the thread waits for a core, and MB/s figures fall with the machine's
//! load rather than with the annotator's cost. The kernel's per-thread run time
//! (`/proc/thread-self/schedstat`, nanoseconds on a CPU) does not. Where that file
//! cannot be read (not Linux), or with `CLAIMLENS_BENCH_CLOCK=wall`, the bench falls
//! back to criterion's wall clock.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// Nanoseconds the current thread has spent on a CPU, if the kernel says.
fn thread_cpu_ns() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// True when the bench should time with [`CpuTime`].
pub fn cpu_time_available() -> bool {
    std::env::var("CLAIMLENS_BENCH_CLOCK").map_or(true, |v| v != "wall")
        && thread_cpu_ns().is_some()
}

/// Criterion measurement of thread CPU time, in nanoseconds; formatted like wall time
/// (the values are durations), so throughput still prints as bytes per second.
pub struct CpuTime {
    /// Only lends its duration formatter.
    wall: WallTime,
}

impl CpuTime {
    /// The clock.
    pub fn new() -> Self {
        CpuTime { wall: WallTime }
    }
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns().unwrap_or(0)
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().unwrap_or(start).saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}
