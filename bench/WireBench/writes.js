'use strict';
// Write throughput of the console's two front doors from the same client language: the real Tablestore npm SDK
// (tablestore@5.6.5: protobuf + PlainBuffer, signed requests, POST /<Action>) against the JSON API (node fetch,
// HTTP Basic, keep-alive, POST /api/<Action>). Same rows (STRING key + 6 columns of every type), same tables,
// interleaved in one run: a warm-up round, then ROUNDS rounds whose order alternates; the median round counts.
//   (a) PutRow, one row per call, sequentially: PUTS rows per round and API.
//   (b) BatchWriteRow, BATCH_ROWS rows per call, sequentially: BATCH_TOTAL rows per round and API.
// Started by bench/WireBench (which serves the console and sets the environment below); prints a markdown table.
// Environment: OTS_ENDPOINT, OTS_INSTANCE, OTS_ACCESS_KEY_ID, OTS_ACCESS_KEY_SECRET; optional PUTS (5000),
// BATCH_TOTAL (100000), BATCH_ROWS (200), ROUNDS (3), SERVER_PID (the console's process: its CPU time is sampled
// from /proc, Linux only).
const fs = require('fs');
const TableStore = require('../../tests/sdk-node/node_modules/tablestore');

const env = name => process.env[name] || (() => { throw new Error(`set ${name}`); })();
const count = (name, fallback) => Number.parseInt(process.env[name] || String(fallback), 10);
const endpoint = env('OTS_ENDPOINT');
const [keyId, keySecret] = [env('OTS_ACCESS_KEY_ID'), env('OTS_ACCESS_KEY_SECRET')];
const PUTS = count('PUTS', 5000);
const BATCH_TOTAL = count('BATCH_TOTAL', 100000);
const BATCH_ROWS = count('BATCH_ROWS', 200);
const ROUNDS = count('ROUNDS', 3);
const SERVER_PID = process.env.SERVER_PID;

const client = new TableStore.Client({
  accessKeyId: keyId, secretAccessKey: keySecret, endpoint, instancename: env('OTS_INSTANCE'), maxRetries: 0,
});
const sdk = (operation, params) => new Promise((resolve, reject) =>
  client[operation](params, (err, data) => err ? reject(new Error(`${operation}: ${err.code} ${err.message}`)) : resolve(data)));

const authorization = 'Basic ' + Buffer.from(`${keyId}:${keySecret}`).toString('base64');
async function json(operation, body) {
  const response = await fetch(`${endpoint}/api/${operation}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`/api/${operation}: ${response.status} ${text}`);
  return JSON.parse(text);
}

// The row: key id STRING; s STRING (with non-ASCII), n INTEGER, big INTEGER beyond 2^53, d DOUBLE, b BOOLEAN,
// bin BINARY (16 bytes). The same values through either API.
const BIG = 9007199254740993n;
function row(i) {
  const bin = Buffer.alloc(16);
  bin.writeUInt32LE(i, 0);
  bin.writeUInt32LE(i * 2654435761 >>> 0, 8);
  return { id: `r${String(i).padStart(8, '0')}`, s: `row ${i} – größe ${i % 97}`, n: i, big: BIG + BigInt(i), d: i + 0.25, b: i % 2 === 0, bin };
}
const sdkColumns = r => [
  { s: r.s }, { n: TableStore.Long.fromNumber(r.n) }, { big: TableStore.Long.fromString(r.big.toString()) }, { d: r.d }, { b: r.b }, { bin: r.bin },
];
const jsonColumns = r => ({
  s: r.s, n: r.n, big: { integer: r.big.toString() }, d: { double: r.d }, b: r.b, bin: { binary: r.bin.toString('base64') },
});
const ignore = new TableStore.Condition(TableStore.RowExistenceExpectation.IGNORE, null);

const workloads = {
  put: {
    title: `PutRow, 1 row per call, sequential`,
    rows: PUTS,
    async sdk(table) {
      for (let i = 0; i < PUTS; i++) {
        const r = row(i);
        await sdk('putRow', { tableName: table, condition: ignore, primaryKey: [{ id: r.id }], attributeColumns: sdkColumns(r) });
      }
    },
    async json(table) {
      for (let i = 0; i < PUTS; i++) {
        const r = row(i);
        await json('PutRow', { tableName: table, primaryKey: { id: r.id }, columns: jsonColumns(r) });
      }
    },
  },
  batch: {
    title: `BatchWriteRow, ${BATCH_ROWS} rows per call, sequential`,
    rows: BATCH_TOTAL,
    async sdk(table) {
      for (let first = 0; first < BATCH_TOTAL; first += BATCH_ROWS) {
        const rows = [];
        for (let i = first; i < Math.min(first + BATCH_ROWS, BATCH_TOTAL); i++) {
          const r = row(i);
          rows.push({ type: 'PUT', condition: ignore, primaryKey: [{ id: r.id }], attributeColumns: sdkColumns(r) });
        }
        const answer = await sdk('batchWriteRow', { tables: [{ tableName: table, rows }] });
        const failed = answer.tables.find(t => !t.isOk);
        if (failed || answer.tables.length !== rows.length)
          throw new Error(`batchWriteRow: ${failed ? failed.errorCode + ' ' + failed.errorMessage : `${answer.tables.length} results for ${rows.length} rows`}`);
      }
    },
    async json(table) {
      for (let first = 0; first < BATCH_TOTAL; first += BATCH_ROWS) {
        const rows = [];
        for (let i = first; i < Math.min(first + BATCH_ROWS, BATCH_TOTAL); i++) {
          const r = row(i);
          rows.push({ type: 'PUT', primaryKey: { id: r.id }, columns: jsonColumns(r) });
        }
        const answer = await json('BatchWriteRow', { tables: [{ tableName: table, rows }] });
        const results = answer.tables[0].rows;
        const failed = results.find(r => !r.isOk);
        if (failed || results.length !== rows.length)
          throw new Error(`/api/BatchWriteRow: ${failed ? JSON.stringify(failed.error) : `${results.length} results for ${rows.length} rows`}`);
      }
    },
  },
};

/** The console process's CPU seconds (user + system) from /proc, or null where there is none. */
function serverCpu() {
  if (!SERVER_PID)
    return null;
  try {
    const fields = fs.readFileSync(`/proc/${SERVER_PID}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return null;
  }
}

