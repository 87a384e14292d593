// figtrace review page. Document text is only ever put into the page with textContent (via el()), never as
// markup, so a document cannot inject script; the server's CSP forbids inline script as a second line.
'use strict';

const TOKEN = document.querySelector('meta[name="figtrace-token"]').content;
const STATUS_LABEL = {unreviewed: '未审阅', accepted: '已接受', rejected: '已拒绝', corrected: '已更正'};
const ACTION_LABEL = {accept: '接受', reject: '拒绝', correct: '更正', note: '备注', reset: '重置'};
/** Measures keep English codes in the data (for tools and SQL); the page shows them in Chinese. */
const MEASURE_STATUS_LABEL = {done: '已完成', ongoing: '进行中', planned: '计划', recommended: '建议'};
const INSTRUMENT_LABEL = {fund: '基金', loan: '贷款', tax: '税收', platform: '平台', talent: '人才', plan: '规划',
  regulation: '制度', finance: '金融', cooperation: '合作', other: '其他'};
/** Figures keep English codes in the data (for tools and SQL); the page shows every one of them in Chinese. */
const KIND_LABEL = {money: '金额', count: '数量', percent: '百分比', pp: '百分点', physical: '实物量', rank: '位次',
  multiple: '倍数', ratio: '比例', index: '指数'};
const UNIT_LABEL = {CNY: '元', USD: '美元', EUR: '欧元', '%': '%', pp: '个百分点', count: '个', index: '指数',
  person: '人', ratio: '比'};
const CHANGE_LABEL = {growth: '增长率', yoy_growth: '同比增长', increase: '增加量', decrease: '减少量', share: '占比',
  diff: '差值', multiple: '倍数'};
/** Entity types keep their codes in the data; the page names them in Chinese. */
const ENTITY_TYPE_LABEL = {ORG: '机构', PLACE: '地点', PERSON: '人物', DOC: '文件', PROGRAM: '项目计划', INDUSTRY: '产业'};
/** Region levels of regions.tsv, as the charts name the level they compare. */
const LEVEL_LABEL = {province: '省级', prefecture: '地级', county: '县级', area: '片区', corps: '兵团', other: '其他'};
const QUALIFIER_LABEL = {approx: '约', gt: '超过', ge: '以上', lt: '不足', le: '以下'};
const RULE_LABEL = {table_cell: '表格单元格', money: '金额', count: '数量', percent: '百分比', pp: '百分点',
  physical: '实物量', rank: '位次', multiple: '倍数', ratio: '比例'};
/** A code in Chinese; unknown codes are shown as they are. */
function label(map, code) {
  if (code === null || code === undefined || code === '') return '';
  return map[code] || String(code);
}
/** Indicator ids of the panel shown by their names: 地区生产总值 (gdp). */
function indicatorLabels(names) {
  const labels = {};
  for (const [id, name] of Object.entries(names || {})) labels[id] = name === id ? id : name + '（' + id + '）';
  return labels;
}
function ruleLabel(rule) {
  if (!rule) return '';
  const name = String(rule).replace(/^figures:/, '');
  return RULE_LABEL[name] ? RULE_LABEL[name] + '规则' : name;
}
function localTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toLocaleString('zh-CN', {hour12: false});
}

const FILTERS = ['doc', 'region', 'time', 'kind', 'indicator', 'status', 'subject', 'q', 'sort'];

const state = {page: 0, size: 50, total: 0, rows: [], selected: -1, detail: null};

/** Creates an element; string children become text nodes (never parsed as HTML). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const $ = (id) => document.getElementById(id);

function toast(message, isError) {
  const t = $('toast');
  t.textContent = message;
  t.className = isError ? 'error' : '';
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, isError ? 6000 : 2000);
}

async function getJson(url) {
  const response = await fetch(url, {headers: {'Accept': 'application/json'}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

async function postJson(url, data) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Figtrace-Token': TOKEN},
    body: JSON.stringify(data),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function filterParams() {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = $('f-' + name).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

function formatValue(value, unit) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  if (unit === 'CNY' && Math.abs(n) >= 1e8) return (n / 1e8).toLocaleString('zh-CN', {maximumFractionDigits: 4}) + ' 亿';
  if (unit === 'CNY' && Math.abs(n) >= 1e4) return (n / 1e4).toLocaleString('zh-CN', {maximumFractionDigits: 4}) + ' 万';
  return value;
}

// ---- facets and filters ----

/** Refills a filter's options (keeping 全部 and the current choice when it is still offered). */
function refill(select, values, labels) {
  const current = select.value;
  const first = select.querySelector('option[value=""]');
  select.replaceChildren(...(first ? [first] : []));
  for (const v of values) select.append(el('option', {value: v}, labels ? label(labels, v) : v));
  if (values.includes(current)) select.value = current;
  else select.value = first ? '' : (values[0] ?? '');
}

async function loadFacets() {
  const facets = await getJson('/api/facets');
  refill($('f-doc'), facets.doc);
  refill($('f-region'), facets.region);
  refill($('f-time'), facets.time);
  refill($('f-kind'), facets.kind, KIND_LABEL);
  refill($('f-indicator'), facets.indicator);
}

/** Choosing a document narrows the other filters to the values that document holds. */
async function narrowFacets() {
  const doc = $('f-doc').value;
  const facets = await getJson('/api/facets?' + new URLSearchParams(doc ? {doc} : {}));
  refill($('f-region'), facets.region);
  refill($('f-time'), facets.time);
  refill($('f-kind'), facets.kind, KIND_LABEL);
  refill($('f-indicator'), facets.indicator);
}

function clearFilters() {
  for (const name of FILTERS) $('f-' + name).value = '';
  narrowFacets().catch(() => {});
  state.page = 0;
  loadPage(0);
}

let filterTimer;
function onFilterChange() {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => { state.page = 0; loadPage(0); }, 200);
}

// ---- the table ----

async function loadPage(select) {
  const p = filterParams();
  p.set('page', state.page);
  p.set('size', state.size);
  let body;
  try {
    body = await getJson('/api/figures?' + p);
  } catch (e) {
    toast('读取数字失败：' + e.message, true);
    return;
  }
  state.rows = body.rows;
  state.total = body.total;
  const exportQuery = filterParams().toString();
  $('export-csv').href = '/api/export.csv' + (exportQuery ? '?' + exportQuery : '');
  $('export-xlsx').href = '/api/export.xlsx' + (exportQuery ? '?' + exportQuery : '');
  renderRows();
  const pages = Math.max(1, Math.ceil(state.total / state.size));
  $('page-info').textContent = `第 ${state.page + 1} / ${pages} 页，共 ${state.total} 条`;
  $('prev').disabled = state.page === 0;
  $('next').disabled = state.page + 1 >= pages;
  if (state.rows.length === 0) {
    state.selected = -1;
    showDetail(null);
  } else if (select !== undefined && select !== null) {
    selectRow(Math.min(select, state.rows.length - 1));
  }
}

