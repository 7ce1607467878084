// Writes golden.json: every column of every test file as read by hyparquet, a pure-JavaScript
// Parquet reader independent of both the writer (arrow-rs) and Hadron. Also records, for the two
// NanoAOD files in the shared data folder (not copied here), a few columns for comparison.
//   NODE_PATH=/tmp/scratch/node_modules node make_golden.mjs
import { createRequire } from 'module'
import { writeFileSync, readdirSync, existsSync } from 'fs'
const require = createRequire(process.env.NODE_PATH + '/')
const { parquetReadObjects, parquetMetadataAsync, asyncBufferFromFile } = await import(require.resolve('hyparquet'))
const { compressors } = await import(require.resolve('hyparquet-compressors'))

const plain = (v) => {
  if (typeof v === 'bigint') return Number(v) === Number(BigInt.asIntN(64, v)) && Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
  if (Array.isArray(v)) return v.map(plain)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
  return v
}

async function dump(path, columns) {
  const file = await asyncBufferFromFile(path)
  const md = await parquetMetadataAsync(file)
  const rows = await parquetReadObjects({ file, compressors, columns })
  const cols = {}
  for (const name of Object.keys(rows[0] ?? {})) cols[name] = rows.map(r => plain(r[name]))
  const encodings = new Set(), codecs = new Set(), pages = new Set()
  for (const rg of md.row_groups) for (const c of rg.columns) {
    codecs.add(c.meta_data.codec); c.meta_data.encodings.forEach(e => encodings.add(e))
    ;(c.meta_data.encoding_stats ?? []).forEach(s => pages.add(s.page_type))
  }
  return { rows: Number(md.num_rows), row_groups: md.row_groups.length, codecs: [...codecs], encodings: [...encodings],
    page_types: [...pages], columns: cols }
}

const out = {}
for (const f of readdirSync('.').filter(f => f.endsWith('.parquet')).sort()) {
  if (f === 'list_of_lists.parquet') continue
  out[f] = await dump(f)
}
const shared = '../../../../../../../../../shared/data/parquet/'
for (const f of ['nano_dimuon.parquet', 'nano_dy.parquet']) {
  if (existsSync(shared + f)) {
    out['shared:' + f] = await dump(shared + f, ['run', 'event', 'nMuon', 'Muon_pt', 'Muon_eta', 'Muon_charge',
      'Muon_tightId', 'MET_pt', 'Jet_pt', 'nJet', 'luminosityBlock', 'PV_npvs', 'HLT_IsoMu24', 'Electron_pt'])
  }
}
writeFileSync('golden.json', JSON.stringify(out, null, 0))
for (const [k, v] of Object.entries(out)) console.log(k, v.rows, v.row_groups, v.codecs, v.encodings, v.page_types, Object.keys(v.columns).length)
