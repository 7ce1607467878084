// Makes the small Parquet test files with arrow-rs (the parquet-wasm package), in every codec,
// page version and encoding the Hadron reader handles, plus nested ones it must refuse.
//   cd /tmp/scratch && npm install parquet-wasm apache-arrow hyparquet hyparquet-compressors
//   NODE_PATH=/tmp/scratch/node_modules node make_parquet.mjs   (run from this folder)
// Then run make_golden.mjs to write golden.json from an independent reader (hyparquet).
import { createRequire } from 'module'
import { writeFileSync } from 'fs'
const require = createRequire(process.env.NODE_PATH + '/')
const arrow = require('apache-arrow')
const pw = require('parquet-wasm')
const { Field, List, Struct, Float32, Float64, Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Bool, Utf8,
  Dictionary, vectorFromArray, makeTable, tableToIPC, Table } = arrow

const n = 100
const range = (k) => Array.from({ length: k }, (_, i) => i)
const rows = range(n)
const f64 = rows.map(i => (i % 7 === 3 ? null : Math.sin(i) * 100))
const f32 = rows.map(i => Math.fround(i * 0.25 - 3))
const i32 = rows.map(i => (i % 11 === 5 ? null : (i * 7919) % 1000 - 500))
const i64 = rows.map(i => BigInt(i) * 1000000000007n - 50000000000000n)
const u8 = rows.map(i => (i * 37) % 256)
const u16 = rows.map(i => (i * 1237) % 65536)
const u32 = rows.map(i => (i * 2654435761) % 4294967296)
const i8 = rows.map(i => ((i * 37) % 256) - 128)
const bool = rows.map(i => (i % 13 === 0 ? null : i % 3 === 0))
const cats = ['b', 's', 'signal', 'background']
const str = rows.map(i => (i % 17 === 4 ? null : cats[i % 4]))
const listF = rows.map(i => (i % 9 === 2 ? null : range(i % 5).map(k => (k === 2 && i % 4 === 0 ? null : Math.fround(i + k / 8)))))
const listI = rows.map(i => range((i * 3) % 4).map(k => BigInt(i * 10 + k)))
const reqListF = rows.map(i => range(i % 3).map(k => Math.fround(k - i)))

const flat = makeTable({
  f64: vectorFromArray(f64, new Float64()),
  f32: vectorFromArray(f32, new Float32()),
  i32: vectorFromArray(i32, new Int32()),
  i64: vectorFromArray(i64, new Int64()),
  u8: vectorFromArray(u8, new Uint8()),
  u16: vectorFromArray(u16, new Uint16()),
  u32: vectorFromArray(u32, new Uint32()),
  i8: vectorFromArray(i8, new Int8()),
  flag: vectorFromArray(bool, new Bool()),
  label: vectorFromArray(str, new Utf8()),
  pt: vectorFromArray(listF, new List(new Field('element', new Float32(), true))),
  idx: vectorFromArray(listI, new List(new Field('element', new Int64(), true))),
})
const ipc = (t) => pw.Table.fromIPCStream(tableToIPC(t, 'stream'))

function write(name, table, configure) {
  let b = new pw.WriterPropertiesBuilder()
  b = configure(b)
  const bytes = pw.writeParquet(ipc(table), b.build())
  writeFileSync(name, bytes)
  console.log(name, bytes.length)
}
const V1 = pw.WriterVersion.V1, V2 = pw.WriterVersion.V2
write('v1_snappy_dict.parquet', flat, b => b.setWriterVersion(V1).setCompression(pw.Compression.SNAPPY)
  .setDictionaryEnabled(true).setMaxRowGroupSize(40).setDataPageSizeLimit(64))
write('v2_gzip_plain.parquet', flat, b => b.setWriterVersion(V2).setCompression(pw.Compression.GZIP)
  .setDictionaryEnabled(false).setDataPageSizeLimit(128))
write('v2_zstd_dict.parquet', flat, b => b.setWriterVersion(V2).setCompression(pw.Compression.ZSTD)
  .setDictionaryEnabled(true).setMaxRowGroupSize(64))
write('v1_uncompressed.parquet', flat, b => b.setWriterVersion(V1).setCompression(pw.Compression.UNCOMPRESSED)
  .setDictionaryEnabled(false))
write('lz4raw_encodings.parquet', flat, b => b.setWriterVersion(V2).setCompression(pw.Compression.LZ4_RAW)
  .setDictionaryEnabled(false)
  .setColumnEncoding('f64', pw.Encoding.BYTE_STREAM_SPLIT).setColumnEncoding('f32', pw.Encoding.BYTE_STREAM_SPLIT)
  .setColumnEncoding('i32', pw.Encoding.DELTA_BINARY_PACKED).setColumnEncoding('i64', pw.Encoding.DELTA_BINARY_PACKED)
  .setColumnEncoding('u32', pw.Encoding.DELTA_BINARY_PACKED))

// structs and lists of structs (NanoAOD-like collections), and a list of lists the reader must refuse
const muons = rows.map(i => range(i % 4).map(k => ({ pt: Math.fround(20 + i + k), charge: (k % 2) * 2 - 1 })))
const nested = makeTable({
  met: vectorFromArray(rows.map(i => ({ pt: Math.fround(i * 1.5), phi: Math.fround(i / 100) })),
    new Struct([new Field('pt', new Float32(), false), new Field('phi', new Float32(), false)])),
  Muon: vectorFromArray(muons, new List(new Field('element', new Struct([new Field('pt', new Float32(), false),
    new Field('charge', new Int32(), false)]), false))),
  req: vectorFromArray(reqListF, new List(new Field('element', new Float32(), false))),
})
write('structs.parquet', nested, b => b.setWriterVersion(V1).setCompression(pw.Compression.ZSTD))
const lol = makeTable({
  x: vectorFromArray(rows.map(i => i), new Int32()),
  hits: vectorFromArray(rows.map(i => [[i], [i, i + 1]]), new List(new Field('element', new List(new Field('element', new Int32(), true)), true))),
})
write('list_of_lists.parquet', lol, b => b.setWriterVersion(V1).setCompression(pw.Compression.UNCOMPRESSED))
