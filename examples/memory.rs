//! Peak heap memory of classifying one long letter, counted by a wrapping global allocator.
//!
//! ```text
//! cargo run --release --example memory            # the benchmarks' generated 10 MB letter
//! cargo run --release --example memory -- LETTER  # a letter of your own
//! ```
//!
//! Prints the letter's size, the heap in use before `classify` (the letter and the built
//! classifier), the most the heap grew while classifying, and both as multiples of the letter.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

#[allow(dead_code)]
#[path = "../benches/corpus/mod.rs"]
mod corpus;

/// The system allocator, keeping count of the bytes in use and their high-water mark.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    let now = IN_USE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed on to `System` unchanged; only counters are updated around it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() -> std::process::ExitCode {
    let text = match std::env::args_os().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", path.to_string_lossy());
                return std::process::ExitCode::from(2);
            }
        },
        None => corpus::long_letter(10 * 1024 * 1024, 7).text,
    };
    let classifier = foi_refusal::Classifier::new();
    // Compile the lazily built patterns on a small letter first, so that the count below is
    // what classifying the long letter itself costs.
    let _ = classifier.classify(&text[..text.len().min(64 * 1024)]);
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let report = classifier.classify(&text);
    let peak = PEAK.load(Ordering::Relaxed);
    let len = text.len();
    println!("letter:                 {:8.2} MiB", mib(len));
    println!(
        "heap before classify:   {:8.2} MiB (the letter and the classifier)",
        mib(before)
    );
    println!(
        "heap growth, classify:  {:8.2} MiB = {:.2}x the letter",
        mib(peak - before),
        (peak - before) as f64 / len.max(1) as f64
    );
    println!(
        "peak heap in all:       {:8.2} MiB = {:.2}x the letter",
        mib(peak),
        peak as f64 / len.max(1) as f64
    );
    println!("findings:               {}", report.findings.len());
    std::process::ExitCode::SUCCESS
}
