#!/usr/bin/env python3
"""Driver of bench/extraction.sh: pages out of the corpus, `abridge extract
-f json` over all of them (one run), predictions scored by source.

  extraction_run.py ABRIDGE CORPUS SCORER WORKDIR MIN_F1 [PER_DOC]
"""
import gzip
import json
import os
import subprocess
import sys
import time


def main():
    abridge, corpus, scorer, work, min_f1 = sys.argv[1:6]
    per_doc = sys.argv[6] if len(sys.argv) > 6 else ''
    pages = os.path.join(work, 'pages')
    os.makedirs(pages, exist_ok=True)
    ids, urls, files = [], {}, []
    with gzip.open(corpus, 'rt', encoding='utf-8') as f:
        for line in f.read().split('\n'):  # not splitlines(): U+2028 may sit in strings
            if not line.strip():
                continue
            rec = json.loads(line)
            path = os.path.join(pages, rec['id'] + '.html')
            with open(path, 'w', encoding='utf-8') as out:
                out.write(rec['html'])
            ids.append(rec['id'])
            urls[rec['id']] = rec.get('url')
            files.append(path)

    start = time.time()
    run = subprocess.run([abridge, 'extract', '-f', 'json', '--'] + files,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.time() - start
    if run.returncode not in (0, 1):
        sys.exit(f'extraction.sh: abridge extract exited {run.returncode}: '
                 f'{run.stderr.decode(errors="replace")[:500]}')
    bodies = {}
    for line in run.stdout.decode('utf-8').split('\n'):
        if line.strip():
            rec = json.loads(line)
            bodies[os.path.basename(rec['file'])[:-len('.html')]] = rec['text']
    failed = [i for i in ids if i not in bodies]
    pred = os.path.join(work, 'pred.jsonl')
    with open(pred, 'w', encoding='utf-8') as out:
        for i in ids:
            out.write(json.dumps({'id': i, 'body': bodies.get(i, '')}) + '\n')

    args = [sys.executable, scorer, '--pred', pred, '--ref', corpus, '--by-source', '--json']
    if per_doc:
        args += ['--per-doc', per_doc]
    result = json.loads(subprocess.run(args, check=True, stdout=subprocess.PIPE).stdout)
    if per_doc:
        rows = [json.loads(l) for l in open(per_doc, encoding='utf-8') if l.strip()]
        with open(per_doc, 'w', encoding='utf-8') as out:
            for r in rows:
                r['url'] = urls.get(r['id'])
                out.write(json.dumps(r) + '\n')

    print(f'# {len(ids)} pages in {seconds:.1f} s ({len(ids) / max(seconds, 1e-9):.0f} pages/s); '
          f'{len(failed)} without article text')
    print('| pages | n | F1 | precision | recall | exact |')
    print('| --- | --- | --- | --- | --- | --- |')
    for name in ('article-extraction-benchmark', 'newspaper-tests', 'all'):
        m = result.get(name)
        if m:
            print(f"| {name} | {m['pages']} | {m['f1']:.3f} | {m['precision']:.3f} | "
                  f"{m['recall']:.3f} | {m['accuracy']:.3f} |")
    gate = float(min_f1)
    bench = result.get('article-extraction-benchmark', result['all'])
    if gate > 0:
        if bench['f1'] < gate:
            print(f'FAIL: benchmark F1 {bench["f1"]:.3f} is below the gate {gate:.3f}')
            sys.exit(1)
        print(f'ok: benchmark F1 {bench["f1"]:.3f} >= gate {gate:.3f}')


if __name__ == '__main__':
    main()