function renderRows() {
  const tbody = $('rows');
  tbody.replaceChildren();
  state.rows.forEach((r, i) => {
    const corrected = (field) => (r.corrections && field in r.corrections) ? 'corrected-cell' : null;
    // 页/行 as 3/10 (the header names them), so page and line both fit a narrow column
    const paged = r.page !== null && r.page !== undefined;
    const where = paged ? r.page + '/' + r.line : String(r.line);
    const whereTitle = paged ? `第 ${r.page} 页 第 ${r.line} 行` : `第 ${r.line} 行`;
    const tr = el('tr', {class: 'row status-' + r.status, dataset: {id: r.id, doc: r.doc, index: i}},
      el('td', {class: 'doc', title: r.doc}, r.doc),
      el('td', {title: whereTitle}, where),
      el('td', {class: 'raw', title: r.raw}, r.raw),
      el('td', {class: 'num ' + (corrected('value') || '') + ' ' + (corrected('unit') || ''),
        title: (r.value ?? '') + ' ' + label(UNIT_LABEL, r.unit)}, formatValue(r.value, r.unit)),
      el('td', {class: corrected('kind')}, label(KIND_LABEL, r.kind)),
      el('td', {class: corrected('time')}, r.time ?? ''),
      el('td', {class: corrected('region'), title: r.region ?? ''}, r.region ?? ''),
      el('td', {class: 'subject ' + (corrected('subject') || ''), title: r.subject ?? ''}, r.subject ?? ''),
      el('td', {class: corrected('change')}, label(CHANGE_LABEL, r.change)),
      el('td', {class: 'status'}, STATUS_LABEL[r.status] || r.status));
    tr.addEventListener('click', () => selectRow(i));
    tbody.append(tr);
  });
  highlightSelected();
}

function highlightSelected() {
  for (const tr of $('rows').children) {
    tr.classList.toggle('selected', Number(tr.dataset.index) === state.selected);
  }
}

async function selectRow(i) {
  if (i < 0 || i >= state.rows.length) return;
  state.selected = i;
  highlightSelected();
  const tr = $('rows').children[i];
  if (tr) scrollWithin($('table-pane'), tr, false);
  const r = state.rows[i];
  try {
    const figure = await getJson('/api/figure?' + new URLSearchParams({doc: r.doc, id: r.id}));
    if (state.rows[state.selected] !== r) return; // the reviewer moved on meanwhile
    showDetail(figure);
  } catch (e) {
    toast('读取数字失败：' + e.message, true);
  }
}

// ---- the detail pane ----

/** Scrolls only {@code box} so {@code item} shows (centred, or just into view): scrollIntoView would also scroll
 * every scrolling ancestor, pushing the quote and fields out of sight. */
function scrollWithin(box, item, centre) {
  // the item's top inside the box's scrolled content, whatever element positions them
  const at = item.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  const head = box.querySelector('thead') ? box.querySelector('thead').offsetHeight : 0;
  if (centre) box.scrollTop = at - box.clientHeight / 2 + item.offsetHeight / 2;
  else if (at - head < box.scrollTop) box.scrollTop = at - head;
  else if (at + item.offsetHeight > box.scrollTop + box.clientHeight) {
    box.scrollTop = at + item.offsetHeight - box.clientHeight;
  }
}

function showDetail(f) {
  state.detail = f;
  $('detail').hidden = !f;
  $('detail-empty').hidden = !!f;
  closeForms();
  $('citation-box').hidden = true;
  if (!f) return;
  $('detail-title').textContent = `${f.raw} · ${STATUS_LABEL[f.status]}`;
  // The quote with the figure marked: offsets of the span inside the quote come from the server.
  const q = f.quote || '';
  const [s, e] = f.span_in_quote;
  $('quote').replaceChildren(q.slice(0, s), el('mark', {}, q.slice(s, e)), q.slice(e));
  const fields = $('fields');
  fields.replaceChildren();
  const shown = [['数值', 'value'], ['单位', 'unit', UNIT_LABEL], ['类型', 'kind', KIND_LABEL], ['时期', 'time'],
    ['地区', 'region'], ['主题', 'subject'], ['指标', 'indicator'], ['变化', 'change', CHANGE_LABEL],
    ['限定', 'qualifier', QUALIFIER_LABEL], ['目标', 'target'], ['规则', 'rule'], ['编号', 'id']];
  for (const [name, key, labels] of shown) {
    const v = f[key];
    const isCorrected = f.corrections && key in f.corrections;
    let text = v === null || v === undefined || v === '' ? '—' : String(v);
    if (labels && text !== '—') text = label(labels, v);
    if (key === 'target') text = v === true || v === 'true' ? '是（目标或计划）' : '否';
    if (key === 'rule') text = ruleLabel(v) || '—';
    if (key === 'change' && text === '—') text = '水平值';
    fields.append(el('dt', {}, name), el('dd', {class: isCorrected ? 'corrected-cell' : null}, text,
      labels && v && label(labels, v) !== String(v) ? el('span', {class: 'code'}, String(v)) : null,
      isCorrected && key === 'value' ? el('span', {class: 'muted'}, '（原为 ' + f.original.value + '）') : null));
  }
  const history = $('history');
  history.replaceChildren();
  for (const d of f.decisions) {
    history.append(el('li', {class: d.undone ? 'undone' : null}, `${localTime(d.created_at)} ${ACTION_LABEL[d.action] || d.action}`,
      d.field ? ` ${d.field} → ${d.new_value ?? ''}` : '', d.note ? ` “${d.note}”` : '',
      d.batch ? el('span', {class: 'muted'}, '（批量）') : null, d.undone ? el('span', {class: 'muted'}, '（已撤销）') : null));
  }
  if (f.decisions.length === 0) history.append(el('li', {class: 'muted'}, '尚无'));
  $('source-download').href = '/corpus/' + f.doc.split('/').map(encodeURIComponent).join('/');
  // PDF figures: the page as the document prints it, beside the text lines (toggle)
  const paged = f.page !== null && f.page !== undefined;
  $('btn-page-image').hidden = !paged;
  if (paged && state.showPageImage) showPageImage(f);
  else { $('page-image-box').hidden = true; $('source').hidden = false; }
  loadSource(f);
}

async function loadSource(f) {
  const p = new URLSearchParams({doc: f.doc, line: f.line, span_start: f.span_start, span_end: f.span_end});
  if (f.page !== null && f.page !== undefined) p.set('page', f.page);
  const list = $('source');
  list.replaceChildren();
  let src;
  try {
    src = await getJson('/api/source?' + p);
  } catch (e) {
    $('source-note').hidden = false;
    $('source-note').textContent = '无法显示原文：' + e.message;
    return;
  }
  if (state.detail !== f) return;
  $('source-title').textContent = src.page ? `${src.doc} 第 ${src.page} 页` : src.doc;
  $('source-note').hidden = src.pageEndKnown !== false;
  $('source-note').textContent = '本页之后的页没有数字可定位，下方可能含有后面页的文字。';
  list.start = src.first;
  let cited = null;
  src.lines.forEach((text, i) => {
    const n = src.first + i;
    let li;
    if (n === src.line && src.mark && src.mark[1] > src.mark[0]) {
      // the figure itself marked inside its line, not only the line
      const [a, b] = src.mark;
      li = el('li', {class: 'line cited', value: n}, text.slice(0, a), el('mark', {class: 'figure'}, text.slice(a, b)),
        text.slice(b));
    } else {
      li = el('li', {class: n === src.line ? 'line cited' : 'line', value: n}, text === '' ? '\u00a0' : text);
    }
    if (n === src.line) cited = li;
    list.append(li);
  });
  if (cited) scrollWithin(list, cited, true);
}

