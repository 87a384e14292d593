#!/usr/bin/env python3
"""Opens figtrace's exports as a spreadsheet program reads them and checks that no value changed.

    python3 tools/check_exports.py OUT REVIEWED.xlsx [REVIEWED.csv]

OUT is the run folder (figures.jsonl, figtrace.db, figures.csv); REVIEWED.xlsx/.csv come from
`./figtrace export --to …` (or the review page's export links). Needs openpyxl (Debian: python3-openpyxl).

Checks, each counted and printed; any failure makes the exit code 1:
- XLSX, sheet `figures`: one row per figure; `value` equals the exact decimal of figures.jsonl (or the reviewer's
  correction) and is a numeric cell whenever a double holds it exactly (else exact text); `value_num` is numeric;
  page/line/offsets are numeric; `target` is a boolean; ids and raw text stay text; no cell is a formula; the header
  is frozen, has an autofilter, and every column has a width; so do the panel, panel_checks and tables lists. Each
  table sheet (the table as printed): frozen header rows, no formula; its numeric cells are counted.
- CSV (reviewed export and OUT/figures.csv) as Excel's parser sees it: UTF-8 with BOM; a cell that Excel would read
  as a number reads as the stored number (no leading apostrophe on numbers: '-2,450 is a changed value); no cell
  starts with = + - @ unless it is a plain number; the reviewed CSV has value_num and review_status and quotes on one
  line.
"""
import csv
import json
import re
import sqlite3
import sys
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

LISTS = {'figures', 'panel', 'panel_checks', 'tables'}  # sheets that are lists: strict header, filter, widths
NUMBER = re.compile(r'^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$')
failures = []
counts = {}


def fail(msg):
    if len(failures) < 30:
        print('FAIL', msg)
    failures.append(msg)


def count(name, n=1):
    counts[name] = counts.get(name, 0) + n


def decisions(db):
    """Effective corrections and status per (doc, figure id), as the review page computes them."""
    con = sqlite3.connect(db)
    rows = con.execute("SELECT doc, figure_id, action, field, new_value FROM decisions WHERE orphaned = 0 AND undone = 0"
                       " ORDER BY id").fetchall()
    reviews = {}
    for doc, fid, action, field, value in rows:
        r = reviews.setdefault((doc, fid), {'status': 'unreviewed', 'corrections': {}})
        if action == 'accept':
            r['status'] = 'accepted'
        elif action == 'reject':
            r['status'] = 'rejected'
        elif action == 'correct':
            r['status'] = 'corrected'
            r['corrections'][field] = value
        elif action == 'reset':
            r['status'] = 'unreviewed'
            r['corrections'] = {}
    return reviews


def exact_double(d):
    return Decimal(repr(float(d))) == d


def check_xlsx(path, figures, reviews):
    book = load_workbook(path)  # the full reader: cell types as Excel stores them
    sheet = book['figures']
    rows = sheet.iter_rows()
    header = [c.value for c in next(rows)]
    col = {name: i for i, name in enumerate(header)}
    for need in ('id', 'doc', 'value', 'value_num', 'target', 'review_status'):
        if need not in col:
            fail(f'{path}: no column {need}')
            return
    seen = 0
    for row in rows:
        seen += 1
        cells = {name: row[i] for name, i in col.items() if i < len(row)}
        key = (cells['doc'].value, cells['id'].value)
        f = figures.get(key)
        if f is None:
            fail(f'{path}: row {seen + 1} is no figure of figures.jsonl: {key}')
            continue
        review = reviews.get(key, {'status': 'unreviewed', 'corrections': {}})
        expected_value = review['corrections'].get('value', f['value'])
        cell = cells['value']
        if expected_value in (None, ''):
            if cell.value not in (None, ''):
                fail(f'{key}: value {cell.value!r}, expected empty')
        else:
            exact = Decimal(str(expected_value))
            if cell.data_type == 'n':
                count('value numeric cells')
                if Decimal(repr(float(cell.value))) != exact and Decimal(str(cell.value)) != exact:
                    fail(f'{key}: value cell {cell.value!r} != {exact}')
            else:
                count('value text cells (not exact as a double)')
                if exact_double(exact):
                    fail(f'{key}: value {exact} fits a double but is stored as text {cell.value!r}')
                elif Decimal(str(cell.value)) != exact:
                    fail(f'{key}: value text {cell.value!r} != {exact}')
            vn = cells['value_num']
            if vn.data_type != 'n':
                fail(f'{key}: value_num is not numeric: {vn.value!r}')
            else:
                count('value_num numeric cells')
        t = cells['target']
        expected_target = review['corrections'].get('target', f['target'])
        expected_target = expected_target if isinstance(expected_target, bool) else str(expected_target) == 'true'
        if t.data_type != 'b' or t.value is not expected_target:
            fail(f'{key}: target {t.value!r} ({t.data_type}), expected boolean {expected_target}')
        else:
            count('target boolean cells')
        for name in ('page', 'line', 'char_start', 'char_end', 'span_start', 'span_end'):
            c = cells.get(name)
            if c is None or c.value in (None, ''):
                continue
            if c.data_type != 'n' or int(c.value) != int(f[name]):
                fail(f'{key}: {name} {c.value!r} ({c.data_type}) != {f[name]}')
        for name in ('id', 'raw'):
            if cells[name].data_type != 's':
                fail(f'{key}: {name} is not text: {cells[name].value!r}')
        if cells['review_status'].value != review['status']:
            fail(f'{key}: review_status {cells["review_status"].value!r} != {review["status"]}')
        for c in row:
            if c.data_type == 'f':
                fail(f'{key}: a formula cell {c.coordinate}')
    counts['xlsx figures rows'] = seen
    if seen != len(figures):
        fail(f'{path}: {seen} rows, figures.jsonl has {len(figures)}')
    for ws in book.worksheets:
        listing = ws.title in LISTS
        frozen = ws.freeze_panes
        # lists freeze their header row; a table as printed may also freeze its row labels (B2)
        if frozen is None or (listing and frozen != 'A2') or int(re.sub(r'[A-Z]+', '', frozen)) < 2:
            fail(f'{path} sheet {ws.title}: header not frozen ({frozen})')
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        if listing:
            if not ws.auto_filter.ref:
                fail(f'{path} sheet {ws.title}: no autofilter')
            if ws.max_column > 1 and len(widths) < ws.max_column:
                fail(f'{path} sheet {ws.title}: {len(widths)} widths for {ws.max_column} columns')
        else:
            if not ws.auto_filter.ref:
                count('table sheets without autofilter (printed tables, several header rows)')
            for row in ws.iter_rows(min_row=2):
                for c in row:
                    if c.data_type == 'n':
                        count('table sheet numeric cells')
                    elif c.data_type == 'f':
                        fail(f'{path} sheet {ws.title}: a formula cell {c.coordinate}')
                    elif isinstance(c.value, str) and NUMBER.match(c.value.replace(',', '')):
                        count('table sheet cells that look numeric but are text (codes, labels)')
    counts['xlsx sheets'] = len(book.worksheets)
    shown = book.worksheets[:8]
    print('sheets:', ', '.join(f'{ws.title} ({ws.max_row - 1} rows)' for ws in shown)
          + (f', … ({len(book.worksheets) - len(shown)} more)' if len(book.worksheets) > len(shown) else ''))


