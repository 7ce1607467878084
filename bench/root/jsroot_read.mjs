// W8 peer: MB/s reading every branch of a tree with JSROOT in Node. Same files, same definition of
// MB (the sum of the branches' uncompressed fTotBytes), same loop (open, read tree, read all branches).
//   JSROOT=<path to jsroot/modules/main.mjs> node jsroot_read.mjs <data/root dir> [seconds]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { openFile, TSelector, treeProcess } = await import(process.env.JSROOT ?? 'jsroot');
const [dir, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg ?? 3);
const here = path.dirname(fileURLToPath(import.meta.url));
const list = fs.readFileSync(path.join(here, 'files.txt'), 'utf8').split('\n')
  .map(l => l.trim()).filter(l => l && !l.startsWith('#')).map(l => l.split(/\s+/));

function leaves(list, out) {
  for (const b of list.arr) {
    if (b.fBranches.arr.length === 0) out.push(b);
    leaves(b.fBranches, out);
  }
  return out;
}

async function readAll(file, treeName) {
  const f = await openFile(file);
  const t = await f.readObject(treeName);
  const sel = new TSelector();
  const branches = leaves(t.fBranches, []);
  branches.forEach((b, i) => sel.addBranch(b, 'b' + i));
  let n = 0;
  sel.Process = function () { n++; };
  await treeProcess(t, sel);
  if (n !== Number(t.fEntries)) throw new Error(`read ${n} of ${t.fEntries} entries`);
  return branches.reduce((s, b) => s + Number(b.fTotBytes), 0);
}

for (const [name, tree] of list) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) { console.error('skipping missing ' + file); continue; }
  const bytes = await readAll(file, tree);
  let end = performance.now() + seconds * 500;
  while (performance.now() < end) await readAll(file, tree);
  let n = 0;
  const t0 = performance.now();
  end = t0 + seconds * 1000;
  do { await readAll(file, tree); n++; } while (performance.now() < end);
  const s = (performance.now() - t0) / 1000;
  console.log(`${name} ${tree} ${(bytes * n / s / 1e6).toFixed(1)}`);
}