function showPageImage(f) {
  const img = $('page-image');
  const src = '/api/page.png?' + new URLSearchParams({doc: f.doc, page: f.page});
  if (img.getAttribute('src') !== src) img.src = src;
  $('page-image-box').hidden = false;
  $('source').hidden = true;
  $('btn-page-image').textContent = '文字';
  $('page-box').hidden = true;
  for (const old of $('page-frame').querySelectorAll('.page-box-more')) old.remove();
  $('page-box-note').hidden = true;
  showPageBox(f);
}

/** Frames the figure on the page image where its position is known (PDF text positions, or the OCR words' box). */
async function showPageBox(f) {
  let b;
  try {
    b = await getJson('/api/page/box?' + new URLSearchParams({doc: f.doc, id: f.id}));
  } catch (e) {
    b = {box: null, how: 'none'};
  }
  if (state.detail !== f) return;
  const frame = $('page-frame');
  for (const old of frame.querySelectorAll('.page-box-more')) old.remove();
  const box = $('page-box');
  const boxes = b.boxes || (b.box ? [b.box] : []);
  if (!boxes.length) {
    box.hidden = true;
    $('page-box-note').hidden = false;
    $('page-box-note').textContent = '无法在页面图像上定位该数字（页面文字与抽取的文字对不上），请按行号查看。';
    return;
  }
  const pad = 2; // points around the glyphs, so the frame does not cover them
  // one frame per printed line the figure stands on (a figure wrapped over two lines has two)
  boxes.forEach(([x0, y0, x1, y1], i) => {
    const frameBox = i === 0 ? box : frame.appendChild(el('div', {class: 'page-box-more'}));
    Object.assign(frameBox.style, {
      left: ((x0 - pad) / b.width * 100) + '%', top: ((y0 - pad) / b.height * 100) + '%',
      width: ((x1 - x0 + 2 * pad) / b.width * 100) + '%', height: ((y1 - y0 + 2 * pad) / b.height * 100) + '%',
    });
  });
  box.dataset.how = b.how;
  box.hidden = false;
  $('page-box-note').hidden = true;
  // bring the box into view inside the image pane once the image has its size
  const scroll = () => scrollWithin($('page-image-box'), box, true);
  const img = $('page-image');
  if (img.complete && img.naturalWidth) scroll(); else img.addEventListener('load', scroll, {once: true});
}

function togglePageImage() {
  const f = state.detail;
  if (!f) return;
  state.showPageImage = $('page-image-box').hidden;
  if (state.showPageImage) showPageImage(f);
  else { $('page-image-box').hidden = true; $('source').hidden = false; $('btn-page-image').textContent = '页面图像'; }
}

// ---- decisions ----

async function decide(action, extra) {
  const f = state.detail;
  if (!f) return;
  try {
    await postJson('/api/decisions', Object.assign({doc: f.doc, id: f.id, action}, extra || {}));
  } catch (e) {
    toast('保存失败：' + e.message, true);
    return;
  }
  const moves = action === 'accept' || action === 'reject';
  toast('已保存：' + ACTION_LABEL[action] + (moves ? '，转到下一条' : ''));
  closeForms();
  const keep = state.selected;
  await loadPage(null);
  // after accept/reject move on to the next figure, as a reviewer going down the list expects
  const next = (action === 'accept' || action === 'reject') ? Math.min(keep + 1, state.rows.length - 1) : keep;
  if (state.rows.length) await selectRow(next);
}

const BULK_LABEL = {accept: '接受', reject: '拒绝', reset: '重置为未审阅'};

/** Accepts, rejects or resets every figure of the current filter result, after saying how many. */
async function bulk(action) {
  const total = state.total;
  if (!total) { toast('当前筛选没有数字', true); return; }
  if (!window.confirm(`确定${BULK_LABEL[action]}当前筛选出的全部 ${total} 条数字？（可用“撤销”整体撤回）`)) return;
  const filter = Object.fromEntries(filterParams());
  delete filter.sort;
  try {
    const r = await postJson('/api/decisions/bulk', {action, filter, expected: total});
    toast(`已${BULK_LABEL[action]} ${r.count} 条数字`);
  } catch (e) {
    toast('批量操作失败：' + e.message, true);
    return;
  }
  const keep = state.selected;
  await loadPage(null);
  if (state.rows.length && keep >= 0) await selectRow(Math.min(keep, state.rows.length - 1));
}

async function undo() {
  try {
    const r = await postJson('/api/decisions/undo', {});
    toast(r.decisions === 0 ? '没有可撤销的操作' : r.bulk ? `已撤销批量操作（${r.figures} 条数字）` : '已撤销上一次操作');
  } catch (e) {
    toast('撤销失败：' + e.message, true);
    return;
  }
  const keep = state.selected;
  await loadPage(null);
  if (state.rows.length && keep >= 0) await selectRow(Math.min(keep, state.rows.length - 1));
}

function closeForms() {
  $('correct-form').hidden = true;
  $('note-form').hidden = true;
}

function openCorrect() {
  if (!state.detail) return;
  $('note-form').hidden = true;
  $('correct-form').hidden = false;
  const field = $('correct-field').value;
  const current = state.detail[field];
  $('correct-value').value = current === null || current === undefined ? '' : String(current);
  $('correct-field').focus();
}

function openNote() {
  if (!state.detail) return;
  $('correct-form').hidden = true;
  $('note-form').hidden = false;
  $('note-text').value = '';
  $('note-text').focus();
}

async function cite() {
  const f = state.detail;
  if (!f) return;
  try {
    const c = await getJson('/api/cite?' + new URLSearchParams({id: f.id, doc: f.doc}));
    $('citation').value = c.citation;
    $('citation-box').hidden = false;
    $('citation').select();
  } catch (e) {
    toast('生成引用失败：' + e.message, true);
  }
}

// ---- charts ----

let timeChart, regionChart;