let tableNumber = 0;
/** One measured pass into a fresh table (created untimed through the JSON API, so both APIs write into alike tables). */
async function pass(workload, api) {
  const table = `bench_${workload}_${api}_${tableNumber++}`;
  await json('CreateTable', { tableName: table, primaryKey: [{ name: 'id', type: 'STRING' }] });
  const [cpu0, server0, t0] = [process.cpuUsage(), serverCpu(), process.hrtime.bigint()];
  await workloads[workload][api](table);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const server1 = serverCpu();
  const rows = workloads[workload].rows;
  return {
    seconds, rate: rows / seconds,
    clientUsPerRow: (cpu.user + cpu.system) / rows,
    serverUsPerRow: server0 === null || server1 === null ? null : (server1 - server0) * 1e6 / rows,
  };
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value, digits) => value === null || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
const grouped = value => Math.round(value).toLocaleString('en-US');

(async () => {
  const results = { put: { sdk: [], json: [] }, batch: { sdk: [], json: [] } };
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 === 0 ? ['sdk', 'json'] : ['json', 'sdk'];
    for (const workload of ['put', 'batch']) {
      for (const api of order) {
        const result = await pass(workload, api);
        const label = round === 0 ? 'warm-up' : `round ${round}`;
        console.error(`${label}: ${workload} ${api}: ${grouped(result.rate)} rows/s (${result.seconds.toFixed(2)} s; client ${fixed(result.clientUsPerRow, 1)} µs/row, server ${fixed(result.serverUsPerRow, 1)} µs/row)`);
        if (round > 0)
          results[workload][api].push(result);
      }
    }
  }

  const lines = [
    `| workload | API | rows per round | median rows/s | rounds (rows/s) | client CPU µs/row | server CPU µs/row |`,
    `|---|---|---:|---:|---|---:|---:|`,
  ];
  const ratios = [];
  for (const workload of ['put', 'batch']) {
    const medians = {};
    for (const api of ['sdk', 'json']) {
      const runs = results[workload][api];
      medians[api] = median(runs.map(r => r.rate));
      const servers = runs.map(r => r.serverUsPerRow).filter(v => v !== null);
      lines.push(`| ${workloads[workload].title} | ${api === 'sdk' ? 'npm SDK (wire)' : 'JSON API'} | ${grouped(workloads[workload].rows)} | ` +
        `${grouped(medians[api])} | ${runs.map(r => grouped(r.rate)).join(', ')} | ${fixed(median(runs.map(r => r.clientUsPerRow)), 1)} | ` +
        `${servers.length ? fixed(median(servers), 1) : 'n/a'} |`);
    }
    ratios.push(`${workloads[workload].title}: SDK/JSON = ${(medians.sdk / medians.json).toFixed(2)}`);
  }
  console.log(lines.join('\n'));
  console.log('');
  for (const ratio of ratios)
    console.log(`- ${ratio}`);
})().catch(error => {
  console.error(error.stack || String(error));
  process.exit(1);
});
