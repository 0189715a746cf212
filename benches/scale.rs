//! The scale benchmark (issue 6): kst against plain tantivy on a generated corpus, in one run.
//!
//! ```sh
//! cargo bench --bench scale                              # 20,000 letters
//! cargo bench --bench scale -- --docs 100000             # or KST_BENCH_DOCS=100000
//! cargo bench --bench scale -- --corpus /tmp/kstbench-21k --json /tmp/scale.json
//! ```
//! Options (argument or environment variable):
//! `--docs N` (KST_BENCH_DOCS, default 20000); `--corpus DIR` (KST_BENCH_CORPUS: a directory made
//! by `gen_corpus.py --docs N+1000`, reused instead of generating one); `--work DIR`
//! (KST_BENCH_WORK, default `$TMPDIR/kst-bench-N`: indexes and the generated corpus go there,
//! never into the repository); `--json PATH` (KST_BENCH_JSON, default
//! `target/bench-scale-N.json`); `--kills K` (KST_BENCH_KILLS, default 3); `--pairs P`
//! (KST_BENCH_PAIRS: alternated raw/kst indexing runs, default 2 up to 20k, else 1); `--big-mb M`
//! (KST_BENCH_BIG_MB, default 50); `--reps R` (KST_BENCH_REPS, default 20); `--skip a,b`
//! (KST_BENCH_SKIP: sections raw, kst, queries, graph, cold, incremental, recall, kill, big).
//!
//! Why it is built like this:
//! - The corpus is generated once with N+1000 letters; the first N (in `truth.jsonl` order,
//!   which is date order) are the base batch and the last 1000 the incremental batch. A
//!   separate `--docs N` run would give another corpus (dates and numbers are drawn for the
//!   whole set), so the incremental letters could not be compared with the base.
//! - Both indexers run as child processes, measured by wall time and peak RSS (`VmHWM` of
//!   exactly that process): kst as the release binary, the raw-tantivy baseline as this bench
//!   binary re-executed with `__raw_index`, with the same writer memory budget and threads.
//! - Queries run in-process through `kst::query::search::search` (1 warm-up + R reps per query,
//!   as ../shared/bench/BASELINES.md did), and the same lines through raw tantivy with the
//!   default tokenizer and snippets, so each figure has its ratio to the raw engine.
//! - Commands that other work adds later (cited-by, cites, graph, stance) are run as
//!   subprocesses when the built binary lists them, and reported "n/a" otherwise.

use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KST: &str = env!("CARGO_BIN_EXE_kst");
const MEMORY_MB: usize = 256;
const INCREMENT: usize = 1000;

fn main() {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("__raw_index") {
        let code = match raw::index(Path::new(&argv[2]), Path::new(&argv[3]), MEMORY_MB) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("raw index: {e}");
                2
            }
        };
        std::process::exit(code);
    }
    let cfg = Config::from_args(&argv);
    if let Err(e) = run(&cfg) {
        eprintln!("bench: {e}");
        std::process::exit(2);
    }
}

type BoxError = Box<dyn std::error::Error>;

struct Config {
    docs: usize,
    corpus: Option<PathBuf>,
    work: PathBuf,
    json: PathBuf,
    kills: usize,
    /// Alternated raw/kst indexing runs (A B A B); medians are quoted.
    pairs: usize,
    big_mb: usize,
    reps: usize,
    skip: HashSet<String>,
}

impl Config {
    fn from_args(argv: &[String]) -> Config {
        let mut opts: HashMap<String, String> = HashMap::new();
        for (key, var) in [
            ("docs", "KST_BENCH_DOCS"),
            ("corpus", "KST_BENCH_CORPUS"),
            ("work", "KST_BENCH_WORK"),
            ("json", "KST_BENCH_JSON"),
            ("kills", "KST_BENCH_KILLS"),
            ("pairs", "KST_BENCH_PAIRS"),
            ("big-mb", "KST_BENCH_BIG_MB"),
            ("reps", "KST_BENCH_REPS"),
            ("skip", "KST_BENCH_SKIP"),
        ] {
            if let Ok(v) = std::env::var(var) {
                opts.insert(key.to_string(), v);
            }
        }
        // `cargo bench` adds `--bench`; anything not ours is ignored.
        let mut i = 1;
        while i < argv.len() {
            if let Some(key) = argv[i].strip_prefix("--") {
                if let Some((k, v)) = key.split_once('=') {
                    opts.insert(k.to_string(), v.to_string());
                } else if key != "bench" && i + 1 < argv.len() {
                    opts.insert(key.to_string(), argv[i + 1].clone());
                    i += 1;
                }
            }
            i += 1;
        }
        let num = |k: &str, d: usize| opts.get(k).and_then(|v| v.parse().ok()).unwrap_or(d);
        let docs = num("docs", 20_000);
        let work = opts
            .get("work")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join(format!("kst-bench-{docs}")));
        let json = opts.get("json").map(PathBuf::from).unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-scale-{docs}.json"))
        });
        Config {
            docs,
            corpus: opts.get("corpus").map(PathBuf::from),
            work,
            json,
            kills: num("kills", 3),
            pairs: num("pairs", if docs <= 20_000 { 2 } else { 1 }).max(1),
            big_mb: num("big-mb", 50),
            reps: num("reps", 20).max(1),
            skip: opts
                .get("skip")
                .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
                .unwrap_or_default(),
        }
    }
    fn runs(&self, section: &str) -> bool {
        !self.skip.contains(section)
    }
}

/// One line of the result table.
struct Row {
    section: &'static str,
    name: String,
    value: Option<f64>,
    unit: &'static str,
    /// The raw-tantivy figure this one is compared with.
    raw: Option<f64>,
    target: Option<String>,
    note: String,
}

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
    extra: BTreeMap<String, Value>,
}