async function loadCharts() {
  if (!loadCharts.facets) {
    // the chart choices are the panel's: indicator ids, regions and periods that have a chosen value
    const panel = await getJson('/api/panel?size=1');
    refill($('c-indicator'), [...panel.facets.indicator].filter((id) => !id.endsWith('_growth')),
        indicatorLabels(panel.indicator_names));
    refill($('c-region'), panel.facets.region);
    refill($('c-time'), panel.facets.period);
    loadCharts.facets = true;
  }
  const indicator = $('c-indicator').value;
  if (!indicator || typeof echarts === 'undefined') return;
  timeChart = timeChart || echarts.init($('chart-time'));
  regionChart = regionChart || echarts.init($('chart-regions'));
  try {
    const over = await getJson('/api/chart/time?' + new URLSearchParams({indicator, region: $('c-region').value}));
    const across = await getJson('/api/chart/regions?' + new URLSearchParams({indicator, period: $('c-time').value}));
    timeChart.setOption(chartOption(over, 'line'), true);
    regionChart.setOption(chartOption(across, 'bar'), true);
    for (const [chart, data] of [[timeChart, over], [regionChart, across]]) {
      chart.off('click');
      // a point opens its panel cell: all its sources side by side
      chart.on('click', (e) => { const p = data.points[e.dataIndex]; if (p) openPanelCell(p); });
    }
    $('chart-time-title').textContent = over.region ? '（' + over.region + '）' : '（无数据）';
    $('chart-regions-title').textContent = across.period ? '（' + across.period + (across.level ? '，' + label(LEVEL_LABEL, across.level) : '') + '）' : '（无数据）';
  } catch (e) {
    toast('读取图表数据失败：' + e.message, true);
  }
}

function chartOption(data, type) {
  const unit = data.unit;
  const scale = unit === 'CNY' ? 1e8 : 1;
  const unitLabel = unit === 'CNY' ? '亿元' : (unit || '');
  return {
    animation: false, // the chart is read, not watched; also keeps screenshots and tests deterministic
    tooltip: {trigger: 'axis'},
    grid: {left: 70, right: 20, top: 30, bottom: 50},
    xAxis: {type: 'category', data: data.points.map((p) => p.label), axisLabel: {rotate: data.points.length > 6 ? 30 : 0}},
    yAxis: {type: 'value', name: unitLabel},
    series: [{type, name: data.indicator, data: data.points.map((p) => Number(p.value) / scale),
      label: {show: true, position: 'top'}, symbolSize: 8, barMaxWidth: 60}],
  };
}

// ---- orphans ----

async function loadOrphans() {
  const rows = await getJson('/api/orphans');
  const tbody = $('orphan-rows');
  tbody.replaceChildren();
  for (const d of rows) {
    tbody.append(el('tr', {}, el('td', {}, d.doc), el('td', {}, d.raw), el('td', {}, ACTION_LABEL[d.action]),
      el('td', {}, d.field ?? ''), el('td', {}, d.new_value ?? ''), el('td', {}, d.note ?? ''),
      el('td', {title: d.created_at}, localTime(d.created_at)), el('td', {class: 'quote'}, d.quote ?? '')));
  }
  if (rows.length === 0) tbody.append(el('tr', {}, el('td', {colspan: 8, class: 'muted'}, '没有孤立的审阅记录')));
}

// ---- entities and measures ----
// Both views are read-only lists; their linked figures jump to the figures tab, where review happens.

const records = {
  entities: {page: 0, size: 50, total: 0, facetsLoaded: false},
  measures: {page: 0, size: 50, total: 0, facetsLoaded: false},
};

function fillOnce(select, values, labels = {}) {
  for (const v of values) select.append(el('option', {value: v}, labels[v] || v));
}

/** Selects the clicked row of a record table. */
function markSelected(tbody, tr) {
  for (const row of tbody.children) row.classList.toggle('selected', row === tr);
}

async function loadEntities() {
  const r = records.entities;
  const p = new URLSearchParams({page: r.page, size: r.size});
  for (const name of ['type', 'doc', 'q']) if ($('e-' + name).value.trim()) p.set(name, $('e-' + name).value.trim());
  let body;
  try {
    body = await getJson('/api/entities?' + p);
  } catch (e) {
    toast('读取实体失败：' + e.message, true);
    return;
  }
  if (!r.facetsLoaded) {
    fillOnce($('e-type'), body.facets.type, ENTITY_TYPE_LABEL);
    fillOnce($('e-doc'), body.facets.doc);
    r.facetsLoaded = true;
  }
  r.total = body.total;
  const tbody = $('entity-rows');
  tbody.replaceChildren();
  for (const g of body.rows) {
    const tr = el('tr', {class: 'row', dataset: {id: g.id}},
      el('td', {}, g.canonical ?? g.id), el('td', {}, label(ENTITY_TYPE_LABEL, g.type)), el('td', {class: 'text'}, g.forms.join('、')),
      el('td', {class: 'num'}, g.documents), el('td', {class: 'num'}, g.mentions));
    tr.addEventListener('click', () => { markSelected(tbody, tr); showEntity(g.id); });
    tbody.append(tr);
  }
  if (body.rows.length === 0) tbody.append(el('tr', {}, el('td', {colspan: 5, class: 'muted'}, '没有实体')));
  pagerInfo('e', r);
}

async function showEntity(id) {
  let e;
  try {
    e = await getJson('/api/entity?' + new URLSearchParams({id}));
  } catch (err) {
    toast('读取实体失败：' + err.message, true);
    return;
  }
  $('entity-empty').hidden = true;
  $('entity-detail').hidden = false;
  $('entity-title').textContent = `${e.canonical ?? e.id} · ${label(ENTITY_TYPE_LABEL, e.type)}`;
  const figures = $('entity-figures');
  figures.replaceChildren();
  for (const f of e.figures) {
    const tr = el('tr', {class: 'link', dataset: {id: f.id}}, el('td', {class: 'doc', title: f.doc}, f.doc),
      el('td', {}, f.page ?? ''), el('td', {}, f.line), el('td', {}, f.raw),
      el('td', {class: 'num'}, formatValue(f.value, f.unit)), el('td', {}, f.subject ?? ''));
    tr.addEventListener('click', () => jumpToFigure(f));
    figures.append(tr);
  }
  if (e.figures.length === 0) figures.append(el('tr', {}, el('td', {colspan: 6, class: 'muted'}, '没有关联的数字')));
  const mentions = $('entity-mentions');
  mentions.replaceChildren();
  for (const m of e.mentions) {
    mentions.append(el('tr', {}, el('td', {class: 'doc', title: m.doc}, m.doc), el('td', {}, m.page ?? ''),
      el('td', {}, m.line), el('td', {}, m.text)));
  }
}

async function loadMeasures() {
  const r = records.measures;
  const p = new URLSearchParams({page: r.page, size: r.size});
  for (const name of ['status', 'instrument', 'doc', 'q']) {
    if ($('m-' + name).value.trim()) p.set(name, $('m-' + name).value.trim());
  }
  let body;
  try {
    body = await getJson('/api/measures?' + p);
  } catch (e) {
    toast('读取政策措施失败：' + e.message, true);
    return;
  }
  if (!r.facetsLoaded) {
    fillOnce($('m-status'), body.facets.status, MEASURE_STATUS_LABEL);
    fillOnce($('m-instrument'), body.facets.instrument, INSTRUMENT_LABEL);
    fillOnce($('m-doc'), body.facets.doc);
    r.facetsLoaded = true;
  }
  r.total = body.total;
  const tbody = $('measure-rows');
  tbody.replaceChildren();
  for (const m of body.rows) {
    const tr = el('tr', {class: 'row', dataset: {id: m.id}},
      el('td', {class: 'doc', title: m.doc}, m.doc), el('td', {}, m.page ?? ''), el('td', {}, m.line),
      el('td', {}, m.actor ?? ''), el('td', {}, MEASURE_STATUS_LABEL[m.status] || (m.status ?? '')),
      el('td', {}, INSTRUMENT_LABEL[m.instrument] || (m.instrument ?? '')),
      el('td', {class: 'text'}, m.text), el('td', {class: 'num'}, m.figures.length));
    tr.addEventListener('click', () => { markSelected(tbody, tr); showMeasure(m); });
    tbody.append(tr);
  }
  if (body.rows.length === 0) tbody.append(el('tr', {}, el('td', {colspan: 8, class: 'muted'}, '没有政策措施')));
  pagerInfo('m', r);
}

