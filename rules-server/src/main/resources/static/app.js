'use strict';
// The legal officers' page: plain JavaScript, no framework, no network beyond this service.

const HANDLING = {
  NO_PENALTY: '不予行政处罚', MAY_NO_PENALTY: '可以不予行政处罚', MITIGATED: '减轻行政处罚',
  LENIENT_OR_MITIGATED: '从轻或者减轻行政处罚', LENIENT: '从轻行政处罚', STANDARD: '依法在法定幅度内处罚（无清单事项或法定情形适用）',
  AGGRAVATED: '从重行政处罚', TIME_BARRED: '超过追责期限，不再给予行政处罚', REFER_CRIMINAL: '涉嫌犯罪，移送司法机关',
  INSUFFICIENT_FACTS: '事实不足，尚不能得出结论'
};
const COERCION = { NO_COERCION: '可以不采取行政强制措施', COERCION_PERMITTED: '可以依法采取行政强制措施' };
const LIST = { NO_PENALTY: '不予处罚事项清单', LENIENT: '从轻处罚事项清单', MITIGATED: '减轻处罚事项清单',
  LENIENT_OR_MITIGATED: '从轻或者减轻处罚事项清单', NO_COERCION: '不予实施行政强制措施事项清单' };
const KIND = { STATUTE: '法定情形（行政处罚法等）', EXCLUSION: '排除情形' };
const STATUS = { HELD: '成立', FAILED: '不成立', UNKNOWN: '未知' };

const state = { catalogs: [], details: {}, itemIndex: {}, selected: null };

const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}
function fid(f) { return f ? el('span', { class: 'fid ' + f, title: '引用文本可信度' }, f) : ''; }
function listName(l) { return LIST[l] || l; }

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(url + '：' + r.status);
  return r.json();
}

async function load() {
  $('status').textContent = '正在读取清单…';
  const cats = await getJson('v1/catalogs');
  state.catalogs = cats.catalogs;
  const details = await Promise.all(cats.catalogs.map((c) => getJson('v1/catalogs/' + encodeURIComponent(c.id))));
  for (const d of details) {
    state.details[d.id] = d;
    for (const it of d.items) state.itemIndex[it.id] = { catalog: d, item: it };
  }
  for (const c of cats.catalogs) {
    const label = c.title + '（' + c.version + '，' + c.status + '）';
    $('catalog-select').append(el('option', { value: c.id }, label));
    $('browse-select').append(el('option', { value: c.id }, label));
  }
  state.loaded = '已载入 ' + cats.catalogs.length + ' 个清单，' + Object.keys(state.itemIndex).length + ' 个事项';
  $('status').textContent = state.loaded;
  renderItems();
  renderBrowse();
}

function renderItems() {
  const cat = $('catalog-select').value;
  const q = $('item-search').value.trim().toLowerCase();
  const ul = $('item-list');
  ul.replaceChildren();
  let n = 0;
  for (const c of state.catalogs) {
    if (cat && c.id !== cat) continue;
    for (const it of state.details[c.id].items) {
      const hay = [it.id, it.name, ...(it.violationBasis || []), ...(it.penaltyBasis || [])].join(' ').toLowerCase();
      if (q && !hay.includes(q)) continue;
      if (++n > 300) continue;
      const li = el('li', { 'data-item': it.id, onclick: () => selectItem(it.id) },
        el('div', {}, el('b', {}, it.id), ' ', it.name),
        el('div', { class: 'meta' }, listName(it.list) + ' · ' + c.title));
      if (state.selected === it.id) li.classList.add('selected');
      ul.append(li);
    }
  }
  if (n === 0) ul.append(el('li', { class: 'meta' }, '没有符合条件的事项'));
  if (n > 300) ul.append(el('li', { class: 'meta' }, '另有 ' + (n - 300) + ' 项，请缩小查找范围'));
}

function selectItem(id) {
  state.selected = id;
  const { catalog, item } = state.itemIndex[id];
  document.querySelector('[name=item]').value = id;
  for (const li of document.querySelectorAll('#item-list li')) li.classList.toggle('selected', li.dataset.item === id);
  const card = $('item-card');
  card.replaceChildren(
    el('div', {}, el('b', {}, item.id + ' ' + item.name), ' ', fid(item.fidelity)),
    el('div', {}, '清单：', catalog.title, catalog.documentNumber ? '（' + catalog.documentNumber + '）' : '', '，', listName(item.list),
      '，状态 ', catalog.status),
    item.violationBasis.length ? el('div', {}, '违法依据：', item.violationBasis.join('；')) : '',
    item.penaltyBasis.length ? el('div', {}, '处罚依据：', item.penaltyBasis.join('；')) : '',
    item.applicability ? el('div', {}, '适用情形：', item.applicability) : '');
  card.classList.remove('hidden');
  const box = $('item-facts');
  box.replaceChildren();
  for (const f of item.facts) {
    const name = 'facts.' + f.name;
    const unit = f.unit ? '（' + f.unit + '）' : '';
    let input;
    if (f.type === 'BOOLEAN') {
      input = el('select', { name, 'data-field': name, 'data-kind': 'boolean' },
        el('option', { value: '' }, '未知'), el('option', { value: 'true' }, '是'), el('option', { value: 'false' }, '否'));
    } else {
      input = el('input', { name, 'data-field': name, 'data-kind': f.type === 'NUMBER' ? 'number' : f.type === 'DATE' ? 'date' : 'text',
        placeholder: f.type === 'DATE' ? 'YYYY-MM-DD' : f.type === 'NUMBER' ? '数值' + unit : '' });
    }
    box.append(el('label', {}, (f.label || f.name) + unit + ' ', el('code', {}, f.name), input));
  }
  $('facts-fieldset').classList.toggle('hidden', item.facts.length === 0);
}

