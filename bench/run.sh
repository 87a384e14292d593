#!/usr/bin/env bash
# figtrace benchmark: parse-only (PDFBox/Tika/jsoup alone) vs figtrace end to end on the same files, then the
# incremental cases. Anyone can run it; it needs ../shared (atlas/docs, realdocs), python3 and GNU time.
#   bench/run.sh            N=100 documents (about 3 CPU minutes per cold run on a 2-core laptop)
#   N=1000 bench/run.sh     the scaled corpus of the issue (about 10 times that)
#   REPS=3 bench/run.sh     every case three times, medians printed (COLD_REPS=1: the cold cases once)
#   CASES="jobs2_cold no_change one_change" N=1000 bench/run.sh    only these cases
#   KEEP=1 CASES="no_change one_change" REPS=3 bench/run.sh         again on the last corpus and outputs
#   LAUNCHER=0 bench/run.sh  figtrace as plain `java -jar` (default JVM options, no class-data-sharing archive)
# Prints a table: CPU and wall seconds, docs/s, pages/s, chars/s, peak RSS (the largest process: figtrace or one
# parser worker), and the ratio of figtrace's single-job CPU to parse-only CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100}
WORK=${WORK:-/tmp/figtrace-bench}
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 1; }
if [ -z "${JAR:-}" ]; then ./figtrace --version >/dev/null; fi   # builds target/figtrace.jar when the sources changed
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "${KEEP:-}" ] && [ -d "$WORK/corpus" ]; then   # KEEP=1: the corpus and outputs of the last run stay
  rm -f "$WORK/results" "$WORK/medians"
else
  rm -rf "$WORK"; mkdir -p "$WORK"
  python3 bench/make_corpus.py "$WORK/corpus" "$N" ../shared/atlas/docs ../shared/realdocs >/dev/null
fi
CP="${JAR:-target/figtrace.jar}"
JAVA=(java -Dfile.encoding=UTF-8)
# figtrace runs as users run it: through ./figtrace (its JVM options and class-data-sharing archive, which the first
# run records beside the jar); LAUNCHER=0 runs plain `java -jar` as the benchmark did before session 8
if [ "${LAUNCHER:-1}" = 0 ]; then FT=("${JAVA[@]}" -jar "$CP"); else FT=(env FIGTRACE_JAR="$(realpath "$CP")" ./figtrace); fi
PATTERNS=${PATTERNS:-patterns}   # the rules the jar was built with (a jar built elsewhere may need its own)

REPS=${REPS:-1}
COLD_REPS=${COLD_REPS:-$REPS}   # the cold cases of 1,000 documents take long: COLD_REPS=1 REPS=3
CASES=${CASES:-parse_only jobs1_cold jobs2_cold no_change one_change}
has() { [[ " $CASES " == *" $1 "* ]]; }

# measure LABEL CMD… → appends "LABEL cpu_s wall_s maxrss_mb" to $WORK/results
measure() {
  local label=$1; shift
  /usr/bin/time -f "%U %S %e %M" -o "$WORK/time.txt" "$@" >"$WORK/$label.log" 2>&1 || true
  read -r u s e m < <(tail -1 "$WORK/time.txt")   # GNU time puts "Command exited with non-zero status" first
  echo "$label $(echo "$u + $s" | bc) $e $((m / 1024))" >>"$WORK/results"
}

# REPS times each case (medians are printed); a cold case starts from an empty output folder every time
docs=0 pages=0 chars=0
for rep in $(seq "$COLD_REPS"); do
  if has parse_only; then
    # with the JVM options figtrace's launcher and parse workers use (C1 only, serial GC): the same libraries, the same
    # JVM; PARSE_OPTS="" for the JVM's defaults
    # shellcheck disable=SC2086
    measure parse_only "${JAVA[@]}" ${PARSE_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "$CP" figtrace.bench.ParseOnly "$WORK/corpus"
    read -r docs pages chars _ _ <"$WORK/parse_only.log"
  fi
  if has jobs1_cold; then rm -rf "$WORK/out1"; measure jobs1_cold "${FT[@]}" run "$WORK/corpus" --patterns "$PATTERNS" --out "$WORK/out1" --jobs 1 -q; fi
  if has jobs2_cold; then rm -rf "$WORK/out2"; measure jobs2_cold "${FT[@]}" run "$WORK/corpus" --patterns "$PATTERNS" --out "$WORK/out2" --jobs 2 -q; fi
done
if [ "$docs" = 0 ]; then docs=$(ls "$WORK/corpus" | wc -l); fi
[ -d "$WORK/out2" ] || "${FT[@]}" run "$WORK/corpus" --patterns "$PATTERNS" --out "$WORK/out2" -q >"$WORK/prepare.log" 2>&1 || true
# awk reads all of ls's output (no early exit: `head -1` closes the pipe, and under pipefail the SIGPIPE that grep or
# ls then gets fails the script)
one=$(ls "$WORK/corpus" | awk '/\.(html|txt)$/ && !found { print; found = 1 }')
for rep in $(seq "$REPS"); do
  if has no_change; then measure no_change "${FT[@]}" run "$WORK/corpus" --patterns "$PATTERNS" --out "$WORK/out2" -q; fi
  if has one_change; then
    printf '\n<!-- changed %s -->\n' "$rep" >>"$WORK/corpus/$one"
    measure one_change "${FT[@]}" run "$WORK/corpus" --patterns "$PATTERNS" --out "$WORK/out2" -q
  fi
done

echo "figtrace benchmark: $docs documents, $pages PDF pages, $chars characters (parse-only text), $(nproc) cores," \
  "median of $REPS ($COLD_REPS for parse-only and cold runs), load before: $LOAD"
printf '%-12s %8s %8s %8s %9s %11s %8s\n' case cpu_s wall_s docs/s pages/s chars/s rss_mb
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
for label in parse_only jobs1_cold jobs2_cold no_change one_change; do
  grep -q "^$label " "$WORK/results" || continue
  cpu=$(awk -v l="$label" '$1==l{print $2}' "$WORK/results" | median)
  wall=$(awk -v l="$label" '$1==l{print $3}' "$WORK/results" | median)
  rss=$(awk -v l="$label" '$1==l{print $4}' "$WORK/results" | median)
  echo "$label $cpu $wall $rss" >>"$WORK/medians"
  printf '%-12s %8.1f %8.1f %8.1f %9.1f %11.0f %8d\n' "$label" "$cpu" "$wall" "$(echo "$docs / $wall" | bc -l)" \
    "$(echo "$pages / $wall" | bc -l)" "$(echo "$chars / $wall" | bc -l)" "$rss"
done
if grep -q '^parse_only ' "$WORK/medians" && grep -q '^jobs1_cold ' "$WORK/medians"; then
  p=$(awk '$1=="parse_only"{print $2}' "$WORK/medians"); f=$(awk '$1=="jobs1_cold"{print $2}' "$WORK/medians")
  printf 'figtrace --jobs 1 CPU / parse-only CPU = %.2f (goal <= 1.4)\n' "$(echo "$f / $p" | bc -l)"
fi
if grep -q '^jobs2_cold ' "$WORK/medians" && grep -q '^jobs1_cold ' "$WORK/medians"; then
  w1=$(awk '$1=="jobs1_cold"{print $3}' "$WORK/medians"); w2=$(awk '$1=="jobs2_cold"{print $3}' "$WORK/medians")
  printf 'figtrace --jobs 2 wall / --jobs 1 wall = %.2f (goal <= 0.55)\n' "$(echo "$w2 / $w1" | bc -l)"
fi