function showMeasure(m) {
  $('measure-empty').hidden = true;
  $('measure-detail').hidden = false;
  $('measure-text').textContent = m.text;
  const fields = $('measure-fields');
  fields.replaceChildren();
  for (const [label, v] of [['文档', m.doc], ['页', m.page], ['行', m.line], ['主体', m.actor], ['状态', MEASURE_STATUS_LABEL[m.status] || m.status],
    ['手段', INSTRUMENT_LABEL[m.instrument] || m.instrument], ['编号', m.id]]) {
    fields.append(el('dt', {}, label), el('dd', {}, v === null || v === undefined ? '—' : String(v)));
  }
  const figures = $('measure-figures');
  figures.replaceChildren();
  for (const f of m.figures) {
    const tr = el('tr', {class: 'link', dataset: {id: f.id}}, el('td', {}, f.raw),
      el('td', {class: 'num'}, formatValue(f.value, f.unit)), el('td', {}, label(UNIT_LABEL, f.unit)), el('td', {}, f.subject ?? ''));
    tr.addEventListener('click', () => jumpToFigure(f));
    figures.append(tr);
  }
  if (m.figures.length === 0) figures.append(el('tr', {}, el('td', {colspan: 4, class: 'muted'}, '没有关联的数字')));
  const entities = $('measure-entities');
  entities.replaceChildren();
  for (const e of m.entities) entities.append(el('li', {}, e.text, el('span', {class: 'muted'}, ` ${label(ENTITY_TYPE_LABEL, e.type)} → ${e.canonical ?? ''}`)));
  if (m.entities.length === 0) entities.append(el('li', {class: 'muted'}, '没有'));
}

function pagerInfo(prefix, r) {
  const pages = Math.max(1, Math.ceil(r.total / r.size));
  $(prefix + '-page-info').textContent = `第 ${r.page + 1} / ${pages} 页，共 ${r.total} 条`;
  $(prefix + '-prev').disabled = r.page === 0;
  $(prefix + '-next').disabled = r.page + 1 >= pages;
}

/** Shows one figure in the figures tab: filters down to its document and raw text, then opens it. */
async function jumpToFigure(f) {
  for (const name of FILTERS) $('f-' + name).value = '';
  $('f-doc').value = f.doc;
  $('f-q').value = f.raw;
  showTab('review');
  state.page = 0;
  await loadPage(null);
  const i = state.rows.findIndex((r) => r.id === f.id && r.doc === f.doc);
  if (i >= 0) await selectRow(i);
  else toast('数字表中找不到该数字', true);
}

// ---- the table view ----
// A rebuilt table as the document prints it: header rows, row labels indented by their level, each figure cell
// coloured by its review status. A cell opens its figure and page; a column or row header opens the form that
// accepts, rejects or corrects everything under it.

const TABLE_FIELD_LABEL = {region: '地区', time: '时期', unit: '单位'};
const tableView = {docsLoaded: false, model: null, reviews: {}, selectedCell: null, axis: null, doc: null, id: null};

async function loadTableDocs() {
  if (tableView.docsLoaded) return;
  const body = await getJson('/api/tables');
  const docs = [...new Set(body.tables.map((t) => t.doc))];
  const select = $('t-doc');
  select.replaceChildren(...docs.map((d) => el('option', {value: d}, d)));
  if (!docs.length) {
    $('t-info').textContent = '没有重建的表格（文档中没有找到表格，或数据库来自不重建表格的版本）';
    return;
  }
  tableView.docsLoaded = true;
  await loadTableList();
}

async function loadTableList() {
  const doc = $('t-doc').value;
  const body = await getJson('/api/tables?' + new URLSearchParams({doc}));
  const select = $('t-table');
  select.replaceChildren(...body.tables.map((t) => el('option', {value: t.id},
    `${t.seq + 1}. ${t.caption || '（无标题表格）'}${t.side ? '（' + t.side + '）' : ''}`
      + (t.pages ? ` · 第${t.pages}页` : '') + ` · ${t.figures} 个数字`)));
  if (body.tables.length) await loadTable();
}

async function loadTable() {
  const doc = $('t-doc').value, id = $('t-table').value;
  if (!doc || !id) return;
  let body;
  try {
    body = await getJson('/api/table?' + new URLSearchParams({doc, id}));
  } catch (e) {
    toast('读取表格失败：' + e.message, true);
    return;
  }
  Object.assign(tableView, {model: body.table, reviews: body.reviews, decisions: body.decisions, doc, id});
  renderTable();
}

function cellStatus(figureId) {
  const r = tableView.reviews[figureId];
  return r ? r.status : 'unreviewed';
}

function renderTable() {
  const t = tableView.model;
  $('t-caption').textContent = (t.caption || '（无标题表格）') + (t.unit ? `（单位：${t.unit}）` : '')
    + (t.side ? ` · ${t.side}` : '');
  const columns = t.columns || [];
  const n = Math.max(columns.length, ...((t.headerRows || []).map((r) => r.length)));
  const head = $('table-head');
  head.replaceChildren();
  // the header rows as printed (a spanned position is empty)
  for (const hr of t.headerRows || []) {
    head.append(el('tr', {}, ...Array.from({length: n}, (_, i) => el('th', {}, hr[i] || ''))));
  }
  // one more header row: what each column means, clickable to review or correct the whole column
  const corrected = {};
  for (const d of tableView.decisions || []) corrected[d.axis + '\u0000' + d.header + '\u0000' + d.field] = d.new_value;
  head.append(el('tr', {class: 'meaning'}, ...Array.from({length: n}, (_, i) => {
    const c = columns[i];
    if (!c || c.role !== 'value') return el('th', {}, c && c.role === 'code' ? '编码' : '');
    const parts = ['region', 'period', 'unit'].map((k) => {
      const field = k === 'period' ? 'time' : k;
      const fix = corrected['column\u0000' + c.header + '\u0000' + field];
      return fix !== undefined ? '✎' + fix : (c[k] || '');
    }).filter(Boolean);
    const th = el('th', {class: 'axis', dataset: {column: i}, title: '点击：整列接受、拒绝或更正 ' + (c.header || '')},
      parts.join(' · ') || '（未知）', ' ▾');
    th.addEventListener('click', () => openAxis('column', i));
    return th;
  })));
  const body = $('table-body');
  body.replaceChildren();
  const grid = (t.rows || []).map(() => new Array(n).fill(null));
  for (const cell of t.cells || []) if (grid[cell.row]) grid[cell.row][cell.column] = cell;
  (t.rows || []).forEach((row, r) => {
    const tr = el('tr', {});
    for (let i = 0; i < n; i++) {
      const cell = grid[r][i];
      const c = columns[i];
      if (cell && cell.figureId) {
        const td = el('td', {class: 'fig cell-' + cellStatus(cell.figureId), dataset: {figure: cell.figureId, row: r, column: i}},
          cell.text);
        td.addEventListener('click', () => openCell(td, cell));
        tr.append(td);
      } else if (c && c.role === 'label') {
        const td = el('td', {class: 'row-label label', title: '点击：整行接受、拒绝或更正',
          style: `padding-left: ${6 + 12 * (row.level || 0)}px`}, cell ? cell.text : '');
        td.addEventListener('click', () => openAxis('row', r));
        tr.append(td);
      } else {
        tr.append(el('td', {class: 'label'}, cell ? cell.text : ''));
      }
    }
    body.append(tr);
  });
  const figures = (t.cells || []).filter((c) => c.figureId);
  const counts = {};
  for (const c of figures) counts[cellStatus(c.figureId)] = (counts[cellStatus(c.figureId)] || 0) + 1;
  $('t-info').textContent = `${figures.length} 个数字：` + Object.entries(counts)
    .map(([k, v]) => `${STATUS_LABEL[k] || k} ${v}`).join('，');
}