// The case as the contract wants it: an empty field is unknown and left out, never false or zero.
function readCase() {
  const c = {};
  const set = (path, v) => {
    const parts = path.split('.');
    let o = c;
    for (const p of parts.slice(0, -1)) o = o[p] = o[p] || {};
    o[parts[parts.length - 1]] = v;
  };
  for (const e of document.querySelectorAll('#case-form [name]')) {
    const raw = e.value.trim();
    if (raw === '') continue;
    const kind = e.dataset.kind;
    let v = raw;
    if (kind === 'boolean') v = raw === 'true';
    else if ((kind === 'number' || kind === 'integer') && /^-?\d+(\.\d+)?$/.test(raw)) v = Number(raw);
    set(e.name, v);
  }
  c.circumstances = [...document.querySelectorAll('.circumstances input:checked')].map((x) => x.value);
  const cat = $("catalog-select").value;
  if (cat && !c.item) c.catalogs = [cat];
  return c;
}

function clearErrors() {
  for (const e of document.querySelectorAll('.invalid')) e.classList.remove('invalid');
  for (const e of document.querySelectorAll('.field-error')) e.remove();
  $('form-error').classList.add('hidden');
}

function showProblem(p) {
  const field = p.field || '';
  const target = field && (document.querySelector('[data-field="' + CSS.escape(field) + '"]')
    || document.querySelector('[data-field="' + CSS.escape(field.replace(/\[\d+\]$/, '')) + '"]'));
  const msg = (p.problem || p.detail || '请求有误');
  if (target) {
    target.classList.add('invalid');
    const holder = target.closest('label') || target;
    holder.append(el('span', { class: 'field-error', 'data-error-for': field }, '“' + field + '”：' + msg));
    target.scrollIntoView({ block: 'center' });
  }
  const box = $('form-error');
  box.textContent = (p.title || '有误') + '：' + (p.detail || msg);
  box.classList.remove('hidden');
}

