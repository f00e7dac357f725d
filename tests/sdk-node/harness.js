'use strict';
// What every SDK script here shares: the client from the environment, promise-style calls, checks that stop the
// run with a message naming the field, and the one-line JSON summary the xunit test reads.
const TableStore = require('tablestore');

function setting(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name} (OTS_ENDPOINT, OTS_INSTANCE, OTS_ACCESS_KEY_ID, OTS_ACCESS_KEY_SECRET)`);
    process.exit(2);
  }
  return value;
}

// maxRetries 0: an error is answered at once, where node would otherwise retry reads for ~37 s.
const client = new TableStore.Client({
  accessKeyId: setting('OTS_ACCESS_KEY_ID'),
  secretAccessKey: setting('OTS_ACCESS_KEY_SECRET'),
  endpoint: setting('OTS_ENDPOINT'),
  instancename: setting('OTS_INSTANCE'),
  maxRetries: 0,
});

class Mismatch extends Error {}

/** Calls client[operation]; with expectError the error ({code, message}) is the result and success is a mismatch. */
function call(operation, params, { expectError = false } = {}) {
  return new Promise((resolve, reject) => client[operation](params, (err, data) => {
    if (expectError)
      return err ? resolve({ code: err.code, message: String(err.message) }) : reject(new Mismatch(`${operation} succeeded but should have failed`));
    return err ? reject(new Mismatch(`${operation} failed: ${err.code} ${err.message}`)) : resolve(data);
  }));
}

function check(condition, message) {
  if (!condition)
    throw new Mismatch(message);
}

function equal(actual, expected, what) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

/** An int64 as protobufjs decodes it (a Long or a number) as a JS number. */
function number(value) {
  return value === null || value === undefined ? value : Number(value.toString());
}

function run(body) {
  body().then(summary => {
    console.log(JSON.stringify({ ok: true, ...summary }));
  }, error => {
    console.error(error instanceof Mismatch ? `MISMATCH: ${error.message}` : error.stack || String(error));
    process.exit(1);
  });
}

module.exports = { client, call, check, equal, number, run };
