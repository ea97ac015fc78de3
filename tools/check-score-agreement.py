#!/usr/bin/env python3
"""Check that newsclean-eval (Swift) scores exactly like score.py (Python), the yardstick.

Not used by the tests: run it by hand after changing Sources/NewsCleaner/Evaluation/ShingleScore.swift.
It writes prediction variants of the truth (identical, first half, truth + boilerplate junk,
empty, missing files, shifted tail, shuffled words, JSON and wrapped JSON predictions),
scores each with both tools in every token mode, and compares every metric and the full
worst-page ranking. It also checks, for every code point assigned in Python's Unicode
version, that Swift's word-character test agrees with Python's `\\w` (via a one-page truth).

usage: tools/check-score-agreement.py [TRUTH.json] [--score PATH/score.py] [--eval PATH/newsclean-eval]
"""
import argparse, json, os, random, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOLERANCE = 1e-12  # statistics.mean sums exactly; Swift uses compensated summation

def variants(truth):
    rng = random.Random(1)
    def shuffled(body):
        words = body.split(" ")
        for _ in range(len(words) // 10):
            i, j = rng.randrange(len(words)), rng.randrange(len(words))
            words[i], words[j] = words[j], words[i]
        return " ".join(words)
    junk = "\nSubscribe to our newsletter! Share on Facebook. © 2024 All rights reserved. 関連記事 もっと見る"
    return {
        "same": lambda b: b,
        "half": lambda b: b[: len(b) // 2],
        "junk": lambda b: b + junk,
        "empty": lambda b: "",
        "missing": lambda b: None,
        "tail": lambda b: b[len(b) // 3 :] + " related stories " + b[:50],
        "shuffled": shuffled,
    }

def run(cmd):
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("truth", nargs="?", default=os.path.join(ROOT, "TestPages/aeb/ground-truth.json"))
    ap.add_argument("--score", default="/work/shared/eval/score.py")
    ap.add_argument("--eval", default=os.path.join(ROOT, ".build/debug/newsclean-eval"))
    a = ap.parse_args()
    truth = json.load(open(a.truth, encoding="utf-8"))
    bodies = {i: (v.get("articleBody", "") if isinstance(v, dict) else v) for i, v in truth.items()}
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        preds = []
        for name, make in variants(truth).items():
            folder = os.path.join(tmp, name); os.makedirs(folder)
            for i, body in bodies.items():
                text = make(body)
                if text is not None:
                    open(os.path.join(folder, i + ".txt"), "w", encoding="utf-8").write(text)
            preds.append(folder)
        plain = os.path.join(tmp, "pred.json")
        json.dump({i: {"articleBody": b[: len(b) * 2 // 3]} for i, b in bodies.items()}, open(plain, "w"))
        wrapped = os.path.join(tmp, "wrapped.json")
        json.dump({"version": 1, "output": {i: b[::2] for i, b in bodies.items()}}, open(wrapped, "w"))
        preds += [plain, wrapped]
        n = str(len(bodies))
        for pred in preds:
            for mode in ([], ["--cjk"], ["--latin"]):
                py = run([sys.executable, a.score, a.truth, pred, "--json", "--worst", n] + mode)
                sw = run([a.eval, a.truth, pred, "--json", "--worst", n] + mode)
                diff = max(abs(py[k] - sw[k]) for k in ("f1", "precision", "recall", "accuracy"))
                ranking = [w[1] for w in py["worst"]] == [w[1] for w in sw["worst"]]
                page_diff = max([abs(x[0] - y[0]) for x, y in zip(py["worst"], sw["worst"])] or [0.0])
                ok = diff <= TOLERANCE and page_diff <= TOLERANCE and ranking and py["pages"] == sw["pages"]
                failures += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {os.path.basename(pred):12} {' '.join(mode) or 'auto':7} "
                      f"F1 {py['f1']:.6f}  max diff {max(diff, page_diff):.1e}  ranking {'same' if ranking else 'DIFFERS'}")
        # Word characters: one page per assigned code point c, truth "a" c "a", prediction "a a".
        # The page scores F1 1 when c is not a word character and 0 when it is, so equal
        # per-page scores mean both tools classify every code point alike (in both directions).
        import unicodedata
        points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn"]
        tfile = os.path.join(tmp, "chars.json")
        json.dump({f"{c:06x}": {"articleBody": "a" + chr(c) + "a"} for c in points}, open(tfile, "w"))
        pfile = os.path.join(tmp, "chars-pred.json")
        json.dump({f"{c:06x}": "a a" for c in points}, open(pfile, "w"))
        n = str(len(points))
        py = run([sys.executable, a.score, tfile, pfile, "--json", "--latin", "--worst", n])
        sw = run([a.eval, tfile, pfile, "--json", "--latin", "--worst", n])
        ok = py["worst"] == sw["worst"]
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} word characters: {len(points)} code points of Unicode {unicodedata.unidata_version}")
    print("all agree" if failures == 0 else f"{failures} disagreements")
    sys.exit(1 if failures else 0)

if __name__ == "__main__":
    main()