def check_csv(path, figures, reviews, reviewed):
    raw = open(path, 'rb').read()
    if not raw.startswith(b'\xef\xbb\xbf'):
        fail(f'{path}: no UTF-8 byte-order mark')
    text = raw.decode('utf-8-sig')
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header = rows[0]
    col = {n: i for i, n in enumerate(header)}
    if reviewed:
        for need in ('value_num', 'review_status'):
            if need not in col:
                fail(f'{path}: no column {need}')
    n = 0
    for r in rows[1:]:
        n += 1
        key = (r[col['doc']], r[col['id']])
        f = figures.get(key)
        if f is None:
            fail(f'{path}: row {n + 1} is no figure: {key}')
            continue
        review = reviews.get(key, {'status': 'unreviewed', 'corrections': {}}) if reviewed else {'corrections': {}}
        expected = review['corrections'].get('value', f['value'])
        cell = r[col['value']]
        if expected not in (None, ''):
            if not NUMBER.match(cell):
                fail(f'{path} {key}: value cell {cell!r} is not a number Excel reads (expected {expected})')
            elif Decimal(cell) != Decimal(str(expected)):
                fail(f'{path} {key}: value {cell} != {expected}')
            else:
                count(f'{path.split("/")[-1]} values read back exactly')
        for c in r:
            if c[:1] in ('=', '+', '-', '@') and not NUMBER.match(c.replace(',', '').rstrip('%')):
                fail(f'{path} {key}: a cell Excel would run as a formula: {c[:40]!r}')
            if c.startswith("'") and NUMBER.match(c[1:].replace(',', '').rstrip('%')):
                fail(f'{path} {key}: a number changed by the formula guard: {c!r}')
        if reviewed:
            q = r[col['quote']]
            if '\n' in q or '\r' in q:
                fail(f'{path} {key}: the quote holds a line break')
            if r[col['review_status']] != review['status']:
                fail(f'{path} {key}: review_status {r[col["review_status"]]} != {review["status"]}')
            if expected not in (None, '') and not NUMBER.match(r[col['value_num']]):
                fail(f'{path} {key}: value_num {r[col["value_num"]]!r} is not a number')
    counts[f'{path.split("/")[-1]} rows'] = n


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    out, xlsx = sys.argv[1], sys.argv[2]
    reviewed_csv = sys.argv[3] if len(sys.argv) > 3 else None
    figures = {}
    for line in open(f'{out}/figures.jsonl', encoding='utf-8'):
        f = json.loads(line, parse_float=Decimal, parse_int=Decimal)
        for k in ('page', 'line', 'char_start', 'char_end', 'span_start', 'span_end'):
            if f.get(k) is not None:
                f[k] = int(f[k])
        figures[(f['doc'], f['id'])] = f
    reviews = decisions(f'{out}/figtrace.db')
    counts['figures in figures.jsonl'] = len(figures)
    counts['figures with a review'] = len(reviews)
    check_xlsx(xlsx, figures, reviews)
    if reviewed_csv:
        check_csv(reviewed_csv, figures, reviews, True)
    check_csv(f'{out}/figures.csv', figures, reviews, False)
    for k, v in counts.items():
        print(f'{k}: {v}')
    print(f'{len(failures)} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
