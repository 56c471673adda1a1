"""Benchmark statement extraction against bare spaCy parsing of the same texts.

Prints, for the seeds, the official corpus and a larger corpus made by
repeating both, the documents per second of ``extract_corpus`` and the ratio
of its time to a bare ``nlp.pipe`` pass over the same texts (target <= 1.3:
the rules must cost little next to parsing).

    .venv/bin/python benchmarks/bench_extraction.py [--repeat 5] [--n-process 1]
"""

from __future__ import annotations

import argparse
import dataclasses
import time

from crisisnet.codebook import load_codebook
from crisisnet.corpus import Corpus, load_corpus
from crisisnet.extraction.pipeline import PARAGRAPH_PIPE, extract_corpus, prepare
from crisisnet.nlp import load_model
from crisisnet.project import CODEBOOK, CORPORA


def bare_pipe(nlp, texts, n_process, batch_size):
    with nlp.select_pipes(disable=[p for p in (PARAGRAPH_PIPE,) if p in nlp.pipe_names]):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            pass
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="copies of seeds+official in the large corpus")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    codebook = load_codebook(CODEBOOK)
    nlp = prepare(load_model())
    seeds, official = load_corpus(CORPORA["seeds"]), load_corpus(CORPORA["official-2022"])
    both = list(seeds) + list(official)
    large = Corpus([dataclasses.replace(d, id=f"{d.id}__{k}") for k in range(args.repeat) for d in both])
    extract_corpus(seeds, codebook, nlp=nlp)  # warm-up (model caches, first-call costs)
    print(f"{'corpus':<22}{'docs':>6}{'chars':>10}{'extract s':>11}{'docs/s':>9}{'bare s':>9}{'ratio':>7}")
    for name, corpus in (("seeds", seeds), ("official-2022", official),
                         (f"both x{args.repeat}", large)):
        texts = [d.text for d in corpus]
        bare = bare_pipe(nlp, texts, args.n_process, args.batch_size)
        t = time.perf_counter()
        df = extract_corpus(corpus, codebook, nlp=nlp, n_process=args.n_process,
                            batch_size=args.batch_size)
        ext = time.perf_counter() - t
        print(f"{name:<22}{len(corpus):>6}{sum(map(len, texts)):>10}{ext:>11.2f}"
              f"{len(corpus) / ext:>9.1f}{bare:>9.2f}{ext / bare:>7.2f}   ({len(df)} rows)")


if __name__ == "__main__":
    main()
