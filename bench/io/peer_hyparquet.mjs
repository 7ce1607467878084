// Peer for IoBench: hyparquet (pure JavaScript) reading every column of the NanoAOD Parquet files.
//   NODE_PATH=<folder with hyparquet and hyparquet-compressors installed> node peer_hyparquet.mjs <data folder>
import { createRequire } from 'module'
import { statSync } from 'fs'
const require = createRequire(process.env.NODE_PATH + '/')
const { parquetReadObjects, asyncBufferFromFile } = await import(require.resolve('hyparquet'))
const { compressors } = await import(require.resolve('hyparquet-compressors'))
for (const f of ['nano_dy.parquet', 'nano_dimuon.parquet']) {
  const path = process.argv[2] + '/parquet/' + f
  const run = async () => parquetReadObjects({ file: await asyncBufferFromFile(path), compressors })
  for (let i = 0; i < 5; i++) await run()
  const t = []
  for (let i = 0; i < 15; i++) { const s = performance.now(); await run(); t.push(performance.now() - s) }
  t.sort((a, b) => a - b)
  const ms = t[7]
  console.log(`${('hyparquet ' + f + ' (all)').padEnd(28)} ${ms.toFixed(2).padStart(10)} ms ${(statSync(path).size / 1e6 / (ms / 1e3)).toFixed(1).padStart(10)} MB/s`)
}