async function evaluate(ev) {
  ev.preventDefault();
  clearErrors();
  const body = readCase();
  $('status').textContent = '正在评估…';
  let r;
  try {
    r = await fetch('v1/decisions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    $('status').textContent = '无法连接服务：' + e.message;
    return;
  }
  const data = await r.json();
  $('status').textContent = r.ok ? '评估完成' : '案件数据有误';
  if (!r.ok) {
    $('decision').classList.add('hidden');
    showProblem(data);
    return;
  }
  renderDecision(data);
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}

function renderDecision(d) {
  const box = $('decision');
  const mode = d.mandatory ? el('span', { class: 'mode must' }, '应当') : el('span', { class: 'mode may' }, '可以');
  const parts = [
    el('h2', {}, '三、评估结果：案件 ', d.id),
    el('div', { class: 'handling', id: 'handling', 'data-handling': d.handling },
      HANDLING[d.handling] || d.handling, ' ', el('code', {}, d.handling), mode),
    el('div', { id: 'coercion' }, '行政强制：', d.coercion ? (COERCION[d.coercion] || d.coercion) : '未知（缺少判断所需事实）')];
  if (d.items.length) {
    parts.push(el('h3', {}, '适用的清单事项'), table(['清单', '事项', '名称', '文号', '层级', '可信度'],
      d.items.map((i) => [listName(i.list), i.item + '（第' + (i.itemNumber || '?') + '项）', i.name, i.documentNumber || '', i.level || '', fid(i.fidelity)])));
  }
  if (d.missingFacts.length) {
    parts.push(el('h3', {}, '需要补充的事实（回答后结论可能改变）'), el('ol', { class: 'questions', id: 'missing-facts' },
      d.missingFacts.map((m) => el('li', {}, el('b', {}, m.label + '？'), ' ', el('code', {}, m.field), el('div', { class: 'meta' }, '用于：' + m.why)))));
  }
  parts.push(el('h3', {}, '法律依据'), el('table', { id: 'basis' },
    el('thead', {}, el('tr', {}, ['作用', '条款', '引用文本', '可信度'].map((h) => el('th', {}, h)))),
    el('tbody', {}, d.basis.map((b) => el('tr', {}, el('td', {}, b.role), el('td', {}, b.reference),
      el('td', { class: 'quote' }, '“' + (b.text || '') + '”'), el('td', {}, fid(b.fidelity)))))));
  if (d.fineRange) {
    const f = d.fineRange;
    parts.push(el('h3', {}, '罚款幅度'), el('div', { id: 'fine-range' },
      (f.min ?? '—') + ' 元 至 ' + (f.max ?? '—') + ' 元' + (f.maxInclusive ? '（含上限）' : '（不含上限）'),
      f.rule ? '；' + f.rule : '', f.verified ? '' : el('span', { class: 'fid UNVERIFIED' }, '划分规则未经核实')));
  }
  if (d.duties.length) {
    parts.push(el('h3', {}, '同时应当履行'), el('ul', {}, d.duties.map((x) => el('li', {}, x.text, x.basis ? '（' + x.basis + '）' : ''))));
  }
  if (d.measures && d.measures.length) parts.push(el('h3', {}, '配套监管措施'), el('ul', {}, d.measures.map((m) => el('li', {}, m))));
  if (d.warnings.length) parts.push(el('h3', {}, '提示'), el('ul', { class: 'warnings' }, d.warnings.map((w) => el('li', {}, w))));
  const copy = el('button', { type: 'button', class: 'copy', id: 'copy-explanation', onclick: () => copyText(d.explanation, copy) }, '复制');
  parts.push(el('h3', {}, '裁量理由', copy), el('div', { class: 'explanation', id: 'explanation' }, d.explanation || ''));
  parts.push(el('h3', {}, '逐项审查（未适用的理由）'), whyNot(d.whyNot));
  parts.push(el('div', { class: 'meta' }, '清单版本：', d.catalogVersions.map((v) => v.id + ' ' + v.version).join('；'), '；引擎 ', d.engineVersion));
  box.replaceChildren(...parts);
  box.classList.remove('hidden');
  box.scrollIntoView({ block: 'start' });
}

function whyNot(reports) {
  const groups = new Map();
  for (const r of reports) {
    let g = KIND[r.kind] || r.kind;
    if (r.kind === 'ITEM') {
      const ref = state.itemIndex[r.id];
      g = ref ? listName(ref.item.list) + ' · ' + ref.catalog.title : '清单事项';
    }
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(r);
  }
  const wrap = el('div', { id: 'why-not' });
  for (const [g, rs] of groups) {
    wrap.append(el('h4', {}, g), table(['编号', '名称', '结论', '是否适用', '说明', '条件'], rs.map((r) => [
      r.id, r.title, el('span', { class: 'st-' + r.status }, STATUS[r.status] || r.status), r.applied ? '适用' : '未适用', r.note || '',
      el('ul', {}, (r.conditions || []).map((c) => el('li', {}, el('span', { class: 'st-' + c.status }, STATUS[c.status] || c.status), '：', c.label,
        c.detail ? '（' + c.detail + '）' : '')))])));
  }
  return wrap;
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const t = el('textarea', {}, text);
    document.body.append(t);
    t.select();
    document.execCommand('copy');
    t.remove();
  }
  button.textContent = '已复制';
  setTimeout(() => { button.textContent = '复制'; }, 1500);
}

function renderBrowse() {
  const id = $('browse-select').value;
  const c = state.details[id];
  if (!c) return;
  const dates = [c.publishedOn && '发布 ' + c.publishedOn, c.effectiveFrom && '施行 ' + c.effectiveFrom, c.effectiveTo && '废止 ' + c.effectiveTo].filter(Boolean).join('，');
  $('browse-meta').replaceChildren(
    el('div', {}, el('b', {}, c.title), c.documentNumber ? '（' + c.documentNumber + '）' : '', ' ', fid(c.fidelity)),
    el('div', {}, '发布机关：', c.issuingBody || '', '；状态：', el('b', { id: 'browse-status' }, c.status), c.statusNote ? '（' + c.statusNote + '）' : '',
      dates ? '；' + dates : '', '；版本 ', c.version));
  $('browse-downloads').replaceChildren('下载：', ...['xlsx', 'csv', 'html', 'md'].map((f) =>
    el('a', { href: 'v1/catalogs/' + encodeURIComponent(id) + '/publish?format=' + f, download: id + '.' + f }, f.toUpperCase())));
  $('browse-tables').replaceChildren(...c.tables.flatMap((t) => [
    el('div', { class: 'table-title' }, t.title), t.document ? el('div', { class: 'table-unit' }, t.document) : '',
    el('div', { class: 'table-unit' }, '单位名称（盖章）：', t.unit || ''),
    table(t.headers, t.rows.map((r) => r.cells))]));
}

function showView(btn) {
  for (const b of document.querySelectorAll('nav .tab')) b.classList.toggle('active', b === btn);
  for (const v of document.querySelectorAll('.view')) v.classList.toggle('hidden', v.id !== btn.dataset.view);
  if (state.loaded) $('status').textContent = state.loaded;
}

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll('nav .tab')) b.addEventListener('click', () => showView(b));
  $('catalog-select').addEventListener('change', renderItems);
  $('item-search').addEventListener('input', renderItems);
  $('browse-select').addEventListener('change', renderBrowse);
  $('case-form').addEventListener('submit', evaluate);
  $('reset-button').addEventListener('click', () => { $('case-form').reset(); clearErrors(); $('decision').classList.add('hidden'); });
  load().catch((e) => { $('status').textContent = '读取清单失败：' + e.message; });
});