/** The figure cells under column {@code i} or row {@code i}. */
function axisCells(axis, i) {
  return (tableView.model.cells || []).filter((c) => c.figureId && (axis === 'column' ? c.column === i : c.row === i));
}

function axisHeader(axis, i) {
  const t = tableView.model;
  if (axis === 'column') return (t.columns[i] || {}).header || '';
  return (t.rows[i] || {}).label || '';
}

function openAxis(axis, i) {
  const cells = axisCells(axis, i);
  tableView.axis = {axis, index: i, header: axisHeader(axis, i), count: cells.length};
  const what = axis === 'column' ? '列' : '行';
  $('t-correct-title').textContent = `${what}：${tableView.axis.header || '（无标题）'}`;
  $('t-correct-count').textContent = `${cells.length} 个数字`;
  const meaning = axis === 'column' ? tableView.model.columns[i] : tableView.model.rows[i];
  const field = $('t-correct-field').value;
  $('t-correct-value').value = (meaning && (field === 'time' ? meaning.period : meaning[field])) || '';
  $('t-correct-form').hidden = false;
  $('t-correct-value').focus();
}

async function axisBulk(action) {
  const a = tableView.axis;
  if (!a) return;
  const filter = {doc: tableView.doc, table: tableView.id};
  filter[a.axis] = String(a.index);
  await tableBulk(action, filter, `${a.axis === 'column' ? '该列' : '该行'}的全部 ${a.count} 个数字`);
}

async function tableBulk(action, filter, what) {
  let total;
  try {
    total = (await getJson('/api/figures?' + new URLSearchParams(Object.assign({size: 1}, filter)))).total;
  } catch (e) {
    toast('读取失败：' + e.message, true);
    return;
  }
  if (!total) { toast('没有数字', true); return; }
  if (!window.confirm(`确定${BULK_LABEL[action]}${what.replace(/\d+/, total)}？（可用“撤销”整体撤回）`)) return;
  try {
    const r = await postJson('/api/decisions/bulk', {action, filter, expected: total});
    toast(`已${BULK_LABEL[action]} ${r.count} 条数字`);
  } catch (e) {
    toast('批量操作失败：' + e.message, true);
    return;
  }
  await reloadTableKeepCell();
}

async function saveAxisCorrection() {
  const a = tableView.axis;
  if (!a) return;
  const field = $('t-correct-field').value, value = $('t-correct-value').value.trim();
  const what = a.axis === 'column' ? '列' : '行';
  if (!window.confirm(`把${what}“${a.header}”的${TABLE_FIELD_LABEL[field]}更正为“${value}”？将应用到其下 ${a.count} 个数字，`
      + '重新抽取后仍然有效。')) return;
  try {
    const r = await postJson('/api/tables/correct', {doc: tableView.doc, table: tableView.id, axis: a.axis,
      header: a.header, field, value, expected: a.count});
    toast(`已更正 ${r.count} 个数字的${TABLE_FIELD_LABEL[field]}`);
  } catch (e) {
    toast('更正失败：' + e.message, true);
    return;
  }
  $('t-correct-form').hidden = true;
  await reloadTableKeepCell();
}

async function openCell(td, cell) {
  for (const x of $('table-body').querySelectorAll('td.selected')) x.classList.remove('selected');
  td.classList.add('selected');
  tableView.selectedCell = cell;
  let f;
  try {
    f = await getJson('/api/figure?' + new URLSearchParams({doc: tableView.doc, id: cell.figureId}));
  } catch (e) {
    toast('读取数字失败：' + e.message, true);
    return;
  }
  if (tableView.selectedCell !== cell) return;
  tableView.figure = f;
  $('t-empty').hidden = true;
  $('t-cell').hidden = false;
  $('t-cell-title').textContent = `${f.raw} · ${STATUS_LABEL[f.status]}`;
  const q = f.quote || '';
  const [s, e] = f.span_in_quote;
  $('t-quote').replaceChildren(q.slice(0, s), el('mark', {}, q.slice(s, e)), q.slice(e));
  const fields = $('t-fields');
  fields.replaceChildren();
  for (const [name, key, labels] of [['数值', 'value'], ['单位', 'unit', UNIT_LABEL], ['时期', 'time'], ['地区', 'region'],
    ['主题', 'subject'], ['变化', 'change', CHANGE_LABEL], ['页/行', 'where']]) {
    let v = key === 'where' ? (f.page ? `第 ${f.page} 页 第 ${f.line} 行` : `第 ${f.line} 行`) : f[key];
    if (labels && v) v = label(labels, v);
    if (key === 'value') v = formatValue(f.value, f.unit) + (f.value ? `（${f.value}）` : '');
    fields.append(el('dt', {}, name), el('dd', {class: f.corrections && key in f.corrections ? 'corrected-cell' : null},
      v === null || v === undefined || v === '' ? '—' : String(v)));
  }
  const paged = f.page !== null && f.page !== undefined;
  $('t-page-box').hidden = !paged;
  if (paged) {
    const img = $('t-page-image');
    const src = '/api/page.png?' + new URLSearchParams({doc: f.doc, page: f.page});
    if (img.getAttribute('src') !== src) img.src = src;
    frameOnPage($('t-page-frame'), $('t-page-box'), f, () => tableView.figure === f);
  }
}

