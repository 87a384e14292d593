#!/usr/bin/env bash
# figtrace benchmark: parse-only (PDFBox/Tika/jsoup alone) vs figtrace end to end on the same files, then the
# incremental cases. Anyone can run it; it needs ../shared (atlas/docs, realdocs), python3 and GNU time.
#   bench/run.sh            N=100 documents (about 3 CPU minutes per cold run on a 2-core laptop)
#   N=1000 bench/run.sh     the scaled corpus of the issue (about 10 times that)
# Prints a table: CPU and wall seconds, docs/s, pages/s, chars/s, peak RSS (the largest process: figtrace or one
# parser worker), and the ratio of figtrace's single-job CPU to parse-only CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100}
WORK=${WORK:-/tmp/figtrace-bench}
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
if [ -z "${JAR:-}" ]; then ./figtrace --version >/dev/null; fi   # builds target/figtrace.jar when the sources changed
rm -rf "$WORK"; mkdir -p "$WORK"
python3 bench/make_corpus.py "$WORK/corpus" "$N" ../shared/atlas/docs ../shared/realdocs >/dev/null
CP="${JAR:-target/figtrace.jar}"
JAVA=(java -Dfile.encoding=UTF-8)

# measure LABEL CMD… → appends "LABEL cpu_s wall_s maxrss_mb" to $WORK/results
measure() {
  local label=$1; shift
  /usr/bin/time -f "%U %S %e %M" -o "$WORK/time.txt" "$@" >"$WORK/$label.log" 2>&1 || true
  read -r u s e m <"$WORK/time.txt"
  echo "$label $(echo "$u + $s" | bc) $e $((m / 1024))" >>"$WORK/results"
}

measure parse_only "${JAVA[@]}" -cp "$CP" figtrace.bench.ParseOnly "$WORK/corpus"
read -r docs pages chars _ _ <"$WORK/parse_only.log"
measure jobs1_cold "${JAVA[@]}" -jar "$CP" run "$WORK/corpus" --out "$WORK/out1" --jobs 1 -q
measure jobs2_cold "${JAVA[@]}" -jar "$CP" run "$WORK/corpus" --out "$WORK/out2" --jobs 2 -q
measure no_change "${JAVA[@]}" -jar "$CP" run "$WORK/corpus" --out "$WORK/out2" -q
one=$(ls "$WORK/corpus" | grep -E '\.(html|txt)$' | head -1)
printf '\n<!-- changed -->\n' >>"$WORK/corpus/$one"
measure one_change "${JAVA[@]}" -jar "$CP" run "$WORK/corpus" --out "$WORK/out2" -q

echo "figtrace benchmark: $docs documents, $pages PDF pages, $chars characters (parse-only text), $(nproc) cores"
printf '%-12s %8s %8s %8s %9s %11s %8s\n' case cpu_s wall_s docs/s pages/s chars/s rss_mb
while read -r label cpu wall rss; do
  printf '%-12s %8.1f %8.1f %8.1f %9.1f %11.0f %8d\n' "$label" "$cpu" "$wall" "$(echo "$docs / $wall" | bc -l)" \
    "$(echo "$pages / $wall" | bc -l)" "$(echo "$chars / $wall" | bc -l)" "$rss"
done <"$WORK/results"
p=$(awk '$1=="parse_only"{print $2}' "$WORK/results"); f=$(awk '$1=="jobs1_cold"{print $2}' "$WORK/results")
w1=$(awk '$1=="jobs1_cold"{print $3}' "$WORK/results"); w2=$(awk '$1=="jobs2_cold"{print $3}' "$WORK/results")
printf 'figtrace --jobs 1 CPU / parse-only CPU = %.2f (goal <= 1.4)\n' "$(echo "$f / $p" | bc -l)"
printf 'figtrace --jobs 2 wall / --jobs 1 wall = %.2f (goal <= 0.55)\n' "$(echo "$w2 / $w1" | bc -l)"
