//! The `kst` binary: parse the command line, run, exit with the code the run decided.

fn main() {
    std::process::exit(kst::cli::main());
}