/** Frames figure {@code f} on the page image inside {@code frame}; {@code current} says whether it is still shown. */
async function frameOnPage(frame, scroller, f, current) {
  for (const old of frame.querySelectorAll('.page-box-more')) old.remove();
  let b;
  try {
    b = await getJson('/api/page/box?' + new URLSearchParams({doc: f.doc, id: f.id}));
  } catch (e) {
    return;
  }
  if (!current()) return;
  const pad = 2;
  let first = null;
  for (const [x0, y0, x1, y1] of b.boxes || []) {
    const box = frame.appendChild(el('div', {class: 'page-box-more'}));
    Object.assign(box.style, {
      left: ((x0 - pad) / b.width * 100) + '%', top: ((y0 - pad) / b.height * 100) + '%',
      width: ((x1 - x0 + 2 * pad) / b.width * 100) + '%', height: ((y1 - y0 + 2 * pad) / b.height * 100) + '%',
    });
    first = first || box;
  }
  if (!first) return;
  const img = frame.querySelector('img');
  const scroll = () => scrollWithin(scroller, first, true);
  if (img.complete && img.naturalWidth) scroll(); else img.addEventListener('load', scroll, {once: true});
}

/** Reloads the shown table and, when a cell was open, opens it again so its status is current. */
async function reloadTableKeepCell() {
  const cell = tableView.selectedCell;
  await loadTable();
  const td = cell && $('table-body').querySelector(`td[data-figure="${CSS.escape(cell.figureId)}"]`);
  if (td) await openCell(td, cell);
}

async function decideCell(action) {
  const f = tableView.figure;
  if (!f) return;
  try {
    await postJson('/api/decisions', {doc: f.doc, id: f.id, action});
    toast('已保存：' + ACTION_LABEL[action]);
  } catch (e) {
    toast('保存失败：' + e.message, true);
    return;
  }
  await reloadTableKeepCell();
}

async function tableUndo() {
  await undo();
  await reloadTableKeepCell();
}

// ---- the panel (dataset) ----
const PANEL_STATUS_LABEL = {single: '单一来源', agree: '一致', rounding_agree: '舍入后一致', ambiguous: '同文多值', conflict: '冲突', reviewed: '已审阅', superseded: '被本文主值取代', left_out: '单位不符未计入'};
const panelView = {facetsLoaded: false, selected: null};

function panelParams(extra) {
  const p = new URLSearchParams(extra || {});
  for (const name of ['indicator', 'region', 'period', 'status']) {
    if ($('p-' + name).value) p.set(name, $('p-' + name).value);
  }
  return p;
}

async function loadPanel() {
  let body;
  try {
    body = await getJson('/api/panel?' + panelParams());
  } catch (e) {
    toast('读取数据集失败：' + e.message, true);
    return;
  }
  if (!panelView.facetsLoaded) {
    fillOnce($('p-indicator'), body.facets.indicator, indicatorLabels(body.indicator_names));
    fillOnce($('p-region'), body.facets.region);
    fillOnce($('p-period'), body.facets.period);
    fillOnce($('p-status'), Object.keys(PANEL_STATUS_LABEL), PANEL_STATUS_LABEL);
    panelView.facetsLoaded = true;
  }
  const tbody = $('panel-rows');
  tbody.replaceChildren();
  for (const r of body.rows) {
    const tr = el('tr', {class: 'row' + (r.status === 'conflict' ? ' conflict' : '')},
      el('td', {title: r.indicator ?? ''}, r.indicator_id), el('td', {}, r.region), el('td', {}, r.region_code),
      el('td', {}, r.period), el('td', {}, r.scope), el('td', {class: 'num'}, formatValue(r.value, r.unit)),
      el('td', {}, label(UNIT_LABEL, r.unit)), el('td', {class: 'status-' + r.status}, PANEL_STATUS_LABEL[r.status] || r.status),
      el('td', {class: 'num'}, r.n_sources));
    tr.addEventListener('click', () => { markSelected(tbody, tr); showPanelCell(r); });
    tbody.append(tr);
  }
  if (body.rows.length === 0) tbody.append(el('tr', {}, el('td', {colspan: 9, class: 'muted'}, '数据集为空：还没有带指标编号、地区和时期的数字')));
  $('panel-info').textContent = `共 ${body.total} 行` + (body.total > body.rows.length ? `，显示前 ${body.rows.length} 行（请筛选）` : '');
}

function cellParams(r) {
  return new URLSearchParams({indicator: r.indicator_id, region: r.region, period: r.period, scope: r.scope || ''});
}

async function showPanelCell(r) {
  panelView.selected = r;
  let cell;
  try {
    cell = await getJson('/api/panel/cell?' + cellParams(r));
  } catch (e) {
    toast('读取来源失败：' + e.message, true);
    return;
  }
  $('panel-empty').hidden = true;
  $('panel-detail').hidden = false;
  $('panel-citation').hidden = true;
  const fields = $('panel-fields');
  fields.replaceChildren();
  for (const [label, v] of [['指标', `${cell.indicator_id} ${cell.indicator ?? ''}`], ['地区', `${cell.region} ${cell.region_code}`],
    ['时期', cell.period], ['口径', cell.scope || '全域'], ['数值', formatValue(cell.value, cell.unit)],
    ['状态', PANEL_STATUS_LABEL[cell.status] || cell.status]]) {
    fields.append(el('dt', {}, label), el('dd', {}, v === null || v === undefined ? '—' : String(v)));
  }
  const sources = $('panel-sources');
  sources.replaceChildren();
  for (const s of cell.sources) {
    const accept = el('button', {type: 'button'}, '接受此来源');
    accept.addEventListener('click', async () => {
      try {
        await postJson('/api/decisions', {doc: s.doc, id: s.id, action: 'accept'});
        toast('已接受：' + s.raw);
        await loadPanel();
        await showPanelCell(r);
      } catch (e) {
        toast('保存失败：' + e.message, true);
      }
    });
    const open = el('button', {type: 'button'}, '在数字表中打开');
    open.addEventListener('click', () => jumpToFigure(s));
    sources.append(el('div', {class: 'panel-source' + (s.chosen ? ' chosen' : '')},
      el('p', {}, el('strong', {}, s.raw), ` ${s.doc}` + (s.page ? ` 第${s.page}页` : '') + ` 第${s.line}行 · `
        + (STATUS_LABEL[s.review] || s.review) + (s.chosen ? ' · 选用' : '')),
      el('blockquote', {}, s.quote), accept, open));
  }
  const checks = $('panel-checks');
  checks.replaceChildren();
  for (const c of cell.checks) checks.append(el('li', {}, `${PANEL_STATUS_LABEL[c.status] || c.status}：${c.reason}`));
  if (cell.checks.length === 0) checks.append(el('li', {class: 'muted'}, '没有需要注意的核对结果'));
}

/** Shows a panel cell (from a chart point) in the 数据集 tab. */
async function openPanelCell(p) {
  showTab('panel');
  await showPanelCell(p);
}

async function citePanelCell() {
  if (!panelView.selected) return;
  try {
    const body = await getJson('/api/panel/cite?' + cellParams(panelView.selected));
    $('panel-citation').value = body.citations.join('\n');
    $('panel-citation').hidden = false;
  } catch (e) {
    toast('引用失败：' + e.message, true);
  }
}

// ---- wiring ----