impl Report {
    fn add(
        &mut self,
        section: &'static str,
        name: impl Into<String>,
        value: f64,
        unit: &'static str,
    ) -> &mut Row {
        self.rows.push(Row {
            section,
            name: name.into(),
            value: Some(value),
            unit,
            raw: None,
            target: None,
            note: String::new(),
        });
        self.rows.last_mut().expect("just pushed")
    }
    fn na(&mut self, section: &'static str, name: impl Into<String>, why: impl Into<String>) {
        self.rows.push(Row {
            section,
            name: name.into(),
            value: None,
            unit: "",
            raw: None,
            target: None,
            note: why.into(),
        });
    }
}

impl Row {
    fn raw(&mut self, raw: f64) -> &mut Row {
        self.raw = Some(raw);
        self
    }
    fn target(&mut self, t: &str) -> &mut Row {
        self.target = Some(t.to_string());
        self
    }
    fn note(&mut self, n: impl Into<String>) -> &mut Row {
        self.note = n.into();
        self
    }
}

/// A child process's wall time, peak resident memory and exit.
struct Measured {
    wall: Duration,
    max_rss_mb: f64,
    /// The largest private (anonymous) part of the resident memory seen while polling: the
    /// rest of `max_rss_mb` is pages of files the process mapped (the index's segments), which
    /// the kernel can drop and read again under memory pressure.
    max_anon_mb: f64,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run `cmd` to completion (or until `timeout`, then SIGKILL); wall time and peak memory.
fn measure(cmd: &mut Command, timeout: Option<Duration>) -> Result<Measured, BoxError> {
    let out = tempfile::NamedTempFile::new()?;
    let err = tempfile::NamedTempFile::new()?;
    cmd.stdout(Stdio::from(out.reopen()?))
        .stderr(Stdio::from(err.reopen()?))
        .stdin(Stdio::null());
    let started = Instant::now();
    let child = cmd.spawn()?;
    let (status, peak) = wait4(child.id() as libc::pid_t, started, timeout)?;
    let wall = started.elapsed();
    let code = if libc::WIFEXITED(status) {
        Some(libc::WEXITSTATUS(status))
    } else {
        None
    };
    Ok(Measured {
        wall,
        max_rss_mb: peak.hwm_kb as f64 / 1024.0,
        max_anon_mb: peak.anon_kb as f64 / 1024.0,
        code,
        stdout: fs::read_to_string(out.path()).unwrap_or_default(),
        stderr: fs::read_to_string(err.path()).unwrap_or_default(),
    })
}

/// A child's peak memory, in kB: the kernel's high-water mark of its resident set, and the
/// largest private (anonymous) part of it seen while polling.
#[derive(Default, Clone, Copy)]
struct Peak {
    hwm_kb: u64,
    anon_kb: u64,
}

impl Peak {
    /// Take in one reading of `/proc/PID/status`.
    fn read(&mut self, status: &str) {
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        };
        if let Some(kb) = field("VmHWM:") {
            self.hwm_kb = self.hwm_kb.max(kb);
        }
        if let Some(kb) = field("RssAnon:") {
            self.anon_kb = self.anon_kb.max(kb);
        }
    }
}

/// Wait for `pid`, polling, and track its peak resident memory from `/proc/PID/status`
/// (`VmHWM`, and the sampled maximum of `RssAnon`). Not `ru_maxrss`: Linux carries the
/// parent's high-water mark into a child across fork and exec, so a bench process holding
/// 100k truth lines and index pages would be reported as every child's peak.
fn wait4(
    pid: libc::pid_t,
    started: Instant,
    timeout: Option<Duration>,
) -> Result<(i32, Peak), BoxError> {
    let mut status = 0;
    // SAFETY: rusage is plain old data; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status_path = format!("/proc/{pid}/status");
    let mut peak = Peak::default();
    loop {
        if let Ok(s) = fs::read_to_string(&status_path) {
            peak.read(&s);
        }
        // SAFETY: pid is our child, status and usage are valid for writes.
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            return Ok((status, peak));
        }
        if r < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e.into());
        }
        if let Some(t) = timeout {
            if started.elapsed() > t {
                // SAFETY: signalling our own child.
                unsafe { libc::kill(pid, libc::SIGKILL) };
                let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
                if r == pid {
                    return Ok((status, peak));
                }
                return Err("could not reap a child that timed out".into());
            }
        }
        // Short processes (cold start) are polled finely, long ones (indexing) less often.
        let pause = if started.elapsed() < Duration::from_millis(500) {
            1
        } else {
            20
        };
        std::thread::sleep(Duration::from_millis(pause));
    }
}

fn kst(index: &Path) -> Command {
    let mut c = Command::new(KST);
    c.arg("--index").arg(index).arg("--quiet");
    c
}

