// Golden values for the ROOT reader tests, produced by an independent reader: JSROOT (npm "jsroot").
//
//   mkdir -p /tmp/jsroot && cd /tmp/jsroot && npm install jsroot --ignore-scripts --omit=optional
//   JSROOT=/tmp/jsroot/node_modules/jsroot/modules/main.mjs \
//     node make_golden.mjs <repo>/../shared/data/root <this folder>
//
// "full" files record every value of every branch; "summary" files record, per branch, the number of
// values, their float64 sum (in entry order) and the first entries. Histograms record contents,
// sums of squared weights (both with flow bins) and the axis limits.
import fs from 'node:fs';
import path from 'node:path';

const { openFile, TSelector, treeProcess } = await import(process.env.JSROOT ?? 'jsroot');
const [dataDir, outDir] = process.argv.slice(2);

function norm(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (ArrayBuffer.isView(v) || Array.isArray(v)) return Array.from(v, norm);
  if (typeof v === 'object') {
    const keys = Object.keys(v).filter(k => !k.startsWith('$') && !k.startsWith('_'));
    if (keys.length > 0 && keys.every(k => /^\d+$/.test(k))) return keys.map(k => norm(v[k]));
    if (keys.length === 0 && typeof v.length === 'number') return Array.from(v, norm);
    const o = {};
    for (const k of keys) o[k] = norm(v[k]);
    return o;
  }
  return String(v);
}

function allBranches(list, prefix, out) {
  for (const b of list.arr) {
    const p = prefix ? prefix + '/' + b.fName : b.fName;
    if (b.fBranches.arr.length === 0) out.push({ branch: b, path: p });
    allBranches(b.fBranches, p, out);
  }
  return out;
}

async function readTree(file, treeName) {
  const t = await file.readObject(treeName);
  const branches = allBranches(t.fBranches, '', []);
  const sel = new TSelector();
  const cols = branches.map(() => []);
  branches.forEach((b, i) => sel.addBranch(b.branch, 'c' + i));
  sel.Process = function () {
    branches.forEach((b, i) => cols[i].push(norm(this.tgtobj['c' + i])));
  };
  await treeProcess(t, sel);
  return { entries: Number(t.fEntries), branches, cols };
}

function flat(v, out) {
  if (Array.isArray(v)) v.forEach(x => flat(x, out));
  else if (v !== null && typeof v === 'object') Object.values(v).forEach(x => flat(x, out));
  else out.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
  return out;
}

async function full(fileName, treeName, outName) {
  const f = await openFile(path.join(dataDir, fileName));
  const { entries, branches, cols } = await readTree(f, treeName);
  const out = { file: fileName, tree: treeName, entries, branches: {} };
  branches.forEach((b, i) => { out.branches[b.path] = cols[i]; });
  fs.writeFileSync(path.join(outDir, outName), JSON.stringify(out));
}

async function summary(fileName, treeName, outName, firstEntries) {
  const f = await openFile(path.join(dataDir, fileName));
  const { entries, branches, cols } = await readTree(f, treeName);
  const out = { file: fileName, tree: treeName, entries, branches: {} };
  branches.forEach((b, i) => {
    const values = flat(cols[i], []);
    if (values.some(x => typeof x === 'string')) {
      out.branches[b.path] = { count: values.length, first: cols[i].slice(0, firstEntries) };
      return;
    }
    let sum = 0;
    for (const x of values) sum += x;
    out.branches[b.path] = { count: values.length, sum: Number.isFinite(sum) ? sum : String(sum),
      first: cols[i].slice(0, firstEntries) };
  });
  fs.writeFileSync(path.join(outDir, outName), JSON.stringify(out));
}

async function histograms(fileName, outName) {
  const f = await openFile(path.join(dataDir, fileName));
  const out = { file: fileName, histograms: {} };
  for (const k of f.fKeys) {
    if (!k.fClassName.startsWith('TH')) continue;
    const h = await f.readObject(k.fName);
    out.histograms[k.fName] = {
      className: h._typename, title: h.fTitle, entries: h.fEntries,
      contents: Array.from(h.fArray), sumw2: Array.from(h.fSumw2 ?? []),
      nbins: h.fXaxis.fNbins, xmin: h.fXaxis.fXmin, xmax: h.fXaxis.fXmax,
    };
  }
  fs.writeFileSync(path.join(outDir, outName), JSON.stringify(out));
}

await full('uproot-sample-6.20.04-uncompressed.root', 'sample', 'sample-6.20.04.json');
await full('uproot-small-evnt-tree-fullsplit.root', 'tree', 'small-evnt-tree-fullsplit.json');
await full('uproot-small-flat-tree.root', 'tree', 'small-flat-tree.json');
await full('uproot-leaflist.root', 'tree', 'leaflist.json');
await full('uproot-simple.root', 'tree', 'simple.json');
await summary('uproot-HZZ.root', 'events', 'HZZ-summary.json', 5);
await summary('uproot-Zmumu.root', 'events', 'Zmumu-summary.json', 5);
await summary('tmva-Higgs_data.root', 'sig_tree', 'tmva-sig-summary.json', 3);
await summary('nanoAOD_2015_CMS_Open_Data_ttbar.root', 'Events', 'nanoAOD-ttbar-summary.json', 1);
await summary('nano_dy.root', 'Events', 'nano_dy-summary.json', 1);
await summary('nano_dimuon.root', 'Events', 'nano_dimuon-summary.json', 1);
await histograms('uproot-histograms.root', 'histograms.json');