function showTab(name) {
  for (const b of document.querySelectorAll('.tab')) b.classList.toggle('active', b.dataset.tab === name);
  for (const s of document.querySelectorAll('.tab-page')) s.hidden = s.id !== name;
  if (name === 'charts') loadCharts();
  if (name === 'orphans') loadOrphans();
  if (name === 'entities') loadEntities();
  if (name === 'measures') loadMeasures();
  if (name === 'panel') loadPanel();
  if (name === 'tables') loadTableDocs().catch((e) => toast('读取表格失败：' + e.message, true));
}

function onKey(event) {
  const t = event.target;
  const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
  if (event.key === 'Escape') { closeForms(); t.blur && t.blur(); return; }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '?') { event.preventDefault(); if (!$('help').open) $('help').showModal(); return; }
  if ($('help').open) return;
  if (!$('tables').hidden) {
    const tableActions = {a: () => decideCell('accept'), r: () => decideCell('reject'), u: tableUndo};
    if (tableActions[event.key]) { event.preventDefault(); tableActions[event.key](); }
    return;
  }
  if ($('review').hidden) return;
  const actions = {
    j: () => { if (state.selected + 1 < state.rows.length) selectRow(state.selected + 1); else nextPage(); },
    k: () => { if (state.selected > 0) selectRow(state.selected - 1); },
    a: () => decide('accept'),
    r: () => decide('reject'),
    c: openCorrect,
    n: openNote,
    u: undo,
  };
  const action = actions[event.key];
  if (action) { event.preventDefault(); action(); }
}

function nextPage() {
  if ((state.page + 1) * state.size < state.total) { state.page++; loadPage(0); }
}

function init() {
  for (const name of FILTERS) {
    $('f-' + name).addEventListener('input', onFilterChange);
    $('f-' + name).addEventListener('change', onFilterChange);
  }
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  $('f-doc').addEventListener('change', () => narrowFacets().catch((e) => toast('读取筛选项失败：' + e.message, true)));
  $('clear-filters').addEventListener('click', clearFilters);
  $('bulk-accept').addEventListener('click', () => bulk('accept'));
  $('bulk-reject').addEventListener('click', () => bulk('reject'));
  $('bulk-reset').addEventListener('click', () => bulk('reset'));
  $('btn-undo').addEventListener('click', undo);
  $('btn-page-image').addEventListener('click', togglePageImage);
  $('btn-help').addEventListener('click', () => $('help').showModal());
  $('prev').addEventListener('click', () => { if (state.page > 0) { state.page--; loadPage(0); } });
  $('next').addEventListener('click', nextPage);
  $('btn-accept').addEventListener('click', () => decide('accept'));
  $('btn-reject').addEventListener('click', () => decide('reject'));
  $('btn-correct').addEventListener('click', openCorrect);
  $('btn-note').addEventListener('click', openNote);
  $('btn-cite').addEventListener('click', cite);
  $('btn-copy').addEventListener('click', () => {
    $('citation').select();
    if (navigator.clipboard) navigator.clipboard.writeText($('citation').value).then(() => toast('已复制'));
  });
  $('correct-field').addEventListener('change', () => {
    const v = state.detail && state.detail[$('correct-field').value];
    $('correct-value').value = v === null || v === undefined ? '' : String(v);
  });
  $('correct-form').addEventListener('submit', (e) => {
    e.preventDefault();
    decide('correct', {field: $('correct-field').value, value: $('correct-value').value});
  });
  $('note-form').addEventListener('submit', (e) => {
    e.preventDefault();
    decide('note', {note: $('note-text').value});
  });
  $('note-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('note-form').requestSubmit(); }
  });
  for (const [prefix, names, load] of [['e', ['type', 'doc', 'q'], loadEntities],
    ['m', ['status', 'instrument', 'doc', 'q'], loadMeasures]]) {
    const r = prefix === 'e' ? records.entities : records.measures;
    let timer;
    for (const name of names) {
      const reload = () => {
        clearTimeout(timer);
        timer = setTimeout(() => { r.page = 0; load(); }, 200);
      };
      // both, as for the figures' filters: a select set by script (or a test driver) may fire only 'change'
      $(prefix + '-' + name).addEventListener('input', reload);
      $(prefix + '-' + name).addEventListener('change', reload);
    }
    $(prefix + '-prev').addEventListener('click', () => { if (r.page > 0) { r.page--; load(); } });
    $(prefix + '-next').addEventListener('click', () => { if ((r.page + 1) * r.size < r.total) { r.page++; load(); } });
  }
  $('entity-filters').addEventListener('submit', (e) => e.preventDefault());
  $('measure-filters').addEventListener('submit', (e) => e.preventDefault());
  $('panel-filters').addEventListener('submit', (e) => e.preventDefault());
  for (const name of ['indicator', 'region', 'period', 'status']) $('p-' + name).addEventListener('change', loadPanel);
  $('btn-panel-cite').addEventListener('click', citePanelCell);
  $('t-doc').addEventListener('change', () => loadTableList().catch((e) => toast('读取表格失败：' + e.message, true)));
  $('t-table').addEventListener('change', () => { $('t-correct-form').hidden = true; loadTable(); });
  $('table-filters').addEventListener('submit', (e) => e.preventDefault());
  $('t-accept').addEventListener('click', () => tableBulk('accept', {doc: tableView.doc, table: tableView.id}, '整张表的全部 0 个数字'));
  $('t-reject').addEventListener('click', () => tableBulk('reject', {doc: tableView.doc, table: tableView.id}, '整张表的全部 0 个数字'));
  $('t-undo').addEventListener('click', tableUndo);
  $('t-axis-accept').addEventListener('click', () => axisBulk('accept'));
  $('t-axis-reject').addEventListener('click', () => axisBulk('reject'));
  $('t-correct-close').addEventListener('click', () => { $('t-correct-form').hidden = true; });
  $('t-correct-form').addEventListener('submit', (e) => { e.preventDefault(); saveAxisCorrection(); });
  $('t-correct-field').addEventListener('change', () => { if (tableView.axis) openAxis(tableView.axis.axis, tableView.axis.index); });
  $('t-cell-accept').addEventListener('click', () => decideCell('accept'));
  $('t-cell-reject').addEventListener('click', () => decideCell('reject'));
  $('t-cell-open').addEventListener('click', () => { if (tableView.figure) jumpToFigure(tableView.figure); });
  for (const b of document.querySelectorAll('.tab')) b.addEventListener('click', () => showTab(b.dataset.tab));
  for (const id of ['c-indicator', 'c-region', 'c-time']) $(id).addEventListener('change', loadCharts);
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', () => { timeChart && timeChart.resize(); regionChart && regionChart.resize(); });
  loadFacets().then(() => loadPage(0)).catch((e) => toast('读取失败：' + e.message, true));
  // Say at once when re-extraction left decisions without their figure: they must not go unnoticed.
  getJson('/api/orphans').then((rows) => {
    if (rows.length) $('tab-orphans').textContent = `孤立的审阅记录 (${rows.length})`;
  }).catch(() => {});
}

init();