fn dir_bytes(dir: &Path) -> u64 {
    walk(dir)
        .iter()
        .filter_map(|p| p.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    // Nearest rank, as BASELINES.md used.
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

fn median(v: &[f64]) -> f64 {
    percentile(&sorted(v.to_vec()), 50.0)
}

/// Deterministic xorshift, so kill moments are reproducible from the printed seed.
struct Rng(u64);
impl Rng {
    fn next_f64(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The generated corpus split into the base batch and the incremental batch.
struct Corpus {
    dir: PathBuf,
    base: PathBuf,
    incr: PathBuf,
    truth: Vec<Value>,
    base_bytes: u64,
    incr_bytes: u64,
}

fn prepare_corpus(cfg: &Config) -> Result<Corpus, BoxError> {
    let total = cfg.docs + INCREMENT;
    fs::create_dir_all(&cfg.work)?;
    let dir = cfg
        .corpus
        .clone()
        .unwrap_or_else(|| cfg.work.join(format!("corpus-{total}")));
    let truth_path = dir.join("truth.jsonl");
    let have = fs::read_to_string(&truth_path)
        .map(|s| s.lines().count())
        .unwrap_or(0);
    if have != total {
        if cfg.corpus.is_some() && have != 0 {
            return Err(format!(
                "{} holds {have} letters; the bench needs --docs + {INCREMENT} = {total} (gen_corpus.py --docs {total})",
                dir.display()
            )
            .into());
        }
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py");
        eprintln!("bench: generating {total} letters into {}", dir.display());
        let t = Instant::now();
        let st = Command::new("python3")
            .arg(&script)
            .args(["--docs", &total.to_string(), "--out"])
            .arg(&dir)
            .args(["--seed", "1"])
            .status()?;
        if !st.success() {
            return Err(format!("{} failed", script.display()).into());
        }
        eprintln!("bench: generated in {:.1} s", t.elapsed().as_secs_f64());
    }
    let truth: Vec<Value> = fs::read_to_string(&truth_path)?
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    if truth.len() != total {
        return Err(format!(
            "{}: {} letters, expected {total}",
            truth_path.display(),
            truth.len()
        )
        .into());
    }
    // Hard links (no copies): the base batch and the incremental batch as two directories.
    let base = cfg.work.join(format!("base-{}", cfg.docs));
    let incr = cfg.work.join(format!("incr-{INCREMENT}"));
    let mut sizes = [0u64; 2];
    for (k, (target, range)) in [(&base, 0..cfg.docs), (&incr, cfg.docs..total)]
        .into_iter()
        .enumerate()
    {
        let _ = fs::remove_dir_all(target);
        fs::create_dir_all(target)?;
        for t in &truth[range] {
            let id = t["id"].as_str().ok_or("truth line without id")?;
            let from = dir.join(format!("{id}.txt"));
            let to = target.join(format!("{id}.txt"));
            if fs::hard_link(&from, &to).is_err() {
                fs::copy(&from, &to)?;
            }
            sizes[k] += fs::metadata(&to)?.len();
        }
    }
    Ok(Corpus {
        dir,
        base,
        incr,
        truth,
        base_bytes: sizes[0],
        incr_bytes: sizes[1],
    })
}

fn run(cfg: &Config) -> Result<(), BoxError> {
    let started = Instant::now();
    let corpus = prepare_corpus(cfg)?;
    let n = cfg.docs as f64;
    let mb = corpus.base_bytes as f64 / 1e6;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut rep = Report::default();
    rep.extra.insert(
        "setup".into(),
        json!({
            "docs": cfg.docs, "corpus": corpus.dir, "base_mb": mb, "increment": INCREMENT,
            "increment_mb": corpus.incr_bytes as f64 / 1e6, "threads": threads,
            "writer_memory_mb": MEMORY_MB, "kst": KST,
            "date": String::from_utf8_lossy(&Command::new("date").arg("-u").arg("+%Y-%m-%dT%H:%M:%SZ").output()?.stdout).trim(),
            "git": String::from_utf8_lossy(&Command::new("git").args(["rev-parse", "--short", "HEAD"]).current_dir(env!("CARGO_MANIFEST_DIR")).output()?.stdout).trim(),
        }),
    );
    eprintln!(
        "bench: {} letters, {mb:.1} MB of text, {threads} threads, work dir {}",
        cfg.docs,
        cfg.work.display()
    );

    // 1 and 2. Raw tantivy and kst index, alternated (A B A B) `pairs` times, medians
    // quoted: on a shared machine the same command's wall time spreads up to 2.5x
    // (BASELINES.md, note 9), and alternating exposes both to the same noise.
    let raw_dir = cfg.work.join("raw-index");
    let ix = cfg.work.join("kst-index");
    let mut raw_runs: Vec<Measured> = Vec::new();
    let mut kst_runs: Vec<Measured> = Vec::new();
    for pair in 0..cfg.pairs {
        if cfg.runs("raw") {
            let _ = fs::remove_dir_all(&raw_dir);
            eprintln!(
                "bench: raw tantivy indexing ({}/{}) ...",
                pair + 1,
                cfg.pairs
            );
            let m = measure(
                Command::new(std::env::current_exe()?)
                    .arg("__raw_index")
                    .arg(&corpus.base)
                    .arg(&raw_dir),
                None,
            )?;
            if m.code != Some(0) {
                return Err(format!("raw index failed: {}", m.stderr).into());
            }
            raw_runs.push(m);
        }
        if cfg.runs("kst") {
            let _ = fs::remove_dir_all(&ix);
            eprintln!("bench: kst index ({}/{}) ...", pair + 1, cfg.pairs);
            let m = measure(
                kst(&ix).arg("index").arg(&corpus.base).args([
                    "--memory-mb",
                    &MEMORY_MB.to_string(),
                    "--threads",
                    &threads.to_string(),
                ]),
                None,
            )?;
            if m.code != Some(0) {
                return Err(format!("kst index exited {:?}: {}", m.code, m.stderr).into());
            }
            kst_runs.push(m);
        }
    }
    let walls =
        |runs: &[Measured]| -> Vec<f64> { runs.iter().map(|m| m.wall.as_secs_f64()).collect() };
    let spread = |runs: &[Measured]| -> String {
        let w: Vec<String> = walls(runs).iter().map(|w| format!("{w:.1}")).collect();
        format!("runs {} s", w.join(", "))
    };
    let peak = |runs: &[Measured]| runs.iter().map(|m| m.max_rss_mb).fold(0.0, f64::max);
    let private = |runs: &[Measured]| runs.iter().map(|m| m.max_anon_mb).fold(0.0, f64::max);
    let private_note = "sampled max of RssAnon; the rest of the peak is mapped index files";
    let raw_wall = (!raw_runs.is_empty()).then(|| median(&walls(&raw_runs)));
    let kst_wall = (!kst_runs.is_empty()).then(|| median(&walls(&kst_runs)));
    if let Some(w) = raw_wall {
        let size = dir_bytes(&raw_dir) as f64 / 1e6;
        rep.add("index", "raw tantivy: wall (median)", w, "s")
            .note(spread(&raw_runs));
        rep.add("index", "raw tantivy: throughput", mb / w, "MB/s");
        rep.add("index", "raw tantivy: letters/s", n / w, "1/s");
        rep.add("index", "raw tantivy: peak RSS", peak(&raw_runs), "MiB");
        rep.add(
            "index",
            "raw tantivy: peak private memory",
            private(&raw_runs),
            "MiB",
        )
        .note(private_note);
        rep.add("index", "raw tantivy: index size", size, "MB")
            .note(format!("{:.2}x the text", size / mb));
    }
    if let Some(w) = kst_wall {
        let size = dir_bytes(&ix) as f64 / 1e6;
        let raw = |r: &mut Row, f: &dyn Fn(f64) -> f64| {
            if let Some(rw) = raw_wall {
                r.raw(f(rw));
            }
        };
        raw(
            rep.add("index", "kst index: wall (median)", w, "s")
                .note(spread(&kst_runs)),
            &|rw| rw,
        );
        raw(
            rep.add("index", "kst index: throughput", mb / w, "MB/s")
                .target("≥ 0.5x raw"),
            &|rw| mb / rw,
        );
        raw(
            rep.add("index", "kst index: letters/s", n / w, "1/s"),
            &|rw| n / rw,
        );
        rep.add("index", "kst index: peak RSS", peak(&kst_runs), "MiB")
            .target("< 1536 MiB");
        rep.add(
            "index",
            "kst index: peak private memory",
            private(&kst_runs),
            "MiB",
        )
        .note(private_note);
        let r = rep
            .add("index", "kst index: index size", size, "MB")
            .target("≤ text size");
        r.note(format!("{:.2}x the text", size / mb));
        if raw_wall.is_some() {
            r.raw(dir_bytes(&raw_dir) as f64 / 1e6);
        }
    }
    if !kst::index::exists(&ix) {
        return Err(format!(
            "no kst index at {} (do not skip the kst section)",
            ix.display()
        )
        .into());
    }

    // 3. Queries.
    if cfg.runs("queries") {
        eprintln!("bench: queries ({} reps) ...", cfg.reps);
        queries(cfg, &ix, raw_wall.map(|_| raw_dir.as_path()), &mut rep)?;
    }

    // 4. Citation graph and stance commands.
    if cfg.runs("graph") {
        eprintln!("bench: graph and stance ...");
        graph(&ix, &corpus, &mut rep)?;
    }

    // 5. Cold start.
    if cfg.runs("cold") {
        let mut walls = Vec::new();
        for _ in 0..5 {
            let m = measure(
                kst(&ix).args(["search", "gezichtsherkenning", "--limit", "10"]),
                None,
            )?;
            if m.code != Some(0) {
                return Err(format!("kst search exited {:?}: {}", m.code, m.stderr).into());
            }
            walls.push(ms(m.wall));
        }
        let mut help = Vec::new();
        for _ in 0..5 {
            help.push(ms(measure(Command::new(KST).arg("--version"), None)?.wall));
        }
        rep.add(
            "cold",
            "fresh `kst search` process, first query (median of 5)",
            median(&walls),
            "ms",
        )
        .target("< 200 ms")
        .note(format!(
            "first run {:.0} ms; `kst --version` alone {:.1} ms",
            walls[0],
            median(&help)
        ));
    }

    // 6. Incremental.
    if cfg.runs("incremental") {
        eprintln!("bench: incremental {INCREMENT} ...");
        let m = measure(
            kst(&ix).arg("index").arg(&corpus.incr).args([
                "--memory-mb",
                &MEMORY_MB.to_string(),
                "--threads",
                &threads.to_string(),
            ]),
            None,
        )?;
        if m.code != Some(0) {
            return Err(
                format!("kst index (incremental) exited {:?}: {}", m.code, m.stderr).into(),
            );
        }
        let w = m.wall.as_secs_f64();
        let r = rep.add(
            "incremental",
            format!("add {INCREMENT} letters to the {} index", cfg.docs),
            w,
            "s",
        );
        r.target("∝ 1000, not N");
        if let Some(full) = kst_wall {
            let per_letter_full = full / n;
            r.note(format!(
                "{:.2} ms/letter vs {:.2} ms/letter in the full run ({:.2}x); peak RSS {:.0} MiB",
                w * 1000.0 / INCREMENT as f64,
                per_letter_full * 1000.0,
                (w / INCREMENT as f64) / per_letter_full,
                m.max_rss_mb
            ));
        }
        // Re-running the same batch must change nothing; time it (it still reads every file).
        let again = measure(kst(&ix).arg("index").arg(&corpus.incr), None)?;
        rep.add(
            "incremental",
            format!("re-run of the same {INCREMENT} (unchanged)"),
            again.wall.as_secs_f64(),
            "s",
        );
    }

    // 7. Recall at scale.
    if cfg.runs("recall") {
        eprintln!("bench: recall ...");
        recall(&ix, &corpus, &mut rep)?;
    }

    // 8. SIGKILL at random moments.
    if cfg.runs("kill") && cfg.kills > 0 {
        eprintln!("bench: {} kills ...", cfg.kills);
        kills(cfg, &corpus, kst_wall.unwrap_or(60.0), &mut rep)?;
    }

    // 9. One huge single-line file.
    if cfg.runs("big") {
        eprintln!("bench: single-line files ...");
        big(cfg, &corpus, &mut rep)?;
    }

    rep.extra.insert(
        "bench_wall_s".into(),
        json!(started.elapsed().as_secs_f64()),
    );
    print_table(&rep, cfg);
    write_json(&rep, &cfg.json)?;
    eprintln!("bench: wrote {}", cfg.json.display());
    Ok(())
}

/// Query class as BASELINES.md counts them.
fn class(q: &str) -> &'static str {
    if q.contains('"') {
        "phrase"
    } else if q.split_whitespace().count() > 1 {
        "boolean"
    } else {
        "term"
    }
}

fn queries(
    cfg: &Config,
    ix: &Path,
    raw_dir: Option<&Path>,
    rep: &mut Report,
) -> Result<(), BoxError> {
    let qfile = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/queries.txt");
    let lines: Vec<String> = fs::read_to_string(&qfile)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let reader = kst::index::IndexReader::open(ix)?;
    let raw_searcher = match raw_dir {
        Some(d) => Some(raw::Searcher::open(d)?),
        None => None,
    };
    let mut pooled = Vec::new();
    let mut pooled_raw = Vec::new();
    let mut rank_only = Vec::new();
    let mut per_query = Vec::new();
    let mut by_class: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut errors = 0;
    for q in &lines {
        let req = kst::query::search::SearchRequest {
            query: q.clone(),
            limit: 10,
            ..Default::default()
        };
        let mut times = Vec::new();
        let mut total = 0;
        let mut failed = None;
        for rep_i in 0..=cfg.reps {
            let t = Instant::now();
            match kst::query::search::search(&reader, &req) {
                Ok(r) => total = r.total,
                Err(e) => {
                    failed = Some(e.to_string());
                    break;
                }
            }
            if rep_i > 0 {
                times.push(ms(t.elapsed()));
            }
        }
        if let Some(e) = failed {
            errors += 1;
            per_query.push(json!({"query": q, "error": e}));
            continue;
        }
        let mut raw_times = Vec::new();
        let mut raw_total = None;
        let mut raw_rank = Vec::new();
        if let Some(rs) = &raw_searcher {
            for rep_i in 0..=cfg.reps {
                let t = Instant::now();
                let n = rs.search(q, true)?;
                if rep_i > 0 {
                    raw_times.push(ms(t.elapsed()));
                }
                raw_total = Some(n);
                let t = Instant::now();
                rs.search(q, false)?;
                if rep_i > 0 {
                    raw_rank.push(ms(t.elapsed()));
                }
            }
        }
        let s = sorted(times.clone());
        let rs = sorted(raw_times.clone());
        by_class
            .entry(class(q))
            .or_default()
            .push(percentile(&s, 50.0));
        per_query.push(json!({
            "query": q, "class": class(q), "hits": total, "p50_ms": percentile(&s, 50.0),
            "p99_ms": percentile(&s, 99.0), "raw_hits": raw_total,
            "raw_p50_ms": (!rs.is_empty()).then(|| percentile(&rs, 50.0)),
            "raw_p99_ms": (!rs.is_empty()).then(|| percentile(&rs, 99.0)),
        }));
        pooled.extend(times);
        pooled_raw.extend(raw_times);
        rank_only.extend(raw_rank);
    }
    let p = sorted(pooled);
    let pr = sorted(pooled_raw);
    let has_raw = !pr.is_empty();
    let r = rep.add(
        "search",
        format!("p50 over {} queries x {}", lines.len(), cfg.reps),
        percentile(&p, 50.0),
        "ms",
    );
    if has_raw {
        r.raw(percentile(&pr, 50.0));
    }
    let r = rep
        .add("search", "p99 over the set", percentile(&p, 99.0), "ms")
        .target("< 30 ms");
    if has_raw {
        r.raw(percentile(&pr, 99.0));
    }
    rep.add(
        "search",
        "max over the set",
        *p.last().unwrap_or(&f64::NAN),
        "ms",
    );
    if !rank_only.is_empty() {
        let ro = sorted(rank_only);
        rep.add(
            "search",
            "raw tantivy rank-only p50 / p99",
            percentile(&ro, 50.0),
            "ms",
        )
        .note(format!("p99 {:.2} ms (no snippets)", percentile(&ro, 99.0)));
    }
    for (c, v) in &by_class {
        rep.add(
            "search",
            format!("{c} queries: median of per-query p50 ({})", v.len()),
            median(v),
            "ms",
        );
    }
    // The slowest queries, by p99: where to look first.
    let mut worst: Vec<&Value> = per_query
        .iter()
        .filter(|v| v.get("p99_ms").is_some())
        .collect();
    worst.sort_by(|a, b| {
        b["p99_ms"]
            .as_f64()
            .unwrap_or(0.0)
            .total_cmp(&a["p99_ms"].as_f64().unwrap_or(0.0))
    });
    for w in worst.iter().take(5) {
        let r = rep.add(
            "search",
            format!("slow: {}", w["query"].as_str().unwrap_or("")),
            w["p99_ms"].as_f64().unwrap_or(f64::NAN),
            "ms",
        );
        r.note(format!(
            "p99; p50 {:.2} ms; {} hits (raw {})",
            w["p50_ms"].as_f64().unwrap_or(f64::NAN),
            w["hits"],
            w["raw_hits"]
        ));
        if let Some(x) = w["raw_p99_ms"].as_f64() {
            r.raw(x);
        }
    }
    if errors > 0 {
        rep.na(
            "search",
            "queries kst refused",
            format!("{errors} (see JSON)"),
        );
    }
    rep.extra.insert("queries".into(), Value::Array(per_query));
    Ok(())
}

/// Subcommands the built binary lists in its help.
fn subcommands() -> HashSet<String> {
    let out = Command::new(KST).arg("--help").output();
    let text = out
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Median wall time of a command over 1 warm-up + 5 runs, or why it could not be measured.
fn time_command(ix: &Path, args: &[&str]) -> Result<Result<(f64, f64, f64), String>, BoxError> {
    let mut walls = Vec::new();
    let mut rss = 0.0f64;
    let mut anon = 0.0f64;
    // JSON unless the case names its format (the stance table is what a reader sees first).
    let format: &[&str] = if args.contains(&"--format") {
        &[]
    } else {
        &["--format", "json"]
    };
    for i in 0..6 {
        let m = measure(
            kst(ix).args(args).args(format),
            Some(Duration::from_secs(120)),
        )?;
        if !matches!(m.code, Some(0) | Some(1)) {
            let first = m.stderr.lines().next().unwrap_or("").to_string();
            return Ok(Err(format!("exit {:?}: {first}", m.code)));
        }
        if i > 0 {
            walls.push(ms(m.wall));
        }
        rss = rss.max(m.max_rss_mb);
        anon = anon.max(m.max_anon_mb);
    }
    Ok(Ok((median(&walls), rss, anon)))
}

fn graph(ix: &Path, corpus: &Corpus, rep: &mut Report) -> Result<(), BoxError> {
    // In-degrees from the truth of the base batch: the most-cited paper and a median one.
    let base: HashSet<&str> = corpus.truth[..corpus.truth.len() - INCREMENT]
        .iter()
        .filter_map(|t| t["id"].as_str())
        .collect();
    let mut indeg: HashMap<&str, usize> = HashMap::new();
    for t in &corpus.truth[..corpus.truth.len() - INCREMENT] {
        for c in t["cites"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str())
        {
            if base.contains(c) {
                *indeg.entry(c).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = indeg.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (top, top_n) = ranked.first().copied().ok_or("no citations in truth")?;
    let (mid, mid_n) = ranked[ranked.len() / 2];
    // A paper that cites many: the depth-2 walk from it is the expensive case.
    let citer = corpus.truth[..corpus.truth.len() - INCREMENT]
        .iter()
        .max_by_key(|t| t["cites"].as_array().map_or(0, Vec::len))
        .and_then(|t| t["id"].as_str())
        .unwrap_or(top);

    // The library path that exists now: records by target / by document.
    let reader = kst::index::IndexReader::open(ix)?;
    use kst::index::{RecordKind, RecordQuery};
    for (label, id, truth_n) in [("most-cited", top, top_n), ("median", mid, mid_n)] {
        let q = RecordQuery {
            kind: Some(RecordKind::Citation),
            target: Some(id.to_string()),
            ..Default::default()
        };
        let mut times = Vec::new();
        let mut found = 0;
        for i in 0..21 {
            let t = Instant::now();
            found = reader.records(&q)?.len();
            if i > 0 {
                times.push(ms(t.elapsed()));
            }
        }
        rep.add(
            "graph",
            format!("library: citations of the {label} paper (records by target)"),
            median(&times),
            "ms",
        )
        .target("< 5 ms")
        .note(format!("{id}: {found} records, truth in-degree {truth_n}"));
    }
    let mut times = Vec::new();
    let mut reached = 0;
    for i in 0..6 {
        let t = Instant::now();
        let mut seen: HashSet<String> = HashSet::new();
        let mut frontier = vec![citer.to_string()];
        for _ in 0..2 {
            let mut next = Vec::new();
            for d in &frontier {
                let q = RecordQuery {
                    kind: Some(RecordKind::Citation),
                    doc: Some(d.clone()),
                    ..Default::default()
                };
                for r in reader.records(&q)? {
                    if let kst::record::Record::Citation(c) = r {
                        if seen.insert(c.target.clone()) {
                            next.push(c.target);
                        }
                    }
                }
            }
            frontier = next;
        }
        reached = seen.len();
        if i > 0 {
            times.push(ms(t.elapsed()));
        }
    }
    rep.add(
        "graph",
        "library: cites depth 2 (records by doc, twice)",
        median(&times),
        "ms",
    )
    .target("< 5 ms")
    .note(format!("from {citer}: {reached} papers reached"));

    // The commands, when the binary has them (whole process: start, open, answer).
    let have = subcommands();
    let depth = ["--depth", "2"];
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("cited-by", vec!["cited-by", top], "< 5 ms (in-process)"),
        ("cited-by", vec!["cited-by", mid], "< 5 ms (in-process)"),
        (
            "cites",
            [vec!["cites", citer], depth.to_vec()].concat(),
            "< 5 ms (in-process)",
        ),
        ("graph", vec!["graph", "--top", "20"], ""),
        (
            "stance",
            vec![
                "stance",
                "--topic",
                "gezichtsherkenning",
                "--format",
                "table",
            ],
            "< 1 s",
        ),
        // Every position on the topic with its sentence (600,000+ at 20k): an export.
        (
            "stance",
            vec![
                "stance",
                "--topic",
                "gezichtsherkenning",
                "--format",
                "jsonl",
            ],
            "",
        ),
        ("stance", vec!["stance", "--summary"], "< 1 s"),
    ];
    for (cmd, args, target) in cases {
        let name = format!("`kst {}` (process, median of 5)", args.join(" "));
        if !have.contains(cmd) {
            rep.na("graph", name, "n/a (command not available)");
            continue;
        }
        match time_command(ix, &args)? {
            Ok((t, rss, anon)) => {
                let r = rep.add("graph", name, t, "ms");
                r.note(format!("peak RSS {rss:.0} MiB, private {anon:.0} MiB"));
                if !target.is_empty() {
                    r.target(target);
                }
            }
            Err(why) => rep.na("graph", name, why),
        }
    }
    Ok(())
}

fn recall(ix: &Path, corpus: &Corpus, rep: &mut Report) -> Result<(), BoxError> {
    let reader = kst::index::IndexReader::open(ix)?;
    let indexed: HashSet<String> = reader.documents()?.into_iter().map(|d| d.doc).collect();
    let mut truth: HashSet<(String, String)> = HashSet::new();
    for t in &corpus.truth {
        let Some(id) = t["id"].as_str() else { continue };
        if !indexed.contains(id) {
            continue;
        }
        for c in t["cites"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str())
        {
            truth.insert((id.to_string(), c.to_string()));
        }
    }
    let t = Instant::now();
    let records = reader.records(&kst::index::RecordQuery {
        kind: Some(kst::index::RecordKind::Citation),
        ..Default::default()
    })?;
    let read_ms = ms(t.elapsed());
    let mut pred: HashSet<(String, String)> = HashSet::new();
    let mut own = 0usize;
    let mut own_docs = HashSet::new();
    for r in &records {
        if let kst::record::Record::Citation(c) = r {
            if c.target == c.doc {
                own += 1;
                own_docs.insert(c.doc.clone());
            }
            pred.insert((c.doc.clone(), c.target.clone()));
        }
    }
    let hit = pred.intersection(&truth).count();
    let recall = hit as f64 / truth.len().max(1) as f64;
    let precision = if pred.is_empty() {
        f64::NAN
    } else {
        hit as f64 / pred.len() as f64
    };
    let r = rep
        .add(
            "recall",
            "citation recall against truth.jsonl (unique doc→target)",
            recall,
            "",
        )
        .target("≥ 0.99");
    r.note(format!(
        "{hit} of {} truth pairs over {} indexed letters; {} citation records{}",
        truth.len(),
        indexed.len(),
        records.len(),
        if records.is_empty() {
            " — the citation extractor found nothing (not landed?)"
        } else {
            ""
        }
    ));
    rep.add(
        "recall",
        "citation precision (pairs not in truth count against)",
        precision,
        "",
    );
    rep.add(
        "recall",
        "letters citing their own number (header/footer read as citation)",
        own_docs.len() as f64,
        "",
    )
    .target("0")
    .note(format!("{own} records"));
    rep.add(
        "recall",
        "read all citation records from the index",
        read_ms,
        "ms",
    );
    let missed: Vec<Value> = truth
        .difference(&pred)
        .take(20)
        .map(|(d, t)| json!([d, t]))
        .collect();
    let wrong: Vec<Value> = pred
        .difference(&truth)
        .take(20)
        .map(|(d, t)| json!([d, t]))
        .collect();
    rep.extra.insert(
        "recall_examples".into(),
        json!({"missed": missed, "not_in_truth": wrong}),
    );
    Ok(())
}

fn kills(cfg: &Config, corpus: &Corpus, full_wall: f64, rep: &mut Report) -> Result<(), BoxError> {
    let dir = cfg.work.join("kill-index");
    let _ = fs::remove_dir_all(&dir);
    let seed = std::env::var("KST_BENCH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15u64);
    let mut rng = Rng(seed);
    let mut survived = 0;
    let mut details = Vec::new();
    for k in 0..cfg.kills {
        // Early enough in the run that the kill lands while letters are being processed and
        // committed (a re-run re-reads every file, so later kills land in work too).
        let after = full_wall * (0.05 + 0.45 * rng.next_f64());
        let m = measure(
            kst(&dir).arg("index").arg(&corpus.base),
            Some(Duration::from_secs_f64(after)),
        )?;
        let killed = m.code.is_none();
        let check = check_index(&dir);
        match &check {
            Ok((docs, unique)) => {
                if docs == unique {
                    survived += 1;
                }
                details.push(json!({"kill": k, "after_s": after, "killed": killed, "documents": docs, "unique_ids": unique}));
            }
            Err(e) => details.push(
                json!({"kill": k, "after_s": after, "killed": killed, "error": e.to_string()}),
            ),
        }
        eprintln!(
            "bench: kill {k} after {after:.1} s: {:?}",
            check.as_ref().map_err(|e| e.to_string())
        );
    }
    let m = measure(kst(&dir).arg("index").arg(&corpus.base), None)?;
    let final_check = check_index(&dir);
    let ok = m.code == Some(0) && matches!(final_check, Ok((d, u)) if d == u && d == cfg.docs);
    rep.add(
        "faults",
        "SIGKILL during `kst index`: index opened, answered, no duplicates",
        survived as f64,
        "",
    )
    .target(&format!("{} of {}", cfg.kills, cfg.kills))
    .note(format!("of {} kills (seed {seed:#x})", cfg.kills));
    rep.add(
        "faults",
        "re-run after the kills completes the batch, no duplicates",
        if ok { 1.0 } else { 0.0 },
        "",
    )
    .target("1")
    .note(format!(
        "exit {:?} in {:.1} s; {:?}",
        m.code,
        m.wall.as_secs_f64(),
        final_check.map_err(|e| e.to_string())
    ));
    rep.extra.insert("kills".into(), Value::Array(details));
    Ok(())
}

/// After a crash: the index opens, answers a search, and holds each paper once.
fn check_index(dir: &Path) -> Result<(usize, usize), BoxError> {
    if !kst::index::exists(dir) {
        // Killed before the first commit finished creating it: nothing to check but that a
        // search says so instead of crashing.
        return Ok((0, 0));
    }
    let reader = kst::index::IndexReader::open(dir)?;
    kst::query::search::search(
        &reader,
        &kst::query::search::SearchRequest {
            query: "gezichtsherkenning".into(),
            limit: 10,
            ..Default::default()
        },
    )?;
    let docs = reader.documents()?;
    let unique: HashSet<&str> = docs.iter().map(|d| d.doc.as_str()).collect();
    Ok((docs.len(), unique.len()))
}

fn big(cfg: &Config, corpus: &Corpus, rep: &mut Report) -> Result<(), BoxError> {
    let files = walk(&corpus.base);
    let mut results = Vec::new();
    for size_mb in [cfg.big_mb.div_ceil(10).max(1), cfg.big_mb] {
        let path = cfg.work.join(format!("single-line-{size_mb}mb.txt"));
        let want = size_mb * 1_000_000;
        let mut f = std::io::BufWriter::new(fs::File::create(&path)?);
        let mut written = 0;
        'fill: loop {
            for p in &files {
                let text = fs::read_to_string(p)?.replace(['\n', '\r'], " ");
                f.write_all(text.as_bytes())?;
                f.write_all(b" ")?;
                written += text.len() + 1;
                if written >= want {
                    break 'fill;
                }
            }
        }
        f.flush()?;
        drop(f);
        let m = measure(
            Command::new(KST)
                .args(["--quiet", "extract", "--format", "jsonl", "--max-file-mb"])
                .arg((size_mb * 2).to_string())
                .arg(&path),
            Some(Duration::from_secs(900)),
        )?;
        let _ = fs::remove_file(&path);
        let s = m.wall.as_secs_f64();
        results.push((size_mb, s));
        let r = rep.add(
            "faults",
            format!("`kst extract` on one {size_mb} MB single-line file"),
            s,
            "s",
        );
        r.note(format!(
            "{} ; {:.2} MB/s; peak RSS {:.0} MiB; {} records",
            match m.code {
                Some(c) => format!("exit {c}"),
                None => "KILLED after 900 s".into(),
            },
            written as f64 / 1e6 / s,
            m.max_rss_mb,
            m.stdout.lines().count()
        ));
    }
    if let [(a, ta), (b, tb)] = results[..] {
        rep.add(
            "faults",
            format!(
                "time ratio {b} MB / {a} MB (linear = {:.0})",
                b as f64 / a as f64
            ),
            tb / ta,
            "",
        )
        .target(&format!("≈ {:.0}", b as f64 / a as f64));
    }
    Ok(())
}

fn fmt(v: f64) -> String {
    if v.is_nan() {
        "-".into()
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

fn print_table(rep: &Report, cfg: &Config) {
    println!(
        "\nkst scale bench: {} letters (+{INCREMENT} incremental), {}",
        cfg.docs,
        cfg.work.display()
    );
    println!("| section | figure | value | unit | raw tantivy | ratio | target | note |");
    println!("|---|---|---|---|---|---|---|---|");
    for r in &rep.rows {
        let value = r.value.map(fmt).unwrap_or_else(|| "n/a".into());
        let raw = r.raw.map(fmt).unwrap_or_default();
        let ratio = match (r.value, r.raw) {
            (Some(v), Some(b)) if b != 0.0 => format!("{:.2}x", v / b),
            _ => String::new(),
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            r.section,
            r.name,
            value,
            r.unit,
            raw,
            ratio,
            r.target.as_deref().unwrap_or(""),
            r.note
        );
    }
}

fn write_json(rep: &Report, path: &Path) -> Result<(), BoxError> {
    let rows: Vec<Value> = rep
        .rows
        .iter()
        .map(|r| {
            json!({
                "section": r.section, "figure": r.name, "value": r.value, "unit": r.unit,
                "raw": r.raw, "ratio": match (r.value, r.raw) { (Some(v), Some(b)) if b != 0.0 => Some(v / b), _ => None },
                "target": r.target, "note": r.note,
            })
        })
        .collect();
    let mut out = serde_json::Map::new();
    out.insert("figures".into(), Value::Array(rows));
    for (k, v) in &rep.extra {
        out.insert(k.clone(), v.clone());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, serde_json::to_string_pretty(&Value::Object(out))?)?;
    Ok(())
}

/// The raw-engine baseline: plain tantivy, default tokenizer, no extraction.
mod raw {
    use super::BoxError;
    use std::path::Path;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{Field, Schema, Value, STORED, STRING, TEXT};
    use tantivy::snippet::SnippetGenerator;
    use tantivy::{doc, Index, TantivyDocument};

    fn schema() -> (Schema, Field, Field) {
        let mut b = Schema::builder();
        let id = b.add_text_field("id", STRING | STORED);
        let body = b.add_text_field("body", TEXT | STORED);
        (b.build(), id, body)
    }

    /// Index every file under `corpus` (sorted, so runs are comparable); commit, wait merges.
    pub fn index(corpus: &Path, out: &Path, memory_mb: usize) -> Result<(), BoxError> {
        let (schema, id, body) = schema();
        std::fs::create_dir_all(out)?;
        let index = Index::create_in_dir(out, schema)?;
        // Same call as kst's writer with `threads: 0`: tantivy picks the thread count.
        let mut writer = index.writer::<TantivyDocument>(memory_mb * 1024 * 1024)?;
        let mut files: Vec<_> = super::walk(corpus);
        files.sort();
        for p in files {
            let bytes = std::fs::read(&p)?;
            let text = String::from_utf8_lossy(&bytes);
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            writer.add_document(doc!(id => name, body => text.as_ref()))?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        Ok(())
    }

    pub struct Searcher {
        index: Index,
        searcher: tantivy::Searcher,
        body: Field,
    }

    impl Searcher {
        pub fn open(dir: &Path) -> Result<Searcher, BoxError> {
            let index = Index::open_in_dir(dir)?;
            let searcher = index.reader()?.searcher();
            let (_, _, body) = schema();
            Ok(Searcher {
                index,
                searcher,
                body,
            })
        }

        /// Top 10 (with 150-char snippets when asked), as BASELINES.md measured; the hit count.
        pub fn search(&self, q: &str, snippets: bool) -> Result<usize, BoxError> {
            let mut parser = QueryParser::for_index(&self.index, vec![self.body]);
            parser.set_conjunction_by_default();
            let query = parser.parse_query(q)?;
            let (top, n) = self
                .searcher
                .search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
            if snippets {
                let mut g = SnippetGenerator::create(&self.searcher, &*query, self.body)?;
                g.set_max_num_chars(150);
                for (_, addr) in top {
                    let d: TantivyDocument = self.searcher.doc(addr)?;
                    let text = d
                        .get_first(self.body)
                        .and_then(|v| v.as_str())
                        .unwrap_or("");
                    std::hint::black_box(g.snippet(text));
                }
            }
            Ok(n)
        }
    }
}
