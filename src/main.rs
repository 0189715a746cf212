//! The `kst` binary: parse the command line, run, exit with the code the run decided.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(kst::cli::main());
}
