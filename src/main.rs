//! The `kst` binary: parse the command line, run, exit with the code the run decided.

// jemalloc: `kst index` allocates many short strings per sentence; see docs/performance.md.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    std::process::exit(kst::cli::main());
}
